"""Loading the data files: the same names for the same data in every process, and a faithful rdflib copy."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import rdflib

from app.ontology.load import load_store, to_rdflib
from app.settings import Settings


def test_blank_nodes_get_the_same_names_on_every_load() -> None:
    """Replicas load the files separately: their blank nodes (the axiom annotations) must be named alike, or
    every answer that shows one differs in bytes and ETag from one replica to the next."""
    paths = Settings().ontology_paths
    first, second = load_store(paths), load_store(paths)
    quads = {str(q) for q in first}
    assert quads == {str(q) for q in second}
    blank = {q.subject.value for q in first if isinstance(q.subject, ox.BlankNode)}
    assert len(blank) > 100 and all(name.startswith("b") and name[1:].isdigit() for name in blank)


def test_a_blank_node_label_is_scoped_to_its_file(tmp_path: Path) -> None:
    one, two = tmp_path / "one.ttl", tmp_path / "two.ttl"
    one.write_text('_:x <https://example.org/p> "1" .\n')
    two.write_text('_:x <https://example.org/p> "2" .\n')
    subjects = {q.subject for q in load_store([one, two])}
    assert len(subjects) == 2  # as in RDF: the same label in two documents names two nodes


def test_the_rdflib_copy_is_what_rdflib_reads_from_n_triples() -> None:
    """pyshacl and the JSON-LD export read the rdflib copy: term for term the graph rdflib's own parser makes
    (plain literals without a datatype, language tags kept), only with the store's blank node names."""
    store = load_store(Settings().ontology_paths)
    copied = to_rdflib(store)
    dumped = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    parsed = rdflib.Graph().parse(data=(dumped or b"").decode("utf-8"), format="nt")
    assert len(copied) == len(parsed) == len(store)

    def shape(graph: rdflib.Graph) -> Counter[tuple[rdflib.term.Node, ...]]:
        """The triples with every blank node as one placeholder (rdflib's parser names them its own way)."""
        blank = rdflib.BNode("_")
        return Counter(tuple(blank if isinstance(t, rdflib.BNode) else t for t in triple) for triple in graph)

    assert shape(copied) == shape(parsed)
    assert {b for b in copied.subjects() if isinstance(b, rdflib.BNode)} == {
        rdflib.BNode(q.subject.value) for q in store if isinstance(q.subject, ox.BlankNode)
    }
