"""Every relation the explanations print reads as English: "the tendon of tibialis posterior is the tendon of the
tibialis posterior", never "tendon of tibialis posterior tendon of tibialis posterior"."""

from __future__ import annotations

import pytest

from app.kg import AnkleKG
from app.knowledge.phrases import PHRASES, clause

#: Property labels that already read as a verb phrase between a subject and an object.
VERB_LABELS = frozenset({
    "affects", "articulates with", "connects", "contains", "innervates", "is a kind of motion", "lies in",
    "may lead to", "may result from", "passes through", "screens for", "supplies", "diagnoses", "presents with",
    "opposite motion",
})  # fmt: skip


def _predicates(kg: AnkleKG) -> list[tuple[str, str]]:
    kb = kg.kb
    return sorted({(st.predicate, kb.label(st.predicate)) for st in kb.statements})


def test_every_relation_of_the_data_reads_as_a_clause(kg: AnkleKG) -> None:
    unreadable = [(p, label) for p, label in _predicates(kg) if p not in PHRASES and label not in VERB_LABELS]
    assert not unreadable, f"add a reading to app/knowledge/phrases.py PHRASES for {unreadable}"


@pytest.mark.parametrize(
    ("predicate", "label", "expected"),
    [
        ("akg:tendonOf", "tendon of", "the tendon of tibialis posterior is the tendon of the tibialis posterior"),
        ("akg:lesion", "lesion mechanism", "the tibialis posterior tendon rupture causes stretch or tear"),
        ("akg:affects", "affects", "the tibialis posterior tendon rupture affects the tendon of tibialis posterior"),
    ],
)
def test_clause_reads(predicate: str, label: str, expected: str) -> None:
    subject = "tibialis posterior tendon rupture" if predicate != "akg:tendonOf" else "tendon of tibialis posterior"
    obj = {"akg:tendonOf": "tibialis posterior", "akg:lesion": "stretch or tear"}.get(
        predicate, "tendon of tibialis posterior"
    )
    assert clause(subject, predicate, label, [obj]) == expected
