"""Ranked search over labels, synonyms, abbreviations, Latin names and xrefs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...models import SearchResults
from ..answer_cache import cached_answer
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1", tags=["search"], responses=PROBLEM_RESPONSES)


# async: short CPU-bound work (under ~20 ms at worst); a thread-pool hop under the GIL costs ~30% more CPU
@router.get("/search", response_model=SearchResults)
async def search_entities(
    request: Request,
    kg: KnowledgeGraphDep,
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
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    offset: Annotated[int, Query(ge=0, le=10_000, description="Hits to skip (`total` says how many there are).")] = 0,
) -> Response:
    """Ranked hits: exact, prefix, word, then fuzzy matches; within each, anatomy before conditions and the rest."""
    types = kg.resolve_classes(type) if type else None
    key = ("search", q, tuple(sorted(types)) if types is not None else None, limit, offset)
    return await cached_answer(request, key, lambda: kg.search_results(q, types=types, limit=limit, offset=offset))
