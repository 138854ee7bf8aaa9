"""Paths: the shortest connections between two entities (the same function as AnkleKG.paths)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from ...models import Paths
from ..answer_cache import cached_answer
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES

router = APIRouter(prefix="/v1/paths", tags=["paths"], responses=PROBLEM_RESPONSES)


@router.get("", response_model=Paths)
async def read_paths(
    request: Request,
    kg: KnowledgeGraphDep,
    source: Annotated[
        str,
        Query(
            alias="from",
            min_length=1,
            max_length=500,
            examples=["sural nerve"],
            description="Where the paths start: a CURIE, label, synonym or abbreviation.",
        ),
    ],
    target: Annotated[
        str, Query(alias="to", min_length=1, max_length=500, examples=["ATFL"], description="Where the paths end.")
    ],
    max_length: Annotated[int, Query(ge=1, le=6, description="Longest path considered, in hops.")] = 4,
    predicate: Annotated[
        list[str] | None, Query(description="Follow only these predicates; repeatable.", examples=["adjacentTo"])
    ] = None,
    limit: Annotated[int, Query(ge=1, le=50, description="Most paths returned.")] = 10,
) -> Response:
    """The shortest path between two entities and the next shortest (up to `limit`), edges followed
    either way, each hop with its predicate and sources."""
    predicates = kg.resolve_predicates(predicate) if predicate else None
    start = kg.resolve(source, parameter="from").id
    end = kg.resolve(target, parameter="to").id
    key = ("paths", start, end, max_length, tuple(sorted(predicates or ())), limit)
    return await cached_answer(  # milliseconds, more on a big graph: computed off the event loop
        request, key, lambda: kg.paths(start, end, max_length=max_length, predicates=predicates, limit=limit),
        offload=True,
    )
