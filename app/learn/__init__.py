"""Learning: self-tests generated from the graph, each question and each wrong option explained by sourced facts."""

from app.learn.models import QuestionType, Quiz, QuizOption, QuizQuestion, QuizRegion, QuizRegions
from app.learn.quiz import QuizGenerator

__all__ = ["QuestionType", "Quiz", "QuizGenerator", "QuizOption", "QuizQuestion", "QuizRegion", "QuizRegions"]
