"""rule:default-lesion: a structure named without a condition has the lesion its kind defaults to.

Definition: a ligament, tendon, muscle, retinaculum, nerve or artery loses continuity at the given grade; a bone
or bony landmark is fractured, and a fracture by itself tears no ligament; a space is swollen and compresses
what runs through it.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import (
    COMPRESSION,
    FRACTURE,
    LESIONS,
    LOSS,
    TRANSLATION,
    affected,
    has_group,
    rule_ids,
    run,
)

RULE = "rule:default-lesion"
BONE, LIGAMENT, RETINACULUM, INSERTING, ARISING = (f"ANKLE:99903{n:02d}" for n in range(1, 6))
LANDMARK, LANDMARK_LIGAMENT = "ANKLE:9990307", "ANKLE:9990308"
TENDON, NERVE, ARTERY, SPACE, COMPARTMENT = (f"ANKLE:99903{n}" for n in range(10, 15))

#: the kinds the definition names, with the lesion it gives them
DEFAULTS = {
    LIGAMENT: LOSS,
    TENDON: LOSS,
    INSERTING: LOSS,  # a muscle
    RETINACULUM: LOSS,
    NERVE: LOSS,
    ARTERY: LOSS,
    BONE: FRACTURE,
    LANDMARK: FRACTURE,  # a bony landmark
    SPACE: COMPRESSION,
    COMPARTMENT: COMPRESSION,  # a compartment is a space
}


def test_the_declared_defaults_match_the_definition() -> None:
    assert {
        "akg:Ligament", "akg:Tendon", "akg:Muscle", "akg:Retinaculum", "akg:Nerve", "akg:Artery"
    } <= LESIONS[LOSS].default_for  # fmt: skip
    assert {"akg:Bone", "akg:BonePart"} <= LESIONS[FRACTURE].default_for
    assert "akg:AnatomicalSpace" in LESIONS[COMPRESSION].default_for
    # loss of continuity is also the default for any structure, so the more specific defaults must win
    assert LESIONS[FRACTURE].precedence < LESIONS[LOSS].precedence
    assert LESIONS[COMPRESSION].precedence < LESIONS[LOSS].precedence


@pytest.mark.parametrize("grade", [1, 2, 3])
@pytest.mark.parametrize(("structure", "lesion"), DEFAULTS.items(), ids=lambda v: str(v).split(":")[-1])
def test_a_named_structure_has_the_lesion_its_kind_defaults_to(structure: str, lesion: str, grade: int) -> None:
    named = affected(run(RULE, (structure, grade)))[structure]
    assert named.reached is Reach.NAMED
    assert named.lesion is not None and named.lesion.id == lesion
    assert named.grade == grade
    assert RULE in rule_ids(named)


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_fractured_bone_releases_nothing_attached_to_it(grade: int) -> None:
    # "a fracture by itself tears no ligament": not the ligament or retinaculum on it, not the muscles on it,
    # not its landmark or the ligament on the landmark
    report = run(RULE, (BONE, grade))
    assert set(affected(report)) == {BONE}
    for forbidden in (LIGAMENT, RETINACULUM, INSERTING, ARISING, LANDMARK, LANDMARK_LIGAMENT):
        assert forbidden not in affected(report)
    assert report.destabilised_motions == []  # the ligaments' restraint of the translation is intact
    assert report.weakened_motions == []  # the inserting muscle still produces it


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_a_fractured_landmark_releases_nothing_and_leaves_its_bone(grade: int) -> None:
    report = run(RULE, (LANDMARK, grade))
    assert set(affected(report)) == {LANDMARK}
    assert not has_group(report, TRANSLATION)


def test_a_torn_ligament_reaches_no_bone() -> None:
    assert set(affected(run(RULE, (LIGAMENT, 3)))) == {LIGAMENT}


def test_a_named_structure_points_to_its_other_recorded_lesions() -> None:
    """The nerve named alone is taken as torn along its whole course; the answer points to its entrapment (another
    lesion, which may spare what the tear takes), not to a tear condition (the same lesion)."""
    named = affected(run(RULE, (NERVE, 3)))[NERVE]
    assert [c.id for c in named.other_lesions] == ["ANKLE:9990320"]
    entrapped = affected(run(RULE, ("ANKLE:9990320", 3)))
    assert entrapped[NERVE].other_lesions == []  # reached through a condition, not named on its own


def test_a_named_structure_points_to_a_condition_it_is_involved_in_not_to_one_listed_already() -> None:
    """A bone named alone is taken as fractured; the answer points to the impingement it is involved in by no lesion
    of its kind (an os trigonum and posterior ankle impingement: review r20, where the os trigonum read only as a
    fracture), not to the necrosis its fracture may lead to, which the answer lists among the risks already."""
    report = run(RULE, (BONE, 3))
    assert [c.id for c in affected(report)[BONE].other_lesions] == ["ANKLE:9990322"]
    assert "ANKLE:9990323" in {r.entity.id for r in report.long_term_risks}


def test_an_accessory_ossicle_is_taken_as_impinged_not_fractured() -> None:
    """An accessory ossicle is a bone, but its kind's default lesion comes first (lesions.ttl: the lower
    precedence): named alone it is inflamed and amounts to the impingement that possibly involves it, not a fracture
    (review r21 J13: the os trigonum answered as a fractured bone with bruising)."""
    report = run(RULE, ("ANKLE:9990315", 3))
    ossicle = affected(report)["ANKLE:9990315"]
    assert ossicle.lesion is not None and ossicle.lesion.id == "akg:Inflammation"
    assert "ANKLE:9990325" in {c.entity.id for c in report.conditions}
