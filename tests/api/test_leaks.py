"""Memory stays flat under error traffic (issue 11): crawlers probing unknown IRIs must not grow the server.

Each 404/406 from an entity IRI used to leak a pyoxigraph object dropped on the wrong thread (10-16 KB each,
and one log line "... dropped on another thread"); 6,000 such requests grew the server by 77 MB.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import LiveServer, running

REQUESTS = 2000
ALLOWED_GROWTH_MIB = 8.0  # allocator noise; the leak was ~25 MiB per 2,000 requests


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def server() -> Iterator[LiveServer]:
    with running(LiveServer("--no-shacl")) as live:
        yield live


def test_unknown_iris_and_refused_media_types_do_not_grow_the_server(server: LiveServer) -> None:
    with httpx.Client(base_url=server.url, timeout=10) as client:
        for _ in range(100):  # warm up: caches and allocator arenas settle
            client.get("/ANKLE_9999999")
        before = rss_mib(server.process.pid)
        statuses = set()
        for i in range(REQUESTS // 2):
            statuses.add(client.get(f"/ANKLE_{9000000 + i:07d}").status_code)
            statuses.add(client.get("/ANKLE_0000016", headers={"Accept": "application/x-nothing"}).status_code)
        after = rss_mib(server.process.pid)
    assert statuses == {404, 406}
    assert after - before < ALLOWED_GROWTH_MIB, f"RSS grew {after - before:.1f} MiB over {REQUESTS} errors"
    assert "dropped on another thread" not in server.log.read_text()
