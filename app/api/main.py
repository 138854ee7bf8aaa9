"""The ASGI application: one AnkleKG loaded once, routers per resource, problem handlers."""

from __future__ import annotations

import asyncio
import gc
import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import ModuleType
from typing import Any, ClassVar

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.datastructures import URLPath
from starlette.middleware.exceptions import ExceptionMiddleware
from starlette.routing import BaseRoute, Match, NoMatchFound
from starlette.types import ASGIApp, Receive, Scope, Send

from ..kg import AnkleKG
from ..models import EDUCATIONAL_NOTICE
from ..settings import Settings
from ..version import __version__
from .answer_cache import AnswerCache
from .edge import Edge
from .guard import RequestGuard, allowed_hosts
from .openapi import install_openapi
from .problems import install_problem_handlers
from .routes import health, impact
from .sparql_runner import SparqlService

DESCRIPTION = f"""
AnkleKG answers questions about the human ankle — its anatomy, what each structure does, and what
happens when one is injured — from a curated, sourced RDF knowledge graph.

Every entity reference is an object with `id` (a CURIE such as `ANKLE:0000016`) and `label`;
every fact carries its sources. Errors are RFC 9457 problem details (`application/problem+json`).
Successful GET answers carry an `ETag` (the release and a hash of the body) and `Cache-Control`; send
`If-None-Match` to get `304 Not Modified` for an answer you already hold. HEAD works wherever GET does.

**{EDUCATIONAL_NOTICE}**
"""


log = logging.getLogger("anklekg")
#: The longest the SPARQL workers wait for the first answer before they start anyway (a server nobody asks yet).
WORKERS_START_WITHIN_S = 1.0


async def _warm(kg: AnkleKG, sparql: SparqlService, routers: LazyRouters) -> None:
    """Read or build, in a thread, what only some answers need (AnkleKG.warm, the routers a start left out and the
    answer models it left unbuilt); then keep it out of the collector's sight too. It starts once the SPARQL workers
    serve: the thread holds the GIL in turns with the event loop, and the first requests after the port opens should
    not share it with this work."""
    await sparql.wait_ready()
    try:
        await asyncio.to_thread(kg.warm)
    except Exception:
        log.exception("warming the graph failed: paths and the differential build what they need on first use")
        raise
    await asyncio.to_thread(LazyRouters.import_all)
    routers.build()  # on the loop: it edits the route list that routing reads
    await asyncio.to_thread(build_deferred_models)
    gc.freeze()


def build_deferred_models() -> list[type[BaseModel]]:
    """Build the answer models a start left unbuilt (``DEFERRED`` in app/models.py: pydantic's ``defer_build``, so
    that the imports before the port opens do not build what the first answer does not need), so that the first
    request for an entity, a page or a diagram does not pay for it. Returns those it built."""
    ours = __name__.split(".")[0]  # app, or anklekg installed
    built: list[type[BaseModel]] = []
    pending: list[type[BaseModel]] = [BaseModel]
    seen: set[type[BaseModel]] = set()
    while pending:
        cls = pending.pop()
        pending.extend(c for c in cls.__subclasses__() if c not in seen)
        seen.add(cls)
        if cls.__module__.split(".")[0] == ours and not cls.__pydantic_complete__:
            cls.model_rebuild()
            built.append(cls)
    return built


def operation_id(route: APIRoute) -> str:
    """Stable operationIds ``tag-name`` for generated clients."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(kg: AnkleKG | None = None, settings: Settings | None = None) -> FastAPI:
    """Build the application; loads the graph at start-up unless one is given."""
    settings = settings or (kg.settings if kg else Settings())
    begin = asyncio.Event()  # the SPARQL workers may start: set by the edge after the first answer (see lifespan)
    direct: dict[tuple[str, str], ASGIApp] = {}  # what the edge answers without routing (filled below)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.answer_cache = AnswerCache(settings.answer_cache_bytes)
        loaded = app.state.kg = kg if kg is not None else AnkleKG.load(settings)
        log.info("graph: %s, %.2f s", loaded.source, loaded.load_seconds)
        # The loaded graph lives as long as the server: move it out of the collector's sight so that
        # full collections do not walk it (p99 of impact fell from ~37 ms to ~4 ms). Done here, when a
        # server starts, not at load: a notebook that loads the library keeps its collector as it was.
        # A snapshot leaves next to no garbage to collect first (the collection cost 60 ms of each start).
        if not loaded.source.startswith("snapshot"):
            gc.collect()
        gc.freeze()
        # The port opens now. The SPARQL workers start (over the snapshot's dataset file when there is one) after
        # the first answer, or a second after the port opens, or at the first query: three processes importing and
        # loading the dataset would take both cores from that answer (docs/performance.md, fifth pass). Then the
        # traversal graph and differential profiles are read or built, and the other routers included, in the
        # background. /health answers 503 "starting" until both are done: readiness probes and the tests wait for
        # its 200.
        timer = asyncio.get_running_loop().call_later(WORKERS_START_WITHIN_S, begin.set)
        app.state.sparql = await SparqlService.start(loaded.dataset_source, loaded.settings, begin)
        app.state.warming = asyncio.create_task(_warm(loaded, app.state.sparql, routers))
        try:
            yield
        finally:
            timer.cancel()
            app.state.warming.cancel()
            await app.state.sparql.close()

    app = FastAPI(
        title="AnkleKG",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        docs_url=None,  # served by routes/pages.py from vendored assets, not from a CDN
        redoc_url=None,
        license_info={
            "name": "Data CC BY 4.0; code MIT",
            "url": "https://creativecommons.org/licenses/by/4.0/",
        },
    )
    # One pure-ASGI middleware does what the stack of six did (HEAD, CORS, standard headers, the request guard, the
    # SPARQL flood refusal, gzip and validators), and answers repeated cached GETs before routing: app/api/edge.py.
    app.add_middleware(
        Edge,
        guard=RequestGuard(
            hosts=allowed_hosts(settings.allowed_hosts, settings.host),
            max_body=settings.max_body_bytes,
            max_sparql_body=settings.max_sparql_body_bytes,
            max_in_flight=settings.max_requests_in_flight,
        ),
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        # what a browser client may read: the release, the validators, and the SPARQL result caps
        expose_headers=[
            "X-AnkleKG-Version", "ETag", "Last-Modified", "Retry-After",
            "X-AnkleKG-Result-Rows", "X-AnkleKG-Result-Limit", "X-AnkleKG-Result-Truncated",
            "X-AnkleKG-Result-Truncated-By", "X-AnkleKG-Result-Max-Bytes",
        ],
        answered=begin,
        direct=direct,
        first_askings={"/v1/impact": impact.answer_directly},  # single-injury answers the snapshot keeps
    )

    install_problem_handlers(app)
    install_openapi(app)

    @app.get("/", tags=["health"], response_model=None)
    def read_index(request: Request) -> dict[str, object] | RedirectResponse:
        """Where to start: links to the API documentation and example questions (a browser asking for HTML is
        sent to the explorer)."""
        accept = request.headers.get("accept", "")
        if "text/html" in accept and "application/json" not in accept:
            return RedirectResponse("/explore", status_code=303)  # relative: never built from the Host header
        return {
            "name": "AnkleKG",
            "version": __version__,
            "notice": EDUCATIONAL_NOTICE,
            "docs": "/docs",
            "explorer": "/explore",
            "openapi": "/openapi.json",
            "examples": [
                "/v1/impact?injured=ATFL",
                "/v1/entities/ATFL",
                "/v1/search?q=talofibular",
            ],
        }

    routers = LazyRouters(app)
    app.state.routers = routers
    direct[("GET", "/sparql")] = direct[("POST", "/sparql")] = _sparql_directly(app, routers)
    complete_openapi = app.openapi

    def openapi() -> dict[str, Any]:  # the document describes every route: build them first
        routers.build()
        return complete_openapi()

    app.openapi = openapi  # type: ignore[method-assign]
    return app


def _sparql_directly(app: FastAPI, routers: LazyRouters) -> ASGIApp:
    """/sparql's GET and POST without FastAPI's routing and dependencies (routes/sparql.py, answer_directly), inside
    the exception handlers routing would have run them in (the problem responses, as Starlette builds them)."""

    async def answer(scope: Scope, receive: Receive, send: Send) -> None:
        routers.build()  # the route's module, and the route the Service Description names itself by
        scope.setdefault("router", app.router)  # as routing sets it: request.url_for reads it
        from .routes.sparql import answer_directly

        await answer_directly(scope, receive, send)

    handlers = {k: v for k, v in app.exception_handlers.items() if k not in (500, Exception)}
    return ExceptionMiddleware(answer, handlers=handlers, debug=app.debug)


class LazyRouters:
    """The routers, in the order routing tries them; a start includes at once only those its first answers need
    (/health and /v1/impact). The others, their modules and what only they import (SPARQL, exports, the explorer's
    pages, diagrams, the quiz...: ~0.08 s of a start's CPU) are built by the warm-up after the port opens, or by the
    first request none of the first routers answers, or when the OpenAPI document is asked for; the routes then
    stand in the same order as if all had been included at once, so routing and the document are the same."""

    #: the routers' modules (app/api/routes/), in routing order
    ORDER = (
        "health", "entities", "search", "impact", "differential", "quiz", "browse", "diagrams", "paths", "analytics",
        "exports", "sparql", "linked_data", "problem_types", "pages",
    )  # fmt: skip
    FIRST: ClassVar[dict[str, ModuleType]] = {"health": health, "impact": impact}

    def __init__(self, app: FastAPI) -> None:
        self.app = app
        self.base = len(app.router.routes)  # the routes before the routers' (the document's, "/")
        self.included: dict[str, list[BaseRoute]] = {}
        for name, module in self.FIRST.items():
            self._include(name, module)
        self.pending: _BuildFirst | None = _BuildFirst(self)
        app.router.routes.append(self.pending)

    @property
    def built(self) -> bool:
        """Every router is included."""
        return self.pending is None

    def _include(self, name: str, module: ModuleType) -> None:
        routes = self.app.router.routes
        before = len(routes)
        self.app.include_router(module.router)
        self.included[name] = routes[before:]

    @staticmethod
    def import_all() -> list[ModuleType]:
        """Import the routers' modules (in a thread, by the warm-up: nothing here touches the running app)."""
        return [importlib.import_module(f"{__package__}.routes.{name}") for name in LazyRouters.ORDER]

    def build(self) -> None:
        """Include the routers not included yet and put every router's routes in routing order (once)."""
        if self.pending is None:
            return
        for name, module in zip(self.ORDER, self.import_all(), strict=True):
            if name not in self.included:
                self._include(name, module)
        routes = self.app.router.routes
        routes[self.base :] = [route for name in self.ORDER for route in self.included[name]]
        self.pending = None
        self.app.router._mark_routes_changed()  # FastAPI keeps state per version of the route list


class _BuildFirst(BaseRoute):
    """The last route until the other routers are built: a request none of the first routers answers (fully) builds
    them, then is routed again, so it finds the route it would have found had they been there from the start."""

    def __init__(self, routers: LazyRouters) -> None:
        self.routers = routers

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        return (Match.FULL if scope["type"] == "http" else Match.NONE), {}

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.routers.build()
        await self.routers.app.router.app(scope, receive, send)
