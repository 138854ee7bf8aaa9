"""A condition's defining structures (akg:definingStructure) are among the structures it affects."""

from __future__ import annotations

from tests.datafacts import select


def test_every_defining_structure_is_an_affected_structure() -> None:
    stray = select("SELECT ?c ?s WHERE { ?c akg:definingStructure ?s FILTER NOT EXISTS { ?c akg:affects ?s } }")
    assert stray == []
    assert len(select("SELECT ?c ?s WHERE { ?c akg:definingStructure ?s }")) >= 10
