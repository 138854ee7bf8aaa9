"""RFC 9457 problem details for every error, mapped once from domain exceptions.

Every error body is ``application/problem+json`` with ``type``, ``title``, ``status``, ``detail``
(what was wrong and how to fix it) and, where they help, ``parameter``, ``value``,
``suggestions`` or ``errors``. No user input reaches the generic 500 handler by design.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AmbiguousTerm, AnkleKGError, InvalidArgument, TermNotResolved, UnknownTerm, UnknownView

PROBLEM_JSON = "application/problem+json"
#: Problem ``type`` URIs: ``https://w3id.org/anklekg/problems/<slug>``, meant to redirect (as the entity IRIs) to the
#: service's ``/problems/<slug>``, which explains the problem for people (HTML) and programs (JSON).
PROBLEM_BASE = "https://w3id.org/anklekg/problems/"
#: The pydantic error type of an unknown body field (app.api.strict), answered with the field it names
UNKNOWN_FIELD = "unknown_field"
log = logging.getLogger("anklekg.api")


@dataclass(frozen=True)
class ProblemType:
    """One kind of problem the service (or nginx in front of it, deploy/nginx) can answer with: what it means and
    how to fix the request. Published at /problems/<slug>."""

    slug: str
    statuses: tuple[int, ...]
    title: str
    meaning: str
    fix: str


def _types(*entries: tuple[str, tuple[int, ...], str, str, str]) -> dict[str, ProblemType]:
    return {slug: ProblemType(slug, statuses, title, meaning, fix) for slug, statuses, title, meaning, fix in entries}


#: Every problem type an answer can carry, by slug: the one registry the /problems pages, the OpenAPI document and
#: problem_type_uri() read (tests/api/routes/test_problem_types.py checks the code emits no other).
PROBLEM_TYPES: dict[str, ProblemType] = _types(
    ("unknown-entity", (404,), "Unknown entity",
     "No entity has the name, CURIE or IRI given (`parameter` says which argument held it).",
     "Use one of `suggestions` (the closest names), or find the entity with GET /v1/search?q=..."),
    ("ambiguous-name", (400,), "Ambiguous name",
     "The name given is a synonym or abbreviation of several entities.",
     "Give the id (CURIE) of the one you mean; `suggestions` lists the candidates."),
    ("invalid-parameter", (400,), "Invalid parameter value",
     "A parameter is well formed but its value cannot be used here (a class that is not one, grades that do not "
     "match the injuries, a format that is not offered).",
     "Read `detail`: it names the parameter (`parameter`), the value (`value`) and what would be accepted."),
    ("invalid-request", (400, 422), "Invalid request",
     "The request does not match the API: a parameter of the wrong type or out of its bounds (a `limit` over the "
     "maximum says the maximum), a missing parameter, an unknown query parameter or body field (with the name "
     "probably meant), or a body that is not valid JSON.",
     "Each entry of `errors` names where (`in`: query, path, body), the parameter or field and what is wrong; "
     "/docs describes every parameter."),
    ("unsupported-media-type", (415,), "Unsupported media type",
     "The request body's Content-Type is not one this operation reads (JSON bodies: application/json; /sparql: a "
     "form or application/sparql-query).",
     "Send the body with the Content-Type `detail` names."),
    ("unknown-view", (404,), "Unknown view", "No schematic view has this id.", "GET /v1/diagrams lists the views."),
    ("unknown-browse-group", (404,), "Unknown browse group", "No browse group has this id.",
     "GET /v1/browse lists the groups."),
    ("unknown-export", (404,), "Unknown export", "No release artefact has this name.",
     "GET /v1/export lists the artefacts; `suggestions` names them too."),
    ("not-acceptable", (406,), "Not acceptable",
     "None of the media types the Accept header allows is offered for this resource.",
     "Accept one of the types `detail` lists, or name one with `format=`."),
    ("http-404", (404,), "Not Found", "Nothing is served at this path.",
     "The API is described at /docs and /openapi.json; the explorer is at /explore."),
    ("http-405", (405,), "Method Not Allowed", "The path exists but not with this method.",
     "Use a method the Allow header lists."),
    ("http-error", (400,), "Bad request", "The HTTP layer refused the request.", "Read `detail`."),
    ("internal-error", (500,), "Internal error",
     "The service failed to answer: a bug in AnkleKG, not in the request.",
     "Report it with the request that caused it; retrying will not help."),
    ("malformed-request", (400,), "Malformed HTTP request",
     "The request is not valid HTTP/1.1; the connection is closed.", "Fix the client, or use a standard one."),
    ("invalid-host", (400,), "Invalid Host header", "The Host header is missing or malformed.",
     "Send the host name the service is reached by."),
    ("unknown-host", (400,), "Unknown host",
     "The Host header names a host this service does not answer for (--allowed-host).",
     "Reach the service by one of its names, or start it with --allowed-host NAME."),
    ("busy", (503,), "Service busy",
     "More requests (or SPARQL queries) are waiting than the service takes at once.",
     "Retry after the seconds Retry-After gives."),
    ("starting", (503,), "Service starting",
     "GET /health only: the port is open, but the SPARQL workers, or the traversal graph and differential profiles "
     "read after the port opens, are not ready yet (`errors` says which); the REST answers already work.",
     "Retry after the seconds Retry-After gives; readiness probes wait for /health's 200."),
    ("body-too-large", (413,), "Request body too large",
     "The body is over the limit for this path (ANKLEKG_MAX_BODY_BYTES, 64 KiB; 1 MiB on /sparql).",
     "Send a smaller body: for many injuries, ask in several requests; narrow a large SPARQL query."),
    ("uri-too-long", (414,), "Request line too long",
     "The request target is over the limit (784 KiB at the service, 32 KiB at the nginx of deploy/).",
     "Send a long SPARQL query by POST instead of in the URL."),
    ("header-too-large", (431,), "Request header too large", "The header section is over 64 KiB.",
     "Send fewer or shorter headers."),
    ("request-timeout", (408,), "Request timeout",
     "The request's head or body did not arrive within the service's deadlines (ANKLEKG_HEADER_TIMEOUT, "
     "ANKLEKG_BODY_TIMEOUT).", "Send the whole request promptly."),
    ("malformed-query", (400,), "Malformed query", "The SPARQL query does not parse; `detail` gives line and column.",
     "Fix the query at the place `detail` names."),
    ("query-too-deep", (400,), "Query nested too deeply", "The query nests `{`, `(` or `[` more than 256 deep.",
     "Flatten the query."),
    ("query-too-large", (413,), "Query too large", "The SPARQL query is over 256 KB.", "Send a shorter query."),
    ("invalid-encoding", (400,), "Invalid encoding", "The query is not UTF-8.", "Encode the query as UTF-8."),
    ("read-only", (403,), "Operation not allowed", "SPARQL Update is refused: the endpoint is read-only.",
     "Query with SELECT, ASK, CONSTRUCT or DESCRIBE; load your own data with anklekg serve --dataset."),
    ("no-federation", (403,), "Operation not allowed",
     "SERVICE (and FROM of a graph not loaded) is refused: the endpoint never reaches the network.",
     "Query the graphs that are loaded; add yours with anklekg serve --dataset FILE=IRI."),
    ("too-many-queries", (429,), "Too many queries from this client",
     "This client already runs, and queues, as many SPARQL queries as one client may.",
     "Wait for an answer before sending the next query; retry after Retry-After."),
    ("query-timeout", (503,), "Query timeout", "The SPARQL query ran past its deadline (10 s) and was stopped.",
     "Narrow the query (a LIMIT, a more selective pattern); retry after Retry-After."),
    ("query-preempted", (503,), "Query stopped for others",
     "The query held a worker past its fair share while other clients waited, and was stopped.",
     "Retry after Retry-After; a long query runs to its deadline when nobody waits."),
    ("out-of-memory", (503,), "Query needed too much memory",
     "The query needed more memory than a query worker may use (ANKLEKG_SPARQL_WORKER_MEMORY_MB).",
     "Narrow the query (fewer rows, no large cross products)."),
    ("query-failed", (503,), "Query failed", "The query worker failed while answering.",
     "Retry after Retry-After; report it if it keeps failing."),
    ("store-unavailable", (503,), "SPARQL store unavailable",
     "The external SPARQL store (--sparql-endpoint) could not be reached.", "Retry after Retry-After."),
    ("store-error", (502,), "SPARQL store error",
     "The external SPARQL store answered with an error, or an answer that broke off; `detail` quotes it.",
     "Read `detail`; retry later if the store was failing."),
    ("result-truncated", (200,), "Result truncated",
     "Not an error: a SPARQL result was cut at the row or byte cap; the X-AnkleKG-Result-* headers and the "
     "result's link say so.", "Narrow the query or page it with LIMIT and OFFSET."),
    ("bad-request", (400,), "Bad request",
     "Answered by the nginx of deploy/: a malformed request line or Host, or a header over 32 KiB.",
     "Fix the request; send a long query by POST."),
    ("not-found", (404,), "Not found", "Answered by the nginx of deploy/ for its own internal paths.",
     "The API is described at /docs and /openapi.json."),
    ("no-replica", (502,), "Service unavailable",
     "Answered by the nginx of deploy/: no replica of the service answered.", "Retry after Retry-After."),
    ("replica-timeout", (504,), "Replica did not answer in time",
     "Answered by the nginx of deploy/: the replica did not answer within 15 s.",
     "Retry; narrow a SPARQL query that keeps timing out."),
)  # fmt: skip


def problem_type_uri(slug: str) -> str:
    """The ``type`` URI of a registered problem type (a slug missing from PROBLEM_TYPES is a bug: KeyError)."""
    return PROBLEM_BASE + PROBLEM_TYPES[slug].slug


class Problem(BaseModel):
    """An RFC 9457 problem details object."""

    type: str = Field(examples=[PROBLEM_BASE + "unknown-entity"])
    title: str = Field(examples=["Unknown entity"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["No entity is named 'ATFX'. Did you mean: ATFL (anterior talofibular ligament)?"])
    instance: str | None = None
    parameter: str | None = None
    value: Any = None
    suggestions: list[dict[str, str]] | None = None
    errors: list[dict[str, Any]] | None = None


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": text}
    for code, text in {
        400: "Bad parameter value (names the parameter and the value)",
        404: "Unknown entity, with suggestions",
        422: "Malformed request (each error names the parameter)",
    }.items()
}


class ProblemError(Exception):
    """Raise from a route to answer with a specific problem."""

    def __init__(self, status: int, slug: str, title: str, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.status, self.slug, self.title, self.detail, self.extra = status, slug, title, detail, extra


def problem_response(request: Request, status: int, slug: str, title: str, detail: str, **extra: Any) -> JSONResponse:
    body = Problem(
        type=problem_type_uri(slug),
        title=title,
        status=status,
        detail=detail,
        instance=request.url.path,
        **extra,
    )
    return JSONResponse(body.model_dump(exclude_none=True), status_code=status, media_type=PROBLEM_JSON)


def _unknown_term(exc: UnknownTerm) -> tuple[str, dict[str, Any]]:
    names = ", ".join(f"{t.label} ({t.id})" for t in exc.suggestions)
    hint = f" Did you mean: {names}?" if names else " Try /v1/search?q=... to find the right name."
    return f"No entity is named {exc.ref!r}.{hint}", _term_extras(exc)


def _ambiguous_term(exc: AmbiguousTerm) -> tuple[str, dict[str, Any]]:
    names = "; ".join(f"{t.label} ({t.id})" for t in exc.candidates)
    return f"{exc.ref!r} names several entities: {names}. Use the id of the one you mean.", _term_extras(exc)


def _term_extras(exc: TermNotResolved) -> dict[str, Any]:
    return {
        "parameter": exc.parameter,
        "value": exc.ref,
        "suggestions": [{"id": t.id, "label": t.label} for t in exc.terms],
    }


def _invalid_argument(exc: InvalidArgument) -> tuple[str, dict[str, Any]]:
    detail = f"Parameter {exc.parameter!r} has value {exc.value!r}: {exc.detail}"
    return detail, {"parameter": exc.parameter, "value": exc.value}


def _unknown_view(exc: UnknownView) -> tuple[str, dict[str, Any]]:
    views = ", ".join(exc.views)
    return f"No schematic view is called {exc.view!r}; the views are: {views} (GET /v1/diagrams lists them).", {
        "parameter": "view",
        "value": exc.view,
    }


@dataclass(frozen=True)
class ProblemKind:
    """How one class of domain error is answered: status, ``type`` slug, title, and the detail
    text with the extra members (parameter, value, suggestions) read from the exception."""

    status: int
    slug: str
    title: str
    describe: Callable[[Any], tuple[str, dict[str, Any]]]


#: Every domain error a request can raise, by class (a subclass answers as its nearest listed base:
#: Starlette looks handlers up along the MRO).
PROBLEM_KINDS: dict[type[AnkleKGError], ProblemKind] = {
    UnknownTerm: ProblemKind(404, "unknown-entity", "Unknown entity", _unknown_term),
    AmbiguousTerm: ProblemKind(400, "ambiguous-name", "Ambiguous name", _ambiguous_term),
    InvalidArgument: ProblemKind(400, "invalid-parameter", "Invalid parameter value", _invalid_argument),
    UnknownView: ProblemKind(404, "unknown-view", "Unknown view", _unknown_view),
}


def _answer_with(kind: ProblemKind) -> Callable[[Request, Exception], Awaitable[JSONResponse]]:
    async def handler(request: Request, exc: Exception) -> JSONResponse:
        detail, extra = kind.describe(exc)
        return problem_response(request, kind.status, kind.slug, kind.title, detail, **extra)

    return handler


def install_problem_handlers(app: FastAPI) -> None:
    """Map every exception the service can raise to a problem response, once."""
    for cls, kind in PROBLEM_KINDS.items():
        app.add_exception_handler(cls, _answer_with(kind))

    @app.exception_handler(ProblemError)
    async def problem_error(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(request, exc.status, exc.slug, exc.title, exc.detail, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def request_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        every = exc.errors()
        refused = _body_refused(request, every)
        if refused is not None:
            return refused
        errors = [_error_entry(err) for err in every[:MAX_ERRORS]]
        summary = "; ".join(f"{e['parameter']}={e['value']!r}: {e['message']}" for e in errors[:3])
        if len(every) > 3:
            summary += f"; and {len(every) - 3} more (see errors)"
        first = errors[0] if errors else {}
        suggestion = next((e.pop("suggestion") for e in errors if e.get("suggestion")), None)
        for e in errors:
            e.pop("suggestion", None)
        return problem_response(
            request,
            422,
            "invalid-request",
            "Invalid request",
            f"The request does not match the API: {summary}. See /docs for each parameter.",
            parameter=first.get("parameter"),
            value=first.get("value"),
            errors=errors,
            suggestions=[{"id": suggestion, "label": suggestion}] if suggestion else None,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "HTTP error"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"No resource at {request.url.path}. The API is described at /docs and /openapi.json."
        headers = dict(exc.headers or {})
        if exc.status_code == 405:
            allowed = _allowed_methods(request)
            headers["Allow"] = ", ".join(allowed)
            detail = f"{request.method} is not allowed on {request.url.path}; use {' or '.join(allowed)}."
        slug = f"http-{exc.status_code}" if f"http-{exc.status_code}" in PROBLEM_TYPES else "http-error"
        response = problem_response(request, exc.status_code, slug, _title(exc.status_code), detail)
        response.headers.update(headers)
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return problem_response(
            request,
            500,
            "internal-error",
            "Internal error",
            "The service failed to answer this request. This is a bug in AnkleKG, not in your request; "
            "please report it.",
        )


def _error_entry(err: Any) -> dict[str, Any]:
    """One entry of a 422's ``errors``: where, which parameter or field, the value (an excerpt) and what is wrong."""
    location = [str(part) for part in err.get("loc", ())]
    where = location[0] if location else "request"
    message = err.get("msg", "")
    value = _jsonable(err.get("input"))
    suggestion = None
    if err.get("type") == UNKNOWN_FIELD:  # app.api.strict: the unknown field is named in ctx, not in loc
        ctx = err.get("ctx", {})
        location.append(str(ctx.get("field")))
        given = err.get("input")
        value = _jsonable(given.get(ctx.get("field"))) if isinstance(given, dict) else None
        suggestion = ctx.get("suggestion")
    # A query/path/header parameter is named alone (grade, not grade.0); a body field by its path.
    name = (location[1] if where != "body" and len(location) > 1 else ".".join(location[1:])) or where
    return {"in": where, "parameter": name[:ECHO_CHARS], "value": value, "message": message, "suggestion": suggestion}


def _body_refused(request: Request, errors: Sequence[Any]) -> JSONResponse | None:
    """The body as a whole is unusable: not JSON at all, sent as another media type, or missing. Said so plainly
    (a JSON syntax error once came out as ``parameter: "0"``, the position of the error)."""
    if not any(tuple(e.get("loc", ()))[:1] == ("body",) for e in errors):
        return None
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    json_types = ("application/json",)
    if media and media not in json_types and not media.endswith("+json"):
        return problem_response(
            request, 415, "unsupported-media-type", "Unsupported media type",
            f"The body was sent as {media!r}; {request.method} {request.url.path} reads a JSON object: send it "
            "with Content-Type: application/json.",
            parameter="Content-Type", value=media,
        )  # fmt: skip
    for e in errors:
        if e.get("type") == "json_invalid":
            position = tuple(e.get("loc", ()))[1:2]
            where = f" at character {position[0]}" if position else ""
            reason = (e.get("ctx") or {}).get("error", "it does not parse")
            return problem_response(
                request, 422, "invalid-request", "Invalid request",
                f"The body is not valid JSON{where} ({reason}). Send a JSON object, as in the examples at /docs.",
                parameter="body", errors=[{"in": "body", "parameter": "body", "value": None,
                                           "message": f"not valid JSON{where}: {reason}"}],
            )  # fmt: skip
        if tuple(e.get("loc", ())) == ("body",) and e.get("type") == "missing":
            return problem_response(
                request, 422, "invalid-request", "Invalid request",
                f"{request.method} {request.url.path} needs a JSON object as its body, and the request has none.",
                parameter="body", errors=[{"in": "body", "parameter": "body", "value": None, "message": "missing"}],
            )  # fmt: skip
    return None


def _allowed_methods(request: Request) -> list[str]:
    """Every method the API documents at this path.

    Starlette's own 405 names only the first matching route's methods; the OpenAPI document knows
    them all, so the Allow header is built from it (compiled once per application).
    """
    table: list[tuple[re.Pattern[str], set[str]]] | None = getattr(request.app.state, "allow_table", None)
    if table is None:
        table = []
        for template, operations in request.app.openapi()["paths"].items():
            regex = re.sub(r"\\\{[^}:]+:path\\\}", ".+", re.escape(template))
            regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", regex)
            table.append((re.compile(f"^{regex}$"), {m.upper() for m in operations}))
        request.app.state.allow_table = table
    methods: set[str] = set()
    for pattern, allowed in table:
        if pattern.match(request.url.path):
            methods |= allowed
    if "GET" in methods:
        methods.add("HEAD")
    return sorted(methods) or ["GET"]


def _title(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


#: How much of a bad input an error echoes: enough to recognise it, never the whole of a large body.
ECHO_CHARS = 120
ECHO_ITEMS = 5
MAX_ERRORS = 20


def _jsonable(value: Any, depth: int = 0) -> Any:
    """The input as JSON, cut to an excerpt: long strings, long lists and deep nesting are shortened."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)  # NaN or Infinity in a JSON number: echo it as text, never a 500
    if value is None or isinstance(value, int | float | bool):
        return value
    if isinstance(value, str):
        return value if len(value) <= ECHO_CHARS else f"{value[:ECHO_CHARS]}… ({len(value)} characters)"
    if depth >= 2:
        return f"({type(value).__name__} not shown)"
    if isinstance(value, list | tuple):
        shown = [_jsonable(v, depth + 1) for v in value[:ECHO_ITEMS]]
        return shown + ([f"… {len(value) - ECHO_ITEMS} more"] if len(value) > ECHO_ITEMS else [])
    if isinstance(value, dict):
        items = list(value.items())
        shown_items = {str(k)[:ECHO_CHARS]: _jsonable(v, depth + 1) for k, v in items[:ECHO_ITEMS]}
        if len(items) > ECHO_ITEMS:
            shown_items["…"] = f"{len(items) - ECHO_ITEMS} more keys"
        return shown_items
    return _jsonable(str(value), depth)
