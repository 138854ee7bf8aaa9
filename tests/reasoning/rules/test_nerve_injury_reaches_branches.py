"""rule:nerve-injury-reaches-branches: an injured nerve takes its distal branches with it.

Definition: an injured nerve is taken as injured in every branch arising from it (akg:branchOf, transitively),
at the same grade; a nerve formed by several nerves (the sural nerve) only when all of them are injured.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import LOSS, affected, ref_id, rule_ids, run

RULE = "rule:nerve-injury-reaches-branches"
A, A1, A2, B, S, TUNNEL, LANDMARK, PALSY, A3 = (f"ANKLE:99904{n:02d}" for n in range(1, 10))


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_an_injured_nerve_takes_its_branches_transitively(grade: int) -> None:
    reached = affected(run(RULE, (A, grade)))
    for branch in (A1, A2):
        assert reached[branch].reached is Reach.BRANCH
        assert reached[branch].grade == grade
        assert ref_id(reached[branch].lesion) == LOSS
        assert RULE in rule_ids(reached[branch])


def test_a_nerve_formed_by_two_is_lost_only_when_both_are_injured() -> None:
    assert S not in affected(run(RULE, (A, 3)))
    assert S not in affected(run(RULE, (B, 3)))
    both = affected(run(RULE, (A, 3), (B, 3)))
    assert both[S].reached is Reach.BRANCH


def test_a_branch_does_not_reach_its_parent() -> None:
    reached = affected(run(RULE, (A1, 3)))
    assert set(reached) == {A1, A2}


def test_a_palsy_at_a_site_spares_the_branches_that_leave_above_it() -> None:
    """The common fibular nerve palsy at the neck of the fibula spares the lateral sural cutaneous nerve, which
    leaves above it (review r42 I4); the nerve named without a site keeps every branch."""
    reached = affected(run(RULE, (PALSY, 3)))
    assert reached[A].reached is Reach.CONDITION
    assert A1 not in reached and A2 not in reached  # above the site, and its twig with it
    assert reached[A3].reached is Reach.BRANCH  # at or below the site
    assert {A1, A2, A3} <= set(affected(run(RULE, (A, 3))))


def test_a_compressed_parent_does_not_cut_branches() -> None:
    # the swollen tunnel compresses A: neither A's branches nor S (A compressed, B cut) are lost
    reached = affected(run(RULE, (TUNNEL, 3), (B, 3)))
    assert reached[A].reached is Reach.COMPRESSED
    assert A1 not in reached
    assert S not in reached
