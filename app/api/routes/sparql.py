"""The SPARQL 1.1 endpoint at /sparql (read-only, offline, with a deadline), its Service
Description, the example queries and the query page for people."""

from __future__ import annotations

import re
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel
from starlette.types import Receive, Scope, Send

from ...models import MAX_PAGE, Page, page_links
from ...sparql.dataset import ASSERTED_GRAPH, INFERRED_GRAPH, parse_dataset_option
from ...sparql.description import SD_PREFIXES, service_description
from ...sparql.engine import QueryRequest
from ...sparql.examples import EXAMPLES
from ...sparql.protocol import ProtocolError, parse_protocol
from ...sparql.results import (
    GRAPH_TYPES,
    RESULT_TYPES,
    NotAcceptable,
    choose_media_type,
    parse_accept,
    serialise_triples,
)
from ..answer_cache import AnswerCache, answer_response
from ..caching import conditional_response
from ..deps import BaseUrlDep, KnowledgeGraphDep, SparqlDep
from ..negotiation import prefers_html
from ..problems import PROBLEM_JSON, Problem, ProblemError, problem_response
from ..sparql_runner import ClientGone, SparqlService, not_acceptable, result_headers
from .pages import query_page


def _problem_doc(text: str) -> dict[str, Any]:
    return {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": text}


_ALL_TYPES = (*RESULT_TYPES, *GRAPH_TYPES, "text/html")
SPARQL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "Query results (SELECT/ASK: JSON, XML, CSV, TSV; CONSTRUCT/DESCRIBE: Turtle, N-Triples, "
        "JSON-LD, RDF/XML), or without a query the Service Description (or the query page for a browser).",
        "content": {t: {} for t in _ALL_TYPES},
    },
    304: {"description": "Not modified (If-None-Match matched the ETag)."},
    400: _problem_doc("Malformed query (with line and column), missing or doubled query, bad parameter"),
    403: _problem_doc("An update, or SERVICE: this endpoint is read-only and never reaches the network"),
    406: _problem_doc("No acceptable media type for this kind of result"),
    413: _problem_doc("Query too large"),
    415: _problem_doc("POST body is neither a form nor application/sparql-query"),
    429: _problem_doc("This client already runs (and queues) as many queries as one client may; see Retry-After"),
    502: _problem_doc("The external SPARQL store (--sparql-endpoint) answered with an error, or an answer that "
                     "broke off; the detail quotes it"),
    503: _problem_doc("The query exceeded the deadline or the memory limit, was stopped past its fair share while "
                     "other clients waited, too many queries are running, or the external SPARQL store is "
                     "unavailable; see Retry-After"),
}
_PROTOCOL_PARAMETERS = [
    {
        "name": "query",
        "in": "query",
        "required": False,
        "description": "A SPARQL 1.1 query. Without it, GET returns the Service Description.",
        "schema": {"type": "string"},
        "examples": {"labels": {"value": "SELECT ?s ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "
                                          "?label } LIMIT 5"}},
    },
    {
        "name": "default-graph-uri",
        "in": "query",
        "required": False,
        "description": "A graph of the default graph (repeatable); replaces the query's FROM.",
        "schema": {"type": "array", "items": {"type": "string"}},
        "examples": {"inferred": {"value": [INFERRED_GRAPH]}},
    },
    {
        "name": "named-graph-uri",
        "in": "query",
        "required": False,
        "description": "A named graph (repeatable); replaces the query's FROM NAMED.",
        "schema": {"type": "array", "items": {"type": "string"}},
        "examples": {"asserted": {"value": [ASSERTED_GRAPH]}},
    },
    {
        "name": "format",
        "in": "query",
        "required": False,
        "description": "Overrides Accept: json, xml, csv, tsv, turtle, nt, jsonld, rdfxml or a media type.",
        "schema": {"type": "string"},
        "examples": {"csv": {"value": "csv"}},
    },
]  # fmt: skip

router = APIRouter(tags=["sparql"])

#: SPARQL functions whose value differs between two runs of the same query: such answers are never kept.
_VOLATILE = re.compile(r"\b(rand|now|uuid|struuid|bnode)\s*\(", re.IGNORECASE)


def _respond(request: Request, body: bytes, media_type: str, headers: dict[str, str], cache: bool) -> Response:
    """A complete response; cacheable GETs get an ETag and may be answered 304, the rest are never stored."""
    headers = {"Vary": "Accept", **headers}
    if cache:
        return conditional_response(request, body, media_type, headers=headers)
    if media_type.startswith("text/"):
        media_type += "; charset=utf-8"
    return Response(content=body, media_type=media_type, headers={**headers, "Cache-Control": "no-store"})


def _describe_service(
    request: Request, kg: Any, service: SparqlService, media_types: tuple[str, ...] | None
) -> Response:
    accept = tuple((m, 1.0) for m in media_types) if media_types else parse_accept(request.headers.get("accept"))
    try:
        media_type = choose_media_type("graph", accept)
    except NotAcceptable as exc:
        raise not_acceptable(exc) from exc
    extra = [parse_dataset_option(v).graph for v in kg.settings.sparql_datasets]
    endpoint = str(request.url_for("query_get"))
    dataset = kg.dataset if service.upstream is None else None  # an external store's graphs are not ours to count
    body = serialise_triples(service_description(endpoint, dataset, extra), media_type, SD_PREFIXES)
    return _respond(request, body, media_type, {}, cache=True)


def request_base(request: Request) -> str | None:
    """The URL the client used, without query or fragment: what a query's relative IRIs resolve against when it
    has no BASE (SPARQL 1.1 Query section 4.1.1, as Oxigraph's server does). Behind a proxy it is the client's URL:
    the Host header nginx passes on, the scheme of X-Forwarded-Proto from a trusted proxy, the root path."""
    scope = request.scope
    host = next((value for name, value in scope["headers"] if name == b"host"), None)
    # what Starlette's URL is built from, besides the query: the same parts give the same base
    key = (scope.get("scheme", "http"), host, scope.get("server"), scope["path"])
    try:
        return _BASES[key]
    except KeyError:
        pass
    base = str(request.url.replace(query="", fragment=""))
    try:
        found: str | None = ox.NamedNode(base).value
    except ValueError:  # not an IRI (a Host the guard let through may still be odd): relative IRIs stay errors
        found = None
    if len(_BASES) >= _MAX_BASES:  # a few bases in practice (one per Host and scheme): bounded whatever they send
        _BASES.clear()
    _BASES[key] = found
    return found


#: Bases already worked out (building the URL and checking it as an IRI cost ~20 us of every query's ~0.3 ms)
_BASES: dict[tuple[object, ...], str | None] = {}
_MAX_BASES = 256


def _url_query(request: Request) -> str:
    """``request.url.query`` without building the URL: the query string as Starlette decodes it. A query string
    holding what URL splitting would cut or drop (``#``, tabs, line breaks: never in a well-formed request line)
    goes through Starlette's URL, so the two cannot differ."""
    raw: bytes = request.scope.get("query_string", b"")
    query = raw.decode()
    if "#" in query or "\t" in query or "\r" in query or "\n" in query:
        return request.url.query
    return query


#: The functions :data:`_VOLATILE` looks for, lower case: a query naming none of them needs no regular expression.
_VOLATILE_NAMES = ("rand", "now", "uuid", "bnode")


def _volatile(query: str) -> bool:
    """The query may call a function whose value differs between two runs (RAND, NOW, UUID...)."""
    if query.isascii():  # (the expression ignores case the Unicode way: a dotless i matches "i" there)
        lowered = query.lower()
        if not any(name in lowered for name in _VOLATILE_NAMES):
            return False
    return _VOLATILE.search(query) is not None


def _key_bytes(query: QueryRequest) -> int:
    """About what a SPARQL answer's key holds (the query may be 256 KB), counted against the cache's budget: its
    strings, and a few hundred bytes for the rest (as ``len(repr(key))`` would say, without writing the repr)."""
    strings = (query.query, query.base_iri or "", *(query.default_graphs or ()), *(query.named_graphs or ()))
    return sum(map(len, strings)) + 64 * len(query.accept) + 256


async def _answer(request: Request, kg: Any, service: SparqlService, cache: bool) -> Response:
    body = await request.body() if request.method == "POST" else b""
    try:
        parsed = parse_protocol(request.method, _url_query(request), request.headers.get("content-type"), body)
    except ProtocolError as exc:
        raise ProblemError(exc.status, exc.slug, exc.title, exc.detail, parameter=exc.parameter) from exc
    if parsed.query is None:
        if parsed.media_types is None and prefers_html(parse_accept(request.headers.get("accept"))):  # the page
            return query_page()
        return _describe_service(request, kg, service, parsed.media_types)
    if parsed.media_types:
        accept = tuple((m, 1.0) for m in parsed.media_types)
    else:
        accept = parse_accept(request.headers.get("accept"))
    runner = service.runner
    query = QueryRequest(parsed.query, parsed.default_graphs, parsed.named_graphs, accept, runner.max_rows,
                         runner.max_bytes, base_iri=request_base(request))  # fmt: skip
    # A finished answer of a GET over our own immutable dataset is served again from the answer cache, before
    # admission and the worker pool; not an external store's (its data may change), nor a query that differs
    # per run (RAND, NOW, UUID...), nor a failure.
    answers: AnswerCache | None = getattr(request.app.state, "answer_cache", None)
    key = ("sparql", query) if cache and answers is not None and service.upstream is None else None
    if key is not None and _volatile(parsed.query):
        key = None
    if key is not None and answers is not None and (kept := answers.get(key)) is not None:
        return answer_response(request, kept, key=key)
    try:
        result = await service.answer(request, query)
    except ClientGone:
        return Response(status_code=499)  # nobody reads it: the status is for the access log
    headers = result_headers(result)
    if key is not None and answers is not None:
        kept = answers.put(key, result.body, media_type=result.media_type,
                           headers=(("Vary", "Accept"), *headers.items()), key_bytes=_key_bytes(query))  # fmt: skip
        return answer_response(request, kept, key=key)
    return _respond(request, result.body, result.media_type, headers, cache=cache)


async def _answer_or_problem(request: Request, kg: Any, service: SparqlService, cache: bool) -> Response:
    """Problems raised while answering, with their headers (Retry-After on 503)."""
    try:
        return await _answer(request, kg, service, cache)
    except ProblemError as exc:
        extra = dict(exc.extra)
        headers = extra.pop("headers", {})
        response = problem_response(request, exc.status, exc.slug, exc.title, exc.detail, **extra)
        response.headers.update({"Vary": "Accept", "Cache-Control": "no-store", **headers})
        return response


@router.get("/sparql", name="query_get", responses=SPARQL_RESPONSES, openapi_extra={"parameters": _PROTOCOL_PARAMETERS})
async def query_get(request: Request, kg: KnowledgeGraphDep, service: SparqlDep) -> Response:
    """SPARQL 1.1 Protocol query via GET; without `query`, the Service Description (or, for a browser,
    the query page). Results are negotiated by `Accept` (with q-values) or `format`."""
    return await _answer_or_problem(request, kg, service, cache=True)


@router.post(
    "/sparql",
    responses=SPARQL_RESPONSES,
    openapi_extra={
        "requestBody": {
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"]},
                    "example": {"query": "ASK { ?s ?p ?o }"},
                },
            },
            "required": True,
        }
    },
)
async def query_post(request: Request, kg: KnowledgeGraphDep, service: SparqlDep) -> Response:
    """SPARQL 1.1 Protocol query via POST: form-encoded (`query=...`) or the query itself as the body with
    `Content-Type: application/sparql-query`. Updates are refused."""
    return await _answer_or_problem(request, kg, service, cache=False)


async def answer_directly(scope: Scope, receive: Receive, send: Send) -> None:
    """GET or POST /sparql as :func:`query_get` and :func:`query_post` answer them, as a plain ASGI app that the
    HTTP edge calls without FastAPI's routing and dependency solving (a third of a never-seen query's Python in
    the server: docs/performance.md, fifth pass); the application wraps it in the same exception handlers."""
    request = Request(scope, receive)
    state = request.app.state
    response = await _answer_or_problem(request, state.kg, state.sparql, cache=scope["method"] == "GET")
    await response(scope, receive, send)


class Example(BaseModel):
    id: str
    title: str
    question: str
    query: str


@router.get("/v1/sparql/examples", response_model=Page[Example], summary="List the example queries")
def list_examples(
    base: BaseUrlDep,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE["examples"], description="Examples per page.", examples=[5])] = 50,
    offset: Annotated[int, Query(ge=0, description="Examples to skip.", examples=[5])] = 0,
) -> Page[Example]:
    """Example queries that answer real questions, with the ankle prefixes declared: a list in the one envelope
    every list of the API uses."""
    chosen = EXAMPLES[offset : offset + limit]
    more = offset + limit < len(EXAMPLES)
    next_url, prev_url = page_links(base, "/v1/sparql/examples", (), limit=limit, offset=offset, more=more)
    return Page[Example](
        items=[Example(id=e.id, title=e.title, question=e.question, query=e.query) for e in chosen],
        total=len(EXAMPLES), limit=limit, offset=offset, next=next_url, prev=prev_url,
    )

