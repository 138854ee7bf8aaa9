"""How the differential orders and counts candidates that share a score: one explanation named at several levels (a
whole and its parts, a nerve and its branches, a muscle and its tendon, one condition read through several of its
structures) counts once, and the narrower or the canonical reading comes first. The ranking itself is
:mod:`.engine`; these are the tie rules it applies to its sorted rows.
"""

from __future__ import annotations

from itertools import groupby

from ...knowledge import schema
from ...knowledge.base import KnowledgeBase
from ...models import EntityRef, Fact
from ..impact import ImpactEngine, terms
from ..impact.alternatives import definite
from .models import Candidate

#: The order of a source's words for how common a condition is: one with no word recorded may be either, so it sits
#: between common and uncommon (review r31 C22: an 'uncommon' medial sprain before a bimalleolar fracture with none)
COMMONNESS = {terms.COMMON: 0, terms.UNCOMMON: 2, terms.RARE: 3}
NOT_SAID = 1

#: One reading of one candidate, ranked: (-score, not direct, not diagnosed, parsimony, breadth, structure, the
#: candidate, its lesion mechanism)
Ranked = tuple[float, int, int, int, int, str, Candidate, EntityRef | None]


class TieOrder:
    """The tie rules, mixed into the differential engine (they read its knowledge base and walk its parts and
    branches once each)."""

    kb: KnowledgeBase
    engine: ImpactEngine
    _parts: dict[str, list[str]]
    _branch_sets: dict[str, frozenset[str]]

    def _wholes_first(self, ranked: list[Ranked]) -> list[Ranked]:
        """Among candidates with the same score, a whole before its parts: findings that its part explains only as
        one of a condition of several of its parts (the ATFL as in a grade III sprain of the ATFL and CFL) are the
        whole's (the lateral ligament complex). (A nerve's branch keeps its place before the nerve: the narrower
        lesion that explains the findings is the more parsimonious one.) A whole moves up only to just before its
        first such part."""
        placed: set[int] = set()
        ordered: list[Ranked] = []
        for r in ranked:
            if id(r) in placed:
                continue
            # tied wholes that claim this part (its lesion theirs, or a condition only of their parts) come just
            # before it, not before unrelated candidates ranked above it (the AITFL before the deltoid ligament)
            for w in ranked:
                claims = w[0] == r[0] and w is not r and id(w) not in placed and r[5] in self._with_parts(w[5])
                if claims and (r[6].lesion == w[6].lesion or self._within(r[6].lesion, w[5])):
                    ordered.append(w)
                    placed.add(id(w))
            ordered.append(r)
            placed.add(id(r))
        return ordered

    def _frequency(self, condition: EntityRef | None) -> Fact | None:
        """The source's word for how common the condition a candidate is read as is (akg:frequency), if recorded."""
        if condition is None:
            return None
        said = [st for st in self.kb.by_subject.get(condition.id, ()) if st.predicate == terms.FREQUENCY]
        said.sort(key=lambda st: COMMONNESS.get(st.object, NOT_SAID))
        return self.kb.statement_fact(said[0]) if said else None

    @staticmethod
    def _commonness(candidate: Candidate) -> int:
        """Common first, then no word recorded, then uncommon, rare last."""
        said = candidate.frequency.object if candidate.frequency is not None else None
        return COMMONNESS.get(said.id, NOT_SAID) if said is not None else NOT_SAID

    def _distinct(self, tied: list[Candidate]) -> int:
        """How many different explanations the tied candidates are (see :meth:`_named_again`,
        :meth:`_parts_beside_read_wholes` and :meth:`_wholes_beside_read_parts`)."""
        again = self._named_again(tied) | self._parts_beside_read_wholes(tied) | self._wholes_beside_read_parts(tied)
        again |= self._spaces_beside_their_conditions(tied)
        return len(tied) - len(again)

    def _spaces_beside_their_conditions(self, tied: list[Candidate]) -> set[str]:
        """A space on its own (its contents compressed: rule space-compresses-contents) beside a structure read as a
        condition that happens at that space (the tibial nerve as in a tarsal tunnel syndrome, at the tarsal tunnel):
        one explanation, the condition named first (blinded reviews r41 D15 and r42 D10: the tarsal tunnel, with no
        condition, led the candidates for a Tinel sign at the tarsal tunnel with a numb sole)."""
        read = {c.lesion.id for c in tied if c.lesion is not None}
        sites = {st.object for condition in read for st in self.kb.by_subject.get(condition, ())
                 if st.predicate == terms.AFFECTS}  # fmt: skip
        return {c.structure.id for c in tied if c.lesion is None and c.structure.id in sites
                and self.kb.is_a(c.structure.id, schema.ANATOMICAL_SPACE)}  # fmt: skip

    def _parts_beside_read_wholes(self, tied: list[Candidate]) -> set[str]:
        """Parts on their own beside their whole read as one of its conditions: the sustentaculum tali's fracture
        beside the calcaneus as in a calcaneus fracture, whose symptoms are what the part's own fracture presents
        with here (one explanation at another level, review r20 D7)."""
        read = {c.structure.id for c in tied if c.lesion is not None}
        return {c.structure.id for c in tied if c.lesion is None and any(
            w != c.structure.id and c.structure.id in self._with_parts(w) for w in read)}  # fmt: skip

    def _wholes_beside_read_parts(self, tied: list[Candidate]) -> set[str]:
        """Wholes on their own beside a part of theirs read as a condition of that part alone: the gastrocnemius and
        the triceps surae torn whole beside the medial head of gastrocnemius as in a medial gastrocnemius strain,
        whose pop and bruising they present only through that strain of their part (the same explanation at a wider
        level; the part, the narrower lesion, first). A condition of several of its parts is the whole's instead
        (:meth:`_wholes_first`)."""
        parts = {c.structure.id for c in tied if c.lesion is not None and self._alone_in(c.lesion, c.structure.id)}
        return {c.structure.id for c in tied if c.lesion is None and any(
            p != c.structure.id and p in self._with_parts(c.structure.id) for p in parts)}  # fmt: skip

    def _alone_in(self, condition: EntityRef, structure: str) -> bool:
        """The condition affects nothing beyond the structure and its parts."""
        affected = {st.object for st in self.kb.by_subject.get(condition.id, ()) if st.predicate == terms.AFFECTS}
        return bool(affected) and affected <= {structure, *self._with_parts(structure)}

    def _named_again(self, tied: list[Candidate]) -> set[str]:
        """The tied candidates that repeat another's explanation at another level: a part of a tied whole with the same
        lesion (the talus and its trochlea, as in an osteochondral lesion of the talus), a branch of a tied nerve, or
        the tendon of a tied muscle (one muscle-tendon unit: review r19 D3)."""
        ids = {c.structure.id: c for c in tied}
        echoes = self._wholes_beside_read_parts(tied)  # wholes that only repeat a part's condition
        again = set()
        read: set[str] = set()
        for c in tied:
            # one condition read through each structure it only possibly involves is one explanation (a posterior
            # ankle impingement through the os trigonum, the FHL, the lateral tubercle and the talocrural joint)
            # (an os trigonum on its own, which amounts to that impingement, too)
            # and so is one condition that damages several tied structures, read through each (a Maisonneuve injury
            # through the PITFL, the interosseous ligament and membrane: blinded review r27 D02, then of the high
            # ankle sprain, which since editor52 tears the AITFL alone)
            readings = [c.lesion] if c.lesion is not None else c.other_lesions
            possible = {r.id for r in readings if not definite(self.engine.ctx, r.id)}
            same = {c.lesion.id} if c.lesion is not None else set()
            if (possible | same) & read:
                again.add(c.structure.id)
            read |= possible | same
            wholes = [w for w in ids if w != c.structure.id and c.structure.id in self._with_parts(w)]
            wholes += [w for w in ids if w != c.structure.id and c.structure.id in self._branches(w)]
            own = self.kb.by_subject.get(c.structure.id, ())
            # a tendon repeats its muscle when it explains nothing the muscle does not, and the muscle explains it as
            # itself, not as an echo of its part's condition: the calcaneal tendon as in an Achilles rupture is another
            # explanation than the gastrocnemius through its medial head's strain (blinded reviews r32 D20, r33 C21)
            if any(ids[w].lesion == c.lesion or self._within(c.lesion, w) for w in wholes) or any(
                st.predicate == schema.TENDON_OF and st.object in ids and st.object not in echoes
                and _explained(c) <= _explained(ids[st.object])
                for st in own
            ):
                again.add(c.structure.id)
        return again

    def _distinct_first(self, ranked: list[Ranked]) -> list[Ranked]:
        """Within each score, every different explanation once before the ones named again at another level (the
        calcaneus as in a calcaneus fracture, then the other tied explanations, then its parts as in the same fracture:
        review r20 D7, four calcaneal parts above a plantaris rupture that explained the findings as well). Only a
        reading through the whole's condition moves: a branch injured on its own stays the narrower explanation before
        its nerve (the superficial fibular nerve before the common fibular nerve)."""
        result: list[Ranked] = []
        for _, group in groupby(ranked, key=lambda r: r[0]):
            rows = list(group)
            cands = {r[6].structure.id: r[6] for r in rows}
            again = {c for c in self._named_again(list(cands.values())) if cands[c].lesion is not None}
            again |= self._parts_beside_read_wholes(list(cands.values()))
            again |= self._wholes_beside_read_parts(list(cands.values()))
            again |= self._spaces_beside_their_conditions(list(cands.values()))
            result += [r for r in rows if r[6].structure.id not in again] + [
                r for r in rows if r[6].structure.id in again
            ]
        return result

    def _branches(self, nerve: str) -> frozenset[str]:
        """Every branch of a nerve or artery (akg:hasBranch, transitively); walked once each (asked for every pair of
        tied candidates)."""
        cached = self._branch_sets.get(nerve)
        if cached is None:
            cached = self._branch_sets[nerve] = frozenset(self._walk_parts(nerve, schema.HAS_BRANCH)[1:])
        return cached

    def _within(self, condition: EntityRef | None, whole: str) -> bool:
        """The condition damages only parts of the whole, several of them or the whole itself (a grade III sprain of
        the ATFL and CFL, within the lateral ligament complex): a part read as that condition is the whole's
        explanation. A condition of one part alone (a medial gastrocnemius strain) is that part's: the narrower."""
        if condition is None:
            return False
        affected = {st.object for st in self.kb.by_subject.get(condition.id, ()) if st.predicate == terms.AFFECTS}
        return (len(affected) > 1 or whole in affected) and affected <= {whole, *self._with_parts(whole)}

    def _with_parts(self, structure: str) -> list[str]:
        """The structure and all its parts, nearest first (a torn whole is torn in its parts); walked once each."""
        cached = self._parts.get(structure)
        if cached is None:
            cached = self._parts[structure] = self._walk_parts(structure)
        return cached

    def _walk_parts(self, structure: str, predicate: str = schema.HAS_PART) -> list[str]:
        """The structure and everything below it by ``predicate`` (parts; or branches), nearest first."""
        found, queue = [structure], [structure]
        while queue:
            for st in self.kb.by_subject.get(queue.pop(0), ()):
                if st.predicate == predicate and st.object not in found:
                    found.append(st.object)
                    queue.append(st.object)
        return found


def _explained(candidate: Candidate) -> frozenset[str]:
    """The reported findings a candidate explains."""
    return frozenset(e.finding.id for e in candidate.supported_by)


def tie_note(tied: int, limit: int, frequencies: bool = False, levels: int = 0) -> str | None:
    """Say when the findings do not single out one structure, what would, and how the tied ones are ordered; or, when
    ``levels`` candidates share the best score as one explanation named at several levels, that this is so (review
    r34 D22: the saphenous nerve, the femoral nerve and the lumbar plexus, listed with no word)."""
    if tied < 2 and levels > 1:
        return (
            f"{levels} candidates share the best score as one explanation, named at several levels or read through "
            "several of its structures (a nerve and the nerves it branches from, a whole and its parts, a muscle and "
            "its tendon, one condition through each structure it affects, a space and a condition at it), counted "
            "once: a finding that one of them predicts and the others do not would tell them apart."
        )
    if tied < 2:
        return None
    beyond = f" ({tied - limit} of them beyond the limit)" if tied > limit else ""
    order = (
        " Among those that explain the findings and the mechanism as directly, a condition its source calls common "
        "comes first, then one of which no source's word is recorded, then uncommon, rare last (a source's word about "
        "the population it speaks of, not a prevalence)."
        if frequencies else ""
    )
    return (
        f"{tied} different explanations share the best score{beyond}: these findings do not point to one structure. "
        "Findings that tell them apart (a specific test, a numb area, a weak or a strong motion, normal sensation) "
        f"would.{order}"
    )
