"""Graph analytics for researchers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from ...reasoning.criticality import CriticalityReport
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..responses import ModelResponse

router = APIRouter(prefix="/v1/analytics", tags=["analytics"], responses=PROBLEM_RESPONSES)


@router.get("/criticality", response_model=CriticalityReport)
def read_criticality(
    kg: KnowledgeGraphDep,
    type: Annotated[
        list[str] | None,
        Query(description="Only structures of this class (e.g. Ligament); repeatable.", examples=["Ligament"]),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
) -> ModelResponse:
    """Structures ranked by the breadth of their injury's impact, with betweenness centrality (networkx)."""
    types = kg.resolve_classes(type) if type else None
    return ModelResponse(kg.criticality(types=types, limit=limit))
