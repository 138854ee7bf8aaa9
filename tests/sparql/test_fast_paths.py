"""The cheap query's short cuts (docs/performance.md, ninth pass) answer exactly what the long ways answered: the
query string decoded in C as ``urllib.parse.parse_qsl`` decodes it, SPARQL JSON written once with the row count
``serialise_solutions`` gives, and the volatile-function test of the answer cache."""

from __future__ import annotations

import json
import random
import urllib.parse

import pyoxigraph as ox
import pytest

from app.api.routes.sparql import _VOLATILE, _volatile
from app.sparql.capped import JSON_RESULTS, serialise_solutions, solutions_as_json
from app.sparql.engine import QueryRequest, execute
from app.sparql.protocol import parse_qsl

EX = "http://example.org/"


def test_the_query_string_is_decoded_as_the_standard_library_decodes_it() -> None:
    pieces = [*"%%&&==++aF09fG \\xé€?#", "%4", "%e2%82%ac", "%C3", "%zz", "%2", "\x00", "\\x41", "%5C", "%25"]
    texts = ["", "query=", "query=ASK%20%7B%7D", "a=1&&b", "=x", "query=%E2%82", *(
        "".join(random.Random(n).choice(pieces) for _ in range(random.Random(-n).randint(1, 16))) for n in range(20_000)
    )]  # fmt: skip
    for text in texts:
        assert parse_qsl(text) == urllib.parse.parse_qsl(text, keep_blank_values=True), text


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?x WHERE { ?x ?p ?o }",
        "SELECT ?x WHERE { ?x ?p ?o } LIMIT 1",
        "SELECT ?x ?nothing WHERE { ?x ?p ?o OPTIONAL { ?x <urn:none> ?nothing } }",
        "SELECT ?nothing WHERE { ?x ?p ?o OPTIONAL { ?x <urn:none> ?nothing } }",  # empty solutions: {}
        "SELECT * WHERE { }",  # one empty solution
        "SELECT ?x WHERE { ?x <urn:none> ?o }",  # none
        'SELECT ?o WHERE { ?x ?p ?o FILTER(CONTAINS(STR(?o), "{")) }',  # braces and quotes inside literals
        "SELECT ?t WHERE { BIND(<<( <urn:a> <urn:b> <urn:c> )>> AS ?t) }",  # a triple term
    ],
)
def test_json_written_once_is_what_the_capped_writer_wrote(query: str) -> None:
    store = ox.Store()
    literals = [',{"a', '[{"b', "{}", '"},{"', "x\\", "plain", "[{}]"]
    store.extend(
        ox.Quad(ox.NamedNode(f"{EX}s{i}"), ox.NamedNode(f"{EX}p"), ox.Literal(literals[i % len(literals)]))
        for i in range(40)
    )
    for limit, max_bytes in ((10_000, None), (40, None), (39, None), (1, None), (10_000, 1500), (10_000, 100_000),
                             (5, 1500), (10_000, 1200)):  # fmt: skip
        capped = serialise_solutions(store.query(query), JSON_RESULTS, limit, max_bytes)  # type: ignore[arg-type]
        direct = solutions_as_json(store.query(query), limit, max_bytes)  # type: ignore[arg-type]
        if capped.truncated_by != "bytes":  # whole, or cut at the row cap: the same rows, the same bytes
            assert direct == capped
        else:  # cut at the byte cap: the first rows whose JSON fits, marked (the TSV way fitted them otherwise)
            whole = json.loads(serialise_solutions(store.query(query), JSON_RESULTS, 10_000).body)  # type: ignore[arg-type]
            kept = json.loads(direct.body)
            assert direct.truncated_by == "bytes" and len(direct.body) <= max_bytes  # type: ignore[operator]
            assert kept["head"]["link"][0].endswith(f"max-bytes={max_bytes}")
            assert kept["results"]["bindings"] == whole["results"]["bindings"][: direct.rows]
        answer = execute(store, QueryRequest(query, max_rows=limit, max_bytes=max_bytes))
        assert (answer.body, answer.rows, answer.truncated_by) == direct


def test_an_answer_is_kept_unless_it_calls_a_volatile_function() -> None:
    for query in ["SELECT (RAND() AS ?r) {}", "select (now ( ) as ?n) {}", "SELECT (STRUUID() AS ?u) {}",
                  "SELECT (BNODE() AS ?b) {}", "SELECT ?random {}", "SELECT ?x { ?x <urn:now> 1 }",
                  "SELECT (UUıD() AS ?u) {}", "SELECT (ſtruuid() AS ?u) {}", "ASK {}"]:  # fmt: skip
        assert _volatile(query) == (_VOLATILE.search(query) is not None), query
