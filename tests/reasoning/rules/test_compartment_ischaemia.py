"""rule:compartment-ischaemia: a swollen compartment makes the muscles in it ischaemic.

Definition: a swollen compartment of the leg (akg:Compartment, not a tunnel such as the tarsal tunnel) makes the
muscles that lie in it ischaemic: each loses a share of its actions and of its dynamic restraints, and so does the
tendon it loads; it is not torn (no condition of the muscle follows). The share is the same whatever the grade of
the swelling, a quarter (a convention, not a measurement). The weakened motions carry the chain (the compartment
contains the muscle).
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach, Stability, Strength
from app.reasoning.impact.models import DAMAGED
from tests.reasoning.rules.fixture import (
    ASSIST,
    COMPRESSION,
    COMPRESSION_GRADE,
    DENERVATION_LOSS,
    GRADE_LOSS,
    NEUTRAL,
    PRIME,
    RULES,
    TRANSLATION,
    WEAKNESS,
    affected,
    findings,
    group,
    predicates,
    ref_id,
    restraint_lost,
    rule_ids,
    run,
    weakness,
)

RULE = "rule:compartment-ischaemia"
SHARE = RULES[RULE].parameter("share")
(COMPARTMENT, MUSCLE, TENDON, NERVE, WEB_SKIN, OUTSIDE_MUSCLE, TUNNEL, TUNNEL_MUSCLE, TUNNEL_NERVE, ROLL, GLIDE,
 GLIDE_LIGAMENT, MUSCLE_STRAIN, TILT, BRUISING) = (f"ANKLE:99930{n:02d}" for n in range(1, 16))  # fmt: skip


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_the_muscle_in_a_swollen_compartment_is_ischaemic_not_torn(grade: int) -> None:
    reached = affected(run(RULE, (COMPARTMENT, grade)))
    muscle = reached[MUSCLE]
    assert muscle.reached is Reach.ISCHAEMIC
    assert muscle.reached not in DAMAGED
    assert ref_id(muscle.lesion) is None  # ischaemic, not torn
    assert muscle.grade == COMPRESSION_GRADE  # whatever the grade of the swelling
    assert RULE in rule_ids(muscle)
    assert "akg:contains" in predicates(muscle)  # the compartment contains the muscle
    # its nerve is compressed as before (rule space-compresses-contents), and denervates nothing
    assert reached[NERVE].reached is Reach.COMPRESSED
    assert ref_id(reached[NERVE].lesion) == COMPRESSION


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_it_loses_the_declared_share_of_its_actions_whatever_the_grade(grade: int) -> None:
    item = weakness(run(RULE, (COMPARTMENT, grade)), TRANSLATION)
    assert item.status is Strength.WEAK  # the prime mover is weakened, not lost
    assert item.fraction_lost == round(SHARE * PRIME / (PRIME + ASSIST), 4)  # the answer rounds to 4 places
    assert {a.id for a in item.lost_actions} == {MUSCLE}


def test_the_weakened_motion_carries_the_chain_from_the_compartment() -> None:
    item = weakness(run(RULE, (COMPARTMENT, 3)), TRANSLATION)
    contains = [f for f in item.because if f.predicate.id == "akg:contains"]
    assert [(f.subject.id, f.object.id if f.object else None) for f in contains] == [(COMPARTMENT, MUSCLE)]
    assert {RULE, "rule:injury-loses-actions", "rule:motion-weakened"} <= rule_ids(item)
    assert WEAKNESS in findings(run(RULE, (COMPARTMENT, 3)).symptoms)


def test_it_loses_the_share_of_its_dynamic_restraint_and_so_does_its_tendon() -> None:
    report = run(RULE, (COMPARTMENT, 3))
    assert restraint_lost(report, GLIDE, MUSCLE) == pytest.approx(SHARE)
    assert restraint_lost(report, TILT, TENDON) == pytest.approx(SHARE)
    reached = affected(report)
    assert reached[TENDON].reached is Reach.FORCE  # loaded less, not torn
    assert ref_id(reached[TENDON].lesion) is None
    # a muscle pulls: losing part of it reduces the restraint, it never makes the joint lax
    assert group(report, GLIDE, NEUTRAL).status is Stability.REDUCED
    assert restraint_lost(report, GLIDE, GLIDE_LIGAMENT) == 0.0


def test_no_condition_of_the_muscle_follows() -> None:
    report = run(RULE, (COMPARTMENT, 3))
    assert MUSCLE_STRAIN not in findings(report.conditions)
    assert BRUISING not in findings(report.symptoms)


def test_a_swollen_space_that_is_no_compartment_only_compresses_its_nerves() -> None:
    report = run(RULE, (TUNNEL, 3))
    reached = affected(report)
    assert reached[TUNNEL_NERVE].reached is Reach.COMPRESSED
    assert TUNNEL_MUSCLE not in reached  # a tendon's tunnel is no closed compartment
    assert report.weakened_motions == [] and report.assistants_lost == []
    assert report.destabilised_motions == []


def test_a_muscle_torn_in_a_swollen_compartment_keeps_its_tear() -> None:
    report = run(RULE, (COMPARTMENT, 3), (MUSCLE, 3))
    muscle = affected(report)[MUSCLE]
    assert muscle.reached is Reach.NAMED
    assert weakness(report, TRANSLATION).fraction_lost == round(GRADE_LOSS[3] * PRIME / (PRIME + ASSIST), 4)


def test_naming_the_muscle_does_not_reach_its_compartment() -> None:
    assert COMPARTMENT not in affected(run(RULE, (MUSCLE, 2)))


def test_the_declared_share_matches_the_definition() -> None:
    # "a quarter of the muscle's function (a weakness, not a palsy)"
    assert SHARE == 0.25
    assert 0 < SHARE < GRADE_LOSS[2]
    assert DENERVATION_LOSS[1] >= SHARE  # no weaker than a conduction block
