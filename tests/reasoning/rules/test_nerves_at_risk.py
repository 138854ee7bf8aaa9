"""rule:nerves-at-risk: nerves next to an injury are at risk.

Definition: a nerve adjacent (akg:adjacentTo) to a structure that is torn (grade II or III) or fractured, or
compressed in a swollen space, is at risk of injury or irritation. A degenerated or inflamed structure puts no
adjacent nerve at risk by itself, nor does a grade I lesion, stretched with no macroscopic tear. A nerve adjacent to a
bone that a named fracture only possibly involves is at risk, at half the weight.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import affected, findings, predicates, rule_ids, run

RULE = "rule:nerves-at-risk"
LIGAMENT, ADJACENT, TUNNEL, TUNNEL_NERVE, LONELY, BONE, BONE_NERVE, TENDON, TENDON_NERVE = (
    f"ANKLE:99916{n:02d}" for n in range(1, 10)
)
TENDINOPATHY, TENOSYNOVITIS, MUSCLE, MUSCLE_NERVE, RETINACULUM = (f"ANKLE:99916{n}" for n in range(10, 15))
NECK, NECK_NERVE, HIGH_FRACTURE, NECK_DEGENERATION, CHRONIC_LAXITY = (f"ANKLE:99916{n}" for n in range(15, 20))


@pytest.mark.parametrize(
    ("injury", "nerve"),
    [((LIGAMENT, 2), ADJACENT), ((BONE, 2), BONE_NERVE), ((TENDON, 3), TENDON_NERVE)],
    ids=["torn-ligament", "fractured-bone", "torn-tendon"],
)
def test_a_nerve_next_to_a_torn_or_fractured_structure_is_at_risk(injury: tuple[str, int], nerve: str) -> None:
    risk = findings(run(RULE, injury).nerves_at_risk)
    assert set(risk) == {nerve}
    assert "adjacent" in risk[nerve].detail
    assert RULE in rule_ids(risk[nerve])
    assert "akg:adjacentTo" in predicates(risk[nerve])


def test_a_stretched_structure_is_not_torn_and_puts_no_nerve_at_risk() -> None:
    """'torn or fractured': a grade I lesion of a ligament or tendon is stretched, with no macroscopic tear (rule
    injury-loses-restraint), so its neighbours are not at risk; a grade II tear is torn in part (above)."""
    assert run(RULE, (LIGAMENT, 1)).nerves_at_risk == []
    assert run(RULE, (TENDON, 1)).nerves_at_risk == []


def test_a_nerve_compressed_in_a_swollen_space_is_at_risk() -> None:
    risk = findings(run(RULE, (TUNNEL, 3)).nerves_at_risk)
    assert "compressed" in risk[TUNNEL_NERVE].detail
    assert RULE in rule_ids(risk[TUNNEL_NERVE])


@pytest.mark.parametrize("condition", [TENDINOPATHY, TENOSYNOVITIS], ids=["degenerated", "inflamed"])
def test_a_degenerated_or_inflamed_structure_puts_no_nerve_at_risk(condition: str) -> None:
    assert run(RULE, (condition, 3)).nerves_at_risk == []


def test_the_unloaded_muscle_of_a_torn_tendon_is_not_torn() -> None:
    report = run(RULE, (TENDON, 3))
    assert affected(report)[MUSCLE].reached is Reach.FORCE
    assert MUSCLE_NERVE not in findings(report.nerves_at_risk)


def test_a_subluxed_tendon_is_not_torn() -> None:
    # the torn retinaculum lets the tendon sublux; a displaced tendon puts its neighbour at no risk
    report = run(RULE, (RETINACULUM, 3))
    assert affected(report)[TENDON].reached is Reach.SUBLUXED
    assert TENDON_NERVE not in findings(report.nerves_at_risk)


def test_an_injured_nerve_is_not_merely_at_risk() -> None:
    assert ADJACENT not in findings(run(RULE, (LIGAMENT, 3), (ADJACENT, 3)).nerves_at_risk)


def test_no_neighbour_no_risk() -> None:
    assert run(RULE, (LONELY, 3)).nerves_at_risk == []


def test_a_nerve_beside_what_a_fracture_only_possibly_involves_is_at_risk_half() -> None:
    """A fracture beside a bone it only possibly involves: the nerve next to that bone is at risk as the bone may be
    broken, half as much as beside a fractured one, and says so (editor41: the common fibular nerve beside the neck of
    the fibula in a Maisonneuve injury); a degenerating condition's possible structure puts no nerve at risk, nor does
    a ligament a tearing condition only possibly involves (rescore r41 C10: a chronic instability's ATFL)."""
    risk = findings(run(RULE, (HIGH_FRACTURE, 3)).nerves_at_risk)
    assert set(risk) == {BONE_NERVE, NECK_NERVE}
    assert risk[NECK_NERVE].detail == "adjacent to the fixture neck, which the fixture high fracture possibly involves"
    assert risk[NECK_NERVE].score == risk[BONE_NERVE].score / 2
    assert {"rule:possibly-involved", RULE} <= set(rule_ids(risk[NECK_NERVE]))
    assert "akg:adjacentTo" in predicates(risk[NECK_NERVE])
    assert NECK_NERVE not in findings(run(RULE, (NECK_DEGENERATION, 3)).nerves_at_risk)
    assert ADJACENT not in findings(run(RULE, (CHRONIC_LAXITY, 3)).nerves_at_risk)


def test_a_nerve_beside_a_bone_that_is_one_of_a_fractures_alternatives_is_at_risk() -> None:
    """The reading that breaks the neck puts its nerve at risk; the one that tears the ligament instead leaves the neck
    one of the fracture's alternatives, beside which the nerve is at risk as beside a bone it only possibly involves,
    so the answer, which keeps what every reading says, keeps the nerve at its weakest (editor60: the saphenous and
    tibial nerves beside the medial malleolus of a Weber C fracture, lost when the malleolus became an alternative)."""
    risk = findings(run(RULE, ("ANKLE:9991620", 3)).nerves_at_risk)
    assert NECK_NERVE in risk
    assert "one of the fixture fracture of one or the other's alternatives" in risk[NECK_NERVE].detail
    assert risk[NECK_NERVE].score == risk[BONE_NERVE].score / 2
