"""Graph analytics for researchers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from ...models import MAX_PAGE
from ...reasoning.criticality import CriticalityReport
from ..deps import BaseUrlDep, KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..responses import ModelResponse
from ..strict import known_query_parameters

router = APIRouter(
    prefix="/v1/analytics",
    tags=["analytics"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


@router.get("/criticality", response_model=CriticalityReport)
def read_criticality(
    kg: KnowledgeGraphDep,
    base: BaseUrlDep,
    type: Annotated[
        list[str] | None,
        Query(description="Only structures of this class (e.g. Ligament); repeatable.", examples=["Ligament"]),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE["criticality"], description="Structures per page.")] = 20,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Structures to skip.")] = 0,
) -> ModelResponse:
    """Rank structures by how much their injury disturbs (the breadth of its impact), with betweenness
    centrality (networkx)."""
    types = kg.resolve_classes(type) if type else None
    return ModelResponse(kg.criticality(types=types, limit=limit, offset=offset, base=base))
