"""Extra RDF files served as named graphs beside AnkleKG (``anklekg serve --dataset FILE=GRAPH_IRI``)."""

from __future__ import annotations

import subprocess
import sys

import httpx
import rdflib

from tests.conftest import ROOT
from tests.sparql.conftest import EXTRA_GRAPH

JOIN = f"""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?patient ?structure WHERE {{
  GRAPH <{EXTRA_GRAPH}> {{ ?p <http://example.org/study#injured> ?s ; rdfs:label ?patient }}
  ?s rdfs:label ?structure .
}} ORDER BY ?patient"""


def test_an_extra_file_is_a_named_graph_joinable_with_ankle_kg(small: httpx.Client) -> None:
    body = small.get("/sparql", params={"query": JOIN}).json()
    rows = [(b["patient"]["value"], b["structure"]["value"]) for b in body["results"]["bindings"]]
    assert rows[0] == ("patient 1", "anterior talofibular ligament")
    assert len(rows) == 2
    default = small.get("/sparql", params={"query": "ASK { ?p <http://example.org/study#injured> ?s }"}).json()
    assert default["boolean"] is False  # not mixed into the default graph
    only = small.get(
        "/sparql",
        params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "default-graph-uri": EXTRA_GRAPH},
    ).json()
    assert only["results"]["bindings"][0]["n"]["value"] == "4"


def test_the_service_description_lists_the_extra_graph(small: httpx.Client) -> None:
    graph = rdflib.Graph().parse(data=small.get("/sparql", params={"format": "turtle"}).text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    assert rdflib.URIRef(EXTRA_GRAPH) in set(graph.objects(None, sd.name))


def test_a_bad_dataset_option_is_refused_before_loading() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "serve", "--dataset", "missing.ttl=http://example.org/g"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 2
    assert "no file at missing.ttl" in result.stderr
    reserved = subprocess.run(
        [sys.executable, "-m", "app", "serve", "--dataset", "data/schema.ttl=https://w3id.org/anklekg/graph/inferred"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert reserved.returncode == 2 and "reserved" in reserved.stderr
