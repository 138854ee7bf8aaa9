"""A second server with a short deadline, a small row cap and an extra named graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT, LiveServer, running

EXTRA_GRAPH = "http://example.org/graph/study"
EXTRA_FILE = ROOT / "tests" / "data" / "sparql" / "extra.ttl"
DEADLINE = 1.5
MAX_ROWS = 25


@pytest.fixture(scope="session")
def live_server(endpoint_server: LiveServer) -> LiveServer:
    """Every suite here runs against the in-process workers and against an external store."""
    return endpoint_server


@pytest.fixture(scope="session")
def client(endpoint_server: LiveServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=endpoint_server.url, timeout=30.0) as http:
        yield http


@pytest.fixture(scope="session")
def sparql_server() -> Iterator[LiveServer]:
    """The per-client limit is lifted: these tests load the pool from one address (test_hostile.py tests fairness)."""
    server = LiveServer(
        "--no-validate",
        "--sparql-timeout", str(DEADLINE),
        "--sparql-workers", "2",
        "--sparql-max-rows", str(MAX_ROWS),
        "--dataset", f"{EXTRA_FILE}={EXTRA_GRAPH}",
        env={"ANKLEKG_SPARQL_CLIENT_LIMIT": "8"},
    )  # fmt: skip
    with running(server) as started:
        yield started


@pytest.fixture(scope="session")
def small(sparql_server: LiveServer) -> Iterator[httpx.Client]:
    """A client of the short-deadline, small-cap server."""
    with httpx.Client(base_url=sparql_server.url, timeout=30.0) as http:
        yield http


def worker_pids(server_pid: int) -> set[int]:
    """The server's SPARQL worker processes (not yet reaped ones left out), read from /proc."""
    pids = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            command = (stat.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if int(fields[1]) == server_pid and fields[0] != "Z" and b"app.sparql.worker" in command:
            pids.add(int(stat.parent.name))
    return pids
