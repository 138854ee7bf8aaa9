"""The dataset described in RDF: the SPARQL Service Description and the VoID description.

Both say what the endpoint serves (graphs, triple counts, result formats, dumps) in the
vocabularies clients and registries read, and both are built from the same store the queries run
on, so the counts they give are the counts a query finds.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..version import __version__
from ..vocab import ANKLE_BASE, DCTERMS, ENTAILMENT, OWL, RDF, RDFS, SCHEMA_BASE, SD, VOID, W3C_FORMATS, XSD
from .dataset import ASSERTED_GRAPH, INFERRED_GRAPH

if TYPE_CHECKING:
    from ..kg import AnkleKG

__all__ = ["DATASET_IRI", "LICENSE", "SD_PREFIXES", "service_description", "void_description"]

DATASET_IRI = "https://w3id.org/anklekg/"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
SD_PREFIXES = {"sd": str(SD), "formats": str(W3C_FORMATS), "void": str(VOID)}
_TYPE = ox.NamedNode(RDF.type)
_EXTERNAL = ("Served by an external SPARQL store: the asserted AnkleKG triples when it was loaded from "
             "anklekg-dataset.nq (/v1/export), beside whatever else it holds; its graphs are not counted here.")
_FORMAT_IRIS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML")  # fmt: skip


def _integer(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode(XSD.integer))


def _size(dataset: ox.Store, graph: ox.NamedNode | ox.DefaultGraph) -> ox.Literal:
    return _integer(sum(1 for _ in dataset.quads_for_pattern(None, None, None, graph)))


def service_description(
    endpoint: str, dataset: ox.Store | None, extra_graphs: Iterable[str] = ()
) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of this endpoint, with a triple count per graph; without counts
    when ``dataset`` is None (an external store answers, and we do not count its graphs)."""

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(SD[name])

    service = ox.NamedNode(endpoint)
    ds, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(service, _TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("defaultEntailmentRegime"), ox.NamedNode(ENTAILMENT.Simple)),
        ox.Triple(service, sd("defaultDataset"), ds),
        ox.Triple(ds, _TYPE, sd("Dataset")),
        ox.Triple(ds, sd("defaultGraph"), default),
        ox.Triple(default, _TYPE, sd("Graph")),
        ox.Triple(
            default,
            ox.NamedNode(RDFS.comment),
            ox.Literal(f"The asserted AnkleKG triples (the same as the named graph <{ASSERTED_GRAPH}>)."
                       if dataset is not None else _EXTERNAL),
        ),
    ]
    if dataset is not None:
        triples.append(ox.Triple(default, ox.NamedNode(VOID.triples), _size(dataset, ox.DefaultGraph())))
    triples.extend(ox.Triple(service, sd("resultFormat"), ox.NamedNode(W3C_FORMATS[f])) for f in _FORMAT_IRIS)
    for index, name in enumerate([ASSERTED_GRAPH, INFERRED_GRAPH, *extra_graphs]):
        named, graph = ox.BlankNode(f"named{index}"), ox.BlankNode(f"graph{index}")
        triples += [
            ox.Triple(ds, sd("namedGraph"), named),
            ox.Triple(named, _TYPE, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(name)),
            ox.Triple(named, sd("graph"), graph),
            ox.Triple(graph, _TYPE, sd("Graph")),
        ]
        if dataset is not None:
            triples.append(ox.Triple(graph, ox.NamedNode(VOID.triples), _size(dataset, ox.NamedNode(name))))
    return triples


def void_description(kg: AnkleKG, base: str, dumps: Iterable[str] = ()) -> list[ox.Triple]:
    """VoID: sizes, licence, dumps (the release files named in ``dumps``, served under v1/export/), the SPARQL
    endpoint, and the inferred graph as a subset."""
    store = kg.store

    def n(predicate: str, value: int | str, subject: ox.NamedNode | None = None) -> ox.Triple:
        literal = _integer(value) if isinstance(value, int) else ox.Literal(value)
        return ox.Triple(subject or ds, ox.NamedNode(predicate), literal)

    def link(predicate: str, iri: str, subject: ox.NamedNode | None = None) -> ox.Triple:
        return ox.Triple(subject or ds, ox.NamedNode(predicate), ox.NamedNode(iri))

    def scalar(query: str) -> int:
        result = store.query(query)
        assert isinstance(result, ox.QuerySolutions)
        return int(next(iter(result))[0].value)

    ds = ox.NamedNode(DATASET_IRI)
    inferred = ox.NamedNode(INFERRED_GRAPH)
    triples = [
        link(RDF.type, VOID.Dataset),
        n(DCTERMS.title, "AnkleKG"),
        n(DCTERMS.description, "A sourced knowledge graph of the human ankle: anatomy, function, clinic."),
        link(DCTERMS.license, LICENSE),
        n(OWL.versionInfo, __version__),
        link(VOID.sparqlEndpoint, base + "sparql"),
        link(VOID.uriLookupEndpoint, base + "v1/search?q="),
        n(VOID.uriSpace, ANKLE_BASE),
        link(VOID.vocabulary, SCHEMA_BASE),
        link(VOID.exampleResource, ANKLE_BASE + "0000016"),
        n(VOID.triples, len(store)),
        n(VOID.entities, kg.counts()["entities"]),
        n(VOID.classes, scalar("SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?x a ?c }")),
        n(VOID.properties, scalar("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }")),
        n(VOID.distinctSubjects, scalar("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")),
        n(VOID.distinctObjects, scalar("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?s ?p ?o }")),
        link(VOID.subset, INFERRED_GRAPH),
        link(RDF.type, VOID.Dataset, inferred),
        ox.Triple(inferred, ox.NamedNode(VOID.triples), _size(kg.dataset, inferred)),
        n(DCTERMS.description, "Triples entailed (RDFS, transitive, inverse, symmetric) and not asserted; "
          f"the asserted ones are the named graph <{ASSERTED_GRAPH}> and the default graph.", inferred),
    ]  # fmt: skip
    for name in dumps:
        triples.append(link(VOID.dataDump, f"{base}v1/export/{name}"))
    return triples
