"""rule:condition-work-up: what the injury amounts to is confirmed as its sources say.

Definition: the tests, decision rules, imaging and procedures a condition the injury amounts to is diagnosed by
(akg:diagnosedBy) are its work-up; a decision rule that screens for a fracture of a structure (akg:screensFor) is
listed when that structure, or a part of it, is fractured. A listing, not a prediction.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import findings, predicates, rule_ids, run

RULE = "rule:condition-work-up"
BONE, PART, FRACTURE, IMAGING, TEST, DECISION_RULE, LIGAMENT, SPRAIN, SPRAIN_TEST = (
    f"ANKLE:99925{n:02d}" for n in range(1, 10)
)


@pytest.mark.parametrize("injury", [PART, FRACTURE], ids=["part", "condition"])
def test_a_fractured_part_is_confirmed_by_its_condition_and_screened_through_its_whole(injury: str) -> None:
    work_up = findings(run(RULE, (injury, 3)).work_up)
    assert set(work_up) == {IMAGING, TEST, DECISION_RULE}
    assert all(RULE in rule_ids(f) for f in work_up.values())
    assert "akg:diagnosedBy" in predicates(work_up[IMAGING])
    assert "akg:screensFor" in predicates(work_up[DECISION_RULE])
    assert "akg:partOf" in predicates(work_up[DECISION_RULE])  # the part's fracture is a fracture of the bone


def test_the_whole_fractured_is_screened_but_not_its_parts_condition() -> None:
    """A fracture of the bone is no fracture of the part (condition-consequences): only the screening applies."""
    assert set(findings(run(RULE, (BONE, 3)).work_up)) == {DECISION_RULE}


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_sprain_is_confirmed_by_its_test_and_screened_by_no_fracture_rule(grade: int) -> None:
    report = run(RULE, (LIGAMENT, grade))
    assert set(findings(report.work_up)) == {SPRAIN_TEST}
    assert SPRAIN_TEST not in {t.test.id for t in report.expected_positive_tests}  # listed, not predicted


def test_a_decision_rule_in_a_work_up_says_what_it_screens_for_not_that_it_diagnoses() -> None:
    """The Ottawa ankle rules in a sprain's work-up decide whether imaging is needed to exclude a fracture; they
    diagnose no sprain (editor28: 'used to diagnose lateral ankle sprain' read as a claim they do)."""
    item = findings(run(RULE, ("ANKLE:9992510", 3)).work_up)[DECISION_RULE]
    assert "a decision rule in the work-up of fixture screened sprain" in item.detail
    assert "exclude a fracture of the fixture bone" in item.detail and "used to diagnose" not in item.detail
    assert {"akg:diagnosedBy", "akg:screensFor"} <= predicates(item)
