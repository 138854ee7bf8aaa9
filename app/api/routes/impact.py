"""The headline question: what destabilises if a structure is injured?"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Annotated, Literal
from urllib.parse import parse_qsl

from fastapi import APIRouter, Body, Depends, Query, Request, Response
from pydantic import ConfigDict, Field, field_validator
from starlette.types import Scope

from ...answers import note_names
from ...errors import AnkleKGError, InvalidArgument
from ...kg import AnkleKG
from ...knowledge.resolver import Grade
from ...knowledge.schema import JOINT_POSITION
from ...reasoning.impact import ImpactReport
from ..answer_cache import AnswerCache, CachedAnswer, Stored, cached_answer
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..stored import STORED_EXPLAINS, Explain, impact_key, stored_key, trim
from ..strict import StrictBody, known_query_parameters

EXPLAIN_DESCRIPTION = (
    "How much of the reasoning to return: `full` (each item's facts with their sources, and the rules), "
    "`rules` (the rules only: a much smaller answer for front-ends), `none` (conclusions only)."
)


router = APIRouter(
    prefix="/v1",
    tags=["impact"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


class InjuryIn(StrictBody):
    structure: str = Field(min_length=1, max_length=500, examples=["ATFL"], description="Any name of the structure.")
    grade: Literal[1, 2, 3] | None = Field(
        default=None,
        description="For a loss of continuity: I stretched (no laxity), II partial tear, III complete tear. A graded "
        "condition (lateral ankle sprain grade I) keeps its own grade; an entrapment or a tendinopathy follows its "
        "own mechanism. Not given: a structure is taken as completely torn (III); a condition is read at every grade "
        "its name covers, and the answer keeps only what all of them conclude.",
    )


    @field_validator("grade", mode="before")
    @classmethod
    def _not_a_boolean(cls, value: object) -> object:
        if isinstance(value, bool):  # JSON true would otherwise be taken as grade 1
            raise ValueError("grade must be the number 1, 2 or 3, not true or false")
        return value


class ImpactRequest(StrictBody):
    injuries: list[InjuryIn] = Field(min_length=1, max_length=20)
    position: str | None = Field(
        default=None,
        max_length=200,
        examples=["plantarflexion"],
        description="Only answer for this ankle position (plantarflexion, neutral, dorsiflexion).",
    )
    explain: Explain = Field(default="full", description=EXPLAIN_DESCRIPTION)

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"injuries": [{"structure": "ATFL", "grade": 3}, {"structure": "CFL", "grade": 2}]}]
        },
    )


# async: short CPU-bound work (under ~20 ms at worst); a thread-pool hop under the GIL costs ~30% more CPU
@router.get("/impact", response_model=ImpactReport)
async def read_impact(
    request: Request,
    kg: KnowledgeGraphDep,
    injured: Annotated[
        list[str],
        Query(
            min_length=1,
            max_length=20,
            description="Injured structure (any name); repeat for several.",
            examples=["ATFL"],
        ),
    ],
    grade: Annotated[
        list[Annotated[int, Field(ge=1, le=3)]] | None,  # 0 or 4: a 422 here as in the POST body
        Query(
            description="1, 2 or 3: one grade for all injuries, or one per `injured` in the same order (a graded "
            "condition keeps its own grade; an entrapment follows its own mechanism). Not given: a structure is taken "
            "as completely torn (3); a condition is read at every grade its name covers, and the answer keeps only "
            "what all of them conclude.",
            examples=[3],
        ),
    ] = None,
    position: Annotated[
        str | None,
        Query(max_length=200, examples=["plantarflexion"], description="Only answer for this ankle position."),
    ] = None,
    explain: Annotated[Explain, Query(description=EXPLAIN_DESCRIPTION, examples=["full"])] = "full",
) -> Response:
    """Which joint motions destabilise, what carries more load, which tests turn positive — with reasons."""
    grades: list[int | None] = [*grade] if grade else [None]
    if len(grades) not in (1, len(injured)):
        raise InvalidArgument(
            "grade", grades, f"give one grade for all injuries or one per injured structure ({len(injured)})"
        )
    pairs = [(name, grades[0] if len(grades) == 1 else grades[i]) for i, name in enumerate(injured)]
    return await _answer(request, kg, pairs, position, explain)


# async: short CPU-bound work (under ~20 ms at worst); a thread-pool hop under the GIL costs ~30% more CPU
@router.post("/impact", response_model=ImpactReport)
async def create_impact(kg: KnowledgeGraphDep, http: Request, request: Annotated[ImpactRequest, Body()]) -> Response:
    """The same question with a JSON body: several injuries, each with its own grade."""
    pairs = [(i.structure, i.grade) for i in request.injuries]
    return await _answer(http, kg, pairs, request.position, request.explain, validators=False)


async def _answer(
    request: Request, kg: AnkleKG, pairs: Sequence[tuple[str, int | None]], position: str | None, explain: Explain,
    *, validators: bool = True,
) -> Response:
    """The answer from the answer cache when the same question (by resolved ids) was asked before, else the one
    ``anklekg build`` stored in the snapshot (a single injury: app/api/stored.py), else computed; either is kept in
    the cache. A GET carries its ETag and may be answered 304."""
    named = kg.resolver.injuries(pairs, None)
    at = None if position is None else kg.resolve(position, types=(JOINT_POSITION,), parameter="position").id
    # a question asked by a related name says so in its answer, which no other name shares (review r44); a condition
    # named without a grade is read at each (rule ungraded-condition-intersects): not the answer of any one grade
    key = impact_key(named.pairs, at, explain, named.names, named.ungraded)
    return await cached_answer(
        request, key, lambda: note_names(trim(kg.impact(named.asked, position=at), explain), named.names),
        validators=validators, stored=None if named.names else _stored(kg, named.asked, at, explain),
    )


def _stored(
    kg: AnkleKG, injuries: Sequence[tuple[str, Grade | None]], at: str | None, explain: Explain
) -> Callable[[], Stored | None] | None:
    """Where the snapshot keeps this question's answer (a reader), or None when it keeps none for it (a grade of
    None: a condition asked without one)."""
    if len(set(injuries)) != 1 or explain not in STORED_EXPLAINS:
        return None
    kept = kg.impact_answers
    name = stored_key(injuries[0], at, explain)
    return partial(kept.get, name) if kept is not None and name in kept else None


#: The query parameters of a GET the edge may answer from the snapshot (each at most once)
_PLAIN = frozenset({"injured", "grade", "position", "explain"})
_STORED: dict[str, Explain] = {explain: explain for explain in STORED_EXPLAINS}


def answer_directly(scope: Scope, cache: AnswerCache, request: tuple[object, ...]) -> CachedAnswer | None:
    """The answer to a GET /v1/impact that the edge (app/api/edge.py) answers before routing when its answer is in
    the cache or the snapshot: a single injury, each of ``injured``, ``grade`` (1, 2 or 3), ``position`` and
    ``explain`` (full or rules) at most once, names that resolve. FastAPI's routing, dependencies and parameter
    parsing cost more CPU than reading a stored answer (docs/performance.md, tenth pass). Anything else (another
    parameter, a repeated one, a value the route would refuse or that no stored answer answers) gives None: the
    route then answers as before, or refuses. ``request``: the request's key, remembered for the edge's next time.
    The answer, its key and the counters are those :func:`read_impact` would give (the same helpers)."""
    kg: AnkleKG | None = getattr(scope["app"].state, "kg", None)
    if kg is None or kg.impact_answers is None:
        return None
    given: dict[str, str] = {}
    for name, value in parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True):  # as Starlette
        if name not in _PLAIN or name in given or not value:
            return None
        given[name] = value
    injured, grade, position = given.get("injured"), given.get("grade"), given.get("position")
    explain = _STORED.get(given.get("explain", "full"))
    if injured is None or grade not in (None, "1", "2", "3") or (position is not None and len(position) > 200):
        return None
    if explain is None:
        return None
    try:
        named = kg.resolver.injuries([(injured, None if grade is None else int(grade))], None)
        at = None if position is None else kg.resolve(position, types=(JOINT_POSITION,), parameter="position").id
    except AnkleKGError:
        return None  # the route's problem document to give
    if named.names:
        return None  # its answer says which name was asked (the route's)
    stored = _stored(kg, named.asked, at, explain)
    if stored is None:
        return None
    key = impact_key(named.pairs, at, explain, (), named.ungraded)
    answer = cache.get(key) or cache.read(key, stored)
    if answer is not None:
        cache.remember(request, key)
    return answer
