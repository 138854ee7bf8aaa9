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
        validation = {str(sev): n for sev, n in kg.validation.counts_by_severity().items()}
    return Health(
        status="ok",
        version=kg.version,
        counts=kg.counts(),
        validation=validation,
        load_seconds=round(kg.load_seconds, 3),
    )
