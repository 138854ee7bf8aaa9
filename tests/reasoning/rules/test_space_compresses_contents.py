"""rule:space-compresses-contents: swelling in a tight space compresses the nerves in it.

Definition: a swollen or occupied space or compartment compresses the nerves that lie in or pass through it (not
their branches that leave it higher up); a compressed nerve is at risk and loses sensation in its territory.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import (
    BURNING,
    COMPRESSION,
    COMPRESSION_GRADE,
    NUMBNESS,
    TINGLING,
    WEAKNESS,
    affected,
    findings,
    ref_id,
    rule_ids,
    run,
)

RULE = "rule:space-compresses-contents"
TUNNEL, CONTAINED, PASSING, HIGH_BRANCH, MUSCLE, SOLE, LEG, TENDON, COMPARTMENT, COMPARTMENT_NERVE = (
    f"ANKLE:99905{n:02d}" for n in range(1, 11)
)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_swollen_space_compresses_the_nerves_in_and_through_it(grade: int) -> None:
    reached = affected(run(RULE, (TUNNEL, grade)))
    for nerve in (CONTAINED, PASSING):
        assert reached[nerve].reached is Reach.COMPRESSED
        assert ref_id(reached[nerve].lesion) == COMPRESSION
        assert reached[nerve].grade == COMPRESSION_GRADE  # whatever the grade of the swelling
        assert RULE in rule_ids(reached[nerve])
    assert TENDON not in reached  # only nerves are compressed
    assert HIGH_BRANCH not in reached  # a branch that leaves higher up is spared


def test_a_compartment_is_a_space() -> None:
    assert affected(run(RULE, (COMPARTMENT, 3)))[COMPARTMENT_NERVE].reached is Reach.COMPRESSED


def test_compression_numbs_and_burns_but_costs_no_motor_function() -> None:
    report = run(RULE, (TUNNEL, 3))
    assert MUSCLE not in affected(report)
    assert report.weakened_motions == []
    numb = findings(report.numbness_areas)
    assert set(numb) == {SOLE}  # not the high branch's leg skin
    symptoms = findings(report.symptoms)
    assert {NUMBNESS, TINGLING, BURNING} <= set(symptoms)
    assert WEAKNESS not in symptoms
    assert {CONTAINED, PASSING} <= set(findings(report.nerves_at_risk))


def test_a_structure_in_the_space_compresses_nothing() -> None:
    assert set(affected(run(RULE, (TENDON, 3)))) == {TENDON}
