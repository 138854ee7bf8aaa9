"""Each declared impact rule (data/rules/impact.ttl) on a tiny fixture graph of its own.

Every fixture in tests/data/rules/ is loaded with data/schema.ttl and tests/data/rules/common.ttl; the file
of rule ``rule:foo-bar`` is ``foo_bar.ttl``. Expected values come from the rule's definition and its declared
parameters (read with load_rules, so a changed parameter fails here loudly), never from the engine's output.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from app.knowledge.base import build_knowledge_base
from app.ontology.load import load_store
from app.reasoning.impact import (
    SECTIONS,
    DestabilisedMotion,
    ExpectedPositiveTest,
    Finding,
    ImpactEngine,
    ImpactReport,
    IncreasedLoad,
    Reach,
    Stability,
    Strength,
    WeakenedMotion,
)
from app.reasoning.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "data" / "rules"
RULES = load_rules(ROOT / "data" / "rules")

GRADE_LOSS = {g: RULES["rule:injury-loses-restraint"].parameter(f"grade{g}") for g in (1, 2, 3)}
PRIMARY = RULES["rule:motion-destabilised"].parameter("primary_weight")
SECONDARY = RULES["rule:motion-destabilised"].parameter("secondary_weight")
PRIME = RULES["rule:motion-weakened"].parameter("prime_mover_weight")
ASSIST = RULES["rule:motion-weakened"].parameter("assistant_weight")
LOAD_RANK = dict(RULES["rule:load-transfer"].parameters)
COMPRESSION_GRADE = int(RULES["rule:space-compresses-contents"].parameter("compression_grade"))


# common.ttl
JOINT = "ANKLE:9990001"
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
    return rule_id.removeprefix("rule:").replace("-", "_")


@cache
def engine(rule_id: str) -> ImpactEngine:
    paths = [ROOT / "data" / "schema.ttl", FIXTURES / "common.ttl", FIXTURES / f"{fixture_name(rule_id)}.ttl"]
    return ImpactEngine(build_knowledge_base(load_store(paths)), RULES)


def run(rule_id: str, *injuries: tuple[str, int], position: str | None = None) -> ImpactReport:
    """The engine's report on the rule's fixture, checked for provenance (sources and rules) on every item."""
    report = engine(rule_id).impact(list(injuries), position=position)  # type: ignore[arg-type]
    for section in SECTIONS:
        for item in getattr(report, section):
            assert item.rules, f"{section}: {item} names no rule"
            for fact in item.because:
                assert fact.sources, f"{section}: fact {fact.subject.id} {fact.predicate.id} has no source"
    return report


# -- small accessors ----------------------------------------------------------------------------------
def affected(report: ImpactReport) -> dict[str, object]:
    return {a.structure.id: a for a in report.injuries}


def rule_ids(item: object) -> set[str]:
    return {r.id for r in item.rules}  # type: ignore[attr-defined]


def group(report: ImpactReport, motion: str, position: str = NEUTRAL, joint: str = JOINT) -> DestabilisedMotion:
    found = [
        d for d in report.destabilised_motions if (d.joint.id, d.motion.id, d.position.id) == (joint, motion, position)
    ]
    assert len(found) == 1, f"expected one destabilised item for {motion} in {position}, got {found}"
    return found[0]


def has_group(report: ImpactReport, motion: str, position: str = NEUTRAL) -> bool:
    return any((d.motion.id, d.position.id) == (motion, position) for d in report.destabilised_motions)


def weakness(report: ImpactReport, motion: str, joint: str = JOINT) -> WeakenedMotion:
    found = [w for w in report.weakened_motions if (w.joint.id, w.motion.id) == (joint, motion)]
    assert len(found) == 1, f"expected one weakened item for {motion}, got {found}"
    return found[0]


def positive_tests(report: ImpactReport) -> dict[str, ExpectedPositiveTest]:
    return {t.test.id: t for t in report.expected_positive_tests}


def findings(items: list[Finding]) -> dict[str, Finding]:
    return {f.entity.id: f for f in items}


def loads(report: ImpactReport) -> dict[tuple[str, str], IncreasedLoad]:
    return {(i.structure.id, i.motion.id): i for i in report.increased_load}


# -- the rule book and the fixtures ---------------------------------------------------------------------
def test_every_declared_rule_has_a_fixture_graph() -> None:
    declared = {fixture_name(r) for r in RULES.rules}
    present = {p.stem for p in FIXTURES.glob("*.ttl")} - {"common"}
    assert len(RULES.rules) == 18
    assert declared == present


def test_declared_parameters_match_the_rule_text() -> None:
    # "grade I ... a quarter, grade II ... half, grade III ... all of it"
    assert GRADE_LOSS == {1: 0.25, 2: 0.5, 3: 1.0}
    # "1 for a primary and 0.5 for a secondary restraint"; "prime mover 1, assistant 0.5"
    assert (PRIMARY, SECONDARY, PRIME, ASSIST) == (1.0, 0.5, 1.0, 0.5)
    assert RULES["rule:motion-destabilised"].parameter("laxity_threshold") == 0.5
    assert RULES["rule:condition-consequences"].parameter("overlap_threshold") == 0.6  # "at least 60%"
    assert RULES["rule:foot-drop"].triggers == ("ANKLE:0001001",)
    assert RULES["rule:foot-drop"].concludes == (FOOT_DROP,)
    assert set(RULES["rule:numbness"].concludes) == {NUMBNESS, TINGLING}
    assert RULES["rule:compression-burns"].concludes == (BURNING,)


# -- expansion ----------------------------------------------------------------------------------------
class TestWholeInjuresParts:
    RULE = "rule:whole-injures-parts"
    WHOLE, FIRST, SECOND, FASCICLE, MUSCLE, TENDON = (f"ANKLE:99901{n:02d}" for n in range(1, 7))

    @pytest.mark.parametrize("grade", [1, 2, 3])
    def test_a_whole_injures_every_part_transitively_at_its_grade(self, grade: int) -> None:
        report = run(self.RULE, (self.WHOLE, grade))
        reached = affected(report)
        for part in (self.FIRST, self.SECOND, self.FASCICLE):
            assert reached[part].reached is Reach.PART
            assert reached[part].grade == grade
            assert reached[part].via.id == self.WHOLE
            assert self.RULE in rule_ids(reached[part])
        # the first band's restraint is lost at the whole's grade
        assert group(report, TRANSLATION).lost_restraints[0].restraint_lost == GRADE_LOSS[grade]

    def test_a_part_does_not_injure_its_whole_or_its_siblings(self) -> None:
        reached = affected(run(self.RULE, (self.FIRST, 3)))
        assert self.WHOLE not in reached
        assert self.SECOND not in reached
        assert reached[self.FASCICLE].reached is Reach.PART  # the part's own part is reached

    @pytest.mark.parametrize(("named", "other"), [(TENDON, MUSCLE), (MUSCLE, TENDON)])
    def test_a_muscle_and_its_tendon_injure_each_other(self, named: str, other: str) -> None:
        reached = affected(run(self.RULE, (named, 2)))
        assert reached[other].reached is Reach.TENDON_MUSCLE
        assert reached[other].grade == 2
        assert self.RULE in rule_ids(reached[other])

    def test_no_part_no_expansion(self) -> None:
        assert set(affected(run(self.RULE, (self.SECOND, 3)))) == {self.SECOND}


class TestNerveInjuryReachesBranches:
    RULE = "rule:nerve-injury-reaches-branches"
    A, A1, A2, B, S, TUNNEL = (f"ANKLE:99904{n:02d}" for n in range(1, 7))

    @pytest.mark.parametrize("grade", [1, 2, 3])
    def test_an_injured_nerve_takes_its_branches_transitively(self, grade: int) -> None:
        reached = affected(run(self.RULE, (self.A, grade)))
        for branch in (self.A1, self.A2):
            assert reached[branch].reached is Reach.BRANCH
            assert reached[branch].grade == grade
            assert self.RULE in rule_ids(reached[branch])

    def test_a_nerve_formed_by_two_is_lost_only_when_both_are_injured(self) -> None:
        assert self.S not in affected(run(self.RULE, (self.A, 3)))
        assert self.S not in affected(run(self.RULE, (self.B, 3)))
        both = affected(run(self.RULE, (self.A, 3), (self.B, 3)))
        assert both[self.S].reached is Reach.BRANCH

    def test_a_branch_does_not_reach_its_parent(self) -> None:
        reached = affected(run(self.RULE, (self.A1, 3)))
        assert set(reached) == {self.A1, self.A2}

    def test_a_compressed_parent_does_not_cut_branches(self) -> None:
        # the swollen tunnel compresses A: neither A's branches nor S (A compressed, B cut) are lost
        reached = affected(run(self.RULE, (self.TUNNEL, 3), (self.B, 3)))
        assert reached[self.A].reached is Reach.COMPRESSED
        assert self.A1 not in reached
        assert self.S not in reached


class TestSpaceCompressesContents:
    RULE = "rule:space-compresses-contents"
    TUNNEL, CONTAINED, PASSING, HIGH_BRANCH, MUSCLE, SOLE, LEG, TENDON = (f"ANKLE:99905{n:02d}" for n in range(1, 9))

    def test_a_swollen_space_compresses_the_nerves_in_and_through_it(self) -> None:
        report = run(self.RULE, (self.TUNNEL, 3))
        reached = affected(report)
        for nerve in (self.CONTAINED, self.PASSING):
            assert reached[nerve].reached is Reach.COMPRESSED
            assert reached[nerve].grade == COMPRESSION_GRADE
            assert self.RULE in rule_ids(reached[nerve])
        assert self.TENDON not in reached  # only nerves are compressed
        assert self.HIGH_BRANCH not in reached  # a branch that leaves higher up is spared

    def test_compression_numbs_and_burns_but_costs_no_motor_function(self) -> None:
        report = run(self.RULE, (self.TUNNEL, 3))
        assert self.MUSCLE not in affected(report)
        assert report.weakened_motions == []
        numb = findings(report.numbness_areas)
        assert set(numb) == {self.SOLE}
        symptoms = findings(report.symptoms)
        assert {NUMBNESS, TINGLING, BURNING} <= set(symptoms)
        assert WEAKNESS not in symptoms
        assert {self.CONTAINED, self.PASSING} <= set(findings(report.nerves_at_risk))

    def test_a_structure_in_the_space_compresses_nothing(self) -> None:
        assert set(affected(run(self.RULE, (self.TENDON, 3)))) == {self.TENDON}


# -- loss -----------------------------------------------------------------------------------------------
class TestInjuryLosesRestraint:
    RULE = "rule:injury-loses-restraint"
    PRIMARY_LIG, SECONDARY_LIG, MUSCLE, NERVE = (f"ANKLE:99906{n:02d}" for n in range(1, 5))
    TOTAL = PRIMARY + SECONDARY + SECONDARY  # two ligaments and the muscle restrain the translation

    @pytest.mark.parametrize("grade", [1, 2, 3])
    def test_the_share_lost_follows_the_grade(self, grade: int) -> None:
        item = group(run(self.RULE, (self.PRIMARY_LIG, grade)), TRANSLATION)
        assert [(r.structure.id, r.restraint_lost) for r in item.lost_restraints] == [
            (self.PRIMARY_LIG, GRADE_LOSS[grade])
        ]
        assert item.fraction_lost == pytest.approx(GRADE_LOSS[grade] * PRIMARY / self.TOTAL, abs=1e-4)
        assert self.RULE in rule_ids(item)

    def test_a_denervated_muscle_loses_its_dynamic_restraint(self) -> None:
        item = group(run(self.RULE, (self.NERVE, 2)), TRANSLATION)
        assert [(r.structure.id, r.restraint_lost) for r in item.lost_restraints] == [(self.MUSCLE, GRADE_LOSS[2])]
        assert item.fraction_lost == pytest.approx(GRADE_LOSS[2] * SECONDARY / self.TOTAL, abs=1e-4)

    def test_no_restraining_structure_no_loss(self) -> None:
        assert run(self.RULE, (JOINT, 3)).destabilised_motions == []


class TestInjuryLosesActions:
    RULE = "rule:injury-loses-actions"
    PRIME_MUSCLE, ASSISTANT, TENDON = "ANKLE:9990701", "ANKLE:9990702", "ANKLE:9990703"

    @pytest.mark.parametrize("grade", [1, 2, 3])
    def test_an_injured_tendon_costs_its_muscle_the_share_of_its_grade(self, grade: int) -> None:
        item = weakness(run(self.RULE, (self.TENDON, grade)), TRANSLATION)
        assert [m.id for m in item.lost_actions] == [self.PRIME_MUSCLE]
        assert item.fraction_lost == pytest.approx(GRADE_LOSS[grade] * PRIME / (PRIME + ASSIST), abs=1e-4)
        assert self.RULE in rule_ids(item)

    def test_an_injured_assistant_costs_its_weighted_share(self) -> None:
        item = weakness(run(self.RULE, (self.ASSISTANT, 2)), TRANSLATION)
        assert [m.id for m in item.lost_actions] == [self.ASSISTANT]
        assert item.fraction_lost == pytest.approx(GRADE_LOSS[2] * ASSIST / (PRIME + ASSIST), abs=1e-4)

    def test_no_muscle_no_loss(self) -> None:
        assert run(self.RULE, (JOINT, 3)).weakened_motions == []


class TestNerveDenervates:
    RULE = "rule:nerve-denervates"
    NERVE, BRANCH, MUSCLE, BRANCH_MUSCLE, SECOND_MOTION = (f"ANKLE:99908{n:02d}" for n in range(1, 6))

    def test_muscles_of_the_nerve_and_of_its_branches_are_denervated(self) -> None:
        report = run(self.RULE, (self.NERVE, 3))
        reached = affected(report)
        for muscle in (self.MUSCLE, self.BRANCH_MUSCLE):
            assert reached[muscle].reached is Reach.DENERVATED
            assert reached[muscle].grade == 3
            assert self.RULE in rule_ids(reached[muscle])
        assert JOINT not in reached  # the nerve's joint branch denervates no muscle
        assert weakness(report, TRANSLATION).status is Strength.LOST
        assert weakness(report, self.SECOND_MOTION).status is Strength.LOST

    def test_denervation_follows_the_nerve_grade(self) -> None:
        item = weakness(run(self.RULE, (self.NERVE, 1)), TRANSLATION)
        assert item.status is Strength.WEAK
        assert item.fraction_lost == pytest.approx(GRADE_LOSS[1])

    def test_a_branch_denervates_only_its_own_muscles(self) -> None:
        reached = affected(run(self.RULE, (self.BRANCH, 3)))
        assert reached[self.BRANCH_MUSCLE].reached is Reach.DENERVATED
        assert self.MUSCLE not in reached

    def test_an_injured_muscle_does_not_reach_its_nerve(self) -> None:
        assert set(affected(run(self.RULE, (self.MUSCLE, 3)))) == {self.MUSCLE}


# -- consequences -----------------------------------------------------------------------------------------
class TestMotionDestabilised:
    RULE = "rule:motion-destabilised"
    P, S, P2 = "ANKLE:9990901", "ANKLE:9990902", "ANKLE:9990903"
    ROTATION, GLIDE, TILT = "ANKLE:9990911", "ANKLE:9990912", "ANKLE:9990913"

    @pytest.mark.parametrize(
        ("injury", "status", "fraction"),
        [
            ((P, 3), Stability.UNSTABLE, 1.0 * PRIMARY / (PRIMARY + SECONDARY)),
            ((P, 2), Stability.LAXITY, 0.5 * PRIMARY / (PRIMARY + SECONDARY)),
            ((P, 1), Stability.REDUCED, 0.25 * PRIMARY / (PRIMARY + SECONDARY)),
            ((S, 3), Stability.REDUCED, 1.0 * SECONDARY / (PRIMARY + SECONDARY)),
        ],
        ids=["primary-grade3-unstable", "primary-grade2-laxity", "primary-grade1-reduced", "secondary-reduced"],
    )
    def test_status_and_role_weighted_fraction(
        self, injury: tuple[str, int], status: Stability, fraction: float
    ) -> None:
        item = group(run(self.RULE, injury), TRANSLATION)
        assert item.status is status
        assert item.fraction_lost == pytest.approx(fraction, abs=1e-4)
        assert item.restraint_remaining == pytest.approx(1 - fraction, abs=1e-4)
        assert self.RULE in rule_ids(item)

    def test_each_position_is_its_own_group(self) -> None:
        report = run(self.RULE, (self.P, 2))
        # in plantarflexion the primary is the only restraint: half of all restraint is lost
        assert group(report, TRANSLATION, PLANTARFLEXED).fraction_lost == pytest.approx(0.5)
        assert not has_group(run(self.RULE, (self.S, 3)), TRANSLATION, PLANTARFLEXED)
        only_neutral = run(self.RULE, (self.P, 2), position=NEUTRAL)
        assert {d.position.id for d in only_neutral.destabilised_motions} == {NEUTRAL}

    @pytest.mark.parametrize(("injury", "fraction"), [((S, 3), 0.3), ((P, 2), 0.35), ((P, 3), 0.7)])
    def test_measured_contributions_replace_role_weights(self, injury: tuple[str, int], fraction: float) -> None:
        assert group(run(self.RULE, injury), self.ROTATION).fraction_lost == pytest.approx(fraction, abs=1e-4)

    def test_role_weights_apply_when_a_contribution_is_missing(self) -> None:
        item = group(run(self.RULE, (self.S, 3)), self.GLIDE)
        assert item.fraction_lost == pytest.approx(SECONDARY / (PRIMARY + SECONDARY), abs=1e-4)

    def test_unstable_only_when_every_primary_is_completely_lost(self) -> None:
        one = group(run(self.RULE, (self.P, 3)), self.TILT)
        assert one.status is Stability.LAXITY
        assert one.fraction_lost == pytest.approx(0.5)
        both = group(run(self.RULE, (self.P, 3), (self.P2, 3)), self.TILT)
        assert both.status is Stability.UNSTABLE
        assert both.fraction_lost == pytest.approx(1.0)

    def test_instability_symptom_needs_laxity_or_worse(self) -> None:
        unstable = findings(run(self.RULE, (self.P, 3)).symptoms)
        assert self.RULE in rule_ids(unstable[INSTABILITY])
        laxity = findings(run(self.RULE, (self.P, 2)).symptoms)
        assert INSTABILITY in laxity
        reduced = run(self.RULE, (self.S, 3))
        assert reduced.destabilised_motions
        assert all(d.status is Stability.REDUCED for d in reduced.destabilised_motions)
        assert INSTABILITY not in findings(reduced.symptoms)


class TestMotionWeakened:
    RULE = "rule:motion-weakened"
    PM1, PM2, ASSISTANT = "ANKLE:9991001", "ANKLE:9991002", "ANKLE:9991003"
    TOTAL = PRIME + PRIME + ASSIST

    @pytest.mark.parametrize(
        ("injuries", "status", "fraction"),
        [
            ([(PM1, 3)], Strength.WEAK, PRIME / TOTAL),
            ([(PM1, 3), (PM2, 3)], Strength.LOST, 2 * PRIME / TOTAL),
            ([(PM1, 2), (PM2, 2)], Strength.WEAK, 2 * 0.5 * PRIME / TOTAL),
            ([(ASSISTANT, 3)], Strength.WEAK, ASSIST / TOTAL),
            ([(PM1, 3), (PM2, 3), (ASSISTANT, 3)], Strength.LOST, 1.0),
        ],
        ids=["one-prime", "both-primes", "both-primes-grade2", "assistant", "all"],
    )
    def test_lost_only_when_every_prime_mover_is_completely_lost(
        self, injuries: list[tuple[str, int]], status: Strength, fraction: float
    ) -> None:
        report = run(self.RULE, *injuries)
        item = weakness(report, TRANSLATION)
        assert item.status is status
        assert item.fraction_lost == pytest.approx(fraction, abs=1e-4)
        assert self.RULE in rule_ids(item)
        assert self.RULE in rule_ids(findings(report.symptoms)[WEAKNESS])

    def test_no_weakness_without_a_lost_action(self) -> None:
        report = run(self.RULE, (JOINT, 3))
        assert report.weakened_motions == []
        assert WEAKNESS not in findings(report.symptoms)


class TestFootDrop:
    RULE = "rule:foot-drop"
    NERVE, DORSIFLEXOR, TOE_EXTENSOR, OTHER = (f"ANKLE:99911{n:02d}" for n in range(1, 5))

    @pytest.mark.parametrize(("injury", "drops"), [((NERVE, 3), True), ((DORSIFLEXOR, 3), True), ((NERVE, 2), False)])
    def test_foot_drop_when_active_dorsiflexion_is_lost(self, injury: tuple[str, int], drops: bool) -> None:
        symptoms = findings(run(self.RULE, injury).symptoms)
        assert (FOOT_DROP in symptoms) is drops
        if drops:
            assert self.RULE in rule_ids(symptoms[FOOT_DROP])

    def test_weak_dorsiflexion_is_not_foot_drop(self) -> None:
        report = run(self.RULE, (self.TOE_EXTENSOR, 3))
        assert weakness(report, "ANKLE:0001001").status is Strength.WEAK
        assert FOOT_DROP not in findings(report.symptoms)

    def test_only_the_trigger_motion_drops_the_foot(self) -> None:
        report = run(self.RULE, (self.OTHER, 3))
        assert weakness(report, TRANSLATION).status is Strength.LOST
        assert FOOT_DROP not in findings(report.symptoms)


class TestLoadTransfer:
    RULE = "rule:load-transfer"
    INVERSION, EVERSION, TILT = "ANKLE:9991211", "ANKLE:9991212", "ANKLE:9991213"
    P, S = "ANKLE:9991221", "ANKLE:9991222"
    EVERTOR, NEIGHBOUR_EVERTOR, DISTANT_EVERTOR, INVERTOR, TILT_LIGAMENT = (f"ANKLE:99912{n}" for n in range(23, 28))

    def test_intact_restraints_and_opposing_muscles_take_over(self) -> None:
        report = run(self.RULE, (self.P, 3))
        lost = PRIMARY / (PRIMARY + SECONDARY)
        load = loads(report)
        secondary = load[(self.S, self.INVERSION)]
        assert secondary.kind == "restraint"
        assert secondary.score == pytest.approx(lost * LOAD_RANK["secondary_restraint_rank"], abs=1e-4)
        evertor = load[(self.EVERTOR, self.INVERSION)]
        assert evertor.kind == "dynamic stabiliser"
        assert evertor.score == pytest.approx(lost * LOAD_RANK["prime_mover_rank"], abs=1e-4)
        assert all(self.RULE in rule_ids(i) for i in report.increased_load)

    def test_a_dynamic_stabiliser_through_a_joint_sharing_a_bone(self) -> None:
        item = loads(run(self.RULE, (self.P, 3)))[(self.NEIGHBOUR_EVERTOR, self.INVERSION)]
        assert item.score == pytest.approx(PRIMARY / (PRIMARY + SECONDARY) * LOAD_RANK["assistant_rank"], abs=1e-4)
        links = {(f.subject.id, f.predicate.id, f.object.id) for f in item.because if f.object}
        assert ("ANKLE:9990001", "akg:jointOf", "ANKLE:9991202") in links
        assert ("ANKLE:9991206", "akg:jointOf", "ANKLE:9991202") in links

    def test_not_the_injured_the_distant_or_the_same_direction(self) -> None:
        structures = {s for s, _ in loads(run(self.RULE, (self.P, 3)))}
        assert self.P not in structures
        assert self.DISTANT_EVERTOR not in structures  # no bone shared with the joint
        assert self.INVERTOR not in structures  # produces the lost motion, does not oppose it
        both = {s for s, _ in loads(run(self.RULE, (self.P, 3), (self.S, 3), (self.EVERTOR, 3)))}
        assert self.S not in both
        assert self.EVERTOR not in both

    def test_the_opposite_of_the_general_motion_counts_for_a_kind(self) -> None:
        # talar tilt is a kind of inversion, so the evertors resist it too
        assert (self.EVERTOR, self.TILT) in loads(run(self.RULE, (self.TILT_LIGAMENT, 3)))

    def test_no_lost_restraint_no_transfer(self) -> None:
        assert run(self.RULE, (self.DISTANT_EVERTOR, 3)).increased_load == []


class TestPositiveTest:
    RULE = "rule:positive-test"
    DRAWER_LIG, TILT_LIG, ROTATION_LIG, NERVE, TUNNEL, BONE, CALF, HEEL_TENDON, CALF_NERVE = (
        f"ANKLE:99913{n:02d}" for n in range(1, 10)
    )
    TILT, INVERSION = "ANKLE:9991311", "ANKLE:9991314"
    DRAWER, TILT_TEST, INVERSION_TEST, NEUTRAL_ROTATION, ROTATION, TINEL, BONE_RULE, SQUEEZE, CALF_TEST = (
        f"ANKLE:99913{n}" for n in range(60, 69)
    )

    @pytest.mark.parametrize(("grade", "positive"), [(1, False), (2, True), (3, True)])
    def test_by_motion_in_the_test_position(self, grade: int, positive: bool) -> None:
        # grade I leaves 'reduced restraint' only: no laxity to find
        found = positive_tests(run(self.RULE, (self.DRAWER_LIG, grade)))
        assert (self.DRAWER in found) is positive
        if positive:
            item = found[self.DRAWER]
            assert item.motion.id == TRANSLATION
            assert PLANTARFLEXED in {p.id for p in item.positions}
            assert self.RULE in rule_ids(item)

    def test_not_a_laxity_test_whose_motion_is_only_reduced(self) -> None:
        # the drawer ligament is only the secondary restraint of tilt; the tilt ligament still checks it
        report = run(self.RULE, (self.DRAWER_LIG, 3))
        assert group(report, self.TILT).status is Stability.REDUCED
        assert self.TILT_TEST not in positive_tests(report)  # it examines the drawer ligament, yet stays negative
        assert self.INVERSION_TEST not in positive_tests(report)

    def test_positive_when_the_motion_gives_way(self) -> None:
        found = positive_tests(run(self.RULE, (self.DRAWER_LIG, 3), (self.TILT_LIG, 3)))
        assert self.TILT_TEST in found
        assert self.INVERSION_TEST in found  # examines inversion; tilt is a kind of inversion
        assert self.TILT_TEST in positive_tests(run(self.RULE, (self.TILT_LIG, 3)))

    def test_the_test_position_must_match(self) -> None:
        found = positive_tests(run(self.RULE, (self.ROTATION_LIG, 3)))  # restrains rotation in plantarflexion only
        assert self.NEUTRAL_ROTATION not in found
        assert self.ROTATION in found  # names no position: any position

    def test_by_structure_without_a_motion(self) -> None:
        tinel = positive_tests(run(self.RULE, (self.TUNNEL, 3)))[self.TINEL]  # the nerve is compressed in the tunnel
        assert tinel.structure.id == self.NERVE
        assert {"rule:space-compresses-contents", self.RULE} <= rule_ids(tinel)
        bone = positive_tests(run(self.RULE, (self.BONE, 2)))[self.BONE_RULE]
        assert bone.structure.id == self.BONE
        assert bone.score == pytest.approx(GRADE_LOSS[2])

    def test_by_structure_with_a_weakened_motion(self) -> None:
        found = positive_tests(run(self.RULE, (self.HEEL_TENDON, 3)))
        assert found[self.SQUEEZE].structure.id == self.HEEL_TENDON
        assert found[self.CALF_TEST].structure.id == self.CALF  # the muscle of the torn tendon

    def test_a_denervated_muscle_is_not_an_injured_structure(self) -> None:
        report = run(self.RULE, (self.CALF_NERVE, 3))
        assert report.weakened_motions  # push-off is weakened ...
        assert self.SQUEEZE not in positive_tests(report)  # ... but the tendon is intact
        assert self.CALF_TEST not in positive_tests(report)

    def test_nothing_injured_nothing_positive(self) -> None:
        assert run(self.RULE, (JOINT, 3)).expected_positive_tests == []


class TestNumbness:
    RULE = "rule:numbness"
    NERVE, BRANCH, OTHER, TUNNEL_NERVE, TUNNEL, LIGAMENT = (f"ANKLE:99914{n:02d}" for n in range(1, 7))
    DORSUM, WEB, HEEL, SOLE = (f"ANKLE:99914{n}" for n in range(11, 15))

    @pytest.mark.parametrize("grade", [1, 2, 3])
    def test_the_territories_of_a_nerve_and_its_branches(self, grade: int) -> None:
        report = run(self.RULE, (self.NERVE, grade))
        numb = findings(report.numbness_areas)
        assert set(numb) == {self.DORSUM, self.WEB}
        assert numb[self.DORSUM].score == pytest.approx(GRADE_LOSS[grade])
        assert "injured" in numb[self.DORSUM].detail
        assert all(self.RULE in rule_ids(f) for f in numb.values())
        symptoms = findings(report.symptoms)
        assert {NUMBNESS, TINGLING} <= set(symptoms)
        assert BURNING not in symptoms  # a cut nerve does not burn

    def test_a_branch_numbs_only_its_own_territory(self) -> None:
        assert set(findings(run(self.RULE, (self.BRANCH, 3)).numbness_areas)) == {self.WEB}

    def test_a_compressed_nerve_numbs_too(self) -> None:
        numb = findings(run(self.RULE, (self.TUNNEL, 3)).numbness_areas)
        assert set(numb) == {self.SOLE}
        assert "compressed" in numb[self.SOLE].detail

    def test_no_nerve_no_numbness(self) -> None:
        report = run(self.RULE, (self.LIGAMENT, 3))
        assert report.numbness_areas == []
        assert NUMBNESS not in findings(report.symptoms)


class TestCompressionBurns:
    RULE = "rule:compression-burns"
    TUNNEL, TUNNEL_NERVE, FREE_NERVE = "ANKLE:9991501", "ANKLE:9991502", "ANKLE:9991503"

    def test_a_compressed_nerve_burns(self) -> None:
        symptoms = findings(run(self.RULE, (self.TUNNEL, 2)).symptoms)
        assert self.RULE in rule_ids(symptoms[BURNING])
        assert {NUMBNESS, TINGLING} <= set(symptoms)

    @pytest.mark.parametrize("nerve", [TUNNEL_NERVE, FREE_NERVE])
    def test_a_cut_nerve_does_not_burn(self, nerve: str) -> None:
        symptoms = findings(run(self.RULE, (nerve, 3)).symptoms)
        assert NUMBNESS in symptoms
        assert BURNING not in symptoms


class TestNervesAtRisk:
    RULE = "rule:nerves-at-risk"
    LIGAMENT, ADJACENT, TUNNEL, TUNNEL_NERVE, LONELY = (f"ANKLE:99916{n:02d}" for n in range(1, 6))

    def test_a_nerve_next_to_an_injury_is_at_risk(self) -> None:
        risk = findings(run(self.RULE, (self.LIGAMENT, 2)).nerves_at_risk)
        assert set(risk) == {self.ADJACENT}
        assert "adjacent" in risk[self.ADJACENT].detail
        assert self.RULE in rule_ids(risk[self.ADJACENT])
        predicates = {f.predicate.id for f in risk[self.ADJACENT].because}
        assert "akg:adjacentTo" in predicates

    def test_a_nerve_compressed_in_a_swollen_space_is_at_risk(self) -> None:
        risk = findings(run(self.RULE, (self.TUNNEL, 3)).nerves_at_risk)
        assert "compressed" in risk[self.TUNNEL_NERVE].detail

    def test_an_injured_nerve_is_not_merely_at_risk(self) -> None:
        assert self.ADJACENT not in findings(run(self.RULE, (self.LIGAMENT, 3), (self.ADJACENT, 3)).nerves_at_risk)

    def test_no_neighbour_no_risk(self) -> None:
        assert run(self.RULE, (self.LONELY, 3)).nerves_at_risk == []


class TestSupplyAtRisk:
    RULE = "rule:supply-at-risk"
    ARTERY, BRANCH, OTHER_ARTERY, MUSCLE, BONE, LIGAMENT = (f"ANKLE:99917{n:02d}" for n in range(1, 7))

    @pytest.mark.parametrize("grade", [1, 2, 3])
    def test_what_the_artery_and_its_branches_supply(self, grade: int) -> None:
        risk = findings(run(self.RULE, (self.ARTERY, grade)).supply_at_risk)
        assert set(risk) == {self.MUSCLE, self.BONE}
        assert risk[self.MUSCLE].score == pytest.approx(GRADE_LOSS[grade])
        assert all(self.RULE in rule_ids(f) for f in risk.values())
        assert "akg:hasBranch" in {f.predicate.id for f in risk[self.BONE].because}

    def test_a_branch_puts_only_its_own_territory_at_risk(self) -> None:
        assert set(findings(run(self.RULE, (self.BRANCH, 3)).supply_at_risk)) == {self.BONE}

    def test_an_injured_muscle_puts_no_supply_at_risk(self) -> None:
        assert run(self.RULE, (self.MUSCLE, 3)).supply_at_risk == []


class TestConditionConsequences:
    RULE = "rule:condition-consequences"
    L1, L2, L3, L4, L5, COMPLEX, BAND = (f"ANKLE:99918{n:02d}" for n in range(1, 8))
    SPRAIN, CHRONIC, WIDE, ARTHRITIS, COMPLEX_SPRAIN, IMPINGEMENT = (f"ANKLE:99918{n}" for n in range(11, 17))
    ACHE, STIFFNESS, BRUISING = "ANKLE:9991821", "ANKLE:9991822", "ANKLE:9991823"

    @pytest.mark.parametrize(
        ("injuries", "concluded", "not_concluded"),
        [
            ([(L1, 3)], set(), {(ACHE, CHRONIC), (STIFFNESS, ARTHRITIS)}),  # sprain 1/2 < 60%, wide 1/4
            ([(L1, 3), (L2, 2)], {(ACHE, CHRONIC)}, {(STIFFNESS, ARTHRITIS)}),  # sprain 2/2, wide 2/4
            ([(L3, 3)], set(), {(ACHE, CHRONIC), (STIFFNESS, ARTHRITIS)}),  # wide condition 1/4 only
            ([(L1, 3), (L3, 3)], set(), {(ACHE, CHRONIC), (STIFFNESS, ARTHRITIS)}),  # sprain 1/2, wide 2/4
            ([(L1, 3), (L2, 3), (L3, 3), (L4, 3)], {(ACHE, CHRONIC), (STIFFNESS, ARTHRITIS)}, set()),  # 2/2, 3/4
            # the condition names only the complex; its band is injured: "a whole counts when one of its parts is"
            ([(BAND, 3)], {(BRUISING, IMPINGEMENT)}, {(ACHE, CHRONIC)}),
        ],
        ids=["one-of-two", "two-of-two", "quarter", "half-and-half", "all-above-threshold", "part-counts-for-whole"],
    )
    def test_overlap_threshold(
        self, injuries: list[tuple[str, int]], concluded: set[tuple[str, str]], not_concluded: set[tuple[str, str]]
    ) -> None:
        report = run(self.RULE, *injuries)
        symptoms, risks = findings(report.symptoms), findings(report.long_term_risks)
        for symptom, risk in concluded:
            assert self.RULE in rule_ids(symptoms[symptom])
            assert self.RULE in rule_ids(risks[risk])
        for symptom, risk in not_concluded:
            assert symptom not in symptoms
            assert risk not in risks

    def test_a_named_condition_brings_its_own_consequences(self) -> None:
        report = run(self.RULE, (self.WIDE, 2))
        assert self.STIFFNESS in findings(report.symptoms)
        assert self.ARTHRITIS in findings(report.long_term_risks)

    def test_a_consequence_already_present_is_not_a_risk(self) -> None:
        assert self.CHRONIC not in findings(run(self.RULE, (self.L1, 3), (self.CHRONIC, 3)).long_term_risks)

    def test_no_condition_no_consequence(self) -> None:
        report = run(self.RULE, (self.L5, 3))
        assert report.long_term_risks == []
        assert report.symptoms == []
