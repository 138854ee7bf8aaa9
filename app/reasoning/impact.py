"""What destabilises if a structure is injured: restraint loss -> unstable motions -> load and tests.

The engine applies the rules declared in data/rules/impact.ttl to the sourced restraint facts of
data/ankle_ontology.ttl. Each conclusion carries ``because`` (the graph facts it rests on, with
their sources) and ``rules`` (the declared rules applied), so a reader can check every step.

References
----------
The restraint facts themselves cite the biomechanics literature (e.g. cadaver sectioning studies);
the grading convention follows the clinical grading of ankle sprains (grade I stretch, grade II
partial tear, grade III complete tear).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
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
R_LOSS = "rule:injury-loses-restraint"
R_DESTABILISED = "rule:motion-destabilised"
R_LOAD = "rule:load-transfer"
R_TEST = "rule:positive-test"


class Stability(StrEnum):
    """How much a joint motion is still restrained after the injury."""

    UNSTABLE = "unstable"
    LAXITY = "increased laxity"
    REDUCED = "reduced restraint"


class InjuredStructure(BaseModel):
    structure: EntityRef
    grade: int
    via: EntityRef | None = Field(default=None, description="The injured whole this part was reached from.")
    because: list[Fact] = Field(default_factory=list)


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
    joint: EntityRef
    motion: EntityRef
    positions: list[EntityRef]
    score: float
    because: list[Fact]
    rules: list[RuleRef]


class ImpactReport(BaseModel):
    notice: str = EDUCATIONAL_NOTICE
    injuries: list[InjuredStructure]
    position: EntityRef | None
    destabilised_motions: list[DestabilisedMotion]
    increased_load: list[IncreasedLoad]
    expected_positive_tests: list[ExpectedPositiveTest]
    rules_applied: list[RuleRef]


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


class ImpactEngine:
    """Applies the impact rules to a knowledge base; stateless between calls."""

    def __init__(self, kb: KnowledgeBase, rules: RuleBook) -> None:
        self.kb = kb
        self.rules = rules
        loss_rule = rules[R_LOSS]
        self.grade_loss = {g: loss_rule.parameter(f"grade{g}") for g in (1, 2, 3)}
        destabilised = rules[R_DESTABILISED]
        self.role_weight = {
            RestraintRole.PRIMARY: destabilised.parameter("primary_weight"),
            RestraintRole.SECONDARY: destabilised.parameter("secondary_weight"),
        }
        self.laxity_threshold = destabilised.parameter("laxity_threshold")
        load = rules[R_LOAD]
        self.load_rank = {
            RestraintRole.PRIMARY: load.parameter("primary_restraint_rank"),
            RestraintRole.SECONDARY: load.parameter("secondary_restraint_rank"),
            ActionRole.PRIME_MOVER: load.parameter("prime_mover_rank"),
            ActionRole.ASSISTANT: load.parameter("assistant_rank"),
        }
        for rule_id in (R_PARTS, R_TEST):
            rules[rule_id]  # fail at start-up, not at the first request, if a rule is missing

    # -- public ---------------------------------------------------------------------------------
    def impact(self, injuries: Sequence[tuple[str, Grade]], position: str | None = None) -> ImpactReport:
        """Impact of injuring each (structure CURIE, grade); ``position`` limits the answer to one."""
        injured = self._expand(injuries)
        grades = {curie: grade for curie, (grade, _, _) in injured.items()}
        groups = self._groups(grades, position)
        destabilised = [self._destabilised_item(g) for g in groups]
        shaky = [g for g in groups if g.status is not Stability.REDUCED]
        load = self._increased_load(groups, grades)
        tests = self._expected_tests(shaky)
        applied = {R_LOSS, R_DESTABILISED} if groups else set()
        if load:
            applied.add(R_LOAD)
        if tests:
            applied.add(R_TEST)
        if any(via is not None for _, via, _ in injured.values()):
            applied.add(R_PARTS)
        return ImpactReport(
            injuries=[
                InjuredStructure(
                    structure=self.kb.ref(curie),
                    grade=grade,
                    via=self.kb.ref(via) if via else None,
                    because=[self.kb.statement_fact(st) for st in chain],
                )
                for curie, (grade, via, chain) in sorted(injured.items(), key=lambda kv: (kv[1][1] is not None, kv[0]))
            ],
            position=self.kb.ref(position) if position else None,
            destabilised_motions=sorted(
                destabilised, key=lambda d: (-d.score, d.joint.label, d.motion.label, d.position.label)
            ),
            increased_load=load,
            expected_positive_tests=tests,
            rules_applied=[self.rules[r].ref(described=True) for r in sorted(applied)],
        )

    # -- rules ----------------------------------------------------------------------------------
    def _expand(self, injuries: Iterable[tuple[str, Grade]]) -> dict[str, tuple[Grade, str | None, list[Statement]]]:
        """Rule whole-injures-parts: add every part (and tendon/muscle) of each injured structure."""
        result: dict[str, tuple[Grade, str | None, list[Statement]]] = {}
        for root, grade in injuries:
            self._keep(result, root, grade, None, [])
            stack: list[tuple[str, list[Statement]]] = [(root, [])]
            while stack:
                current, chain = stack.pop()
                for st in self.kb.by_subject.get(current, ()):
                    if st.predicate in ("akg:hasPart", "akg:hasTendon", "akg:tendonOf") and st.object != root:
                        if st.object in result and result[st.object][0] >= grade:
                            continue
                        self._keep(result, st.object, grade, root, [*chain, st])
                        stack.append((st.object, [*chain, st]))
        return result

    @staticmethod
    def _keep(result: dict, curie: str, grade: Grade, via: str | None, chain: list[Statement]) -> None:
        if curie not in result or grade > result[curie][0] or (grade == result[curie][0] and via is None):
            result[curie] = (grade, via, chain)

    def _groups(self, grades: dict[str, Grade], position: str | None) -> list[_Group]:
        """Rules injury-loses-restraint and motion-destabilised, per joint, motion and position."""
        touched = {(r.joint, r.motion) for s in grades for r in self.kb.restraints_by_structure.get(s, ())}
        groups = []
        for joint, motion in sorted(touched):
            restraints = self.kb.restraints_by_motion[(joint, motion)]
            positions = sorted({p for r in restraints for p in r.positions})
            for pos in positions:
                if position is not None and pos != position:
                    continue
                members = tuple(r for r in restraints if pos in r.positions)
                loss = {r.id: self.grade_loss[grades[r.structure]] if r.structure in grades else 0.0 for r in members}
                if not any(loss.values()):
                    continue
                use_measured = all(r.contribution is not None for r in members)
                weights = {r.id: (r.contribution if use_measured else self.role_weight[r.role]) or 0.0 for r in members}
                total = sum(weights.values()) or 1.0
                fraction = sum(weights[r.id] * loss[r.id] for r in members) / total
                primaries = [r for r in members if r.role is RestraintRole.PRIMARY]
                if primaries and all(loss[r.id] >= 1.0 for r in primaries):
                    status = Stability.UNSTABLE
                elif any(loss[r.id] >= self.laxity_threshold for r in primaries):
                    status = Stability.LAXITY
                else:
                    status = Stability.REDUCED
                groups.append(_Group(joint, motion, pos, members, loss, round(min(fraction, 1.0), 4), status))
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
            rules=[self.rules[R_LOSS].ref(), self.rules[R_DESTABILISED].ref()],
        )

    def _increased_load(self, groups: list[_Group], grades: dict[str, Grade]) -> list[IncreasedLoad]:
        """Rule load-transfer: intact restraints and opposing muscles of each destabilised motion."""
        collected: dict[tuple[str, str, str, str], dict] = {}
        for g in groups:
            lost_facts = [self.kb.restraint_fact(r) for r in g.members if g.loss[r.id] > 0]
            for r in g.members:
                if g.loss[r.id] == 0 and r.structure not in grades:
                    self._collect(
                        collected,
                        (r.structure, "restraint", g.joint, g.motion),
                        g.position,
                        g.fraction_lost * self.load_rank[r.role],
                        [*lost_facts, self.kb.restraint_fact(r)],
                    )
            for action, joint_link in self._opposing_actions(g.joint, g.motion):
                if action.muscle in grades:
                    continue
                facts = [
                    *lost_facts,
                    self.kb.action_fact(action),
                    *(self.kb.statement_fact(st) for st in joint_link),
                ]
                key = (action.muscle, "dynamic stabiliser", g.joint, g.motion)
                self._collect(collected, key, g.position, g.fraction_lost * self.load_rank[action.role], facts)
        items = []
        for (structure, kind, joint, motion), entry in collected.items():
            items.append(
                IncreasedLoad(
                    structure=self.kb.ref(structure),
                    kind=kind,  # type: ignore[arg-type]
                    joint=self.kb.ref(joint),
                    motion=self.kb.ref(motion),
                    positions=[self.kb.ref(p) for p in sorted(entry["positions"])],
                    score=round(entry["score"], 4),
                    because=_unique_facts(entry["because"]),
                    rules=[self.rules[R_LOAD].ref()],
                )
            )
        return sorted(items, key=lambda i: (-i.score, i.kind, i.structure.label, i.joint.label, i.motion.label))

    @staticmethod
    def _collect(
        collected: dict, key: tuple[str, str, str, str], position: str, score: float, facts: list[Fact]
    ) -> None:
        entry = collected.setdefault(key, {"positions": set(), "score": 0.0, "because": []})
        entry["positions"].add(position)
        entry["score"] = max(entry["score"], score)
        entry["because"].extend(facts)

    def _opposing_actions(self, joint: str, motion: str) -> list[tuple[MuscleAction, list[Statement]]]:
        """Muscle actions producing the opposite motion at this joint or at a joint sharing a bone."""
        opposite = set(self.kb.opposite_motions.get(motion, ()))
        for general in self.kb.motion_kinds.get(motion, ()):
            opposite |= self.kb.opposite_motions.get(general, frozenset())
        found = []
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

    def _expected_tests(self, groups: list[_Group]) -> list[ExpectedPositiveTest]:
        """Rule positive-test: tests that examine a destabilised motion in their position."""
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
                        rules=[self.rules[R_TEST].ref()],
                    )
                )
        return sorted(items, key=lambda t: (-t.score, t.test.label, t.joint.label, t.motion.label))


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
