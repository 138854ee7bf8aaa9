"""rule:compression-burns: a compressed nerve causes burning pain.

Definition: compression of a nerve in a tight space causes burning pain in its territory as well as numbness and
tingling.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import BURNING, NUMBNESS, RULES, TINGLING, findings, rule_ids, run

RULE = "rule:compression-burns"
TUNNEL, TUNNEL_NERVE, FREE_NERVE = "ANKLE:9991501", "ANKLE:9991502", "ANKLE:9991503"
ENTRAPMENT = "ANKLE:9991506"


def test_the_declared_conclusion() -> None:
    assert RULES[RULE].concludes == (BURNING,)


@pytest.mark.parametrize("injury", [(TUNNEL, 2), (ENTRAPMENT, 3)], ids=["swollen-space", "entrapment"])
def test_a_compressed_nerve_burns(injury: tuple[str, int]) -> None:
    symptoms = findings(run(RULE, injury).symptoms)
    assert RULE in rule_ids(symptoms[BURNING])
    assert {NUMBNESS, TINGLING} <= set(symptoms)


@pytest.mark.parametrize("nerve", [TUNNEL_NERVE, FREE_NERVE])
def test_a_cut_nerve_does_not_burn(nerve: str) -> None:
    symptoms = findings(run(RULE, (nerve, 3)).symptoms)
    assert NUMBNESS in symptoms
    assert BURNING not in symptoms
