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


def test_a_mechanism_in_a_position_reads_with_its_position(kg: AnkleKG) -> None:
    """akg:arisesFrom with akg:position on its axiom: the fact carries the position as an entity (as a restraint's
    positions) and reads "arises from forced eversion in the dorsiflexed position"; one with none reads without."""
    from app.render import fact_text

    kb = kg.kb
    subluxation = kg.resolve("peroneal tendon subluxation").id
    [fact] = [  # its eversion (Hosack 2023); its inversion (Arrowsmith 1983, editor39) has no position
        kb.statement_fact(st)
        for st in kb.by_subject[subluxation]
        if st.predicate == "akg:arisesFrom" and st.object == "ANKLE:0001004"
    ]
    positions = fact.qualifiers["positions"]
    assert isinstance(positions, list) and [p.label for p in positions] == ["dorsiflexed position"]
    assert fact_text(fact) == (  # the position read from 'combined with' is the editor's (round 25) and says so
        "the peroneal tendon subluxation arises from forced eversion in the dorsiflexed position (the position: the "
        "editor's reading)"
    )
    impingement = kg.resolve("posterior ankle impingement").id
    [plain] = [kb.statement_fact(st) for st in kb.by_subject[impingement] if st.predicate == "akg:arisesFrom"]
    assert "positions" not in plain.qualifiers
    assert fact_text(plain) == "the posterior ankle impingement arises from forced plantarflexion"
