"""Schematic views of the ankle drawn from the graph: every band a ligament, tendon or retinaculum placed by its
attachments, the positions from the layout file (data/diagrams/views.json)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from ...diagrams import Diagram, DiagramList
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..responses import ModelResponse
from ..strict import known_query_parameters

router = APIRouter(
    prefix="/v1/diagrams",
    tags=["diagrams"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


@router.get("", response_model=DiagramList)
async def list_diagrams(
    kg: KnowledgeGraphDep,
    entity: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=500,
            examples=["ATFL"],
            description="Only the views this entity appears in (any name: a band, a structure drawn as its parts, "
            "a bone or a marked landmark), each with what to highlight for it.",
        ),
    ] = None,
) -> ModelResponse:
    """The schematic views (lateral, medial, posterior, anterior), or those an entity appears in."""
    return ModelResponse(kg.diagram_list(entity))


@router.get("/{view}", response_model=Diagram)
async def read_diagram(
    kg: KnowledgeGraphDep,
    view: Annotated[
        str, Path(min_length=1, max_length=40, examples=["lateral"], description="The view's id, from /v1/diagrams.")
    ],
) -> ModelResponse:
    """One schematic view: bone outlines, each ligament, tendon and retinaculum drawn between the view positions of
    its attachment sites with the sourced facts it was placed from, the joints and motion arrows to mark an impact
    answer on, and the structures the view does not draw, with the reason."""
    return ModelResponse(kg.diagram(view))
