"""What one connection may cost, on a real server with short deadlines: slow heads and bodies, idle sockets,
long URLs and oversized heads, each answered (or closed) as app/api/connections.py says.

Raw sockets throughout: httpx would neither trickle a head nor send a 900 KB request target.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from app.api.connections import MAX_HEADER_BYTES, MAX_URL_BYTES
from app.sparql.protocol import MAX_QUERY_BYTES
from tests.conftest import LiveServer, running

HEADER_TIMEOUT = 1.0
BODY_TIMEOUT = 1.0
KEEP_ALIVE = 1
GENEROUS = 5.0  # seconds a test waits before deciding the server did not act (several deadlines)


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    env = {
        "ANKLEKG_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
        "ANKLEKG_BODY_TIMEOUT": str(BODY_TIMEOUT),
        "ANKLEKG_KEEP_ALIVE_TIMEOUT": str(KEEP_ALIVE),
    }
    with running(LiveServer("--no-validate", env=env)) as started:
        yield started


def connect(server: LiveServer) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=GENEROUS)


def read_until_closed(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (a timeout fails the test)."""
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def read_answer(sock: socket.socket) -> bytes:
    """One complete answer (head and Content-Length body) from a connection that stays open."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(line for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:"))[15:])
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def problem(answer: bytes) -> tuple[int, dict[str, str], dict[str, object]]:
    """Status, lower-case headers and the problem object of a complete answer."""
    head, _, body = answer.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return int(lines[0].split(" ", 2)[1]), headers, json.loads(body)


def assert_problem(answer: bytes, status: int, slug: str) -> dict[str, object]:
    code, headers, body = problem(answer)
    assert code == status, answer[:300]
    assert headers["content-type"] == "application/problem+json"
    assert headers["x-content-type-options"] == "nosniff" and headers["x-anklekg-version"]
    assert headers["connection"] == "close"
    assert body["status"] == status and str(body["type"]).endswith("/" + slug)
    return body


def test_a_connection_that_sends_nothing_is_closed_silently(server: LiveServer) -> None:
    with connect(server) as sock:
        started = time.monotonic()
        assert read_until_closed(sock) == b""  # no 408 to a socket a browser may have opened in advance
        assert time.monotonic() - started < GENEROUS


def test_a_head_sent_a_line_at_a_time_is_cut_off_with_a_408(server: LiveServer) -> None:
    """Slowloris: one header line every 0.2 s would hold the connection for ever; the head's deadline runs from
    its first byte, so the server answers after about five lines, far fewer than the fifty it is offered."""
    sent = 0
    with connect(server) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        sock.settimeout(0.2)
        answer = b""
        while sent < 50 and not answer:
            try:
                answer = sock.recv(65536)
            except TimeoutError:
                sock.sendall(b"X-Slow: 1\r\n")
                sent += 1
        sock.settimeout(GENEROUS)
        answer += read_until_closed(sock)
    assert sent < 25, sent
    body = assert_problem(answer, 408, "request-timeout")
    assert "head" in str(body["detail"]) and f"{HEADER_TIMEOUT:g} s" in str(body["detail"])


def test_a_body_that_never_comes_is_cut_off_with_a_408(server: LiveServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                     b"Content-Length: 100\r\n\r\nASK")  # fmt: skip
        answer = read_until_closed(sock)
    body = assert_problem(answer, 408, "request-timeout")
    assert "body" in str(body["detail"])


def test_a_connection_idle_after_an_answer_is_closed_after_the_keep_alive_timeout(server: LiveServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        started = time.monotonic()
        answer = read_until_closed(sock)
    assert answer.startswith(b"HTTP/1.1 200")
    assert time.monotonic() - started < GENEROUS


def test_requests_on_one_connection_each_get_their_own_head_deadline(server: LiveServer) -> None:
    """A connection that keeps sending whole requests is never cut off (the head deadline is per request)."""
    with connect(server) as sock:
        for _ in range(4):
            sock.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert read_answer(sock).startswith(b"HTTP/1.1 200")
            time.sleep(HEADER_TIMEOUT / 2)


def _get(server: LiveServer, target: str) -> bytes:
    with connect(server) as sock:
        sock.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\nConnection: close"
                     "\r\n\r\n".encode())  # fmt: skip
        return read_until_closed(sock)


def test_a_sparql_get_query_longer_than_64_kib_is_answered_whole(server: LiveServer) -> None:
    """http-parser's URL parser stops at 64 KiB; the query string past it must still reach the endpoint intact
    (the answer depends on the query's last characters)."""
    query = "# " + "x" * 150_000 + '\nSELECT ?end WHERE { VALUES ?end { "the end" } }'
    target = "/sparql?query=" + quote(query)
    assert 65536 < len(target) < MAX_URL_BYTES
    answer = _get(server, target)
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200"), answer[:300]
    assert json.loads(body)["results"]["bindings"] == [{"end": {"type": "literal", "value": "the end"}}]


def test_the_largest_query_the_readme_allows_fits_in_a_get(server: LiveServer) -> None:
    query = "ASK {}" + " " * (MAX_QUERY_BYTES - 6)
    target = "/sparql?query=" + quote(query)  # every space percent-encoded: three bytes each
    assert len(target) <= MAX_URL_BYTES
    assert _get(server, target).startswith(b"HTTP/1.1 200")


def test_a_request_target_over_the_limit_is_a_414_problem(server: LiveServer) -> None:
    answer = _get(server, "/sparql?query=" + "%20" * (MAX_URL_BYTES // 3 + 1000))
    body = assert_problem(answer, 414, "uri-too-long")
    assert "POST" in str(body["detail"])


def test_a_header_section_over_the_limit_is_a_431_problem(server: LiveServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * (MAX_HEADER_BYTES + 10_000) + b"\r\n\r\n")
        answer = read_until_closed(sock)
    assert_problem(answer, 431, "header-too-large")


def test_a_malformed_request_is_a_400_problem(server: LiveServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"GET\x00 / HTTP/1.1\r\n\r\n")
        answer = read_until_closed(sock)
    assert_problem(answer, 400, "malformed-request")


def test_past_the_connection_backstop_the_answer_is_a_503_problem() -> None:
    """uvicorn's concurrency limit (twice the requests in flight) answered in plain text; now a problem."""
    with running(LiveServer("--no-validate", env={"ANKLEKG_MAX_REQUESTS_IN_FLIGHT": "1"})) as small:
        held = [connect(small) for _ in range(2)]  # the backstop is 2 connections
        try:
            answer = _get(small, "/health")
        finally:
            for sock in held:
                sock.close()
    assert_problem(answer, 503, "busy")
    assert problem(answer)[1]["retry-after"] == "1"
