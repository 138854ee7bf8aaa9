"""Paths: the shortest connections between two entities (the same function as AnkleKG.paths)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...models import MAX_PAGE, Paths
from ..answer_cache import cached_answer
from ..deps import BaseUrlDep, KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..strict import known_query_parameters

#: Paths past this many are not enumerated (a thousand take seconds on this graph; 200 take about 0.3 s)
MAX_PATH_OFFSET = 150

router = APIRouter(
    prefix="/v1/paths",
    tags=["paths"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


@router.get("", response_model=Paths)
async def read_paths(
    request: Request,
    kg: KnowledgeGraphDep,
    base: BaseUrlDep,
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
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE["paths"], description="Paths per page.")] = 10,
    offset: Annotated[
        int,
        Query(ge=0, le=MAX_PATH_OFFSET, description="Paths to skip (paths are enumerated shortest first up to "
              "this page and one more, so the offset is bounded)."),
    ] = 0,
) -> Response:
    """Find how two entities are connected: the shortest path and the next shortest, edges followed either way,
    each hop with its predicate and sources."""
    predicates = kg.resolve_predicates(predicate) if predicate else None
    start = kg.resolve(source, parameter="from").id
    end = kg.resolve(target, parameter="to").id
    key = ("paths", base, start, end, max_length, tuple(sorted(predicates or ())), limit, offset)
    return await cached_answer(  # milliseconds, more on a big graph: computed off the event loop
        request, key,
        lambda: kg.paths(start, end, max_length=max_length, predicates=predicates, limit=limit, offset=offset,
                         base=base),
        offload=True,
    )  # fmt: skip
