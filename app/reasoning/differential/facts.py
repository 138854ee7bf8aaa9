"""The facts behind the differential's predictions, kept as numbers: which of a forward answer's reasons a
prediction keeps (:func:`brief`), and how the knowledge base rebuilds each from its key (:class:`FactIndex`), so that
the profiles hold small ints instead of pydantic facts (at 100 copies of the graph: 1,248 -> 210 MiB)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import TypeVar, cast

from ...knowledge.base import KnowledgeBase
from ...knowledge.model import ClinicalTestSpec
from ...models import Fact

T = TypeVar("T")


#: How the knowledge base rebuilds a fact: the id of an n-ary fact (a restraint, a muscle action, a lesion
#: presentation, a graded treatment); (subject, position in ``kb.by_subject[subject]``) for a statement; (test,
#: predicate, joint or motion) for what a clinical test examines.
FactKey = str | tuple[str, int] | tuple[str, str, str]


class FactIndex:
    """Rebuilds a fact from its :data:`FactKey` through the knowledge base (which caches it); numbers the facts of
    profiles being built, each checked to come back as the fact the forward engine gave (equal: an engine may hold
    the knowledge base's facts in a memo of its own)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._records: dict[str, Callable[[], Fact]] | None = None
        self._tests: dict[str, ClinicalTestSpec] = {t.id: t for t in kb.clinical_tests}
        # while building profiles: the table, each key's number, each fact's number by its identity (the fact kept
        # with it, so that its id is not reused), and one object for equal values (a snapshot's pickle then stores
        # it once too)
        self.keys: list[FactKey] = []
        self._by_key: dict[FactKey, int] = {}
        self._numbers: dict[int, tuple[Fact, int]] = {}
        self._shared: dict[object, object] = {}

    def fact(self, key: FactKey) -> Fact:
        """The knowledge base's fact of ``key``."""
        if isinstance(key, str):
            return self._builders()[key]()
        if len(key) == 2:
            subject, position = key
            return self.kb.statement_fact(self.kb.by_subject[subject][position])
        test, predicate, target = key
        return self.kb.test_fact(self._tests[test], predicate, target)

    def number(self, because: Iterable[Fact]) -> tuple[int, ...]:
        """The numbers of the reasons a prediction keeps (:func:`brief`)."""
        return self.shared(tuple(self._number(f) for f in brief(because)))

    def shared(self, value: T) -> T:
        """One object for equal values (reasons, predictions, keys) across the profiles."""
        return cast(T, self._shared.setdefault(value, value))

    def _number(self, fact: Fact) -> int:
        kept = self._numbers.get(id(fact))
        if kept is not None and kept[0] is fact:
            return kept[1]
        key = self._key(fact)
        if self.fact(key) != fact:
            raise ValueError(f"{key!r} does not give back the fact {fact.subject.id} {fact.predicate.id}")
        number = self._by_key.setdefault(key, len(self.keys))
        if number == len(self.keys):
            self.keys.append(key)
        self._numbers[id(fact)] = (fact, number)
        return number

    def _key(self, fact: Fact) -> FactKey:
        if fact.fact is not None:
            return fact.fact.id
        subject, target = fact.subject.id, fact.object.id if fact.object else None
        for position, st in enumerate(self.kb.by_subject.get(subject, ())):
            if st.predicate == fact.predicate.id and st.object == target and self.kb.statement_fact(st) == fact:
                return (subject, position)
        if target is None or subject not in self._tests:
            raise ValueError(f"no record of the knowledge base gives the fact {subject} {fact.predicate.id} {target}")
        return (subject, fact.predicate.id, target)

    def _builders(self) -> dict[str, Callable[[], Fact]]:
        """The n-ary facts by id, each as the call that builds it (indexed on first use)."""
        if self._records is None:
            kb = self.kb
            records: dict[str, Callable[[], Fact]] = {}
            records |= {r.id: functools.partial(kb.restraint_fact, r) for r in kb.restraints}
            records |= {a.id: functools.partial(kb.action_fact, a) for a in kb.actions}
            records |= {p.id: functools.partial(kb.presentation_fact, p) for p in kb.lesion_presentations}
            records |= {t.id: functools.partial(kb.treatment_fact, t) for t in kb.treatment_evidence}
            self._records = records
        return self._records


#: How many facts a prediction keeps of its forward answer's reasons: the first links of the chain that reached the
#: structure, then the first n-ary facts (a restraint, a muscle action) that make the finding (a brevity policy).
CHAIN_FACTS, NARY_FACTS = 3, 2


def brief(because: Iterable[Fact]) -> list[Fact]:
    """The reasons a prediction keeps, in their order: a relation read the other way round once only (the lateral
    head is part of the gastrocnemius, which has it as a part), the chain's first links, and the restraint or action
    that makes the finding, which a long chain no longer crowds out (review r20 D6: the triceps surae's weak
    plantarflexion was explained by three part-of links and no action)."""
    facts = list(because)
    edges: set[tuple[str, str]] = set()
    chain: list[Fact] = []
    nary: list[Fact] = []
    for f in facts:
        if f.fact is not None:
            if len(nary) < NARY_FACTS:
                nary.append(f)
            continue
        edge = (f.subject.id, f.object.id if f.object else str(f.value))
        if edge in edges or edge[::-1] in edges:
            continue
        edges.add(edge)
        if len(chain) < CHAIN_FACTS:
            chain.append(f)
    kept = {id(f) for f in (*chain, *nary)}
    return [f for f in facts if id(f) in kept]
