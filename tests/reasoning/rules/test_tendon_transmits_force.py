"""rule:tendon-transmits-force: a torn tendon no longer transmits its muscles' force.

Definition: a muscle and its tendon act as one unit. A tendon that loses continuity no longer transmits the force
of the muscles it belongs to (akg:tendonOf) and of their parts: they lose their actions and their dynamic
restraints at the tendon's grade, but they are not themselves injured (no muscle tear, no condition of the
muscle). Likewise a torn or denervated muscle loads its tendon no more: the tendon's dynamic restraints are lost,
but the tendon is not torn. A degenerated tendon still transmits force.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import ImpactReport, Reach
from tests.reasoning.rules.fixture import (
    DENERVATION_LOSS,
    GRADE_LOSS,
    LOSS,
    TRANSLATION,
    affected,
    findings,
    ref_id,
    restraint_lost,
    rule_ids,
    run,
)

RULE = "rule:tendon-transmits-force"
MUSCLE, HEAD, TENDON, NERVE, GLIDE, ROLL, TILT = (f"ANKLE:99919{n:02d}" for n in range(1, 8))
STRAIN, RUPTURE, TENDINOPATHY, FIBROSIS, RE_RUPTURE = (f"ANKLE:99919{n}" for n in range(11, 16))
BRUISING, GAP, MORNING_STIFFNESS = "ANKLE:9991921", "ANKLE:9991922", "ANKLE:9991923"


def action_lost(report: ImpactReport, motion: str, muscle: str) -> float:
    """Share of the motion's production lost through this muscle (0 when the motion is not weakened)."""
    for w in report.weakened_motions:
        if w.motion.id == motion and muscle in {m.id for m in w.lost_actions}:
            return w.fraction_lost  # the muscle is the motion's only producer in this fixture
    return 0.0


def concluded(report: ImpactReport, symptom: str, risk: str | None = None) -> bool:
    present = symptom in findings(report.symptoms)
    assert risk is None or (risk in findings(report.long_term_risks)) is present
    return present


TORN = [g for g in (1, 2, 3) if GRADE_LOSS[g] > 0]  # the grades whose declared share lost is some
STRETCHED = [g for g in (1, 2, 3) if GRADE_LOSS[g] == 0]


@pytest.mark.parametrize("grade", TORN)
def test_a_torn_tendon_unloads_its_muscle_and_the_muscles_parts(grade: int) -> None:
    report = run(RULE, (TENDON, grade))
    reached = affected(report)
    for unit in (MUSCLE, HEAD):
        assert reached[unit].reached is Reach.FORCE
        assert reached[unit].lesion is None  # not itself injured
        assert reached[unit].grade == grade
        assert ref_id(reached[unit].via) == TENDON
        assert RULE in rule_ids(reached[unit])
    # the muscle and its head lose their actions, the muscle its dynamic restraint, at the tendon's grade
    assert action_lost(report, TRANSLATION, MUSCLE) == GRADE_LOSS[grade]
    assert action_lost(report, ROLL, HEAD) == GRADE_LOSS[grade]
    assert restraint_lost(report, GLIDE, MUSCLE) == GRADE_LOSS[grade]
    assert restraint_lost(report, TILT, TENDON) == GRADE_LOSS[grade]  # the torn tendon's own restraint


def test_the_muscle_of_a_torn_tendon_has_no_condition() -> None:
    report = run(RULE, (TENDON, 3))
    assert concluded(report, GAP, RE_RUPTURE)  # the tendon rupture is what the injury amounts to
    assert not concluded(report, BRUISING, FIBROSIS)  # the muscle strain is not


@pytest.mark.parametrize("grade", STRETCHED)
def test_a_stretched_tendon_or_muscle_still_transmits_force(grade: int) -> None:
    for structure, unit in ((TENDON, MUSCLE), (MUSCLE, TENDON)):
        assert unit not in affected(run(RULE, (structure, grade)))


@pytest.mark.parametrize("grade", TORN)
def test_a_torn_muscle_unloads_its_tendon_without_tearing_it(grade: int) -> None:
    report = run(RULE, (MUSCLE, grade))
    tendon = affected(report)[TENDON]
    assert tendon.reached is Reach.FORCE
    assert tendon.lesion is None
    assert tendon.grade == grade
    assert RULE in rule_ids(tendon)
    assert restraint_lost(report, TILT, TENDON) == GRADE_LOSS[grade]
    assert concluded(report, BRUISING, FIBROSIS)
    assert not concluded(report, GAP, RE_RUPTURE)  # no tendon rupture


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_denervated_muscle_unloads_its_tendon(grade: int) -> None:
    report = run(RULE, (NERVE, grade))
    reached = affected(report)
    assert reached[MUSCLE].reached is Reach.DENERVATED
    assert reached[TENDON].reached is Reach.FORCE
    assert reached[TENDON].lesion is None
    assert RULE in rule_ids(reached[TENDON])
    assert restraint_lost(report, TILT, TENDON) == DENERVATION_LOSS[grade]  # by the nerve's share
    assert not concluded(report, GAP, RE_RUPTURE)


def test_a_degenerated_tendon_still_transmits_force() -> None:
    report = run(RULE, (TENDINOPATHY, 3))
    assert set(affected(report)) == {TENDINOPATHY, TENDON}
    assert report.weakened_motions == []
    assert report.destabilised_motions == []
    assert concluded(report, MORNING_STIFFNESS)


def test_a_named_muscle_stays_torn_when_its_tendon_is_torn_more() -> None:
    # named without a condition the muscle loses continuity (rule default-lesion); unloading it through its torn
    # tendon does not make it "not itself injured": its own strain is still what it amounts to
    report = run(RULE, (TENDON, 3), (MUSCLE, 2))
    muscle = affected(report)[MUSCLE]
    assert muscle.lesion is not None and muscle.lesion.id == LOSS
    assert concluded(report, BRUISING, FIBROSIS)
    assert action_lost(report, TRANSLATION, MUSCLE) == GRADE_LOSS[3]
