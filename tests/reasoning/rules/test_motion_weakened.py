"""rule:motion-weakened: lost actions weaken a joint motion.

Definition: for each joint and motion, the fraction of active production lost is the weighted share of its muscle
actions that is lost (declared prime mover and assistant weights). The motion is 'lost' when no muscle that
produces it is left (every action completely lost); 'prime movers lost' when only assistants are left; 'assistants
lost' when every prime mover is intact (no weakness is concluded, the differential finds none); 'weak' otherwise.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Strength
from tests.reasoning.rules.fixture import (
    ASSIST,
    GRADE_LOSS,
    JOINT,
    PRIME,
    RULES,
    TRANSLATION,
    WEAKNESS,
    findings,
    rule_ids,
    run,
    weakness,
)

RULE = "rule:motion-weakened"
PM1, PM2, ASSISTANT = "ANKLE:9991001", "ANKLE:9991002", "ANKLE:9991003"
TOTAL = PRIME + PRIME + ASSIST


def test_the_declared_parameters_match_the_definition() -> None:
    assert (PRIME, ASSIST) == (1.0, 0.5)  # "prime mover 1, assistant 0.5"
    assert RULES[RULE].concludes == (WEAKNESS,)


@pytest.mark.parametrize(
    ("injuries", "status", "fraction"),
    [
        ([(PM1, 3)], Strength.WEAK, GRADE_LOSS[3] * PRIME / TOTAL),
        # both prime movers gone, the intact assistant still produces the motion
        ([(PM1, 3), (PM2, 3)], Strength.PRIME_MOVERS_LOST, 2 * GRADE_LOSS[3] * PRIME / TOTAL),  # assistant left
        ([(PM1, 2), (PM2, 2)], Strength.WEAK, 2 * GRADE_LOSS[2] * PRIME / TOTAL),
        ([(ASSISTANT, 3), (PM1, 2)], Strength.WEAK, (GRADE_LOSS[3] * ASSIST + GRADE_LOSS[2] * PRIME) / TOTAL),
        ([(PM1, 2), (PM2, 2), (ASSISTANT, 2)], Strength.WEAK, GRADE_LOSS[2]),  # every action only partly lost
        ([(PM1, 3), (PM2, 3), (ASSISTANT, 3)], Strength.LOST, 1.0),  # no muscle left
    ],
    ids=["one-prime", "both-primes", "both-primes-grade2", "assistant-and-a-prime", "all-grade2", "all"],
)
def test_lost_only_when_every_action_is_completely_lost(
    injuries: list[tuple[str, int]], status: Strength, fraction: float
) -> None:
    report = run(RULE, *injuries)
    item = weakness(report, TRANSLATION)
    assert item.status is status
    assert item.fraction_lost == pytest.approx(fraction, abs=1e-4)
    assert RULE in rule_ids(item)
    assert RULE in rule_ids(findings(report.symptoms)[WEAKNESS])


def test_an_assistant_alone_leaves_the_prime_movers_strong() -> None:
    report = run(RULE, (ASSISTANT, 3))
    item = weakness(report, TRANSLATION)
    assert item.status is Strength.ASSISTANTS_LOST
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[3] * ASSIST / TOTAL, abs=1e-4)
    assert RULE in rule_ids(item)
    assert WEAKNESS not in findings(report.symptoms)  # the prime movers still produce it: no clinical weakness


def test_a_grade_that_loses_no_action_weakens_nothing() -> None:
    report = run(RULE, (PM1, 1))
    if GRADE_LOSS[1] > 0:
        assert weakness(report, TRANSLATION).fraction_lost == pytest.approx(GRADE_LOSS[1] * PRIME / TOTAL)
        return
    assert report.weakened_motions == []
    assert WEAKNESS not in findings(report.symptoms)


def test_no_weakness_without_a_lost_action() -> None:
    report = run(RULE, (JOINT, 3))
    assert report.weakened_motions == []
    assert WEAKNESS not in findings(report.symptoms)
