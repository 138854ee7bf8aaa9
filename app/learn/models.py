"""The answer records of a self-test: questions with options, the right answer and why each option is right
or wrong, every reason a sourced fact of the graph."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from ..models import DEFERRED, EDUCATIONAL_NOTICE, EntityRef, Fact


class QuestionType(StrEnum):
    """The kinds of question the generator asks; each reads one kind of fact (or engine answer) of the graph."""

    INNERVATION = "innervation"
    RESTRAINT = "restraint"
    ATTACHMENT = "attachment"
    POSITIVE_TEST = "positive-test"
    INJURY_CASE = "injury-case"


class Difficulty(StrEnum):
    """How hard a question is, from how many facts its answer chains and how close its distractors lie (see
    app.learn.quiz.difficulty and the `difficulty` parameter of GET /v1/quiz)."""

    EASY = "easy"
    MEDIUM = "medium"
    HARD = "hard"


class QuizOption(BaseModel):
    """One answer to choose, with why it is right or wrong."""

    model_config = DEFERRED

    id: str = Field(examples=["b"], description="The option's letter, unique within its question.")
    entity: EntityRef
    correct: bool
    explanation: str = Field(description="Why this option is right, or why it is wrong, from the graph's facts.")
    facts: list[Fact] = Field(description="The sourced facts the explanation rests on.")


class QuizQuestion(BaseModel):
    """A multiple-choice question: one right option and three distractors chosen from the graph."""

    model_config = DEFERRED

    key: str = Field(
        examples=["innervation:ANKLE:0000101"],
        description="Names the question independently of the options drawn for it: the same key asks the same "
        "thing (a client keeps progress by key and can ask for it again with `key=`).",
    )
    type: QuestionType
    difficulty: Difficulty = Field(
        description="easy: the answer rests on one fact and the distractors lie away from it; medium: one fact "
        "with distractors close to it, or two facts; hard: three facts or more chained (see GET /v1/quiz)."
    )
    focus: EntityRef = Field(description="The entity the question is about (a muscle, a ligament, an injury...).")
    stem: str
    options: list[QuizOption]
    answer: str = Field(description="The id of the right option.")
    explanation: str = Field(description="Why the right answer is right (the right option's explanation).")
    sources: list[EntityRef] = Field(description="Every source behind the question's facts, once each.")


class Quiz(BaseModel):
    """A reproducible set of questions: the same parameters and seed give the same questions."""

    model_config = DEFERRED

    notice: str = EDUCATIONAL_NOTICE
    seed: int = Field(description="The seed used (the one given, or a random one): repeat it to get the same quiz.")
    types: list[QuestionType]
    difficulties: list[Difficulty] = Field(description="The levels asked for (every level when none was).")
    region: EntityRef | None = None
    available: int = Field(description="How many distinct questions match the types, difficulties and region.")
    questions: list[QuizQuestion]
    unknown_keys: list[str] = Field(
        default_factory=list, description="Keys asked for with `key=` that no question has (any more)."
    )
    policy: str = Field(
        default="Questions rest only on facts known by measurement or stated by their source: a fact, a role or a "
        "position that is the editor's reading is never asked about. A distractor is never true in the graph.",
        description="What the questions are allowed to rest on.",
    )


class QuizRegion(BaseModel):
    model_config = DEFERRED

    region: EntityRef
    questions: int = Field(description="How many distinct questions are about this region.")


class QuizRegions(BaseModel):
    """Where a student can test himself: each region with enough questions for a round (`region=` of /v1/quiz)."""

    model_config = DEFERRED

    regions: list[QuizRegion]


class BrowseAxis(StrEnum):
    """How a browse group cuts the ankle: by where things are, or by what they are."""

    REGION = "region"
    KIND = "kind"


class BrowseMember(BaseModel):
    model_config = DEFERRED

    entity: EntityRef
    types: list[EntityRef] = Field(description="The entity's own classes (ligament, muscle...).")


class BrowseSubgroup(BaseModel):
    model_config = DEFERRED

    heading: EntityRef | None = Field(
        description="The entity these members belong to (a compartment, a ligament complex); null for a flat group."
    )
    members: list[BrowseMember]


class BrowseGroup(BaseModel):
    """One way into the graph: its members, read from the graph by the group's own SPARQL query."""

    model_config = DEFERRED

    id: str = Field(examples=["lateral-ligaments"], description="Stable name of the group (`/v1/browse/{id}`).")
    title: str
    by: BrowseAxis
    description: str
    count: int = Field(description="How many distinct entities the group lists.")
    subgroups: list[BrowseSubgroup] = Field(description="The members, under their headings, in the query's order.")
    query: str = Field(
        description="The SPARQL SELECT that defines the group (data/browse/); it runs unchanged at /sparql."
    )


class BrowseGroups(BaseModel):
    """The explorer's ways in, by region and by kind, in page order."""

    model_config = DEFERRED

    groups: list[BrowseGroup]
