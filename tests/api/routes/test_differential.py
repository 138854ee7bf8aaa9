"""POST /v1/differential against the real server."""

from __future__ import annotations

import httpx
import pytest

from tests import datafacts as facts


def differential(client: httpx.Client, **body: object) -> dict:
    response = client.post("/v1/differential", json=body)
    assert response.status_code == 200, response.text
    return response.json()


def test_positive_drawer_after_an_inversion_injury_points_to_the_atfl(client: httpx.Client) -> None:
    body = differential(
        client,
        positive_tests=["anterior drawer test"],
        negative_tests=["talar tilt test"],
        mechanism={"motion": "inversion", "position": "plantarflexion"},
    )
    top = body["candidates"][0]
    assert top["structure"]["id"] == facts.labelled("anterior talofibular ligament")
    kinds = {e["kind"] for e in top["supported_by"]}
    assert kinds == {"positive test", "mechanism"}
    for evidence in top["supported_by"]:
        assert evidence["because"] and all(f["sources"] for f in evidence["because"])
    assert not top["contradicted_by"]


def test_a_negative_test_the_candidate_predicts_positive_contradicts_it(client: httpx.Client) -> None:
    body = differential(client, positive_tests=["anterior drawer test"], negative_tests=["anterior drawer test"])
    for candidate in body["candidates"]:
        assert [e["finding"]["label"] for e in candidate["contradicted_by"]] == ["anterior drawer test"]
        assert candidate["score"] <= 0


def test_foot_drop_with_numb_dorsum_points_to_the_common_fibular_nerve(client: httpx.Client) -> None:
    body = differential(client, symptoms=["foot drop"], numbness_areas=["skin of dorsum of foot"])
    assert body["candidates"][0]["structure"]["label"] == "common fibular nerve"
    assert not body["candidates"][0]["unexplained"]


def test_scores_are_ranked(client: httpx.Client) -> None:
    body = differential(client, symptoms=["numbness"], positive_tests=["Tinel sign at the tarsal tunnel"], limit=20)
    scores = [c["score"] for c in body["candidates"]]
    assert scores == sorted(scores, reverse=True) and len(scores) <= 20


@pytest.mark.parametrize(
    ("body", "status", "parameter"),
    [
        ({}, 400, "findings"),
        ({"positive_tests": ["anterior drawr test"]}, 404, None),
        ({"positive_tests": ["ATFL"]}, 400, "positive_tests"),
        ({"mechanism": {"motion": "inversion", "position": "sideways"}}, 404, None),
        ({"limit": 0, "symptoms": ["numbness"]}, 422, "limit"),
    ],
)
def test_bad_differential_requests_are_clear_problems(
    client: httpx.Client, body: dict, status: int, parameter: str | None
) -> None:
    response = client.post("/v1/differential", json=body)
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    if parameter:
        assert response.json()["parameter"] == parameter
    if status == 404:
        assert response.json()["suggestions"]


@pytest.mark.parametrize("test", ["squeeze test", "anterior drawer test"])
def test_a_bone_never_explains_a_ligament_test(client: httpx.Client, test: str) -> None:
    """A fracture tears no ligament (issue 9): bones are no candidates for a positive laxity test."""
    body = differential(client, positive_tests=[test], limit=10)
    types = [facts.types_of(c["structure"]["id"]) for c in body["candidates"]]
    assert types and "akg:Ligament" in types[0]
    assert not [t for t in types if t & {"akg:Bone", "akg:BonePart", "akg:BonyLandmark"}]


def test_a_torn_tendon_can_be_proposed(client: httpx.Client) -> None:
    """Every tendon and every structure a condition affects is a candidate (the third review found the commonest
    peroneal tear, of fibularis brevis, could never be proposed)."""
    body = differential(client, weak_motions=["eversion"], symptoms=["pain", "swelling"], limit=5)
    assert "tendon of fibularis brevis" in [c["structure"]["label"] for c in body["candidates"]]


def test_normal_findings_count_against_candidates_that_predict_otherwise(client: httpx.Client) -> None:
    numb = ["skin of first web space of foot"]
    before = differential(client, numbness_areas=numb, limit=50)
    after = differential(client, numbness_areas=numb, strong_motions=["eversion"],
                         normal_sensation=["skin of dorsum of foot"], limit=50)
    scores = {c["structure"]["label"]: c for c in after["candidates"]}
    common = scores["common fibular nerve"]
    assert {e["kind"] for e in common["contradicted_by"]} == {"motion of normal strength", "area of normal sensation"}
    assert common["score"] < {c["structure"]["label"]: c["score"] for c in before["candidates"]}["common fibular nerve"]
    assert after["candidates"][0]["structure"]["label"] == "deep fibular nerve"
    assert [r["label"] for r in after["findings"]["strong_motions"]] == ["eversion"]


def test_a_tie_at_the_top_is_counted_and_explained(client: httpx.Client) -> None:
    body = differential(client, symptoms=["pain", "swelling", "tenderness"], limit=3)
    assert body["tied_at_top"] > 3
    assert "do not point to one structure" in body["note"]


def test_a_misspelt_finding_is_refused_with_the_field_meant(client: httpx.Client) -> None:
    response = client.post("/v1/differential", json={"positive_test": ["anterior drawer test"]})
    problem = response.json()
    assert response.status_code == 422 and problem["parameter"] == "positive_test"
    assert problem["suggestions"][0]["id"] == "positive_tests"
    mechanism = client.post("/v1/differential", json={"positive_tests": ["anterior drawer test"],
                                                      "mechanism": {"motion": "inversion", "postion": "neutral"}})
    assert mechanism.status_code == 422 and mechanism.json()["parameter"] == "mechanism.postion"


def test_a_decision_rule_and_a_tender_site_are_findings(client: httpx.Client) -> None:
    """The Ottawa ankle rules and a site found tender on palpation are taken over HTTP as the CLI takes them: the
    base of the fifth metatarsal, tender after an inversion injury with the rules positive, points to its avulsion."""
    body = differential(
        client, positive_tests=["Ottawa ankle rules"], tender_sites=["base of fifth metatarsal bone"],
        mechanism={"motion": "inversion"},
    )
    top = body["candidates"][0]
    assert top["structure"]["id"] == facts.labelled("tuberosity of fifth metatarsal bone")
    kinds = {e["kind"]: e["weight"] for e in top["supported_by"]}
    assert kinds["positive test"] == 0.5 and kinds["tenderness over"] == 1.0
    assert body["findings"]["tender_sites"][0]["label"] == "base of fifth metatarsal bone"
