"""From the names a person types to terms, schema classes and edge predicates, or an error that
says which parameter to fix and what would have worked."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from ..errors import AmbiguousTerm, InvalidArgument, UnknownTerm
from ..ontology.curies import local_name
from .base import KnowledgeBase
from .lookup import SearchHit, fold
from .model import Term
from .schema import (
    ANATOMICAL_STRUCTURE,
    CONDITION,
    FREQUENCY,
    FREQUENCY_ORDER,
    INJURABLE_TYPES,
    JOINT_POSITION,
    MOTION,
    REFERENCE,
    SCHEMA_PREFIX,
)

__all__ = ["NameMatch", "Resolver"]

#: An injury grade (app.reasoning.impact.Grade: 1, 2 or 3), generic here so this package does not import reasoning.
#: One injury as a caller may name it: a name, a (name, grade) pair, or {"structure": name, "grade": grade}
Injury = str | tuple[str, int | None] | Mapping[str, object]
#: A grade once checked
Grade = Literal[1, 2, 3]
#: The grade of an injury named without one: a complete tear (a condition so named is also read at its lower grades)
DEFAULT_GRADE: Grade = 3


class Resolver:
    """Name resolution over one knowledge base (the edge predicates it knows are listed once)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._predicates: frozenset[str] | None = None
        #: (name, types) -> the term a typed resolution found: a name that is not the term's own (``plantarflexion``
        #: for the plantarflexed position, the API's own example) is found by a ranked search over every term,
        #: ~0.5 ms, and was searched again on every request, a cached answer's too. Bounded; refusals not kept.
        self._typed: dict[tuple[str, frozenset[str]], Term] = {}

    def resolve(self, ref: str, *, types: Collection[str] | None = None, parameter: str = "ref") -> Term:
        """The term ``ref`` names (CURIE, IRI, label, synonym, abbreviation; any case).

        With ``types``, only terms of those classes (or their subclasses) qualify; a name that is
        ambiguous overall but unique among those types resolves. An unknown or ambiguous name raises
        with ``parameter`` recorded, so the error can say which part of the request to fix.
        """
        if types is None:
            return self.kb.terms.resolve(ref, parameter=parameter)
        key = (ref, frozenset(types))
        found = self._typed.get(key)
        if found is None:
            found = self._resolve_typed(ref, types, parameter)
            if len(self._typed) >= TYPED_LIMIT:
                self._typed.clear()
            self._typed[key] = found
        return found

    def _resolve_typed(self, ref: str, types: Collection[str], parameter: str) -> Term:
        terms = self.kb.terms
        try:
            term = terms.resolve(ref)
            if self._has_type(term, types):
                return term
            candidates = [term]
        except AmbiguousTerm as exc:
            candidates = exc.candidates
        except UnknownTerm:
            candidates = []
        typed = [t for t in candidates if self._has_type(t, types)]
        if len(typed) == 1:
            return typed[0]
        if len(typed) > 1:  # a name several terms of these types share ('ankle bone'; an umbrella name): ask which
            raise AmbiguousTerm(ref, typed, parameter)
        hits = terms.search(ref, types=self.expand_types(types), limit=5)
        # A unique best prefix match ("deltoid" -> deltoid ligament) is what the user meant, unless another
        # term's whole name is inside the query ("distal tibiofibular syndesmosis": the joint, not the sprain).
        if hits and hits[0].score >= 0.85 and (len(hits) == 1 or hits[0].score > hits[1].score):
            within = [t for t in terms.named_within(ref, types=self.expand_types(types)) if t.id != hits[0].term.id]
            if not within:
                return hits[0].term
            raise AmbiguousTerm(ref, [hits[0].term, *within], parameter)
        # The one structure among close prefix matches whose others are conditions or treatments named after it
        # ("Achilles": the calcaneal tendon, by its synonym, not the Achilles tendinopathy or rupture: review r36 C10)
        close = [h.term for h in hits if h.score >= 0.85]
        structures = [t for t in close if self._has_type(t, (ANATOMICAL_STRUCTURE,))]
        if len(structures) == 1 and len(close) > 1:
            return structures[0]
        wanted = ", ".join(sorted(self.kb.label(t) for t in types))
        if candidates:
            raise InvalidArgument(
                parameter, ref, f"{ref!r} names {self._describe(candidates)}, which is not of the kinds asked for "
                f"here ({wanted})"
            )
        # Few terms have these types: rank them all, so the caller always gets something to pick from.
        wider = terms.search(ref, types=self.expand_types(types), limit=SUGGESTION_POOL) if hits else []
        suggestions = wider or terms.search(ref, types=self.expand_types(types), limit=5, fuzzy_cutoff=0)
        raise UnknownTerm(ref, [h.term for h in self._commonest_first(suggestions)[:5]], parameter)

    def _commonest_first(self, hits: list[SearchHit]) -> list[SearchHit]:
        """Hits of equal score, the commonest condition first by its source's word ("ankle sprain": the lateral
        ankle sprain, common, before the high ankle sprain, which the alphabet put first; review r44): a condition
        whose frequency is not recorded comes after the uncommon ones, before the rare ones."""
        return sorted(hits, key=lambda h: (-h.score, self._frequency_rank(h.term.id)))

    def _frequency_rank(self, term_id: str) -> int:
        words = [st.object for st in self.kb.by_subject.get(term_id, ()) if st.predicate == FREQUENCY]
        ranks = [FREQUENCY_ORDER.index(w) for w in words if w in FREQUENCY_ORDER]
        if not ranks:
            return 2  # unrecorded: between uncommon (1) and rare (3)
        return min(ranks) if min(ranks) < 2 else 3

    def resolve_ids(self, names: Sequence[str], cls: str | tuple[str, ...], parameter: str) -> tuple[str, ...]:
        """The ids of the terms of class ``cls`` (or of any of several classes) that ``names`` name, each once, in
        order."""
        types = (cls,) if isinstance(cls, str) else cls
        return tuple(dict.fromkeys(self.resolve(n, types=types, parameter=parameter).id for n in names))

    def injuries(self, injured: str | Sequence[Injury], grade: int | None) -> NamedInjuries:
        """The injured structures or conditions, resolved once: one name, or names (of ``grade``), (name, grade)
        pairs and {"structure", "grade"} mappings. Grades are 1, 2 or 3 (checked here, so any int may be passed);
        at least one injury must be named. See :class:`NamedInjuries` for what a grade not given means."""
        pairs: list[tuple[str, Grade]] = []
        ungraded: set[str] = set()
        names: list[NameMatch] = []
        for name, item_grade in _named_injuries(injured, grade):
            term = self._injurable(name)
            pairs.append((term.id, DEFAULT_GRADE if item_grade is None else item_grade))
            if item_grade is None and self.kb.is_a(term.id, CONDITION):
                ungraded.add(term.id)
            if (match := self._loose_name(term, name)) is not None:
                names.append(match)
        return NamedInjuries(tuple(pairs), frozenset(ungraded), tuple(dict.fromkeys(names)))

    @staticmethod
    def _loose_name(term: Term, name: str) -> NameMatch | None:
        """The name as a narrower, broader or related name of its term rather than its label, an exact synonym, an
        abbreviation or its id ('os trigonum syndrome', a related name of posterior ankle impingement)."""
        folded = fold(name)
        own = (term.id, term.label, *term.synonyms, *term.abbreviations, term.latin_name or "")
        if folded in {fold(n) for n in own}:
            return None
        predicate = next((p for n, p in term.name_relations if fold(n) == folded), None)
        return None if predicate is None else NameMatch(term.id, name.strip(), predicate)

    def _injurable(self, name: str) -> Term:
        return self.resolve(name, types=INJURABLE_TYPES, parameter="injured")

    def resolve_mechanism(self, mechanism: tuple[str, str | None]) -> tuple[str, str | None]:
        """The ids of an injury mechanism's motion and (optional) joint position."""
        motion, position = mechanism
        return (
            self.resolve(motion, types=(MOTION,), parameter="mechanism.motion").id,
            self.resolve(position, types=(JOINT_POSITION,), parameter="mechanism.position").id if position else None,
        )

    def resolve_classes(self, names: Collection[str], *, parameter: str = "type") -> set[str]:
        """Schema classes named by CURIE (akg:Ligament), local name (Ligament) or label (ligament)."""
        classes = {cls: self.kb.label(cls) for cls in self.kb.class_ancestors if cls.startswith(SCHEMA_PREFIX)}

        def refusal() -> str:
            known = ", ".join(sorted(local_name(c) for c in classes if self._has_instances(c)))
            return f"not a known type; use one of: {known}"

        return _match_names(names, classes, parameter, refusal)

    def resolve_predicates(self, names: Collection[str], *, parameter: str = "predicate") -> set[str]:
        """Edge predicates named by CURIE (akg:partOf), local name (partOf) or label (part of)."""
        predicates = {p: self.kb.label(p) for p in self.predicate_ids()}

        def refusal() -> str:
            return f"no edge has this predicate; use one of: {', '.join(sorted(local_name(p) for p in predicates))}"

        return _match_names(names, predicates, parameter, refusal)

    def predicate_ids(self) -> frozenset[str]:
        """Every predicate that labels an edge of the projection (for validating filters; computed once)."""
        if self._predicates is None:
            self._predicates = frozenset(self.kb.links.predicates)
        return self._predicates

    def search(self, query: str, *, types: Collection[str] | None = None) -> list[SearchHit]:
        """Every hit, ranked: exact, prefix, word, then fuzzy matches (typos); within one kind of match anatomy
        comes first (a learner typing "achilles" wants the tendon before the conditions named after it), and
        references only when ``types`` asks for them."""
        wanted = self.expand_types(types) if types else None
        hits = self.kb.terms.search(query, types=wanted, limit=None)
        if wanted is None or REFERENCE not in wanted:
            hits = [h for h in hits if not self.kb.is_a(h.term.id, REFERENCE)]
        ranked = [h if self.kb.is_a(h.term.id, ANATOMICAL_STRUCTURE) else _demoted(h) for h in hits]
        return sorted(ranked, key=lambda h: (-h.score, h.match, h.matched_field, h.term.label))

    def expand_types(self, types: Collection[str]) -> set[str]:
        """The classes given and all their subclasses."""
        return {cls for cls, ancestors in self.kb.class_ancestors.items() if ancestors & set(types)}

    def _has_type(self, term: Term, types: Collection[str]) -> bool:
        return bool(self.kb.all_types(term) & set(types))

    def _has_instances(self, cls: str) -> bool:
        return any(cls in self.kb.all_types(t) for t in self.kb.terms.values())

    def _describe(self, terms: Sequence[Term]) -> str:
        return " or ".join(f"{t.label} ({t.id}, a {', '.join(self.kb.label(c) for c in t.types)})" for t in terms)


#: How many hits an unknown name's suggestions are drawn from before the commonest five of equal score are taken
SUGGESTION_POOL = 20

#: The most typed resolutions a resolver keeps before it starts again (names of at most a few hundred characters)
TYPED_LIMIT = 4096

#: What a hit that is not anatomy loses: more than a label gains over another name (0.02), less than a kind of
#: match over the next (0.1, app.knowledge.lookup), so it moves only within its kind of match.
NOT_ANATOMY = 0.03


def _demoted(hit: SearchHit) -> SearchHit:
    return replace(hit, score=round(max(hit.score - NOT_ANATOMY, 0.0), 3))


def _match_names(
    names: Collection[str], labels: Mapping[str, str], parameter: str, refusal: Callable[[], str]
) -> set[str]:
    """The CURIEs of ``labels`` each name gives by CURIE, local name or label (any case); a name
    that matches none raises, with ``refusal()`` saying what would have worked."""
    resolved = set()
    for name in names:
        key = name.strip().casefold()
        match = [c for c, label in labels.items() if key in (c.casefold(), local_name(c).casefold(), label.casefold())]
        if not match:
            raise InvalidArgument(parameter, name, refusal())
        resolved.update(match)
    return resolved


@dataclass(frozen=True, slots=True)
class NameMatch:
    """An injury named by one of its term's related names: the term, the name as typed, and the predicate that
    records the name (oboInOwl:hasNarrowSynonym, hasBroadSynonym or hasRelatedSynonym)."""

    term: str
    name: str
    predicate: str


@dataclass(frozen=True, slots=True)
class NamedInjuries:
    """The injuries of one question, resolved. ``pairs``: each id and grade, a grade not given taken as 3 (a complete
    tear); ``ungraded``: the conditions named without a grade, which the impact engine reads at every grade their
    names cover beside it (rule ungraded-condition-intersects); ``names``: the injuries named by a related name, which
    the answer must say (review r44)."""

    pairs: tuple[tuple[str, Grade], ...]
    ungraded: frozenset[str]
    names: tuple[NameMatch, ...]

    @property
    def asked(self) -> list[tuple[str, Grade | None]]:
        """Each id with its grade as asked: None for a condition named without one."""
        return [(curie, None if curie in self.ungraded else grade) for curie, grade in self.pairs]


def _named_injuries(injured: str | Sequence[Injury], grade: int | None) -> list[tuple[str, Grade | None]]:
    """Each injury's name and checked grade, None where none is given (see :meth:`Resolver.injuries`)."""
    injuries: list[tuple[str, Grade | None]] = []
    for item in [injured] if isinstance(injured, str) else injured:
        if isinstance(item, Mapping):  # {"structure": ..., "grade": ...}, as the REST API takes it
            name, item_grade = item["structure"], item.get("grade", grade)
        else:
            name, item_grade = (item, grade) if isinstance(item, str) else item
        if item_grade is None:
            injuries.append((str(name), None))
            continue
        if isinstance(item_grade, bool) or item_grade not in (1, 2, 3):
            raise InvalidArgument("grade", item_grade, "grade must be 1, 2 or 3")
        injuries.append((str(name), item_grade))
    if not injuries:
        raise InvalidArgument("injured", "", "name at least one injured structure, e.g. injured=ATFL")
    return injuries
