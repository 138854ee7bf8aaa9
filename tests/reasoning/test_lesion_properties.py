"""Properties of the lesion-aware engine over every injurable entity of the bundled data (issue 9).

- no conclusion without a complete ``because``: every expansion step that reached a structure the
  conclusion rests on is in it, and every fact has a source;
- no ligament is damaged by a bone injury unless a sourced condition names it (a fracture releases nothing);
- a grade I injury never makes a motion 'unstable' nor gives instability or giving way;
- a compression (entrapment, swelling in a space) never destabilises a joint nor damages its retinaculum; a
  swollen compartment weakens the muscles lying in it (ischaemia) but tears nothing and loosens no joint;
- a decision rule (Ottawa) is never an expected positive test.
"""

from __future__ import annotations

import pytest

from app.kg import INJURABLE_TYPES, AnkleKG
from app.reasoning.impact import SECTIONS, ImpactReport, Reach, Stability, Strength
from tests.datafacts import select

INJURABLE = sorted(
    {
        row["e"]
        for row in select(
            "SELECT ?e WHERE { ?e a/rdfs:subClassOf* ?c . VALUES ?c { akg:AnatomicalStructure akg:Condition } }"
        )
    }
)
SKELETAL = {
    row["e"] for row in select("SELECT ?e WHERE { ?e a/rdfs:subClassOf* ?c . VALUES ?c { akg:Bone akg:BonePart } }")
}
COMPRESSION = "akg:Compression"
COMPRESSIONS = {row["c"] for row in select("SELECT ?c WHERE { ?c akg:lesion akg:Compression }")}
ONLY_COMPRESSION = sorted(
    c for c in COMPRESSIONS if {r["l"] for r in select(f"SELECT ?l WHERE {{ {c} akg:lesion ?l }}")} == {COMPRESSION}
)
NOT_ONLY_LOSS = {
    row["c"] for row in select("SELECT ?c WHERE { ?c akg:lesion ?l FILTER(?l != akg:LossOfContinuity) }")
}
#: conditions that declare another grade than I: naming one applies its own grade
GRADED = {row["c"] for row in select("SELECT ?c WHERE { ?c akg:injuryGrade ?g FILTER(STR(?g) != '1') }")}
FRACTURES = SKELETAL | {row["c"] for row in select("SELECT ?c WHERE { ?c akg:lesion akg:Fracture }")}
SPACES = sorted({row["e"] for row in select("SELECT ?e WHERE { ?e a/rdfs:subClassOf* akg:AnatomicalSpace }")})
INSTABILITY = "ANKLE:0003005"
#: per compartment, the muscles the data says lie in it (rule compartment-ischaemia makes them ischaemic when it swells)
STARVED: dict[str, set[str]] = {}
for _row in select(
    "SELECT ?c ?m WHERE { ?m akg:liesIn ?c . ?c a akg:Compartment . ?m a/rdfs:subClassOf* ?k . "
    "VALUES ?k { akg:Muscle akg:MusclePart } }"
):
    STARVED.setdefault(_row["c"], set()).add(_row["m"])
DAMAGING = {Reach.NAMED, Reach.PART, Reach.CONDITION, Reach.BRANCH}


def test_the_injurable_types_are_what_the_engine_takes() -> None:
    assert INJURABLE_TYPES == ("akg:AnatomicalStructure", "akg:Condition")
    assert len(INJURABLE) > 150


@pytest.fixture(scope="module")
def reports(kg: AnkleKG) -> dict[tuple[str, int], ImpactReport]:
    return {(e, g): kg.impact([(e, g)]) for e in INJURABLE for g in (1, 3)}


def test_every_conclusion_has_a_complete_because(reports: dict[tuple[str, int], ImpactReport]) -> None:
    for (entity, grade), report in reports.items():
        steps = {i.structure.id: {(f.subject.id, f.predicate.id, f.object.id if f.object else None)
                                  for f in i.because} for i in report.injuries}  # fmt: skip
        lost_ids = {r.structure.id for d in report.destabilised_motions for r in d.lost_restraints}
        lost_ids |= {m.id for w in report.weakened_motions for m in w.lost_actions}
        for section in SECTIONS:
            for item in getattr(report, section):
                assert item.rules and item.because, (entity, section)
                assert all(f.sources for f in item.because), (entity, section)
                facts = {(f.subject.id, f.predicate.id, f.object.id if f.object else None) for f in item.because}
                for lost in getattr(item, "lost_restraints", []):
                    assert steps.get(lost.structure.id, set()) <= facts, (entity, grade, lost.structure.label)
                for muscle in getattr(item, "lost_actions", []):
                    assert steps.get(muscle.id, set()) <= facts, (entity, grade, muscle.label)
                # any conclusion resting on a lost restraint or action (a test, a symptom, a load) shows how it
                # came to be lost
                cited = {f.subject.id for f in item.because if f.predicate.id in ("akg:Restraint", "akg:MuscleAction")}
                for structure in cited & lost_ids & set(steps):
                    assert steps[structure] <= facts, (entity, grade, section, structure)


def test_a_bone_injury_tears_no_ligament(reports: dict[tuple[str, int], ImpactReport]) -> None:
    """A fracture damages no soft tissue, and destabilises a motion only through the ligaments its loose fragment
    carries off untorn (rule fragment-carries-ligaments: the deltoid with a medial malleolus broken off) and, where
    the fragment is a buttress whose ring no longer holds, its own hold (rule unstable-fracture: a posterior
    malleolus carrying off the posterior tibiofibular ligaments, Irwin 2013)."""
    for entity in sorted(SKELETAL):
        report = reports[(entity, 3)]
        soft = [i.structure.label for i in report.injuries if i.structure.id not in SKELETAL and i.reached in DAMAGING]
        assert soft == [], f"{entity}: {soft}"
        carried = {i.structure.id for i in report.injuries if i.reached is Reach.DETACHED}
        assert entity not in {i.structure.id for i in report.increased_load}, f"{entity} carries more while broken"
        for d in report.destabilised_motions:
            rules = {r.id for r in d.rules}
            assert "rule:fragment-carries-ligaments" in rules, (entity, d.motion.label)
            buttress = {entity} if "rule:unstable-fracture" in rules else set()
            assert {r.structure.id for r in d.lost_restraints} <= carried | buttress, (entity, d.motion.label)


def test_grade_one_is_never_unstable(reports: dict[tuple[str, int], ImpactReport]) -> None:
    for entity in INJURABLE:
        if entity in GRADED or entity in FRACTURES:
            continue  # a graded condition has its own grade; a fracture pattern's stability has no grade
        report = reports[(entity, 1)]
        assert all(d.status is not Stability.UNSTABLE for d in report.destabilised_motions), entity
        # a subluxing tendon gives way by its own mechanism, whatever the grade; a condition that damages nothing
        # (its structures only possibly involved: chronic ankle instability) gives way as its sources say
        damages = any(i.reached in DAMAGING for i in report.injuries if i.structure.id != entity)
        if entity not in NOT_ONLY_LOSS and damages:
            assert INSTABILITY not in {s.entity.id for s in report.symptoms}, entity


@pytest.mark.parametrize("entity", [*ONLY_COMPRESSION, *(s for s in SPACES if s not in STARVED)])
def test_a_compression_destabilises_nothing_and_tears_nothing(kg: AnkleKG, entity: str) -> None:
    for grade in (1, 2, 3):
        report = kg.impact([(entity, grade)])
        assert report.destabilised_motions == [], entity
        assert report.weakened_motions == [], entity
        torn = [i.structure.label for i in report.injuries if i.lesion and i.lesion.id == "akg:LossOfContinuity"]
        assert torn == [], (entity, torn)


@pytest.mark.parametrize("compartment", sorted(STARVED))
def test_a_swollen_compartment_weakens_only_its_own_muscles_and_never_loosens_a_joint(
    kg: AnkleKG, compartment: str
) -> None:
    """A swollen compartment does more than compress (rule compartment-ischaemia): the muscles lying in it are
    ischaemic and weak. It still tears nothing, takes no motion away and makes no joint lax."""
    for grade in (1, 2, 3):
        report = kg.impact([(compartment, grade)])
        torn = [i.structure.label for i in report.injuries if i.lesion and i.lesion.id == "akg:LossOfContinuity"]
        assert torn == [], (compartment, torn)
        weakened = [*report.weakened_motions, *report.assistants_lost]
        assert weakened, compartment  # not vacuous: every such compartment holds a muscle that acts
        for w in weakened:
            assert w.status not in (Strength.LOST, Strength.PRIME_MOVERS_LOST), (compartment, w.motion.label)
            assert {a.id for a in w.lost_actions} <= STARVED[compartment], (compartment, w.motion.label)
        for d in report.destabilised_motions:
            assert d.status is Stability.REDUCED, (compartment, d.motion.label)


def test_a_decision_rule_is_never_a_positive_test(reports: dict[tuple[str, int], ImpactReport]) -> None:
    for report in reports.values():
        assert "ANKLE:0003511" not in {t.test.id for t in report.expected_positive_tests}
