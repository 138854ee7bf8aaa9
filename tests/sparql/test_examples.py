"""Every example on the query page answers its question through the endpoint."""

from __future__ import annotations

import httpx
import pytest

from app.sparql.examples import EXAMPLES


def test_there_are_about_a_dozen_examples(client: httpx.Client) -> None:
    listed = client.get("/v1/sparql/examples").json()
    assert len(listed) >= 12
    assert [e["id"] for e in listed] == [e.id for e in EXAMPLES]


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example_answers(client: httpx.Client, example) -> None:  # type: ignore[no-untyped-def]
    response = client.post("/sparql", data={"query": example.query}, headers={"accept": "application/json"})
    assert response.status_code == 200, response.text
    assert int(response.headers["x-anklekg-result-rows"]) >= 1


def values(client: httpx.Client, example_id: str, variable: str) -> set[str]:
    example = next(e for e in EXAMPLES if e.id == example_id)
    body = client.post("/sparql", data={"query": example.query}).json()
    return {b[variable]["value"] for b in body["results"]["bindings"] if variable in b}


def test_the_evertors_are_the_fibulares_innervated_by_the_fibular_nerves(client: httpx.Client) -> None:
    assert {"fibularis longus", "fibularis brevis"} <= values(client, "evertors", "muscleLabel")
    assert "superficial fibular nerve" in values(client, "evertors", "nerveLabel")


def test_the_atfl_restrains_inversion_in_plantarflexion(client: httpx.Client) -> None:
    assert "anterior talofibular ligament" in values(client, "inversion-plantarflexion", "ligamentLabel")


def test_two_hops_from_the_sural_nerve_reach_its_branches_and_neighbours(client: httpx.Client) -> None:
    near = values(client, "sural-two-hops", "label")
    assert "lateral malleolus" in near and "sural nerve" not in near
