"""/sparql in front of an external store (``--sparql-endpoint``) keeps every guarantee of the in-process one.

A real ``oxigraph serve-read-only`` holds our export; between it and one AnkleKG server sits a TCP relay
that records what AnkleKG sends the store and when it hangs up on it, so each test can check both what
the client got and what the store saw. Queries carry a unique marker in a comment, which AnkleKG
forwards as written: a marker absent from the relay's record never reached the store. A second AnkleKG
server talks to the store directly (a refused connection when the store is down). A small HTTP server
plays a store that fails in the ways a real one can.
"""

from __future__ import annotations

import concurrent.futures
import http.server
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib

from tests.conftest import LiveServer, running
from tests.sparql.conftest import worker_pids
from tests.sparql.stores import Connection, OxigraphServer, Relay

PROBLEM = "application/problem+json"
DEADLINE = 2.0
MAX_ROWS = 25
MAX_BYTES = 8192
#: 130 million pairs: Oxigraph needs far longer than the deadline (its own --timeout-s stops it at 5 s).
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f }"
LONG_ROWS = f'SELECT ?s (CONCAT(STR(?o), "{"x" * 400}") AS ?x) WHERE {{ ?s ?p ?o }}'


def marked(query: str) -> tuple[str, str]:
    """The query with a unique marker in a comment (forwarded as written), and the marker."""
    marker = f"marker-{uuid.uuid4().hex}"
    return f"# {marker}\n{query}", marker


def hang_up_of(relay: Relay, marker: str, wait: float = 3.0) -> float | None:
    """When AnkleKG closed the connection that carried ``marker`` (None if it is still open after ``wait``)."""
    (connection,) = relay.carrying(marker)
    deadline = time.monotonic() + wait
    while connection.hung_up is None and time.monotonic() < deadline:
        time.sleep(0.05)
    return connection.hung_up


class _FailingStore(http.server.BaseHTTPRequestHandler):
    """Answers every query with ``reply``: status, content type and body."""

    reply: tuple[int, str, bytes] = (500, "text/plain", b"")

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        status, media_type, body = self.reply
        self.send_response(status)
        self.send_header("content-type", media_type)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def store(store_location: Path) -> Iterator[OxigraphServer]:
    with OxigraphServer(store_location) as server:
        yield server


@pytest.fixture(scope="module")
def relay(store: OxigraphServer) -> Iterator[Relay]:
    relay = Relay(store.port)
    yield relay
    relay.close()


@pytest.fixture(scope="module")
def servers(store: OxigraphServer, relay: Relay) -> Iterator[tuple[LiveServer, LiveServer]]:
    """``guarded`` (through the relay, short deadline, small caps) and ``direct`` (default limits)."""
    guarded = LiveServer(
        "--no-validate",
        "--sparql-endpoint", f"http://127.0.0.1:{relay.port}/query",
        "--sparql-timeout", str(DEADLINE),
        "--sparql-max-rows", str(MAX_ROWS),
        env={"ANKLEKG_SPARQL_MAX_BYTES": str(MAX_BYTES), "ANKLEKG_SPARQL_CLIENT_LIMIT": "8"},
    )  # fmt: skip
    direct = LiveServer("--no-validate", "--sparql-endpoint", store.endpoint)
    with running(guarded), running(direct):
        yield guarded, direct


@pytest.fixture(scope="module")
def guarded(servers: tuple[LiveServer, LiveServer]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=servers[0].url, timeout=30.0) as http:
        yield http


@pytest.fixture(scope="module")
def direct(servers: tuple[LiveServer, LiveServer]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=servers[1].url, timeout=30.0) as http:
        yield http


@pytest.fixture
def failing_store(relay: Relay, store: OxigraphServer) -> Iterator[type[_FailingStore]]:
    """The relay sends new connections to a failing store for one test, then back to Oxigraph."""
    handler = type("FailingStore", (_FailingStore,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    relay.switch(server.server_port)
    time.sleep(0.2)  # AnkleKG sees its pooled connections end
    try:
        yield handler
    finally:
        relay.switch(store.port)
        time.sleep(0.2)
        server.shutdown()
        server.server_close()


def test_what_is_refused_never_reaches_the_store(guarded: httpx.Client, relay: Relay) -> None:
    refused = [
        ("get", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", {}, 403, "/read-only"),
        ("form", "LOAD <http://127.0.0.1:9/data.ttl>", {}, 403, "/read-only"),
        ("get", "SELECT * WHERE { ?s ?p ?o } ; DELETE WHERE { ?s ?p ?o }", {}, 403, "/read-only"),
        ("get", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", {}, 403, "/no-federation"),
        ("direct", "SELECT * WHERE { SERVICESILENT<http://127.0.0.1:9/s>{ ?s ?p ?o } }", {}, 403, "/no-federation"),
        ("get", 'DEFINE input:grab-all "yes" SELECT * WHERE { ?s ?p ?o }', {}, 400, "/malformed-query"),
        ("get", "ASK { ?s ?p ?o }", {"named-graph-uri": "not an IRI"}, 400, "/malformed-query"),
        ("get", "SELECT ?x WHERE { " + "{" * 300 + " } ", {}, 400, "/query-too-deep"),
    ]
    markers = []
    for how, text, extra, status, slug in refused:
        query, marker = marked(text)
        markers.append(marker)
        if how == "get":
            response = guarded.get("/sparql", params={"query": query, **extra})
        elif how == "form":
            response = guarded.post("/sparql", data={"query": query})
        else:
            response = guarded.post("/sparql", content=query, headers={"content-type": "application/sparql-query"})
        assert response.status_code == status, (text, response.text)
        assert response.headers["content-type"].startswith(PROBLEM)
        assert response.json()["type"].endswith(slug), (text, response.json())
    update = guarded.post("/sparql", data={"update": "# marker-update-form\nDROP ALL"})
    assert update.status_code == 403
    time.sleep(0.2)
    assert not any(relay.carrying(m) for m in [*markers, "marker-update-form"])
    query, marker = marked("ASK { ?s ?p ?o }")  # the relay does record what reaches the store
    assert guarded.get("/sparql", params={"query": query}).json() == {"head": {}, "boolean": True}
    assert relay.carrying(marker)


def test_a_query_over_the_deadline_is_a_503_and_its_request_to_the_store_is_closed(
    guarded: httpx.Client, relay: Relay
) -> None:
    query, marker = marked(SLOW)

    def slow() -> tuple[float, httpx.Response]:
        return time.monotonic(), guarded.get("/sparql", params={"query": query})

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        running_query = pool.submit(slow)
        time.sleep(0.3)
        quick = []
        for _ in range(3):  # others are answered meanwhile, by the same store
            started = time.monotonic()
            assert guarded.get("/health").status_code == 200
            assert guarded.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
            quick.append(time.monotonic() - started)
        started, response = running_query.result()
    elapsed = time.monotonic() - started
    assert response.status_code == 503, response.text
    assert response.headers["content-type"].startswith(PROBLEM) and response.headers["retry-after"]
    assert response.json()["type"].endswith("/query-timeout")
    assert DEADLINE <= elapsed < DEADLINE + 1.5, elapsed
    hung_up = hang_up_of(relay, marker)
    assert hung_up is not None and DEADLINE - 0.1 <= hung_up - started < DEADLINE + 1.0, hung_up and hung_up - started
    assert max(quick) < 1.0, quick


def test_a_client_that_leaves_closes_its_request_to_the_store(guarded: httpx.Client, relay: Relay) -> None:
    query, marker = marked(SLOW)
    started = time.monotonic()
    with pytest.raises(httpx.ReadTimeout):
        httpx.get(guarded.base_url.join("/sparql"), params={"query": query}, timeout=0.5)
    hung_up = hang_up_of(relay, marker)
    assert hung_up is not None and hung_up - started < DEADLINE - 0.5, hung_up and hung_up - started


def test_the_row_cap_cuts_the_streamed_answer_and_closes_the_request(guarded: httpx.Client, relay: Relay) -> None:
    small, small_marker = marked("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3")
    whole = guarded.get("/sparql", params={"query": small})
    assert whole.headers["x-anklekg-result-truncated"] == "false"
    assert hang_up_of(relay, small_marker, wait=0.5) is None  # read to its end: the connection is kept

    query, marker = marked("SELECT ?s WHERE { ?s ?p ?o }")
    response = guarded.get("/sparql", params={"query": query})
    assert response.status_code == 200
    body = response.json()
    assert len(body["results"]["bindings"]) == MAX_ROWS
    assert response.headers["x-anklekg-result-truncated"] == "true"
    assert response.headers["x-anklekg-result-truncated-by"] == "rows"
    assert response.headers["x-anklekg-result-rows"] == response.headers["x-anklekg-result-limit"] == str(MAX_ROWS)
    assert body["head"]["link"] == [f"https://w3id.org/anklekg/problems/result-truncated?limit={MAX_ROWS}"]
    assert hang_up_of(relay, marker) is not None  # the rest of the answer was never read

    graph, graph_marker = marked("CONSTRUCT WHERE { ?s ?p ?o }")
    turtle = guarded.get("/sparql", params={"query": graph})
    assert turtle.text.startswith(f"# AnkleKG: result truncated at the row cap of {MAX_ROWS} triples")
    assert turtle.headers["x-anklekg-result-rows"] == str(MAX_ROWS)
    assert hang_up_of(relay, graph_marker) is not None


@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/tab-separated-values"])
def test_the_byte_cap_cuts_the_streamed_answer_at_a_whole_row(
    guarded: httpx.Client, relay: Relay, accept: str
) -> None:
    query, marker = marked(LONG_ROWS)
    response = guarded.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.status_code == 200 and response.headers["content-type"].startswith(accept)
    assert response.headers["x-anklekg-result-truncated-by"] == "bytes"
    assert response.headers["x-anklekg-result-max-bytes"] == str(MAX_BYTES)
    assert len(response.content) <= MAX_BYTES
    rows = int(response.headers["x-anklekg-result-rows"])
    assert 0 < rows < MAX_ROWS
    if accept == "text/tab-separated-values":
        lines = response.text.splitlines()
        assert len(lines) == rows + 1 and all(line.endswith('x"') for line in lines[1:])
    else:
        assert len(response.json()["results"]["bindings"]) == rows
    assert hang_up_of(relay, marker) is not None


def test_one_client_cannot_hold_the_store(servers: tuple[LiveServer, LiveServer], direct: httpx.Client) -> None:
    """The per-client gate stands in front of the store too (``direct`` has the default limits: one query at
    once per client, four more waiting); the flood's clients give up after a second, which closes their
    requests to the store."""
    flooder = httpx.Client(base_url=servers[1].url, transport=httpx.HTTPTransport(local_address="127.0.0.7"))

    def flood() -> httpx.Response | None:
        try:
            return flooder.get("/sparql", params={"query": SLOW}, timeout=1.0)
        except httpx.ReadTimeout:
            return None

    with flooder, concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = [pool.submit(flood) for _ in range(8)]
        time.sleep(0.3)
        started = time.monotonic()
        assert direct.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()["boolean"] is True
        assert time.monotonic() - started < 1.0
        refused = [r for r in (a.result() for a in answers) if r is not None]
    assert len(refused) == 3, [r.text for r in refused]  # one ran, four waited in its line until it left
    for response in refused:
        assert response.status_code == 429 and response.headers["retry-after"]
        assert response.json()["type"].endswith("/too-many-queries")


def test_store_failures_are_problems_with_what_the_store_said(
    guarded: httpx.Client, failing_store: type[_FailingStore]
) -> None:
    ask = {"query": "SELECT ?s WHERE { ?s ?p ?o }"}
    failing_store.reply = (500, "text/plain", b"Internal error: the disk holding the store is full")
    response = guarded.get("/sparql", params=ask)
    assert response.status_code == 502 and response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["type"].endswith("/store-error") and response.headers["retry-after"]
    assert "500" in response.json()["detail"] and "the disk holding the store is full" in response.json()["detail"]

    failing_store.reply = (200, "text/tab-separated-values", b"?s\n<urn:a>\nThe SPARQL operation has been cancelled")
    broken = guarded.get("/sparql", params=ask)
    assert broken.status_code == 502 and "could not be read" in broken.json()["detail"], broken.text

    failing_store.reply = (200, "text/html", b"<html>a login page</html>")
    html = guarded.get("/sparql", params=ask)
    assert html.status_code == 502 and "text/html" in html.json()["detail"], html.text

    # The store counts columns in what it was sent: the query after "BASE <our endpoint's URL> " on its first line.
    sent_before = len(f"BASE <{str(guarded.base_url).rstrip('/')}/sparql> ")
    said = f"error at 1:{sent_before + 19}: expected one of LATERAL, SERVICE"
    failing_store.reply = (400, "text/plain", said.encode())
    malformed = guarded.get("/sparql", params=ask)
    assert malformed.status_code == 400 and malformed.json()["type"].endswith("/malformed-query")
    assert malformed.json()["errors"][0]["line"] == 1 and malformed.json()["errors"][0]["column"] == 19
    assert malformed.json()["errors"][0]["message"] == 'expected LATERAL or SERVICE; found "?s"'

    failing_store.reply = (503, "text/plain", b"overloaded")
    busy = guarded.get("/sparql", params=ask)
    assert busy.status_code == 503 and busy.json()["type"].endswith("/store-unavailable")


def test_a_store_that_dies_is_a_503_with_retry_after_until_it_is_back(
    store: OxigraphServer, guarded: httpx.Client, direct: httpx.Client
) -> None:
    ask = {"query": "ASK { ?s ?p ?o }"}
    # the store answers first: a query an earlier test left running in it may still hold its slot for a moment under
    # load (one CI run read a problem here, not a result), which is not what this test is about
    assert _answers_within(direct, ask, seconds=15)
    try:
        with concurrent.futures.ThreadPoolExecutor(1) as pool:  # the store dies under a running query
            started = time.monotonic()
            running_query = pool.submit(direct.get, "/sparql", params={"query": SLOW})
            time.sleep(0.5)
            store.kill()
            cut_off = running_query.result()
        assert cut_off.status_code == 503 and time.monotonic() - started < 3, cut_off.text
        for client in (direct, guarded):  # then nothing listens (direct), or the relay finds nobody (guarded)
            response = client.get("/sparql", params=ask)
            assert response.status_code == 503, response.text
            assert response.headers["content-type"].startswith(PROBLEM)
            assert int(response.headers["retry-after"]) > 0
            problem = response.json()
            assert problem["type"].endswith("/store-unavailable") and "Retry later" in problem["detail"]
        assert direct.get("/v1/entities/ATFL").status_code == 200  # REST answers from the in-memory indices
    finally:
        if store.process is None or store.process.poll() is not None:
            store.start()
    for client in (direct, guarded):
        assert client.get("/sparql", params=ask).json()["boolean"] is True


def _answers_within(client: httpx.Client, ask: dict[str, str], seconds: float) -> bool:
    """The endpoint answers the ASK with true within the time (polled), or the last problem is raised to read."""
    deadline = time.monotonic() + seconds
    while True:
        response = client.get("/sparql", params=ask)
        if response.status_code == 200:
            return response.json()["boolean"] is True  # type: ignore[no-any-return]
        if time.monotonic() > deadline:
            raise AssertionError(f"the store did not answer within {seconds} s: {response.status_code} {response.text}")
        time.sleep(0.2)


def test_the_relay_records_only_what_was_sent(relay: Relay) -> None:
    """The instrument itself: a connection's record holds its bytes, and a hang-up is seen as one."""
    before = len(relay.connections)
    with socket.create_connection(("127.0.0.1", relay.port)) as sock:
        sock.sendall(b"POST /query HTTP/1.1\r\nhost: x\r\ncontent-length: 0\r\n\r\n")
        time.sleep(0.2)
    time.sleep(0.2)
    connection: Connection = relay.connections[before]
    assert bytes(connection.sent).startswith(b"POST /query")
    assert connection.hung_up is not None or connection.closed_by_store


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find worker processes")
def test_no_worker_process_starts_and_the_description_counts_nothing_it_cannot(
    servers: tuple[LiveServer, LiveServer], guarded: httpx.Client
) -> None:
    for server in servers:
        assert worker_pids(server.process.pid) == set()
    description = rdflib.Graph().parse(data=guarded.get("/sparql", params={"format": "turtle"}).text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert (None, sd.supportedLanguage, sd.SPARQL11Query) in description
    assert not list(description.triples((None, rdflib.URIRef("http://rdfs.org/ns/void#triples"), None)))
