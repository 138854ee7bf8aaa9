"""GET /v1/search: ranking and tolerance of typos."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


def hits(client: httpx.Client, q: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/v1/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()["hits"]


def test_exact_label_ranks_first_and_says_which_field_matched(client: httpx.Client) -> None:
    found = hits(client, "talofibular ligament")
    assert found[0]["label"] == "talofibular ligament" and found[0]["matched_field"] == "label"
    assert {"anterior talofibular ligament", "posterior talofibular ligament"} <= {h["label"] for h in found}


def test_abbreviation_and_synonym_hits_say_so(client: httpx.Client) -> None:
    assert hits(client, "ATFL")[0]["matched_field"] == "abbreviation"
    top = hits(client, "peroneus longus")[0]
    assert top["label"] == "fibularis longus" and top["matched_field"] == "synonym"


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("talofibular ligamnet", "talofibular ligament"),
        ("deltiod ligament", "deltoid ligament"),
        ("tibialis posterir", "tibialis posterior"),
        ("achiles tendon", "calcaneal tendon"),
    ],
)
def test_typos_still_find_the_structure(client: httpx.Client, typo: str, expected: str) -> None:
    assert expected in [h["label"] for h in hits(client, typo)[:3]]


def test_scores_are_ranked_and_type_filter_applies(client: httpx.Client) -> None:
    found = hits(client, "tibial", limit=20)
    scores = [h["score"] for h in found]
    assert scores == sorted(scores, reverse=True)
    nerves = hits(client, "tibial", type="Nerve", limit=20)
    assert nerves and all(any(t["id"] == "akg:Nerve" for t in h["types"]) for h in nerves)


def test_empty_query_is_a_problem_naming_q(client: httpx.Client) -> None:
    response = client.get("/v1/search", params={"q": ""})
    assert response.status_code == 422 and response.json()["parameter"] == "q"
