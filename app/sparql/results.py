"""Which media type answers a query (content negotiation), and the answer's bytes in it.

pyoxigraph writes every format we offer, in its Rust code rather than a Python loop per term;
:mod:`app.sparql.capped` cuts answers at the row and byte caps. Ours, because a client would notice
otherwise: ASK in CSV/TSV, where pyoxigraph writes a bare ``true`` that a CSV reader takes for the
header of an empty table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal as TypingLiteral

import pyoxigraph as ox

from ..errors import AnkleKGError
from ..vocab import PREFIXES

__all__ = [
    "GRAPH_TYPES",
    "RESULT_FORMATS",
    "RESULT_TYPES",
    "TRUNCATED_LINK",
    "Form",
    "NotAcceptable",
    "choose_media_type",
    "parse_accept",
    "serialise_boolean",
    "serialise_triples",
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
RESULT_FORMATS = {
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
def serialise_boolean(answer: ox.QueryBoolean, media_type: str) -> bytes:
    """An ASK answer in one of :data:`RESULT_TYPES`."""
    if media_type in ("text/csv", "text/tab-separated-values"):
        # Ours: a header line, as for any other table (pyoxigraph writes the bare value).
        text = "true" if answer else "false"
        return f"_askResult\r\n{text}\r\n".encode() if media_type == "text/csv" else f"?_askResult\n{text}\n".encode()
    return answer.serialize(format=RESULT_FORMATS[media_type]) or b""


def serialise_triples(
    triples: Iterable[ox.Triple], media_type: str, extra_prefixes: dict[str, str] | None = None
) -> bytes:
    """Triples in one of :data:`GRAPH_TYPES`, with the AnkleKG prefixes where the syntax has them."""
    fmt = _RDF_FORMATS[media_type]
    prefixes = {**PREFIXES, **(extra_prefixes or {})} if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    return ox.serialize(triples, format=fmt, prefixes=prefixes) or b""
