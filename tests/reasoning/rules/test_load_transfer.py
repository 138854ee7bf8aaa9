"""rule:load-transfer: intact restraints take over the load.

Definition: when a joint motion loses restraint, the restraints of that motion that are not injured carry more
load, and, where the motion is unstable or its laxity increased, so do the muscles that produce the opposite motion
at the same joint or at a joint sharing a bone (dynamic stabilisers); not for a motion that only lost secondary
restraint. Items are ranked by the fraction of restraint lost times the declared rank of their role
and the declared rank of the motion's status (unstable, increased laxity, reduced restraint).
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import (
    JOINT,
    LOAD_RANK,
    PRIMARY,
    SECONDARY,
    loads,
    rule_ids,
    run,
)

RULE = "rule:load-transfer"
KINDS = ("restraint", "dynamic stabiliser")
INVERSION, TILT = "ANKLE:9991211", "ANKLE:9991213"
BONE_2, NEIGHBOUR_JOINT = "ANKLE:9991202", "ANKLE:9991206"
P, S = "ANKLE:9991221", "ANKLE:9991222"
EVERTOR, NEIGHBOUR_EVERTOR, DISTANT_EVERTOR, INVERTOR, TILT_LIGAMENT = (f"ANKLE:99912{n}" for n in range(23, 28))
LOST = PRIMARY / (PRIMARY + SECONDARY)  # the primary torn completely: the fraction of inversion restraint lost
LAX = LOAD_RANK["laxity_rank"]  # the primary gone, the secondary intact: increased laxity (rule motion-destabilised)
REDUCED = LOAD_RANK["reduced_rank"]  # the secondary gone, the primary intact: reduced restraint


def test_the_declared_ranks_match_the_definition() -> None:
    # "primary restraint 1, secondary restraint 0.75, prime mover 0.6, assistant 0.3"; "unstable 1, increased
    # laxity 0.75, reduced restraint 0.5"
    assert LOAD_RANK == {
        "primary_restraint_rank": 1.0, "secondary_restraint_rank": 0.75, "prime_mover_rank": 0.6,
        "assistant_rank": 0.3, "unstable_rank": 1.0, "laxity_rank": 0.75, "reduced_rank": 0.5,
    }  # fmt: skip


def test_intact_restraints_and_opposing_muscles_take_over() -> None:
    report = run(RULE, (P, 3))
    load = loads(report, *KINDS)
    secondary = load[(S, INVERSION)]
    assert secondary.kind == "restraint"
    assert secondary.score == pytest.approx(LOST * LAX * LOAD_RANK["secondary_restraint_rank"], abs=1e-4)
    evertor = load[(EVERTOR, INVERSION)]
    assert evertor.kind == "dynamic stabiliser"
    assert evertor.score == pytest.approx(LOST * LAX * LOAD_RANK["prime_mover_rank"], abs=1e-4)
    assert all(RULE in rule_ids(i) for i in load.values())


def test_an_intact_primary_takes_over_from_a_torn_secondary() -> None:
    item = loads(run(RULE, (S, 3)), *KINDS)[(P, INVERSION)]
    assert item.kind == "restraint"
    lost = SECONDARY / (PRIMARY + SECONDARY)
    assert item.score == pytest.approx(lost * REDUCED * LOAD_RANK["primary_restraint_rank"], abs=1e-4)


def test_no_muscle_takes_over_a_motion_that_only_lost_secondary_restraint() -> None:
    # "where the motion is unstable or its laxity increased, so do the muscles ...; a motion that only loses part of
    # its secondary restraint (reduced restraint) is still checked by its passive restraints"
    load = loads(run(RULE, (S, 3)), *KINDS)
    assert (P, INVERSION) in load  # the intact primary still takes over
    assert not [item for item in load.values() if item.kind == "dynamic stabiliser"]
    assert (EVERTOR, INVERSION) in loads(run(RULE, (P, 3)), *KINDS)  # the same muscle once the motion is lax


def test_a_dynamic_stabiliser_through_a_joint_sharing_a_bone() -> None:
    item = loads(run(RULE, (P, 3)), *KINDS)[(NEIGHBOUR_EVERTOR, INVERSION)]
    assert item.score == pytest.approx(LOST * LAX * LOAD_RANK["assistant_rank"], abs=1e-4)
    links = {(f.subject.id, f.predicate.id, f.object.id) for f in item.because if f.object}
    assert (JOINT, "akg:jointOf", BONE_2) in links
    assert (NEIGHBOUR_JOINT, "akg:jointOf", BONE_2) in links


def test_not_the_injured_the_distant_or_the_same_direction() -> None:
    structures = {s for s, _ in loads(run(RULE, (P, 3)), *KINDS)}
    assert P not in structures
    assert DISTANT_EVERTOR not in structures  # no bone shared with the joint
    assert INVERTOR not in structures  # produces the lost motion, does not oppose it
    both = {s for s, _ in loads(run(RULE, (P, 3), (S, 3), (EVERTOR, 3)), *KINDS)}
    assert S not in both
    assert EVERTOR not in both


def test_the_opposite_of_the_general_motion_counts_for_a_kind() -> None:
    # talar tilt is a kind of inversion, so the evertors resist it too
    assert (EVERTOR, TILT) in loads(run(RULE, (TILT_LIGAMENT, 3)), *KINDS)


def test_no_lost_restraint_no_transfer() -> None:
    assert run(RULE, (DISTANT_EVERTOR, 3)).increased_load == []


GLIDE, COMPLEX, BAND = "ANKLE:9991257", "ANKLE:9991258", "ANKLE:9991259"


def test_a_whole_takes_nothing_over_from_its_own_torn_part() -> None:
    """'not a whole whose parts are among the lost: the deltoid ligament takes nothing over from its own torn deep
    bands'."""
    report = run(RULE, (BAND, 3))
    assert any(d.motion.id == GLIDE for d in report.destabilised_motions)
    assert (COMPLEX, GLIDE) not in loads(report, "restraint")


SHOVE, POST, ON_POST, SHOVE_LIGAMENT = "ANKLE:9991262", "ANKLE:9991263", "ANKLE:9991264", "ANKLE:9991265"


def test_a_post_holding_through_a_torn_ligament_on_it_takes_on_nothing() -> None:
    """The post holds the shove through the ligament anchored on it (the medial malleolus and the deltoid): with that
    ligament torn it takes on no more load; with another restraint torn it does."""
    through = loads(run(RULE, (ON_POST, 3)), *KINDS)
    assert (POST, SHOVE) not in through and (SHOVE_LIGAMENT, SHOVE) in through
    assert (POST, SHOVE) in loads(run(RULE, (SHOVE_LIGAMENT, 3)), *KINDS)


SLIDE_LIGAMENT, SLIDE_MUSCLE = "ANKLE:9991270", "ANKLE:9991271"


def test_a_muscle_that_restrains_the_motion_takes_over_as_a_dynamic_stabiliser() -> None:
    """The slide's ligament torn: the muscle recorded as its secondary restraint carries more, as what it is, a
    dynamic stabiliser (the fibularis muscles for subtalar inversion: 'restraint' read as a ligament)."""
    load = loads(run(RULE, (SLIDE_LIGAMENT, 3)))
    assert load[(SLIDE_MUSCLE, "ANKLE:9991269")].kind == "dynamic stabiliser"


SPRAIN, SWAY, SWAY_LIGAMENT, SWAY_SPRAIN = "ANKLE:9991274", "ANKLE:9991276", "ANKLE:9991277", "ANKLE:9991275"


def test_what_a_condition_only_may_involve_takes_nothing_over() -> None:
    """'not a structure a named condition only may involve': the sprain always tears the primary and may tear the
    secondary, which is not known intact; the evertor still opposes the lax inversion. Named on its own, the primary's
    tear loads the secondary as before."""
    load = loads(run(RULE, (SPRAIN, 3)), *KINDS)
    assert (S, INVERSION) not in load
    assert (EVERTOR, INVERSION) in load
    assert (S, INVERSION) in loads(run(RULE, (P, 3)), *KINDS)


def test_a_whole_with_a_part_a_condition_may_involve_takes_nothing_over() -> None:
    """'a whole with such a part': the complex restrains the sway, and the sprain may tear its band."""
    report = run(RULE, (SWAY_SPRAIN, 3))
    assert any(d.motion.id == SWAY for d in report.destabilised_motions)
    assert (COMPLEX, SWAY) not in loads(report, "restraint")
    assert (COMPLEX, SWAY) in loads(run(RULE, (SWAY_LIGAMENT, 3)), "restraint")
