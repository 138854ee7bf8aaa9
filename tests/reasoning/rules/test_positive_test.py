"""rule:positive-test: a test of a destabilised motion or of a lesion it detects is expected positive.

Definition: a clinical test (never a decision rule) is expected positive when a motion it examines is 'unstable'
or shows 'increased laxity' with no other primary restraint of it intact, in the position the test is performed in
(in any position when the test names none or the restraint's position is not stated), or when a structure it
examines has a lesion the test detects (akg:detectsLesion; a part's lesion is the whole's) at or above the grade its
source requires (akg:minimumGrade; with none stated, a loss of continuity that costs the structure nothing, a grade I
stretch, is detected by no test). A laxity test is not made positive by one injured structure whose partners still
check the motion.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Stability
from tests.reasoning.rules.fixture import (
    GRADE_LOSS,
    JOINT,
    LAXITY_THRESHOLD,
    PLANTARFLEXED,
    RULES,
    TRANSLATION,
    group,
    positive_tests,
    predicates,
    ref_id,
    rule_ids,
    run,
)

RULE = "rule:positive-test"
DRAWER_LIG, TILT_LIG, ROTATION_LIG, NERVE, TUNNEL, BONE, CALF, HEEL_TENDON, CALF_NERVE, GLIDE_LIG = (
    f"ANKLE:99913{n:02d}" for n in range(1, 11)
)
TILT, INVERSION, GLIDE, HEEL_TENDINOPATHY = "ANKLE:9991311", "ANKLE:9991314", "ANKLE:9991315", "ANKLE:9991316"
DRAWER, TILT_TEST, INVERSION_TEST, NEUTRAL_ROTATION, ROTATION, TINEL, BONE_TEST, SQUEEZE, CALF_TEST = (
    f"ANKLE:99913{n}" for n in range(60, 69)
)
DECISION_RULE, GLIDE_TEST, PALPATION = "ANKLE:9991369", "ANKLE:9991370", "ANKLE:9991371"
GRADE_I_PROVOCATION = "ANKLE:9991378"
SQUEEZE_MINIMUM_GRADE = 3  # the akg:minimumGrade on the squeeze test's akg:detectsLesion axiom (positive_test.ttl)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_by_motion_in_the_test_position(grade: int) -> None:
    # in plantarflexion the drawer ligament is the translation's only restraint: lax from half lost, unstable when
    # completely lost; a grade that loses less leaves nothing to find (the test detects no lesion by itself)
    # lax from a partial tear only (a grade that loses half), the test only may be positive (review r31 C01)
    positive = GRADE_LOSS[grade] >= 1.0
    maybe = LAXITY_THRESHOLD <= GRADE_LOSS[grade] < 1.0
    report = run(RULE, (DRAWER_LIG, grade))
    found = positive_tests(report)
    may_be = {t.test.id: t for t in report.tests_may_be_positive}
    assert (DRAWER in found, DRAWER in may_be) == (positive, maybe)
    if positive or maybe:
        item = found[DRAWER] if positive else may_be[DRAWER]
        assert item.motion is not None and item.motion.id == TRANSLATION
        assert PLANTARFLEXED in {p.id for p in item.positions}
        assert RULE in rule_ids(item) and item.equivocal is maybe


def test_not_a_laxity_test_whose_motion_is_only_reduced() -> None:
    # the drawer ligament is only the secondary restraint of tilt; the tilt ligament still checks it
    report = run(RULE, (DRAWER_LIG, 3))
    assert group(report, TILT).status is Stability.REDUCED
    assert TILT_TEST not in positive_tests(report)  # it examines the drawer ligament, yet stays negative
    assert INVERSION_TEST not in positive_tests(report)


def test_positive_when_the_motion_gives_way() -> None:
    found = positive_tests(run(RULE, (DRAWER_LIG, 3), (TILT_LIG, 3)))
    assert TILT_TEST in found
    assert INVERSION_TEST in found  # examines inversion; tilt is a kind of inversion
    lax = run(RULE, (TILT_LIG, 3))  # the primary gone, the secondary intact: increased laxity
    assert group(lax, TILT).status is Stability.LAXITY
    assert TILT_TEST in positive_tests(lax)


def test_the_test_position_must_match() -> None:
    found = positive_tests(run(RULE, (ROTATION_LIG, 3)))  # restrains rotation in plantarflexion only
    assert NEUTRAL_ROTATION not in found
    assert ROTATION in found  # names no position: any position


def test_a_restraint_whose_position_is_not_stated_counts_in_the_test_position() -> None:
    item = positive_tests(run(RULE, (GLIDE_LIG, 3)))[GLIDE_TEST]  # the test is done in plantarflexion
    assert item.motion is not None and item.motion.id == GLIDE


def test_by_structure_without_a_motion() -> None:
    tinel = positive_tests(run(RULE, (TUNNEL, 3)))[TINEL]  # the nerve is compressed in the tunnel
    assert tinel.structure is not None and tinel.structure.id == NERVE
    assert {"rule:space-compresses-contents", RULE} <= rule_ids(tinel)
    assert "akg:detectsLesion" in predicates(tinel)
    assert tinel.score == pytest.approx(RULES[RULE].parameter("other_lesion_score")) and tinel.score > 0  # no tear
    bone = positive_tests(run(RULE, (BONE, 2)))[BONE_TEST]
    assert bone.structure is not None and bone.structure.id == BONE
    assert bone.score == pytest.approx(GRADE_LOSS[2])


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_lesion_detected_only_from_the_minimum_grade(grade: int) -> None:
    found = positive_tests(run(RULE, (HEEL_TENDON, grade)))
    assert (SQUEEZE in found) is (grade >= SQUEEZE_MINIMUM_GRADE)  # a partial tear leaves the squeeze test negative
    if SQUEEZE in found:
        assert ref_id(found[SQUEEZE].structure) == HEEL_TENDON


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_without_a_minimum_a_lesion_is_detected_from_the_grade_that_costs_something(grade: int) -> None:
    """No stated minimum: any grade whose loss of continuity costs the structure a share (grade I: none)."""
    assert (CALF_TEST in positive_tests(run(RULE, (CALF, grade)))) is (GRADE_LOSS[grade] > 0)


def test_only_a_lesion_the_test_detects() -> None:
    assert TINEL not in positive_tests(run(RULE, (NERVE, 3)))  # a cut nerve is not a compressed one
    torn = positive_tests(run(RULE, (HEEL_TENDON, 3)))
    assert PALPATION not in torn  # detects degeneration, not a tear
    degenerated = positive_tests(run(RULE, (HEEL_TENDINOPATHY, 3)))
    assert PALPATION in degenerated
    assert SQUEEZE not in degenerated  # detects a tear, not degeneration
    assert DRAWER not in positive_tests(run(RULE, (DRAWER_LIG, 1)))  # examines the ligament, detects no lesion


def test_the_muscle_of_a_torn_tendon_has_no_lesion_to_detect() -> None:
    # the calf muscle loses its force through the torn tendon but is not itself torn
    assert CALF_TEST not in positive_tests(run(RULE, (HEEL_TENDON, 3)))


def test_a_denervated_muscle_is_not_an_injured_structure() -> None:
    report = run(RULE, (CALF_NERVE, 3))
    assert report.weakened_motions  # push-off is weakened ...
    assert SQUEEZE not in positive_tests(report)  # ... but the tendon is intact
    assert CALF_TEST not in positive_tests(report)


@pytest.mark.parametrize("injuries", [[(BONE, 3)], [(DRAWER_LIG, 3)]], ids=["its-structure", "its-motion"])
def test_a_decision_rule_is_never_positive(injuries: list[tuple[str, int]]) -> None:
    found = positive_tests(run(RULE, *injuries))
    assert DECISION_RULE not in found
    assert found  # a clinical test of the same structure or motion is


def test_nothing_injured_nothing_positive() -> None:
    assert run(RULE, (JOINT, 3)).expected_positive_tests == []


HIGHER_SPACE, COMPARTMENT = "ANKLE:9991326", "ANKLE:9991327"
TUNNEL_TINEL, FUNCTION_TEST = "ANKLE:9991372", "ANKLE:9991373"


def test_a_sign_tapped_over_a_space_finds_a_compression_only_there() -> None:
    in_tunnel = positive_tests(run(RULE, (TUNNEL, 2)))
    assert {TINEL, TUNNEL_TINEL} <= set(in_tunnel)
    elsewhere = positive_tests(run(RULE, (HIGHER_SPACE, 2)))  # the same nerve, compressed higher up
    assert TINEL in elsewhere and TUNNEL_TINEL not in elsewhere


def test_a_swollen_compartment_is_no_entrapment_for_a_percussion_sign() -> None:
    """The compartment compresses the nerve (it is numb), but by pressure along its course, not at a site."""
    answer = run(RULE, (COMPARTMENT, 2))
    assert NERVE in {ref_id(n.entity) for n in answer.nerves_at_risk}
    assert not {TINEL, TUNNEL_TINEL} & set(positive_tests(answer))


def test_a_test_of_a_tendon_alone_is_not_a_laxity_test() -> None:
    lax = positive_tests(run(RULE, (ROTATION_LIG, 3)))
    assert ROTATION in lax  # the laxity test of the same motion is positive
    assert FUNCTION_TEST not in lax


SHIFT_1, SHIFT_2, SHIFT_TEST = "ANKLE:9991318", "ANKLE:9991319", "ANKLE:9991374"
COMPLEX, BAND, COMPLEX_TEST = "ANKLE:9991320", "ANKLE:9991321", "ANKLE:9991375"


def test_a_tendon_sign_of_a_motion_no_muscle_produces_reads_the_deformity() -> None:
    """A sign that examines only a tendon but looks at a motion no muscle produces (the too-many-toes sign and
    forefoot abduction) is positive when that motion is unstable, as a laxity test is (rescore r40 I9: predicted
    nowhere once the sign no longer detected the tendon's lesion); the tendon torn alone makes no deformity."""
    sign = "ANKLE:9991377"
    assert sign in positive_tests(run(RULE, (SHIFT_1, 3), (SHIFT_2, 3)))
    assert sign not in positive_tests(run(RULE, ("ANKLE:9991308", 3)))


def test_a_laxity_test_stays_negative_while_another_primary_restraint_holds() -> None:
    """'A laxity test is not made positive by one injured structure whose partners still check the motion': one of
    two primary restraints torn leaves the shift lax but checked (an isolated ATFL rupture gives only 'small
    increases in talar tilt' in plantarflexion, where the CFL is primary too: Wheeless 2012); both torn, positive."""
    one = run(RULE, (SHIFT_1, 3))
    assert group(one, "ANKLE:9991317", None).status is Stability.LAXITY
    assert SHIFT_TEST not in positive_tests(one)
    assert SHIFT_TEST in positive_tests(run(RULE, (SHIFT_1, 3), (SHIFT_2, 3)))


def test_a_test_that_examines_a_whole_finds_the_tear_of_its_part() -> None:
    """The external rotation stress test examines the deltoid ligament: a torn deep band is a torn part of it."""
    found = positive_tests(run(RULE, (BAND, 3)))
    structure = found[COMPLEX_TEST].structure
    assert structure is not None and structure.id == COMPLEX
    assert "akg:partOf" in predicates(found[COMPLEX_TEST]) or "akg:hasPart" in predicates(found[COMPLEX_TEST])


IMPINGED, IMPINGEMENT, OTHER_CONDITION, PROVOCATION = "ANKLE:9991322", "ANKLE:9991323", "ANKLE:9991324", "ANKLE:9991376"


def test_a_provocation_test_is_positive_in_a_condition_diagnosed_by_it() -> None:
    """'A test that examines no joint motion and detects no lesion ... is expected positive in a condition the injury
    amounts to, named or concluded, that its sources diagnose by it, and in no other.'"""
    concluded = positive_tests(run(RULE, (IMPINGED, 3)))  # the ligament torn: it amounts to the impingement
    assert PROVOCATION in concluded
    condition = concluded[PROVOCATION].condition
    assert condition is not None and condition.id == IMPINGEMENT
    assert "akg:diagnosedBy" in predicates(concluded[PROVOCATION])
    assert RULE in rule_ids(concluded[PROVOCATION])
    assert PROVOCATION in positive_tests(run(RULE, (IMPINGEMENT, 3)))  # named
    assert PROVOCATION not in positive_tests(run(RULE, (OTHER_CONDITION, 3)))  # not diagnosed by it
    assert PROVOCATION not in positive_tests(run(RULE, ("ANKLE:9991325", 3)))


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_test_read_positive_from_a_grade_that_loses_nothing_scores_more_than_nothing(grade: int) -> None:
    """A pain-provocation test its source reads positive from grade I is expected positive in a grade I stretch,
    scored by the rule's no_loss_score, not by the stretch's loss (0: review r45 C5, the squeeze test at 0.00 in the
    expected positive list); from grade II, by the share the tear loses."""
    item = positive_tests(run(RULE, (HEEL_TENDON, grade)))[GRADE_I_PROVOCATION]
    expected = GRADE_LOSS[grade] or RULES[RULE].parameter("no_loss_score")
    assert item.score == pytest.approx(expected) and item.score > 0
