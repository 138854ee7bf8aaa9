"""GET /health against the real server: what is loaded, the answer cache's counters, and how it serves as the
probe of a deployment (deploy/README.md)."""

from __future__ import annotations

import socket
import time

import httpx
import pytest

from tests.conftest import LiveServer


def test_health_reports_counts_and_a_clean_validation(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["entities"] >= 107
    assert body["counts"]["restraints"] > 0
    assert body["validation"]["ERROR"] == 0


def test_health_says_where_the_graph_came_from(client: httpx.Client) -> None:
    source = client.get("/health").json()["source"]
    assert source.startswith("snapshot ") or source.startswith("full load ("), source


def test_health_reports_the_answer_cache(client: httpx.Client) -> None:
    cache = client.get("/health").json()["answer_cache"]
    assert set(cache) == {"entries", "bytes", "max_bytes", "hits", "misses", "stored"}
    assert 0 <= cache["bytes"] <= cache["max_bytes"]


@pytest.mark.slow
def test_health_answers_only_once_loaded_and_even_when_the_service_is_busy() -> None:
    """/health is the probe of deploy/ (readiness, liveness, the balancer's): it must answer 200 only once the graph
    and the SPARQL workers are up (before, the port may be open while the workers start: 503 "starting"), and then
    whatever the load, or a busy replica would be pulled or restarted."""
    # two in progress at most (one would leave uvicorn's own backstop, twice the limit in connections, in the way)
    server = LiveServer("--no-shacl", env={"ANKLEKG_MAX_REQUESTS_IN_FLIGHT": "2"})
    answers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not answers or answers[-1] != 200:
            assert time.monotonic() < deadline and server.process.poll() is None, server.log.read_text()
            try:
                answer = httpx.get(server.url + "/health", timeout=1.0)
            except httpx.TransportError:
                time.sleep(0.02)  # not listening yet: the graph is still loading
                continue
            answers.append(answer.status_code)
            if answer.status_code == 503:  # the port is open, the workers or the warm-up are not done
                assert answer.headers["content-type"] == "application/problem+json"
                assert answer.json()["type"].endswith("/starting") and answer.headers["retry-after"] == "1"
                assert answer.json()["errors"], "says what is still starting"
        assert set(answers[:-1]) <= {503}  # nothing but "starting" was answered before the first 200
        ask = httpx.get(server.url + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
        assert ask.status_code == 200 and ask.json()["boolean"] is True  # ready means SPARQL too
        held = [socket.create_connection(("127.0.0.1", server.port), timeout=10) for _ in range(2)]
        try:
            for connection in held:  # two requests in progress, their bodies never finished: the limit
                connection.sendall(b"POST /v1/impact HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                   b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{")  # fmt: skip
            busy = _wait_for_busy(server)
            assert busy.headers["content-type"] == "application/problem+json"
            assert busy.json()["type"].endswith("/busy") and busy.headers["retry-after"]
            probe = httpx.get(server.url + "/health", timeout=5)
            assert probe.status_code == 200 and probe.json()["status"] == "ok"
        finally:
            for connection in held:
                connection.close()
    finally:
        server.stop()


def _wait_for_busy(server: LiveServer) -> httpx.Response:
    """The first 503 for an ordinary request (the held one may take a moment to be counted)."""
    for _ in range(100):
        answer = httpx.get(server.url + "/v1/entities/ATFL", timeout=5)
        if answer.status_code == 503:
            return answer
        time.sleep(0.02)
    raise AssertionError("the service never reached its limit of two requests in progress")
