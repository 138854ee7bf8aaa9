"""Downloads: the release artefacts of app.exports, built once per process and cached."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel

from ...exports import ARTEFACTS, build_artefact
from ...version import __version__
from ..caching import conditional_response, release_etag
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES, ProblemError
from ..strict import known_query_parameters

router = APIRouter(
    prefix="/v1/export",
    tags=["export"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)


class ArtefactOut(BaseModel):
    name: str
    url: str
    media_type: str
    description: str


class ArtefactList(BaseModel):
    version: str
    artefacts: list[ArtefactOut]


@router.get("", response_model=ArtefactList)
def list_exports() -> ArtefactList:
    """The downloadable release artefacts (Turtle, N-Triples, RDF/XML, JSON-LD, GraphML, CSV)."""
    return ArtefactList(
        version=__version__,
        artefacts=[
            ArtefactOut(name=a.name, url=f"/v1/export/{a.name}", media_type=a.media_type, description=a.description)
            for a in ARTEFACTS.values()
        ],
    )


#: every artefact's media type, documented (schemathesis found the N-Quads dataset's undocumented in a CI run)
MEDIA_TYPES: dict[int | str, dict[str, Any]] = {
    200: {"content": {media_type: {} for media_type in sorted({a.media_type for a in ARTEFACTS.values()})}}
}


@router.get("/{name}", response_class=Response, responses=MEDIA_TYPES)
def read_export(
    kg: KnowledgeGraphDep,
    request: Request,
    name: Annotated[
        str, Path(max_length=100, examples=["anklekg.ttl"], description="An artefact name from /v1/export.")
    ],
) -> Response:
    """One artefact, with an ETag; a matching If-None-Match gets 304."""
    artefact = ARTEFACTS.get(name)
    if artefact is None:
        raise ProblemError(
            404, "unknown-export", "Unknown export",
            f"There is no artefact named {name!r}. Available: {', '.join(ARTEFACTS)}.",
            parameter="name", value=name,
            suggestions=[{"id": n, "label": a.description} for n, a in ARTEFACTS.items()],
        )  # fmt: skip
    cache: dict[str, tuple[bytes, str]] = request.app.state.__dict__.setdefault("export_cache", {})
    if name not in cache:
        data = build_artefact(kg, name)
        cache[name] = (data, release_etag(data))
    data, tag = cache[name]
    return conditional_response(
        request, data, artefact.media_type, tag=tag, cache_control="public, max-age=3600",
        headers={"Content-Disposition": f'inline; filename="{name}"'},
    )  # fmt: skip
