"""Parse the ontology files once into a pyoxigraph store, failing fast with file, line and column.

pyoxigraph is the query engine (see scripts/bench_engines.py for the figures behind the choice);
rdflib is used where its API helps: SHACL validation (pyshacl) and some serialisations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}


#: The position pyoxigraph writes in front of a message, removed once it is the error's ``line`` and ``column``:
#: the RDF parsers ("Parser error at line 3 column 7: ", "... between columns 7 and 9: ") also set ``lineno``
#: and ``offset``, the SPARQL parser ("error at 3:7: ") does not, so only its numbers are read.
_POSITION = re.compile(r"^(?:Parser error (?:at|between) line[^:]*|error at (\d+):(\d+)): ")


@dataclass(frozen=True)
class OntologyLoadError(Exception):
    """A data file (ontology, schema, shapes, rules, QC query or profile) could not be read or parsed.

    The one error for every file under data/: its ``str`` is the one line ``file:line:column: message``
    that the CLI prints before exiting with status 2, so an editor can go straight to the spot.
    """

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

    @classmethod
    def from_syntax_error(cls, path: Path, exc: SyntaxError, *, line_offset: int = 0) -> OntologyLoadError:
        """The error for a pyoxigraph ``SyntaxError``, on one line, with the position it carries.

        The RDF parsers set ``lineno`` and ``offset``; the SPARQL parser only writes the position into its
        message. ``line_offset`` is subtracted from the line, for text parsed behind a generated prologue.
        """
        message = " ".join((exc.msg or str(exc)).split())
        line, column = exc.lineno, exc.offset
        match = _POSITION.match(message)
        if match:
            message = message[match.end() :]
            if line is None and match[1] is not None:
                line, column = int(match[1]), int(match[2])
        if line is not None:
            line -= line_offset
        return cls(str(path), line, column, message)


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
