"""rule:possible-causes: what the injury amounts to may follow other conditions: look for them.

Definition: a condition the injury amounts to, or the user named, lists the conditions its sources say it may result
from (the inverse of akg:mayLeadTo), to look for; a listing, not a conclusion; one the answer lists already (what it
amounts to, its long-term risks, its look-alikes, its larger injuries) is not listed again.
"""

from __future__ import annotations

from tests.reasoning.rules.fixture import findings, predicates, rule_ids, run

RULE = "rule:possible-causes"
TENDON, TEAR, INSTABILITY, SUBLUXATION = (f"ANKLE:99932{n:02d}" for n in range(1, 5))


def test_a_tear_lists_what_it_may_follow_to_look_for() -> None:
    report = run(RULE, (TENDON, 3))
    causes = findings(report.possible_causes)
    assert TEAR in findings(report.conditions)
    assert INSTABILITY in causes
    assert causes[INSTABILITY].detail == "the fixture tear may follow it: look for it"
    assert RULE in rule_ids(causes[INSTABILITY])
    assert "akg:mayResultFrom" in predicates(causes[INSTABILITY])
    assert INSTABILITY not in findings(report.conditions)  # nothing of it is concluded


def test_a_cause_listed_as_a_look_alike_is_not_listed_again() -> None:
    report = run(RULE, (TENDON, 3))
    assert SUBLUXATION in findings(report.look_alikes)
    assert SUBLUXATION not in findings(report.possible_causes)


def test_the_named_condition_lists_its_causes_and_a_cause_named_lists_nothing_of_it() -> None:
    assert INSTABILITY in findings(run(RULE, (TEAR, 3)).possible_causes)
    # the instability named: the tear is what it may lead to (a risk), not a cause
    report = run(RULE, (INSTABILITY, 3))
    assert report.possible_causes == []
    assert TEAR in findings(report.long_term_risks)

