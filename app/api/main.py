"""The ASGI application: one AnkleKG loaded once, routers per resource, problem handlers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import APIRoute
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import __version__
from app.api.caching import ConditionalGetMiddleware
from app.api.problems import install_problem_handlers
from app.api.routes import (
    analytics,
    differential,
    entities,
    explorer,
    exports,
    health,
    impact,
    linked_data,
    paths,
    search,
    sparql,
)
from app.kg import AnkleKG
from app.models import EDUCATIONAL_NOTICE
from app.settings import Settings

DESCRIPTION = f"""
AnkleKG answers questions about the human ankle — its anatomy, what each structure does, and what
happens when one is injured — from a curated, sourced RDF knowledge graph.

Every entity reference is an object with `id` (a CURIE such as `ANKLE:0000016`) and `label`;
every fact carries its sources. Errors are RFC 9457 problem details (`application/problem+json`).
Successful GET answers carry an `ETag` (the release and a hash of the body) and `Cache-Control`; send
`If-None-Match` to get `304 Not Modified` for an answer you already hold. HEAD works wherever GET does.

**{EDUCATIONAL_NOTICE}**
"""


class VersionHeaderMiddleware:
    """Adds X-AnkleKG-Version to every HTTP response (plain ASGI: no BaseHTTPMiddleware overhead)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_version(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message).append("X-AnkleKG-Version", __version__)
            await send(message)

        await self.app(scope, receive, send_with_version)


class HeadAsGetMiddleware:
    """Answers HEAD as GET without the body (RFC 9110 section 9.3.2): the same status and headers.

    FastAPI routes accept only the methods they declare, so without this every HEAD was a 405 whose
    Allow header itself offered HEAD; link checkers, caches revalidating and `curl -I` use it.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_without_body)


def operation_id(route: APIRoute) -> str:
    """Stable operationIds ``tag-name`` for generated clients."""
    return f"{route.tags[0]}-{route.name}" if route.tags else route.name


def create_app(kg: AnkleKG | None = None, settings: Settings | None = None) -> FastAPI:
    """Build the application; loads the graph at start-up unless one is given."""
    settings = settings or (kg.settings if kg else Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.kg = kg if kg is not None else AnkleKG.load(settings)
        yield

    app = FastAPI(
        title="AnkleKG",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        license_info={
            "name": "Data CC BY 4.0; code MIT",
            "url": "https://creativecommons.org/licenses/by/4.0/",
        },
    )
    app.add_middleware(ConditionalGetMiddleware)  # innermost: validators are computed on the uncompressed body
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    app.add_middleware(VersionHeaderMiddleware)
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "HEAD", "POST", "OPTIONS"],
        allow_headers=["*"],
        expose_headers=["X-AnkleKG-Version"],
    )
    app.add_middleware(HeadAsGetMiddleware)

    install_problem_handlers(app)

    @app.get("/", tags=["health"])
    def read_index() -> dict[str, object]:
        """Where to start: links to the API documentation and example questions."""
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

    for module in (
        health,
        entities,
        search,
        impact,
        differential,
        paths,
        analytics,
        exports,
        sparql,
        linked_data,
        explorer,
    ):
        app.include_router(module.router)
    return app
