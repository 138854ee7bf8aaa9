"""rule:supply-at-risk: an injured or compressed artery puts what it supplies at risk.

Definition: the structures supplied by an artery that is torn or compressed (akg:suppliedBy), or by any of its
branches, have their blood supply at risk, and so has each of those branches itself (if the injury is below a
branch's origin, that branch is spared: the answer says so, for the branch and for what it supplies).
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
    # not what the other artery supplies; the branch itself too, downstream of the injury ("and so has each of those
    # branches itself": review r25, the dorsalis pedis beyond a torn anterior tibial artery)
    assert set(risk) == {MUSCLE, BONE, BRANCH}
    assert "akg:hasBranch" in predicates(risk[BRANCH]) and "downstream" in risk[BRANCH].detail
    assert risk[MUSCLE].score == pytest.approx(GRADE_LOSS[grade])
    assert all(RULE in rule_ids(f) for f in risk.values())
    assert "akg:hasBranch" in predicates(risk[BONE])
    # what a branch supplies is at risk only if the injury is above the branch's origin, and says so (review r32 C15)
    assert "a branch of the injured" in risk[BONE].detail and "if the injury is above its origin" in risk[BONE].detail
    assert "if the injury is above" not in risk[MUSCLE].detail  # the artery's own territory


def test_a_branch_puts_only_its_own_territory_at_risk() -> None:
    assert set(findings(run(RULE, (BRANCH, 3)).supply_at_risk)) == {BONE}


def test_a_compressed_artery_puts_its_supply_at_risk() -> None:
    risk = findings(run(RULE, (ENTRAPMENT, 3)).supply_at_risk)
    assert set(risk) == {MUSCLE, BONE, BRANCH}
    assert all("compressed" in f.detail for f in risk.values())
    assert all(RULE in rule_ids(f) for f in risk.values())


def test_an_artery_at_the_site_of_a_fracture_is_intact() -> None:
    report = run(RULE, (FRACTURE, 3))
    assert affected(report)[OTHER_ARTERY].reached is Reach.SITE
    assert report.supply_at_risk == []


def test_an_injured_muscle_puts_no_supply_at_risk() -> None:
    assert run(RULE, (MUSCLE, 3)).supply_at_risk == []


FRAGILE_BONE, FRAGILE_FRACTURE, OSTEONECROSIS = "ANKLE:9991709", "ANKLE:9991710", "ANKLE:9991711"


@pytest.mark.parametrize("injury", [FRAGILE_BONE, FRAGILE_FRACTURE], ids=["bone", "condition"])
def test_a_fracture_that_may_lead_to_osteonecrosis_puts_the_bone_supply_at_risk(injury: str) -> None:
    report = run(RULE, (injury, 3))
    found = findings(report.supply_at_risk)
    assert FRAGILE_BONE in found
    assert OTHER_ARTERY in {f.object.id for f in found[FRAGILE_BONE].because if f.object}  # the artery it names
    assert OSTEONECROSIS not in {c.entity.id for c in report.conditions}  # a risk, not what the injury is now


def test_a_fracture_with_no_osteonecrosis_risk_puts_no_supply_at_risk() -> None:
    assert BONE not in findings(run(RULE, (BONE, 3)).supply_at_risk)
