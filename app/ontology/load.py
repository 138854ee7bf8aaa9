"""Parse the ontology files once into a pyoxigraph store, failing fast with file, line and column.

pyoxigraph is the query engine (see scripts/bench_engines.py for the figures behind the choice);
rdflib is used where its API helps: SHACL validation (pyshacl) and some serialisations.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar, cast

import pyoxigraph as ox

from ..errors import OntologyLoadError

if TYPE_CHECKING:  # rdflib is imported by to_rdflib, on first use: serving answers does not need it
    import rdflib

_T = TypeVar("_T")

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


def rdf_format_for(path: Path) -> ox.RdfFormat:
    """The RDF syntax of a data file, from its extension."""
    try:
        return _FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise OntologyLoadError(
            str(path), None, None, f"unknown RDF file extension {path.suffix!r}; use one of {known}"
        ) from None


def load_store(paths: Iterable[Path], store: ox.Store | None = None) -> ox.Store:
    """Parse every file into the default graph of one in-memory store.

    Blank nodes are named ``b0``, ``b1``... in the order the files introduce them, not with the parser's random
    names: every process that loads the same files holds the same names, so replicas of the service write the
    same bytes (and ETags) for an answer that shows blank nodes (the axiom annotations in RDF, the exports,
    SPARQL results). A label is scoped to its file, as in RDF: ``_:x`` in two files names two nodes.
    Raises :class:`OntologyLoadError` with the file, line and column of the first syntax error.
    """
    store = store if store is not None else ox.Store()
    named = 0
    for path in paths:
        fmt = rdf_format_for(path)
        names: dict[str, ox.BlankNode] = {}

        def name(term: _T, names: dict[str, ox.BlankNode] = names) -> _T:
            nonlocal named
            if not isinstance(term, ox.BlankNode):
                return term
            if term.value not in names:
                names[term.value] = ox.BlankNode(f"b{named}")
                named += 1
            return cast(_T, names[term.value])

        try:
            quads = [
                ox.Quad(name(q.subject), q.predicate, name(q.object), name(q.graph_name))
                for q in ox.parse(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
            ]
        except SyntaxError as exc:
            raise OntologyLoadError.from_syntax_error(path, exc) from exc
        except OSError as exc:
            raise OntologyLoadError(str(path), None, None, exc.strerror or str(exc)) from exc
        store.extend(quads)
    return store


def to_rdflib(store: ox.Store) -> rdflib.Graph:
    """Copy the store's default graph into an rdflib Graph (for pyshacl and rdflib serialisers).

    Term by term rather than through N-Triples, whose rdflib parser renames blank nodes at random: the graph keeps
    the store's names, so what rdflib writes from it (the JSON-LD export) is the same bytes in every process."""
    import rdflib

    graph = rdflib.Graph()
    for quad in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        graph.add((_rdflib_term(quad.subject), _rdflib_term(quad.predicate), _rdflib_term(quad.object)))
    return graph


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _rdflib_term(term: object) -> rdflib.term.Node:
    """The rdflib term for a pyoxigraph one, as rdflib's own N-Triples parser makes it (a plain string literal
    has no datatype, a language-tagged one only its language)."""
    import rdflib  # already imported by to_rdflib: a lookup in sys.modules

    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return rdflib.Literal(term.value, datatype=None if datatype == _XSD_STRING else rdflib.URIRef(datatype))
    raise TypeError(f"no rdflib term for {term!r} (an RDF-star triple term?)")
