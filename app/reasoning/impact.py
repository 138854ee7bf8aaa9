"""What destabilises if a structure is injured, and everything that follows from it.

The engine applies the rules declared in data/rules/impact.ttl to the sourced facts of
data/ankle_ontology.ttl in three stages:

1. expansion: what the named injuries reach (parts, tendons and muscles, the structures a
   condition affects, what is anchored to a fractured bone, distal nerve branches, nerves
   compressed in a swollen space);
2. loss: each reached structure loses a share of its restraints and actions by grade;
3. consequences: destabilised and weakened joint motions, structures that take over the load,
   expected positive tests, numb skin, nerves and blood supply at risk, symptoms and long-term risks.

Each conclusion carries ``because`` (the graph facts it rests on, with their sources) and
``rules`` (the declared rules applied), so a reader can check every step.

References
----------
The restraint and action facts cite the biomechanics and anatomy literature; the grading
convention follows the clinical grading of ankle sprains (grade I stretch, grade II partial tear,
grade III complete tear).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import product
from typing import Literal

from pydantic import BaseModel, Field

from app.knowledge.base import KnowledgeBase
from app.knowledge.model import ActionRole, MuscleAction, Restraint, RestraintRole, Statement
from app.models import EDUCATIONAL_NOTICE, EntityRef, Fact, RuleRef
from app.reasoning.rules import RuleBook

Grade = Literal[1, 2, 3]

R_PARTS = "rule:whole-injures-parts"
R_CONDITION = "rule:condition-affects"
R_FRACTURE = "rule:fracture-releases-attachments"
R_BRANCHES = "rule:nerve-injury-reaches-branches"
R_COMPRESSION = "rule:space-compresses-contents"
R_LOSS = "rule:injury-loses-restraint"
R_ACTIONS = "rule:injury-loses-actions"
R_DENERVATES = "rule:nerve-denervates"
R_DESTABILISED = "rule:motion-destabilised"
R_WEAKENED = "rule:motion-weakened"
R_FOOT_DROP = "rule:foot-drop"
R_LOAD = "rule:load-transfer"
R_TEST = "rule:positive-test"
R_NUMBNESS = "rule:numbness"
R_BURNING = "rule:compression-burns"
R_AT_RISK = "rule:nerves-at-risk"
R_SUPPLY = "rule:supply-at-risk"
R_CONDITIONS = "rule:condition-consequences"

ALL_RULES = (
    R_PARTS, R_CONDITION, R_FRACTURE, R_BRANCHES, R_COMPRESSION, R_LOSS, R_ACTIONS, R_DENERVATES,
    R_DESTABILISED, R_WEAKENED, R_FOOT_DROP, R_LOAD, R_TEST, R_NUMBNESS, R_BURNING, R_AT_RISK, R_SUPPLY,
    R_CONDITIONS,
)  # fmt: skip

ANCHOR_PREDICATES = ("akg:proximalAttachmentOf", "akg:distalAttachmentOf", "akg:insertionOf")
SKELETAL = ("akg:Bone", "akg:BonePart")
SPACES = ("akg:AnatomicalSpace",)


class Stability(StrEnum):
    """How much a joint motion is still restrained after the injury."""

    UNSTABLE = "unstable"
    LAXITY = "increased laxity"
    REDUCED = "reduced restraint"


class Strength(StrEnum):
    """How much of a motion the muscles can still produce."""

    LOST = "lost"
    WEAK = "weak"


class Reach(StrEnum):
    """How a structure came to be affected."""

    NAMED = "named"
    PART = "part of an injured whole"
    TENDON_MUSCLE = "tendon or muscle of an injured structure"
    CONDITION = "affected by the named condition"
    ANCHOR = "anchored to an injured bone"
    BRANCH = "branch of an injured nerve"
    DENERVATED = "denervated"
    COMPRESSED = "compressed (swelling or entrapment)"


class AffectedStructure(BaseModel):
    structure: EntityRef
    grade: int
    reached: Reach
    via: EntityRef | None = Field(default=None, description="The named injury this one was reached from.")
    because: list[Fact] = Field(default_factory=list)
    rules: list[RuleRef] = Field(default_factory=list)


class LostRestraint(BaseModel):
    structure: EntityRef
    role: str
    restraint_lost: float = Field(description="Share of this structure's restraint lost (by grade).")


class DestabilisedMotion(BaseModel):
    joint: EntityRef
    motion: EntityRef
    position: EntityRef
    fraction_lost: float = Field(description="Weighted share of all restraint of this motion that is lost (0-1).")
    restraint_remaining: float
    status: Stability
    lost_restraints: list[LostRestraint]
    score: float
    because: list[Fact]
    rules: list[RuleRef]


class WeakenedMotion(BaseModel):
    joint: EntityRef
    motion: EntityRef
    fraction_lost: float = Field(description="Weighted share of the muscles' production of this motion that is lost.")
    status: Strength
    lost_actions: list[EntityRef]
    score: float
    because: list[Fact]
    rules: list[RuleRef]


class IncreasedLoad(BaseModel):
    structure: EntityRef
    kind: Literal["restraint", "dynamic stabiliser"]
    joint: EntityRef
    motion: EntityRef
    positions: list[EntityRef]
    score: float
    because: list[Fact]
    rules: list[RuleRef]


class ExpectedPositiveTest(BaseModel):
    test: EntityRef
    joint: EntityRef | None = None
    motion: EntityRef | None = None
    structure: EntityRef | None = Field(default=None, description="The injured structure the test examines.")
    positions: list[EntityRef] = Field(default_factory=list)
    score: float
    because: list[Fact]
    rules: list[RuleRef]


class Finding(BaseModel):
    """A conclusion about one entity (a symptom, a skin area, a nerve, a condition, a structure)."""

    entity: EntityRef
    detail: str
    score: float
    because: list[Fact]
    rules: list[RuleRef]


#: The sections of an ImpactReport whose items are conclusions with ``because`` and ``rules``.
SECTIONS = (
    "destabilised_motions",
    "weakened_motions",
    "increased_load",
    "expected_positive_tests",
    "symptoms",
    "numbness_areas",
    "nerves_at_risk",
    "supply_at_risk",
    "long_term_risks",
)


class ImpactReport(BaseModel):
    notice: str = EDUCATIONAL_NOTICE
    injuries: list[AffectedStructure]
    position: EntityRef | None
    destabilised_motions: list[DestabilisedMotion]
    weakened_motions: list[WeakenedMotion]
    increased_load: list[IncreasedLoad]
    expected_positive_tests: list[ExpectedPositiveTest]
    symptoms: list[Finding]
    numbness_areas: list[Finding]
    nerves_at_risk: list[Finding]
    supply_at_risk: list[Finding]
    long_term_risks: list[Finding]
    rules_applied: list[RuleRef]


@dataclass
class _Affected:
    grade: Grade
    reached: Reach
    via: str | None
    chain: list[Statement]
    rules: tuple[str, ...]


@dataclass(frozen=True)
class _Group:
    """The restraints of one joint motion in one position, with what the injury took from each."""

    joint: str
    motion: str
    position: str
    members: tuple[Restraint, ...]
    loss: dict[str, float]
    fraction_lost: float
    status: Stability


@dataclass(frozen=True)
class _Weakness:
    joint: str
    motion: str
    members: tuple[MuscleAction, ...]
    loss: dict[str, float]
    fraction_lost: float
    status: Strength


@dataclass
class _Findings:
    """Accumulates findings per entity, merging reasons and keeping the best score."""

    items: dict[str, dict] = field(default_factory=dict)

    def add(self, entity: str, detail: str, score: float, facts: Iterable[Fact], rules: Iterable[str]) -> None:
        entry = self.items.setdefault(entity, {"details": [], "score": 0.0, "facts": [], "rules": set()})
        if detail not in entry["details"]:
            entry["details"].append(detail)
        entry["score"] = max(entry["score"], score)
        entry["facts"].extend(facts)
        entry["rules"].update(rules)


class ImpactEngine:
    """Applies the impact rules to a knowledge base; stateless between calls."""

    def __init__(self, kb: KnowledgeBase, rules: RuleBook) -> None:
        self.kb = kb
        self.rules = rules
        # Fail at start-up, not at the first request, if a rule is missing; cite each by a shared ref.
        self._rule_refs = {rule_id: rules[rule_id].ref() for rule_id in ALL_RULES}
        self.grade_loss = {g: rules[R_LOSS].parameter(f"grade{g}") for g in (1, 2, 3)}
        destabilised = rules[R_DESTABILISED]
        self.role_weight = {
            RestraintRole.PRIMARY: destabilised.parameter("primary_weight"),
            RestraintRole.SECONDARY: destabilised.parameter("secondary_weight"),
        }
        self.laxity_threshold = destabilised.parameter("laxity_threshold")
        weakened = rules[R_WEAKENED]
        self.action_weight = {
            ActionRole.PRIME_MOVER: weakened.parameter("prime_mover_weight"),
            ActionRole.ASSISTANT: weakened.parameter("assistant_weight"),
        }
        load = rules[R_LOAD]
        self.load_rank = {
            RestraintRole.PRIMARY: load.parameter("primary_restraint_rank"),
            RestraintRole.SECONDARY: load.parameter("secondary_restraint_rank"),
            ActionRole.PRIME_MOVER: load.parameter("prime_mover_rank"),
            ActionRole.ASSISTANT: load.parameter("assistant_rank"),
        }
        self.overlap_threshold = rules[R_CONDITIONS].parameter("overlap_threshold")
        compression = int(rules[R_COMPRESSION].parameter("compression_grade"))
        self.compression_grade: Grade = compression if compression in (1, 2, 3) else 1  # type: ignore[assignment]

    def _refs(self, *rule_ids: str) -> list[RuleRef]:
        return [self._rule_refs[r] for r in rule_ids]

    # -- public ---------------------------------------------------------------------------------
    def impact(self, injuries: Sequence[tuple[str, Grade]], position: str | None = None) -> ImpactReport:
        """Impact of injuring each (entity CURIE, grade); ``position`` limits the answer to one."""
        affected = self._expand(injuries)
        self._denervate(affected)
        loss = {curie: self.grade_loss[a.grade] for curie, a in affected.items() if a.reached is not Reach.COMPRESSED}
        groups = self._groups(loss, position)
        weaknesses = self._weaknesses(loss)
        shaky = [g for g in groups if g.status is not Stability.REDUCED]
        applied: set[str] = {r for a in affected.values() for r in a.rules}
        numbness = self._numbness(affected)
        conditions = self._conditions_of(affected)
        report = ImpactReport(
            injuries=self._affected_items(affected),
            position=self.kb.ref(position) if position else None,
            destabilised_motions=sorted(
                (self._destabilised_item(g) for g in groups),
                key=lambda d: (-d.score, d.joint.label, d.motion.label, d.position.label),
            ),
            weakened_motions=[self._weakened_item(w) for w in weaknesses],
            increased_load=self._increased_load(groups, loss),
            expected_positive_tests=self._expected_tests(shaky, weaknesses, affected),
            symptoms=self._symptoms(affected, shaky, weaknesses, numbness, conditions),
            numbness_areas=numbness,
            nerves_at_risk=self._nerves_at_risk(affected),
            supply_at_risk=self._supply_at_risk(affected),
            long_term_risks=self._condition_findings(
                conditions, "akg:mayLeadTo", "may follow {}", 0.5, exclude=set(affected)
            ),
            rules_applied=[],
        )
        for name in SECTIONS:
            for item in getattr(report, name):
                applied.update(r.id for r in item.rules)
        report.rules_applied = [self.rules[r].ref(described=True) for r in sorted(applied)]
        return report

    # -- stage 1: expansion ---------------------------------------------------------------------
    def _expand(self, injuries: Iterable[tuple[str, Grade]]) -> dict[str, _Affected]:
        """Apply the expansion rules until nothing new is reached (each step keeps its reason)."""
        affected: dict[str, _Affected] = {}
        stack: list[str] = []

        def reach(curie: str, grade: Grade, how: Reach, via: str | None, chain: list[Statement], rule: str) -> None:
            current = affected.get(curie)
            if current is not None:
                upgrade = grade > current.grade or (
                    current.reached is Reach.COMPRESSED and how is not Reach.COMPRESSED and grade >= current.grade
                )
                if how is Reach.NAMED and grade == current.grade:
                    affected[curie] = _Affected(grade, how, None, [], ())  # named by the user: no chain needed
                    return
                if not upgrade:
                    return  # reached already at this grade or higher: cycles (tendon <-> muscle) stop here
            rules = (*affected[via].rules, rule) if via in affected and rule else ((rule,) if rule else ())
            affected[curie] = _Affected(grade, how, via, chain, tuple(dict.fromkeys(rules)))
            stack.append(curie)

        for curie, grade in sorted(injuries, key=lambda i: (-i[1], i[0])):  # order-independent answers
            reach(curie, grade, Reach.NAMED, None, [], "")
        while stack:
            current = stack.pop()
            state = affected[current]
            root = state.via or current
            if state.reached is Reach.COMPRESSED:
                continue  # a space compresses what lies in it, not branches that leave it higher up
            for st in self.kb.by_subject.get(current, ()):
                chain = [*state.chain, st]
                if st.predicate == "akg:hasPart" and not self._is_any(current, SKELETAL):
                    # A ligament complex or a muscle is hurt as a whole; a bone breaks at one place.
                    reach(st.object, state.grade, Reach.PART, root, chain, R_PARTS)
                elif st.predicate in ("akg:hasTendon", "akg:tendonOf"):
                    reach(st.object, state.grade, Reach.TENDON_MUSCLE, root, chain, R_PARTS)
                elif st.predicate == "akg:affects" and self.kb.is_a(current, "akg:Condition"):
                    if self.kb.is_a(st.object, "akg:Nerve"):  # entrapment: compressed, not cut
                        reach(st.object, self.compression_grade, Reach.COMPRESSED, root, chain, R_CONDITION)
                    else:
                        reach(st.object, state.grade, Reach.CONDITION, root, chain, R_CONDITION)
                elif st.predicate in ANCHOR_PREDICATES and self._is_any(current, SKELETAL):
                    if self._is_any(st.object, ("akg:Ligament", "akg:Retinaculum", "akg:Muscle", "akg:Tendon")):
                        reach(st.object, state.grade, Reach.ANCHOR, root, chain, R_FRACTURE)
                elif (
                    st.predicate in ("akg:contains", "akg:traversedBy")
                    and self._is_any(current, SPACES)
                    and self.kb.is_a(st.object, "akg:Nerve")
                ):
                    reach(st.object, self.compression_grade, Reach.COMPRESSED, root, chain, R_COMPRESSION)
            if self.kb.is_a(current, "akg:Nerve"):
                for st in self.kb.by_subject.get(current, ()):
                    if st.predicate == "akg:hasBranch" and self._all_parents_reached(st.object, affected):
                        reach(st.object, state.grade, Reach.BRANCH, root, [*state.chain, st], R_BRANCHES)
        return affected

    def _all_parents_reached(self, branch: str, affected: dict[str, _Affected]) -> bool:
        """A nerve formed by several nerves (the sural) is lost only when all of them are injured."""
        parents = [st.object for st in self.kb.by_subject.get(branch, ()) if st.predicate == "akg:branchOf"]
        return all(p in affected and affected[p].reached is not Reach.COMPRESSED for p in parents)

    def _denervate(self, affected: dict[str, _Affected]) -> None:
        """Rule nerve-denervates: muscles of an injured (not merely compressed) nerve lose their actions."""
        for nerve, state in sorted(affected.items()):
            if state.reached is Reach.COMPRESSED or not self.kb.is_a(nerve, "akg:Nerve"):
                continue
            for st in self.kb.by_subject.get(nerve, ()):
                if st.predicate != "akg:innervates" or not self._is_any(st.object, ("akg:Muscle", "akg:MusclePart")):
                    continue
                current = affected.get(st.object)
                if current is None or current.grade < state.grade:
                    rules = (*state.rules, R_DENERVATES)
                    affected[st.object] = _Affected(
                        state.grade, Reach.DENERVATED, state.via or nerve, [*state.chain, st], rules
                    )

    def _is_any(self, curie: str, classes: Iterable[str]) -> bool:
        return any(self.kb.is_a(curie, cls) for cls in classes)

    def _affected_items(self, affected: dict[str, _Affected]) -> list[AffectedStructure]:
        order = list(Reach)
        return [
            AffectedStructure(
                structure=self.kb.ref(curie),
                grade=state.grade,
                reached=state.reached,
                via=self.kb.ref(state.via) if state.via else None,
                because=[self.kb.statement_fact(st) for st in state.chain],
                rules=self._refs(*state.rules),
            )
            for curie, state in sorted(affected.items(), key=lambda kv: (order.index(kv[1].reached), kv[0]))
        ]

    # -- stage 2 and 3: restraint ---------------------------------------------------------------
    def _groups(self, loss: dict[str, float], position: str | None) -> list[_Group]:
        """Rules injury-loses-restraint and motion-destabilised, per joint, motion and position."""
        touched = {(r.joint, r.motion) for s in loss for r in self.kb.restraints_by_structure.get(s, ())}
        groups = []
        for joint, motion in sorted(touched):
            restraints = self.kb.restraints_by_motion[(joint, motion)]
            for pos in sorted({p for r in restraints for p in r.positions}):
                if position is not None and pos != position:
                    continue
                members = tuple(r for r in restraints if pos in r.positions)
                lost = {r.id: loss.get(r.structure, 0.0) for r in members}
                if not any(lost.values()):
                    continue
                use_measured = all(r.contribution is not None for r in members)
                weights = {r.id: (r.contribution if use_measured else self.role_weight[r.role]) or 0.0 for r in members}
                total = sum(weights.values()) or 1.0
                fraction = min(sum(weights[r.id] * lost[r.id] for r in members) / total, 1.0)
                primaries = [r for r in members if r.role is RestraintRole.PRIMARY]
                if primaries and all(lost[r.id] >= 1.0 for r in primaries):
                    status = Stability.UNSTABLE
                elif any(lost[r.id] >= self.laxity_threshold for r in primaries):
                    status = Stability.LAXITY
                else:
                    status = Stability.REDUCED
                groups.append(_Group(joint, motion, pos, members, lost, round(fraction, 4), status))
        return groups

    def _destabilised_item(self, g: _Group) -> DestabilisedMotion:
        lost = [r for r in g.members if g.loss[r.id] > 0]
        bonus = {Stability.UNSTABLE: 1.0, Stability.LAXITY: 0.5, Stability.REDUCED: 0.0}[g.status]
        return DestabilisedMotion(
            joint=self.kb.ref(g.joint),
            motion=self.kb.ref(g.motion),
            position=self.kb.ref(g.position),
            fraction_lost=g.fraction_lost,
            restraint_remaining=round(1.0 - g.fraction_lost, 4),
            status=g.status,
            lost_restraints=[
                LostRestraint(structure=self.kb.ref(r.structure), role=r.role.value, restraint_lost=g.loss[r.id])
                for r in sorted(lost, key=lambda r: (r.role != RestraintRole.PRIMARY, r.structure))
            ],
            score=round(g.fraction_lost + bonus, 4),
            because=[self.kb.restraint_fact(r) for r in sorted(g.members, key=lambda r: r.id)],
            rules=self._refs(R_LOSS, R_DESTABILISED),
        )

    # -- stage 2 and 3: actions -----------------------------------------------------------------
    def _weaknesses(self, loss: dict[str, float]) -> list[_Weakness]:
        """Rules injury-loses-actions and motion-weakened, per joint and motion."""
        touched = {(a.joint, a.motion) for m in loss for a in self.kb.actions_by_muscle.get(m, ())}
        result = []
        for joint, motion in sorted(touched):
            members = tuple(self.kb.actions_by_motion[(joint, motion)])
            lost = {a.id: loss.get(a.muscle, 0.0) for a in members}
            weights = {a.id: self.action_weight[a.role] for a in members}
            fraction = sum(weights[a.id] * lost[a.id] for a in members) / (sum(weights.values()) or 1.0)
            primes = [a for a in members if a.role is ActionRole.PRIME_MOVER]
            status = Strength.LOST if primes and all(lost[a.id] >= 1.0 for a in primes) else Strength.WEAK
            result.append(_Weakness(joint, motion, members, lost, round(min(fraction, 1.0), 4), status))
        return sorted(result, key=lambda w: (-w.fraction_lost, w.joint, w.motion))

    def _weakened_item(self, w: _Weakness) -> WeakenedMotion:
        return WeakenedMotion(
            joint=self.kb.ref(w.joint),
            motion=self.kb.ref(w.motion),
            fraction_lost=w.fraction_lost,
            status=w.status,
            lost_actions=[self.kb.ref(a.muscle) for a in w.members if w.loss[a.id] > 0],
            score=round(w.fraction_lost + (1.0 if w.status is Strength.LOST else 0.0), 4),
            because=[self.kb.action_fact(a) for a in w.members],
            rules=self._refs(R_ACTIONS, R_WEAKENED),
        )

    # -- load transfer --------------------------------------------------------------------------
    def _increased_load(self, groups: list[_Group], loss: dict[str, float]) -> list[IncreasedLoad]:
        """Rule load-transfer: intact restraints and opposing muscles of each destabilised motion."""
        collected: dict[tuple[str, str, str, str], dict] = {}

        def collect(key: tuple[str, str, str, str], position: str, score: float, facts: list[Fact]) -> None:
            entry = collected.setdefault(key, {"positions": set(), "score": 0.0, "because": []})
            entry["positions"].add(position)
            entry["score"] = max(entry["score"], score)
            entry["because"].extend(facts)

        for g in groups:
            lost_facts = [self.kb.restraint_fact(r) for r in g.members if g.loss[r.id] > 0]
            for r in g.members:
                if g.loss[r.id] == 0 and r.structure not in loss:
                    score = g.fraction_lost * self.load_rank[r.role]
                    collect((r.structure, "restraint", g.joint, g.motion), g.position, score,
                            [*lost_facts, self.kb.restraint_fact(r)])  # fmt: skip
            for action, joint_link in self._opposing_actions(g.joint, g.motion):
                if action.muscle in loss:
                    continue
                facts = [*lost_facts, self.kb.action_fact(action), *(self.kb.statement_fact(st) for st in joint_link)]
                score = g.fraction_lost * self.load_rank[action.role]
                collect((action.muscle, "dynamic stabiliser", g.joint, g.motion), g.position, score, facts)
        items = [
            IncreasedLoad(
                structure=self.kb.ref(structure),
                kind=kind,  # type: ignore[arg-type]
                joint=self.kb.ref(joint),
                motion=self.kb.ref(motion),
                positions=[self.kb.ref(p) for p in sorted(entry["positions"])],
                score=round(entry["score"], 4),
                because=_unique_facts(entry["because"]),
                rules=self._refs(R_LOAD),
            )
            for (structure, kind, joint, motion), entry in collected.items()
        ]
        return sorted(items, key=lambda i: (-i.score, i.kind, i.structure.label, i.joint.label, i.motion.label))

    def _opposing_actions(self, joint: str, motion: str) -> list[tuple[MuscleAction, list[Statement]]]:
        """Muscle actions producing the opposite motion at this joint or at a joint sharing a bone."""
        opposite = set(self.kb.opposite_motions.get(motion, ()))
        for general in self.kb.motion_kinds.get(motion, ()):
            opposite |= self.kb.opposite_motions.get(general, frozenset())
        found: list[tuple[MuscleAction, list[Statement]]] = []
        for (action_joint, action_motion), actions in sorted(self.kb.actions_by_motion.items()):
            if action_motion not in opposite:
                continue
            link = [] if action_joint == joint else self._shared_bone(joint, action_joint)
            if action_joint == joint or link:
                found.extend((a, link) for a in actions)
        return found

    def _shared_bone(self, joint_a: str, joint_b: str) -> list[Statement]:
        """The 'connects' statements showing two joints share a bone, or [] if they do not."""
        bones_a = {st.object: st for st in self.kb.by_subject.get(joint_a, ()) if st.predicate == "akg:jointOf"}
        for st in self.kb.by_subject.get(joint_b, ()):
            if st.predicate == "akg:jointOf" and st.object in bones_a:
                return [bones_a[st.object], st]
        return []

    # -- tests ----------------------------------------------------------------------------------
    def _expected_tests(
        self, groups: list[_Group], weaknesses: list[_Weakness], affected: dict[str, _Affected]
    ) -> list[ExpectedPositiveTest]:
        """Rule positive-test: tests of a destabilised motion in their position, or of an injured structure."""
        weakened = {(w.joint, w.motion) for w in weaknesses}
        by_motion: dict[tuple[str, str], list[_Group]] = defaultdict(list)
        for g in groups:
            by_motion[(g.joint, g.motion)].append(g)
        items = []
        for test in self.kb.clinical_tests:
            for joint, motion in product(test.joints, test.motions):
                candidates = [
                    g
                    for (gj, gm), gs in by_motion.items()
                    if gj == joint and (gm == motion or motion in self.kb.motion_kinds.get(gm, ()))
                    for g in gs
                    if not test.positions or g.position in test.positions
                ]
                if not candidates:
                    continue
                facts = [
                    self.kb.test_fact(test, "akg:examinesJoint", joint),
                    self.kb.test_fact(test, "akg:examinesMotion", motion),
                ]
                for g in candidates:
                    facts.extend(self.kb.restraint_fact(r) for r in g.members if g.loss[r.id] > 0)
                items.append(
                    ExpectedPositiveTest(
                        test=self.kb.ref(test.id),
                        joint=self.kb.ref(joint),
                        motion=self.kb.ref(motion),
                        positions=[self.kb.ref(p) for p in sorted({g.position for g in candidates})],
                        score=round(max(g.fraction_lost for g in candidates), 4),
                        because=_unique_facts(facts),
                        rules=self._refs(R_TEST),
                    )
                )
            # A test of an injured structure is positive when it examines no motion (Tinel, Ottawa) or when
            # a motion it examines is destabilised or weakened (Thompson, heel rise) — not for laxity that
            # the structure's partners still check (talar tilt after an ATFL tear alone).
            pairs = set(product(test.joints, test.motions))
            if test.motions and not pairs & (set(by_motion) | weakened):
                continue
            for structure in test.structures:
                state = affected.get(structure)
                if state is None or state.reached is Reach.DENERVATED:
                    continue
                examines = [
                    st for st in self.kb.by_subject.get(test.id, ())
                    if st.predicate == "akg:examinesStructure" and st.object == structure
                ]  # fmt: skip
                items.append(
                    ExpectedPositiveTest(
                        test=self.kb.ref(test.id),
                        structure=self.kb.ref(structure),
                        score=round(self.grade_loss[state.grade], 4),
                        because=[self.kb.statement_fact(st) for st in [*examines, *state.chain]],
                        rules=self._refs(*state.rules, R_TEST),
                    )
                )
        merged: dict[str, ExpectedPositiveTest] = {}
        for item in sorted(items, key=lambda t: (t.joint is None, -t.score, t.test.label)):
            first = merged.setdefault(item.test.id, item)
            if first is not item:
                first.score = max(first.score, item.score)
                first.structure = first.structure or item.structure
                first.positions = sorted({*first.positions, *item.positions}, key=lambda p: p.id)
                first.because = _unique_facts([*first.because, *item.because])
                first.rules = list({r.id: r for r in [*first.rules, *item.rules]}.values())
        return sorted(merged.values(), key=lambda t: (-t.score, t.test.label))

    # -- sensation, risk, symptoms --------------------------------------------------------------
    def _territories(self, nerve: str) -> list[Statement]:
        return [st for st in self.kb.by_subject.get(nerve, ()) if st.predicate == "akg:sensoryTerritory"]

    def _numbness(self, affected: dict[str, _Affected]) -> list[Finding]:
        """Rule numbness: the territories of injured or compressed nerves (and their branches)."""
        findings = _Findings()
        for nerve, state in sorted(affected.items()):
            if not self.kb.is_a(nerve, "akg:Nerve"):
                continue
            compressed = state.reached is Reach.COMPRESSED
            for st in self._territories(nerve):
                detail = f"{'compressed' if compressed else 'injured'} {self.kb.label(nerve)}"
                score = self.grade_loss[state.grade] if not compressed else 0.5
                facts = [self.kb.statement_fact(s) for s in [*state.chain, st]]
                findings.add(st.object, detail, score, facts, (*state.rules, R_NUMBNESS))
        return self._finding_items(findings)

    def _nerves_at_risk(self, affected: dict[str, _Affected]) -> list[Finding]:
        """Rule nerves-at-risk: nerves compressed in a swollen space or adjacent to an injured structure."""
        findings = _Findings()
        for curie, state in sorted(affected.items()):
            if state.reached is Reach.COMPRESSED:
                facts = [self.kb.statement_fact(s) for s in state.chain]
                findings.add(curie, f"compressed ({self.kb.label(state.via or curie)} swollen)", 0.75, facts,
                             (*state.rules, R_AT_RISK))  # fmt: skip
                continue
            for st in self.kb.by_subject.get(curie, ()):
                if (
                    st.predicate == "akg:adjacentTo"
                    and self.kb.is_a(st.object, "akg:Nerve")
                    and st.object not in affected
                ):
                    facts = [self.kb.statement_fact(s) for s in [*state.chain, st]]
                    detail = f"adjacent to the injured {self.kb.label(curie)}"
                    findings.add(st.object, detail, 0.5, facts, (*state.rules, R_AT_RISK))
        return self._finding_items(findings)

    def _supply_at_risk(self, affected: dict[str, _Affected]) -> list[Finding]:
        """Rule supply-at-risk: what an injured artery (or its branches) supplies."""
        findings = _Findings()
        for artery, state in sorted(affected.items()):
            if not self.kb.is_a(artery, "akg:Artery"):
                continue
            stack: list[tuple[str, list[Statement]]] = [(artery, list(state.chain))]
            seen = {artery}
            while stack:
                current, chain = stack.pop()
                for st in self.kb.by_subject.get(current, ()):
                    if st.predicate == "akg:supplies":
                        findings.add(st.object, f"supplied by the injured {self.kb.label(artery)}",
                                     self.grade_loss[state.grade], [self.kb.statement_fact(s) for s in [*chain, st]],
                                     (*state.rules, R_SUPPLY))  # fmt: skip
                    elif st.predicate == "akg:hasBranch" and st.object not in seen:
                        seen.add(st.object)
                        stack.append((st.object, [*chain, st]))
        return self._finding_items(findings)

    def _conditions_of(self, affected: dict[str, _Affected]) -> list[tuple[str, Statement | None, _Affected]]:
        """(condition, its 'affects' statement, the structure's state) for conditions the injury amounts to.

        A condition counts when at least ``overlap_threshold`` of the structures it affects are
        injured (a whole counts when one of its parts is): a lateral ankle sprain for an ATFL tear,
        but not 'oedema compressing nerves' merely because one of the nerves it names is cut.
        """
        injured = {c for c, s in affected.items() if s.reached not in (Reach.DENERVATED, Reach.COMPRESSED)}
        found: dict[str, tuple[str, Statement | None, _Affected]] = {}
        for curie in sorted(injured):
            state = affected[curie]
            if self.kb.is_a(curie, "akg:Condition") and state.reached is Reach.NAMED:
                found.setdefault(curie, (curie, None, state))
            # A condition may name the structure itself or a whole it belongs to (a sprain of the complex).
            for holder, path in [(curie, []), *self._wholes(curie)]:
                lifted = _Affected(state.grade, state.reached, state.via, [*state.chain, *path], state.rules)
                for st in self.kb.by_subject.get(holder, ()):
                    if (
                        st.predicate == "akg:affectedBy"
                        and st.object not in found
                        and self._grade_fits(st.object, state.grade)
                        and self._overlap(st.object, injured) >= self.overlap_threshold
                    ):
                        found[st.object] = (st.object, st, lifted)
        return list(found.values())

    def _grade_fits(self, condition: str, grade: int) -> bool:
        """A graded condition (sprain grade II) is what an injury of that grade amounts to, not another."""
        term = self.kb.terms.get(condition)
        graded = [v for p, v in term.annotations if p == "akg:injuryGrade"] if term else []
        return not graded or str(grade) in graded

    def _wholes(self, curie: str) -> list[tuple[str, list[Statement]]]:
        """Every whole the structure is part of (transitively), with the partOf statements leading there."""
        result: list[tuple[str, list[Statement]]] = []
        stack: list[tuple[str, list[Statement]]] = [(curie, [])]
        seen = {curie}
        while stack:
            current, path = stack.pop()
            for st in self.kb.by_subject.get(current, ()):
                if st.predicate == "akg:partOf" and st.object not in seen:
                    seen.add(st.object)
                    result.append((st.object, [*path, st]))
                    stack.append((st.object, [*path, st]))
        return sorted(result, key=lambda item: (len(item[1]), item[0]))

    def _parts(self, curie: str) -> set[str]:
        """Every part of the structure, transitively."""
        parts: set[str] = set()
        stack = [curie]
        while stack:
            for st in self.kb.by_subject.get(stack.pop(), ()):
                if st.predicate == "akg:hasPart" and st.object not in parts:
                    parts.add(st.object)
                    stack.append(st.object)
        return parts

    def _overlap(self, condition: str, injured: set[str]) -> float:
        targets = [st.object for st in self.kb.by_subject.get(condition, ()) if st.predicate == "akg:affects"]
        if not targets:
            return 0.0
        # A ligament complex counts when one of its bands is torn; a bone only when it is itself broken
        # (a lateral malleolus fracture is not the proximal fibular fracture of a Maisonneuve injury).
        covered = sum(
            1 for t in targets if t in injured or (not self._is_any(t, SKELETAL) and self._parts(t) & injured)
        )
        return covered / len(targets)

    def _condition_findings(
        self,
        conditions: list[tuple[str, Statement | None, _Affected]],
        predicate: str,
        detail: str,
        score: float,
        *,
        exclude: Collection[str] = (),
    ) -> list[Finding]:
        """Rule condition-consequences: what the conditions the injury amounts to have (symptoms) or
        may lead to (long-term risks), each with the chain from the injury to the condition."""
        findings = _Findings()
        for condition, affects, state in conditions:
            chain = [*state.chain, *([affects] if affects else [])]
            for st in self.kb.by_subject.get(condition, ()):
                if st.predicate == predicate and st.object not in exclude:
                    facts = [self.kb.statement_fact(s) for s in [*chain, st]]
                    findings.add(st.object, detail.format(self.kb.label(condition)), score, facts,
                                 (*state.rules, R_CONDITIONS))  # fmt: skip
        return self._finding_items(findings)

    def _symptoms(
        self,
        affected: dict[str, _Affected],
        shaky: list[_Group],
        weaknesses: list[_Weakness],
        numb: list[Finding],
        conditions: list[tuple[str, Statement | None, _Affected]],
    ) -> list[Finding]:
        """Symptoms concluded by the rules (instability, weakness, foot drop, numbness...) and by conditions."""
        findings = _Findings()
        for item in self._condition_findings(conditions, "akg:hasSymptom", "a symptom of {}", 0.4):
            findings.add(item.entity.id, item.detail, item.score, item.because, (r.id for r in item.rules))

        def conclude(rule_id: str, detail: str, score: float, facts: list[Fact]) -> None:
            for symptom in self.rules[rule_id].concludes:
                if symptom in self.kb.terms.terms:
                    findings.add(symptom, detail, score, facts, (rule_id,))

        for g in shaky[:1] if shaky else []:
            conclude(R_DESTABILISED, f"{self.kb.label(g.motion)} of the {self.kb.label(g.joint)} is {g.status.value}",
                     1.0 if g.status is Stability.UNSTABLE else 0.75,
                     [self.kb.restraint_fact(r) for r in g.members if g.loss[r.id] > 0])  # fmt: skip
        for w in weaknesses[:1]:
            conclude(R_WEAKENED, f"{self.kb.label(w.motion)} at the {self.kb.label(w.joint)} is {w.status.value}",
                     w.fraction_lost, [self.kb.action_fact(a) for a in w.members if w.loss[a.id] > 0])  # fmt: skip
        for w in weaknesses:
            if w.motion in self.rules[R_FOOT_DROP].triggers and w.status is Strength.LOST:
                conclude(R_FOOT_DROP, f"active {self.kb.label(w.motion)} is lost", 1.0,
                         [self.kb.action_fact(a) for a in w.members if w.loss[a.id] > 0])  # fmt: skip
        if numb:
            conclude(R_NUMBNESS, f"numb skin: {numb[0].entity.label}", numb[0].score, numb[0].because)
        for nerve, state in sorted(affected.items()):
            territories = self._territories(nerve)
            if state.reached is Reach.COMPRESSED and territories:
                facts = [self.kb.statement_fact(s) for s in [*state.chain, territories[0]]]
                conclude(R_BURNING, f"compressed {self.kb.label(nerve)}", 0.5, facts)
                break
        return self._finding_items(findings)

    def _finding_items(self, findings: _Findings) -> list[Finding]:
        items = [
            Finding(
                entity=self.kb.ref(entity),
                detail="; ".join(sorted(entry["details"])),
                score=round(entry["score"], 4),
                because=_unique_facts(entry["facts"]),
                rules=self._refs(*sorted(r for r in entry["rules"] if r)),
            )
            for entity, entry in findings.items.items()
        ]
        return sorted(items, key=lambda f: (-f.score, f.entity.label))


def _unique_facts(facts: Iterable[Fact]) -> list[Fact]:
    seen: set[tuple[str, str, str | None, str | None]] = set()
    unique = []
    for fact in facts:
        key = (
            fact.subject.id,
            fact.predicate.id,
            fact.object.id if fact.object else None,
            fact.fact.id if fact.fact else None,
        )
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return unique
