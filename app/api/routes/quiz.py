"""Self-tests generated from the graph: questions with explained options, and the regions to test oneself on."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import StringConstraints

from ...kg import MAX_QUIZ_QUESTIONS
from ...learn import Difficulty, QuestionType, Quiz, QuizRegions
from ..deps import KnowledgeGraphDep
from ..problems import PROBLEM_RESPONSES
from ..responses import ModelResponse
from ..strict import known_query_parameters

router = APIRouter(
    prefix="/v1/quiz",
    tags=["quiz"],
    responses=PROBLEM_RESPONSES,
    dependencies=[Depends(known_query_parameters)],  # a misspelt parameter is refused, not ignored
)

#: A question's key as the API writes it: its kind, then ids and terms (restraint:ANKLE:0000016:akg:...); the
#: pattern also makes the OpenAPI say what the server refuses (a number or a bare word is no key)
Key = Annotated[str, StringConstraints(min_length=3, max_length=300, pattern=r"^[a-z-]+:[A-Za-z0-9:_.+-]+$")]


# sync: the first quiz drafts every question (about a second), which must not hold the event loop
@router.get("", response_model=Quiz)
def read_quiz(
    kg: KnowledgeGraphDep,
    type: Annotated[
        list[QuestionType] | None,
        Query(
            description="Kinds of question; repeatable (all kinds when absent). innervation: which nerve supplies "
            "a muscle; restraint: which structure restrains a motion of a joint (in a position); attachment: where "
            "a ligament, tendon or muscle attaches; positive-test: which test an injury makes positive (the impact "
            "engine); injury-case: which injured structure explains the findings (the differential)."
        ),
    ] = None,
    region: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=200,
            description="Only questions about structures in, spanning, attached to or part of this entity (any "
            "name, e.g. lateral malleolus); /v1/quiz/regions lists the ones with a round's worth of questions.",
            examples=["lateral malleolus"],
        ),
    ] = None,
    difficulty: Annotated[
        list[Difficulty] | None,
        Query(
            description="Levels of question; repeatable (every level when absent). Derived from the generator, not "
            "assigned by hand: **hard** when the right answer chains three facts or more (an injury, the restraint "
            "it loses, the test that examines that motion; or a case's several findings, each tied to the "
            "structure); **easy** when it rests on one fact and its distractors are not close to it (on average "
            "they share less than 20% of the answer's surroundings — its wholes, the joints it spans, what it "
            "attaches to or lies in — by the Jaccard index); **medium** otherwise (one fact with close "
            "distractors, such as the other muscles of the same compartment, or two facts). Each question says "
            "its level in `difficulty`."
        ),
    ] = None,
    count: Annotated[int, Query(ge=1, le=MAX_QUIZ_QUESTIONS, description="How many questions.")] = 10,
    seed: Annotated[
        int | None,
        Query(ge=0, le=2**31 - 1, description="Repeat a seed to get the same quiz; a random one when absent."),
    ] = None,
    key: Annotated[
        list[Key] | None,
        Query(
            max_length=MAX_QUIZ_QUESTIONS,
            description="Questions to ask first, by the `key` of an earlier answer (a student's questions due "
            "again); repeatable. Keys no question has any more are listed in `unknown_keys`.",
        ),
    ] = None,
) -> ModelResponse:
    """A reproducible multiple-choice self-test: each question has one right option and three distractors from
    the graph, each option explained by sourced facts; facts that are the editor's reading are never asked."""
    quiz = kg.quiz(
        types=type or (), region=region, count=count, seed=seed, keys=key or (), difficulties=difficulty or ()
    )
    return ModelResponse(quiz)


@router.get("/regions", response_model=QuizRegions)
def list_quiz_regions(kg: KnowledgeGraphDep) -> ModelResponse:
    """The regions, compartments, joints and ligament complexes with at least ten questions each."""
    return ModelResponse(kg.quiz_generator.regions())
