"""Every example on the query page answers its question through the endpoint, in the house vocabulary."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
import rdflib
from rdflib.compare import isomorphic

from app.sparql.examples import EXAMPLES, load_examples
from app.vocab import AKG, PREFIXES
from tests.conftest import LiveServer
from tests.sparql.stores import comparable_rows, concatenations


def test_there_are_about_a_dozen_examples(client: httpx.Client) -> None:
    page = client.get("/v1/sparql/examples").json()
    listed = page["items"]
    assert len(listed) >= 12 and page["total"] == len(EXAMPLES) and page["next"] is None and page["offset"] == 0
    second = client.get("/v1/sparql/examples", params={"limit": 5, "offset": 5}).json()
    assert [e["id"] for e in second["items"]] == [e.id for e in EXAMPLES[5:10]]
    assert second["next"].endswith("/v1/sparql/examples?limit=5&offset=10")
    assert second["prev"].endswith("/v1/sparql/examples?limit=5&offset=0")
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


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=[e.id for e in EXAMPLES])
@pytest.mark.parametrize("accept", ["application/sparql-results+json", "text/csv"])
def test_an_external_store_gives_the_same_answers(  # type: ignore[no-untyped-def]
    example, accept: str, in_process_server: LiveServer, external_server: LiveServer
) -> None:
    """Our workers and Oxigraph's server loaded with our export, both behind /sparql: the same bytes for
    ordered rows; the same rows when a GROUP_CONCAT joins values in an order the engine chooses; the
    same graph for a CONSTRUCT (whose triples come in no defined order)."""
    answers = [
        httpx.post(server.url + "/sparql", data={"query": example.query},
                   headers={"accept": f"{accept}, text/turtle;q=0.5"}, timeout=30)
        for server in (in_process_server, external_server)
    ]  # fmt: skip
    for answer in answers:
        assert answer.status_code == 200, answer.text
    ours, theirs = answers
    assert ours.headers["content-type"] == theirs.headers["content-type"]
    assert ours.headers["x-anklekg-result-rows"] == theirs.headers["x-anklekg-result-rows"]
    assert int(ours.headers["x-anklekg-result-rows"]) >= 1
    concatenated = concatenations(example.query)
    if ours.headers["content-type"].startswith("text/turtle"):
        graphs = [rdflib.Graph().parse(data=a.text, format="turtle") for a in answers]
        assert isomorphic(*graphs) and len(graphs[0]) > 10
    elif concatenated:
        rows = comparable_rows(ours, concatenated)
        assert rows == comparable_rows(theirs, concatenated)
        assert any(isinstance(v, list) and len(v) > 1 for row in rows for v in row.values())
    else:
        assert re.search(r"ORDER BY", example.query), "an unordered SELECT cannot be compared byte for byte"
        assert ours.content == theirs.content
