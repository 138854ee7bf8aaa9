"""Real SPARQL clients against the real server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, SPARQLWrapper

from tests.conftest import LiveServer

P = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nPREFIX akg: <https://w3id.org/anklekg/schema#>\n"
ATFL = rdflib.URIRef("https://w3id.org/anklekg/ANKLE_0000016")


def test_sparqlwrapper_select_json_and_csv(live_server: LiveServer) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setQuery(P + 'SELECT ?x WHERE { ?x akg:abbreviation "ATFL" }')
    sparql.setReturnFormat(JSON)
    bindings = sparql.queryAndConvert()["results"]["bindings"]  # type: ignore[index, call-overload]
    assert bindings == [{"x": {"type": "uri", "value": str(ATFL)}}]
    sparql.setReturnFormat(CSV)
    assert sparql.queryAndConvert().decode().splitlines()[1] == str(ATFL)  # type: ignore[union-attr]


# SPARQLWrapper builds an rdflib ConjunctiveGraph for RDF/XML results, which rdflib 7 deprecates.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_sparqlwrapper_post_and_construct(live_server: LiveServer) -> None:
    sparql = SPARQLWrapper(live_server.url + "/sparql")
    sparql.setMethod(POST)
    sparql.setQuery(P + 'CONSTRUCT { ?x rdfs:label ?l } WHERE { ?x akg:abbreviation "ATFL" ; rdfs:label ?l }')
    sparql.setReturnFormat(TURTLE)
    data = sparql.queryAndConvert()
    graph = rdflib.Graph().parse(data=data, format="turtle")  # type: ignore[arg-type]
    assert set(graph.objects(ATFL, rdflib.RDFS.label)) == {rdflib.Literal("anterior talofibular ligament")}
    sparql.setReturnFormat("xml")
    rdfxml = sparql.queryAndConvert()  # SPARQLWrapper parses RDF/XML into an rdflib graph itself
    assert (ATFL, rdflib.RDFS.label, rdflib.Literal("anterior talofibular ligament")) in rdfxml  # type: ignore[operator]


def test_rdflib_sparqlstore_queries_and_pattern_matching(live_server: LiveServer) -> None:
    store = SPARQLStore(live_server.url + "/sparql", returnFormat="json")
    graph = rdflib.Graph(store=store)
    rows = list(graph.query(P + 'SELECT ?l WHERE { ?x akg:abbreviation "ATFL" ; rdfs:label ?l }'))
    assert [str(r[0]) for r in rows] == ["anterior talofibular ligament"]  # type: ignore[index]
    assert (ATFL, rdflib.RDFS.label, rdflib.Literal("anterior talofibular ligament")) in graph
    assert bool(graph.query(P + "ASK { ?x a akg:Ligament }").askAnswer) is True
    xml_store = SPARQLStore(live_server.url + "/sparql", returnFormat="xml", method="POST")
    labels = list(rdflib.Graph(store=xml_store).objects(ATFL, rdflib.RDFS.label))
    assert labels == [rdflib.Literal("anterior talofibular ligament")]
