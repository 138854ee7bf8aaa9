"""The SPARQL 1.1 Protocol for queries, against the real server: answered by its own workers, and by an external
store (Oxigraph's server loaded with our export) behind ``--sparql-endpoint``."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import rdflib

from app.sparql.dataset import ASSERTED_GRAPH, INFERRED_GRAPH
from tests.conftest import LiveServer

PROBLEM = "application/problem+json"
PREFIXES = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX akg: <https://w3id.org/anklekg/schema#>\n"
LIGAMENTS = PREFIXES + "SELECT ?x ?label WHERE { ?x a akg:Ligament ; rdfs:label ?label } ORDER BY ?label"
CONSTRUCT = PREFIXES + 'CONSTRUCT { ?x ?p ?o } WHERE { ?x akg:abbreviation "ATFL" ; ?p ?o }'
RESULTS_NS = "{http://www.w3.org/2005/sparql-results#}"


@pytest.fixture(scope="session")
def client(request: pytest.FixtureRequest, endpoint_server: LiveServer) -> Iterator[httpx.Client]:
    """The protocol is the same whether our workers or an external store (--sparql-endpoint) answer, and
    through nginx in front of two replicas (tests/conftest.py THROUGH_NGINX), whose workers answer."""
    route = getattr(request, "param", "direct")
    if route == "via-nginx" and endpoint_server.args and "--sparql-endpoint" in endpoint_server.args:
        pytest.skip("through nginx the replicas answer /sparql with their own workers: run once, not per store")
    server = request.getfixturevalue("nginx_front") if route == "via-nginx" else endpoint_server
    with httpx.Client(base_url=server.url, timeout=30.0) as http:
        yield http


def labels(body: dict) -> list[str]:
    return [b["label"]["value"] for b in body["results"]["bindings"]]


def test_get_form_post_and_direct_post_give_the_same_answer(client: httpx.Client) -> None:
    by_get = client.get("/sparql", params={"query": LIGAMENTS})
    by_form = client.post("/sparql", data={"query": LIGAMENTS})
    by_body = client.post("/sparql", content=LIGAMENTS, headers={"content-type": "application/sparql-query"})
    for response in (by_get, by_form, by_body):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
    assert labels(by_get.json()) == labels(by_form.json()) == labels(by_body.json())
    assert "anterior talofibular ligament" in labels(by_get.json())
    assert by_get.headers["x-anklekg-version"]


@pytest.mark.parametrize(
    ("request_kwargs", "fragment"),
    [
        ({"method": "POST", "data": {"format": "json"}}, "no query"),
        ({"method": "GET", "params": [("query", "ASK {}"), ("query", "ASK {}")]}, "2 times"),
        (
            {
                "method": "POST",
                "params": {"query": "ASK {}"},
                "content": "ASK {}",
                "headers": {"content-type": "application/sparql-query"},
            },
            "2 times",
        ),
        ({"method": "GET", "params": {"query": "   "}}, "empty"),
    ],
)
def test_a_missing_or_doubled_query_is_a_400(client: httpx.Client, request_kwargs: dict, fragment: str) -> None:
    response = client.request(url="/sparql", **request_kwargs)
    assert response.status_code == 400
    assert response.headers["content-type"].startswith(PROBLEM)
    assert fragment in response.json()["detail"]


def test_a_malformed_query_is_a_400_with_line_and_column(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT ?s\nWHERE { ?s ?p }"})
    assert response.status_code == 400
    problem = response.json()
    assert problem["type"].endswith("/malformed-query")
    assert problem["errors"][0]["line"] == 2 and problem["errors"][0]["column"] > 1
    assert "line 2, column" in problem["detail"]


def test_unsupported_body_type_is_a_415(client: httpx.Client) -> None:
    response = client.post("/sparql", content=b'{"query": "ASK {}"}', headers={"content-type": "application/json"})
    assert response.status_code == 415 and response.headers["content-type"].startswith(PROBLEM)


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"method": "POST", "data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {
            "method": "POST",
            "content": "DROP ALL",
            "headers": {"content-type": "application/sparql-update"},
        },
        {"method": "POST", "data": {"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
        {"method": "GET", "params": {"query": "# a comment\nPREFIX x: <urn:x>\nDELETE WHERE { ?s ?p ?o }"}},
        {"method": "GET", "params": {"query": "LOAD <http://127.0.0.1:9/data.ttl>"}},
    ],
)
def test_updates_are_refused_with_a_403(client: httpx.Client, request_kwargs: dict) -> None:
    response = client.request(url="/sparql", **request_kwargs)
    assert response.status_code == 403
    assert response.headers["content-type"].startswith(PROBLEM)
    assert "read-only" in response.json()["detail"]
    assert client.get("/sparql", params={"query": "ASK { <urn:a> <urn:b> <urn:c> }"}).json()["boolean"] is False


def test_select_results_in_every_format(client: httpx.Client) -> None:
    expected = labels(client.get("/sparql", params={"query": LIGAMENTS}).json())
    xml = client.get("/sparql", params={"query": LIGAMENTS}, headers={"accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")
    root = ET.fromstring(xml.content)
    assert [
        b.findtext(f"{RESULTS_NS}literal") for b in root.iter(f"{RESULTS_NS}binding") if b.get("name") == "label"
    ] == expected
    csv_response = client.get("/sparql", params={"query": LIGAMENTS}, headers={"accept": "text/csv"})
    assert csv_response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(csv_response.text)))
    assert [r["label"] for r in rows] == expected
    tsv = client.get("/sparql", params={"query": LIGAMENTS}, headers={"accept": "text/tab-separated-values"})
    lines = tsv.text.splitlines()
    assert lines[0] == "?x\t?label"
    assert lines[1].startswith("<https://w3id.org/anklekg/ANKLE_") and lines[1].endswith(f'"{expected[0]}"')


def test_ask_answers_in_json_and_xml(client: httpx.Client) -> None:
    query = PREFIXES + 'ASK { ?x akg:abbreviation "ATFL" }'
    assert client.get("/sparql", params={"query": query}).json() == {"head": {}, "boolean": True}
    xml = client.get("/sparql", params={"query": query, "format": "xml"})
    assert ET.fromstring(xml.content).findtext(f"{RESULTS_NS}boolean") == "true"


@pytest.mark.parametrize(
    ("accept", "media_type", "rdflib_format"),
    [
        (None, "text/turtle", "turtle"),
        ("application/n-triples", "application/n-triples", "nt"),
        ("application/ld+json", "application/ld+json", "json-ld"),
        ("application/rdf+xml", "application/rdf+xml", "xml"),
    ],
)
def test_construct_in_every_rdf_syntax(
    client: httpx.Client, accept: str | None, media_type: str, rdflib_format: str
) -> None:
    headers = {"accept": accept} if accept else {}
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    graph = rdflib.Graph().parse(data=response.content, format=rdflib_format)
    atfl = rdflib.URIRef("https://w3id.org/anklekg/ANKLE_0000016")
    assert (atfl, rdflib.RDFS.label, rdflib.Literal("anterior talofibular ligament")) in graph
    assert int(response.headers["x-anklekg-result-rows"]) == len(graph)


def test_accept_q_values_and_the_format_parameter(client: httpx.Client) -> None:
    query = {"query": LIGAMENTS}
    weighted = client.get("/sparql", params=query, headers={"accept": "text/csv;q=0.5, application/sparql-results+xml"})
    assert weighted.headers["content-type"].startswith("application/sparql-results+xml")
    refused = client.get("/sparql", params=query, headers={"accept": "text/csv;q=0, */*;q=0.1"})
    assert refused.headers["content-type"].startswith("application/sparql-results+json")
    overridden = client.get("/sparql", params={**query, "format": "tsv"}, headers={"accept": "text/csv"})
    assert overridden.headers["content-type"].startswith("text/tab-separated-values")
    assert client.get("/sparql", params={**query, "format": "yaml"}).status_code == 400
    assert weighted.headers["vary"].startswith("Accept")


def test_an_unproducible_type_is_a_406(client: httpx.Client) -> None:
    select = client.get("/sparql", params={"query": LIGAMENTS}, headers={"accept": "image/png"})
    assert select.status_code == 406 and select.headers["content-type"].startswith(PROBLEM)
    construct = client.get("/sparql", params={"query": CONSTRUCT}, headers={"accept": "text/csv"})
    assert construct.status_code == 406 and "text/turtle" in construct.json()["detail"]


def test_get_results_have_an_etag_and_honour_if_none_match(client: httpx.Client) -> None:
    first = client.get("/sparql", params={"query": LIGAMENTS})
    assert first.headers["cache-control"].startswith("public")
    again = client.get("/sparql", params={"query": LIGAMENTS}, headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 304
    assert client.post("/sparql", data={"query": LIGAMENTS}).headers["cache-control"] == "no-store"


def test_protocol_dataset_parameters_choose_the_graphs(client: httpx.Client) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(**params: Any) -> int:
        body = client.get("/sparql", params={"query": count, **params}).json()
        return int(body["results"]["bindings"][0]["n"]["value"])

    asserted, inferred = n(), n(**{"default-graph-uri": INFERRED_GRAPH})
    assert asserted == n(**{"default-graph-uri": ASSERTED_GRAPH}) > inferred > 0
    assert n(**{"default-graph-uri": [ASSERTED_GRAPH, INFERRED_GRAPH]}) == asserted + inferred
    named = client.get(
        "/sparql",
        params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": INFERRED_GRAPH},
    ).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [INFERRED_GRAPH]
    # The protocol's dataset replaces the query's own FROM.
    from_query = f"SELECT (COUNT(*) AS ?n) FROM <{INFERRED_GRAPH}> WHERE {{ ?s ?p ?o }}"
    body = client.get("/sparql", params={"query": from_query, "default-graph-uri": ASSERTED_GRAPH}).json()
    assert int(body["results"]["bindings"][0]["n"]["value"]) == asserted


def test_service_description_without_a_query(client: httpx.Client) -> None:
    response = client.get("/sparql", headers={"accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoint = next(graph.subjects(rdflib.RDF.type, sd.Service))
    assert str(endpoint).endswith("/sparql")
    assert (endpoint, sd.supportedLanguage, sd.SPARQL11Query) in graph
    names = {str(o) for o in graph.objects(None, sd.name)}
    assert {ASSERTED_GRAPH, INFERRED_GRAPH} <= names
    jsonld = client.get("/sparql", params={"format": "jsonld"})
    assert json.loads(jsonld.text)


def test_a_browser_gets_the_query_page(client: httpx.Client) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    page = client.get("/sparql", headers={"accept": accept})
    assert page.headers["content-type"].startswith("text/html") and 'id="editor"' in page.text
    assert client.get("/query").status_code == 200
    assert client.get("/web/query.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/web/../kg.py").status_code == 404


def test_a_bad_graph_iri_is_a_400_and_the_worker_survives(client: httpx.Client) -> None:
    for _ in range(3):  # more times than there are workers
        response = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "named-graph-uri": "AAA"})
        assert response.status_code == 400 and "named-graph-uri" in response.json()["detail"]
    assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True


def test_relative_iris_resolve_against_the_request_url(client: httpx.Client) -> None:
    """W3C protocol test query_content_type_construct: a query without BASE resolves <s> against the URL the client
    used (through nginx too: the Host it was sent to), in process and at an external store alike."""
    response = client.post("/sparql", content="CONSTRUCT { <s> <p> 1 } WHERE {}", headers={
        "content-type": "application/sparql-query", "accept": "application/n-triples"})  # fmt: skip
    assert response.status_code == 200, response.text
    base = str(client.base_url).rstrip("/")
    assert response.text.strip() == f'<{base}/s> <{base}/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .'


def test_a_repeated_get_query_is_answered_from_the_answer_cache(live_server: LiveServer) -> None:
    """Our dataset never changes while the service runs: a finished GET answer is kept (by query, dataset and
    accepted types) and served again before admission and the workers, the same bytes with the same validators;
    a POST, an answer that differs per run (RAND) and a failure are never kept."""
    query = LIGAMENTS + " # cache probe"  # a text no other test sends, so the first GET is a miss
    with httpx.Client(base_url=live_server.url, timeout=30.0) as http:
        def hits() -> int:
            return int(http.get("/health").json()["answer_cache"]["hits"])

        first = http.get("/sparql", params={"query": query}, headers={"accept": "text/csv"})
        before = hits()
        again = http.get("/sparql", params={"query": query}, headers={"accept": "text/csv"})
        assert hits() == before + 1
        assert first.status_code == again.status_code == 200
        assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
        for name in ("content-type", "x-anklekg-result-rows", "x-anklekg-result-truncated", "vary"):
            assert again.headers[name] == first.headers[name], name
        assert http.get("/sparql", params={"query": query}, headers={"if-none-match": first.headers["etag"],
                                                                     "accept": "text/csv"}).status_code == 304
        as_json = http.get("/sparql", params={"query": query})  # another accepted type: another entry
        assert as_json.headers["content-type"].startswith("application/sparql-results+json")
        before = hits()
        http.post("/sparql", data={"query": query})
        random = PREFIXES + "SELECT (RAND() AS ?r) WHERE {}"
        draws = [http.get("/sparql", params={"query": random}).json() for _ in range(2)]
        assert draws[0] != draws[1]
        assert http.get("/sparql", params={"query": "SELECT ?x WHERE {"}).status_code == 400
        assert http.get("/sparql", params={"query": "SELECT ?x WHERE {"}).status_code == 400
        assert hits() == before
