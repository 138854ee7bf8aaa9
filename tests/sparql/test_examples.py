"""Every example on the query page answers its question through the endpoint, in the house vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest

from app.sparql.examples import EXAMPLES, load_examples
from app.vocab import AKG, PREFIXES


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


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
def test_example_prefixes_and_schema_terms_are_the_houses(example) -> None:  # type: ignore[no-untyped-def]
    """The .rq files declare their own prefixes (to run anywhere): the same IRIs as the one prefix map,
    and only schema terms the closed AKG namespace knows (a misspelt term would match nothing)."""
    declared = dict(re.findall(r"^PREFIX (\w+): <([^>]*)>$", example.query, flags=re.MULTILINE))
    assert declared and {p: PREFIXES[p] for p in declared} == declared
    terms = set(re.findall(r"\bakg:(\w+)", example.query))
    assert terms <= set(AKG.__annotations__)


def test_an_example_file_without_its_header_is_named(tmp_path: Path) -> None:
    (tmp_path / "01-untitled.rq").write_text("# Question: What?\nASK {}\n")
    with pytest.raises(ValueError, match=r"01-untitled\.rq.*no Title"):
        load_examples(tmp_path)
