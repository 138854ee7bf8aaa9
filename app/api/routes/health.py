"""Liveness and what is loaded."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_JSON, Problem, problem_response

router = APIRouter(tags=["health"])


class Health(BaseModel):
    status: str
    version: str
    counts: dict[str, int]
    validation: dict[str, int] | None
    load_seconds: float
    answer_cache: dict[str, int] | None = None
    ready: bool = True
    source: str = ""


@router.get(
    "/health",
    response_model=Health,
    responses={503: {"model": Problem, "content": {PROBLEM_JSON: {}}, "description": "Starting: not ready yet"}},
)
async def read_health(request: Request, kg: KnowledgeGraphDep) -> Health | JSONResponse:
    """Service status, ontology version, graph sizes, validation counts and where the graph came from (``source``:
    its snapshot, or a full load and why). 503 ``starting`` until the SPARQL workers are up and the traversal graph
    and differential profiles are loaded (a few tenths of a second after the port opens): it is the readiness probe.

    Async and computed once (the graph is immutable): under load a health probe must not queue behind
    the thread pool, nor count the graph on every call."""
    starting = _starting(request)
    if starting:
        answer = problem_response(
            request, 503, "starting", "Service starting",
            f"The service is starting and not ready yet: {'; '.join(starting)}. REST answers already work; "
            "retry in a second.",
            errors=[{"starting": item} for item in starting],
        )  # fmt: skip
        answer.headers["Retry-After"] = "1"
        return answer
    cached: Health | None = getattr(request.app.state, "health", None)
    if cached is None:
        validation = None
        if kg.validation is not None:
            validation = kg.validation.counts()["by_severity"]
        cached = Health(
            status="ok",
            version=kg.version,
            counts=kg.counts(),
            validation=validation,
            load_seconds=round(kg.load_seconds, 3),
            source=kg.source,
        )
        request.app.state.health = cached
    cache = getattr(request.app.state, "answer_cache", None)
    return cached.model_copy(update={"answer_cache": cache.stats() if cache is not None else None})


def _starting(request: Request) -> list[str]:
    """What is not ready yet: the SPARQL workers, the warm-up of the graph (empty when everything is)."""
    state = request.app.state
    starting = []
    sparql = getattr(state, "sparql", None)
    if sparql is not None and sparql.starting:
        starting.append(sparql.starting)
    warming = getattr(state, "warming", None)
    if warming is not None and not warming.done():
        starting.append("the traversal graph and differential profiles loading")
    elif warming is not None and not warming.cancelled() and warming.exception() is not None:
        starting.append(f"warming the graph failed ({warming.exception()!r}); see the log")
    return starting
