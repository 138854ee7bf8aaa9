"""rule:torn-part-weakens-whole: a torn head of a muscle weakens the whole muscle.

Definition: a part of a muscle (a head) that loses continuity and has no action of its own in the data costs its
whole muscle (akg:partOf) a share of the whole's actions and dynamic restraints: the grade's share divided equally
among the whole's parts (a convention). The whole is not itself torn: no condition of the whole follows, and its
tendon still transmits the rest of its force. A stretched head (grade I, which loses nothing) does not reach it.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach, Strength
from tests.reasoning.rules.fixture import GRADE_LOSS, TRANSLATION, affected, restraint_lost, rule_ids, run, weakness

RULE = "rule:torn-part-weakens-whole"
MUSCLE, FIRST_HEAD, SECOND_HEAD, TENDON, OTHER_MUSCLE, ACTING_HEAD, GLIDE, ROLL = (
    f"ANKLE:99922{n:02d}" for n in range(1, 9)
)
HEAD_STRAIN = "ANKLE:9992211"
PARTS = 2  # the two-headed muscle's parts in the fixture


@pytest.mark.parametrize("grade", [2, 3])
def test_a_torn_head_costs_its_muscle_an_equal_share(grade: int) -> None:
    report = run(RULE, (FIRST_HEAD, grade))
    whole = affected(report)[MUSCLE]
    assert whole.reached is Reach.PART_TORN
    assert whole.lesion is None  # the whole is not torn
    assert RULE in rule_ids(whole)
    weak = weakness(report, TRANSLATION)
    assert weak.status is Strength.WEAK  # the other head still acts: weak, not lost
    # the muscle is the translation's only producer: the motion loses the muscle's share
    assert weak.fraction_lost == pytest.approx(GRADE_LOSS[grade] / PARTS, abs=1e-4)
    assert RULE in rule_ids(weak)
    assert {f.predicate.id for f in weak.because} >= {"akg:partOf"}  # the step from the head to its muscle
    assert restraint_lost(report, GLIDE, MUSCLE, position=None) == pytest.approx(GRADE_LOSS[grade] / PARTS, abs=1e-4)
    # the tendon still transmits the rest: it is not unloaded, the second head not reached
    assert TENDON not in affected(report) and SECOND_HEAD not in affected(report)


def test_a_stretched_head_costs_nothing() -> None:
    """A grade that loses nothing does not reach the whole: it is no muscle with a torn part (review r32 C10)."""
    report = run(RULE, (FIRST_HEAD, 1))
    assert not report.weakened_motions
    assert MUSCLE not in affected(report)


def test_a_head_with_actions_of_its_own_loses_those_not_its_muscles() -> None:
    report = run(RULE, (ACTING_HEAD, 3))
    assert OTHER_MUSCLE not in affected(report)
    assert weakness(report, ROLL).status is Strength.LOST
    assert all(w.motion.id != TRANSLATION for w in report.weakened_motions)


def test_a_named_strain_of_the_head_weakens_the_muscle() -> None:
    report = run(RULE, (HEAD_STRAIN, 3))
    assert affected(report)[MUSCLE].reached is Reach.PART_TORN
    assert weakness(report, TRANSLATION).status is Strength.WEAK
