"""The reverse question: which injured structure explains these findings?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Depends
from pydantic import ConfigDict, Field

from ...reasoning.differential import DifferentialReport
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..responses import ModelResponse
from ..strict import StrictBody, known_query_parameters

router = APIRouter(
    prefix="/v1",
    tags=["differential"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)

Names = Annotated[list[Annotated[str, Field(min_length=1, max_length=200)]], Field(max_length=20)]


class Mechanism(StrictBody):
    """How the injury happened: it supports the structures that restrain the motion in that position, and those read
    as a condition its sources say arises from it (forced plantarflexion: posterior ankle impingement)."""

    motion: str = Field(min_length=1, max_length=200, examples=["inversion"])
    position: str | None = Field(default=None, max_length=200, examples=["plantarflexion"])


class DifferentialRequest(StrictBody):
    positive_tests: Names = Field(
        default_factory=list, examples=[["anterior drawer test"]],
        description="Positive clinical tests, or a decision rule (the Ottawa ankle rules): a positive rule calls for "
        "imaging and supports a fracture it screens for half.",
    )
    negative_tests: Names = Field(
        default_factory=list, examples=[["talar tilt test"]],
        description="Negative clinical tests or decision rules: each counts against the readings that predict it "
        "positive (a negative Ottawa rule fully against a fracture it screens for).",
    )
    symptoms: Names = Field(default_factory=list, examples=[["instability or giving way"]])
    numbness_areas: Names = Field(default_factory=list, examples=[["skin of dorsum of foot"]])
    weak_motions: Names = Field(default_factory=list, examples=[["eversion"]])
    unstable_motions: Names = Field(default_factory=list)
    strong_motions: Names = Field(
        default_factory=list, examples=[["dorsiflexion"]],
        description="Motions of normal strength: they count against candidates that predict them weak.",
    )
    normal_sensation: Names = Field(
        default_factory=list, examples=[["skin of first web space of foot"]],
        description="Skin areas of normal sensation: they count against candidates that predict them numb.",
    )
    tender_sites: Names = Field(
        default_factory=list, examples=[["base of fifth metatarsal bone"]],
        description="Structures tender on palpation: explained by a reading that damages the structure (or a part "
        "of it) and presents with tenderness (rule tenderness-localises).",
    )
    mechanism: Mechanism | None = None
    limit: int = Field(default=10, ge=1, le=50)

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "positive_tests": ["anterior drawer test"],
                    "negative_tests": ["talar tilt test"],
                    "mechanism": {"motion": "inversion", "position": "plantarflexion"},
                }
            ]
        },
    )


@router.post("/differential", response_model=DifferentialReport)
def create_differential(kg: KnowledgeGraphDep, request: Annotated[DifferentialRequest, Body()]) -> ModelResponse:
    """Ask which injured structure explains these findings: ranked candidates, each with the facts that support
    and contradict it."""
    mechanism = (request.mechanism.motion, request.mechanism.position) if request.mechanism else None
    return ModelResponse(
        kg.differential(
            positive_tests=request.positive_tests,
            negative_tests=request.negative_tests,
            symptoms=request.symptoms,
            numbness_areas=request.numbness_areas,
            weak_motions=request.weak_motions,
            unstable_motions=request.unstable_motions,
            strong_motions=request.strong_motions,
            normal_sensation=request.normal_sensation,
            tender_sites=request.tender_sites,
            mechanism=mechanism,
            limit=request.limit,
        )
    )
