"""A second server with a short deadline, a small row cap and an extra named graph."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import ROOT, LiveServer, running

EXTRA_GRAPH = "http://example.org/graph/study"
EXTRA_FILE = ROOT / "tests" / "data" / "sparql" / "extra.ttl"
DEADLINE = 1.5
MAX_ROWS = 25


@pytest.fixture(scope="session")
def sparql_server() -> Iterator[LiveServer]:
    server = LiveServer(
        "--no-validate",
        "--sparql-timeout", str(DEADLINE),
        "--sparql-workers", "2",
        "--sparql-max-rows", str(MAX_ROWS),
        "--dataset", f"{EXTRA_FILE}={EXTRA_GRAPH}",
    )  # fmt: skip
    with running(server) as started:
        yield started


@pytest.fixture(scope="session")
def small(sparql_server: LiveServer) -> Iterator[httpx.Client]:
    """A client of the short-deadline, small-cap server."""
    with httpx.Client(base_url=sparql_server.url, timeout=30.0) as http:
        yield http
