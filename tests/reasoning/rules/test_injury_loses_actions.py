"""rule:injury-loses-actions: a torn or denervated muscle loses its actions.

Definition: a muscle that loses continuity, whose tendon is torn, or whose nerve is injured loses the same share of
every action it produces as the grade gives for restraints. A degenerated tendon or a compressed nerve takes no
action away by itself.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import (
    ASSIST,
    GRADE_LOSS,
    JOINT,
    PRIME,
    TRANSLATION,
    affected,
    rule_ids,
    run,
    weakness,
)

RULE = "rule:injury-loses-actions"
PRIME_MUSCLE, ASSISTANT, TENDON, NERVE, TENDINOPATHY, ENTRAPMENT = (f"ANKLE:99907{n:02d}" for n in range(1, 7))
LOSING = [g for g in (1, 2, 3) if GRADE_LOSS[g] > 0]  # grades whose declared share is more than none


@pytest.mark.parametrize("grade", LOSING)
@pytest.mark.parametrize("injured", [PRIME_MUSCLE, TENDON, NERVE], ids=["muscle", "tendon", "nerve"])
def test_the_prime_mover_loses_the_share_of_its_grade(injured: str, grade: int) -> None:
    item = weakness(run(RULE, (injured, grade)), TRANSLATION)
    assert [m.id for m in item.lost_actions] == [PRIME_MUSCLE]
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[grade] * PRIME / (PRIME + ASSIST), abs=1e-4)
    assert RULE in rule_ids(item)


def test_an_injured_assistant_costs_its_weighted_share() -> None:
    item = weakness(run(RULE, (ASSISTANT, 2)), TRANSLATION)
    assert [m.id for m in item.lost_actions] == [ASSISTANT]
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[2] * ASSIST / (PRIME + ASSIST), abs=1e-4)


@pytest.mark.parametrize("condition", [TENDINOPATHY, ENTRAPMENT], ids=["degenerated-tendon", "compressed-nerve"])
def test_a_degenerated_tendon_or_a_compressed_nerve_takes_no_action_away(condition: str) -> None:
    report = run(RULE, (condition, 3))
    assert PRIME_MUSCLE not in affected(report)
    assert report.weakened_motions == []


def test_no_muscle_no_loss() -> None:
    assert run(RULE, (JOINT, 3)).weakened_motions == []
