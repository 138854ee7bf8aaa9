"""The SPARQL dataset: asserted facts and their entailments kept in separate named graphs.

A researcher must be able to tell what the curators wrote from what the service derived, so the
store the endpoint queries holds:

* the **default graph**: the asserted triples (schema + ontology), exactly as today and as the
  release dumps, so existing queries and counts are unchanged;
* ``<https://w3id.org/anklekg/graph/asserted>``: the same asserted triples as a named graph;
* ``<https://w3id.org/anklekg/graph/inferred>``: only the triples entailed and *not* asserted:
  RDFS rules 2, 3, 5, 7, 9 and 11 (domain, range, sub-property, sub-class), the closure of every
  ``owl:TransitiveProperty`` (part of), ``owl:inverseOf`` and ``owl:SymmetricProperty``;
* one named graph per extra file given with ``anklekg serve --dataset FILE=GRAPH_IRI``.

Asserted and inferred together: ``FROM <…/graph/asserted> FROM <…/graph/inferred>``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pyoxigraph as ox

from ..errors import OntologyLoadError
from ..ontology.load import rdf_format_for
from ..vocab import OWL, RDF, RDFS

__all__ = [
    "ASSERTED_GRAPH", "INFERRED_GRAPH", "ExtraDataset", "build_dataset", "infer_closure", "on_disk_copy",
    "parse_dataset_option", "write_on_disk_copy",
]  # fmt: skip

GRAPH_BASE = "https://w3id.org/anklekg/graph/"
ASSERTED_GRAPH = GRAPH_BASE + "asserted"
INFERRED_GRAPH = GRAPH_BASE + "inferred"


@dataclass(frozen=True)
class ExtraDataset:
    """An RDF file to serve beside AnkleKG as the named graph ``graph``."""

    path: Path
    graph: str


def parse_dataset_option(value: str) -> ExtraDataset:
    """``FILE=GRAPH_IRI`` from the command line; says what is wrong with a bad value."""
    path, sep, graph = value.rpartition("=")
    if not sep or not path or not graph:
        raise ValueError(
            f"--dataset {value!r}: expected FILE=GRAPH_IRI, e.g. mydata.ttl=https://example.org/graph/mine"
        )
    if ":" not in graph or any(c in graph for c in ' <>"{}|^`\\'):
        raise ValueError(f"--dataset {value!r}: {graph!r} is not an absolute IRI")
    if graph in (ASSERTED_GRAPH, INFERRED_GRAPH):
        raise ValueError(f"--dataset {value!r}: {graph} is reserved for AnkleKG's own graphs")
    file = Path(path)
    if not file.is_file():
        raise ValueError(f"--dataset {value!r}: no file at {file}")
    return ExtraDataset(file, graph)


def build_dataset(asserted: ox.Store, extra: Sequence[ExtraDataset] = ()) -> ox.Store:
    """A new store: asserted triples in the default graph and their own named graph, the inferred
    closure in another named graph, and each extra file in its named graph."""
    store = ox.Store()
    asserted_graph = ox.NamedNode(ASSERTED_GRAPH)
    triples = [q.triple for q in asserted.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    store.extend(ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
    store.extend(ox.Quad(t.subject, t.predicate, t.object, asserted_graph) for t in triples)
    inferred_graph = ox.NamedNode(INFERRED_GRAPH)
    store.extend(ox.Quad(t.subject, t.predicate, t.object, inferred_graph) for t in infer_closure(triples))
    for item in extra:
        try:
            store.bulk_load(
                path=str(item.path),
                format=rdf_format_for(item.path),
                base_iri=item.path.resolve().as_uri(),
                to_graph=ox.NamedNode(item.graph),
            )
        except SyntaxError as exc:
            raise OntologyLoadError(str(item.path), exc.lineno, exc.offset, exc.msg) from exc
    return store


Node = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple


def _triple(subject: Node, predicate: ox.NamedNode, object_: Node) -> ox.Triple:
    """A triple of the closure. Rules only move IRIs and blank nodes into subject position (range
    entailment skips literals), so the cast states a fact the type checker cannot see."""
    return ox.Triple(cast(ox.NamedNode | ox.BlankNode | ox.Triple, subject), predicate, object_)


def infer_closure(triples: Iterable[ox.Triple]) -> set[ox.Triple]:
    """Triples entailed by the rules in the module docstring and not already asserted.

    Forward chaining to a fixpoint over plain Python sets: the graph has thousands of triples, so
    this takes tens of milliseconds at start-up and nothing per query.
    """
    asserted = set(triples)
    facts = set(asserted)
    type_ = ox.NamedNode(RDF.type)
    sub_class = ox.NamedNode(RDFS.subClassOf)
    sub_property = ox.NamedNode(RDFS.subPropertyOf)
    domain = ox.NamedNode(RDFS.domain)
    range_ = ox.NamedNode(RDFS.range)
    inverse_of = ox.NamedNode(OWL.inverseOf)
    transitive = ox.NamedNode(OWL.TransitiveProperty)
    symmetric = ox.NamedNode(OWL.SymmetricProperty)

    while True:
        by_predicate: dict[Node, list[ox.Triple]] = {}
        for t in facts:
            by_predicate.setdefault(t.predicate, []).append(t)

        def pairs(p: ox.NamedNode, index: dict[Node, list[ox.Triple]] = by_predicate) -> list[tuple[Node, Node]]:
            return [(t.subject, t.object) for t in index.get(p, ())]

        new: set[ox.Triple] = set()
        super_classes = _closure(pairs(sub_class))
        super_properties = _closure(pairs(sub_property))
        for c, ds in super_classes.items():  # rdfs11
            new.update(_triple(c, sub_class, d) for d in ds)
        for p, qs in super_properties.items():  # rdfs5
            new.update(_triple(p, sub_property, q) for q in qs)
        for p, qs in super_properties.items():  # rdfs7
            for t in by_predicate.get(p, ()):
                new.update(_triple(t.subject, q, t.object) for q in qs if isinstance(q, ox.NamedNode))
        for p, c in pairs(domain):  # rdfs2
            new.update(_triple(t.subject, type_, c) for t in by_predicate.get(p, ()))
        for p, c in pairs(range_):  # rdfs3
            objects = (t.object for t in by_predicate.get(p, ()))
            new.update(_triple(o, type_, c) for o in objects if not isinstance(o, ox.Literal))
        for x, c in pairs(type_):  # rdfs9
            new.update(_triple(x, type_, d) for d in super_classes.get(c, ()))
        for p in {p for p, c in pairs(type_) if c == transitive}:  # owl:TransitiveProperty
            if isinstance(p, ox.NamedNode):
                for s, os_ in _closure(pairs(p)).items():
                    new.update(_triple(s, p, o) for o in os_)
        for p, q in pairs(inverse_of):  # owl:inverseOf, both ways
            if isinstance(p, ox.NamedNode) and isinstance(q, ox.NamedNode):
                new.update(_triple(o, q, s) for s, o in pairs(p) if not isinstance(o, ox.Literal))
                new.update(_triple(o, p, s) for s, o in pairs(q) if not isinstance(o, ox.Literal))
        for p in {p for p, c in pairs(type_) if c == symmetric}:  # owl:SymmetricProperty
            if isinstance(p, ox.NamedNode):
                new.update(_triple(o, p, s) for s, o in pairs(p) if not isinstance(o, ox.Literal))
        new = {t for t in new if not isinstance(t.subject, ox.Literal)} - facts
        if not new:
            return facts - asserted
        facts |= new


def _closure(edges: Iterable[tuple[Node, Node]]) -> dict[Node, set[Node]]:
    """Everything reachable from each node along ``edges`` (one or more steps)."""
    successors: dict[Node, set[Node]] = {}
    for a, b in edges:
        successors.setdefault(a, set()).add(b)
    reach: dict[Node, set[Node]] = {}
    for start in successors:
        seen: set[Node] = set()
        stack = list(successors[start])
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(successors.get(node, ()))
        reach[start] = seen
    return reach


def on_disk_copy(nquads: Path) -> Path:
    """Where the dataset in the N-Quads file ``nquads`` is kept as an on-disk store, beside it, when it is (see
    :func:`write_on_disk_copy`). The SPARQL workers open that store read-only when it is there."""
    return nquads.with_suffix(".oxigraph")


def write_on_disk_copy(nquads: Path, from_bytes: int) -> Path | None:
    """Keep the dataset in ``nquads`` as an on-disk store beside it when the file has ``from_bytes`` or more.

    Why: each SPARQL worker (two and a standby by default) parses the dataset into a store of its own in memory; at
    100 copies of the graph that is a few hundred MiB per worker. One on-disk store opened read-only by every worker
    is read through the page cache, shared. Below the threshold a copy in memory is small and answers the bundled
    graph's join queries 1.2-4x faster (docs/performance.md, fourth pass), so it is kept. Blank nodes keep the
    file's names (parse + extend: a store's bulk loader renames them at random), so every replica answers with the
    same bytes."""
    if nquads.stat().st_size < from_bytes:
        return None
    target = on_disk_copy(nquads)
    store = ox.Store(str(target))
    store.extend(ox.parse(path=str(nquads), format=ox.RdfFormat.N_QUADS))
    store.flush()
    store.optimize()
    del store  # closed: the workers open it read-only
    return target
