"""Release artefacts: every format parses back to the same graph; the service serves the same bytes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
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


def test_the_api_description_documents_every_artefacts_media_type(client: httpx.Client) -> None:
    """Each artefact is served with its own media type, and the OpenAPI description lists them all (schemathesis, in a
    CI run, drew the N-Quads dataset, whose application/n-quads was undocumented beside Turtle and CSV)."""
    documented = client.get("/openapi.json").json()["paths"]["/v1/export/{name}"]["get"]["responses"]["200"]["content"]
    for name, artefact in ARTEFACTS.items():
        assert artefact.media_type in documented, name
        served = client.get(f"/v1/export/{name}").headers["content-type"]
        assert served.split(";")[0] == artefact.media_type, name


def test_unknown_artefact_is_a_problem_listing_the_available_ones(client: httpx.Client) -> None:
    response = client.get("/v1/export/anklekg.xlsx")
    assert response.status_code == 404 and response.headers["content-type"].startswith("application/problem+json")
    assert "anklekg.ttl" in response.json()["detail"]


def test_cli_export_writes_the_files(tmp_path: Path) -> None:
    result = anklekg("export", "--out", str(tmp_path), "--only", "anklekg.ttl", "entities.csv")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anklekg.ttl", "entities.csv"]


# sssom-py's own pandas calls warn about pandas 4 (not our code): the test's warnings-as-errors would stop in them
@pytest.mark.filterwarnings("ignore::pandas.errors.Pandas4Warning")
def test_the_mapping_set_is_valid_sssom_with_a_justification_per_row(client: httpx.Client, kg: AnkleKG) -> None:
    """sssom-py (the SSSOM reference implementation) parses and validates what the service serves."""
    sssom_parsers = pytest.importorskip("sssom.parsers", reason="sssom-py is in the test extra: pip install -e .[test]")
    from sssom.constants import SchemaValidationType
    from sssom.validators import validate

    response = client.get("/v1/export/mappings.sssom.tsv")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/tab-separated-values")
    assert response.content == build_artefact(kg, "mappings.sssom.tsv")
    text = response.text
    assert "#curie_map:" in text and "#mapping_set_id: https://w3id.org/anklekg/mappings.sssom.tsv" in text
    assert "#license: https://creativecommons.org/licenses/by/4.0/" in text
    msdf = sssom_parsers.parse_sssom_table(io.StringIO(text))
    reports = validate(msdf, [SchemaValidationType.JsonSchema, SchemaValidationType.PrefixMapCompleteness,
                              SchemaValidationType.StrictCurieFormat], fail_on_error=False)  # fmt: skip
    assert all(not report.results for report in reports.values()), reports
    frame = msdf.df
    assert len(frame) == len(kg.kb.mappings) == 133
    assert frame["mapping_justification"].str.startswith("semapv:").all()
    atfl = frame[(frame.subject_id == "ANKLE:0000016") & (frame.object_id == "UBERON:0013725")].iloc[0]
    assert (atfl.predicate_id, atfl.mapping_justification, atfl.match_string) == (
        "skos:exactMatch", "semapv:LexicalMatching", "anterior talofibular ligament"
    )


def _runoak(owl: Path, *args: str) -> str:
    runoak = Path(sys.executable).parent / "runoak"
    if not runoak.exists():
        pytest.skip("OAK (oaklib, in the test extra) is not installed in this environment: pip install -e .[test]")
    prefixes = ["--prefix", "ANKLE=https://w3id.org/anklekg/ANKLE_",
                "--prefix", "akg=https://w3id.org/anklekg/schema#"]  # fmt: skip
    command = [str(runoak), *prefixes, "-i", str(owl), *args]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
def test_oak_navigates_the_obo_style_owl_export(client: httpx.Client, tmp_path: Path) -> None:
    """OAK itself (runoak) reads the served file: hierarchy, definitions and mappings of the ATFL."""
    response = client.get("/v1/export/ankle-obo.owl")
    assert response.status_code == 200 and response.headers["content-type"].startswith("application/rdf+xml")
    owl = tmp_path / "ankle-obo.owl"
    owl.write_bytes(response.content)
    ancestors = _runoak(owl, "ancestors", "-p", "i,p", "ANKLE:0000016")
    assert {"akg:Ligament\tligament", "ANKLE:0000074\ttalofibular ligament",
            "ANKLE:0000015\tlateral collateral ligament complex of ankle"} <= set(ancestors.splitlines())  # fmt: skip
    descendants = _runoak(owl, "descendants", "-p", "i", "ANKLE:0000074")
    assert {"ANKLE:0000016 ! anterior talofibular ligament", "ANKLE:0000017 ! posterior talofibular ligament"} <= set(
        descendants.splitlines()
    )
    definitions = _runoak(owl, "definitions", "ANKLE:0000016")
    assert "ANKLE:0000016\tanterior talofibular ligament\tA ligament of the lateral collateral complex" in definitions
    mappings = _runoak(owl, "mappings", "ANKLE:0000016")
    assert "predicate_id: skos:exactMatch" in mappings and "object_id: UBERON:0013725" in mappings
    assert "predicate_id: skos:closeMatch" in mappings and "object_id: FMA:44083" in mappings


def test_the_obo_owl_export_makes_anatomy_classes_with_sourced_axioms(kg: AnkleKG) -> None:
    graph = rdflib.Graph().parse(data=build_artefact(kg, "ankle-obo.owl"), format="xml")
    owl, rdfs = rdflib.OWL, rdflib.RDFS
    atfl = rdflib.URIRef("https://w3id.org/anklekg/ANKLE_0000016")
    assert (atfl, rdflib.RDF.type, owl.Class) in graph
    assert (atfl, rdfs.subClassOf, rdflib.URIRef("https://w3id.org/anklekg/schema#Ligament")) in graph
    part_of = rdflib.URIRef("http://purl.obolibrary.org/obo/BFO_0000050")
    wholes = {graph.value(r, owl.someValuesFrom) for r in graph.objects(atfl, rdfs.subClassOf)
              if graph.value(r, owl.onProperty) == part_of}  # fmt: skip
    assert wholes == {rdflib.URIRef("https://w3id.org/anklekg/ANKLE_0000015")}
    definition = rdflib.URIRef("http://purl.obolibrary.org/obo/IAO_0000115")
    axioms = set(graph.subjects(owl.annotatedSource, atfl)) & set(graph.subjects(owl.annotatedProperty, definition))
    axiom = next(iter(axioms))
    assert graph.value(axiom, rdflib.URIRef("http://www.geneontology.org/formats/oboInOwl#hasDbXref")) is not None
    assert (atfl, rdflib.SKOS.exactMatch, rdflib.URIRef("http://purl.obolibrary.org/obo/UBERON_0013725")) in graph
    # only anatomy: a motion or a reference is no class here
    assert (rdflib.URIRef("https://w3id.org/anklekg/ANKLE_0009001"), rdflib.RDF.type, owl.Class) not in graph
