"""Learning: self-tests generated from the graph, each question and each wrong option explained by sourced facts;
browse groups (by region and by kind) for the explorer's front page."""

from .browse import browse_groups
from .models import (
    BrowseAxis,
    BrowseGroup,
    BrowseGroups,
    Difficulty,
    QuestionType,
    Quiz,
    QuizOption,
    QuizQuestion,
    QuizRegion,
    QuizRegions,
)
from .quiz import QuizGenerator

__all__ = [
    "BrowseAxis",
    "BrowseGroup",
    "BrowseGroups",
    "Difficulty",
    "QuestionType",
    "Quiz",
    "QuizGenerator",
    "QuizOption",
    "QuizQuestion",
    "QuizRegion",
    "QuizRegions",
    "browse_groups",
]
