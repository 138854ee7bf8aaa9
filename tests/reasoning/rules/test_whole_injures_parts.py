"""rule:whole-injures-parts: a torn whole is torn in its parts.

Definition: a ligament complex, a ligament with bands or a muscle that loses continuity as a whole loses it in
each of its true parts (akg:partOf, transitively), at the same grade. Only true parts: a fractured bone does not
take its landmarks or what is attached to it, and a muscle's tear does not tear its tendon. A region (the foot, the
leg) is no torn whole.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import (
    DEGENERATION,
    GRADE_LOSS,
    LOSS,
    TRANSLATION,
    affected,
    ref_id,
    restraint_lost,
    rule_ids,
    run,
)

RULE = "rule:whole-injures-parts"
WHOLE, FIRST, SECOND, FASCICLE, MUSCLE, TENDON, HEAD, BONE, LANDMARK, LANDMARK_LIGAMENT, DEGENERATED_WHOLE = (
    f"ANKLE:99901{n:02d}" for n in range(1, 12)
)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_whole_injures_every_part_transitively_at_its_grade(grade: int) -> None:
    report = run(RULE, (WHOLE, grade))
    reached = affected(report)
    for part in (FIRST, SECOND, FASCICLE):
        assert reached[part].reached is Reach.PART
        assert reached[part].grade == grade
        assert ref_id(reached[part].lesion) == LOSS
        assert ref_id(reached[part].via) == WHOLE
        assert RULE in rule_ids(reached[part])
    # the first band's restraint is lost at the whole's grade
    assert restraint_lost(report, TRANSLATION, FIRST) == GRADE_LOSS[grade]


def test_a_part_does_not_injure_its_whole_or_its_siblings() -> None:
    reached = affected(run(RULE, (FIRST, 3)))
    assert WHOLE not in reached
    assert SECOND not in reached
    assert reached[FASCICLE].reached is Reach.PART  # the part's own part is reached


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_torn_muscle_tears_its_head(grade: int) -> None:
    head = affected(run(RULE, (MUSCLE, grade)))[HEAD]
    assert head.reached is Reach.PART
    assert head.grade == grade
    assert RULE in rule_ids(head)


def test_a_torn_muscle_does_not_tear_its_tendon() -> None:
    tendon = affected(run(RULE, (MUSCLE, 3))).get(TENDON)
    # the tendon may lose its load (rule tendon-transmits-force), never its continuity
    assert tendon is None or (tendon.lesion is None and tendon.reached is not Reach.PART)
    assert tendon is None or RULE not in rule_ids(tendon)


def test_a_torn_tendon_does_not_tear_its_muscle() -> None:
    muscle = affected(run(RULE, (TENDON, 3))).get(MUSCLE)
    assert muscle is None or (muscle.lesion is None and muscle.reached is not Reach.PART)
    assert muscle is None or RULE not in rule_ids(muscle)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_fractured_bone_takes_neither_its_landmark_nor_what_is_attached(grade: int) -> None:
    assert set(affected(run(RULE, (BONE, grade)))) == {BONE}
    assert set(affected(run(RULE, (LANDMARK, grade)))) == {LANDMARK}


REGION, REGION_LIGAMENT = "ANKLE:9990113", "ANKLE:9990114"


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_region_named_tears_none_of_its_parts(grade: int) -> None:
    """The foot named as injured says nothing of which of its structures is damaged (it gave a plantar fascia
    rupture)."""
    assert set(affected(run(RULE, (REGION, grade)))) == {REGION}
    assert set(affected(run(RULE, (REGION_LIGAMENT, grade)))) == {REGION_LIGAMENT}


def test_a_degenerated_whole_keeps_its_parts() -> None:
    reached = affected(run(RULE, (DEGENERATED_WHOLE, 3)))
    assert ref_id(reached[WHOLE].lesion) == DEGENERATION
    assert not {FIRST, SECOND, FASCICLE} & set(reached)


def test_no_part_no_expansion() -> None:
    assert set(affected(run(RULE, (SECOND, 3)))) == {SECOND}


def test_a_condition_that_names_some_parts_damages_those_not_the_others() -> None:
    # "A condition that names some parts of a whole it affects damages those parts, not the whole's others"
    reached = affected(run(RULE, ("ANKLE:9990112", 3)))
    assert {WHOLE, FIRST} <= set(reached)
    assert SECOND not in reached
    assert FASCICLE in reached  # the named band is torn as a whole, in its own parts
