"""rule:whole-condition-in-general: a whole's condition reached through one of its parts brings its risks only in
general.

Definition: a damaged part reaches the conditions of its whole, but what the whole's condition may lead to was said
of it in general: its long-term risks are listed as such, at a lower score (general_weight), and it puts no bone's
blood supply at risk; a condition of the part that leads to osteonecrosis does. A part with a condition of its own
that records risks lists those, not the whole's in general. When the whole is itself damaged, its conditions are its
own.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import RULES, findings, rule_ids, run

RULE = "rule:whole-condition-in-general"
WEIGHT = RULES[RULE].parameter("general_weight")
BONE, ARTERY, NECK, TUBERCLE, BONE_FRACTURE, NECK_FRACTURE, OSTEONECROSIS, ARTHRITIS = (
    f"ANKLE:99927{n:02d}" for n in range(1, 9)
)


def test_a_fractured_part_is_a_fracture_of_its_whole_whose_risks_are_said_in_general() -> None:
    report = run(RULE, (TUBERCLE, 3))
    conditions = findings(report.conditions)
    assert set(conditions) == {BONE_FRACTURE}
    assert RULE in rule_ids(conditions[BONE_FRACTURE])
    risks = findings(report.long_term_risks)
    assert set(risks) == {OSTEONECROSIS, ARTHRITIS}
    whole = findings(run(RULE, (BONE, 3)).long_term_risks)
    for risk in (OSTEONECROSIS, ARTHRITIS):
        assert RULE in rule_ids(risks[risk])
        assert "in general, not for a fracture of the fixture tubercle alone" in risks[risk].detail
        assert risks[risk].score == pytest.approx(whole[risk].score * WEIGHT)


def test_a_fractured_part_puts_no_supply_at_risk_through_its_whole() -> None:
    assert run(RULE, (TUBERCLE, 3)).supply_at_risk == []


def test_the_whole_fractured_brings_its_own_risks_and_supply_risk() -> None:
    report = run(RULE, (BONE, 3))
    assert set(findings(report.supply_at_risk)) == {BONE}
    assert all(RULE not in rule_ids(f) and "in general" not in f.detail for f in report.long_term_risks)


def test_a_part_whose_own_condition_leads_to_osteonecrosis_puts_the_supply_at_risk() -> None:
    report = run(RULE, (NECK, 3))
    assert set(findings(report.conditions)) == {NECK_FRACTURE, BONE_FRACTURE}
    supply = findings(report.supply_at_risk)
    assert set(supply) == {BONE}
    assert "fixture neck fracture" in supply[BONE].detail and RULE not in rule_ids(supply[BONE])
    risks = findings(report.long_term_risks)
    assert risks[OSTEONECROSIS].score == pytest.approx(
        findings(run(RULE, (BONE, 3)).long_term_risks)[OSTEONECROSIS].score
    )
    # its own condition says what it may lead to: the whole's arthritis, said of it in general, is not listed
    assert set(findings(report.long_term_risks)) == {OSTEONECROSIS}


def test_a_whole_damaged_in_its_own_right_keeps_its_conditions_own() -> None:
    report = run(RULE, (BONE, 3), (TUBERCLE, 3))
    assert RULE not in rule_ids(findings(report.conditions)[BONE_FRACTURE])
    assert set(findings(report.supply_at_risk)) == {BONE}
