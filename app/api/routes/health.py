"""Liveness and what is loaded."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from ..deps import KnowledgeGraphDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    counts: dict[str, int]
    validation: dict[str, int] | None
    load_seconds: float
    answer_cache: dict[str, int] | None = None


@router.get("/health", response_model=Health)
async def read_health(request: Request, kg: KnowledgeGraphDep) -> Health:
    """Service status, ontology version, graph sizes and validation counts.

    Async and computed once (the graph is immutable): under load a health probe must not queue behind
    the thread pool, nor count the graph on every call."""
    cached: Health | None = getattr(request.app.state, "health", None)
    if cached is None:
        validation = None
        if kg.validation is not None:
            validation = kg.validation.counts()["by_severity"]
        cached = Health(
            status="ok",
            version=kg.version,
            counts=kg.counts(),
            validation=validation,
            load_seconds=round(kg.load_seconds, 3),
        )
        request.app.state.health = cached
    cache = getattr(request.app.state, "answer_cache", None)
    return cached.model_copy(update={"answer_cache": cache.stats() if cache is not None else None})
