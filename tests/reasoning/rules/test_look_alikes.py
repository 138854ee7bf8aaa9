"""rule:look-alikes: what the injury amounts to is told apart from its look-alikes.

Definition: a condition the injury amounts to, or the user named, lists the conditions its sources say it may be
mistaken for (akg:mimics) and those that may be mistaken for it (the inverse), each with the work-up its sources
diagnose it by; a listing, not a conclusion; a look-alike the answer already concludes is not listed.
"""

from __future__ import annotations

from tests.reasoning.rules.fixture import findings, predicates, rule_ids, run

RULE = "rule:look-alikes"
LIGAMENT, SPRAIN, BONE, FRACTURE, IMAGING = (f"ANKLE:99931{n:02d}" for n in range(1, 6))


def test_a_sprain_lists_the_fracture_often_mistaken_for_it_with_its_work_up() -> None:
    report = run(RULE, (LIGAMENT, 3))
    alike = findings(report.look_alikes)
    assert set(alike) == {FRACTURE}
    assert alike[FRACTURE].detail == (
        "may be mistaken for the fixture sprain: rule it out (its work-up: fixture imaging)"
    )
    assert RULE in rule_ids(alike[FRACTURE])
    assert {"akg:diagnosedBy"} <= predicates(alike[FRACTURE])
    assert FRACTURE not in findings(report.conditions)  # nothing of it is concluded


def test_the_fracture_lists_what_it_is_mistaken_for() -> None:
    alike = findings(run(RULE, (BONE, 3)).look_alikes)
    assert set(alike) == {SPRAIN}
    assert alike[SPRAIN].detail == "the fixture fracture may be mistaken for it"
    assert "akg:mimics" in predicates(alike[SPRAIN])


def test_a_look_alike_the_answer_concludes_is_not_listed() -> None:
    assert run(RULE, (LIGAMENT, 3), (BONE, 3)).look_alikes == []
