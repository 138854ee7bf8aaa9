"""rule:possibly-involved: a structure a condition only may involve is not damaged by naming it.

Definition: a structure a named condition affects as possibly involved (akg:involvement akg:PossiblyInvolved on
its akg:affects axiom) is not damaged when the condition is named, and nothing that would follow from it is
concluded; it is listed among the injuries as possibly involved. A verdict on a motion that takes such a passive
restraint as intact says so when it would be worse were it torn too, and names that verdict. Naming the structure
itself asks what its injury does.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach, Stability
from tests.reasoning.rules.fixture import affected, group, has_group, predicates, ref_id, rule_ids, run

RULE = "rule:possibly-involved"
SPRAIN, ALWAYS, SOMETIMES, FIRST_MOTION, SECOND_MOTION = (
    "ANKLE:9992301", "ANKLE:9992311", "ANKLE:9992312", "ANKLE:9992321", "ANKLE:9992322",
)  # fmt: skip
SHARED = "ANKLE:9992323"
FRACTURE, MEDIAL, POST_MOTION = "ANKLE:9992340", "ANKLE:9992344", "ANKLE:9992345"
BAND_SPRAIN, BAND_MOTION = "ANKLE:9992363", "ANKLE:9992365"


@pytest.mark.parametrize("grade", [2, 3])
def test_the_possibly_involved_structure_is_listed_not_damaged(grade: int) -> None:
    report = run(RULE, (SPRAIN, grade))
    reached = affected(report)
    assert reached[SOMETIMES].reached is Reach.POSSIBLE
    assert reached[SOMETIMES].lesion is None and ref_id(reached[SOMETIMES].via) == SPRAIN
    assert RULE in rule_ids(reached[SOMETIMES])
    assert reached[ALWAYS].reached is Reach.CONDITION
    assert has_group(report, FIRST_MOTION, None)  # what it always tears
    assert not has_group(report, SECOND_MOTION, None)  # nothing follows from what it only may tear


def test_naming_the_structure_asks_what_its_injury_does() -> None:
    report = run(RULE, (SPRAIN, 3), (SOMETIMES, 3))
    assert affected(report)[SOMETIMES].reached is Reach.NAMED
    assert group(report, SECOND_MOTION, None).status is Stability.UNSTABLE


def test_a_verdict_that_takes_a_possibly_involved_restraint_as_intact_says_what_it_would_be_were_it_torn() -> None:
    """The shared motion's two primary restraints: the sprain tears one and may tear the other. Lax on what it tears,
    unstable were the other torn too: the item says so, with the axiom that makes it possibly involved among its
    reasons (blinded review r48 C1: a trimalleolar fracture's syndesmosis 'no laxity expected' beside an AITFL its
    mechanism tears first)."""
    item = group(run(RULE, (SPRAIN, 3)), SHARED, None)
    assert item.status is Stability.LAXITY
    assert item.note is not None and (  # the primary still checking the motion is the one possibly involved: said so
        "laxity, with the fixture ligament sometimes torn still checking the motion" in item.note
        and "the fixture ligament sometimes torn still checking it is one the fixture sprain may involve (not "
        "concluded), taken as intact: were it torn too, the verdict would be unstable" in item.note
    )
    assert RULE in rule_ids(item)
    assert any(f.predicate.id == "akg:affects" and ref_id(f.object) == SOMETIMES for f in item.because)
    assert "akg:affects" in predicates(item)
    # named, it is torn: the verdict is the worse one, with nothing taken as intact
    named = group(run(RULE, (SPRAIN, 3), (SOMETIMES, 3)), SHARED, None)
    assert named.status is Stability.UNSTABLE and "taking the" not in (named.note or "")
    # a grade II sprain half-tears what it tears (reduced restraint): with the other wholly torn, increased laxity
    partial = group(run(RULE, (SPRAIN, 2)), SHARED, None)
    assert partial.status is Stability.REDUCED
    assert "were it torn too, the verdict would be increased laxity" in (partial.note or "")


def test_a_verdict_the_loss_of_what_may_be_involved_would_change_through_a_floating_post_says_so() -> None:
    """The fracture frees the lateral post (its tie torn), which holds while the medial ligament does. Tearing the
    medial ligament alone, a secondary restraint, leaves the primary post in the motion's own count, so only the
    reading with it lost tells: the post is then carried away and the motion unstable (blinded review r47 C4: a Weber
    C fracture's lateral talar shift 'no laxity', its medial side only possibly involved)."""
    item = group(run(RULE, (FRACTURE, 3)), POST_MOTION, None)
    assert item.status is not Stability.UNSTABLE
    assert item.note is not None and (
        "taking the fixture medial ligament, which the fixture fracture may involve (not concluded), as intact: were "
        "it torn too, the verdict would be unstable, through what its loss would set free" in item.note
    )
    assert any(f.predicate.id == "akg:affects" and ref_id(f.object) == MEDIAL for f in item.because)
    named = group(run(RULE, (FRACTURE, 3), (MEDIAL, 3)), POST_MOTION, None)
    assert named.status is Stability.UNSTABLE  # the reading the note names


def test_a_whole_every_part_of_which_may_be_involved_is_not_said_to_check_the_motion_for_certain() -> None:
    """The band complex, both of whose bands the sprain may tear, is named as still checking the motion beside the
    torn ligament; the answer says it is one the sprain may involve and what the verdict would be were it torn."""
    item = group(run(RULE, (BAND_SPRAIN, 3)), BAND_MOTION, None)
    assert item.status is Stability.LAXITY and item.note is not None
    assert (
        "the fixture band complex still checking it is one the fixture band sprain may involve (not concluded), "
        "taken as intact: were it torn too, the verdict would be unstable" in item.note
    )


def test_a_motion_the_answer_lists_nowhere_that_what_may_be_involved_would_destabilise_is_pointed_to() -> None:
    """The second motion loses nothing the sprain surely tears, so the answer lists it nowhere: a chronic ankle
    instability, whose ligaments are only possibly lengthened, read 'Destabilised joint motions: none' and no more
    (blinded review r49 C9). It is named as what the possibly involved ligament would destabilise, not concluded; a
    motion the answer lists carries its own note instead; naming the ligament leaves nothing to point to."""
    report = run(RULE, (SPRAIN, 3))
    assert not has_group(report, SECOND_MOTION, None)
    assert len(report.if_involved) == 1
    said = report.if_involved[0]
    assert "Were the fixture ligament sometimes torn, which the fixture sprain may involve (not concluded), torn" \
        in said
    assert "fixture second motion of the fixture joint unstable" in said and "fixture shared motion" not in said
    assert run(RULE, (SPRAIN, 3), (SOMETIMES, 3)).if_involved == []


def test_a_band_of_a_torn_whole_is_not_said_to_check_the_motion() -> None:
    """The whole ligament torn, its deep band only possibly: the band is not named as still checking the motion (a
    grade III medial ankle sprain's deep deltoid 'still checking' the talus: blinded reviews r49 C1, r50 C4); the note
    says the lost whole's parts are not known to be torn, and what the verdict would be were the band torn too."""
    from app.reasoning.impact.mechanics import PARTS_UNKNOWN

    item = group(run(RULE, ("ANKLE:9992374", 3)), "ANKLE:9992373", None)
    assert item.status is Stability.LAXITY and item.note is not None
    assert PARTS_UNKNOWN in item.note and "still checking" not in item.note
    assert "were it torn too, the verdict would be unstable" in item.note
