"""Results are pyoxigraph's own serialisations; the row cap cuts them at exactly ``limit`` rows and
says so where the format has room (JSON and XML heads, RDF comments)."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pyoxigraph as ox
import pytest

from app.sparql.capped import serialise_solutions, serialise_triples_capped
from app.sparql.results import RESULT_TYPES, TRUNCATED_LINK, serialise_boolean

ROWS = 3000  # long literals: pyoxigraph writes in 8 KiB chunks, so the cap falls inside and between chunks
SELECT = "SELECT ?s ?o WHERE { ?s ?p ?o } ORDER BY ?s"
FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


def select(store: ox.Store, query: str = SELECT) -> ox.QuerySolutions:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return result


@pytest.fixture(scope="module")
def store() -> ox.Store:
    store = ox.Store()
    p = ox.NamedNode("http://example.org/p")
    objects: list[Callable[[int], ox.Literal | ox.BlankNode | ox.NamedNode]] = [
        lambda i: ox.Literal(f'line one\nline two\t{i}, "quoted", ünïcödé ☃ ' + "x" * (i % 97), language="en"),
        lambda i: ox.Literal(str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        lambda i: ox.BlankNode(f"b{i}"),
        lambda i: ox.NamedNode(f"http://example.org/o{i}?a=1&b=2"),
    ]
    store.extend(
        ox.Quad(ox.NamedNode(f"http://example.org/s{i:05d}"), p, objects[i % 4](i), ox.DefaultGraph())
        for i in range(ROWS)
    )
    return store


@pytest.mark.parametrize("media_type", RESULT_TYPES)
def test_an_answer_under_the_cap_is_pyoxigraphs_own_serialisation(store: ox.Store, media_type: str) -> None:
    body, rows, truncated = serialise_solutions(select(store), media_type, ROWS)
    assert body == select(store).serialize(format=FORMATS[media_type])
    assert (rows, truncated) == (ROWS, None)


@pytest.mark.parametrize("limit", [1, 2, 57, 1000, ROWS - 1])
@pytest.mark.parametrize("media_type", ["application/sparql-results+json", "text/tab-separated-values"])
def test_the_cap_keeps_exactly_the_first_limit_rows(store: ox.Store, media_type: str, limit: int) -> None:
    body, rows, truncated = serialise_solutions(select(store), media_type, limit)
    assert (rows, truncated) == (limit, "rows")
    kept = ox.parse_query_results(body, FORMATS[media_type])
    assert isinstance(kept, ox.QuerySolutions)
    expected = list(select(store))[:limit]
    assert [(s["s"], s["o"]) for s in kept] == [(s["s"], s["o"]) for s in expected]


def test_a_truncated_json_head_links_the_explanation(store: ox.Store) -> None:
    body, _, _ = serialise_solutions(select(store), RESULT_TYPES[0], 10)
    head = json.loads(body)["head"]
    assert head == {"vars": ["s", "o"], "link": [f"{TRUNCATED_LINK}?limit=10"]}


def test_a_truncated_xml_head_puts_the_link_after_the_variables(store: ox.Store) -> None:
    body, _, _ = serialise_solutions(select(store), RESULT_TYPES[1], 10)
    head = ET.fromstring(body).find(f"{RESULTS_NS}head")
    assert head is not None
    assert [(e.tag.removeprefix(RESULTS_NS), e.get("name") or e.get("href")) for e in head] == [
        ("variable", "s"), ("variable", "o"), ("link", f"{TRUNCATED_LINK}?limit=10"),
    ]  # fmt: skip


@pytest.mark.parametrize("query", ["SELECT * WHERE {}", "SELECT ?x WHERE { ?x <urn:none> ?y }"])
def test_no_variables_or_no_rows(store: ox.Store, query: str) -> None:
    for media_type in RESULT_TYPES:
        body, rows, truncated = serialise_solutions(select(store, query), media_type, 5)
        assert body == select(store, query).serialize(format=FORMATS[media_type])
        assert rows == (1 if "{}" in query else 0) and not truncated


def test_ask_in_csv_and_tsv_keeps_a_header_row(store: ox.Store) -> None:
    answer = store.query("ASK { ?s ?p ?o }")
    assert isinstance(answer, ox.QueryBoolean)
    assert serialise_boolean(answer, "text/csv") == b"_askResult\r\ntrue\r\n"
    assert serialise_boolean(answer, "text/tab-separated-values") == b"?_askResult\ntrue\n"
    assert json.loads(serialise_boolean(answer, RESULT_TYPES[0])) == {"head": {}, "boolean": True}


def test_capped_triples_carry_a_comment(store: ox.Store) -> None:
    triples = store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(triples, ox.QueryTriples)
    body, rows, truncated = serialise_triples_capped(triples, "application/n-triples", 10)
    assert (rows, truncated) == (10, "rows")
    assert body.startswith(b"# AnkleKG: result truncated at the row cap of 10 triples")
    assert len(list(ox.parse(body, ox.RdfFormat.N_TRIPLES))) == 10


@pytest.mark.parametrize("max_bytes", [1024, 5000, 65_536])
@pytest.mark.parametrize("media_type", RESULT_TYPES)
def test_the_byte_cap_keeps_whole_first_rows_within_it(store: ox.Store, media_type: str, max_bytes: int) -> None:
    body, rows, truncated = serialise_solutions(select(store), media_type, ROWS, max_bytes)
    assert truncated == "bytes" and 0 < rows < ROWS
    assert len(body) <= max_bytes
    if media_type == "text/csv":  # lossy, so pyoxigraph does not read it: count its records
        assert len(list(csv.reader(io.StringIO(body.decode(), newline="")))) == rows + 1
    else:
        kept = ox.parse_query_results(body, FORMATS[media_type])
        assert isinstance(kept, ox.QuerySolutions)
        expected = list(select(store))[:rows]
        assert [(s["s"], s["o"]) for s in kept] == [(s["s"], s["o"]) for s in expected]
    if media_type == RESULT_TYPES[0]:
        assert json.loads(body)["head"]["link"] == [f"{TRUNCATED_LINK}?max-bytes={max_bytes}"]


def test_the_row_cap_wins_when_it_comes_first(store: ox.Store) -> None:
    assert serialise_solutions(select(store), RESULT_TYPES[0], 3, 1_000_000)[1:] == (3, "rows")
    assert serialise_solutions(select(store), RESULT_TYPES[0], ROWS, 100_000_000)[1:] == (ROWS, None)


def test_one_row_over_the_byte_cap_leaves_the_header(store: ox.Store) -> None:
    query = f'SELECT ?s (CONCAT(STR(?o), "{"y" * 4000}") AS ?x) WHERE {{ ?s ?p ?o }}'
    body, rows, truncated = serialise_solutions(select(store, query), RESULT_TYPES[0], 10, 2048)
    assert (rows, truncated) == (0, "bytes")
    assert json.loads(body)["head"]["vars"] == ["s", "x"]


@pytest.mark.parametrize("media_type", ["text/turtle", "application/n-triples", "application/ld+json",
                                        "application/rdf+xml"])  # fmt: skip
def test_the_byte_cap_applies_to_triples(store: ox.Store, media_type: str) -> None:
    triples = store.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(triples, ox.QueryTriples)
    body, rows, truncated = serialise_triples_capped(triples, media_type, ROWS, 8192)
    assert truncated == "bytes" and 0 < rows < ROWS and len(body) <= 8192
    fmt = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES,
           "application/ld+json": ox.RdfFormat.JSON_LD, "application/rdf+xml": ox.RdfFormat.RDF_XML}[media_type]
    assert len(list(ox.parse(body, fmt))) == rows
    if media_type == "text/turtle":
        assert body.startswith(b"# AnkleKG: result truncated at the byte cap of 8192 bytes")
