"""A question before its options are drawn: the right answer and every valid distractor, each with its reasons.

The writers (anatomy, function, clinical) check each distractor against the graph as they draft it; the quiz
only draws among the distractors a draft already holds, so no drawing can pick a second right answer.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass

from ..knowledge.lookup import fold
from ..models import Fact
from ..reasoning.impact import terms
from .graph import LearnGraph
from .models import QuestionType

#: Distractors drawn per question, and how many of the closest valid ones the draw chooses among.
DISTRACTORS = 3
DRAW_FROM = 4


@dataclass(frozen=True)
class Choice:
    """One option of a question: the entity, why it is right or wrong, and the facts that say so."""

    entity: str
    explanation: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Draft:
    """A question with its right answer and its valid distractors (closest first)."""

    key: str
    type: QuestionType
    focus: str
    stem: str
    answer: Choice
    distractors: tuple[Choice, ...]
    places: frozenset[str]

    def usable(self) -> bool:
        return len(self.distractors) >= DISTRACTORS and bool(self.answer.facts)


def rests_on_editor(fact: Fact) -> bool:
    """The fact, its role or its positions are the editor's reading (akg:EditorInference)."""
    if fact.known_by is not None and fact.known_by.id == terms.EDITOR_INFERENCE:
        return True
    for key in ("role_basis", "position_basis"):
        value = fact.qualifiers.get(key)
        if isinstance(value, list) and any(ref.id == terms.EDITOR_INFERENCE for ref in value):
            return True
    return False


def sourced(facts: Iterable[Fact]) -> tuple[Fact, ...]:
    """The facts a question may show: sourced, and none of them the editor's reading."""
    return tuple(f for f in facts if f.sources and not rests_on_editor(f))


def draft(
    graph: LearnGraph,
    kind: QuestionType,
    *,
    key: str,
    focus: str,
    stem: str,
    answer: Choice,
    tiers: Sequence[Iterable[str]],
    true_answers: Collection[str],
    explain: Callable[[str], Choice | None],
    places: frozenset[str],
    near: str | None = None,
    above: Collection[str] = (),
) -> Draft:
    """A question with every valid distractor, best first: earlier ``tiers`` first (the same role), then the
    closest to the answer and to ``near`` (the focus unless given). A candidate that is, contains or belongs to a
    true answer is never one; nor is one the graph gives no sourced reason against (``explain`` returns None or
    no facts). ``above``: true answers only as wholes of the answer (the sciatic nerve above the sural nerve, for its
    numb skin): never offered, but what else belongs to them may be (the lateral sural cutaneous nerve)."""
    nested = {answer.entity, *true_answers}
    excluded = nested | set(above)
    around = near or focus
    distractors: list[Choice] = []
    seen: set[str] = set()
    for tier in tiers:
        fresh = {c for c in tier if c not in seen and c not in excluded}
        seen |= fresh
        valid = [c for c in fresh if not graph.overlaps(c, nested) and not graph.is_generic(c)]
        valid.sort(key=lambda c: (-(graph.closeness(c, answer.entity) + graph.closeness(c, around)), graph.label(c), c))
        for candidate in valid:
            if graph.overlaps(candidate, [d.entity for d in distractors]):
                continue  # nested options (calcaneus, calcaneal tuberosity): one of them is enough
            choice = explain(candidate)
            if choice is not None and choice.facts:
                distractors.append(choice)
    return Draft(key, kind, focus, stem, answer, tuple(distractors), places)


#: Words that name a side, a position or a kind of part, not a particular structure
_GENERIC_WORDS = frozenset({
    "medial", "lateral", "anterior", "posterior", "inferior", "superior", "deep", "superficial", "proximal",
    "distal", "head", "part", "process", "tubercle", "surface", "bone", "ligament", "tendon", "muscle", "joint",
    "common", "long", "short",
})


def names_the_answer(focus_label: str, answer_label: str) -> bool:
    """Whether the focus's own name gives the answer away (the plantar calcaneocuboid ligament attaches to the
    calcaneus): a distinctive word of the answer begins some word of the focus's name, or sits inside it."""
    focus_words = fold(focus_label).split()
    for word in fold(answer_label).split():
        # five letters of a long word; three of a five-letter one, whose combining form differs (talus ~ talo-,
        # tibia ~ tibio-)
        root = word[:3] if len(word) == 5 else word[:5]
        if len(word) >= 5 and word not in _GENERIC_WORDS and any(root in w for w in focus_words):
            return True
    return False


#: Words that say what kind of thing an option is, not which one: shared by a stem and an option, they tell nothing
_KIND_WORDS = frozenset({
    "bone", "ligament", "ligaments", "tendon", "muscle", "muscles", "joint", "nerve", "artery", "part", "test",
    "sign", "skin", "which", "what", "with", "from", "that", "this", "their", "does", "most", "injury", "injured",
    "position", "motion",
})


def _roots(text: str) -> set[str]:
    """Word roots long enough to mean something: four letters of a long word, three of a short one (talus ~
    talofibular, tibia ~ tibiofibular)."""
    return {w[:4] if len(w) > 5 else w[:3] for w in fold(text).split() if len(w) >= 4 and w not in _KIND_WORDS}


def gives_away(graph: LearnGraph, d: Draft) -> bool:
    """Whether the stem's words may point to the answer alone: it shares a word root with the right option and a
    draw of the distractors could leave out every one that shares it too ('medial sole' and the medial plantar
    nerve; 'tarsal tunnel' and the Tinel sign at the tarsal tunnel; the fibularis longus and the superficial
    fibular nerve)."""
    stem = _roots(d.stem)
    stem_words = fold(d.stem).split()

    def shares(entity: str) -> bool:
        label = graph.label(entity)
        return bool(_roots(label) & stem) or any(root in w for root in _roots(label) for w in stem_words)

    pool = d.distractors[:DRAW_FROM]  # the draw picks DISTRACTORS of these: enough must share that any pick has one
    return shares(d.answer.entity) and sum(shares(c.entity) for c in pool) < len(pool) - DISTRACTORS + 1
