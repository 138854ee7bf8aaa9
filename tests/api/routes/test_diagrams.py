"""GET /v1/diagrams and /v1/diagrams/{view} against the real server: the views, each band an entity placed by the
attachments its own entity page lists, the not-drawn lists, the entity filter, errors as problems, and the OpenAPI."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

PROBLEM = "application/problem+json"
VIEWS = ["lateral", "medial", "posterior", "anterior"]
ATFL = "ANKLE:0000016"
ANCHORS = {"akg:proximalAttachment", "akg:distalAttachment", "akg:insertion", "akg:tendonOf"}


def get(client: httpx.Client, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def test_the_list_names_the_four_views_and_says_they_are_schematic(client: httpx.Client) -> None:
    body = get(client, "/v1/diagrams")
    assert [v["id"] for v in body["views"]] == VIEWS
    assert "Schematic" in body["notice"] and body["entity"] is None and body["not_drawn"] == []
    for summary in body["views"]:
        view = get(client, summary["href"])
        assert summary["href"] == f"/v1/diagrams/{summary['id']}"
        assert summary["bands"] == len(view["bands"]) and summary["not_drawn"] == len(view["not_drawn"])
        assert view["notice"] == body["notice"] and view["title"] == summary["title"]


@pytest.mark.parametrize("view", VIEWS)
def test_each_band_is_drawn_between_attachments_its_entity_page_lists(client: httpx.Client, view: str) -> None:
    body = get(client, f"/v1/diagrams/{view}")
    assert body["bones"] and body["bands"] and body["width"] > 0 and body["height"] > 0
    for band in body["bands"]:
        entity = get(client, f"/v1/entities/{band['entity']['id']}")
        assert entity["label"] == band["entity"]["label"]
        assert band["kind"] in {t["label"] for t in entity["types"]}
        listed = {(g["predicate"]["id"], t["target"]["id"]) for g in entity["relations"] for t in g["targets"]}
        sites = {site for predicate, site in listed if predicate in ANCHORS}
        for strand in band["strands"]:
            assert {strand["start"]["site"]["id"], strand["end"]["site"]["id"]} <= sites, band["entity"]["label"]
            for end in (strand["start"], strand["end"]):
                assert 0 <= end["x"] <= body["width"] and 0 <= end["y"] <= body["height"]
        for fact in band["placed_from"]:
            assert fact["sources"], fact
            if fact["predicate"]["id"] in ANCHORS:
                assert fact["subject"]["id"] == band["entity"]["id"]
                assert (fact["predicate"]["id"], fact["object"]["id"]) in listed


def test_the_lateral_view_places_the_atfl_and_lists_what_it_does_not_draw(client: httpx.Client) -> None:
    body = get(client, "/v1/diagrams/lateral")
    atfl = next(b for b in body["bands"] if b["entity"]["id"] == ATFL)
    (strand,) = atfl["strands"]
    assert strand["start"]["site"]["label"] == "lateral malleolus" and strand["end"]["site"]["label"] == "talus"
    assert {f["predicate"]["label"] for f in atfl["placed_from"]} == {"proximal attachment", "distal attachment"}
    missing = {n["entity"]["label"]: n for n in body["not_drawn"]}
    assert missing["deltoid ligament"]["drawn_in"] == ["medial", "posterior", "anterior"]
    assert "out of sight" in missing["flexor retinaculum of foot"]["reason"]
    assert missing["plantar aponeurosis"]["drawn_in"] == []
    lcl = next(g for g in body["groups"] if g["entity"]["label"] == "lateral collateral ligament complex of ankle")
    assert {m["label"] for m in lcl["members"]} == {
        "anterior talofibular ligament", "posterior talofibular ligament", "calcaneofibular ligament"}
    joints = {j["entity"]["label"] for j in body["joints"]}
    assert "talocrural joint" in joints
    assert any(a["motion"]["label"] == "anterior talar translation" for a in body["arrows"])


def test_the_entity_filter_gives_the_views_it_appears_in(client: httpx.Client) -> None:
    body = get(client, "/v1/diagrams", entity="anterior talofibular ligament")
    assert body["entity"]["id"] == ATFL
    assert [(v["id"], v["appears_as"], [h["id"] for h in v["highlight"]]) for v in body["views"]] == [
        ("lateral", "band", [ATFL]), ("anterior", "band", [ATFL])]
    assert {n["view"] for n in body["not_drawn"]} == {"medial", "posterior"}
    deltoid = get(client, "/v1/diagrams", entity="deltoid ligament")
    assert {v["appears_as"] for v in deltoid["views"]} == {"group"} and len(deltoid["views"]) == 3
    aponeurosis = get(client, "/v1/diagrams", entity="plantar aponeurosis")
    assert aponeurosis["views"] == [] and len(aponeurosis["not_drawn"]) == 4
    assert get(client, "/v1/diagrams", entity="tibial nerve") | {"entity": None} == {
        "notice": body["notice"], "entity": None, "views": [], "not_drawn": []}


def test_an_unknown_view_or_entity_is_a_problem_that_says_what_exists(client: httpx.Client) -> None:
    response = client.get("/v1/diagrams/dorsal")
    assert response.status_code == 404 and response.headers["content-type"].startswith(PROBLEM)
    problem = response.json()
    assert problem["type"].endswith("/unknown-view") and problem["parameter"] == "view" and problem["value"] == "dorsal"
    assert "lateral, medial, posterior, anterior" in problem["detail"]
    unknown = client.get("/v1/diagrams", params={"entity": "ATFX"})
    assert unknown.status_code == 404 and unknown.json()["parameter"] == "entity"
    assert ATFL in {s["id"] for s in unknown.json()["suggestions"]}
    assert client.get("/v1/diagrams", params={"entity": ""}).status_code == 422


def test_the_answers_are_cacheable(client: httpx.Client) -> None:
    first = client.get("/v1/diagrams/medial")
    again = client.get("/v1/diagrams/medial", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304


def test_the_openapi_describes_the_diagram_operations(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    listing, one = spec["paths"]["/v1/diagrams"]["get"], spec["paths"]["/v1/diagrams/{view}"]["get"]
    assert listing["operationId"] == "diagrams-list_diagrams" and one["operationId"] == "diagrams-read_diagram"
    assert "schematic" in listing["description"] and "attachment" in one["description"]
    assert listing["parameters"][0]["name"] == "entity" and listing["parameters"][0]["description"]
    assert PROBLEM in one["responses"]["404"]["content"]
    diagram = spec["components"]["schemas"]["Diagram"]["properties"]
    assert {"bones", "bands", "groups", "joints", "arrows", "not_drawn"} <= diagram.keys()
    assert "placed_from" in spec["components"]["schemas"]["Band"]["properties"]
