"""What every per-rule test shares: the rule book, its declared parameters, the fixture engine and accessors.

Each declared impact rule ``rule:foo-bar`` (data/rules/impact.ttl) has its test file ``test_foo_bar.py`` here and
its fixture graph ``tests/data/rules/foo_bar.ttl``, loaded with data/schema.ttl and tests/data/rules/common.ttl.
The rules and the lesion mechanisms (data/rules/lesions.ttl) come from ``load_rules(data/rules)``, so a changed
parameter fails loudly; expected values come from a rule's definition and those parameters, never from the
engine's output.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from app.graph.projection import project_graph
from app.knowledge.base import build_knowledge_base
from app.models import EntityRef
from app.ontology.load import load_store
from app.reasoning.impact import (
    SECTIONS,
    AffectedStructure,
    DestabilisedMotion,
    ExpectedPositiveTest,
    Finding,
    ImpactEngine,
    ImpactReport,
    IncreasedLoad,
    Reach,
    WeakenedMotion,
)
from app.reasoning.rules import load_rules

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "data" / "rules"
TESTS = Path(__file__).resolve().parent
RULES = load_rules(ROOT / "data" / "rules")
LESIONS = RULES.lesions

# -- declared parameters --------------------------------------------------------------------------------
GRADE_LOSS = {g: RULES["rule:injury-loses-restraint"].parameter(f"grade{g}") for g in (1, 2, 3)}
DENERVATION_LOSS = {g: RULES["rule:nerve-denervates"].parameter(f"grade{g}") for g in (1, 2, 3)}
PRIMARY = RULES["rule:motion-destabilised"].parameter("primary_weight")
SECONDARY = RULES["rule:motion-destabilised"].parameter("secondary_weight")
LAXITY_THRESHOLD = RULES["rule:motion-destabilised"].parameter("laxity_threshold")
PRIME = RULES["rule:motion-weakened"].parameter("prime_mover_weight")
ASSIST = RULES["rule:motion-weakened"].parameter("assistant_weight")
LOAD_RANK = dict(RULES["rule:load-transfer"].parameters)
COMPRESSION_GRADE = int(RULES["rule:space-compresses-contents"].parameter("compression_grade"))
RETINACULUM_GRADE = int(RULES["rule:retinaculum-holds-tendons"].parameter("minimum_grade"))

# -- lesion mechanisms (data/schema.ttl) ----------------------------------------------------------------
LOSS = "akg:LossOfContinuity"
FRACTURE = "akg:Fracture"
COMPRESSION = "akg:Compression"
DEGENERATION = "akg:Degeneration"
INFLAMMATION = "akg:Inflammation"
TENDON_INSTABILITY = "akg:TendonInstability"

# -- common.ttl -----------------------------------------------------------------------------------------
FIXTURE_SOURCE = "ANKLE:9999001"
JOINT = "ANKLE:0000009"
PLANTARFLEXED = "ANKLE:9990011"
NEUTRAL = "ANKLE:9990012"
TRANSLATION = "ANKLE:9990021"
NUMBNESS, TINGLING, BURNING, WEAKNESS, INSTABILITY, FOOT_DROP = (
    "ANKLE:0003001",
    "ANKLE:0003002",
    "ANKLE:0003003",
    "ANKLE:0003004",
    "ANKLE:0003005",
    "ANKLE:0003010",
)


def fixture_name(rule_id: str) -> str:
    """``rule:foo-bar`` -> ``foo_bar`` (the stem of its fixture graph and, after ``test_``, of its test file)."""
    return rule_id.removeprefix("rule:").replace("-", "_")


@cache
def engine(rule_id: str) -> ImpactEngine:
    paths = [ROOT / "data" / "schema.ttl", FIXTURES / "common.ttl", FIXTURES / f"{fixture_name(rule_id)}.ttl"]
    return ImpactEngine(build_knowledge_base(load_store(paths), project_graph), RULES)


def run(
    rule_id: str, *injuries: tuple[str, int], position: str | None = None, ungraded: frozenset[str] = frozenset()
) -> ImpactReport:
    """The engine's report on the rule's fixture, checked for provenance on every item.

    Every conclusion names a rule, and every fact it rests on (and every step that reached an injured
    structure) is sourced, by the fixture source only.
    """
    report = engine(rule_id).impact(list(injuries), position, ungraded)  # type: ignore[arg-type]
    for section in SECTIONS:
        for item in getattr(report, section):
            assert item.rules, f"{section}: {item} names no rule"
            _check_sources(section, item.because)
    for injury in report.injuries:
        if injury.reached is not Reach.NAMED:
            assert injury.rules, f"injuries: {injury.structure.id} names no rule"
            assert injury.because, f"injuries: {injury.structure.id} gives no reason"
        _check_sources("injuries", injury.because)
    return report


def _check_sources(section: str, facts: list) -> None:
    for fact in facts:
        where = f"{section}: fact {fact.subject.id} {fact.predicate.id}"
        assert fact.sources, f"{where} has no source"
        assert {s.id for s in fact.sources} == {FIXTURE_SOURCE}, f"{where} cites {fact.sources}"


# -- small accessors ----------------------------------------------------------------------------------
def ref_id(ref: EntityRef | None) -> str | None:
    """The id of an optional reference (a lesion, a via): None when there is none."""
    return ref.id if ref is not None else None


def affected(report: ImpactReport) -> dict[str, AffectedStructure]:
    return {a.structure.id: a for a in report.injuries}


def rule_ids(item: object) -> set[str]:
    return {r.id for r in item.rules}  # type: ignore[attr-defined]


def predicates(item: object) -> set[str]:
    return {f.predicate.id for f in item.because}  # type: ignore[attr-defined]


def _position(d: DestabilisedMotion) -> str | None:
    return d.position.id if d.position else None


def group(report: ImpactReport, motion: str, position: str | None = NEUTRAL, joint: str = JOINT) -> DestabilisedMotion:
    found = [
        d for d in report.destabilised_motions if (d.joint.id, d.motion.id, _position(d)) == (joint, motion, position)
    ]
    assert len(found) == 1, f"expected one destabilised item for {motion} in {position}, got {found}"
    return found[0]


def has_group(report: ImpactReport, motion: str, position: str | None = NEUTRAL) -> bool:
    return any((d.motion.id, _position(d)) == (motion, position) for d in report.destabilised_motions)


def lost_restraints(item: DestabilisedMotion) -> dict[str, float]:
    return {r.structure.id: r.restraint_lost for r in item.lost_restraints}


def restraint_lost(
    report: ImpactReport, motion: str, structure: str, position: str | None = NEUTRAL, joint: str = JOINT
) -> float:
    """Share of its restraint of the motion that the structure lost (0 when the motion is not destabilised)."""
    for d in report.destabilised_motions:
        if (d.joint.id, d.motion.id, _position(d)) == (joint, motion, position):
            return lost_restraints(d).get(structure, 0.0)
    return 0.0


def weakness(report: ImpactReport, motion: str, joint: str = JOINT) -> WeakenedMotion:
    listed = [*report.weakened_motions, *report.assistants_lost]
    found = [w for w in listed if (w.joint.id, w.motion.id) == (joint, motion)]
    assert len(found) == 1, f"expected one weakened item for {motion}, got {found}"
    return found[0]


def positive_tests(report: ImpactReport) -> dict[str, ExpectedPositiveTest]:
    return {t.test.id: t for t in report.expected_positive_tests}


def findings(items: list[Finding]) -> dict[str, Finding]:
    return {f.entity.id: f for f in items}


def loads(report: ImpactReport, *kinds: str) -> dict[tuple[str, str], IncreasedLoad]:
    """Increased-load items by (structure, motion), of the given kinds (all kinds when none is given)."""
    return {(i.structure.id, i.motion.id): i for i in report.increased_load if not kinds or i.kind in kinds}
