"""Which media type answers a query (content negotiation), and the answer's bytes in it.

pyoxigraph writes every format we offer; what it cannot do is stop at our row cap and say so. So:

* Rows (SELECT) are first written by pyoxigraph as TSV, one solution per line, into a sink that
  stops the query once one line more than the cap arrives. The kept lines are the capped result:
  sent as they are for TSV, else parsed back (``parse_query_results``) and written by pyoxigraph
  in the negotiated format. All of it runs in pyoxigraph's Rust code, not in a Python loop per term.
* Triples (CONSTRUCT, DESCRIBE) are capped by slicing the iterator ``pyoxigraph.serialize`` reads.
* Ours, because a client would notice otherwise: the truncation notice (``head.link`` in JSON and
  XML results, a comment in Turtle, N-Triples and RDF/XML) and ASK in CSV/TSV, where pyoxigraph
  writes a bare ``true`` that a CSV reader takes for the header of an empty table.
"""

from __future__ import annotations

import contextlib
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal as TypingLiteral
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from app.errors import AnkleKGError
from app.vocab import PREFIXES

__all__ = [
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "TRUNCATED_LINK",
    "Form",
    "NotAcceptable",
    "choose_media_type",
    "parse_accept",
    "serialise_boolean",
    "serialise_solutions",
    "serialise_triples",
    "serialise_triples_capped",
]

TRUNCATED_LINK = "https://w3id.org/anklekg/problems/result-truncated"

# Canonical media types per query form, in our order of preference (the first is the default).
RESULT_TYPES = (
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
)
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml")
# Other names clients use for the same serialisations.
_RESULT_ALIASES = {"application/json": RESULT_TYPES[0], "application/xml": RESULT_TYPES[1], "text/xml": RESULT_TYPES[1]}
_GRAPH_ALIASES = {
    "application/x-turtle": "text/turtle",
    "text/plain": "application/n-triples",
    "application/json": "application/ld+json",
    "application/xml": "application/rdf+xml",
    "text/xml": "application/rdf+xml",
}
_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_RDF_FORMATS = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
}

Form = TypingLiteral["select", "ask", "graph"]


class NotAcceptable(AnkleKGError, ValueError):
    """None of the media types the client accepts can carry this kind of result."""

    def __init__(self, form: Form, offered: Sequence[str]) -> None:
        super().__init__(f"a {form} result can be sent as {', '.join(offered)}")
        self.form, self.offered = form, tuple(offered)


# -- content negotiation --------------------------------------------------------------------------
def parse_accept(header: str | None) -> tuple[tuple[str, float], ...]:
    """``Accept`` as (media range, q) pairs in header order; a missing header accepts anything."""
    if not header or not header.strip():
        return (("*/*", 1.0),)
    ranges = []
    for part in header.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    return tuple(ranges) or (("*/*", 1.0),)


def choose_media_type(form: Form, accept: Sequence[tuple[str, float]]) -> str:
    """The best media type we can produce for ``form`` (RFC 9110 q-values; ties go to the client's
    order, then ours), or :class:`NotAcceptable`."""
    canonical = GRAPH_TYPES if form == "graph" else RESULT_TYPES
    aliases = _GRAPH_ALIASES if form == "graph" else _RESULT_ALIASES
    candidates = [(t, t) for t in canonical] + list(aliases.items())
    best: tuple[float, int, int, int] | None = None
    chosen = None
    for rank, (name, target) in enumerate(candidates):
        kind = name.partition("/")[0]
        # The most specific range that matches this type decides its q (RFC 9110, 12.5.1).
        matches = [
            (specificity, -position, q)
            for position, (media, q) in enumerate(accept)
            for specificity in [3 if media == name else 2 if media == f"{kind}/*" else 1 if media == "*/*" else 0]
            if specificity
        ]
        if not matches:
            continue
        specificity, neg_position, q = max(matches)
        if q <= 0:
            continue
        key = (q, specificity, neg_position, -rank)
        if best is None or key > best:
            best, chosen = key, target
    if chosen is None:
        raise NotAcceptable(form, canonical)
    return chosen


# -- serialisation --------------------------------------------------------------------------------
class _CapReached(Exception):
    """Raised from the sink to stop pyoxigraph (and the query) once the row cap is passed."""


class _CappedLines:
    """A binary sink for pyoxigraph's TSV: keeps the header line and at most ``limit`` row lines.

    TSV escapes line breaks inside terms, so one line is one solution. A byte past the last kept
    line means one more solution exists: the result is truncated, and the sink stops the writer.
    """

    def __init__(self, limit: int) -> None:
        self.chunks: list[bytes] = []
        self.lines_left = limit + 1  # the header, then the rows
        self.truncated = False

    def write(self, data: bytes) -> int:
        if self.truncated:  # pyoxigraph's buffered writer flushes what it holds even after an error
            raise _CapReached
        if not data:
            return 0
        count = data.count(b"\n")
        if count < self.lines_left or (count == self.lines_left and data.endswith(b"\n")):
            self.chunks.append(data)
            self.lines_left -= count
            return len(data)
        end = -1
        for _ in range(self.lines_left):
            end = data.index(b"\n", end + 1)
        self.chunks.append(data[: end + 1])
        self.truncated = True
        raise _CapReached

    def flush(self) -> None:
        pass


def _link(limit: int) -> str:
    return f"{TRUNCATED_LINK}?limit={limit}"


def serialise_solutions(solutions: ox.QuerySolutions, media_type: str, limit: int) -> tuple[bytes, int, bool]:
    """SELECT rows in one of :data:`RESULT_TYPES`, at most ``limit`` of them: (body, rows, truncated)."""
    sink = _CappedLines(limit)
    with contextlib.suppress(_CapReached):
        solutions.serialize(sink, format=ox.QueryResultsFormat.TSV)  # type: ignore[arg-type]  # only write()
    tsv = b"".join(sink.chunks)
    rows = tsv.count(b"\n") - 1
    if media_type == "text/tab-separated-values":
        return tsv, rows, sink.truncated
    capped = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    body = capped.serialize(format=_RESULT_FORMATS[media_type]) or b""
    if sink.truncated and media_type == "application/sparql-results+json":
        # pyoxigraph writes no head.link: add it as the head's first key.
        head = b'{"head":{'
        body = head + b'"link":' + json.dumps([_link(limit)]).encode() + b"," + body.removeprefix(head)
    elif sink.truncated and media_type == "application/sparql-results+xml":
        # The results schema puts <link> after the <variable> elements, at the end of <head>.
        body = body.replace(b"</head>", f"<link href={quoteattr(_link(limit))}/></head>".encode(), 1)
    return body, rows, sink.truncated


def serialise_boolean(answer: ox.QueryBoolean, media_type: str) -> bytes:
    """An ASK answer in one of :data:`RESULT_TYPES`."""
    if media_type in ("text/csv", "text/tab-separated-values"):
        # Ours: a header line, as for any other table (pyoxigraph writes the bare value).
        text = "true" if answer else "false"
        return f"_askResult\r\n{text}\r\n".encode() if media_type == "text/csv" else f"?_askResult\n{text}\n".encode()
    return answer.serialize(format=_RESULT_FORMATS[media_type]) or b""


def serialise_triples(
    triples: Iterable[ox.Triple], media_type: str, extra_prefixes: dict[str, str] | None = None
) -> bytes:
    """Triples in one of :data:`GRAPH_TYPES`, with the AnkleKG prefixes where the syntax has them."""
    fmt = _RDF_FORMATS[media_type]
    prefixes = {**PREFIXES, **(extra_prefixes or {})} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""


def serialise_triples_capped(triples: Iterator[ox.Triple], media_type: str, limit: int) -> tuple[bytes, int, bool]:
    """CONSTRUCT/DESCRIBE triples, at most ``limit`` of them: (body, triples, truncated)."""
    kept = list(itertools.islice(triples, limit))
    truncated = next(triples, None) is not None
    body = serialise_triples(kept, media_type)
    if truncated:
        note = f"AnkleKG: result truncated at the row cap of {limit} triples; see the X-AnkleKG-Result-* headers"
        if media_type in ("text/turtle", "application/n-triples"):
            body = f"# {note}\n".encode() + body
        elif media_type == "application/rdf+xml" and body.startswith(b"<?xml"):
            end = body.index(b"?>") + 2
            body = body[:end] + f"\n<!-- {note} -->".encode() + body[end:]
    return body, len(kept), truncated
