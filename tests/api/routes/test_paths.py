"""GET /v1/paths: the shortest path and the next shortest, each hop labelled and sourced."""

from __future__ import annotations

import httpx


def test_paths_from_the_sural_nerve_to_the_fibularis_brevis_tendon_are_ranked_and_sourced(
    client: httpx.Client,
) -> None:
    response = client.get(
        "/v1/paths", params={"from": "sural nerve", "to": "tendon of fibularis brevis", "max_length": 4, "limit": 5}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    paths = [p["steps"] for p in body["items"]]
    assert paths and len(paths) <= 5 and [p["length"] for p in body["items"]] == [len(p) for p in paths]
    lengths = [len(p) for p in paths]
    assert lengths == sorted(lengths) and lengths[0] == body["length"] and max(lengths) <= 4
    assert len(lengths) > 1, "the k next shortest paths are returned, not only the shortest"
    for path in paths:
        assert path[0]["subject"]["id"] == body["source"]["id"] or path[0]["object"]["id"] == body["source"]["id"]
        for hop in path:
            assert hop["predicate"]["label"] and hop["sources"], hop


def test_paths_respect_max_length_and_bad_values_are_problems(client: httpx.Client) -> None:
    short = client.get("/v1/paths", params={"from": "ATFL", "to": "sural nerve", "max_length": 1}).json()
    assert short["items"] == [] and short["length"] is None and short["total"] == 0 and short["next"] is None
    bad = client.get("/v1/paths", params={"from": "ATFL", "to": "sural nerve", "max_length": 99})
    assert bad.status_code == 422 and bad.json()["parameter"] == "max_length"
    unknown = client.get("/v1/paths", params={"from": "ATFX", "to": "sural nerve"})
    assert unknown.status_code == 404 and unknown.json()["suggestions"]


def test_the_same_paths_by_other_names_come_from_the_answer_cache(client: httpx.Client) -> None:
    params: dict[str, str | int] = {"from": "sural nerve", "to": "ATFL", "max_length": 3}
    first = client.get("/v1/paths", params=params)
    before = client.get("/health").json()["answer_cache"]["hits"]
    again = client.get("/v1/paths", params={**params, "to": "anterior talofibular ligament"})
    assert first.status_code == again.status_code == 200
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert client.get("/health").json()["answer_cache"]["hits"] == before + 1


def test_paths_page_on_shortest_first_and_count_them_only_once_enumerated(client: httpx.Client) -> None:
    params: dict[str, str | int] = {"from": "sural nerve", "to": "ATFL", "max_length": 4}
    whole = client.get("/v1/paths", params={**params, "limit": 12}).json()
    first = client.get("/v1/paths", params={**params, "limit": 6}).json()
    second = client.get(first["next"]).json()
    assert first["items"] + second["items"] == whole["items"] and second["offset"] == 6
    assert first["total"] is None  # more paths than this page and the next one: not counted
    assert client.get(second["prev"]).json() == first
    few = client.get("/v1/paths", params={"from": "ATFL", "to": "ANKLE:0000015", "max_length": 1, "limit": 5}).json()
    assert few["total"] == len(few["items"]) >= 1 and few["next"] is None  # all enumerated: counted
    deep = client.get("/v1/paths", params={**params, "offset": 151})
    assert deep.status_code == 422 and deep.json()["parameter"] == "offset" and "150" in deep.json()["detail"]
