"""Liveness and what is loaded."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from app.api.deps import KnowledgeGraphDep

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    counts: dict[str, int]
    validation: dict[str, int] | None
    load_seconds: float


@router.get("/health", response_model=Health)
def read_health(kg: KnowledgeGraphDep) -> Health:
    """Service status, ontology version, graph sizes and validation counts."""
    validation = None
    if kg.validation is not None:
        validation = kg.validation.counts()["by_severity"]
    return Health(
        status="ok",
        version=kg.version,
        counts=kg.counts(),
        validation=validation,
        load_seconds=round(kg.load_seconds, 3),
    )
