"""What every impact rule needs: the knowledge base, the rule book, its parameters and a registry.

Each declared rule (data/rules/impact.ttl) has exactly one implementation, registered with
:func:`implements`; :func:`check_registry` fails at start-up when a declared rule has no
implementation or an implementation names a rule that is not declared.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Literal, TypeVar, cast

from ...knowledge.base import KnowledgeBase
from ...knowledge.model import ActionRole, RestraintRole, Statement
from ...models import EntityRef, Fact, RuleRef
from ..rules import RuleBook, RuleConfigurationError
from . import terms
from .models import Reach, Stability

Grade = Literal[1, 2, 3]
F = TypeVar("F", bound=Callable[..., object])
T = TypeVar("T")

#: rule id -> the qualified name of its one implementation
REGISTRY: dict[str, str] = {}


def implements(rule_id: str) -> Callable[[F], F]:
    """Register a function as the one implementation of a declared rule."""

    def register(function: F) -> F:
        name = f"{function.__module__}.{function.__qualname__}"
        if REGISTRY.setdefault(rule_id, name) != name:
            raise RuleConfigurationError(f"{rule_id} is implemented twice: {REGISTRY[rule_id]} and {name}")
        return function

    return register


def check_registry(rules: RuleBook) -> None:
    """Declared rules and implementations must match one to one."""
    declared, implemented = set(rules.rules), set(REGISTRY)
    if declared != implemented:
        raise RuleConfigurationError(
            f"declared but not implemented: {sorted(declared - implemented)}; "
            f"implemented but not declared in data/rules/: {sorted(implemented - declared)}"
        )


#: Weakest first: a conclusion is as well known as its least well known fact.
BASIS_ORDER = (terms.EDITOR_INFERENCE, terms.CONVERTED_FROM_SCALE, terms.STATED_BY_SOURCE, terms.MEASURED)
_BASIS_RANK = {basis: rank for rank, basis in enumerate(BASIS_ORDER)}


@dataclass
class Affected:
    """One structure the injury reaches: how, with which lesion, and the statements leading there."""

    grade: Grade
    reached: Reach
    lesion: str | None
    via: str | None
    chain: list[Statement]
    rules: tuple[str, ...]
    #: other ways the same structure was reached that did not become its state (a named torn muscle that
    #: its torn tendon also unloads): kept for what they cost and for the facts behind that
    also: list[Affected] = field(default_factory=list)

    def states(self) -> list[Affected]:
        return [self, *self.also]


#: How an expansion rule reaches a structure: (structure, grade, how, via, chain, rule, lesion)
Reacher = Callable[[str, Grade, Reach, str | None, list[Statement], str, str | None], None]

#: (condition, the 'affects' statement that links it, the state it was reached with): what an injury amounts to
Amounts = tuple[str, Statement | None, Affected]

#: the rule that marks a condition of a whole reached through one of its parts (conditions.through_part)
IN_GENERAL = "rule:whole-condition-in-general"


def in_general(state: Affected) -> bool:
    """The condition was reached through a part of what it affects: what it may lead to was said of it in general."""
    return IN_GENERAL in state.rules


@dataclass
class Context:
    """The knowledge base, the rules and their parameters, read once per engine."""

    kb: KnowledgeBase
    rules: RuleBook
    refs: dict[str, RuleRef] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.refs = {rule_id: self.rules[rule_id].ref() for rule_id in self.rules.rules}
        #: each rule with its full text, as an answer lists the rules it applied (built once, shared like refs)
        self.described = {rule_id: self.rules[rule_id].ref(described=True) for rule_id in self.rules.rules}
        self._walks: dict[tuple[str, str], list[tuple[str, list[Statement]]]] = {}
        self._ranks: dict[int, tuple[Fact, int]] = {}
        self._statement_facts: dict[int, tuple[Statement, Fact]] = {}
        self._derived: dict[Hashable, object] = {}
        self._rule_lists: dict[tuple[str, ...], tuple[RuleRef, ...]] = {}
        #: the basis of each rank (BASIS_ORDER's refs, then None: no basis known), as :meth:`basis` answers it
        self._basis_refs: tuple[EntityRef | None, ...] = (*(self.kb.ref(b) for b in BASIS_ORDER), None)
        rules = self.rules
        self.grade_loss = {g: rules["rule:injury-loses-restraint"].parameter(f"grade{g}") for g in (1, 2, 3)}
        destabilised = rules["rule:motion-destabilised"]
        self.role_weight = {
            RestraintRole.PRIMARY: destabilised.parameter("primary_weight"),
            RestraintRole.SECONDARY: destabilised.parameter("secondary_weight"),
        }
        self.laxity_threshold = destabilised.parameter("laxity_threshold")
        weakened = rules["rule:motion-weakened"]
        self.action_weight = {
            ActionRole.PRIME_MOVER: weakened.parameter("prime_mover_weight"),
            ActionRole.ASSISTANT: weakened.parameter("assistant_weight"),
        }
        load = rules["rule:load-transfer"]
        self.load_rank: dict[RestraintRole | ActionRole, float] = {
            RestraintRole.PRIMARY: load.parameter("primary_restraint_rank"),
            RestraintRole.SECONDARY: load.parameter("secondary_restraint_rank"),
            ActionRole.PRIME_MOVER: load.parameter("prime_mover_rank"),
            ActionRole.ASSISTANT: load.parameter("assistant_rank"),
        }
        self.load_status_rank: dict[Stability, float] = {
            Stability.UNSTABLE: load.parameter("unstable_rank"),
            Stability.LAXITY: load.parameter("laxity_rank"),
            Stability.REDUCED: load.parameter("reduced_rank"),
        }
        compression = int(rules["rule:space-compresses-contents"].parameter("compression_grade"))
        self.compression_grade: Grade = compression if compression in (1, 2, 3) else 1  # type: ignore[assignment]
        self.retinaculum_grade = rules["rule:retinaculum-holds-tendons"].parameter("minimum_grade")
        self.denervation_loss = {g: rules["rule:nerve-denervates"].parameter(f"grade{g}") for g in (1, 2, 3)}
        self.ischaemia_share = rules["rule:compartment-ischaemia"].parameter("share")
        #: per structure, the statements of the decision rules that screen for its fracture (rule condition-work-up)
        self.screened_by: dict[str, list[Statement]] = {}
        for st in self.kb.statements:
            if st.predicate == terms.SCREENS_FOR:
                self.screened_by.setdefault(st.object, []).append(st)
        #: per subject and predicate, its statements in the order of ``kb.by_subject``, grouped when the subject is
        #: first asked about (not at start: 100 copies of the graph): the rules ask for one predicate of a subject
        #: some seventy times per answer, and a subject has dozens of statements
        self._objects: dict[str, dict[str, tuple[Statement, ...]]] = {}

    def derived(self, key: Hashable, build: Callable[[], T]) -> T:
        """A table that depends only on the graph and the rules (the opposing actions of a motion, the restraints of
        a motion per position), built on first use and kept for the engine's life: the knowledge base never changes
        under an engine, and without this every answer rebuilds it. Bounded by the graph: keys are its entities.
        What is kept is shared: callers read it and never change it."""
        found = self._derived.get(key, _MISSING)  # one lookup: asked some hundred times per answer
        if found is not _MISSING:
            return cast(T, found)
        value = self._derived[key] = build()
        return value

    def rule_refs(self, *rule_ids: str) -> list[RuleRef]:
        """The rules' references, each once, in order (kept per tuple of ids: an answer asks for the same few
        combinations dozens of times; a new list each call)."""
        kept = self._rule_lists.get(rule_ids)
        if kept is None:
            if len(self._rule_lists) >= MEMO_LIMIT:
                self._rule_lists.clear()
            kept = self._rule_lists[rule_ids] = tuple(self.refs[r] for r in dict.fromkeys(rule_ids) if r)
        return list(kept)

    def is_any(self, curie: str, classes: Iterable[str]) -> bool:
        return not self.kb.types_of(curie).isdisjoint(classes)

    def objects(self, subject: str, predicate: str) -> list[Statement]:
        by_predicate = self._objects.get(subject)
        if by_predicate is None:
            grouped: dict[str, list[Statement]] = {}
            for st in self.kb.by_subject.get(subject, ()):
                grouped.setdefault(st.predicate, []).append(st)
            by_predicate = self._objects[subject] = {p: tuple(found) for p, found in grouped.items()}
        return list(by_predicate.get(predicate, ()))

    def wholes(self, curie: str) -> list[tuple[str, list[Statement]]]:
        """Everything ``curie`` is part of (akg:partOf, transitively), each with the statements leading up to it,
        nearest first (a fractured malleolus is a fractured fibula; a torn band, a torn complex)."""
        return self._walk(curie, terms.PART_OF)

    def _walk(self, curie: str, predicate: str) -> list[tuple[str, list[Statement]]]:
        """The walk, kept per (structure, predicate): the knowledge base never changes under an engine, and the
        answers walk the same parts and wholes many times (a copy of the list is returned; its paths are shared and
        never changed by callers)."""
        key = (curie, predicate)
        if key not in self._walks:
            self._walks[key] = self._walk_now(curie, predicate)
        return list(self._walks[key])

    def _walk_now(self, curie: str, predicate: str) -> list[tuple[str, list[Statement]]]:
        found: list[tuple[str, list[Statement]]] = []
        stack: list[tuple[str, list[Statement]]] = [(curie, [])]
        seen = {curie}
        while stack:
            current, path = stack.pop()
            for st in self.objects(current, predicate):
                if st.object not in seen:
                    seen.add(st.object)
                    found.append((st.object, [*path, st]))
                    stack.append((st.object, [*path, st]))
        return sorted(found, key=lambda item: (len(item[1]), item[0]))

    def parts(self, curie: str) -> list[tuple[str, list[Statement]]]:
        """Every part of ``curie`` (akg:hasPart, transitively), each with the statements leading down to it,
        nearest first (the bands of a ligament complex; the landmarks of a bone)."""
        return self._walk(curie, terms.HAS_PART)

    def part_ids(self, curie: str) -> tuple[str, ...]:
        """The parts of :meth:`parts`, without the paths (kept per engine: no copy per call)."""
        return self.derived(("part ids", curie), lambda: tuple(part for part, _ in self.parts(curie)))

    def part_set(self, curie: str) -> frozenset[str]:
        """The parts of :meth:`part_ids` as a set, for membership tests (kept per engine)."""
        return self.derived(("part set", curie), lambda: frozenset(self.part_ids(curie)))

    def objects_any(self, subject: str, predicates: Iterable[str]) -> list[Statement]:
        wanted = tuple(predicates)

        def find() -> tuple[Statement, ...]:
            return tuple(st for st in self.kb.by_subject.get(subject, ()) if st.predicate in wanted)

        return list(self.derived(("objects any", subject, wanted), find))

    def facts(self, statements: Iterable[Statement]) -> list[Fact]:
        kept = self._statement_facts
        found = []
        for st in statements:
            fact = kept.get(id(st))
            found.append(fact[1] if fact is not None and fact[0] is st else self._fact(st))
        return found

    def _fact(self, st: Statement) -> Fact:
        """The knowledge base's fact of a statement, kept here by the statement's identity: the knowledge base keys
        it by the statement's value, whose hash is recomputed over all its fields on every lookup (some fifty per
        answer). The memo holds the statement, so its id is not reused while kept; it is bounded."""
        kept = self._statement_facts.get(id(st))
        if kept is not None and kept[0] is st:
            return kept[1]
        fact = self.kb.statement_fact(st)
        if len(self._statement_facts) >= MEMO_LIMIT:
            self._statement_facts.clear()
        self._statement_facts[id(st)] = (st, fact)
        return fact

    def basis(self, facts: Iterable[Fact]) -> EntityRef | None:
        """The weakest way any of the facts, its role or its positions, is known (a relation: stated by its
        source)."""
        ranks = self._ranks
        best = len(BASIS_ORDER)
        for fact in facts:
            kept = ranks.get(id(fact))
            rank = kept[1] if kept is not None and kept[0] is fact else self._rank(fact)
            if rank < best:
                best = rank
        return self._basis_refs[best]

    def _rank(self, fact: Fact) -> int:
        """The fact's weakest basis rank (len(BASIS_ORDER): none known), kept by the fact's identity: the facts are
        the knowledge base's, built once and never changed, and an answer weighs the same ones dozens of times.
        The memo holds the fact, so its id is not reused while it is kept; it is bounded."""
        kept = self._ranks.get(id(fact))
        if kept is not None and kept[0] is fact:
            return kept[1]
        best = len(BASIS_ORDER)
        best = min(best, _BASIS_RANK.get(fact.known_by.id if fact.known_by else terms.STATED_BY_SOURCE, best))
        for key in ("role_basis", "position_basis"):
            value = fact.qualifiers.get(key)
            if isinstance(value, list):
                best = min([best, *(_BASIS_RANK.get(ref.id, best) for ref in value)])
        if len(self._ranks) >= MEMO_LIMIT:
            self._ranks.clear()
        self._ranks[id(fact)] = (fact, best)
        return best


#: what Context.derived finds for a table not built yet (a table may be None or empty)
_MISSING = object()
#: the most facts a memo kept by identity holds before it starts again (the bundled graph has a few thousand)
MEMO_LIMIT = 200_000
FactKey = tuple[str, str, str | None, str | None]
#: id(fact) -> (the fact, its key): see Context._rank
_KEYS: dict[int, tuple[Fact, FactKey]] = {}


def _key(fact: Fact) -> FactKey:
    kept = _KEYS.get(id(fact))
    if kept is not None and kept[0] is fact:
        return kept[1]
    key = (fact.subject.id, fact.predicate.id, fact.object.id if fact.object else None,
           fact.fact.id if fact.fact else None)  # fmt: skip
    if len(_KEYS) >= MEMO_LIMIT:
        _KEYS.clear()
    _KEYS[id(fact)] = (fact, key)
    return key


def unique_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Each fact once (by subject, predicate, object and fact node), first occurrence first. The same record
    often comes many times (a lost restraint's steps behind every restraint that takes over its load): its key is
    kept by the record's identity (see :func:`_key`), so a repeat costs two dict lookups."""
    unique: dict[FactKey, Fact] = {}
    keys = _KEYS
    for fact in facts:
        kept = keys.get(id(fact))
        key = kept[1] if kept is not None and kept[0] is fact else _key(fact)
        if key not in unique:
            unique[key] = fact
    return list(unique.values())
