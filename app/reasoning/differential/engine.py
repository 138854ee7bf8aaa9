"""The differential's ranking: which candidate's injury explains the findings best.

A finding the candidate's profile predicts supports it, with the facts of the forward answer as reasons; a test
reported negative (or a motion reported strong, an area of normal sensation) that the profile predicts positive
contradicts it. A mechanism (a motion in a position) supports the structures that restrain that motion there, and a
structure read as a condition its sources say arises from that motion (akg:arisesFrom: posterior ankle impingement from
forced plantarflexion). Ties go to the structure whose own facts (or whose condition's record) explain the findings,
then to one whose record places the mechanism in the reported position, then to the narrower explanation.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...knowledge import schema
from ...knowledge.base import KnowledgeBase
from ...knowledge.model import RestraintRole, Statement
from ...models import EntityRef, Fact
from ..impact import ImpactEngine, terms
from ..impact.alternatives import definite
from .facts import FactIndex
from .models import Candidate, ClinicalFindings, DifferentialReport, Evidence, FindingKind, RuledOut
from .profiles import PRIMARY, SECONDARY_ONLY, build_profiles, candidates
from .second import second_injury
from .store import Prediction, Profile, Profiles
from .telling import telling_findings
from .ties import Ranked, TieOrder, tie_note


class DifferentialEngine(TieOrder):
    """Ranks candidate injured structures for a set of findings (profiles cached per process)."""

    def __init__(self, kb: KnowledgeBase, engine: ImpactEngine, profiles: Profiles | None = None) -> None:
        """``profiles``: those a snapshot kept (app/snapshot.py), computed from this same knowledge base."""
        self.kb = kb
        self.engine = engine
        self._profiles: Profiles | None = profiles
        self._parts: dict[str, list[str]] = {}
        self._branch_sets: dict[str, frozenset[str]] = {}
        self._diagnoses: dict[str, frozenset[str]] = {}
        self._index = FactIndex(kb)
        self._facts: dict[int, Fact] = {}  # by their number in the profiles' table, built when first cited

    def candidates(self) -> list[str]:
        """Structures whose injury the engine can reason about (they restrain, act, sense or are tested)."""
        return candidates(self.kb)

    @property
    def profiles(self) -> Profiles:
        """Per structure, one profile per lesion it may have (:func:`profiles.build_profiles`), built on first use
        unless a snapshot kept them."""
        if self._profiles is None:
            self._profiles = build_profiles(self.kb, self.engine)
        return self._profiles

    def rank(self, findings: ClinicalFindings, limit: int = 10, *, second: bool = True) -> DifferentialReport:
        """The candidates best first; ``second``: with what explains the first one's leftovers on their own
        (:func:`second.second_injury`)."""
        # a sign that names a motion weak, reported with that motion weak, is one finding (akg:weaknessOf)
        said = {s for s in findings.symptoms for st in self.kb.by_subject.get(s, ())
                if st.predicate == schema.WEAKNESS_OF and st.object in findings.weak_motions}  # fmt: skip
        wanted: list[tuple[FindingKind, str]] = [
            *((FindingKind.POSITIVE_TEST, t) for t in findings.positive_tests),
            *((FindingKind.SYMPTOM, s) for s in findings.symptoms if s not in said),
            *((FindingKind.NUMBNESS, a) for a in findings.numbness_areas),
            *((FindingKind.TENDER, s) for s in findings.tender_sites),
            *((FindingKind.WEAK_MOTION, m) for m in findings.weak_motions),
            *((FindingKind.UNSTABLE_MOTION, m) for m in findings.unstable_motions),
        ]
        total = (findings.count() - len(said)) or 1
        examined = self._examined(findings)  # once per question, not per candidate
        ranked = []
        for structure, lesions in self.profiles.items():
            mechanism = self._mechanism_support(structure, *findings.mechanism) if findings.mechanism else None
            scored = [r for profile in lesions if (r := self._rank_one(structure, profile, wanted, findings, total,
                                                                       mechanism))]  # fmt: skip
            # whether the structure's own facts explain the findings is the structure's, not one reading's (a
            # condition's reading keeps the condition's facts first): all its readings share the best
            # and among structures as direct, the one whose own primary restraints cover more of what the positive
            # tests examine first (the AITFL checks both syndesmotic widening and external rotation of the talus the
            # external rotation stress test examines; the deltoid ligament only the rotation: review r17 D1)
            direct = min((r[1] for r in scored), default=2) * 100 - self._primary_share(structure, examined)
            # a partial tear's reading only when it explains the findings better than the complete one: on a tie the
            # complete lesion, which its sources describe, comes first; and a condition that involves the structure
            # as a rule before the structure on its own that predicts no more (the calcaneus as in a calcaneus
            # fracture, its named form), not one that only may (the CFL of a chronic ankle instability, for an acute
            # injury: review r22b F8)
            results = sorted(
                ((r[0], direct, *r[2:]) for r in scored),
                key=lambda r: (r[0], r[6].grade == 2, *r[1:4], max(r[4], 1),
                               not self._of_it(r[6].lesion.id if r[6].lesion else None, structure)),
            )
            if results:
                best = results[0]
                # other named conditions whose lesion of it explains the findings as well (not told apart by them)
                # (each once: a condition of alternatives has a reading per alternative)
                best[6].other_lesions = list({
                    r[6].lesion.id: r[6].lesion for r in results[1:] if r[:3] == best[:3] and r[6].lesion is not None
                    and r[6].lesion != best[6].lesion
                }.values())  # fmt: skip
                # lesions of it that explain something but that the findings count against (what localises it)
                # each lesion once (a torn nerve, complete or partial, is one lesion to rule out): the complete tear
                # its sources describe, or the partial one when only that is counted against
                out: dict[tuple[str | None, str | None], RuledOut] = {}
                for r in sorted(results[1:], key=lambda r: r[6].grade == 2):  # the complete tear, if both are
                    key = (r[6].lesion.id if r[6].lesion else None, r[7].id if r[7] else None)
                    if r[6].contradicted_by and r[0] > best[0] and key not in out:
                        out[key] = RuledOut(condition=r[6].lesion, lesion=r[7], grade=r[6].grade, score=r[6].score,
                                            contradicted_by=r[6].contradicted_by)
                best[6].ruled_out = list(out.values())
                ranked.append(best)
        for r in ranked:
            r[6].frequency = self._frequency(r[6].lesion)
        # on the same score, the one that explains more of what was found at the bedside (net of what was found against
        # it) than of how the force came
        # (a positive Ottawa rule, a tender lateral malleolus, an inversion: the malleolus fracture, which explains
        # the tenderness, before the fifth metatarsal avulsion, which explains the inversion; review r39 C12: a
        # mechanism says how the force came, not what gave way); on the same reasons, what its source calls common
        # before what it calls rare (review r29 D1)
        ranked.sort(key=lambda r: (r[0], -_found(r[6]), *r[1:3], self._commonness(r[6]), *r[3:6]))
        ranked = self._distinct_first(self._wholes_first(ranked))
        tied = self._distinct([r[6] for r in ranked if r[0] == ranked[0][0]])
        top = [r[6] for r in ranked[:limit] if r[0] == ranked[0][0]]
        frequencies = any(c.frequency is not None for c in top)
        return DifferentialReport(
            findings=self._echo(findings), candidates=[r[6] for r in ranked[:limit]], tied_at_top=tied,
            note=tie_note(tied, limit, frequencies, levels=sum(1 for r in ranked if r[0] == ranked[0][0])),
            telling_findings=telling_findings(self.kb, self.profiles, top, findings) if tied > 1 else [],
            second_injury=second_injury(self, findings, ranked[0][6], wanted) if second and ranked else None,
        )

    def _rank_one(
        self, structure: str, profile: Profile, wanted: list[tuple[FindingKind, str]], findings: ClinicalFindings,
        total: int, mechanism: Evidence | None,
    ) -> Ranked | None:
        """One lesion of one structure against the findings: its sort key and candidate, or None if it explains
        nothing. ``mechanism``: the structure's support for the reported mechanism (the same for all its lesions)."""
        supported = [
            Evidence(finding=self.kb.ref(entity), kind=kind, because=because)
            for kind, entity in wanted
            if (because := self._predicts(profile, kind, entity)) is not None
        ]
        # the condition it is read as arises from the reported mechanism: its record, not a restraint, says so; a
        # condition that only may involve the structure does not tear it, so the structure's restraint of the motion
        # is no support for that reading (the CFL as in a chronic ankle instability, first for an acute inversion in
        # dorsiflexion: review r22b F8)
        arises = self._arises_from(profile.condition, findings.mechanism, structure)
        if profile.condition is not None and not self._of_it(profile.condition, structure):
            mechanism = None
        if (support := arises or mechanism) is not None:
            supported.append(support)
        contradicted = [
            Evidence(
                finding=self.kb.ref(test),
                kind=FindingKind.NEGATIVE_TEST,
                because=self._because(profile.predictions[(FindingKind.POSITIVE_TEST, test)]),
            )
            for test in findings.negative_tests
            if (FindingKind.POSITIVE_TEST, test) in profile.predictions
        ]
        # a test its condition expects through another structure: a negative one is against the condition (a negative
        # drawer against the CFL read as a grade III sprain, which tears the ATFL too: review r22 F8)
        claims = profile.claims or {}
        contradicted += [
            Evidence(finding=self.kb.ref(test), kind=FindingKind.NEGATIVE_TEST,
                     because=self._because(Prediction(claims[test], 1.0)))
            for test in findings.negative_tests
            if test in claims and (FindingKind.POSITIVE_TEST, test) not in profile.predictions
        ]  # fmt: skip
        contradicted += [
            Evidence(
                finding=self.kb.ref(entity), kind=normal,
                because=self._because(profile.predictions[(predicted, entity)]),
            )
            for normal, predicted, entities in (
                (FindingKind.STRONG_MOTION, FindingKind.WEAK_MOTION, findings.strong_motions),
                (FindingKind.NORMAL_SENSATION, FindingKind.NUMBNESS, findings.normal_sensation),
            )
            for entity in entities
            if (predicted, entity) in profile.predictions
        ]
        if not supported:
            return None
        explained = {(e.kind, e.finding.id) for e in supported}
        unexplained = [self.kb.ref(entity) for kind, entity in wanted if (kind, entity) not in explained]
        supported = [e.model_copy(update={"weight": w}) if (w := self._weight(e, profile)) != 1.0 else e
                     for e in supported]
        contradicted = [e.model_copy(update={"weight": w}) if (w := self._against(e, profile)) != 1.0 else e
                        for e in contradicted]
        score = (sum(e.weight for e in supported) - sum(e.weight for e in contradicted)) / total
        # Between equal scores: a structure whose own facts explain the findings (the AITFL for a positive
        # squeeze test) before one that explains them through others (the fibula it is anchored to).
        own = [
            f for e in supported for f in e.because
            if (f.subject.id == structure and (f.fact is not None or f.predicate.id == schema.SENSORY_TERRITORY))
            or (f.predicate.id == schema.EXAMINES_STRUCTURE and f.object is not None and f.object.id == structure)
        ]  # fmt: skip
        # and among those, one that is itself a primary restraint of what the findings test (the AITFL for a squeeze
        # test, before the interosseous membrane that checks it second) first
        # (a condition recorded to arise from the reported mechanism explains it as its own: review r21's open item)
        primary = arises is not None or any(
            f.subject.id == structure and f.qualifiers.get("role") == PRIMARY for f in own
        )
        # Then a lesion whose condition a reported positive test is recorded to diagnose (the tibial nerve as in a
        # tarsal tunnel syndrome for a Tinel sign at the tarsal tunnel, before as in an ankle oedema), or that is
        # recorded to arise from the reported mechanism (the os trigonum as in a posterior ankle impingement, before
        # the deltoid ligament, which resists plantarflexion, as in a medial ankle sprain, which arises from eversion).
        # A condition whose record places the motion in no position, when a position is reported, counts here as one
        # that only resists it (the fifth metatarsal avulsion, from inversion, after a CFL that checks inversion in
        # the reported dorsiflexion: review r24).
        placed = self._placed(support, findings.mechanism)
        if arises is not None and mechanism is not None and not placed and self._placed(mechanism, findings.mechanism):
            # its record names no position, the structure it is read through checks the motion in the reported one:
            # that restraint places it (the ATFL as in a grade I sprain, for inversion in plantarflexion: review r29 D1)
            support = supported[-1].model_copy(update={"because": [*arises.because, *mechanism.because]})
            supported[-1] = support  # the mechanism's evidence, appended last above
            placed = True
        unplaced = findings.mechanism is not None and findings.mechanism[1] is not None and not placed
        diagnosed = (arises is not None and not unplaced) or (profile.condition is not None and bool(
            self._diagnosed_by(profile.condition) & set(findings.positive_tests)
        ))  # fmt: skip
        # and a candidate that explains a reported finding before one that only resists the mechanism: a mechanism
        # says how the force came, not what gave way (snapping after forced eversion in dorsiflexion: the superior
        # fibular retinaculum before the deltoid ligament, which explains only the eversion; review r21 E3)
        mechanism_only = all(e.kind is FindingKind.MECHANISM for e in supported)
        return (
            -score,
            3 if mechanism_only else 0 if primary else 1 if own else 2,
            # then a mechanism its record places in the reported position before one recorded in none (inversion in
            # dorsiflexion: the snowboarder's fracture, recorded so, before the fifth metatarsal avulsion, whose
            # inversion no source places: review r24)
            (0 if diagnosed else 2) + (0 if placed else 1),
            # parsimony, the narrower explanation first: fewer predictions, and fewer other structures involved (an
            # entrapment of this nerve before ankle oedema that compresses any of the nerves at the ankle)
            # (its tender sites are the structures it damages again: not counted, or a part read through the
            # chain of its wholes would seem to predict more)
            sum(kind is not FindingKind.TENDER for kind, _ in profile.predictions)
            + max(self._breadth(profile.condition) - 1, 0),
            self._breadth(profile.condition),
            structure,
            Candidate(
                structure=self.kb.ref(structure),
                score=round(score, 4),
                supported_by=supported,
                contradicted_by=contradicted,
                unexplained=unexplained,
                lesion=self.kb.ref(profile.condition) if profile.condition else None,
                grade=profile.grade if profile.lesion == terms.LOSS_OF_CONTINUITY else None,
            ),
            self.kb.ref(profile.lesion) if profile.lesion else None,
        )

    def _predicts(self, profile: Profile, kind: FindingKind, entity: str) -> list[Fact] | None:
        """The reasons the reading predicts the finding, or None. A site reported tender is matched by a tender part
        of it, the part-of steps among the reasons (the tuberosity of the fifth metatarsal, for its base)."""
        known = profile.predictions.get((kind, entity))
        if known is not None:
            return self._because(known)
        if kind is FindingKind.TENDER:
            for part, path in self.engine.ctx.parts(entity):
                if (found := profile.predictions.get((kind, part))) is not None:
                    return [*self._because(found), *self.engine.ctx.facts(path)]
        return None

    def _because(self, prediction: Prediction) -> list[Fact]:
        """A prediction's reasons: the knowledge base's facts its profile names by number."""
        facts = []
        for number in prediction.because:
            fact = self._facts.get(number)
            if fact is None:
                fact = self._facts[number] = self._index.fact(self.profiles.facts[number])
            facts.append(fact)
        return facts

    def _examined(self, findings: ClinicalFindings) -> set[tuple[str, str]]:
        """The (joint, motion) pairs the positive tests examine."""
        return {
            (joint, motion) for t in self.kb.clinical_tests if t.id in findings.positive_tests
            for joint in t.joints for motion in t.motions
        }  # fmt: skip

    def _primary_share(self, structure: str, examined: set[tuple[str, str]]) -> int:
        """How many of the examined (joint, motion) pairs the structure is a primary restraint of."""
        own = {(r.joint, r.motion) for r in self.kb.restraints_by_structure.get(structure, ())
               if r.role is RestraintRole.PRIMARY}  # fmt: skip
        return min(len(examined & own), 99)

    def _breadth(self, condition: str | None) -> int:
        """How many structures a condition affects (0 for a structure injured on its own)."""
        if condition is None:
            return 0
        return sum(1 for st in self.kb.by_subject.get(condition, ()) if st.predicate == terms.AFFECTS)

    def _diagnosed_by(self, condition: str) -> frozenset[str]:
        """The clinical tests a condition is recorded to be diagnosed by (read once per condition, not per ranking)."""
        if condition not in self._diagnoses:
            self._diagnoses[condition] = frozenset(
                st.object for st in self.kb.by_subject.get(condition, ()) if st.predicate == terms.DIAGNOSED_BY
            )
        return self._diagnoses[condition]

    def _against(self, evidence: Evidence, profile: Profile) -> float:
        """A normal finding counts against a candidate as much as the abnormal one would have counted for it (a
        motion reported strong, against a lesion that weakens it: fully, as its weakness would have counted for it);
        a negative test as surely as the candidate predicts it positive (fully, or half for a test its partial tear
        only may make positive); a negative decision rule fully, though its positive counts only half."""
        if evidence.kind is FindingKind.STRONG_MOTION:
            return profile.strength(FindingKind.WEAK_MOTION, evidence.finding.id)
        if evidence.kind is FindingKind.NEGATIVE_TEST:  # half against a test that only may be positive
            if self.kb.is_a(evidence.finding.id, terms.DECISION_RULE):
                return 1.0  # a screening rule's negative is its strength ('a sensitivity of almost 100%')
            return profile.strength(FindingKind.POSITIVE_TEST, evidence.finding.id)
        return 1.0

    @staticmethod
    def _weight(evidence: Evidence, profile: Profile) -> float:
        """A mechanism resisted only as a secondary restraint supports a candidate half as much, and so do a motion
        whose restraint it only reduces and a symptom it presents only as every lesion of its kind does; a weak
        motion fully (:func:`profiles.profile_of`), or as strongly as the sign that names it (akg:weaknessOf)."""
        if evidence.kind in (FindingKind.WEAK_MOTION, FindingKind.UNSTABLE_MOTION, FindingKind.SYMPTOM,
                             FindingKind.POSITIVE_TEST):
            return profile.strength(evidence.kind, evidence.finding.id)
        if evidence.kind is not FindingKind.MECHANISM:
            return 1.0
        if any(f.predicate.id == terms.ARISES_FROM for f in evidence.because):
            return 1.0  # the condition's sources say it arises so
        roles = {f.qualifiers.get("role") for f in evidence.because}
        return 1.0 if RestraintRole.PRIMARY.value in roles else SECONDARY_ONLY

    def _mechanism_support(self, structure: str, motion: str, position: str | None) -> Evidence | None:
        """The structure, or a part of it (the ATFL and CFL of the lateral complex), restrains the mechanism's motion
        (or a kind of it) in its position."""
        kinds = {motion} | {m for m, generals in self.kb.motion_kinds.items() if motion in generals}
        facts = [
            self.kb.restraint_fact(r)
            for part in self._with_parts(structure)
            for r in self.kb.restraints_by_structure.get(part, ())
            if r.motion in kinds and (position is None or not r.positions or position in r.positions)
        ]
        if not facts:
            return None
        primary_first = sorted(facts, key=lambda f: f.qualifiers.get("role") != RestraintRole.PRIMARY.value)
        return Evidence(finding=self.kb.ref(motion), kind=FindingKind.MECHANISM, because=primary_first[:3])

    def _of_it(self, condition: str | None, structure: str) -> bool:
        """The condition involves the structure as a rule (not only possibly, not as one of alternatives)."""
        if condition is None:
            return False
        return any(st.object == structure and (terms.INVOLVEMENT, terms.ONE_OF_ALTERNATIVES) not in st.qualifiers
                   for st in definite(self.engine.ctx, condition))  # fmt: skip

    def _arises_from(
        self, condition: str | None, mechanism: tuple[str, str | None] | None, structure: str
    ) -> Evidence | None:
        """The condition is recorded to arise from the reported motion (or a kind of it), in the reported position
        where both name one. Where the condition's source names no position, the structure it is read through says
        where the motion loads it: one recorded to restrain the motion only in other positions is not loaded by it
        (inversion in dorsiflexion and the ATFL, which checks inversion in plantarflexion: review r22 F8)."""
        if condition is None or mechanism is None:
            return None
        motion, position = mechanism
        kinds = {motion} | {m for m, generals in self.kb.motion_kinds.items() if motion in generals}
        facts = [
            self.kb.statement_fact(st) for st in self.kb.by_subject.get(condition, ())
            if st.predicate == terms.ARISES_FROM and st.object in kinds
            and (position is None or (position in at if (at := _positions(st)) else self._loaded(structure, kinds,
                                                                                                  position)))
        ]  # fmt: skip
        return Evidence(finding=self.kb.ref(motion), kind=FindingKind.MECHANISM, because=facts) if facts else None

    @staticmethod
    def _placed(support: Evidence | None, mechanism: tuple[str, str | None] | None) -> bool:
        """The mechanism's support names the reported position: a condition recorded to arise from the motion in it,
        or a restraint of the motion recorded in it."""
        position = mechanism[1] if mechanism else None
        if support is None or position is None:
            return False
        for fact in support.because:
            positions = fact.qualifiers.get("positions")
            basis = fact.qualifiers.get("position_basis")
            if isinstance(basis, list) and any(b.id == schema.EDITOR_INFERENCE for b in basis):
                continue  # a position only the editor read places nothing (review r29 D1)
            if isinstance(positions, list) and any(getattr(p, "id", None) == position for p in positions):
                return True
        return False

    def _loaded(self, structure: str, kinds: set[str], position: str) -> bool:
        """The structure (or a part of it) is not recorded to restrain the motion only in positions other than this
        one: it restrains it here, in a position its source does not state, or not at all (a bone)."""
        found = [r for part in self._with_parts(structure) for r in self.kb.restraints_by_structure.get(part, ())
                 if r.motion in kinds]  # fmt: skip
        return not found or any(not r.positions or position in r.positions for r in found)

    def _echo(self, findings: ClinicalFindings) -> dict[str, list[EntityRef]]:
        def refs(ids: Sequence[str]) -> list[EntityRef]:
            return [self.kb.ref(i) for i in ids]

        echoed = {
            "positive_tests": refs(findings.positive_tests),
            "negative_tests": refs(findings.negative_tests),
            "symptoms": refs(findings.symptoms),
            "numbness_areas": refs(findings.numbness_areas),
            "weak_motions": refs(findings.weak_motions),
            "unstable_motions": refs(findings.unstable_motions),
            "strong_motions": refs(findings.strong_motions),
            "normal_sensation": refs(findings.normal_sensation),
            "tender_sites": refs(findings.tender_sites),
        }
        if findings.mechanism is not None:
            motion, position = findings.mechanism
            echoed["mechanism"] = refs([motion, *([position] if position else [])])
        return echoed


def _positions(st: Statement) -> set[str]:
    """The positions an axiom's source states (akg:position), none when it states none or when the position is
    only the editor's reading, which places no mechanism (review r29 D1: the anterior process fracture's inversion,
    placed in plantarflexion by the editor, ranked before a sprain)."""
    if (schema.POSITION_BASIS, schema.EDITOR_INFERENCE) in st.qualifiers:
        return set()
    return {v for k, v in st.qualifiers if k == schema.FACT_POSITION}


def _found(candidate: Candidate) -> float:
    """The weight of the reported findings (not the mechanism) a candidate explains, less that of those against it (a
    sciatic lesion explains foot drop but is contradicted by strong inversion and plantarflexion: review rescore r38
    D04)."""
    found = sum(e.weight for e in candidate.supported_by if e.kind is not FindingKind.MECHANISM)
    return round(found - sum(e.weight for e in candidate.contradicted_by), 4)
