"""Ranked search over labels, synonyms, abbreviations, Latin names and xrefs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...models import MAX_PAGE, SearchResults
from ..answer_cache import cached_answer
from ..deps import BaseUrlDep, KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..strict import known_query_parameters

router = APIRouter(
    prefix="/v1",
    tags=["search"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


# async: short CPU-bound work (under ~20 ms at worst); a thread-pool hop under the GIL costs ~30% more CPU
@router.get("/search", response_model=SearchResults)
async def search_entities(
    request: Request,
    kg: KnowledgeGraphDep,
    base: BaseUrlDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=200,
            description="What to look for; typos are tolerated.",
            examples=["talofibular ligamnet"],
        ),
    ],
    type: Annotated[
        list[str] | None,
        Query(
            description="Only entities of this class or its subclasses (e.g. Ligament); repeatable. References "
            "are found only when asked for (type=Reference)."
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE["search"], description="Hits per page.")] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000, description="Hits to skip (`total` says how many there are).")] = 0,
) -> Response:
    """Search by any name, typos tolerated: exact, prefix, word, then fuzzy matches; within each, anatomy before
    conditions and the rest."""
    types = kg.resolve_classes(type) if type else None
    key = ("search", base, q, tuple(sorted(types)) if types is not None else None, limit, offset)
    return await cached_answer(
        request, key, lambda: kg.search_results(q, types=types, limit=limit, offset=offset, base=base)
    )
