"""rule:foot-drop: lost dorsiflexion is foot drop.

Definition: when active dorsiflexion (the rule's trigger motion) of the talocrural joint is lost, the foot
cannot be lifted during swing: foot drop. A motion is 'lost' only when no muscle that produces it is left (rule
motion-weakened).
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Strength
from tests.reasoning.rules.fixture import (
    FOOT_DROP,
    RULES,
    TRANSLATION,
    findings,
    rule_ids,
    run,
    weakness,
)

RULE = "rule:foot-drop"
DORSIFLEXION = "ANKLE:0001001"
NERVE, DORSIFLEXOR, TOE_EXTENSOR, OTHER = (f"ANKLE:99911{n:02d}" for n in range(1, 5))


def test_the_declared_trigger_and_conclusion() -> None:
    assert RULES[RULE].triggers == (DORSIFLEXION,)
    assert RULES[RULE].concludes == (FOOT_DROP,)


@pytest.mark.parametrize(
    ("injuries", "drops"),
    [
        ([(NERVE, 3)], True),  # both dorsiflexors denervated
        ([(DORSIFLEXOR, 3), (TOE_EXTENSOR, 3)], True),
        ([(DORSIFLEXOR, 3)], False),  # the assistant still dorsiflexes: weak, not lost
        ([(NERVE, 2)], False),
    ],
    ids=["nerve-3", "both-muscles-3", "prime-mover-3", "nerve-2"],
)
def test_foot_drop_when_active_dorsiflexion_is_lost(injuries: list[tuple[str, int]], drops: bool) -> None:
    report = run(RULE, *injuries)
    symptoms = findings(report.symptoms)
    assert (weakness(report, DORSIFLEXION).status is Strength.LOST) is drops
    assert (FOOT_DROP in symptoms) is drops
    if drops:
        assert RULE in rule_ids(symptoms[FOOT_DROP])


def test_weak_dorsiflexion_is_not_foot_drop() -> None:
    report = run(RULE, (TOE_EXTENSOR, 3))  # an assistant of dorsiflexion: the prime mover still lifts the foot
    assert weakness(report, DORSIFLEXION).status is Strength.ASSISTANTS_LOST
    assert FOOT_DROP not in findings(report.symptoms)


def test_only_the_trigger_motion_drops_the_foot() -> None:
    report = run(RULE, (OTHER, 3))
    assert weakness(report, TRANSLATION).status is Strength.LOST
    assert FOOT_DROP not in findings(report.symptoms)


PALSY = "ANKLE:9991105"


def test_a_condition_brings_foot_drop_only_when_the_dorsiflexors_are_lost() -> None:
    # condition-consequences: foot drop comes from a loss-of-continuity condition only when this rule fires too
    mild = run(RULE, (NERVE, 1))
    assert PALSY in {c.entity.id for c in mild.conditions}
    assert FOOT_DROP not in {s.entity.id for s in mild.symptoms}
    assert FOOT_DROP in {s.entity.id for s in run(RULE, (NERVE, 3)).symptoms}
