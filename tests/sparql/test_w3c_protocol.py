"""The read-only tests of the W3C SPARQL 1.1 Protocol test suite (``sparql/sparql11/protocol/manifest.ttl`` of
w3c/rdf-tests), each request as the manifest writes it, against a real server whose /sparql is answered by its own
workers and by an external store (Oxigraph's server) behind ``--sparql-endpoint``.

The suite's dataset tests name graphs ``http://kasei.us/2009/09/sparql/data/data1.rdf`` … ``data3.rdf`` (its
``ut:graphData``), which the update tests fill with one triple each: the graph's own IRI ``a foaf:Document``. The
servers here hold exactly that, beside AnkleKG's graphs: in process through ``--dataset``, in the store by loading
it. The manifest's update tests (``update_*``, and the ``bad_update_*`` ones that expect a 4xx) are run as refusals:
this endpoint is read-only and answers every update with 403.

One request differs from the manifest's text: ``query_multiple_dataset`` percent-encodes the ``&`` between its two
``named-graph-uri`` parameters (``data1.rdf%26named-graph-uri%3D…``), which makes one parameter naming a graph
nobody has, and the expected ``true`` impossible. Its intent (the protocol's dataset replaces the query's FROM) is
tested with the two parameters it means; the request as written is checked to name that one odd graph.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib

from tests.conftest import LiveServer, running

KASEI = "http://kasei.us/2009/09/sparql/data/"
GRAPHS = {name: f"{KASEI}{name}.rdf" for name in ("data1", "data2", "data3")}
FOAF_DOCUMENT = "http://xmlns.com/foaf/0.1/Document"
BOOLEAN_TYPES = ("application/sparql-results+json", "application/sparql-results+xml")
TABULAR_TYPES = (*BOOLEAN_TYPES, "text/csv", "text/tab-separated-values")
RDF_TYPES = ("text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json")
DATA0 = "default-graph-uri=http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata0.rdf"
DATA1_DATA2 = ("http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata1.rdf",
               "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata2.rdf")  # fmt: skip
DATA3 = "http%3A%2F%2Fkasei.us%2F2009%2F09%2Fsparql%2Fdata%2Fdata3.rdf"
ASK_DATA1_DATA2 = ("ASK { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type . "
                   "<http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type . }")  # fmt: skip
ASK_GRAPHS = ("ASK { GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } "
              "GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }")  # fmt: skip
ASK_FULL = """ASK {
  <http://kasei.us/2009/09/sparql/data/data3.rdf> a ?type
  GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type }
  GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type }
}"""
ASK_MULTIPLE = ("ASK FROM <http://kasei.us/2009/09/sparql/data/data3.rdf> { "
                "GRAPH ?g1 { <http://kasei.us/2009/09/sparql/data/data1.rdf> a ?type } "
                "GRAPH ?g2 { <http://kasei.us/2009/09/sparql/data/data2.rdf> a ?type } }")  # fmt: skip
#: The manifest's requests go to www.example: the servers here accept that Host.
HOST = ("--allowed-host", "www.example", "--allowed-host", "127.0.0.1")
SPARQL_QUERY = {"content-type": "application/sparql-query"}
FORM = {"content-type": "application/x-www-form-urlencoded"}


def write_graphs(directory: Path) -> dict[str, Path]:
    """Each graph of the suite as an N-Triples file: its own IRI ``a foaf:Document``."""
    files = {}
    for name, iri in GRAPHS.items():
        files[iri] = directory / f"{name}.nt"
        files[iri].write_text(f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{FOAF_DOCUMENT}> .\n")
    return files


@pytest.fixture(scope="module")
def graph_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_graphs(tmp_path_factory.mktemp("w3c-protocol"))


@pytest.fixture(scope="module", params=["in-process", "external"])
def server(request: pytest.FixtureRequest, graph_files: dict[str, Path],
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:  # fmt: skip
    """AnkleKG with the suite's graphs: its workers holding them (``--dataset``), or an Oxigraph store loaded with
    AnkleKG's export and them, behind ``--sparql-endpoint``."""
    if request.param == "in-process":
        datasets = [a for iri, f in graph_files.items() for a in ("--dataset", f"{f}={iri}")]
        with running(LiveServer(*HOST, *datasets)) as srv:
            yield srv
        return
    from tests.sparql.stores import OxigraphServer, load_oxigraph

    quads = tmp_path_factory.mktemp("w3c-quads") / "graphs.nq"
    quads.write_text("".join(f.read_text().replace(" .\n", f" <{iri}> .\n") for iri, f in graph_files.items()))
    location = load_oxigraph(request.getfixturevalue("dataset_export"), tmp_path_factory.mktemp("w3c") / "ox")
    load_oxigraph(quads, location)
    with OxigraphServer(location) as store, running(LiveServer(*HOST, "--sparql-endpoint", store.endpoint)) as srv:
        yield srv


@pytest.fixture(scope="module")
def client(server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url, timeout=30.0, headers={"host": "www.example"}) as http:
        yield http


def send(client: httpx.Client, method: str, target: str, body: str | bytes | None = None,
         headers: dict[str, str] | None = None) -> httpx.Response:  # fmt: skip
    """The manifest's request: its method, its request target as written (not re-encoded), body and headers."""
    request = client.build_request(method, "/sparql", content=body, headers=headers or {})
    request.url = request.url.copy_with(raw_path=target.encode())
    return client.send(request)


def media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


def boolean(response: httpx.Response) -> bool:
    """A boolean result, as 2xx with a boolean results format (mf:expectedFormat "boolean")."""
    assert 200 <= response.status_code < 400, response.text
    assert media_type(response) in BOOLEAN_TYPES
    if media_type(response) == "application/sparql-results+json":
        value = json.loads(response.content)["boolean"]
        assert isinstance(value, bool)
        return value
    return ET.fromstring(response.content).findtext("{http://www.w3.org/2005/sparql-results#}boolean") == "true"


def test_query_post_form(client: httpx.Client) -> None:
    assert boolean(send(client, "POST", f"/sparql?{DATA0}", "query=ASK%20%7B%7D", FORM)) is True


def test_query_dataset_default_graphs_get(client: httpx.Client) -> None:
    query = httpx.QueryParams({"query": ASK_DATA1_DATA2})
    target = f"/sparql?{query}&default-graph-uri={DATA1_DATA2[0]}&default-graph-uri={DATA1_DATA2[1]}"
    assert boolean(send(client, "GET", target)) is True


def test_query_dataset_default_graphs_post(client: httpx.Client) -> None:
    target = f"/sparql?default-graph-uri={DATA1_DATA2[0]}&default-graph-uri={DATA1_DATA2[1]}"
    assert boolean(send(client, "POST", target, ASK_DATA1_DATA2, SPARQL_QUERY)) is True


def test_query_dataset_named_graphs_post(client: httpx.Client) -> None:
    target = f"/sparql?named-graph-uri={DATA1_DATA2[0]}&named-graph-uri={DATA1_DATA2[1]}"
    assert boolean(send(client, "POST", target, ASK_GRAPHS, SPARQL_QUERY)) is True


def test_query_dataset_named_graphs_get(client: httpx.Client) -> None:
    query = httpx.QueryParams({"query": ASK_GRAPHS})
    target = f"/sparql?{query}&named-graph-uri={DATA1_DATA2[0]}&named-graph-uri={DATA1_DATA2[1]}"
    assert boolean(send(client, "GET", target)) is True


def test_query_dataset_full(client: httpx.Client) -> None:
    target = f"/sparql?default-graph-uri={DATA3}&named-graph-uri={DATA1_DATA2[0]}&named-graph-uri={DATA1_DATA2[1]}"
    assert boolean(send(client, "POST", target, ASK_FULL, SPARQL_QUERY)) is True


def test_query_multiple_dataset(client: httpx.Client) -> None:
    """The protocol's named graphs replace the query's FROM (so data3 is no longer the default graph)."""
    meant = f"/sparql?named-graph-uri={DATA1_DATA2[0]}&named-graph-uri={DATA1_DATA2[1]}"
    assert boolean(send(client, "POST", meant, ASK_MULTIPLE, SPARQL_QUERY)) is True
    # As the manifest writes it: one named-graph-uri, whose value holds "&named-graph-uri=": a graph no one has.
    as_written = f"/sparql?named-graph-uri={DATA1_DATA2[0]}%26named-graph-uri%3D{DATA1_DATA2[1]}"
    assert boolean(send(client, "POST", as_written, ASK_MULTIPLE, SPARQL_QUERY)) is False


def test_query_get(client: httpx.Client) -> None:
    assert boolean(send(client, "GET", f"/sparql?query=ASK%20%7B%7D&{DATA0}")) is True


def test_query_content_type_select(client: httpx.Client) -> None:
    response = send(client, "POST", f"/sparql?{DATA0}", "SELECT (1 AS ?value) {}", SPARQL_QUERY)
    assert response.status_code == 200 and media_type(response) in TABULAR_TYPES
    assert json.loads(response.content)["results"]["bindings"][0]["value"]["value"] == "1"


def test_query_content_type_ask(client: httpx.Client) -> None:
    assert boolean(send(client, "POST", f"/sparql?{DATA0}", "ASK {}", SPARQL_QUERY)) is True


def rdf(response: httpx.Response) -> rdflib.Graph:
    assert response.status_code == 200, response.text
    assert media_type(response) in RDF_TYPES
    return rdflib.Graph().parse(data=response.content, format={"text/turtle": "turtle"}.get(media_type(response),
                                                                                              media_type(response)))


def test_query_content_type_describe(client: httpx.Client) -> None:
    assert len(rdf(send(client, "POST", f"/sparql?{DATA0}", "DESCRIBE <http://example.org/>", SPARQL_QUERY))) == 0


def test_query_content_type_construct(client: httpx.Client) -> None:
    """Relative IRIs in a query without BASE resolve against the URL the request was sent to."""
    graph = rdf(send(client, "POST", f"/sparql?{DATA0}", "CONSTRUCT { <s> <p> 1 } WHERE {}", SPARQL_QUERY))
    assert set(graph) == {(rdflib.URIRef("http://www.example/s"), rdflib.URIRef("http://www.example/p"),
                           rdflib.Literal(1))}  # fmt: skip


def test_query_post_direct(client: httpx.Client) -> None:
    assert boolean(send(client, "POST", "/sparql", "ASK {}", SPARQL_QUERY)) is True


@pytest.mark.parametrize(
    ("name", "method", "target", "body", "headers"),
    [
        ("bad_query_method", "PUT", f"/sparql?query=ASK%20%7B%7D&{DATA0}", b"", FORM),
        ("bad_multiple_queries", "GET", "/sparql?query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", None, {}),
        ("bad_query_wrong_media_type", "POST", "/sparql", "ASK {}", {"content-type": "text/plain"}),
        ("bad_query_missing_form_type", "POST", "/sparql", "query=ASK%20%7B%7D", {}),
        ("bad_query_missing_direct_type", "POST", "/sparql", "ASK {}", {}),
        ("bad_query_non_utf8", "POST", "/sparql", "ASK {}".encode("utf-16"),
         {"content-type": "application/sparql-query; charset=UTF-16"}),
        ("bad_query_syntax", "GET", "/sparql?query=ASK%20%7B", None, {}),
        ("bad_update_get", "GET", "/sparql?update=CLEAR%20ALL", None, {}),
        ("bad_multiple_updates", "POST", "/sparql", "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", FORM),
        ("bad_update_wrong_media_type", "POST", "/sparql", "CLEAR NAMED", {"content-type": "text/plain"}),
        ("bad_update_missing_form_type", "POST", "/sparql", "update=CLEAR%20NAMED", {}),
        ("bad_update_non_utf8", "POST", "/sparql", "CLEAR NAMED".encode("utf-16"),
         {"content-type": "application/sparql-update; charset=UTF-16"}),
        ("bad_update_syntax", "POST", "/sparql", "update=CLEAR%20XYZ", FORM),
        ("bad_update_dataset_conflict", "POST", "/sparql?using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople",
         "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
         "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
         "WHERE {\n    ?person foaf:givenName 'Bill'\n}", {"content-type": "application/sparql-update"}),
    ],
)  # fmt: skip
def test_bad_requests_are_4xx_problems(client: httpx.Client, name: str, method: str, target: str,
                                       body: str | bytes | None, headers: dict[str, str]) -> None:  # fmt: skip
    response = send(client, method, target, body, headers)
    assert 400 <= response.status_code < 500, f"{name}: {response.status_code} {response.text}"
    assert media_type(response) == "application/problem+json", name


@pytest.mark.parametrize(
    ("name", "body", "content_type"),
    [
        ("update_post_form", "update=CLEAR+ALL", FORM["content-type"]),
        ("update_post_direct", "CLEAR ALL", "application/sparql-update"),
        ("update_base_uri", "CLEAR GRAPH <http://example.org/protocol-base-test/> ;\nINSERT DATA { GRAPH "
         "<http://example.org/protocol-base-test/> { <http://example.org/s> <http://example.org/p> <test> } }",
         "application/sparql-update"),
    ],
)  # fmt: skip
def test_updates_are_refused_and_change_nothing(client: httpx.Client, name: str, body: str, content_type: str) -> None:
    response = send(client, "POST", "/sparql", body, {"content-type": content_type})
    assert response.status_code == 403 and "read-only" in response.json()["detail"], name
    assert boolean(send(client, "POST", "/sparql", f"ASK {{ GRAPH <{GRAPHS['data1']}> {{ ?s ?p ?o }} }}",
                        SPARQL_QUERY)) is True  # fmt: skip


def test_a_base_of_the_query_s_own_wins(client: httpx.Client) -> None:
    query = "BASE <http://example.org/dir/>\nSELECT ?x WHERE { BIND(<s> AS ?x) }"
    response = send(client, "POST", "/sparql", query, SPARQL_QUERY)
    assert json.loads(response.content)["results"]["bindings"][0]["x"]["value"] == "http://example.org/dir/s"


def test_a_syntax_error_keeps_the_client_s_line_and_column(client: httpx.Client) -> None:
    """In both modes the position is in the text the client sent (a BASE sent before it to a store is not counted)."""
    response = send(client, "POST", "/sparql", "SELECT * { ?s ?p ?o } LIMIT x", SPARQL_QUERY)
    assert response.status_code == 400
    error = response.json()["errors"][0]
    assert (error["line"], error["column"]) == (1, 29), error
    assert error["message"].endswith('found "x"') and "..=" not in error["message"], error


def test_behind_a_proxy_the_base_is_the_url_the_client_used(client: httpx.Client) -> None:
    """A trusted proxy (loopback) that terminated TLS says so in X-Forwarded-Proto: relative IRIs become https."""
    headers = {**SPARQL_QUERY, "x-forwarded-proto": "https", "accept": "application/n-triples"}
    response = send(client, "POST", "/sparql", "CONSTRUCT { <s> <p> <o> } WHERE {}", headers)
    assert response.text.strip() == "<https://www.example/s> <https://www.example/p> <https://www.example/o> ."
