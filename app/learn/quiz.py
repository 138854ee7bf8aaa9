"""The self-test generator: every question is drafted once from the graph and its engines, then a quiz is drawn
from the drafts for a seed, so the same parameters and seed always give the same questions and options.

References
----------
Leo J. et al. (2019) Ontology-based generation of medical, multi-term MCQs. IJAIED 29:145-188 (distractors of
the answer's class and role, checked so that none is also true).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from random import Random

from ..knowledge import schema
from ..knowledge.base import KnowledgeBase
from ..models import EntityRef
from ..reasoning.differential import DifferentialEngine
from ..reasoning.impact import ImpactEngine
from .anatomy import attachment_drafts, innervation_drafts
from .clinical import injury_case_drafts, positive_test_drafts
from .drafts import DISTRACTORS, DRAW_FROM, Choice, Draft, gives_away
from .function import restraint_drafts
from .graph import LearnGraph
from .models import Difficulty, QuestionType, Quiz, QuizOption, QuizQuestion, QuizRegion, QuizRegions

__all__ = ["CHAIN", "CLOSE", "QuizGenerator", "difficulty"]

LETTERS = "abcdefgh"
#: A question whose answer chains this many facts or more is hard (an injury, the restraint it loses, the test).
CHAIN = 3
#: Distractors sharing this share of the answer's surroundings or more, on average, are close: one cannot rule them
#: out by where they are (the other muscles of the compartment, the ligaments of the same joint).
CLOSE = 0.2
#: The kinds of entity offered as regions to test oneself on (besides ligament complexes and anchoring landmarks).
REGION_KINDS = (schema.REGION, schema.COMPARTMENT, schema.JOINT, schema.ANATOMICAL_SPACE)


class QuizGenerator:
    """Drafts every question on first use (about a second: the clinical kinds ask the engines) and draws
    quizzes from them."""

    def __init__(self, kb: KnowledgeBase, engine: ImpactEngine, differential: DifferentialEngine) -> None:
        self.graph = LearnGraph(kb)
        self.writers: dict[QuestionType, Callable[[], list[Draft]]] = {
            QuestionType.INNERVATION: lambda: innervation_drafts(self.graph),
            QuestionType.RESTRAINT: lambda: restraint_drafts(self.graph),
            QuestionType.ATTACHMENT: lambda: attachment_drafts(self.graph),
            QuestionType.POSITIVE_TEST: lambda: positive_test_drafts(self.graph, engine),
            QuestionType.INJURY_CASE: lambda: injury_case_drafts(self.graph, engine, differential),
        }
        self._drafts: dict[QuestionType, list[Draft]] = {}
        self._by_key: dict[str, Draft] = {}
        self._difficulty: dict[str, Difficulty] = {}

    def drafts(self, kind: QuestionType) -> list[Draft]:
        """The usable drafts of one kind (three valid distractors at least), by key."""
        if kind not in self._drafts:
            usable = sorted(
                (d for d in self.writers[kind]() if d.usable() and not gives_away(self.graph, d)), key=lambda d: d.key
            )
            self._drafts[kind] = usable
            self._by_key.update((d.key, d) for d in usable)
            self._difficulty.update((d.key, difficulty(self.graph, d)) for d in usable)
        return self._drafts[kind]

    def draft(self, key: str) -> Draft | None:
        kind = next((k for k in QuestionType if key.startswith(f"{k.value}:")), None)
        if kind is None:
            return None
        self.drafts(kind)
        return self._by_key.get(key)

    def quiz(
        self,
        *,
        types: Sequence[QuestionType],
        region: str | None,
        count: int,
        seed: int,
        keys: Sequence[str] = (),
        difficulties: Sequence[Difficulty] = (),
    ) -> Quiz:
        """``count`` questions: first those named by ``keys`` (a client's questions due again), then fresh ones
        of ``types`` and ``difficulties`` about ``region`` (an entity id; None for the whole graph), drawn with
        ``seed``."""
        kinds = list(dict.fromkeys(types)) or list(QuestionType)
        levels = list(dict.fromkeys(difficulties)) or list(Difficulty)
        pool = [
            d
            for kind in kinds
            for d in self.drafts(kind)
            if (region is None or region in d.places) and self._difficulty[d.key] in levels
        ]
        asked: list[Draft] = []
        unknown: list[str] = []
        for key in dict.fromkeys(keys):
            found = self.draft(key)
            if found is None:
                unknown.append(key)
            elif len(asked) < count:
                asked.append(found)
        asked += _draw(pool, {d.key for d in asked}, count - len(asked), seed)
        return Quiz(
            seed=seed,
            types=kinds,
            difficulties=levels,
            region=self.graph.ref(region) if region else None,
            available=len(pool),
            questions=[self.question(d, seed) for d in asked],
            unknown_keys=unknown,
        )

    def regions(self, minimum: int = 10) -> QuizRegions:
        """The places a student can test himself on, with a round's worth of questions at least: regions,
        compartments, joints, spaces, the ligament complexes with parts, and the bony landmarks that anchor
        ligaments (the malleoli: the lateral and the medial ankle)."""
        graph = self.graph
        counts: dict[str, int] = {}
        for kind in QuestionType:
            for d in self.drafts(kind):
                for place in d.places:
                    counts[place] = counts.get(place, 0) + 1
        wanted = [
            c
            for c, n in counts.items()
            if n >= minimum
            # a kind whose instance asks the same questions (tibiofibular joint: the inferior one) is left out
            and not any(counts.get(st.subject, 0) >= n for st in graph.subjects(c, schema.KIND_OF))
            and (any(graph.kb.is_a(c, k) for k in REGION_KINDS) or _complex(graph, c) or _anchor(graph, c))
        ]
        return QuizRegions(
            regions=[QuizRegion(region=graph.ref(c), questions=counts[c]) for c in sorted(wanted, key=graph.label)]
        )

    def question(self, draft: Draft, seed: int) -> QuizQuestion:
        """The draft with its options drawn: the answer and three of its closest valid distractors, shuffled.
        The draw depends only on the seed and the key, so a question reads the same in any quiz of that seed."""
        rng = Random(f"{seed}:{draft.key}")
        distractors = rng.sample(draft.distractors[:DRAW_FROM], DISTRACTORS)
        choices = [draft.answer, *distractors]
        rng.shuffle(choices)
        options = [self._option(LETTERS[i], c, c is draft.answer) for i, c in enumerate(choices)]
        answer = next(o for o in options if o.correct)
        return QuizQuestion(
            key=draft.key,
            type=draft.type,
            difficulty=self._difficulty[draft.key],
            focus=self.graph.ref(draft.focus),
            stem=draft.stem,
            options=options,
            answer=answer.id,
            explanation=answer.explanation,
            sources=_unique_sources(options),
        )

    def _option(self, letter: str, choice: Choice, correct: bool) -> QuizOption:
        return QuizOption(
            id=letter,
            entity=self.graph.ref(choice.entity),
            correct=correct,
            explanation=choice.explanation,
            facts=list(choice.facts),
        )


def difficulty(graph: LearnGraph, draft: Draft) -> Difficulty:
    """How hard a question is, from two things the generator knows: how many facts the right answer chains (one
    relation recalled, or an injury, the restraint it loses and the test of that motion) and how close the
    distractors it draws among lie to the answer (the mean Jaccard index of their surroundings, ``places``: the
    other muscles of the same compartment cannot be ruled out by where they are).

    hard: ``CHAIN`` facts or more; easy: one fact and distractors that are not close (mean below ``CLOSE``);
    medium: the rest (one fact with close distractors, or two facts).
    """
    facts = len(draft.answer.facts)
    if facts >= CHAIN:
        return Difficulty.HARD
    answer = graph.places(draft.answer.entity)
    drawn = draft.distractors[:DRAW_FROM]
    shares = [len(graph.places(d.entity) & answer) / len(graph.places(d.entity) | answer) for d in drawn]
    close = sum(shares) / len(shares) >= CLOSE if shares else False
    return Difficulty.EASY if facts == 1 and not close else Difficulty.MEDIUM


def _complex(graph: LearnGraph, curie: str) -> bool:
    """A ligament with parts (the deltoid ligament, the lateral collateral complex)."""
    return graph.kb.is_a(curie, schema.LIGAMENT) and bool(graph.subjects(curie, schema.PART_OF))


def _anchor(graph: LearnGraph, curie: str) -> bool:
    """A bony landmark three ligaments or more attach to (a malleolus), not a muscle's origin."""
    attached = graph.subjects(curie, schema.PROXIMAL_ATTACHMENT, schema.DISTAL_ATTACHMENT)
    ligaments = {st.subject for st in attached if graph.kb.is_a(st.subject, schema.LIGAMENT)}
    return graph.kb.is_a(curie, schema.BONY_LANDMARK) and len(ligaments) >= 3


def _draw(pool: list[Draft], taken: set[str], count: int, seed: int) -> list[Draft]:
    """A mixed, reproducible draw: kinds taken in turn, and a question that repeats the kind and answer, or the
    stem, of one already drawn only when nothing else is left."""
    rng = Random(f"quiz:{seed}")
    by_kind: dict[QuestionType, list[Draft]] = {}
    for d in pool:
        if d.key not in taken:
            by_kind.setdefault(d.type, []).append(d)
    for drafts in by_kind.values():
        rng.shuffle(drafts)
    drawn: list[Draft] = []
    repeats: list[Draft] = []
    asked: set[tuple[QuestionType, str] | str] = set()
    while len(drawn) < count and any(by_kind.values()):
        for drafts in by_kind.values():
            if drafts and len(drawn) < count:
                d = drafts.pop()
                if (d.type, d.answer.entity) in asked or d.stem in asked:
                    repeats.append(d)
                else:
                    asked |= {(d.type, d.answer.entity), d.stem}
                    drawn.append(d)
    drawn += repeats[: count - len(drawn)]
    rng.shuffle(drawn)
    return drawn


def _unique_sources(options: list[QuizOption]) -> list[EntityRef]:
    seen: dict[str, EntityRef] = {}
    for option in options:
        for fact in option.facts:
            for source in fact.sources:
                seen.setdefault(source.id, source)
    return list(seen.values())
