"""rule:torn-parts-loosen-whole: a ligament whole loses the restraint its torn parts carry.

Definition: a whole's restraint is carried by its parts recorded to restrain the same motion of the same joint,
weighted by their roles (a part that is itself a whole by what its own parts lost); when no part restrains the
motion, none does. Torn parts take their share; the whole is not torn. The
share adds to the fraction lost but weighs in the status only when every part carrying the restraint is lost.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Stability
from tests.reasoning.rules.fixture import (
    GRADE_LOSS,
    LAXITY_THRESHOLD,
    PRIMARY,
    SECONDARY,
    TRANSLATION,
    affected,
    group,
    lost_restraints,
    predicates,
    restraint_lost,
    rule_ids,
    run,
)

RULE = "rule:torn-parts-loosen-whole"
WHOLE, DEEP, FIRST_BAND, SECOND_BAND, SUPERFICIAL, ROLL, OTHER = (f"ANKLE:99928{n:02d}" for n in range(1, 8))
#: the translation's restraints and their role weights: the whole (primary), the deep part, both bands and the other
#: ligament (secondary)
WEIGHTS = {WHOLE: PRIMARY, DEEP: SECONDARY, FIRST_BAND: SECONDARY, SECOND_BAND: SECONDARY, OTHER: SECONDARY}


def _fraction(lost: dict[str, float]) -> float:
    return sum(WEIGHTS[s] * lost.get(s, 0.0) for s in WEIGHTS) / sum(WEIGHTS.values())


@pytest.mark.parametrize("grade", [2, 3])
def test_one_torn_band_takes_its_share_of_the_whole_but_not_its_status(grade: int) -> None:
    report = run(RULE, (FIRST_BAND, grade))
    g = group(report, TRANSLATION)
    share = GRADE_LOSS[grade] / 2  # the deep part carries the whole's restraint; its two bands carry the deep part's
    expected = {FIRST_BAND: GRADE_LOSS[grade], DEEP: share, WHOLE: share}
    assert lost_restraints(g) == pytest.approx(expected)
    assert g.fraction_lost == pytest.approx(_fraction(expected), abs=1e-4)
    assert g.status is Stability.REDUCED  # how the bands share the whole's restraint is not measured
    assert RULE in rule_ids(g)
    assert "akg:hasPart" in predicates(g)
    assert WHOLE not in affected(report) and DEEP not in affected(report)  # neither is torn


def test_every_carrying_part_lost_takes_the_whole_restraint_and_its_status() -> None:
    report = run(RULE, (FIRST_BAND, 3), (SECOND_BAND, 3))
    g = group(report, TRANSLATION)
    assert lost_restraints(g) == pytest.approx({FIRST_BAND: 1.0, SECOND_BAND: 1.0, DEEP: 1.0, WHOLE: 1.0})
    secondary_lost = 3 * SECONDARY / (4 * SECONDARY)  # deep part and both bands of four secondaries
    assert g.status is (Stability.UNSTABLE if secondary_lost >= LAXITY_THRESHOLD else Stability.LAXITY)
    assert RULE in rule_ids(g)


def test_partial_tears_of_every_carrier_stay_a_share() -> None:
    g = group(run(RULE, (FIRST_BAND, 2), (SECOND_BAND, 2)), TRANSLATION)
    assert lost_restraints(g)[WHOLE] == pytest.approx(GRADE_LOSS[2])
    assert g.status is Stability.REDUCED


def test_a_motion_no_part_restrains_stays_with_the_whole() -> None:
    """No part is recorded to restrain the roll: which carry it is not known, so torn bands take none of it."""
    report = run(RULE, (FIRST_BAND, 3), (SECOND_BAND, 3), ("ANKLE:9992805", 3))
    assert restraint_lost(report, ROLL, WHOLE) == 0.0


def test_a_whole_torn_in_its_own_right_needs_no_share() -> None:
    g = group(run(RULE, (WHOLE, 3)), TRANSLATION)
    assert lost_restraints(g)[WHOLE] == pytest.approx(1.0)
    assert RULE not in rule_ids(g)


def test_an_unrelated_ligament_takes_nothing_from_the_whole() -> None:
    g = group(run(RULE, (OTHER, 3)), TRANSLATION)
    assert set(lost_restraints(g)) == {OTHER}


def test_the_counts_name_the_parts_not_the_whole_beside_them() -> None:
    """A whole whose parts restrain the motion is carried by them: the answer counts the restraints as the parts and
    the other ligament (review r22 K2: the deltoid and its own band read as '2 of 2'), its share stays listed."""
    g = group(run(RULE, (FIRST_BAND, 2)), TRANSLATION)
    assert g.restraints_recorded == 3  # both bands and the other ligament; not the whole, not the deep part
    assert (g.restraints_lost, g.restraints_lost_in_part) == (1, 1)
    assert WHOLE in lost_restraints(g) and DEEP in lost_restraints(g)  # their shares, with the reasons
    both = group(run(RULE, (FIRST_BAND, 3), (SECOND_BAND, 3)), TRANSLATION)
    assert (both.restraints_lost, both.restraints_lost_in_part) == (2, 0)
