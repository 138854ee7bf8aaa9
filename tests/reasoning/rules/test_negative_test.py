"""rule:negative-test: a test that needs a higher grade, or finds nothing in a stretch, stays negative.

Definition: a clinical test that examines a structure the injury damages (or a whole that structure is part of) and
detects its lesion only from the grade its source requires (akg:minimumGrade) is expected negative when the injury's
grade is below that grade and rule positive-test does not make it positive another way; and a test that examines a
structure the injury only stretches at a grade that costs it nothing (grade I), by stressing a motion or by finding a
loss of continuity where its source states no grade, is expected negative, unless positive another way. Only so: a
test is never expected negative merely because nothing predicts it positive.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import (
    GRADE_LOSS,
    LAXITY_THRESHOLD,
    findings,
    positive_tests,
    rule_ids,
    run,
)

RULE = "rule:negative-test"
HEEL_TENDON, COMPLEX, BAND, DRAWER_LIG = (f"ANKLE:99933{n:02d}" for n in range(1, 5))
SQUEEZE, PALPATION, STRESS, DRAWER, DEGENERATION_TEST = (f"ANKLE:99933{n}" for n in range(60, 65))
STRESS_TEST = "ANKLE:9993365"
FRONT, SIDE, TILT_TEST = "ANKLE:9993305", "ANKLE:9993306", "ANKLE:9993366"
MINIMUM = 3  # the akg:minimumGrade on the fixture's detectsLesion axioms (negative_test.ttl)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_below_the_stated_grade_a_test_is_expected_negative(grade: int) -> None:
    report = run(RULE, (HEEL_TENDON, grade))
    negative = findings(report.expected_negative_tests)
    assert (SQUEEZE in negative) is (grade < MINIMUM)
    assert (SQUEEZE in positive_tests(report)) is (grade >= MINIMUM)
    if SQUEEZE in negative:
        item = negative[SQUEEZE]
        assert RULE in rule_ids(item)
        assert {f.predicate.id for f in item.because} >= {"akg:examinesStructure", "akg:detectsLesion"}
        assert "grade III only" in item.detail and f"grade {'I' * grade}" in item.detail


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_without_a_stated_grade_only_a_stretch_that_costs_nothing(grade: int) -> None:
    report = run(RULE, (HEEL_TENDON, grade))
    negative = findings(report.expected_negative_tests)
    costs_nothing = GRADE_LOSS[grade] == 0  # grade I: no laxity on stress testing (rule injury-loses-restraint)
    assert (PALPATION in negative) is costs_nothing
    assert (PALPATION in positive_tests(report)) is not costs_nothing
    if costs_nothing:
        assert "costs the fixture heel tendon nothing a test can find" in negative[PALPATION].detail
    assert DEGENERATION_TEST not in negative  # a tear is not what it detects


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_stress_test_of_a_stretch_that_costs_nothing(grade: int) -> None:
    report = run(RULE, (DRAWER_LIG, grade))
    negative, positive = findings(report.expected_negative_tests), positive_tests(report)
    may_be = {t.test.id for t in report.tests_may_be_positive}  # a partial tear's mild laxity: neither
    assert (STRESS_TEST in negative) is (GRADE_LOSS[grade] == 0)
    assert (STRESS_TEST in positive or STRESS_TEST in may_be) is (GRADE_LOSS[grade] >= LAXITY_THRESHOLD)
    assert not set(negative) & (set(positive) | may_be)


@pytest.mark.parametrize("grade", [2, 3])
def test_a_whole_examined_through_its_torn_part(grade: int) -> None:
    negative = findings(run(RULE, (BAND, grade)).expected_negative_tests)
    assert (STRESS in negative) is (grade < MINIMUM)


def test_not_negative_when_the_test_is_positive_another_way() -> None:
    report = run(RULE, (DRAWER_LIG, 2))
    lax = GRADE_LOSS[2] >= LAXITY_THRESHOLD  # the drawer ligament is the translation's only restraint
    # half torn: lax, so the drawer may be positive (review r31 C01), and is not expected negative
    assert (DRAWER in {t.test.id for t in report.tests_may_be_positive}) is lax
    assert (DRAWER in findings(report.expected_negative_tests)) is not lax


@pytest.mark.parametrize("grade", [2, 3])
def test_a_stretch_beside_a_torn_partner_says_the_partner_is_torn_and_still_checked(grade: int) -> None:
    """A tilt test of two primary restraints, one torn and one stretched: negative (the stretched one still checks
    the tilt), and the answer says the torn one is examined too, not only 'nothing at this grade' (review r41 I01)."""
    report = run(RULE, (FRONT, grade), (SIDE, 1))
    negative = findings(report.expected_negative_tests)
    # at grade III the tilt has lost one of its two primaries wholly: lax in the answer, yet the test is negative
    tilt = next(d for d in report.destabilised_motions if d.motion.id == "ANKLE:9993307")
    assert (str(tilt.status) == "increased laxity") is (GRADE_LOSS[grade] == 1), tilt.status
    assert TILT_TEST in negative and TILT_TEST not in positive_tests(report)
    item = negative[TILT_TEST]
    assert "costs the fixture side ligament nothing a test can find" in item.detail
    assert f"the fixture front ligament (grade {'I' * grade}) is torn" in item.detail
    assert "fixture side ligament, a primary restraint of the fixture tilt the test examines, still checks it" in (
        item.detail)
    said = {(f.subject.id, f.predicate.id, f.object.id if f.object else None) for f in item.because}
    assert (TILT_TEST, "akg:examinesStructure", FRONT) in said
    assert any(f.subject.id == SIDE and f.qualifiers.get("role") == "primary" for f in item.because)
    # with the partner intact, the stretch alone says nothing of a torn partner
    alone = findings(run(RULE, (SIDE, 1)).expected_negative_tests)
    assert TILT_TEST in alone and "is torn" not in alone[TILT_TEST].detail


def test_nothing_damaged_nothing_negative() -> None:
    assert run(RULE, (HEEL_TENDON, 3)).expected_negative_tests == []
