"""One vocabulary: the closed AKG namespace (app/vocab.py) names exactly the terms data/schema.ttl defines."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from app.vocab import AKG, SCHEMA_BASE

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "schema.ttl"


def test_the_closed_namespace_equals_the_schema() -> None:
    graph = rdflib.Graph().parse(SCHEMA)
    defined = {
        str(s).removeprefix(SCHEMA_BASE)
        for s in graph.subjects(rdflib.RDFS.label, None)
        if isinstance(s, rdflib.URIRef) and str(s).startswith(SCHEMA_BASE) and str(s) != SCHEMA_BASE
    }
    assert set(AKG.__annotations__) == defined


def test_the_engine_terms_are_schema_terms() -> None:
    from app.reasoning.impact import terms

    curies = {value for name, value in vars(terms).items() if name.isupper() and isinstance(value, str)}
    assert curies and all(c.startswith("akg:") and c.removeprefix("akg:") in AKG.__annotations__ for c in curies)


def test_no_module_of_app_spells_a_schema_term_as_a_raw_string() -> None:
    """Every akg: term in code is a constant read through AKG (app.knowledge.schema, app.reasoning.impact.terms),
    so a misspelt one fails at import instead of silently matching nothing."""
    import re

    app = Path(__file__).resolve().parents[1] / "app"
    raw = re.compile(r"""["']akg:[A-Za-z]+["']""")
    offenders = [
        f"{path.relative_to(app.parent)}:{number}"
        for path in sorted(app.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if raw.search(line) and not line.lstrip().startswith("#")
    ]
    assert not offenders, offenders


def test_the_w3c_namespaces_are_closed_over_rdflibs_terms() -> None:
    """app.vocab spells the W3C and DCMI vocabularies without importing rdflib (a start's cost); their terms are
    exactly those of rdflib's closed namespaces, and a misspelt one raises as rdflib's do."""
    from rdflib import namespace

    from app import vocab

    for name in ("RDF", "RDFS", "OWL", "SKOS", "SH", "XSD", "DCTERMS", "VOID"):
        ours, theirs = getattr(vocab, name), getattr(namespace, name)
        assert str(ours) == str(theirs), name
        assert ours.terms == set(theirs.__annotations__) | set(getattr(theirs, "_extras", ())), name
        for term in sorted(ours.terms):
            assert getattr(ours, term) == str(theirs[term]) and isinstance(getattr(ours, term), str)
        with pytest.raises(AttributeError):
            _ = ours.notAterm
    assert vocab.DCTERMS.title == "http://purl.org/dc/terms/title"  # a term, not str.title
    assert vocab.RDF["_2"] == str(namespace.RDF["_2"])

