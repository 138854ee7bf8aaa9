"""Parse the ontology files once into a pyoxigraph store, failing fast with file, line and column.

pyoxigraph is the query engine (see scripts/bench_engines.py for the figures behind the choice);
rdflib is used where its API helps: SHACL validation (pyshacl) and some serialisations.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
import rdflib

from app.errors import OntologyLoadError

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

    Raises :class:`OntologyLoadError` with the file, line and column of the first syntax error.
    """
    store = store if store is not None else ox.Store()
    for path in paths:
        fmt = rdf_format_for(path)
        try:
            store.bulk_load(path=str(path), format=fmt, base_iri=path.resolve().as_uri())
        except SyntaxError as exc:
            raise OntologyLoadError.from_syntax_error(path, exc) from exc
        except OSError as exc:
            raise OntologyLoadError(str(path), None, None, exc.strerror or str(exc)) from exc
    return store


def to_rdflib(store: ox.Store) -> rdflib.Graph:
    """Copy the store's default graph into an rdflib Graph (for pyshacl and rdflib serialisers)."""
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    graph = rdflib.Graph()
    graph.parse(data=(data or b"").decode("utf-8"), format="nt")
    return graph
