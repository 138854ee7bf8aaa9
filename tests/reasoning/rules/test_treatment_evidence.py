"""rule:treatment-evidence: what it amounts to is treated as its graded evidence says, for a stable or an unstable
injury.

Definition: a condition the injury amounts to lists the treatments its graded evidence records; evidence its source
gives only for a stable or only for an unstable injury (akg:forStability) is listed only when the answer's own verdict
matches: unstable when a motion that a structure the condition affects restrains, and that the injury takes, is
unstable (increased laxity is stable), with that motion's steps as the reason; stable otherwise. Evidence its source
gives only for some grades (akg:forGrade) is listed only for an injury of such a grade; evidence it gives only for an
isolated injury (akg:forIsolatedInjury), only when the question injures nothing the condition does not affect.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import findings, predicates, rule_ids, run

RULE = "rule:treatment-evidence"
SPRAINED, PARTNER, SPRAIN, CONSERVATIVE, FIXATION, EXERCISE, REPAIR, ALONE = (
    f"ANKLE:99934{n:02d}" for n in range(1, 9)
)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_sprain_whose_partner_holds_is_stable(grade: int) -> None:
    """One of two primary restraints lost: increased laxity at most, so stable: conservative care, not fixation."""
    listed = findings(run(RULE, (SPRAINED, grade)).treatments)
    assert set(listed) == {CONSERVATIVE, EXERCISE, ALONE} | ({REPAIR} if grade == 3 else set())
    assert all(RULE in rule_ids(f) for f in listed.values())
    assert "akg:TreatmentEvidence" in predicates(listed[CONSERVATIVE])
    assert "for a stable injury" in listed[CONSERVATIVE].detail
    # the verdict is the answer's reading by its shares, a convention, not a measurement (review r41 I02)
    assert "as this answer reads this one" in listed[CONSERVATIVE].detail
    assert "a convention, not a measurement" in listed[CONSERVATIVE].detail
    assert "stable injury" not in listed[EXERCISE].detail  # evidence for any injury says nothing of stability
    assert "for an isolated injury, as this one is" in listed[ALONE].detail
    assert "isolated" not in listed[EXERCISE].detail


def test_both_primaries_lost_is_unstable_fixation_with_the_motion_as_reason() -> None:
    report = run(RULE, (SPRAINED, 3), (PARTNER, 3))
    listed = findings(report.treatments)
    assert set(listed) == {FIXATION, EXERCISE, REPAIR}
    assert "for an injury of grade III" in listed[REPAIR].detail
    assert "for an unstable injury" in listed[FIXATION].detail and "fixture translation" in listed[FIXATION].detail
    assert "a convention, not a measurement" in listed[FIXATION].detail
    assert "akg:Restraint" in predicates(listed[FIXATION])  # the unstable motion's restraint facts are its steps


@pytest.mark.parametrize("named", [SPRAIN, SPRAINED])
def test_isolated_evidence_is_not_listed_for_a_combined_injury(named: str) -> None:
    """The partner ligament is not one the sprain affects: the sprain is no longer alone, so the evidence given for
    it alone is not listed, while the rest of its evidence is."""
    alone = findings(run(RULE, (named, 1)).treatments)
    combined = findings(run(RULE, (named, 1), (PARTNER, 1)).treatments)
    assert ALONE in alone
    assert ALONE not in combined and EXERCISE in combined


def test_no_condition_no_treatment() -> None:
    assert run(RULE, (PARTNER, 3)).treatments == []


def test_a_condition_of_a_joint_is_unstable_only_when_its_joint_is() -> None:
    """'A condition that affects a joint is judged on that joint's motions only': the joint sprain's sprained
    ligament torn with its partner leaves the fixture joint's translation unstable, but the second joint, which the
    sprain affects, only lax (its joint ligament holds): no fixation for an unstable joint sprain (review r39 C03:
    syndesmotic fixation beside a medial malleolus fracture, the syndesmosis itself only a reduced restraint)."""
    joint_sprain, joint_ligament, joint_fixation = "ANKLE:9993433", "ANKLE:9993432", "ANKLE:9993434"
    torn_elsewhere = run(RULE, (joint_sprain, 3), (PARTNER, 3))
    assert any(
        d.status.value == "unstable" and d.joint.id == "ANKLE:0000009" for d in torn_elsewhere.destabilised_motions
    )
    assert joint_fixation not in findings(torn_elsewhere.treatments)
    opened = findings(run(RULE, (joint_sprain, 3), (joint_ligament, 3)).treatments)
    assert "fixture opening of the fixture second joint unstable" in opened[joint_fixation].detail


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_evidence_of_no_grade_read_for_a_lower_grade_says_so(grade: int) -> None:
    """'Evidence its source gives for no grade, read for an injury below the highest grade the condition covers, says
    that its sources do not say at which grade' (review r40 I4: repair of an Achilles rupture listed for a partial
    tear); evidence for a stated grade needs no such word."""
    listed = findings(run(RULE, (SPRAINED, grade)).treatments)
    hedged = f"its sources do not say at which grade; this injury is grade {'I' * grade}"
    assert (hedged in listed[EXERCISE].detail) is (grade < 3)
    if grade == 3:
        assert "do not say at which grade" not in listed[REPAIR].detail



GLIDE_SPRAIN, REST = "ANKLE:9993440", "ANKLE:9993445"


def test_a_stable_verdict_resting_on_what_the_condition_may_involve_says_so() -> None:
    """'saying, when the condition only may involve structures that restrain a motion of the joints it is judged on,
    that the stable verdict takes them as intact and that, were they torn too, the injury may be unstable'
    (editor52: a high ankle sprain's non-operative care, its PITFL and interosseous ligament only possibly torn)."""
    rest = findings(run(RULE, (GLIDE_SPRAIN, 3)).treatments)[REST]
    detail = rest.detail
    # the possibly-involved axiom the verdict takes as intact is among its reasons
    assert any(f.predicate.id == "akg:affects" and f.object and f.object.id == "ANKLE:9993443" for f in rest.because)
    assert "for a stable injury" in detail
    assert ("taking the fixture second glide ligament, which the fixture glide sprain may involve (not concluded), as "
            "intact: were it torn too, it may be unstable") in detail
    assert "may involve" not in findings(run(RULE, (SPRAINED, 3)).treatments)[CONSERVATIVE].detail


def test_a_fracture_is_unstable_through_the_ligament_its_fragment_carries_off() -> None:
    """The malleolus's fragment carries off the ligament anchored on it, the carried motion's only restraint: the
    fracture is unstable, and its fixation evidence for an unstable injury is listed (editor61: a medial malleolus
    fracture, eversion unstable through the deltoid ligament, listed no fixation)."""
    report = run(RULE, ("ANKLE:9993453", 3))
    listed = findings(report.treatments)
    assert FIXATION in listed and "for an unstable injury" in listed[FIXATION].detail
    assert "fixture carried motion" in listed[FIXATION].detail
