"""rule:possibly-involved: a structure a condition only may involve is not damaged by naming it.

Definition: a structure a named condition affects as possibly involved (akg:involvement akg:PossiblyInvolved on
its akg:affects axiom) is not damaged when the condition is named, and nothing that would follow from it is
concluded; it is listed among the injuries as possibly involved. Naming the structure itself asks what its
injury does.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach, Stability
from tests.reasoning.rules.fixture import affected, group, has_group, ref_id, rule_ids, run

RULE = "rule:possibly-involved"
SPRAIN, ALWAYS, SOMETIMES, FIRST_MOTION, SECOND_MOTION = (
    "ANKLE:9992301", "ANKLE:9992311", "ANKLE:9992312", "ANKLE:9992321", "ANKLE:9992322",
)  # fmt: skip


@pytest.mark.parametrize("grade", [2, 3])
def test_the_possibly_involved_structure_is_listed_not_damaged(grade: int) -> None:
    report = run(RULE, (SPRAIN, grade))
    reached = affected(report)
    assert reached[SOMETIMES].reached is Reach.POSSIBLE
    assert reached[SOMETIMES].lesion is None and ref_id(reached[SOMETIMES].via) == SPRAIN
    assert RULE in rule_ids(reached[SOMETIMES])
    assert reached[ALWAYS].reached is Reach.CONDITION
    assert has_group(report, FIRST_MOTION, None)  # what it always tears
    assert not has_group(report, SECOND_MOTION, None)  # nothing follows from what it only may tear


def test_naming_the_structure_asks_what_its_injury_does() -> None:
    report = run(RULE, (SPRAIN, 3), (SOMETIMES, 3))
    assert affected(report)[SOMETIMES].reached is Reach.NAMED
    assert group(report, SECOND_MOTION, None).status is Stability.UNSTABLE
