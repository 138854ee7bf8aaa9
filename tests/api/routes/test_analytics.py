"""GET /v1/analytics/criticality against the real server."""

from __future__ import annotations

import httpx


def test_criticality_ranks_structures_by_breadth_of_impact(client: httpx.Client) -> None:
    body = client.get("/v1/analytics/criticality", params={"limit": 50}).json()
    items = body["items"]
    assert items and [i["score"] for i in items] == sorted((i["score"] for i in items), reverse=True)
    for item in items:
        expected = sum(body["weights"][k] * item[k] for k in body["weights"])
        assert abs(item["score"] - expected) < 1e-3
    ligaments = client.get("/v1/analytics/criticality", params={"type": "Ligament"}).json()["items"]
    assert ligaments and all(any(t["id"] == "akg:Ligament" for t in i["structure"]["types"]) for i in ligaments)


def test_criticality_is_a_page_of_the_ranking(client: httpx.Client) -> None:
    whole = client.get("/v1/analytics/criticality", params={"limit": 10}).json()
    second = client.get("/v1/analytics/criticality", params={"limit": 5, "offset": 5}).json()
    assert second["items"] == whole["items"][5:] and whole["total"] >= 10
    assert second["prev"].endswith("/v1/analytics/criticality?limit=5&offset=0")


def test_an_integer_written_as_a_decimal_is_refused_and_digits_are_taken(client: httpx.Client) -> None:
    """Schemathesis found `offset=0.0` answered as 0 (pydantic's lax int): every integer query parameter takes digits
    only, and says so."""
    bad = client.get("/v1/analytics/criticality", params={"offset": "0.0"})
    assert bad.status_code in (400, 422) and bad.json()["parameter"] == "offset"
    assert "whole number" in bad.json()["detail"]
    assert client.get("/v1/analytics/criticality", params={"offset": "+0", "limit": "5"}).status_code == 200
