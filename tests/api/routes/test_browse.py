"""GET /v1/browse and /v1/browse/{group} against the real server: the groups' members are what the data says
(checked here by SPARQL on the data files, not by the service), each group carries the query that defines it and
that query gives the same members at /sparql; a broken group file stops the load naming the file."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.errors import OntologyLoadError
from app.kg import AnkleKG
from app.settings import Settings
from tests.conftest import DATA
from tests.datafacts import select

PROBLEM = "application/problem+json"
REGIONS = ["lateral-ligaments", "medial-ligaments", "syndesmosis", "subtalar", "compartments", "tarsal-tunnel"]
KINDS = ["bones", "joints", "ligaments", "muscles", "tendons", "retinacula", "nerves", "arteries", "conditions",
         "clinical-tests"]  # fmt: skip


def groups(client: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    response = client.get("/v1/browse", params=params)
    assert response.status_code == 200, response.text
    return response.json()["groups"]  # type: ignore[no-any-return]


def members(group: dict[str, Any]) -> dict[str | None, set[str]]:
    return {
        (s["heading"] or {}).get("id"): {m["entity"]["id"] for m in s["members"]} for s in group["subgroups"]
    }


def test_the_groups_come_by_region_then_by_kind(client: httpx.Client) -> None:
    every = groups(client)
    assert [g["id"] for g in every] == REGIONS + KINDS
    assert [g["id"] for g in groups(client, by="region")] == REGIONS
    assert [g["id"] for g in groups(client, by="kind")] == KINDS
    for g in every:
        assert g["title"] and g["description"] and g["by"] in ("region", "kind")
        assert g["count"] == len({m for ms in members(g).values() for m in ms}) > 0
        assert g["query"].lstrip().startswith("PREFIX") and "SELECT" in g["query"]


def test_region_groups_list_what_the_data_says(client: httpx.Client) -> None:
    by_id = {g["id"]: g for g in groups(client, by="region")}
    lateral = select("""SELECT ?x WHERE { ?c rdfs:label "lateral collateral ligament complex of ankle" .
                        ?x akg:partOf+ ?c }""")
    assert members(by_id["lateral-ligaments"]) == {"ANKLE:0000015": {r["x"] for r in lateral}}
    assert {"ANKLE:0000016"} < {r["x"] for r in lateral}  # the ATFL, as the data has it
    deltoid = select('SELECT ?d ?x WHERE { ?d rdfs:label "deltoid ligament" . ?x akg:partOf+ ?d }')
    assert members(by_id["medial-ligaments"]) == {deltoid[0]["d"]: {r["x"] for r in deltoid}}
    # one subgroup per compartment of the data, each with what lies in it (muscles, nerves, arteries)
    rows = select("SELECT ?c ?x WHERE { ?c a akg:Compartment . ?x akg:liesIn ?c }")
    expected: dict[str | None, set[str]] = {}
    for row in rows:
        expected.setdefault(row["c"], set()).add(row["x"])
    assert members(by_id["compartments"]) == expected and len(expected) == 4
    lateral_compartment = next(s for s in by_id["compartments"]["subgroups"] if "lateral" in s["heading"]["label"])
    kinds = {t["label"] for m in lateral_compartment["members"] for t in m["types"]}
    assert {"muscle", "nerve"} <= kinds


def test_kind_groups_are_every_entity_of_the_class(client: httpx.Client) -> None:
    by_id = {g["id"]: g for g in groups(client, by="kind")}
    for group, cls in (("tendons", "Tendon"), ("nerves", "Nerve"), ("conditions", "Condition"),
                       ("clinical-tests", "ClinicalTest"), ("retinacula", "Retinaculum")):  # fmt: skip
        rows = select(f"SELECT ?x WHERE {{ ?x a/rdfs:subClassOf* akg:{cls} }}")
        assert members(by_id[group]) == {None: {r["x"] for r in rows}}, group
    labels = [m["entity"]["label"] for m in by_id["conditions"]["subgroups"][0]["members"]]
    assert labels == sorted(labels, key=str.lower)  # alphabetical as a person reads it


def test_a_group_s_query_gives_its_members_at_the_sparql_endpoint(client: httpx.Client) -> None:
    group = client.get("/v1/browse/compartments").json()
    response = client.post("/sparql", data={"query": group["query"]}, headers={"Accept": "application/json"})
    assert response.status_code == 200, response.text
    found = {b["entity"]["value"] for b in response.json()["results"]["bindings"]}
    iris = {m["entity"]["iri"] for s in group["subgroups"] for m in s["members"]}
    assert found == iris


def test_one_group_and_an_unknown_one(client: httpx.Client) -> None:
    one = client.get("/v1/browse/syndesmosis")
    assert one.status_code == 200 and one.json()["title"] == "Syndesmosis"
    assert one.json()["subgroups"][0]["heading"]["label"] == "inferior tibiofibular joint"
    missing = client.get("/v1/browse/medial-ligament")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith(PROBLEM)
    assert "medial-ligaments" in missing.json()["detail"]
    bad = client.get("/v1/browse", params={"by": "colour"})
    assert bad.status_code == 422 and bad.headers["content-type"].startswith(PROBLEM)


def test_the_openapi_describes_browse(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    listing = schema["paths"]["/v1/browse"]["get"]
    assert "SPARQL" in listing["description"] and "compartments" in listing["description"]
    assert "/v1/browse/{group}" in schema["paths"]
    assert "query" in schema["components"]["schemas"]["BrowseGroup"]["properties"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("# Title: Broken\n# By: region\n# Description: d\nSELECT ?entity WHERE { ?entity ?p }\n", ":4:"),
        ("# Title: Empty\n# By: kind\n# Description: d\nSELECT ?entity WHERE { ?entity a <urn:x:nothing> }\n",
         "matches nothing"),
        ("# Title: No axis\n# By: colour\n# Description: d\nSELECT ?entity WHERE { }\n", "is not one of"),
        ("# Title: No description\n# By: kind\nSELECT ?entity WHERE { }\n", "no Description line"),
    ],
)  # fmt: skip
def test_a_group_file_the_service_cannot_use_stops_the_load(tmp_path: Path, text: str, says: str) -> None:
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    (data / "browse" / "99-broken.rq").write_text(text, encoding="utf-8")
    with pytest.raises(OntologyLoadError) as caught:
        AnkleKG.load(Settings(data_dir=data, validate_on_start=False))
    assert str(caught.value).startswith(str(data / "browse" / "99-broken.rq")) and says in str(caught.value)
