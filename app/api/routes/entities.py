"""Entities: paged listing, one entity with its sourced relations, and its neighbourhood."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ...models import MAX_PAGE, EntityDetail, EntityPage, Neighbourhood
from ..answer_cache import cached_answer
from ..deps import BaseUrlDep, KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..strict import known_query_parameters

router = APIRouter(
    prefix="/v1/entities",
    tags=["entities"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)

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
async def list_entities(
    request: Request,
    kg: KnowledgeGraphDep,
    base: BaseUrlDep,
    type: Annotated[
        list[str] | None,
        Query(
            description="Only entities of this class or its subclasses (e.g. Ligament, akg:Nerve); repeatable.",
            examples=["Ligament"],
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE["entities"], description="Page size.")] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
) -> Response:
    """List the entities, a page at a time (ordered by id; `next` and `prev` link the neighbouring pages)."""
    types = kg.resolve_classes(type) if type else None
    key = ("entities", base, tuple(sorted(types or ())), limit, offset)
    return await cached_answer(request, key, lambda: kg.entities(types=types, limit=limit, offset=offset, base=base))


@router.get("/{ref:path}/neighbors", response_model=Neighbourhood)
async def read_neighbors(
    request: Request,
    kg: KnowledgeGraphDep,
    base: BaseUrlDep,
    ref: RefPath,
    depth: Annotated[int, Query(ge=1, le=3, description="Hops to follow, either direction.")] = 1,
    predicate: Annotated[
        list[str] | None,
        Query(
            description="Follow only edges with this predicate (e.g. partOf, akg:innervatedBy); repeatable.",
            examples=["partOf"],
        ),
    ] = None,
    limit: Annotated[
        int, Query(ge=1, le=MAX_PAGE["neighbors"], description="Links per page (a hub at depth 3 has about 1,800).")
    ] = 500,
    offset: Annotated[int, Query(ge=0, le=1_000_000, description="Links to skip.")] = 0,
) -> Response:
    """Show an entity's neighbourhood as node-link JSON: a page of links (`items`), each with its predicate and
    sources, and the nodes they join."""
    predicates = kg.resolve_predicates(predicate) if predicate else None
    curie = kg.resolve(ref).id
    key = ("neighbors", base, curie, depth, tuple(sorted(predicates or ())), limit, offset)
    # a hub at depth 3 takes up to ~200 ms: computed off the event loop
    return await cached_answer(
        request, key,
        lambda: kg.neighbours(curie, depth=depth, predicates=predicates, limit=limit, offset=offset, base=base),
        offload=depth > 1,
    )  # fmt: skip


# async: short CPU-bound work (under ~20 ms at worst); a thread-pool hop under the GIL costs ~30% more CPU
@router.get("/{ref:path}", response_model=EntityDetail)
async def read_entity(request: Request, kg: KnowledgeGraphDep, ref: RefPath) -> Response:
    """Read one entity by any of its names: definition, names, xrefs, and relations grouped by predicate with
    their sources."""
    curie = kg.resolve(ref).id
    return await cached_answer(request, ("entity", curie), lambda: kg.entity(curie))
