"""Release artefacts: every format parses back to the same graph; the service serves the same bytes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import httpx
import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from app.exports import ARTEFACTS, build_artefact
from app.kg import AnkleKG
from tests.cli.test_cli import anklekg

RDF_FORMATS = {
    "anklekg.ttl": ox.RdfFormat.TURTLE,
    "anklekg.nt": ox.RdfFormat.N_TRIPLES,
    "anklekg.owl": ox.RdfFormat.RDF_XML,
}


@pytest.mark.parametrize("name", sorted(RDF_FORMATS))
def test_rdf_exports_round_trip_to_the_loaded_graph(kg: AnkleKG, name: str) -> None:
    store = ox.Store()
    store.load(build_artefact(kg, name), format=RDF_FORMATS[name])
    assert len(store) == len(kg.store)


def test_the_dataset_export_holds_every_graph_the_endpoint_queries(kg: AnkleKG) -> None:
    """What an external store loads (anklekg serve --sparql-endpoint) to answer as the workers do."""
    store = ox.Store()
    store.load(build_artefact(kg, "anklekg-dataset.nq"), format=ox.RdfFormat.N_QUADS)
    assert len(store) == len(kg.dataset) > len(kg.store)
    assert set(store.named_graphs()) == set(kg.dataset.named_graphs())
    assert len(list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))) == len(kg.store)


def test_jsonld_export_round_trips_and_uses_the_published_context(kg: AnkleKG) -> None:
    data = build_artefact(kg, "anklekg.jsonld")
    document = json.loads(data)
    # "@prefix": true lets JSON-LD 1.1 expand ANKLE:0000016 although the IRI ends in "_"
    assert document["@context"]["ANKLE"] == {"@id": "https://w3id.org/anklekg/ANKLE_", "@prefix": True}
    graph = rdflib.Graph().parse(data=data, format="json-ld")
    assert len(graph) == len(kg.store)


def test_graphml_export_is_the_traversal_graph(kg: AnkleKG) -> None:
    graph = nx.read_graphml(io.BytesIO(build_artefact(kg, "anklekg.graphml")))
    assert graph.number_of_nodes() == kg.graph.number_of_nodes()
    assert graph.number_of_edges() == kg.graph.number_of_edges()


def test_csv_tables_have_a_row_per_fact(kg: AnkleKG) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        return list(csv.DictReader(io.StringIO(build_artefact(kg, name).decode("utf-8"))))

    assert len(rows("entities.csv")) == len(kg.kb.terms)
    assert len(rows("restraints.csv")) == len(kg.kb.restraints)
    assert len(rows("muscle_actions.csv")) == len(kg.kb.actions)
    assert all(r["sources"] for r in rows("relations.csv"))
    assert all(r["doi"] or r["url"] for r in rows("references.csv"))


def test_service_lists_and_serves_every_artefact_with_an_etag(client: httpx.Client, kg: AnkleKG) -> None:
    listing = client.get("/v1/export").json()
    assert {a["name"] for a in listing["artefacts"]} == set(ARTEFACTS)
    response = client.get("/v1/export/anklekg.nt")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/n-triples")
    assert response.content == build_artefact(kg, "anklekg.nt")
    cached = client.get("/v1/export/anklekg.nt", headers={"If-None-Match": response.headers["etag"]})
    assert cached.status_code == 304


def test_unknown_artefact_is_a_problem_listing_the_available_ones(client: httpx.Client) -> None:
    response = client.get("/v1/export/anklekg.xlsx")
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/problem+json")
    assert "anklekg.ttl" in response.json()["detail"]


def test_cli_export_writes_the_files(tmp_path: Path) -> None:
    result = anklekg("export", "--out", str(tmp_path), "--only", "anklekg.ttl", "entities.csv")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anklekg.ttl", "entities.csv"]
