"""Entities: paged listing, one entity with its sourced relations, and its neighbourhood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response

from ...models import EntityDetail, EntityPage, Neighbourhood
from ..answer_cache import cached_answer
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..responses import ModelResponse

router = APIRouter(prefix="/v1/entities", tags=["entities"], responses=PROBLEM_RESPONSES)

RefPath = Annotated[
    str,
    Path(
        description="A CURIE (ANKLE:0000016), a full IRI, a label, a synonym or an abbreviation, in any case.",
        examples=["ATFL"],
        min_length=1,
        max_length=500,
    ),
]


@router.get("", response_model=EntityPage)
def list_entities(
    kg: KnowledgeGraphDep,
    type: Annotated[
        list[str] | None,
        Query(
            description="Only entities of this class or its subclasses (e.g. Ligament, akg:Nerve); repeatable.",
            examples=["Ligament"],
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
) -> ModelResponse:
    """A page of entities ordered by id; `next` is the query string of the following page."""
    types = kg.resolve_classes(type) if type else None
    return ModelResponse(kg.entities(types=types, limit=limit, offset=offset))


@router.get("/{ref:path}/neighbors", response_model=Neighbourhood)
async def read_neighbors(
    request: Request,
    kg: KnowledgeGraphDep,
    ref: RefPath,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops to follow, either direction.")] = 1,
    predicate: Annotated[
        list[str] | None,
        Query(
            description="Follow only edges with this predicate (e.g. partOf, akg:innervatedBy); repeatable.",
            examples=["partOf"],
        ),
    ] = None,
) -> Response:
    """Node-link JSON of the entity's neighbourhood, each link with its predicate and sources."""
    predicates = kg.resolve_predicates(predicate) if predicate else None
    curie = kg.resolve(ref).id
    key = ("neighbors", curie, depth, tuple(sorted(predicates or ())))
    # a hub at depth 3 takes up to ~200 ms: computed off the event loop
    return await cached_answer(
        request, key, lambda: kg.neighbours(curie, depth=depth, predicates=predicates), offload=depth > 1
    )


# async: short CPU-bound work (under ~20 ms at worst); a thread-pool hop under the GIL costs ~30% more CPU
@router.get("/{ref:path}", response_model=EntityDetail)
async def read_entity(request: Request, kg: KnowledgeGraphDep, ref: RefPath) -> Response:
    """One entity: names, definition, xrefs, and relations grouped by predicate with their sources."""
    curie = kg.resolve(ref).id
    return await cached_answer(request, ("entity", curie), lambda: kg.entity(curie))
