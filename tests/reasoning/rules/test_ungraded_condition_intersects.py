"""rule:ungraded-condition-intersects: a condition named without a grade concludes only what holds at every grade its
name covers.

Definition: a condition named without a grade may be of any grade it is recorded to cover (its own akg:injuryGrade,
or its graded forms'); the injury is worked out once per grade and only the conclusions that follow at every grade
are reported, each at its weakest, the injuries listed at the lowest grade read and the named condition saying which
grades were read. A condition whose grades are not recorded is taken at grade III and says so where its grade
matters; a structure named without a grade is read once.
"""

from __future__ import annotations

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import (
    TRANSLATION,
    affected,
    group,
    has_group,
    positive_tests,
    rule_ids,
    run,
)

RULE = "rule:ungraded-condition-intersects"
DRAWER_LIGAMENT, TILT_LIGAMENT, TILT = "ANKLE:9993801", "ANKLE:9993802", "ANKLE:9993803"
SPRAIN, RUPTURE, UNRECORDED, TENDINOPATHY = "ANKLE:9993810", "ANKLE:9993813", "ANKLE:9993814", "ANKLE:9993815"
DRAWER_TEST = "ANKLE:9993860"


def _named(report, condition):  # type: ignore[no-untyped-def]
    return affected(report)[condition]


def test_a_sprain_named_without_a_grade_claims_only_what_its_stretch_and_its_tear_share() -> None:
    """Its graded forms are I and III: the stretch costs the ligament nothing, so neither the instability nor the
    drawer test of a complete tear is concluded, nor the drawer test's being negative (which holds only at grade I)."""
    torn = run(RULE, (SPRAIN, 3))
    assert has_group(torn, TRANSLATION) and DRAWER_TEST in positive_tests(torn)  # what grade III alone concludes
    stretched = run(RULE, (SPRAIN, 1))
    ungraded = run(RULE, (SPRAIN, 3), ungraded=frozenset({SPRAIN}))
    assert not has_group(stretched, TRANSLATION) and not has_group(ungraded, TRANSLATION)  # the stretch's verdict
    assert DRAWER_TEST not in positive_tests(ungraded)
    assert DRAWER_TEST not in {t.entity.id for t in ungraded.expected_negative_tests}
    named = _named(ungraded, SPRAIN)
    assert named.ungraded is not None and named.ungraded.grades == [1, 2, 3]
    assert "grade I, II or III" in named.ungraded.note and RULE in rule_ids(named)
    assert affected(ungraded)[DRAWER_LIGAMENT].grade == 1  # listed at the lowest grade read


def test_a_rupture_of_grade_two_or_three_keeps_the_laxity_both_give_at_its_weakest() -> None:
    ungraded = run(RULE, (RUPTURE, 3), ungraded=frozenset({RUPTURE}))
    complete = run(RULE, (RUPTURE, 3))
    partial = run(RULE, (RUPTURE, 2))
    kept = group(ungraded, TRANSLATION)
    assert kept.score == min(group(complete, TRANSLATION).score, group(partial, TRANSLATION).score)
    assert kept.status == group(partial, TRANSLATION).status != group(complete, TRANSLATION).status
    assert RULE in rule_ids(kept)
    assert _named(ungraded, RUPTURE).ungraded.grades == [2, 3]  # type: ignore[union-attr]


def test_a_condition_whose_grades_are_not_recorded_is_taken_at_grade_three_and_says_so() -> None:
    ungraded = run(RULE, (UNRECORDED, 3), ungraded=frozenset({UNRECORDED}))
    assert group(ungraded, TILT).status == group(run(RULE, (UNRECORDED, 3)), TILT).status
    named = _named(ungraded, UNRECORDED)
    assert named.ungraded is not None and named.ungraded.grades == [3]
    assert "not recorded" in named.ungraded.note and "grade III" in named.ungraded.note


def test_a_condition_whose_grade_changes_nothing_and_a_structure_are_read_once_without_a_note() -> None:
    tendinopathy = run(RULE, (TENDINOPATHY, 3), ungraded=frozenset({TENDINOPATHY}))
    assert _named(tendinopathy, TENDINOPATHY).ungraded is None
    ligament = run(RULE, (DRAWER_LIGAMENT, 3), ungraded=frozenset({DRAWER_LIGAMENT}))
    assert _named(ligament, DRAWER_LIGAMENT).reached is Reach.NAMED
    assert _named(ligament, DRAWER_LIGAMENT).ungraded is None and has_group(ligament, TRANSLATION)


def test_what_only_the_highest_grade_concludes_is_named_and_its_tests_may_be_positive() -> None:
    """Dropped silently, the complete rupture's findings read as if absent (rescore r45 N1: an ungraded Achilles
    tendon rupture lost its Thompson test): a test expected positive only at the highest grade read is listed as one
    that may be positive, and the named condition's note names what that grade would add."""
    ungraded = run(RULE, (RUPTURE, 3), ungraded=frozenset({RUPTURE}))
    complete = run(RULE, (RUPTURE, 3))
    assert DRAWER_TEST in positive_tests(complete) and DRAWER_TEST not in positive_tests(ungraded)
    maybe = {t.test.id: t for t in ungraded.tests_may_be_positive}
    assert DRAWER_TEST in maybe and maybe[DRAWER_TEST].equivocal and RULE in rule_ids(maybe[DRAWER_TEST])
    note = _named(ungraded, RUPTURE).ungraded.note  # type: ignore[union-attr]
    assert "At grade III it would also conclude: the fixture drawer test expected positive" in note


def test_details_that_differ_by_grade_are_labelled_by_clause_not_cut_inside_a_name() -> None:
    """'used to diagnose lateral ankle sprain grade I' at each grade read as '... sprain grade (... at grade I, I;
    at grade II, II ...)': the shared start may end only before a clause or a remark."""
    from app.reasoning.impact.ungraded import _by_grade

    texts = [f"used to diagnose the sprain; used to diagnose the sprain grade {g}" for g in ("I", "II", "III")]
    said = _by_grade(texts, ["I", "II", "III"])
    assert said.startswith("used to diagnose the sprain; by the grade, which was not given (at grade I, used to ")
    assert "at grade II, used to diagnose the sprain grade II" in said
    shared = "a symptom of the sprain, the stretch or tear of its first ligament"
    remark = [f"{shared} (its sources do not say at which grade)", shared]  # one grade adds a remark to the same text
    assert _by_grade(remark, ["I", "III"]) == (
        f"{shared} (by the grade, which was not given: at grade I, its sources do not say at which grade)"
    )
