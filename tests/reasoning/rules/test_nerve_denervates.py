"""rule:nerve-denervates: an injured nerve denervates its muscles.

Definition: the muscles innervated by an injured nerve (or by any of its branches) are denervated at the nerve's
grade and lose their actions and their dynamic restraint.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach, Strength
from tests.reasoning.rules.fixture import (
    COMPRESSION_GRADE,
    DENERVATION_LOSS,
    GRADE_LOSS,
    JOINT,
    TRANSLATION,
    affected,
    restraint_lost,
    rule_ids,
    run,
    weakness,
)

RULE = "rule:nerve-denervates"
NERVE, BRANCH, MUSCLE, BRANCH_MUSCLE, SECOND_MOTION, TUNNEL, GLIDE, LANDMARK, PALSY, ENTRAPMENT, WEAK_SIGN = (
    f"ANKLE:99908{n:02d}" for n in range(1, 12)
)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_muscles_of_the_nerve_and_of_its_branches_are_denervated_at_its_grade(grade: int) -> None:
    reached = affected(run(RULE, (NERVE, grade)))
    for muscle in (MUSCLE, BRANCH_MUSCLE):
        assert reached[muscle].reached is Reach.DENERVATED
        assert reached[muscle].grade == grade
        assert reached[muscle].lesion is None  # denervated, not torn
        assert RULE in rule_ids(reached[muscle])
    assert JOINT not in reached  # the nerve's joint branch denervates no muscle


def test_a_completely_injured_nerve_takes_every_action_of_its_muscles() -> None:
    report = run(RULE, (NERVE, 3))
    assert weakness(report, TRANSLATION).status is Strength.LOST
    assert weakness(report, SECOND_MOTION).status is Strength.LOST


def test_denervation_follows_the_nerve_grade() -> None:
    item = weakness(run(RULE, (NERVE, 2)), TRANSLATION)
    assert item.status is Strength.WEAK
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[2])


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_denervated_muscle_loses_its_dynamic_restraint(grade: int) -> None:
    assert restraint_lost(run(RULE, (NERVE, grade)), GLIDE, MUSCLE) == DENERVATION_LOSS[grade]


def test_the_weakness_says_the_level_a_nerve_is_taken_at() -> None:
    """Named, the nerve is taken along its whole course: its branch's muscle is weak if the lesion is above the
    branch. A palsy at a site the branch leaves at or below (akg:leavesBelow) takes it for certain, with that fact."""
    named = weakness(run(RULE, (NERVE, 3)), SECOND_MOTION)
    assert named.note
    assert "if the fixture nerve is injured above its branch to the fixture muscle of the branch" in named.note
    palsy = weakness(run(RULE, (PALSY, 3)), SECOND_MOTION)
    assert palsy.status is Strength.LOST
    assert palsy.note == ("the fixture palsy at the landmark is at a site above its branches to these muscles: the "
                          "fixture branch leaves at or below the fixture landmark")
    assert any(f.predicate.id == "akg:leavesBelow" and f.object and f.object.id == LANDMARK for f in palsy.because)


def test_a_branch_denervates_only_its_own_muscles() -> None:
    reached = affected(run(RULE, (BRANCH, 3)))
    assert reached[BRANCH_MUSCLE].reached is Reach.DENERVATED
    assert MUSCLE not in reached


def test_a_compressed_nerve_denervates_nothing() -> None:
    report = run(RULE, (TUNNEL, 3))
    assert affected(report)[NERVE].reached is Reach.COMPRESSED
    assert MUSCLE not in affected(report)
    assert report.weakened_motions == []


def test_an_entrapment_blocks_only_the_muscles_of_the_motion_its_sign_calls_weak() -> None:
    """Compression denervates nothing, but a conduction block weakens the muscles of a motion the entrapment's own
    weakness sign names (Baxter's nerve entrapment: weak little-toe abduction, said 'Weakened motions: none' before;
    review r44), at the compression's grade; the branch's muscle, of a motion no sign names, keeps its strength."""
    report = run(RULE, (ENTRAPMENT, 3))
    reached = affected(report)
    assert reached[NERVE].reached is Reach.COMPRESSED
    # blocked, not denervated: a long-standing compression may denervate, which is not concluded (review r48 C2)
    assert reached[MUSCLE].reached is Reach.BLOCKED
    assert reached[MUSCLE].grade == COMPRESSION_GRADE
    assert BRANCH_MUSCLE not in reached
    item = weakness(report, TRANSLATION)
    assert item.status is Strength.WEAK
    assert item.fraction_lost == pytest.approx(DENERVATION_LOSS[COMPRESSION_GRADE])
    assert {f.object.id for f in item.because if f.object} >= {MUSCLE, WEAK_SIGN, TRANSLATION}
    assert [w.motion.id for w in report.weakened_motions] == [TRANSLATION]


def test_an_injured_muscle_does_not_reach_its_nerve() -> None:
    assert set(affected(run(RULE, (MUSCLE, 3)))) == {MUSCLE}


def test_the_declared_denervation_shares_match_the_definition() -> None:
    # "grade I (a conduction block, neurapraxia) a quarter, grade II half, grade III all of it"
    assert DENERVATION_LOSS == {1: 0.25, 2: 0.5, 3: 1.0}
    assert DENERVATION_LOSS[1] > GRADE_LOSS[1]  # a grade I nerve lesion weakens; a grade I sprain loses nothing
