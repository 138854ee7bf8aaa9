"""Find a term by any name a person would type: CURIE, IRI, label, synonym, abbreviation, xref.

Resolution is exact (after case and punctuation folding) and unambiguous or it fails with
suggestions; search is ranked: exact label, exact synonym or abbreviation, prefix, then fuzzy.
"""

from __future__ import annotations

import math
import re
import sys
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, ValuesView
from dataclasses import dataclass
from enum import IntEnum
from typing import TypeVar, overload

from rapidfuzz import fuzz, process

from ..errors import AmbiguousTerm, UnknownTerm
from ..ontology.curies import standardize
from .model import Term

T = TypeVar("T")

_FOLD = re.compile(r"[\s\-_/,;:()'’.]+")


def fold(text: str) -> str:
    """Case- and punctuation-insensitive form of a name ("Peroneus-Longus" -> "peroneus longus")."""
    return _FOLD.sub(" ", text.casefold()).strip()


class _Ranked(IntEnum):
    """An order of trust (lower is better) that answers name in lower case."""

    @property
    def public_name(self) -> str:
        return self.name.lower()


class MatchField(_Ranked):
    """Which field matched, in order of trust (lower is better)."""

    ID = 0
    LABEL = 1
    ABBREVIATION = 2
    SYNONYM = 3
    LATIN_NAME = 4
    XREF = 5
    RELATED_NAME = 6


#: Scores: a kind of match (exact 1.0, prefix 0.9, word 0.8, fuzzy at most 0.7) less 0.02 when the name matched is
#: not the label; the gaps leave room for a caller to rank within a kind (app.knowledge.resolver: anatomy first).
OTHER_NAME_EXACT = 0.98


class MatchKind(_Ranked):
    """How well the text matched, whatever the field (lower is better): the tiers of the ranking."""

    EXACT = 0
    PREFIX = 1
    WORD = 2
    FUZZY = 3


@dataclass(frozen=True, slots=True)
class SearchHit:
    term: Term
    score: float
    matched_field: MatchField
    matched_text: str
    match: MatchKind = MatchKind.FUZZY


#: Words of a query matched fuzzily (the rest still count for exact and prefix matches), and words remembered
MAX_FUZZY_WORDS = 8
CLOSENESS_CACHE = 4096


class TermIndex(Mapping[str, Term]):
    """The loaded terms by CURIE (a read-only mapping), with lookups by any name; built once."""

    def __init__(self, terms: Iterable[Term]) -> None:
        self._by_id: dict[str, Term] = {t.id: t for t in terms}
        self._by_iri = {t.iri: t for t in self._by_id.values()}
        self._choices: list[tuple[str, MatchField, str]] = []  # (folded name, field, term id)
        by_name: dict[str, dict[MatchField, set[str]]] = {}
        for term in self._by_id.values():
            for field, name in _names(term):
                folded = fold(name)
                if folded:
                    by_name.setdefault(folded, {}).setdefault(field, set()).add(term.id)
                    self._choices.append((folded, field, term.id))
        # each name's (field, sorted ids) pairs in the order they were found, as tuples: a dict and a set per name
        # held 8.8 MiB at 10 copies of the graph
        self._by_name: dict[str, tuple[tuple[MatchField, tuple[str, ...]], ...]] = {
            name: tuple((field, tuple(sorted(ids))) for field, ids in fields.items())
            for name, fields in by_name.items()
        }
        # a word is one string however many names hold it (interned: a snapshot's pickle then stores it once)
        self._choice_tokens = [tuple(sys.intern(word) for word in name.split()) for name, _, _ in self._choices]
        # Indices built once, so that a search costs what it finds, not the size of the graph: every name from
        # each of its word starts, sorted (prefix and word matches are one bisection), and each word's names. The
        # starts are kept as (name, offset) pairs in two arrays, not as the suffix strings (which took 4 MiB at 10
        # copies, and their positions in a list of ints 2.8 MiB more); a bisection slices the few it compares.
        starts = sorted(
            (name[i:], idx, i)
            for idx, (name, _, _) in enumerate(self._choices)
            for i in (0, *(m.end() for m in re.finditer(" ", name)))
        )
        self._suffix_choice = array("I", (idx for _, idx, _ in starts))
        self._suffix_offset = array("I", (offset for _, _, offset in starts))
        del starts
        postings: dict[str, list[int]] = defaultdict(list)
        for idx, tokens in enumerate(self._choice_tokens):
            for token in set(tokens):
                postings[token].append(idx)
        self._postings: dict[str, array[int]] = {token: array("I", ids) for token, ids in postings.items()}
        self._vocabulary = sorted(self._postings)
        self._max_name_words = max((len(tokens) for tokens in self._choice_tokens), default=0)
        self._closeness: dict[str, dict[str, float]] = {}  # word -> its close vocabulary words, bounded

    def _suffix(self, position: int) -> str:
        """The name of the ``position``-th word start, from that word on."""
        return self._choices[self._suffix_choice[position]][0][self._suffix_offset[position] :]

    # -- the mapping (get, values and `in` go straight to the dict: answers call them per entity) --
    def __getitem__(self, curie: str) -> Term:
        return self._by_id[curie]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_id)

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, curie: object) -> bool:
        return curie in self._by_id

    @overload
    def get(self, curie: str, /) -> Term | None: ...
    @overload
    def get(self, curie: str, default: Term, /) -> Term: ...
    @overload
    def get(self, curie: str, default: T, /) -> Term | T: ...
    def get(self, curie: str, default: object = None, /) -> object:
        return self._by_id.get(curie, default)

    def values(self) -> ValuesView[Term]:
        return self._by_id.values()

    # -- names --------------------------------------------------------------------------------
    def resolve(self, ref: str, *, parameter: str | None = None) -> Term:
        """The one term that ``ref`` names, or :class:`UnknownTerm` / :class:`AmbiguousTerm`.

        ``parameter`` (the part of a request that held the name) is carried by the error.
        """
        text = ref.strip()
        by_id = self._by_id
        term = by_id.get(text) or self._by_iri.get(text)
        # a full IRI under a known namespace (an UBERON or FMA PURL) names what its CURIE names
        text = standardize(text)
        term = term or by_id.get(text)
        if term is None and ":" in text:
            prefix, _, local = text.partition(":")
            term = by_id.get(f"{prefix.upper()}:{local}")
        if term is not None:
            return term
        fields = self._by_name.get(fold(text))
        if fields:
            _, ids = min(fields)  # the best field's (a name's fields differ)
            if len(ids) == 1:
                return by_id[ids[0]]
            raise AmbiguousTerm(ref, [by_id[i] for i in ids], parameter)
        raise UnknownTerm(ref, self.suggest(text), parameter)

    def suggest(self, text: str, limit: int = 5) -> list[Term]:
        """The closest distinct terms to a name that matched nothing."""
        return [hit.term for hit in self.search(text, limit=limit, fuzzy_cutoff=50.0)]

    def search(
        self,
        query: str,
        *,
        types: Collection[str] | None = None,
        limit: int | None = 10,
        fuzzy_cutoff: float = 70.0,
    ) -> list[SearchHit]:
        """Ranked hits: exact label, exact other name, prefix, then fuzzy; one hit per term (every hit when
        ``limit`` is None: the fuzzy pass then always runs, so a count of them does not depend on a page size)."""
        folded = fold(query)
        if not folded:
            return []
        best: dict[str, SearchHit] = {}

        def offer(term_id: str, score: float, field: MatchField, name: str, kind: MatchKind) -> None:
            term = self._by_id[term_id]
            if types is not None and not any(t in types for t in term.types):
                return
            current = best.get(term_id)
            if current is None or (score, -field) > (current.score, -current.matched_field):
                best[term_id] = SearchHit(term, round(score, 3), field, name, kind)

        # every name that has the query at one of its word starts: at the first word, exact or prefix; else word
        starts = range(len(self._suffix_choice))
        first = bisect_left(starts, folded, key=self._suffix)
        for position in range(first, bisect_left(starts, folded + "\U0010ffff", first, key=self._suffix)):
            idx = self._suffix_choice[position]
            name, field, term_id = self._choices[idx]
            if name == folded:
                offer(term_id, 1.0 if field <= MatchField.LABEL else OTHER_NAME_EXACT, field, name, MatchKind.EXACT)
            elif name.startswith(folded):
                offer(term_id, 0.9 if field == MatchField.LABEL else 0.88, field, name, MatchKind.PREFIX)
            else:
                offer(term_id, 0.8 if field == MatchField.LABEL else 0.78, field, name, MatchKind.WORD)
        if limit is None or len(best) < limit:
            for idx, score in self._fuzzy(folded, fuzzy_cutoff):
                name, field, term_id = self._choices[idx]
                offer(term_id, 0.7 * score / 100.0, field, name, MatchKind.FUZZY)
        ranked = sorted(best.values(), key=lambda h: (-h.score, h.matched_field, h.term.label.casefold(), h.term.id))
        return ranked if limit is None else ranked[:limit]

    def named_within(self, query: str, *, types: Collection[str] | None = None) -> list[Term]:
        """Terms one of whose names appears as whole words inside the query ("tibiofibular syndesmosis" inside
        "distal tibiofibular syndesmosis"): a reading of the query that a prefix match elsewhere would hide."""
        words = fold(query).split()
        found: dict[str, Term] = {}
        # each run of the query's words that could be a whole name (no name has more words than the longest)
        for start in range(len(words)):
            for end in range(start + 1, min(len(words), start + self._max_name_words) + 1):
                name = " ".join(words[start:end])
                if len(name) < 4:
                    continue
                for _, ids in self._by_name.get(name, ()):
                    for term_id in ids:
                        term = self._by_id[term_id]
                        if types is None or any(t in types for t in term.types):
                            found.setdefault(term_id, term)
        return list(found.values())

    def _closest_words(self, token: str) -> dict[str, float]:
        found = self._closeness.get(token)
        if found is None:
            matches = process.extract(token, self._vocabulary, scorer=fuzz.ratio, limit=None, score_cutoff=50)
            found = {word: score for word, score, _ in matches}
            if len(self._closeness) >= CLOSENESS_CACHE:
                self._closeness.pop(next(iter(self._closeness)))
            self._closeness[token] = found
        return found

    def _fuzzy(self, folded: str, cutoff: float) -> list[tuple[int, float]]:
        """Token-wise fuzzy scores (0-100): each query word against its closest word in a name.

        Word-level matching keeps a typo in one word ("ligamnet") from being outscored by a short
        name that happens to be a substring ("fibula"); names with many unmatched words lose a little.
        """
        # the first few distinct words: a name has few, and a hundred one-letter words would hold the event
        # loop for 200 ms (issue 11); each word's matches are kept, the vocabulary never changes
        query_tokens = list(dict.fromkeys(folded.split()))[:MAX_FUZZY_WORDS]
        closeness = [self._closest_words(token) for token in query_tokens]
        # A name can reach ``cutoff`` only if enough query words each have a close word in it (each adds at most
        # 100 to a sum that must reach cutoff x words): only those names are scored, found through the postings.
        # (a cutoff of 0 scores every name: the caller wants a ranking of all, close or not)
        needed = math.ceil(cutoff * len(closeness) / 100 - 1e-9)
        holders: Counter[int] = Counter()
        for close in closeness if needed > 0 else ():
            holders.update({idx for word in close for idx in self._postings[word]})
        candidates = range(len(self._choices)) if needed <= 0 else sorted(i for i, n in holders.items() if n >= needed)
        scored = []
        for idx in candidates:
            tokens = self._choice_tokens[idx]
            per_query = [max((c.get(t, 0.0) for t in tokens), default=0.0) for c in closeness]
            coverage = sum(per_query) / len(per_query)
            if coverage < cutoff:
                continue
            unmatched = sum(1 for t in tokens if all(c.get(t, 0.0) < 70 for c in closeness))
            score = coverage * (1 - 0.15 * unmatched / len(tokens))
            if score >= cutoff:
                scored.append((idx, score))
        return scored


def _names(term: Term) -> Iterable[tuple[MatchField, str]]:
    yield MatchField.ID, term.id
    yield MatchField.LABEL, term.label
    for abbreviation in term.abbreviations:
        yield MatchField.ABBREVIATION, abbreviation
    for synonym in term.synonyms:
        yield MatchField.SYNONYM, synonym
    if term.latin_name:
        yield MatchField.LATIN_NAME, term.latin_name
    for xref in term.xrefs:
        yield MatchField.XREF, xref.curie
    for name in term.related_names:
        yield MatchField.RELATED_NAME, name
