"""Offline, bounded and honest: no request reaches the network, a slow query gets a 503 before
any result bytes while the server keeps answering, and the row cap is always reported."""

from __future__ import annotations

import concurrent.futures
import http.server
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.sparql.netguard import forbid_network
from tests.conftest import LiveServer
from tests.sparql.conftest import DEADLINE, MAX_ROWS, worker_pids

PROBLEM = "application/problem+json"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


class _Recorder(http.server.BaseHTTPRequestHandler):
    seen: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        self.seen.append(f"{self.command} {self.path}")
        body = b"<urn:a> <urn:b> <urn:c> .\n"
        self.send_response(200)
        self.send_header("content-type", "application/n-triples")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET  # noqa: N815

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def loopback() -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server that records every request and would serve RDF if asked."""
    seen: list[str] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()


_ASKED = itertools.count()


def _loaded(pid: int) -> bool:
    """A worker caps its address space once its dataset is loaded (app/sparql/limits.py): until then a query sent
    to the pool waits for it, and on a busy machine may wait past the deadline."""
    try:
        limits = Path(f"/proc/{pid}/limits").read_text().splitlines()
    except OSError:
        return False
    return next(line for line in limits if line.startswith("Max address space")).split()[-3].isdigit()


def ask() -> dict[str, str]:
    """A cheap query no one asked before: GET answers are kept in the answer cache (app/api/routes/sparql.py), and
    these tests need a worker to answer it."""
    return {"query": f"ASK {{ ?s ?p ?o }} # {next(_ASKED)}"}


def test_no_query_makes_the_server_reach_the_network(client: httpx.Client, loopback: tuple[str, list[str]]) -> None:
    url, seen = loopback
    httpx.get(url + "/self-check")  # the recorder works
    assert seen == ["GET /self-check"]
    seen.clear()
    service = client.get("/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}"})
    assert service.status_code == 403 and "never makes network requests" in service.json()["detail"]
    silent = client.get("/sparql", params={"query": f"SELECT * WHERE {{ SERVICE SILENT <{url}/s> {{ ?s ?p ?o }} }}"})
    assert silent.status_code == 403
    from_remote = client.get("/sparql", params={"query": f"SELECT * FROM <{url}/data.nt> WHERE {{ ?s ?p ?o }}"})
    assert from_remote.status_code == 200 and from_remote.json()["results"]["bindings"] == []
    named = client.get(
        "/sparql", params={"query": f"SELECT * FROM NAMED <{url}/g.nt> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"}
    )
    assert named.status_code == 200 and named.json()["results"]["bindings"] == []
    protocol = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": f"{url}/d.nt"})
    assert protocol.json()["boolean"] is False
    load = client.post("/sparql", data={"update": f"LOAD <{url}/data.nt>"})
    assert load.status_code == 403
    describe = client.get("/sparql", params={"query": f"DESCRIBE <{url}/thing>"})
    assert describe.status_code == 200
    time.sleep(0.2)
    assert seen == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="seccomp is Linux-only")
def test_workers_cannot_open_internet_sockets() -> None:
    """Under the engine's SERVICE check, the kernel refuses the worker any internet socket."""
    code = (
        "import socket, sys\n"
        "from app.sparql.netguard import forbid_network\n"
        "if not forbid_network(): sys.exit(3)\n"
        "socket.socket(socket.AF_UNIX).close()\n"
        "try:\n    socket.create_connection(('127.0.0.1', 9), timeout=1)\nexcept PermissionError:\n    sys.exit(0)\n"
        "sys.exit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=30)
    if result.returncode == 3:
        pytest.skip("seccomp filters are not available on this machine")
    assert result.returncode == 0, result.stderr.decode()
    assert callable(forbid_network)


def test_a_query_over_the_deadline_gets_a_503_while_others_are_answered(small: httpx.Client) -> None:
    def slow() -> tuple[float, httpx.Response]:
        started = time.monotonic()
        response = small.get("/sparql", params={"query": SLOW})
        return time.monotonic() - started, response

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        running = pool.submit(slow)
        time.sleep(0.3)
        quick = []
        for _ in range(5):
            started = time.monotonic()
            assert small.get("/health").status_code == 200
            assert small.get("/sparql", params=ask()).json()["boolean"] is True
            quick.append(time.monotonic() - started)
        elapsed, response = running.result()
    assert response.status_code == 503, (elapsed, response.text)
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.headers["retry-after"]
    assert response.json()["type"].endswith("/query-timeout")
    assert DEADLINE <= elapsed < DEADLINE + 2.0, (elapsed, response.text)
    assert max(quick) < 0.5, quick
    # The stopped worker was replaced: the pool is whole again.
    time.sleep(1.5)
    answers = [small.get("/sparql", params=ask()) for _ in range(4)]
    assert [a.status_code for a in answers] == [200] * 4, [a.text for a in answers]


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
def test_a_worker_that_dies_costs_one_clear_503_and_is_replaced(small: httpx.Client, sparql_server: LiveServer) -> None:
    """Every worker process is killed (as the OOM killer would), one mid-query, one idle and the standby: the
    running query gets a prompt 503 problem, and the pool replaces all three before anyone else is sent to a dead
    one."""
    deadline = time.monotonic() + 10
    while len(before := worker_pids(sparql_server.process.pid)) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)  # the standby starts in the background once the server is up
    assert len(before) == 3  # two workers and the standby
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        running = pool.submit(small.get, "/sparql", params={"query": SLOW})
        time.sleep(0.4)
        for pid in before:
            os.kill(pid, signal.SIGKILL)
        response = running.result()
    assert time.monotonic() - started < DEADLINE
    assert response.status_code == 503
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["type"].endswith("/query-failed")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (  # three new processes, each with its dataset loaded
        len(fresh := worker_pids(sparql_server.process.pid) - before) == 3 and all(map(_loaded, fresh))
    ):
        time.sleep(0.1)
    after = worker_pids(sparql_server.process.pid)
    assert len(after) == 3 and not after & before
    answers = [small.get("/sparql", params=ask()).status_code for _ in range(6)]
    assert answers == [200] * 6


def test_only_a_bounded_number_of_queries_run_at_once(small: httpx.Client) -> None:
    """Two workers: a third slow query waits for one and times out within the same deadline."""
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        started = time.monotonic()
        futures = [pool.submit(small.get, "/sparql", params={"query": SLOW}) for _ in range(3)]
        statuses = [f.result().status_code for f in futures]
        elapsed = time.monotonic() - started
    assert statuses == [503, 503, 503]
    assert elapsed < DEADLINE + 3.0
    details = [f.result().json()["detail"] for f in futures]
    assert any("could not start" in d for d in details) or all("did not finish" in d for d in details)
    time.sleep(1.5)


def test_the_row_cap_is_reported_never_silent(small: httpx.Client) -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    response = small.get("/sparql", params={"query": query})
    body = response.json()
    assert len(body["results"]["bindings"]) == MAX_ROWS
    assert response.headers["x-anklekg-result-truncated"] == "true"
    assert response.headers["x-anklekg-result-limit"] == str(MAX_ROWS)
    assert body["head"]["link"][0].startswith("https://w3id.org/anklekg/problems/result-truncated")
    xml = small.get("/sparql", params={"query": query, "format": "xml"})
    assert b"result-truncated" in xml.content
    turtle = small.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
    assert turtle.text.startswith("# AnkleKG: result truncated")
    assert turtle.headers["x-anklekg-result-truncated"] == "true"
    under = small.get("/sparql", params={"query": query + " LIMIT 3"})
    assert under.headers["x-anklekg-result-truncated"] == "false" and "link" not in under.json()["head"]
