"""Check and run one read-only SPARQL query: the code both the HTTP endpoint (in its worker
processes) and the Python API (``AnkleKG.sparql``) call.

Refusals. ``SERVICE`` is refused before pyoxigraph sees the query, because pyoxigraph would fetch
it over HTTP. A query that mentions "service" at all is parsed (rdflib's SPARQL grammar) and refused
if its parse tree holds a SERVICE pattern, however it is spelt; when rdflib cannot parse it
(pyoxigraph's grammar is laxer: it reads ``SERVICESILENT<…>`` as ``SERVICE SILENT <…>``), it is
refused if "service" appears outside its strings, IRIs, comments and variable names. Updates
cannot run at all (``Store.query`` only parses queries); a text pyoxigraph rejects whose first
keyword is an update operation gets 403 "read-only" rather than 400 "malformed". ``FROM`` and
``FROM NAMED`` only select graphs already in the store: pyoxigraph does not fetch them. The worker
processes also forbid themselves internet sockets (:mod:`app.sparql.netguard`), the second wall.

A query sent to an external store (:mod:`app.sparql.upstream`) gets the same refusals, stricter,
because that store's own endpoint may accept more than queries (some run updates or vendor pragmas
given as ``query=``): :func:`forwarded_form` also refuses an update keyword anywhere in the text and
anything that does not open, after its prologue, with SELECT, CONSTRUCT, DESCRIBE or ASK.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import AnkleKGError
from .capped import JSON_RESULTS, Cap, serialise_solutions, serialise_triples_capped, solutions_as_json
from .results import Form, choose_media_type, serialise_boolean
from .syntax import readable_message

__all__ = ["MAX_NESTING", "InvalidQuery", "QueryRefused", "QueryRequest", "QueryResult", "QueryTooDeep",
           "check_graphs", "check_nesting", "check_query", "execute", "forwarded_form", "invalid_query",
           "run_query"]  # fmt: skip

#: Brackets ({, ( and [) a query may nest. pyoxigraph parses and evaluates recursively: about 3,000
#: nested subqueries overflow a worker's 8 MB stack (a crash, not an error). Real queries nest < 20.
MAX_NESTING = 256

_UPDATE_KEYWORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")


class InvalidQuery(AnkleKGError, ValueError):
    """The text is not a SPARQL 1.1 query; carries the line and column pyoxigraph reported."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class QueryRefused(AnkleKGError, ValueError):
    """A well-formed request this read-only, offline endpoint will not run (update, SERVICE)."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason, self.detail = reason, detail


class QueryTooDeep(InvalidQuery):
    """The query nests brackets deeper than :data:`MAX_NESTING`: refused before any parser sees it."""


@dataclass(frozen=True)
class QueryRequest:
    """One protocol request, already parsed: query text, dataset, acceptable media types, row and byte caps."""

    query: str
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    accept: tuple[tuple[str, float], ...] = (("*/*", 1.0),)
    max_rows: int = 10_000
    max_bytes: int | None = None
    #: What relative IRIs in a query without BASE resolve against: the request's own URL, as the SPARQL Protocol
    #: and Oxigraph's server do (``CONSTRUCT { <s> <p> 1 } WHERE {}``); None leaves them an error.
    base_iri: str | None = None


@dataclass
class QueryResult:
    """A fully materialised answer: nothing is sent before the whole body exists."""

    body: bytes
    media_type: str
    form: Form
    rows: int
    truncated_by: Cap | None
    limit: int
    max_bytes: int | None = None

    @property
    def truncated(self) -> bool:
        return self.truncated_by is not None


# -- refusals -------------------------------------------------------------------------------------
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
_NOT_CODE = {"comment", "string", "iri", "var"}


def _code(query: str) -> str:
    """The query without its comments, strings, IRIs and variable names: where keywords can be."""
    return " ".join(m.group() for m in _TOKEN.finditer(query) if m.lastgroup not in _NOT_CODE)


def _update_keyword(query: str) -> str | None:
    """The update operation the text starts with (after its prologue), if it does, spaces or not."""
    words = (m.group("word").upper() for m in _TOKEN.finditer(query) if m.lastgroup == "word")
    first = next((w for w in words if w not in ("PREFIX", "BASE", "VERSION")), "")
    return next((k for k in _UPDATE_KEYWORDS if first.startswith(k)), None)


def _read_only(keyword: str) -> QueryRefused:
    return QueryRefused(
        "update",
        f"This endpoint is read-only: {keyword} is a SPARQL Update operation and is never run. "
        "Load AnkleKG into your own store (see /v1/export) to modify it.",
    )


def _no_federation(note: str = "") -> QueryRefused:
    return QueryRefused(
        "service",
        f"SERVICE (federated query) is not allowed: this endpoint never makes network requests.{note} "
        "Run the federated query from your own SPARQL engine, with this endpoint as one of its services.",
    )


def _has_service(node: object) -> bool:
    """Whether an rdflib parse tree holds a SERVICE pattern, at any depth."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if isinstance(node, CompValue):
        return node.name == "ServiceGraphPattern" or any(_has_service(v) for v in node.values())
    return isinstance(node, Iterable) and not isinstance(node, str) and any(_has_service(v) for v in node)


def check_nesting(query: str) -> None:
    """Refuse a query nested deeper than :data:`MAX_NESTING`, naming where; brackets in strings,
    IRIs and comments do not count."""
    if sum(query.count(b) for b in "{([") <= MAX_NESTING:
        return
    depth = 0
    for match in _TOKEN.finditer(query):
        if match.lastgroup != "other":
            continue
        depth += 1 if match.group() in "{([" else -1 if match.group() in "})]" else 0
        if depth > MAX_NESTING:
            line = query.count("\n", 0, match.start()) + 1
            column = match.start() - query.rfind("\n", 0, match.start())
            raise QueryTooDeep(
                f"brackets are nested more than {MAX_NESTING} deep; flatten the query "
                "(fewer nested subqueries, groups or parentheses)",
                line,
                column,
            )


def check_query(query: str) -> None:
    """Refuse federation before execution (and updates rdflib cannot parse), saying why."""
    check_nesting(query)
    if "service" not in query.casefold():
        return
    # Imported here: the grammar costs a worker 0.3 s to start, and few queries mention SERVICE.
    from rdflib.plugins.sparql import parser as rdflib_sparql

    try:  # the grammar itself: rdflib's parseQuery would also expand \u escapes, which pyoxigraph does not
        tree = rdflib_sparql.Query.parse_string(query, parse_all=True)
    except Exception:  # not a query rdflib reads: decide without a parse tree, failing closed
        if keyword := _update_keyword(query):
            raise _read_only(keyword) from None
        if "service" in _code(query).casefold():
            raise _no_federation(
                " (The query names SERVICE in a form this endpoint cannot rule out as a federated query, "
                "such as SERVICESILENT without a space.)"
            ) from None
        return
    if _has_service(tree):
        raise _no_federation()


_QUERY_FORMS: dict[str, Form] = {"SELECT": "select", "ASK": "ask", "CONSTRUCT": "graph", "DESCRIBE": "graph"}


def _position(query: str, offset: int) -> tuple[int, int]:
    return query.count("\n", 0, offset) + 1, offset - query.rfind("\n", 0, offset)


def forwarded_form(query: str) -> Form:
    """The form of a query an external store is to run (select, ask or graph), after :func:`check_query`'s
    refusals and two of its own: an update keyword anywhere outside strings, IRIs, comments, names and
    language tags is refused as read-only (a store may run ``query=…; INSERT …``), and the first keyword
    after the prologue must be a query form (a store may honour vendor pragmas such as ``DEFINE``)."""
    check_query(query)
    form: Form | None = None
    previous, in_tag = "", False
    for match in _TOKEN.finditer(query):
        kind, text = match.lastgroup, match.group()
        if kind == "word":  # "@en-GB" is a language tag, not keywords
            in_tag = previous == "@" or (in_tag and previous == "-")
        elif text != "-" and not text.isspace():
            in_tag = False
        if kind == "word" and not in_tag:
            word = text.upper()
            if keyword := next((k for k in _UPDATE_KEYWORDS if word.startswith(k)), None):
                raise _read_only(keyword)
            if form is None and word not in ("PREFIX", "BASE", "VERSION"):
                if word not in _QUERY_FORMS:
                    line, column = _position(query, match.start())
                    raise InvalidQuery(f"expected SELECT, CONSTRUCT, DESCRIBE or ASK, found {text!r}", line, column)
                form = _QUERY_FORMS[word]
        if not text.isspace():
            previous = text
    if form is None:
        raise InvalidQuery("the text holds no query: expected SELECT, CONSTRUCT, DESCRIBE or ASK")
    return form


def check_graphs(default_graphs: Sequence[str] | None, named_graphs: Sequence[str] | None) -> None:
    """Refuse a protocol graph (default-graph-uri, named-graph-uri) that is not an absolute IRI, as the
    engine does, before a store is asked."""
    for parameter, graphs in (("default-graph-uri", default_graphs), ("named-graph-uri", named_graphs)):
        for iri in graphs or ():
            _graph_name(parameter, iri)


# -- execution ------------------------------------------------------------------------------------
_POSITION = re.compile(r"at (?:line )?(\d+):(\d+)")


def invalid_query(
    message: str, line: int | None = None, column: int | None = None, query: str | None = None
) -> InvalidQuery:
    """A parser's message as InvalidQuery, with the position it names ("error at 2:16: ...", Oxigraph's
    form, in process or from its server) when none is given, in words (:mod:`app.sparql.syntax`)."""
    match = _POSITION.search(message)
    message = re.sub(r"^error at \d+:\d+:\s*", "", message)
    line = line or (int(match.group(1)) if match else None)
    column = column or (int(match.group(2)) if match else None)
    return InvalidQuery(readable_message(message, query, line, column), line, column)


def _invalid(exc: SyntaxError, query: str) -> InvalidQuery:
    return invalid_query(exc.msg or str(exc), exc.lineno, exc.offset, query)


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
    base_iri: str | None = None,
) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Check and run a query; the dataset follows the SPARQL Protocol, and relative IRIs resolve against
    ``base_iri`` (the request's URL) unless the query has a BASE of its own.

    With neither ``default_graphs`` nor ``named_graphs`` the query's own FROM / FROM NAMED apply
    (graphs of the store; nothing is fetched), else the store's default graph and all named
    graphs. When either is given, it replaces the query's dataset: an absent list is empty.
    """
    check_query(query)
    options: dict[str, object] = {}
    if default_graphs is not None or named_graphs is not None:
        options["default_graph"] = [_graph_name("default-graph-uri", g) for g in default_graphs or ()]
        options["named_graphs"] = [_graph_name("named-graph-uri", g) for g in named_graphs or ()]
    if base_iri is not None:
        options["base_iri"] = base_iri
    try:
        return store.query(query, **options)  # type: ignore[arg-type]
    except SyntaxError as exc:
        if keyword := _update_keyword(query):
            raise _read_only(keyword) from exc
        raise _invalid(exc, query) from exc
    except ValueError as exc:  # an invalid graph IRI in the protocol parameters
        raise InvalidQuery(str(exc)) from exc


def execute(store: ox.Store, request: QueryRequest) -> QueryResult:
    """Run ``request`` and return the whole serialised answer (or raise InvalidQuery,
    QueryRefused, NotAcceptable)."""
    result = run_query(store, request.query, default_graphs=request.default_graphs, named_graphs=request.named_graphs,
                       base_iri=request.base_iri)  # fmt: skip
    limit, max_bytes = request.max_rows, request.max_bytes
    if isinstance(result, ox.QueryBoolean):
        media_type = choose_media_type("ask", request.accept)
        return QueryResult(serialise_boolean(result, media_type), media_type, "ask", 1, None, limit, max_bytes)
    if isinstance(result, ox.QuerySolutions):
        media_type = choose_media_type("select", request.accept)
        if media_type == JSON_RESULTS:  # the usual type: written once, not as TSV first (capped.solutions_as_json)
            body, rows, cap = solutions_as_json(result, limit, max_bytes)
            return QueryResult(body, media_type, "select", rows, cap, limit, max_bytes)
        body, rows, cap = serialise_solutions(result, media_type, limit, max_bytes)
        return QueryResult(body, media_type, "select", rows, cap, limit, max_bytes)
    media_type = choose_media_type("graph", request.accept)
    body, rows, cap = serialise_triples_capped(result, media_type, limit, max_bytes)
    return QueryResult(body, media_type, "graph", rows, cap, limit, max_bytes)
