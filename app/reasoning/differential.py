"""The reverse question: given findings, which injured structure explains them best?

Each candidate structure's impact (grade III, the engine's forward answer) is computed once and
cached as a profile of what it predicts: positive tests, symptoms, numb skin, weak and unstable
motions; so is what each condition that damages it predicts of that lesion (a compressed tibial nerve in a
tarsal tunnel syndrome: the Tinel sign and burning pain, which a cut nerve does not give). A finding the
profile predicts supports the candidate, with the facts of the forward
answer as reasons; a test reported negative that the profile predicts positive contradicts it.
A mechanism (a motion in a position) supports the structures that restrain that motion there.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from pydantic import BaseModel, Field

from ..knowledge import schema
from ..knowledge.base import KnowledgeBase
from ..knowledge.model import RestraintRole
from ..models import EDUCATIONAL_NOTICE, EntityRef, Fact, source_labels
from ..tables import Cell, Table, Tabular
from .impact import ImpactEngine, ImpactReport, Stability, Strength, terms
from .impact.context import unique_facts
from .impact.models import DAMAGED


class FindingKind(StrEnum):
    POSITIVE_TEST = "positive test"
    NEGATIVE_TEST = "negative test"
    STRONG_MOTION = "motion of normal strength"
    NORMAL_SENSATION = "area of normal sensation"
    SYMPTOM = "symptom"
    NUMBNESS = "numbness area"
    WEAK_MOTION = "weak motion"
    UNSTABLE_MOTION = "unstable motion"
    MECHANISM = "mechanism"


@dataclass(frozen=True)
class ClinicalFindings:
    """What the clinician observed, as CURIEs (resolved by the caller)."""

    positive_tests: tuple[str, ...] = ()
    negative_tests: tuple[str, ...] = ()
    symptoms: tuple[str, ...] = ()
    numbness_areas: tuple[str, ...] = ()
    weak_motions: tuple[str, ...] = ()
    unstable_motions: tuple[str, ...] = ()
    mechanism: tuple[str, str | None] | None = None  # (motion, position)
    #: normal findings: a motion of normal strength, skin of normal sensation (they count against candidates that
    #: predict otherwise: a common fibular lesion when eversion is strong)
    strong_motions: tuple[str, ...] = ()
    normal_sensation: tuple[str, ...] = ()

    def count(self) -> int:
        supportive = (self.positive_tests, self.symptoms, self.numbness_areas, self.weak_motions, self.unstable_motions)
        return sum(len(x) for x in supportive) + (1 if self.mechanism else 0)


class Evidence(BaseModel):
    finding: EntityRef
    kind: FindingKind
    because: list[Fact]


#: The support a finding gets from a lesion that explains it only through secondary restraints (a mechanism the
#: structure resists as a secondary restraint; a motion its loss leaves with reduced restraint): half of one.
#: A ranking policy of the engine, not a measured share.
SECONDARY_ONLY = 0.5
#: The support of a symptom that the candidate presents only because every lesion of its kind does (pain after any
#: sprain: rule:lesion-presents), against one its own condition or mechanics give: half. Also a ranking policy.
NON_SPECIFIC = 0.5
PRESENTS = "rule:lesion-presents"
PRIMARY = RestraintRole.PRIMARY.value
#: The rules that conclude a symptom (the others reached the structure: their presence says nothing of specificity)
SYMPTOM_RULES = frozenset({
    PRESENTS, "rule:condition-consequences", "rule:motion-destabilised", "rule:motion-weakened", "rule:foot-drop",
    "rule:numbness", "rule:compression-burns",
})  # fmt: skip


class Candidate(BaseModel):
    structure: EntityRef
    score: float = Field(
        description="(supported - contradicted) / findings; ties go first to structures whose own facts explain "
        "the findings, then to the narrower explanation."
    )
    supported_by: list[Evidence]
    contradicted_by: list[Evidence]
    unexplained: list[EntityRef] = Field(description="Findings this candidate does not account for.")
    lesion: EntityRef | None = Field(
        default=None,
        description="The named condition whose lesion of the structure explains the findings best (the tibial nerve "
        "as compressed in a tarsal tunnel syndrome); none when the structure's own injury does (a torn ligament).",
    )
    other_lesions: list[EntityRef] = Field(
        default_factory=list,
        description="Other named conditions whose lesion of the structure explains the findings as well: the "
        "findings do not tell them apart (the tibial nerve compressed in a tarsal tunnel syndrome or by ankle oedema, "
        "when no Tinel sign is reported). When `lesion` is null, the structure injured on its own explains them as "
        "well as these.",
    )
    grade: int | None = Field(
        default=None,
        description="The grade of the tear read: 3, complete; 2, a partial tear, read only when it explains the "
        "findings better than a complete one (a grade II Achilles tendon tear for weak plantarflexion with a negative "
        "Thompson test, which a complete rupture would make positive). Null for a lesion grades do not apply to "
        "(a compression, a fracture).",
    )
    ruled_out: list[RuledOut] = Field(
        default_factory=list,
        description="Other lesions of the structure that explain some findings but that reported findings count "
        "against (a tear of the tibial nerve when plantarflexion is strong), each with what contradicts it: what "
        "the findings say of the lesion's kind and level.",
    )


class RuledOut(BaseModel):
    """Another lesion of the same structure that the findings count against: what localises the lesion (a tibial
    nerve torn would weaken plantarflexion, reported strong; compressed at the ankle it does not)."""

    condition: EntityRef | None = Field(
        description="The named condition whose lesion this is; none for the structure injured on its own."
    )
    lesion: EntityRef | None = Field(description="The lesion mechanism (loss of continuity, compression, ...).")
    grade: int | None = Field(default=None, description="3 for a complete tear, 2 for a partial one; null when the "
                              "lesion is not graded.")
    score: float
    contradicted_by: list[Evidence]


#: The columns of a differential as a table, one row per candidate.
DIFFERENTIAL_COLUMNS = (
    "rank",
    "label",
    "id",
    "lesion",
    "score",
    "supported_by",
    "contradicted_by",
    "unexplained",
    "sources",
)


class DifferentialReport(Tabular, BaseModel):
    notice: str = EDUCATIONAL_NOTICE
    findings: dict[str, list[EntityRef]]
    candidates: list[Candidate]
    tied_at_top: int = Field(
        default=0,
        description="How many different explanations share the best score (some may lie beyond `limit`; a part and "
        "its whole with the same lesion, the talus and its trochlea, or a muscle and its own tendon count once): "
        "more than one means the findings do not tell them apart.",
    )
    note: str | None = Field(
        default=None,
        description="What the ranking cannot say: the findings point to no one structure (several share the best "
        "score), and which findings would tell them apart.",
    )

    def as_table(self) -> Table:
        """One row per candidate, best first: what supports it, what contradicts it, what it leaves unexplained."""
        rows: list[dict[str, Cell]] = [
            {
                "rank": rank,
                "label": c.structure.label,
                "id": c.structure.id,
                "lesion": c.lesion.label if c.lesion else None,
                "score": c.score,
                "supported_by": "; ".join(f"{e.kind.value}: {e.finding.label}" for e in c.supported_by),
                "contradicted_by": "; ".join(f"{e.kind.value}: {e.finding.label}" for e in c.contradicted_by),
                "unexplained": "; ".join(u.label for u in c.unexplained),
                "sources": source_labels(fact for e in c.supported_by for fact in e.because),
            }
            for rank, c in enumerate(self.candidates, 1)
        ]
        findings = self.findings.items()
        given = "; ".join(f"{kind}: {', '.join(f.label for f in found)}" for kind, found in findings if found)
        return Table(
            title="What could explain these findings",
            columns=DIFFERENTIAL_COLUMNS,
            rows=rows,
            notice=self.notice,
            lead=[*([f"Findings — {given}"] if given else []), *([self.note] if self.note else [])],
        )


@dataclass
class _Profile:
    """What injuring one structure predicts, each prediction with its reasons."""

    predictions: dict[tuple[FindingKind, str], list[Fact]] = field(default_factory=dict)
    #: the condition whose lesion of the structure this profile describes (None: the structure injured on its own)
    condition: str | None = None
    #: the lesion mechanism the structure has in this profile (akg:LossOfContinuity, akg:Compression, ...)
    lesion: str | None = None
    #: the grade of the lesion this profile describes (2: a partial tear, read beside the complete one)
    grade: int = 3
    #: how strongly a weak motion is predicted: the share of its production lost (1 for other findings)
    strength: dict[tuple[FindingKind, str], float] = field(default_factory=dict)

    def add(self, kind: FindingKind, entity: str, because: Iterable[Fact], strength: float = 1.0) -> None:
        self.predictions.setdefault((kind, entity), []).extend(list(because)[:3])
        self.strength[(kind, entity)] = max(self.strength.get((kind, entity), 0.0), strength)


#: One reading of one candidate, ranked: (-score, not direct, not diagnosed, parsimony, breadth, structure, the
#: candidate, its lesion mechanism)
_Ranked = tuple[float, int, int, int, int, str, "Candidate", EntityRef | None]

#: Per candidate structure, one profile per lesion it may have (see :attr:`DifferentialEngine.profiles`).
Profiles = dict[str, list[_Profile]]


def _rests_on(fact: Fact, condition: str, structure: str) -> bool:
    """The fact is about the structure, or is a symptom of the condition that damages it."""
    if fact.subject.id == condition:
        return fact.predicate.id == terms.HAS_SYMPTOM
    return structure in (fact.subject.id, fact.object.id if fact.object else None)


class DifferentialEngine:
    """Ranks candidate injured structures for a set of findings (profiles cached per process)."""

    def __init__(self, kb: KnowledgeBase, engine: ImpactEngine, profiles: Profiles | None = None) -> None:
        """``profiles``: those a snapshot kept (app/snapshot.py), computed from this same knowledge base."""
        self.kb = kb
        self.engine = engine
        self._profiles: Profiles | None = profiles
        self._parts: dict[str, list[str]] = {}
        self._diagnoses: dict[str, frozenset[str]] = {}

    def candidates(self) -> list[str]:
        """Structures whose injury the engine can reason about (they restrain, act, sense or are tested)."""
        kb = self.kb
        pool = {r.structure for r in kb.restraints} | {a.muscle for a in kb.actions}
        pool |= {st.subject for st in kb.statements if st.predicate in (schema.SENSORY_TERRITORY, schema.INNERVATED_BY)}
        pool |= {st.object for st in kb.statements if st.predicate in (schema.INNERVATED_BY, schema.TENDON_OF)}
        # every tendon, and every structure a condition affects (a torn tendon, the neck of the talus)
        pool |= {st.subject for st in kb.statements if st.predicate == schema.TENDON_OF}
        pool |= {st.object for st in kb.statements if st.predicate == schema.AFFECTS}
        pool |= {s for t in kb.clinical_tests for s in t.structures}
        anchors = (schema.PROXIMAL_ATTACHMENT, schema.DISTAL_ATTACHMENT, schema.INSERTION)
        pool |= {st.object for st in kb.statements if st.predicate in anchors and not st.inferred}
        pool |= {st.object for st in kb.statements if st.predicate in (schema.LIES_IN, schema.PASSES_THROUGH)}
        return sorted(c for c in pool if kb.is_a(c, schema.ANATOMICAL_STRUCTURE))

    @property
    def profiles(self) -> Profiles:
        """Per structure, one profile per lesion it may have: named alone (its kind's default lesion), and as each
        condition that damages it describes it. A candidate is scored by its best single lesion: findings that
        only different lesions of it would give (an entrapment's pain, a cut's weakness) do not add up."""
        if self._profiles is None:
            readings = self._condition_readings()
            self._profiles = {}
            for c in self.candidates():
                alone = self.engine.impact([(c, 3)])
                lesions = [self._profile(alone, _Profile(lesion=_lesion_of(alone, c)))]
                if lesions[0].lesion == terms.LOSS_OF_CONTINUITY:  # a partial tear predicts less (no Thompson sign)
                    partial = self.engine.impact([(c, 2)])
                    lesions.append(self._profile(partial, _Profile(lesion=lesions[0].lesion, grade=2)))
                for condition, report in readings.get(c, ()):
                    profile = _Profile(condition=condition, lesion=_lesion_of(report, c))
                    lesions.append(self._add_lesion(profile, report, condition, c))
                self._profiles[c] = lesions
        return self._profiles

    def _condition_readings(self) -> dict[str, list[tuple[str, ImpactReport]]]:
        """Per structure, the reports of the conditions that damage it: a structure explains what any of its
        lesions predicts (the tibial nerve compressed in a tarsal tunnel syndrome: a Tinel sign, burning pain),
        not only the lesion its kind defaults to when it is named alone."""
        readings: dict[str, list[tuple[str, ImpactReport]]] = {}
        affects: dict[str, set[str]] = {}
        for st in self.kb.statements:
            if st.predicate == terms.AFFECTS:
                affects.setdefault(st.subject, set()).add(st.object)
        for condition, structures in sorted(affects.items()):
            report = self.engine.impact([(condition, 3)])
            for a in report.injuries:  # what the condition itself damages (not a branch or part it reaches)
                if a.reached in DAMAGED and a.structure.id in structures:
                    readings.setdefault(a.structure.id, []).append((condition, report))
        return readings

    @staticmethod
    def _profile(report: ImpactReport, profile: _Profile | None = None) -> _Profile:
        """What injuring one structure predicts (its forward answer)."""
        profile = profile or _Profile()
        for t in report.expected_positive_tests:
            profile.add(FindingKind.POSITIVE_TEST, t.test.id, _restraints_first(t.because))
        for kind, found in ((FindingKind.SYMPTOM, report.symptoms), (FindingKind.NUMBNESS, report.numbness_areas)):
            for f in found:
                generic = {r.id for r in f.rules} & SYMPTOM_RULES == {PRESENTS}
                profile.add(kind, f.entity.id, f.because, NON_SPECIFIC if generic else 1.0)
        for w in report.weakened_motions:
            # losing every prime mover explains a weak motion fully, whatever assistants remain (a superficial
            # fibular lesion explains weak eversion as well as a common fibular one); a partial loss by its share
            strength = 1.0 if w.status in (Strength.LOST, Strength.PRIME_MOVERS_LOST) else w.fraction_lost
            profile.add(FindingKind.WEAK_MOTION, w.motion.id, w.because, strength)
        for d in report.destabilised_motions:
            # losing only secondary restraints explains an unstable motion in part (half, as for a mechanism):
            # a posterior drawer points to the PTFL, whose loss alone only reduces restraint, before nothing
            strength = SECONDARY_ONLY if d.status is Stability.REDUCED else 1.0
            profile.add(FindingKind.UNSTABLE_MOTION, d.motion.id, d.because, strength)
        return profile

    @staticmethod
    def _add_lesion(profile: _Profile, report: ImpactReport, condition: str, structure: str) -> _Profile:
        """What a condition's lesion of the structure predicts on its own: the tests that detect that lesion of
        it or rest on its facts, the condition's symptoms, and numbness or weakness that rest on it. A motion the
        condition destabilises with its other structures is theirs together, not this structure's."""
        for t in report.expected_positive_tests:  # a test of it, or of a motion its lesion destabilises (the talar
            # tilt of a grade III sprain rests on the CFL: a negative tilt counts against that reading of the CFL)
            if (t.structure is not None and t.structure.id == structure) or any(
                _rests_on(f, condition, structure) for f in t.because
            ):
                profile.add(FindingKind.POSITIVE_TEST, t.test.id, _reading_first(t.because, condition, structure))
        found = [
            *((FindingKind.SYMPTOM, f.entity.id, f.because, 1.0) for f in report.symptoms),
            *((FindingKind.NUMBNESS, f.entity.id, f.because, 1.0) for f in report.numbness_areas),
            *((FindingKind.WEAK_MOTION, w.motion.id, w.because,
               1.0 if w.status in (Strength.LOST, Strength.PRIME_MOVERS_LOST) else w.fraction_lost)
              for w in report.weakened_motions),
        ]
        for kind, entity, because, strength in found:
            if any(_rests_on(f, condition, structure) for f in because):
                profile.add(kind, entity, because, strength)
        return profile

    def rank(self, findings: ClinicalFindings, limit: int = 10) -> DifferentialReport:
        wanted: list[tuple[FindingKind, str]] = [
            *((FindingKind.POSITIVE_TEST, t) for t in findings.positive_tests),
            *((FindingKind.SYMPTOM, s) for s in findings.symptoms),
            *((FindingKind.NUMBNESS, a) for a in findings.numbness_areas),
            *((FindingKind.WEAK_MOTION, m) for m in findings.weak_motions),
            *((FindingKind.UNSTABLE_MOTION, m) for m in findings.unstable_motions),
        ]
        total = findings.count() or 1
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
            # complete lesion, which its sources describe, comes first
            results = sorted(((r[0], direct, *r[2:]) for r in scored),
                             key=lambda r: (r[0], r[6].grade == 2, *r[1:6]))  # fmt: skip
            if results:
                best = results[0]
                # other named conditions whose lesion of it explains the findings as well (not told apart by them)
                best[6].other_lesions = [
                    r[6].lesion for r in results[1:] if r[:3] == best[:3] and r[6].lesion is not None
                    and r[6].lesion != best[6].lesion
                ]  # fmt: skip
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
        ranked.sort(key=lambda r: r[:6])
        ranked = self._wholes_first(ranked)
        tied = self._distinct([r[6] for r in ranked if r[0] == ranked[0][0]])
        return DifferentialReport(
            findings=self._echo(findings), candidates=[r[6] for r in ranked[:limit]], tied_at_top=tied,
            note=_tie_note(tied, limit),
        )

    def _rank_one(
        self, structure: str, profile: _Profile, wanted: list[tuple[FindingKind, str]], findings: ClinicalFindings,
        total: int, mechanism: Evidence | None,
    ) -> _Ranked | None:
        """One lesion of one structure against the findings: its sort key and candidate, or None if it explains
        nothing. ``mechanism``: the structure's support for the reported mechanism (the same for all its lesions)."""
        supported = [
            Evidence(finding=self.kb.ref(entity), kind=kind, because=profile.predictions[(kind, entity)])
            for kind, entity in wanted
            if (kind, entity) in profile.predictions
        ]
        if mechanism is not None:
            supported.append(mechanism)
        contradicted = [
            Evidence(
                finding=self.kb.ref(test),
                kind=FindingKind.NEGATIVE_TEST,
                because=profile.predictions[(FindingKind.POSITIVE_TEST, test)],
            )
            for test in findings.negative_tests
            if (FindingKind.POSITIVE_TEST, test) in profile.predictions
        ]
        contradicted += [
            Evidence(finding=self.kb.ref(entity), kind=normal, because=profile.predictions[(predicted, entity)])
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
        weight = sum(self._weight(e, profile) for e in supported)
        score = (weight - sum(self._against(e, profile) for e in contradicted)) / total
        # Between equal scores: a structure whose own facts explain the findings (the AITFL for a positive
        # squeeze test) before one that explains them through others (the fibula it is anchored to).
        own = [
            f for e in supported for f in e.because
            if (f.subject.id == structure and (f.fact is not None or f.predicate.id == schema.SENSORY_TERRITORY))
            or (f.predicate.id == schema.EXAMINES_STRUCTURE and f.object is not None and f.object.id == structure)
        ]  # fmt: skip
        # and among those, one that is itself a primary restraint of what the findings test (the AITFL for a squeeze
        # test, before the interosseous membrane that checks it second) first
        primary = any(f.subject.id == structure and f.qualifiers.get("role") == PRIMARY for f in own)
        # Then a lesion whose condition a reported positive test is recorded to diagnose (the tibial nerve as in a
        # tarsal tunnel syndrome for a Tinel sign at the tarsal tunnel, before as in an ankle oedema).
        diagnosed = profile.condition is not None and bool(
            self._diagnosed_by(profile.condition) & set(findings.positive_tests)
        )
        return (
            -score,
            0 if primary else 1 if own else 2,
            0 if diagnosed else 1,
            # parsimony, the narrower explanation first: fewer predictions, and fewer other structures involved (an
            # entrapment of this nerve before ankle oedema that compresses any of the nerves at the ankle)
            len(profile.predictions) + max(self._breadth(profile.condition) - 1, 0),
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

    def _wholes_first(self, ranked: list[_Ranked]) -> list[_Ranked]:
        """Among candidates with the same score, a whole before its parts: findings that its part explains only as
        one of a condition of several of its parts (the ATFL as in a grade III sprain of the ATFL and CFL) are the
        whole's (the lateral ligament complex). (A nerve's branch keeps its place before the nerve: the narrower
        lesion that explains the findings is the more parsimonious one.) A whole moves up only to just before its
        first such part."""
        placed: set[int] = set()
        ordered: list[_Ranked] = []
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

    def _distinct(self, tied: list[Candidate]) -> int:
        """How many different explanations the tied candidates are: a part and its whole with the same lesion (the
        talus and its trochlea, as in an osteochondral lesion of the talus), a nerve and its own branch, or a muscle
        and its own tendon (one muscle-tendon unit: review r19 D3) are one, named at two levels."""
        ids = {c.structure.id: c for c in tied}
        same = 0
        for c in tied:
            wholes = [w for w in ids if w != c.structure.id and c.structure.id in self._with_parts(w)]
            wholes += [w for w in ids if w != c.structure.id and c.structure.id in self._branches(w)]
            if any(ids[w].lesion == c.lesion or self._within(c.lesion, w) for w in wholes):
                same += 1  # counted with its whole
            elif any(st.predicate == schema.TENDON_OF and st.object in ids for st in self.kb.by_subject.get(
                    c.structure.id, ())):
                same += 1  # counted with its muscle
        return len(tied) - same

    def _branches(self, nerve: str) -> set[str]:
        """Every branch of a nerve or artery (akg:hasBranch, transitively)."""
        return set(self._walk_parts(nerve, schema.HAS_BRANCH)[1:])

    def _within(self, condition: EntityRef | None, whole: str) -> bool:
        """The condition damages only parts of the whole (a grade III sprain of the ATFL and CFL, within the lateral
        ligament complex): a part read as that condition is the whole's explanation."""
        if condition is None:
            return False
        affected = {st.object for st in self.kb.by_subject.get(condition.id, ()) if st.predicate == terms.AFFECTS}
        return bool(affected) and affected <= {whole, *self._with_parts(whole)}

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

    @staticmethod
    def _against(evidence: Evidence, profile: _Profile) -> float:
        """A normal finding counts against a candidate as much as the abnormal one would have counted for it (a
        motion reported strong against a lesion that takes only an assistant's share of it: little); a negative
        test fully."""
        if evidence.kind is FindingKind.STRONG_MOTION:
            return 0.5 + 0.5 * profile.strength.get((FindingKind.WEAK_MOTION, evidence.finding.id), 1.0)
        return 1.0

    @staticmethod
    def _weight(evidence: Evidence, profile: _Profile) -> float:
        """A mechanism resisted only as a secondary restraint supports a candidate half as much, and so do a motion
        whose restraint it only reduces and a symptom it presents only as every lesion of its kind does; a weak
        motion the candidate weakens only a little (fibularis tertius, eversion) less than one it takes most of (the
        peronei): half, plus half the share of the motion it loses."""
        if evidence.kind is FindingKind.WEAK_MOTION:
            return 0.5 + 0.5 * profile.strength.get((evidence.kind, evidence.finding.id), 1.0)
        if evidence.kind in (FindingKind.UNSTABLE_MOTION, FindingKind.SYMPTOM):
            return profile.strength.get((evidence.kind, evidence.finding.id), 1.0)
        if evidence.kind is not FindingKind.MECHANISM:
            return 1.0
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
        }
        if findings.mechanism is not None:
            motion, position = findings.mechanism
            echoed["mechanism"] = refs([motion, *([position] if position else [])])
        return echoed


def _restraints_first(because: list[Fact]) -> list[Fact]:
    """The restraint facts say more than "the test examines...", and a primary restraint more than a secondary one
    (the CFL, not the ATFL, for a talar tilt)."""
    return sorted(because, key=lambda f: (f.fact is None, f.qualifiers.get("role") != PRIMARY))


def _reading_first(because: list[Fact], condition: str, structure: str) -> list[Fact]:
    """A condition's reading of a structure explains a test by the structure's own facts first, then by each other
    structure the condition damages with the restraint it brings (the ATFL as in a grade III sprain explains a talar
    tilt by its own secondary restraint, then by the sprain tearing the CFL, the primary one)."""
    ordered = _restraints_first(because)
    own = [f for f in ordered if structure in (f.subject.id, f.object.id if f.object else None)
           and not (f.subject.id == condition and f.predicate.id == terms.AFFECTS)]  # fmt: skip
    affects = {f.object.id: f for f in ordered if f.subject.id == condition and f.predicate.id == terms.AFFECTS
               and f.object is not None}  # fmt: skip
    others: list[Fact] = []
    if not any(f.subject.id == structure and f.qualifiers.get("role") == PRIMARY for f in own):
        for f in ordered:  # the primary restraints the condition's other structures bring
            if f.qualifiers.get("role") == PRIMARY and f not in own and f.subject.id in affects:
                others.extend([affects[f.subject.id], f])
    return unique_facts([*own, *others, *ordered])


def _lesion_of(report: ImpactReport, structure: str) -> str | None:
    """The lesion mechanism the report gives the structure (torn, compressed, fractured...)."""
    return next((a.lesion.id for a in report.injuries if a.structure.id == structure and a.lesion), None)


def _tie_note(tied: int, limit: int) -> str | None:
    """Say when the findings do not single out one structure, and what would."""
    if tied < 2:
        return None
    beyond = f" ({tied - limit} of them beyond the limit)" if tied > limit else ""
    return (
        f"{tied} different explanations share the best score{beyond}: these findings do not point to one structure. "
        "Findings that tell them apart (a specific test, a numb area, a weak or a strong motion, normal sensation) "
        "would."
    )
