"""rule:condition-lesions: a condition damages what it affects by its own lesion mechanism.

Definition: each affected structure gets the first of the condition's mechanisms (akg:lesion) that applies to
its kind (akg:appliesTo, by akg:precedence): a tendinopathy degenerates its tendon without a tear, an entrapment
compresses its nerve, an unstable fracture pattern fractures its bones and tears the ligaments its sources name.
A structure none of its mechanisms applies to is the condition's site and stays intact. A condition with no
declared mechanism is taken structure by structure as rule default-lesion says. The named condition points to its
more specific recorded forms (conditions of its parts that reach nothing beyond it, not its sequels).
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import (
    COMPRESSION,
    COMPRESSION_GRADE,
    DEGENERATION,
    FRACTURE,
    GRADE_LOSS,
    LESIONS,
    LOSS,
    TENDON_INSTABILITY,
    TRANSLATION,
    affected,
    findings,
    predicates,
    restraint_lost,
    rule_ids,
    run,
)

RULE = "rule:condition-lesions"
TENDINOPATHY, ENTRAPMENT, FRACTURE_PATTERN, SUBLUXATION, NO_MECHANISM = (f"ANKLE:99902{n:02d}" for n in range(1, 6))
TENDON, MUSCLE, NERVE, RETINACULUM, SOLE, NERVE_MUSCLE, TENDON_UNDER, BONE, LIGAMENT, SITE_JOINT = (
    f"ANKLE:99902{n}" for n in range(11, 21)
)
SUBLUXING_TENDON, SUBLUXING_RETINACULUM, SUBLUXING_MUSCLE = "ANKLE:9990221", "ANKLE:9990223", "ANKLE:9990224"
PLAIN_LIGAMENT, PLAIN_NERVE, PLAIN_NERVE_MUSCLE = "ANKLE:9990225", "ANKLE:9990226", "ANKLE:9990227"


def lesion_of(report: object, structure: str) -> str | None:
    state = affected(report)[structure]  # type: ignore[arg-type]
    return state.lesion.id if state.lesion else None


def test_the_declared_mechanisms_apply_as_the_definition_says() -> None:
    assert "akg:Tendon" in LESIONS[DEGENERATION].applies_to
    assert {"akg:Nerve", "akg:Artery"} <= LESIONS[COMPRESSION].applies_to
    assert "akg:Retinaculum" not in LESIONS[COMPRESSION].applies_to  # the entrapment's retinaculum is its site
    assert {"akg:Bone", "akg:BonePart"} <= LESIONS[FRACTURE].applies_to
    assert "akg:Ligament" in LESIONS[LOSS].applies_to and "akg:Bone" not in LESIONS[LOSS].applies_to
    assert "akg:Joint" not in LESIONS[FRACTURE].applies_to | LESIONS[LOSS].applies_to  # the fracture's joint: site
    # a tendon subluxation displaces its tendons (first by precedence) and tears its retinaculum
    assert "akg:Tendon" in LESIONS[TENDON_INSTABILITY].applies_to & LESIONS[LOSS].applies_to
    assert LESIONS[TENDON_INSTABILITY].precedence < LESIONS[LOSS].precedence
    assert "akg:Retinaculum" not in LESIONS[TENDON_INSTABILITY].applies_to


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_tendinopathy_degenerates_its_tendon_without_a_tear(grade: int) -> None:
    report = run(RULE, (TENDINOPATHY, grade))
    tendon = affected(report)[TENDON]
    assert tendon.reached is Reach.CONDITION
    assert lesion_of(report, TENDON) == DEGENERATION
    assert tendon.grade == grade
    assert tendon.via is not None and tendon.via.id == TENDINOPATHY
    assert RULE in rule_ids(tendon)
    assert {"akg:affects", "akg:lesion"} <= predicates(tendon)  # the mechanism is part of the reason
    # without a tear the tendon keeps its restraint and still transmits its muscle's force
    assert MUSCLE not in affected(report)
    assert report.destabilised_motions == []
    assert report.weakened_motions == []


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_an_entrapment_compresses_its_nerve_and_leaves_its_retinaculum_intact(grade: int) -> None:
    report = run(RULE, (ENTRAPMENT, grade))
    reached = affected(report)
    assert reached[NERVE].reached is Reach.COMPRESSED
    assert lesion_of(report, NERVE) == COMPRESSION
    assert reached[NERVE].grade == COMPRESSION_GRADE
    assert RULE in rule_ids(reached[NERVE])
    # the retinaculum is the site: intact, so its restraint holds and the tendon beneath it stays in place
    assert reached[RETINACULUM].reached is Reach.SITE
    assert reached[RETINACULUM].lesion is None
    assert RULE in rule_ids(reached[RETINACULUM])
    assert report.destabilised_motions == []
    assert TENDON_UNDER not in reached
    # a compressed nerve is not cut: its muscle is not denervated, but its skin is numb
    assert NERVE_MUSCLE not in reached
    assert report.weakened_motions == []
    assert "compressed" in findings(report.numbness_areas)[SOLE].detail


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_an_unstable_fracture_fractures_its_bone_and_tears_its_ligament(grade: int) -> None:
    report = run(RULE, (FRACTURE_PATTERN, grade))
    reached = affected(report)
    assert (lesion_of(report, BONE), reached[BONE].grade) == (FRACTURE, grade)
    assert (lesion_of(report, LIGAMENT), reached[LIGAMENT].grade) == (LOSS, grade)
    assert reached[BONE].reached is reached[LIGAMENT].reached is Reach.CONDITION
    assert reached[SITE_JOINT].reached is Reach.SITE  # neither mechanism applies to a joint
    assert reached[SITE_JOINT].lesion is None
    assert restraint_lost(report, TRANSLATION, LIGAMENT) == GRADE_LOSS[grade]


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_subluxation_displaces_its_tendon_and_tears_its_retinaculum(grade: int) -> None:
    report = run(RULE, (SUBLUXATION, grade))
    reached = affected(report)
    assert lesion_of(report, SUBLUXING_TENDON) == TENDON_INSTABILITY  # by precedence, not a tear
    assert lesion_of(report, SUBLUXING_RETINACULUM) == LOSS
    assert reached[SUBLUXING_RETINACULUM].grade == grade
    # the displaced tendon keeps its continuity: its muscle keeps its action
    assert SUBLUXING_MUSCLE not in reached
    assert report.weakened_motions == []


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_condition_without_a_mechanism_is_taken_as_the_default_lesions(grade: int) -> None:
    report = run(RULE, (NO_MECHANISM, grade))
    reached = affected(report)
    for structure in (PLAIN_LIGAMENT, PLAIN_NERVE):  # both lose continuity: the nerve is not merely compressed
        assert reached[structure].reached is Reach.CONDITION
        assert (lesion_of(report, structure), reached[structure].grade) == (LOSS, grade)
        assert "rule:default-lesion" in rule_ids(reached[structure])
    assert reached[PLAIN_NERVE_MUSCLE].reached is Reach.DENERVATED


def test_a_structure_does_not_bring_its_condition() -> None:
    assert set(affected(run(RULE, (LIGAMENT, 3)))) == {LIGAMENT}


def test_a_structure_named_as_torn_stays_torn_when_it_is_also_a_conditions_site() -> None:
    report = run(RULE, (ENTRAPMENT, 3), (RETINACULUM, 2))
    assert lesion_of(report, RETINACULUM) == LOSS  # named without a condition: rule default-lesion
    assert restraint_lost(report, TRANSLATION, RETINACULUM) == GRADE_LOSS[2]


GRADE_I_SPRAIN = "ANKLE:9990228"


@pytest.mark.parametrize("requested", [1, 2, 3])
def test_a_named_graded_condition_applies_its_own_grade(requested: int) -> None:
    # "at the condition's own grade when it declares one (a grade I sprain stretches, whatever grade the request
    # carried)"
    state = affected(run(RULE, (GRADE_I_SPRAIN, requested)))[LIGAMENT]
    assert (state.grade, state.lesion.id if state.lesion else None) == (1, LOSS)


@pytest.mark.parametrize(("requested", "taken"), [(1, 2), (2, 2), (3, 3)])
def test_a_condition_of_several_grades_is_taken_at_the_nearest_it_declares(requested: int, taken: int) -> None:
    # "a rupture, grade II or III, named at grade I is taken at grade II"
    assert affected(run(RULE, ("ANKLE:9990229", requested)))[LIGAMENT].grade == taken


LONG_BONE_FRACTURE, BASE_FRACTURE, BASE_FRACTURE_SPRAIN, BASE_NON_UNION = (f"ANKLE:99902{n}" for n in range(62, 66))


def test_a_named_condition_points_to_its_more_specific_forms() -> None:
    """The long bone's fracture named: its base's fracture is a more specific form (a fifth metatarsal base fracture,
    the avulsion of its tuberosity: review r19 G6, the graph's own specific fractures never pointed to); not the base
    fracture-sprain, which reaches a ligament beyond the bone, nor the base's non-union, which the base fracture may
    lead to. A pointer only: nothing of the forms is concluded."""
    report = run(RULE, (LONG_BONE_FRACTURE, 3))
    named = next(i for i in report.injuries if i.structure.id == LONG_BONE_FRACTURE)
    assert [c.id for c in named.narrower_conditions] == [BASE_FRACTURE]
    assert BASE_FRACTURE not in findings(report.conditions)
    base = next(i for i in run(RULE, (BASE_FRACTURE, 3)).injuries if i.structure.id == BASE_FRACTURE)
    assert base.narrower_conditions == []
