"""Rule tests that still assert the semantics before issue 9 (lesion mechanisms) and are being rewritten
as one test file per rule (tests/reasoning/rules/). Each is a strict xfail naming what changed, so none can
silently pass; issue 9 stays open until the rewrite replaces them."""

from __future__ import annotations

import pytest

PENDING = {
    "test_every_declared_rule_has_a_fixture_graph": "new rules (default-lesion, condition-lesions, "
    "tendon-transmits-force, retinaculum-holds-tendons, synergists-take-over) have no fixture graph yet",
    "test_declared_parameters_match_the_rule_text": "grade I now loses no restraint (grade1=0.0)",
    "test_a_whole_injures_every_part_transitively_at_its_grade[1]": "grade I loses nothing now",
    "test_a_muscle_and_its_tendon_injure_each_other": "a muscle and its tendon no longer injure each other "
    "(rule tendon-transmits-force)",
    "test_the_share_lost_follows_the_grade[1]": "grade I loses nothing now",
    "test_an_injured_tendon_costs_its_muscle_the_share_of_its_grade[1]": "grade I loses nothing now",
    "test_status_and_role_weighted_fraction[primary-grade3-unstable]": "unstable also needs the secondaries gone",
    "test_status_and_role_weighted_fraction[primary-grade1-reduced]": "grade I loses nothing now",
    "test_lost_only_when_every_prime_mover_is_completely_lost[both-primes]": "'lost' needs every muscle gone",
    "test_foot_drop_when_active_dorsiflexion_is_lost[injury1-True]": "'lost' needs every muscle gone",
    "test_by_structure_without_a_motion": "structure tests now need akg:detectsLesion",
    "test_by_structure_with_a_weakened_motion": "structure tests now need akg:detectsLesion",
    "test_denervation_follows_the_nerve_grade": "grade I loses nothing now",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if not item.nodeid.startswith("tests/reasoning/test_rules.py"):
            continue
        for name, reason in PENDING.items():
            if item.name == name or item.name.startswith(name + "["):
                item.add_marker(pytest.mark.xfail(strict=True, reason=f"pre-issue-9 semantics: {reason}"))
