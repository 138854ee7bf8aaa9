"""The graph as the question writers read it: relations both ways, kinship (part, kind, branch, tendon) that makes
two answers overlap, a structure's surroundings for the region filter, and a sentence for every fact."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..knowledge import phrases, schema
from ..knowledge.base import KnowledgeBase
from ..knowledge.model import Statement
from ..knowledge.phrases import join as join
from ..models import EntityRef, Fact

#: Links along which two entities overlap as answers: a whole and its part, a kind and its instance, a nerve and
#: its branch, a muscle and its tendon. An option related this way to a right answer is never a distractor.
KIN = (schema.PART_OF, schema.KIND_OF, schema.BRANCH_OF, schema.TENDON_OF)
#: Links that place a structure somewhere (the region filter and the closeness of two distractors).
PLACES = (
    schema.LIES_IN,
    schema.SPANS_JOINT,
    schema.PROXIMAL_ATTACHMENT,
    schema.DISTAL_ATTACHMENT,
    schema.ORIGIN,
    schema.INSERTION,
    schema.PASSES_THROUGH,
    schema.ADJACENT_TO,
    schema.HAS_TENDON,
    schema.INNERVATED_BY,
)
@dataclass
class LearnGraph:
    """Indexes over one knowledge base, built once for the question writers."""

    kb: KnowledgeBase
    _by_object: dict[tuple[str, str], list[Statement]] = field(default_factory=dict, repr=False)
    _kin: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    _places: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for st in self.kb.statements:
            if not st.inferred:
                self._by_object.setdefault((st.predicate, st.object), []).append(st)

    # -- relations ----------------------------------------------------------------------------------
    def objects(self, subject: str, *predicates: str) -> list[Statement]:
        """Asserted statements about ``subject`` with one of the predicates."""
        return [st for st in self.kb.by_subject.get(subject, ()) if st.predicate in predicates and not st.inferred]

    def subjects(self, obj: str, *predicates: str) -> list[Statement]:
        """Asserted statements ``? predicate obj`` with one of the predicates."""
        return [st for p in predicates for st in self._by_object.get((p, obj), ())]

    def with_predicate(self, *predicates: str) -> list[Statement]:
        return sorted(
            (st for st in self.kb.statements if st.predicate in predicates and not st.inferred),
            key=lambda st: (st.subject, st.predicate, st.object),
        )

    def of_class(self, cls: str) -> list[str]:
        """Every entity of the class (or a subclass), by id."""
        return sorted(t.id for t in self.kb.terms.values() if cls in self.kb.all_types(t) and not t.deprecated)

    def is_generic(self, curie: str) -> bool:
        """A grouping term (a kind others are instances of, as "talofibular ligament"): too vague to ask about."""
        return bool(self.subjects(curie, schema.KIND_OF)) or self.kb.is_a(curie, schema.MUSCLE_GROUP)

    # -- kinship and surroundings ----------------------------------------------------------------------
    def kin(self, curie: str) -> frozenset[str]:
        """The entity, its wholes, kinds, parent nerves and muscles, and all that lies under it the same ways."""
        cached = self._kin.get(curie)
        if cached is None:
            cached = self._kin[curie] = frozenset(self._walk(curie, up=True) | self._walk(curie, up=False))
        return cached

    def _walk(self, start: str, *, up: bool) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            node = todo.pop()
            if up:
                following = [st.object for st in self.objects(node, *KIN)]
            else:
                following = [st.subject for st in self.subjects(node, *KIN)]
            for nxt in following:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def wholes(self, curie: str) -> set[str]:
        """What the entity is part, kind, branch or tendon of, at any depth (not itself)."""
        return self._walk(curie, up=True) - {curie}

    def overlaps(self, a: str, others: Iterable[str]) -> bool:
        """Whether ``a`` is, contains, or belongs to any of ``others`` (so it would answer the same question)."""
        family = self.kin(a)
        return any(o in family for o in others)

    def places(self, curie: str) -> frozenset[str]:
        """Where a structure is: itself, its wholes, what it lies in, spans, attaches to or runs past, and the
        wholes of those (the ATFL: the lateral collateral complex, the talocrural joint, the lateral malleolus,
        the fibula, the talus...)."""
        cached = self._places.get(curie)
        if cached is None:
            near = {curie, *self._walk(curie, up=True)}
            for node in list(near):
                near |= {st.object for st in self.objects(node, *PLACES)}
            for node in list(near):
                near |= self._walk(node, up=True) - {node}
            cached = self._places[curie] = frozenset(near)
        return cached

    def is_placed(self, curie: str) -> bool:
        """The graph says where the structure runs (a compartment, a tunnel, past a malleolus or a tendon): the
        named structures of the region rather than a small branch known only by its skin."""
        return bool(self.objects(curie, schema.LIES_IN, schema.PASSES_THROUGH, schema.ADJACENT_TO, schema.SPANS_JOINT))

    def closeness(self, a: str, b: str) -> int:
        """Surroundings two structures share: distractors close to the answer are the plausible ones."""
        return len(self.places(a) & self.places(b))

    # -- words ----------------------------------------------------------------------------------------
    def ref(self, curie: str) -> EntityRef:
        return self.kb.ref(curie)

    def label(self, curie: str) -> str:
        return self.kb.label(curie)

    def fact(self, st: Statement) -> Fact:
        return self.kb.statement_fact(st)

    def sentence(self, st: Statement) -> str:
        """One relation as a clause: "the fibularis longus is supplied by the superficial fibular nerve"; a test's
        lesion with the grade its source restricts it to ("... from grade III, a complete tear")."""
        text = self.clause(st.subject, st.predicate, [st.object])
        grade = next((v for k, v in st.qualifiers if k == schema.MINIMUM_GRADE), None)
        if st.predicate == schema.DETECTS_LESION and grade is not None and str(grade) in ("1", "2", "3"):
            text += f", from grade {'I' * int(str(grade))}" + (", a complete tear" if str(grade) == "3" else "")
        return text

    def clause(self, subject: str, predicate: str, objects: list[str]) -> str:
        """A subject and several objects of one relation: "the deltoid ligament spans the talocrural joint and the
        subtalar joint"."""
        return phrases.clause(self.label(subject), predicate, self.label(predicate), [self.label(o) for o in objects])

    def clauses(self, statements: Iterable[Statement]) -> str:
        """Statements read as clauses, one per subject and predicate, joined by semicolons."""
        grouped: dict[tuple[str, str], list[str]] = {}
        for st in statements:
            grouped.setdefault((st.subject, st.predicate), []).append(st.object)
        return "; ".join(self.clause(s, p, objects) for (s, p), objects in grouped.items())


def spinal_roots(levels: str) -> str:
    """Spinal levels as a person says them: "L5-S2" is "spinal roots L5 to S2" (one level: "spinal root S1")."""
    parts = [p.strip() for p in levels.replace("–", "-").split("-") if p.strip()]
    if len(parts) == 2:
        return f"spinal roots {parts[0]} to {parts[1]}"
    return f"spinal root {levels.strip()}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
