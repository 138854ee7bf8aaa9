"""rule:synergists-take-over: intact synergists take over a weakened motion.

Definition: when a motion of a joint is weakened, the intact muscles that produce the same motion at that joint
carry more load and substitute for what is lost, so the motion is weak rather than lost while any of them acts.
Ranked by the fraction of the motion lost times the load-transfer weight of the synergist's role.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import ImpactReport, Strength
from tests.reasoning.rules.fixture import (
    ASSIST,
    GRADE_LOSS,
    JOINT,
    LOAD_RANK,
    PRIME,
    TRANSLATION,
    loads,
    rule_ids,
    run,
    weakness,
)

RULE = "rule:synergists-take-over"
FIRST, FIRST_TENDON, SECOND, ASSISTANT, ELSEWHERE, OTHER_MOTION_MUSCLE, OTHER_JOINT, OTHER_MOTION, NERVE = (
    f"ANKLE:99919{n}" for n in range(71, 80)
)
TOTAL = PRIME + PRIME + ASSIST


def synergists(report: ImpactReport) -> dict[str, float]:
    return {structure: item.score for (structure, _), item in loads(report, "synergist").items()}


@pytest.mark.parametrize("grade", [g for g in (1, 2, 3) if GRADE_LOSS[g] > 0])  # a grade that loses something
def test_intact_muscles_of_the_same_motion_take_over(grade: int) -> None:
    report = run(RULE, (FIRST_TENDON, grade))
    lost = GRADE_LOSS[grade] * PRIME / TOTAL
    assert weakness(report, TRANSLATION).status is Strength.WEAK
    assert synergists(report) == pytest.approx(
        {SECOND: lost * LOAD_RANK["prime_mover_rank"], ASSISTANT: lost * LOAD_RANK["assistant_rank"]}, abs=1e-4
    )
    for item in loads(report, "synergist").values():
        assert (item.joint.id, item.motion.id) == (JOINT, TRANSLATION)
        assert RULE in rule_ids(item)
        assert {f.fact.id for f in item.because if f.fact} >= {"ANKLE:9991980"}  # the lost action is a reason


def test_not_the_injured_muscle_another_joint_or_another_motion() -> None:
    found = synergists(run(RULE, (FIRST_TENDON, 3)))
    assert FIRST not in found  # its tendon is torn
    assert ELSEWHERE not in found  # produces the motion at another joint
    assert OTHER_MOTION_MUSCLE not in found  # produces another motion


def test_a_partly_torn_synergist_does_not_take_over() -> None:
    report = run(RULE, (FIRST_TENDON, 3), (SECOND, 2))
    assert set(synergists(report)) == {ASSISTANT}  # only the intact muscle
    assert weakness(report, TRANSLATION).status is Strength.WEAK  # while the assistant acts


def test_a_denervated_synergist_does_not_take_over() -> None:
    assert set(synergists(run(RULE, (FIRST_TENDON, 3), (NERVE, 3)))) == {ASSISTANT}


def test_nothing_left_to_take_over_when_every_producer_is_lost() -> None:
    report = run(RULE, (FIRST_TENDON, 3), (SECOND, 3), (ASSISTANT, 3))
    assert weakness(report, TRANSLATION).status is Strength.LOST
    assert synergists(report) == {}


def test_the_only_producer_has_no_synergist() -> None:
    report = run(RULE, (ELSEWHERE, 3))
    assert weakness(report, TRANSLATION, joint=OTHER_JOINT).status is Strength.LOST
    assert synergists(report) == {}


def test_no_weakened_motion_no_synergist() -> None:
    assert synergists(run(RULE, (JOINT, 3))) == {}


MAY_REACH_ASSISTANT = "ANKLE:9991985"


def test_a_muscle_whose_tendon_a_condition_may_involve_does_not_take_over() -> None:
    """Rule possibly-involved: the condition tears the first prime mover's tendon and may involve the assistant's,
    so the assistant is not known to act; the second prime mover takes over (with no such condition, both do)."""
    assert set(synergists(run(RULE, (MAY_REACH_ASSISTANT, 3)))) == {SECOND}
    assert set(synergists(run(RULE, (FIRST_TENDON, 3)))) == {SECOND, ASSISTANT}
