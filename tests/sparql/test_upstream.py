"""Reading an external store's SPARQL XML results as they arrive (``--sparql-endpoint-results xml``)."""

from __future__ import annotations

from collections.abc import Callable

import pyoxigraph as ox
import pytest

from app.sparql.upstream import XmlRows

ROWS = 400


@pytest.fixture(scope="module")
def store() -> ox.Store:
    """Terms TSV must escape or that XML writes with entities: tabs, line breaks, quotes, &, <, unicode."""
    store = ox.Store()
    p = ox.NamedNode("http://example.org/p")
    objects: list[Callable[[int], ox.Literal | ox.BlankNode | ox.NamedNode]] = [
        lambda i: ox.Literal(f'line one\nline two\t{i} & <b> "quoted" ünïcödé ☃', language="en-GB"),
        lambda i: ox.Literal(str(i), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        lambda i: ox.BlankNode(f"b{i}"),
        lambda i: ox.NamedNode(f"http://example.org/o{i}?a=1&b=2"),
        lambda i: ox.Literal(f"plain {i}"),
    ]
    store.extend(
        ox.Quad(ox.NamedNode(f"http://example.org/s{i:05d}"), p, objects[i % len(objects)](i), ox.DefaultGraph())
        for i in range(ROWS)
    )
    return store


def solutions(store: ox.Store, query: str) -> ox.QuerySolutions:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return result


@pytest.mark.parametrize("chunk", [1, 7, 4096, 10**7])
def test_xml_results_become_the_same_tsv_whatever_the_chunks(store: ox.Store, chunk: int) -> None:
    query = "SELECT ?s ?o ?unbound WHERE { ?s ?p ?o OPTIONAL { ?s <urn:none> ?unbound } } ORDER BY ?s"
    xml = solutions(store, query).serialize(format=ox.QueryResultsFormat.XML) or b""
    rows = XmlRows()
    tsv = b"".join(rows.feed(xml[i : i + chunk]) for i in range(0, len(xml), chunk))
    rows.close()
    assert tsv.count(b"\n") == ROWS + 1 and tsv.startswith(b"?s\t?o\t?unbound\n")
    ours = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    expected = list(solutions(store, query))
    assert isinstance(ours, ox.QuerySolutions)
    got = list(ours)
    assert [s["s"] for s in got] == [s["s"] for s in expected]
    for mine, theirs in zip(got, expected, strict=True):  # blank nodes are renamed, everything else kept
        blank = isinstance(theirs["o"], ox.BlankNode)
        assert isinstance(mine["o"], ox.BlankNode) if blank else mine["o"] == theirs["o"]
        assert mine["unbound"] is None


def test_a_document_that_is_not_results_is_a_syntax_error() -> None:
    rows = XmlRows()
    with pytest.raises(SyntaxError):
        rows.feed(b"<html><body>a login page</html></body>")
    bad_iri = (b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head><variable name="x"/></head><results>'
               b'<result><binding name="x"><uri>not an iri</uri></binding></result></results></sparql>')
    with pytest.raises(SyntaxError):
        XmlRows().feed(bad_iri)
