"""A source that reports otherwise is shown as disputing a fact, never among its sources (akg:disputedBy; review r28
P3: Li 2019, which found no change after cutting the ATFL, read as support of the ATFL's primary role)."""

from __future__ import annotations

import pytest

from app.kg import AnkleKG
from tests.datafacts import ask, select

DISPUTED = select("SELECT ?r ?ref WHERE { ?r akg:disputedBy ?ref }")


def test_the_data_records_disputing_sources() -> None:
    assert len(DISPUTED) >= 5


@pytest.mark.parametrize("row", DISPUTED, ids=lambda row: f"{row['r']}-{row['ref']}")
def test_a_disputing_source_is_a_dated_reference_and_not_a_source_of_the_same_fact(row: dict[str, str]) -> None:
    node, ref = row["r"], row["ref"]
    assert ask(f"ASK {{ {ref} a akg:Reference ; dcterms:issued ?date }}"), ref
    assert not ask(f"ASK {{ {node} dcterms:source {ref} }}"), (node, ref)
    assert ask(f"ASK {{ {node} dcterms:source ?other }}"), f"{node} keeps at least one source of its own"


def test_a_disputed_fact_says_so_beside_its_sources(kg: AnkleKG) -> None:
    for row in DISPUTED:
        fact = kg.kb.restraint_fact(kg.kb.restraints_by_id[row["r"]])
        assert row["ref"] not in {s.id for s in fact.sources}
        assert row["ref"] in {r.id for r in fact.qualifiers["disputed_by"]}  # type: ignore[union-attr]
        assert fact.fact is not None and f"disputed by {kg.kb.label(row['ref'])}" in fact.fact.label
