"""Dependencies shared by the routers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from ..kg import AnkleKG
from .sparql_runner import SparqlService


async def get_kg(request: Request) -> AnkleKG:
    """The AnkleKG loaded once by the application's lifespan (async: no thread-pool hop)."""
    return request.app.state.kg  # type: ignore[no-any-return]


KnowledgeGraphDep = Annotated[AnkleKG, Depends(get_kg)]


async def get_sparql(request: Request) -> SparqlService:
    """The SPARQL worker pool the application's lifespan started (and stops at shutdown)."""
    return request.app.state.sparql  # type: ignore[no-any-return]


SparqlDep = Annotated[SparqlService, Depends(get_sparql)]


async def get_base_url(request: Request) -> str:
    """The service's absolute root as this request reached it, without a trailing slash: the one way the API
    builds absolute URLs (Starlette's ``base_url``, as VoID and the Service Description do). Behind nginx the
    Host is the client's and the scheme is X-Forwarded-Proto's (uvicorn trusts it from loopback, or from
    FORWARDED_ALLOW_IPS), so every replica writes the same links for the same request."""
    return str(request.base_url).rstrip("/")


BaseUrlDep = Annotated[str, Depends(get_base_url)]
