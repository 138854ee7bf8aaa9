"""A relation that is the editor's reading of its source says so (akg:knownBy on its axiom): the fact carries it, a
conclusion resting on it has that basis, and the text says it (rule 2 of the house: never a default that looks
stated by the source)."""

from __future__ import annotations

from app.kg import AnkleKG
from app.knowledge import schema
from app.render import fact_text

AVULSION = "ANKLE:0002086"  # the fifth metatarsal tuberosity avulsion fracture
INVERSION = "ANKLE:0001003"


def test_every_relation_marked_as_the_editors_reading_carries_it(kg: AnkleKG) -> None:
    marked = [st for st in kg.kb.statements if (schema.KNOWN_BY, schema.EDITOR_INFERENCE) in st.qualifiers]
    assert any(st.subject == AVULSION and st.object == INVERSION for st in marked)  # the round-24 reading
    for st in marked:
        fact = kg.kb.statement_fact(st)
        assert fact.known_by is not None and fact.known_by.id == schema.EDITOR_INFERENCE
        assert "knownBy" not in fact.qualifiers  # the fact's own field, not an annotation beside it
        assert fact_text(fact).endswith("(the editor's reading)")


def test_a_relation_its_source_states_has_no_basis_of_its_own(kg: AnkleKG) -> None:
    stated = next(st for st in kg.kb.statements if st.subject == "ANKLE:0002017" and st.object == "ANKLE:0001004")
    fact = kg.kb.statement_fact(stated)  # peroneal tendon subluxation arises from eversion (Hosack 2023)
    assert fact.known_by is None and "editor" not in fact_text(fact)


def test_the_differential_shows_the_reading_behind_a_mechanism(kg: AnkleKG) -> None:
    report = kg.differential(symptoms=("pain",), mechanism=("inversion", None), limit=20)
    avulsion = next(c for c in report.candidates if c.structure.label == "tuberosity of fifth metatarsal bone")
    mechanism = next(e for e in avulsion.supported_by if e.finding.id == INVERSION)
    assert any(f.known_by is not None and f.known_by.id == schema.EDITOR_INFERENCE for f in mechanism.because)
