"""GET /v1/search: ranking and tolerance of typos."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


def hits(client: httpx.Client, q: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/v1/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()["items"]


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


def page(client: httpx.Client, q: str, **params: Any) -> dict[str, Any]:
    response = client.get("/v1/search", params={"q": q, **params})
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_anatomy_comes_first_for_the_same_kind_of_match(client: httpx.Client) -> None:
    """A learner typing "achilles" wants the tendon, then the conditions named after it."""
    found = hits(client, "achilles")
    assert found[0]["label"] == "calcaneal tendon" and found[0]["match"] == "prefix"
    kinds = [h["match"] for h in found]  # every prefix match before a word match (a test named 'palpation of a gap
    assert kinds == sorted(kinds, key=lambda k: k != "prefix")  # in the Achilles tendon' matches by a word)
    assert "Achilles tendon rupture" in [h["label"] for h in found[1:]]
    # a better kind of match still wins over anatomy: an exact label before a prefix
    assert hits(client, "lateral ankle sprain")[0]["label"] == "lateral ankle sprain"


def test_references_are_found_only_when_asked_for(client: httpx.Client) -> None:
    assert page(client, "Tohyama")["total"] == 0
    found = hits(client, "Tohyama", type="Reference")
    assert found[0]["id"] == "ANKLE:0009203"
    assert all(h["types"][0]["id"] != "akg:Reference" for h in hits(client, "ankle", limit=100))


def test_pages_say_the_total_and_each_hit_its_iri(client: httpx.Client) -> None:
    whole = page(client, "tibial", limit=100)
    assert whole["total"] == len(whole["items"]) > 10 and whole["offset"] == 0 and whole["limit"] == 100
    first, second = page(client, "tibial", limit=5), page(client, "tibial", limit=5, offset=5)
    assert first["total"] == second["total"] == whole["total"]
    assert [h["id"] for h in first["items"] + second["items"]] == [h["id"] for h in whole["items"][:10]]
    assert page(client, "tibial", offset=1000)["items"] == []
    hit = hits(client, "ATFL")[0]
    assert hit["iri"] == "https://w3id.org/anklekg/ANKLE_0000016"
    assert set(hit) >= {"id", "label", "types", "score", "matched_field", "matched_text"}  # as before


def test_a_negative_offset_is_a_problem_naming_it(client: httpx.Client) -> None:
    response = client.get("/v1/search", params={"q": "talus", "offset": -1})
    assert response.status_code == 422 and response.json()["parameter"] == "offset"


@pytest.mark.one_replica  # reads this process's cache counters
def test_a_search_asked_again_comes_from_the_answer_cache_with_its_etag(client: httpx.Client) -> None:
    params: dict[str, str | int] = {"q": "talofibular", "limit": 3}
    first = client.get("/v1/search", params=params)
    before = client.get("/health").json()["answer_cache"]["hits"]
    again = client.get("/v1/search", params=params)
    other_page = client.get("/v1/search", params={**params, "offset": 3})
    assert first.status_code == again.status_code == other_page.status_code == 200
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert other_page.json()["offset"] == 3 and other_page.content != first.content  # its own entry
    assert client.get("/health").json()["answer_cache"]["hits"] == before + 1


def test_offset_pages_through_every_hit_by_the_absolute_next_links(client: httpx.Client) -> None:
    """Issue 14: search once ignored `offset`. Following `next` from the first page visits every hit once, in the
    order of the whole list, and `prev` leads back."""
    whole = page(client, "tibial", limit=100)
    seen: list[str] = []
    url: str | None = str(client.base_url.join("/v1/search?q=tibial&limit=4"))
    pages = []
    while url:
        assert url.startswith(str(client.base_url).rstrip("/") + "/v1/search?"), url  # absolute, on this service
        body = client.get(url).json()
        pages.append(body)
        seen.extend(h["id"] for h in body["items"])
        url = body["next"]
    assert seen == [h["id"] for h in whole["items"]] and len(pages) > 2
    assert pages[0]["prev"] is None and pages[-1]["next"] is None
    assert client.get(pages[1]["prev"]).json()["items"] == pages[0]["items"]


def test_a_limit_over_the_maximum_is_a_problem_that_says_the_maximum(client: httpx.Client) -> None:
    response = client.get("/v1/search", params={"q": "talus", "limit": 101})
    problem = response.json()
    assert response.status_code == 422 and problem["parameter"] == "limit" and "100" in problem["detail"]
