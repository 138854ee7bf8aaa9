"""Browse groups: the explorer's ways into the graph by region and by kind, each defined by a SPARQL query."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from ...learn import BrowseAxis, BrowseGroup, BrowseGroups
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES, ProblemError
from ..responses import ModelResponse
from ..strict import known_query_parameters

router = APIRouter(
    prefix="/v1/browse",
    tags=["browse"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


# async: the groups are read once at load; answering is a lookup
@router.get("", response_model=BrowseGroups)
async def list_browse_groups(
    kg: KnowledgeGraphDep,
    by: Annotated[
        BrowseAxis | None,
        Query(
            description="Only the groups by region (where things are) or by kind (what they are).",
            examples=["region"],
        ),
    ] = None,
) -> ModelResponse:
    """The ways into the graph for someone browsing: by region (the lateral ligaments, the deltoid ligament, the
    syndesmosis, the subtalar joint, the compartments of the leg with what lies in each, the tarsal tunnel) and by
    kind (bones, joints, ligaments, muscles, tendons, retinacula, nerves, arteries, conditions, clinical tests).

    Each group is a SPARQL query over the graph's asserted triples (`data/browse/`, returned as `query`): its
    members are what the graph says today (parts of a complex, what lies in a compartment, instances of a class),
    never a list kept elsewhere. Members may sit under a `heading`, the entity they belong to."""
    return ModelResponse(kg.browse(by=by))


@router.get("/{group}", response_model=BrowseGroup)
async def read_browse_group(
    kg: KnowledgeGraphDep,
    group: Annotated[
        str,
        Path(description="The group's id, as listed by /v1/browse.", examples=["lateral-ligaments"], max_length=100),
    ],
) -> ModelResponse:
    """One browse group with its members and the SPARQL query that defines it."""
    found = kg.browse_group(group)
    if found is None:
        known = ", ".join(g.id for g in kg.browse().groups)
        raise ProblemError(
            404,
            "unknown-browse-group",
            "Unknown browse group",
            f"No browse group is named {group!r}; use one of: {known}.",
        )
    return ModelResponse(found)
