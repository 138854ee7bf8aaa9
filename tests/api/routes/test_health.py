"""GET /health against the real server: what is loaded, and the answer cache's counters."""

from __future__ import annotations

import httpx


def test_health_reports_counts_and_a_clean_validation(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["counts"]["entities"] >= 107
    assert body["counts"]["restraints"] > 0
    assert body["validation"]["ERROR"] == 0


def test_health_reports_the_answer_cache(client: httpx.Client) -> None:
    cache = client.get("/health").json()["answer_cache"]
    assert set(cache) == {"entries", "bytes", "max_bytes", "hits", "misses"}
    assert 0 <= cache["bytes"] <= cache["max_bytes"]
