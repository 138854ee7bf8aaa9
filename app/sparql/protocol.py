"""The SPARQL 1.1 Protocol for queries: what a GET, a form POST or a direct POST asks for.

Kept apart from the engine and the worker pool because it is pure request parsing: the query text,
``default-graph-uri`` / ``named-graph-uri`` (the protocol's dataset), the non-standard ``format``
parameter that overrides Accept, and the refusals the protocol itself decides (an update request,
an oversized or non-UTF-8 body, a missing or doubled query). Nothing here runs a query.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from urllib.parse import unquote

from .results import GRAPH_TYPES, RESULT_TYPES

__all__ = ["FORMATS", "MAX_QUERY_BYTES", "ProtocolError", "ProtocolRequest", "parse_protocol"]

MAX_QUERY_BYTES = 256 * 1024

#: Values of the non-standard ``format`` parameter (for links and browsers that cannot set Accept).
FORMATS = {
    "json": "application/json",
    "xml": "application/xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
}


class ProtocolError(Exception):
    """A request that breaks the SPARQL Protocol; names the parameter at fault."""

    def __init__(self, status: int, slug: str, title: str, detail: str, parameter: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.slug, self.title, self.detail, self.parameter = status, slug, title, detail, parameter


@dataclass(frozen=True)
class ProtocolRequest:
    """What a protocol request asks for; ``query`` is None for a bare GET (service description)."""

    query: str | None
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    media_types: tuple[str, ...] | None  # from ``format``; None means "use Accept"


def _dataset(params: list[tuple[str, str]]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    default = tuple(v for k, v in params if k == "default-graph-uri")
    named = tuple(v for k, v in params if k == "named-graph-uri")
    if not default and not named:
        return None, None
    return default, named


def _format(params: list[tuple[str, str]]) -> tuple[str, ...] | None:
    values = [v for k, v in params if k == "format"]
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(400, "invalid-parameter", "Invalid parameter value", "Give format at most once.", "format")
    value = values[0].strip().lower()
    if value in FORMATS:
        return (FORMATS[value],)
    if value in RESULT_TYPES or value in GRAPH_TYPES:
        return (value,)
    raise ProtocolError(
        400,
        "invalid-parameter",
        "Invalid parameter value",
        f"format={values[0]!r} is not a format this endpoint writes; use one of {', '.join(sorted(FORMATS))} "
        "or a media type, or leave it out and send an Accept header.",
        "format",
    )


def _decode(data: bytes, what: str) -> str:
    if len(data) > MAX_QUERY_BYTES:
        raise ProtocolError(413, "query-too-large", "Query too large", f"The {what} exceeds {MAX_QUERY_BYTES} bytes.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(
            400, "invalid-encoding", "Invalid encoding", f"The {what} is not UTF-8: {exc}.", "query"
        ) from exc


def _read_only(parameter: str) -> ProtocolError:
    return ProtocolError(
        403,
        "read-only",
        "Read-only endpoint",
        "This endpoint is read-only and never runs SPARQL Update. Load AnkleKG into your own store "
        "(downloads at /v1/export) to modify it.",
        parameter,
    )


def parse_qsl(query: str) -> list[tuple[str, str]]:
    """``urllib.parse.parse_qsl(query, keep_blank_values=True)``, the same pairs, with the percent-decoding done in C:
    a query's text is mostly escapes, and the standard library decodes them one by one in Python (~25 us of a
    cheap query's ~0.3 ms in the server)."""
    pairs = []
    for name_value in query.split("&") if query else ():
        if not name_value:
            continue
        name, _, value = name_value.partition("=")
        pairs.append((_unquote(name.replace("+", " ")), _unquote(value.replace("+", " "))))
    return pairs


def _unquote(text: str) -> str:
    """``urllib.parse.unquote(text)``: ASCII text (what a client sends) through the C escape decoder, each ``%XY``
    written as ``\\xXY`` and each backslash doubled; anything else, or an escape that is not two hex digits (the
    decoder refuses it, where ``unquote`` keeps it as it is), by ``unquote`` itself."""
    if "%" not in text:
        return text
    if text.isascii():
        escaped = text.encode("ascii").replace(b"\\", b"\\\\").replace(b"%", b"\\x")
        try:
            return codecs.escape_decode(escaped)[0].decode("utf-8", "replace")
        except ValueError:
            pass
    return unquote(text)


def parse_protocol(method: str, url_query: str, content_type: str | None, body: bytes) -> ProtocolRequest:
    """Parse a SPARQL 1.1 Protocol query request (GET, form POST or direct POST)."""
    url_params = parse_qsl(url_query)
    media = (content_type or "").split(";")[0].strip().lower()
    if method == "GET":
        params = url_params
        queries = [v for k, v in params if k == "query"]
    elif media == "application/x-www-form-urlencoded":
        params = url_params + parse_qsl(_decode(body, "request body"))
        queries = [v for k, v in params if k == "query"]
    elif media == "application/sparql-query":
        params = url_params
        queries = [v for k, v in params if k == "query"] + [_decode(body, "query")]
    elif media == "application/sparql-update":
        raise _read_only("update")
    else:
        raise ProtocolError(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            f"POST a query as application/x-www-form-urlencoded (query=...) or as application/sparql-query, "
            f"not {media or 'a body without Content-Type'}.",
        )
    if any(k == "update" for k, _ in params):
        raise _read_only("update")
    if len(queries) > 1:
        raise ProtocolError(
            400, "invalid-request", "Invalid request",
            f"The request gives the query {len(queries)} times; give exactly one query.", "query",
        )  # fmt: skip
    if not queries:
        if method == "GET":
            return ProtocolRequest(None, None, None, _format(params))
        raise ProtocolError(
            400, "invalid-request", "Invalid request",
            "The request has no query: send query=... (form) or the query itself as application/sparql-query.",
            "query",
        )  # fmt: skip
    if len(queries[0].encode()) > MAX_QUERY_BYTES:
        raise ProtocolError(413, "query-too-large", "Query too large", f"The query exceeds {MAX_QUERY_BYTES} bytes.")
    if not queries[0].strip():
        raise ProtocolError(400, "invalid-request", "Invalid request", "The query is empty.", "query")
    default, named = _dataset(params)
    return ProtocolRequest(queries[0], default, named, _format(params))
