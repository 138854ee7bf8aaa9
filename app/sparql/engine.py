"""Check and run one read-only SPARQL query: the code both the HTTP endpoint (in its worker
processes) and the Python API (``AnkleKG.sparql``) call.

Safety is decided here, before pyoxigraph sees the text: update operations are refused (the
endpoint is read-only) and ``SERVICE`` is refused (pyoxigraph would fetch it over HTTP). ``FROM``
and ``FROM NAMED`` only ever select graphs already in the store: pyoxigraph does not fetch them
(rdflib would). The worker processes additionally forbid themselves internet sockets
(:mod:`app.sparql.netguard`), so a query that slipped past the lexical check still cannot fetch.
Serialisation and content negotiation live in :mod:`app.sparql.results`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from app.sparql.results import (
    Form,
    choose_media_type,
    serialise_boolean,
    serialise_solutions,
    serialise_triples_capped,
)

__all__ = ["InvalidQuery", "QueryRefused", "QueryRequest", "QueryResult", "check_query", "execute", "run_query"]

_UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


class InvalidQuery(ValueError):
    """The text is not a SPARQL 1.1 query; carries the line and column pyoxigraph reported."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class QueryRefused(ValueError):
    """A well-formed request this read-only, offline endpoint will not run (update, SERVICE)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


@dataclass(frozen=True)
class QueryRequest:
    """One protocol request, already parsed: query text, dataset, acceptable media types, row cap."""

    query: str
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    accept: tuple[tuple[str, float], ...] = (("*/*", 1.0),)
    max_rows: int = 10_000


@dataclass
class QueryResult:
    """A fully materialised answer: nothing is sent before the whole body exists."""

    body: bytes
    media_type: str
    form: Form
    rows: int
    truncated: bool
    limit: int


# -- lexical checks -------------------------------------------------------------------------------
_PN_CHAR = r"(?:\\[_~.\-!$&'()*+,;=/?#@%]|%[0-9A-Fa-f]{2}|[\w\-.:])"
_TOKEN = re.compile(
    r"""
    (?P<comment>\#[^\n\r]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<pname>(?:[A-Za-z][\w\-.]*)?:"""
    + _PN_CHAR
    + r"""*)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


def _keywords(query: str) -> list[str]:
    """The bare words of a query (keywords and function names), outside comments, strings and IRIs."""
    return [m.group("word").upper() for m in _TOKEN.finditer(query) if m.lastgroup == "word"]


def check_query(query: str) -> None:
    """Refuse updates and federation before execution, with a message saying why."""
    words = _keywords(query)
    first = next((w for w in words if w not in ("PREFIX", "BASE")), "")
    if first in _UPDATE_KEYWORDS:
        raise QueryRefused(
            "update",
            f"This endpoint is read-only: {first} is a SPARQL Update operation and is never run. "
            "Load AnkleKG into your own store (see /v1/export) to modify it.",
        )
    if "SERVICE" in words:
        raise QueryRefused(
            "service",
            "SERVICE (federated query) is not allowed: this endpoint never makes network requests. "
            "Run the federated query from your own SPARQL engine, with this endpoint as one of its services.",
        )


# -- execution ------------------------------------------------------------------------------------
_POSITION = re.compile(r"at (?:line )?(\d+):(\d+)")


def _invalid(exc: SyntaxError) -> InvalidQuery:
    message = exc.msg or str(exc)
    match = _POSITION.search(message)
    message = re.sub(r"^error at \d+:\d+:\s*", "", message)
    line = exc.lineno or (int(match.group(1)) if match else None)
    column = exc.offset or (int(match.group(2)) if match else None)
    return InvalidQuery(message, line, column)


def _graph_name(parameter: str, iri: str) -> ox.NamedNode:
    try:
        return ox.NamedNode(iri)
    except ValueError as exc:
        raise InvalidQuery(f"{parameter}={iri!r} is not an absolute IRI: {exc}") from exc


def run_query(
    store: ox.Store,
    query: str,
    *,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Check and run a query; the dataset follows the SPARQL Protocol.

    With neither ``default_graphs`` nor ``named_graphs`` the query's own FROM / FROM NAMED apply
    (graphs of the store; nothing is fetched), else the store's default graph and all named
    graphs. When either is given, it replaces the query's dataset: an absent list is empty.
    """
    check_query(query)
    options: dict[str, object] = {}
    if default_graphs is not None or named_graphs is not None:
        options["default_graph"] = [_graph_name("default-graph-uri", g) for g in default_graphs or ()]
        options["named_graphs"] = [_graph_name("named-graph-uri", g) for g in named_graphs or ()]
    try:
        return store.query(query, **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        raise _invalid(exc) from exc
    except ValueError as exc:  # an invalid graph IRI in the protocol parameters
        raise InvalidQuery(str(exc)) from exc


def execute(store: ox.Store, request: QueryRequest) -> QueryResult:
    """Run ``request`` and return the whole serialised answer (or raise InvalidQuery,
    QueryRefused, NotAcceptable)."""
    result = run_query(store, request.query, default_graphs=request.default_graphs, named_graphs=request.named_graphs)
    limit = request.max_rows
    if isinstance(result, ox.QueryBoolean):
        media_type = choose_media_type("ask", request.accept)
        return QueryResult(serialise_boolean(result, media_type), media_type, "ask", 1, False, limit)
    if isinstance(result, ox.QuerySolutions):
        media_type = choose_media_type("select", request.accept)
        body, rows, truncated = serialise_solutions(result, media_type, limit)
        return QueryResult(body, media_type, "select", rows, truncated, limit)
    media_type = choose_media_type("graph", request.accept)
    body, rows, truncated = serialise_triples_capped(result, media_type, limit)
    return QueryResult(body, media_type, "graph", rows, truncated, limit)
