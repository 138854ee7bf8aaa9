"""The request guard on a real server: forged or malformed Host headers, oversized bodies, too many requests.

Raw sockets where httpx would fix the request up (a Host it would not send, a body it would not stream).
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import LiveServer, running


def raw(server: LiveServer, request: bytes, *, read: int = 65536) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are and read the answer (status, lower-case headers, body)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data or len(data) < read:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
            head, _, body = data.partition(b"\r\n\r\n")
            length = next((int(v) for k, v in _headers(head).items() if k == "content-length"), None)
            if length is not None and len(body) >= length:
                break
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, _headers(head), body


def _headers(head: bytes) -> dict[str, str]:
    lines = head.decode("latin-1").split("\r\n")[1:]
    return {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}


@pytest.fixture(scope="module")
def guarded() -> Iterator[LiveServer]:
    """Small limits so that the tests stay quick."""
    env = {"ANKLEKG_MAX_BODY_BYTES": "4096", "ANKLEKG_MAX_SPARQL_BODY_BYTES": "8192"}
    with running(LiveServer("--no-shacl", env=env)) as server:
        yield server


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "localhost.evil.example"])
def test_a_host_we_do_not_answer_for_is_refused(guarded: LiveServer, host: str) -> None:
    status, headers, body = raw(guarded, f"GET /health/ HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    assert status == 400
    assert headers["content-type"] == "application/problem+json"
    assert headers["x-content-type-options"] == "nosniff"
    problem = json.loads(body)
    assert problem["type"].endswith("/unknown-host") and "--allowed-host" in problem["detail"]
    assert "location" not in headers  # never a redirect to the forged host


@pytest.mark.parametrize("host", ["a%zz", "", "a b", "x" * 300, "[::1"])
def test_a_malformed_host_is_a_problem_not_a_crash(guarded: LiveServer, host: str) -> None:
    status, _, body = raw(guarded, f"GET /.well-known/void HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    assert status == 400
    problem = json.loads(body)
    assert problem["type"].endswith("/invalid-host")
    assert len(problem["detail"]) < 200  # an excerpt of the input, not all of it


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "LOCALHOST"])
def test_our_own_names_are_answered(guarded: LiveServer, host: str) -> None:
    status, _, _ = raw(guarded, f"GET /health HTTP/1.1\r\nHost: {host}:{guarded.port}\r\n\r\n".encode())
    assert status == 200


def test_a_declared_oversized_body_is_refused_before_it_is_sent(guarded: LiveServer) -> None:
    """Content-Length over the limit: 413 at once, though not a byte of the body was sent."""
    request = (
        f"POST /v1/impact HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        f"Content-Length: {100 * 1024 * 1024}\r\n\r\n"
    ).encode()
    status, headers, body = raw(guarded, request)
    assert status == 413
    assert json.loads(body)["limit"] == 4096
    assert headers["content-type"] == "application/problem+json"


def test_a_chunked_body_is_cut_off_at_the_limit(guarded: LiveServer) -> None:
    chunk = b"x" * 3000
    request = (
        b"POST /v1/differential HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n" + (b"%x\r\n%s\r\n" % (len(chunk), chunk)) * 2 + b"0\r\n\r\n"
    )
    status, _, body = raw(guarded, request)
    assert status == 413 and json.loads(body)["type"].endswith("/body-too-large")


def test_sparql_has_its_own_larger_limit(guarded: LiveServer) -> None:
    query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 #" + "x" * 6000  # over the API's 4 KiB, under SPARQL's 8 KiB
    answer = httpx.post(guarded.url + "/sparql", data={"query": query}, headers={"Accept": "application/json"})
    assert answer.status_code == 200
    big = httpx.post(guarded.url + "/sparql", data={"query": query + "x" * 8192})
    assert big.status_code == 413
    small = httpx.post(guarded.url + "/v1/impact", content=b"{" + b" " * 5000 + b"}",
                       headers={"Content-Type": "application/json"})  # fmt: skip
    assert small.status_code == 413


def test_a_body_under_the_limit_is_read_whole(guarded: LiveServer) -> None:
    answer = httpx.post(guarded.url + "/v1/impact", json={"injuries": [{"structure": "ATFL", "grade": 3}]})
    assert answer.status_code == 200
    assert answer.json()["injuries"][0]["structure"]["label"] == "anterior talofibular ligament"


def test_configured_hosts_replace_the_defaults() -> None:
    server = LiveServer("--no-shacl", "--allowed-host", "anklekg.example")
    try:
        deadline = time.monotonic() + 60
        while True:  # ready once it answers for its configured name (the loopback probe would get 400)
            try:
                ours, _, _ = raw(server, b"GET /health HTTP/1.1\r\nHost: anklekg.example\r\n\r\n")
                if ours != 503:  # 503: the port is open and the SPARQL workers are starting
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline and server.process.poll() is None, server.log.read_text()
            time.sleep(0.2)
        loopback, _, _ = raw(server, f"GET /health HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n\r\n".encode())
    finally:
        server.stop()
    assert (ours, loopback) == (200, 400)


@pytest.mark.parametrize(
    "body",
    [
        {"injuries": [{"structure": "x" * 900, "grade": 7}] * 4},  # long names, several bad items
        {"injuries": "y" * 3900},
        {"injuries": [{"structure": "ATFL", "grade": [[[[1]]]] * 300}]},
    ],
    ids=["many-long-items", "long-string", "deep-and-wide"],
)
def test_a_422_echoes_only_an_excerpt_of_the_input(guarded: LiveServer, body: object) -> None:
    sent = json.dumps(body).encode()
    assert len(sent) < 4096  # under the guarded server's limit: the body is read and validated
    answer = httpx.post(guarded.url + "/v1/impact", content=sent, headers={"Content-Type": "application/json"})
    assert answer.status_code == 422
    assert len(answer.content) < len(sent)  # never the input again, let alone three times
    problem = answer.json()
    assert problem["errors"] and len(problem["errors"]) <= 20
