"""rule:supply-at-risk: an injured or compressed artery puts what it supplies at risk.

Definition: the structures supplied by an artery that is torn or compressed (akg:suppliedBy), or by any of its
branches, have their blood supply at risk.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import GRADE_LOSS, affected, findings, predicates, rule_ids, run

RULE = "rule:supply-at-risk"
ARTERY, BRANCH, OTHER_ARTERY, MUSCLE, BONE, LIGAMENT, ENTRAPMENT, FRACTURE = (
    f"ANKLE:99917{n:02d}" for n in range(1, 9)
)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_what_the_artery_and_its_branches_supply(grade: int) -> None:
    risk = findings(run(RULE, (ARTERY, grade)).supply_at_risk)
    assert set(risk) == {MUSCLE, BONE}  # not what the other artery supplies
    assert risk[MUSCLE].score == pytest.approx(GRADE_LOSS[grade])
    assert all(RULE in rule_ids(f) for f in risk.values())
    assert "akg:hasBranch" in predicates(risk[BONE])


def test_a_branch_puts_only_its_own_territory_at_risk() -> None:
    assert set(findings(run(RULE, (BRANCH, 3)).supply_at_risk)) == {BONE}


def test_a_compressed_artery_puts_its_supply_at_risk() -> None:
    risk = findings(run(RULE, (ENTRAPMENT, 3)).supply_at_risk)
    assert set(risk) == {MUSCLE, BONE}
    assert all("compressed" in f.detail for f in risk.values())
    assert all(RULE in rule_ids(f) for f in risk.values())


def test_an_artery_at_the_site_of_a_fracture_is_intact() -> None:
    report = run(RULE, (FRACTURE, 3))
    assert affected(report)[OTHER_ARTERY].reached is Reach.SITE
    assert report.supply_at_risk == []


def test_an_injured_muscle_puts_no_supply_at_risk() -> None:
    assert run(RULE, (MUSCLE, 3)).supply_at_risk == []
