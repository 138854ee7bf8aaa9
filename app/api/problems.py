"""RFC 9457 problem details for every error, mapped once from domain exceptions.

Every error body is ``application/problem+json`` with ``type``, ``title``, ``status``, ``detail``
(what was wrong and how to fix it) and, where they help, ``parameter``, ``value``,
``suggestions`` or ``errors``. No user input reaches the generic 500 handler by design.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import AmbiguousTerm, AnkleKGError, InvalidArgument, TermNotResolved, UnknownTerm, UnknownView

PROBLEM_JSON = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/anklekg/problems/"
log = logging.getLogger("anklekg.api")


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
        type=PROBLEM_BASE + slug,
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
        errors = []
        every = exc.errors()
        for err in every[:MAX_ERRORS]:
            location = [str(part) for part in err.get("loc", ())]
            where = location[0] if location else "request"
            # A query/path/header parameter is named alone (grade, not grade.0); a body field by its path.
            name = (location[1] if where != "body" and len(location) > 1 else ".".join(location[1:])) or where
            errors.append(
                {
                    "in": where,
                    "parameter": name[:ECHO_CHARS],
                    "value": _jsonable(err.get("input")),
                    "message": err.get("msg", ""),
                }
            )
        summary = "; ".join(f"{e['parameter']}={e['value']!r}: {e['message']}" for e in errors[:3])
        if len(every) > 3:
            summary += f"; and {len(every) - 3} more (see errors)"
        first = errors[0] if errors else {}
        return problem_response(
            request,
            422,
            "invalid-request",
            "Invalid request",
            f"The request does not match the API: {summary}. See /docs for each parameter.",
            parameter=first.get("parameter"),
            value=first.get("value"),
            errors=errors,
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
        response = problem_response(
            request, exc.status_code, f"http-{exc.status_code}", _title(exc.status_code), detail
        )
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
