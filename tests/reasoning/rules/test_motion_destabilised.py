"""rule:motion-destabilised: lost restraint destabilises a joint motion.

Definition: for each joint, motion and position (or 'position not stated', for restraints whose source names
none) the fraction of restraint lost is the weighted share of its restraints that is lost; weights are measured
contributions where every restraint of the motion has one, otherwise the declared primary/secondary weights. The
motion is 'unstable' only when every primary restraint is completely lost and so is at least half of the
secondary restraint (or none is recorded); 'increased laxity' when a primary restraint has lost at least half
(laxity_threshold) and it is not unstable; otherwise 'reduced restraint'. A muscle or tendon that no longer acts
adds to the fraction but is weighed as if it held for the status: a tendon rupture reduces restraint, it is no
laxity. Only an unstable motion, or a lax one with every passive primary restraint wholly lost, gives
instability or giving way.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Stability
from tests.reasoning.rules.fixture import (
    GRADE_LOSS,
    INSTABILITY,
    LAXITY_THRESHOLD,
    NEUTRAL,
    PLANTARFLEXED,
    PRIMARY,
    RULES,
    SECONDARY,
    TRANSLATION,
    findings,
    group,
    has_group,
    lost_restraints,
    rule_ids,
    run,
)

RULE = "rule:motion-destabilised"
P, S, P2, LARGE_S, SMALL_S, UNSTATED, SLIDE_P = (f"ANKLE:99909{n:02d}" for n in range(1, 8))
ROTATION, GLIDE, TILT, SHIFT, DRAWER, SLIDE, WIDENING = (f"ANKLE:99909{n}" for n in range(11, 18))
SPREAD = "ANKLE:9990924"
PIVOT_A, PIVOT_B, PIVOT = "ANKLE:9990927", "ANKLE:9990928", "ANKLE:9990929"
HALF = 0.5  # "at least half of the secondary restraint"
ROLE_TOTAL = PRIMARY + SECONDARY


def test_the_declared_parameters_match_the_definition() -> None:
    # "1 for a primary and 0.5 for a secondary restraint"; laxity when a primary "has lost at least half"
    assert (PRIMARY, SECONDARY, LAXITY_THRESHOLD) == (1.0, 0.5, 0.5)
    assert RULES[RULE].concludes == (INSTABILITY,)


def _status_when_primary_gone(secondary_loss: float) -> Stability:
    return Stability.UNSTABLE if secondary_loss >= HALF else Stability.LAXITY


def _status_when_primary_partly_lost(primary_loss: float) -> Stability:
    return Stability.LAXITY if primary_loss >= LAXITY_THRESHOLD else Stability.REDUCED


@pytest.mark.parametrize(
    ("injuries", "status", "fraction"),
    [
        # every primary completely lost, none of the secondary: the secondary still checks the motion
        ([(P, 3)], _status_when_primary_gone(0.0), GRADE_LOSS[3] * PRIMARY / ROLE_TOTAL),
        ([(P, 3), (S, 3)], Stability.UNSTABLE, 1.0),
        ([(P, 3), (S, 2)], _status_when_primary_gone(GRADE_LOSS[2]),
         (GRADE_LOSS[3] * PRIMARY + GRADE_LOSS[2] * SECONDARY) / ROLE_TOTAL),
        ([(P, 3), (S, 1)], _status_when_primary_gone(GRADE_LOSS[1]),
         (GRADE_LOSS[3] * PRIMARY + GRADE_LOSS[1] * SECONDARY) / ROLE_TOTAL),
        ([(P, 2)], _status_when_primary_partly_lost(GRADE_LOSS[2]), GRADE_LOSS[2] * PRIMARY / ROLE_TOTAL),
        ([(P, 1)], _status_when_primary_partly_lost(GRADE_LOSS[1]), GRADE_LOSS[1] * PRIMARY / ROLE_TOTAL),
        ([(S, 3)], Stability.REDUCED, GRADE_LOSS[3] * SECONDARY / ROLE_TOTAL),  # the primary is intact
    ],
    ids=["primary-3", "both-3", "primary-3-secondary-2", "primary-3-secondary-1", "primary-2", "primary-1",
         "secondary-3"],
)  # fmt: skip
def test_status_and_role_weighted_fraction(injuries: list[tuple[str, int]], status: Stability, fraction: float) -> None:
    report = run(RULE, *injuries)
    if fraction == 0:  # nothing lost (a grade whose declared share is none): no destabilised motion
        assert not has_group(report, TRANSLATION)
        return
    item = group(report, TRANSLATION)
    assert item.status is status
    assert item.fraction_lost == pytest.approx(fraction, abs=1e-4)
    assert item.restraint_remaining == pytest.approx(1 - fraction, abs=1e-4)
    assert RULE in rule_ids(item)


@pytest.mark.parametrize("grade", [2, 3])
def test_no_secondary_recorded_in_a_position(grade: int) -> None:
    # in plantarflexion the primary is the translation's only restraint: no secondary to check it
    item = group(run(RULE, (P, grade)), TRANSLATION, PLANTARFLEXED)
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[grade])
    if GRADE_LOSS[grade] >= 1.0:  # every primary completely lost and none of the secondary is recorded
        assert item.status is Stability.UNSTABLE
    else:
        assert item.status is _status_when_primary_partly_lost(GRADE_LOSS[grade])


def test_each_position_is_its_own_group() -> None:
    assert not has_group(run(RULE, (S, 3)), TRANSLATION, PLANTARFLEXED)  # the secondary holds in neutral only
    only_neutral = run(RULE, (P, 2), position=NEUTRAL)
    stated = [d for d in only_neutral.destabilised_motions if d.motion.id != NUDGE]  # the nudge: see below
    assert {d.position.id if d.position else None for d in stated} == {NEUTRAL}


@pytest.mark.parametrize(("injury", "contribution"), [((S, 3), 0.3), ((P, 2), 0.7), ((P, 3), 0.7)])
def test_measured_contributions_replace_role_weights(injury: tuple[str, int], contribution: float) -> None:
    # rotation: the sources measured the primary's share as 0.7 and the secondary's as 0.3
    expected = contribution * GRADE_LOSS[injury[1]]
    item = group(run(RULE, injury), ROTATION)
    assert item.fraction_lost == pytest.approx(expected, abs=1e-4)
    # the answer says what the share is weighted by, and how many recorded restraints it counts
    assert (item.weighting, item.restraints_lost, item.restraints_recorded) == ("measured contributions", 1, 2)


def test_role_weights_apply_when_a_contribution_is_missing() -> None:
    item = group(run(RULE, (S, 3)), GLIDE)
    assert item.fraction_lost == pytest.approx(SECONDARY / ROLE_TOTAL, abs=1e-4)
    assert (item.weighting, item.restraints_lost, item.restraints_recorded) == ("role weights", 1, 2)


def test_unstable_only_when_every_primary_is_completely_lost() -> None:
    one = group(run(RULE, (P, 3)), TILT)
    assert one.status is Stability.LAXITY  # the other primary still checks the tilt
    assert one.fraction_lost == pytest.approx(GRADE_LOSS[3] * PRIMARY / (2 * PRIMARY))
    both = group(run(RULE, (P, 3), (P2, 3)), TILT)
    assert both.status is Stability.UNSTABLE  # no secondary recorded
    assert both.fraction_lost == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("injuries", "status"),
    [
        ([(P, 2)], Stability.REDUCED),  # half of one primary: the other primary still checks the tilt
        ([(P, 2), (P2, 2)], Stability.LAXITY),  # half of each: half of the primary restraint between them
        ([(P, 3)], Stability.LAXITY),  # one primary completely lost
        ([(P, 2), (P2, 1)], Stability.REDUCED),  # a stretch of the other primary costs it nothing
    ],
    ids=["one-half-torn", "both-half-torn", "one-torn", "half-torn-and-stretched"],
)
def test_a_partly_torn_primary_beside_an_intact_one_leaves_the_motion_checked(
    injuries: list[tuple[str, int]], status: Stability
) -> None:
    """Role weights: laxity when a primary is completely lost or the primaries have lost half between them, as
    measured shares do (blinded review r29 C07: a grade II AITFL, one of two primaries of the talus's external
    rotation, gave 'increased laxity' and so 'instability or giving way' at a score of 0.10)."""
    assert group(run(RULE, *injuries), TILT).status is status


def test_half_of_the_secondary_restraint_by_its_measured_contributions_is_unstable() -> None:
    # shift: the primary carries 0.5, the secondaries 0.4 and 0.1; losing the larger is 80% of the secondary
    item = group(run(RULE, (P, 3), (LARGE_S, 3)), SHIFT)
    assert item.status is Stability.UNSTABLE
    assert item.fraction_lost == pytest.approx(0.9, abs=1e-4)


def test_a_small_part_of_the_secondary_restraint_is_not_half_of_it() -> None:
    # losing the secondary with 0.1 of the secondaries' 0.5 is a fifth of the secondary restraint: still checked
    item = group(run(RULE, (P, 3), (SMALL_S, 3)), SHIFT)
    assert item.fraction_lost == pytest.approx(0.6, abs=1e-4)
    assert item.status is Stability.LAXITY


def test_a_restraint_without_a_stated_position_joins_every_position_group() -> None:
    # drawer: the primary holds in plantarflexion; the secondary's source names no position
    lone = run(RULE, (UNSTATED, 3))
    item = group(lone, DRAWER, PLANTARFLEXED)
    assert lost_restraints(item) == {UNSTATED: GRADE_LOSS[3]}
    assert item.fraction_lost == pytest.approx(SECONDARY / ROLE_TOTAL, abs=1e-4)
    assert not has_group(lone, DRAWER, None)  # not a group of its own
    # with the primary gone the unstated secondary still checks the drawer in plantarflexion
    assert group(run(RULE, (P, 3)), DRAWER, PLANTARFLEXED).status is Stability.LAXITY


def test_asked_in_a_position_no_restraint_states_the_unstated_ones_form_a_group() -> None:
    """The drawer's primary holds in plantarflexion only; asked in neutral, its secondary (no position stated) may
    hold there: one group in no stated position, saying it assumed the position (review r30 I09: a posterior
    malleolus fracture's posterior translation vanished in neutral, its only stated position the PTFL's)."""
    item = group(run(RULE, (UNSTATED, 3), position=NEUTRAL), DRAWER, None)
    assert lost_restraints(item) == {UNSTATED: GRADE_LOSS[3]} and item.restraints_recorded == 1
    assert item.note is not None and item.note.startswith("asked for the fixture neutral position")
    assert not has_group(run(RULE, (P, 3), position=NEUTRAL), DRAWER, None)  # stated in plantarflexion only
    assert not has_group(run(RULE, (UNSTATED, 3), position=PLANTARFLEXED), DRAWER, None)  # its group is stated


def test_a_motion_with_no_stated_position_is_one_group_with_position_none() -> None:
    report = run(RULE, (SLIDE_P, 3))
    item = group(report, SLIDE, None)
    assert item.position is None
    assert item.status is Stability.LAXITY  # the unstated secondary is intact
    assert item.fraction_lost == pytest.approx(PRIMARY / ROLE_TOTAL, abs=1e-4)
    assert group(run(RULE, (SLIDE_P, 3), (UNSTATED, 3)), SLIDE, None).status is Stability.UNSTABLE
    # a restraint whose position is not stated may hold in any: limiting the answer to one keeps it
    assert has_group(run(RULE, (SLIDE_P, 3), position=NEUTRAL), SLIDE, None)


def test_instability_symptom_needs_laxity_or_worse() -> None:
    unstable = findings(run(RULE, (P, 3), (S, 3)).symptoms)
    assert RULE in rule_ids(unstable[INSTABILITY])
    # lax with the primary wholly lost (the secondary still checks it): gives way; lax from a partial tear only: the
    # mild laxity gives none (review r31 C01: a grade II ATFL read with the giving way of a rupture)
    lax = run(RULE, (P, 3))
    assert group(lax, TRANSLATION).status is Stability.LAXITY and INSTABILITY in findings(lax.symptoms)
    mild = run(RULE, (P, 2))
    assert group(mild, TRANSLATION).status is Stability.LAXITY and INSTABILITY not in findings(mild.symptoms)
    assert "mild laxity, no primary restraint of it wholly lost" in (group(mild, TRANSLATION).note or "")
    reduced = run(RULE, (S, 3))
    assert reduced.destabilised_motions
    assert all(d.status is Stability.REDUCED for d in reduced.destabilised_motions)
    assert INSTABILITY not in findings(reduced.symptoms)
    assert INSTABILITY not in findings(run(RULE, (P, 1)).symptoms)  # "a grade I sprain does not"


def test_a_motion_unstable_through_a_fracture_gives_no_instability_symptom() -> None:
    """A ligament carried off by its fractured malleolus makes its motion as unstable as its tear does, but the
    unstable fracture's symptoms are its own, not giving way (blinded review r48 C14: a trimalleolar fracture listed
    'instability or giving way'). Fixture of rule fragment-carries-ligaments: the collateral ligament, on a loose
    malleolus, is the only restraint of the translation at a joint whose instability is felt."""
    fixture, malleolus, ligament = "rule:fragment-carries-ligaments", "ANKLE:9992601", "ANKLE:9992602"
    carried = run(fixture, (malleolus, 3))
    assert group(carried, TRANSLATION, None).status is Stability.UNSTABLE
    assert INSTABILITY not in findings(carried.symptoms)
    torn = run(fixture, (ligament, 3))
    assert group(torn, TRANSLATION, None).status is Stability.UNSTABLE
    assert RULE in rule_ids(findings(torn.symptoms)[INSTABILITY])


def test_a_ligamentous_instability_beside_a_broken_bone_of_the_joint_gives_no_instability_symptom() -> None:
    """A motion unstable from torn ligaments alone gives way; with a bone of the joint broken too, the injury is an
    unstable fracture, whose symptoms are its own (blinded review r47: a Weber C fracture, its syndesmosis torn above
    the broken fibula, listed 'instability or giving way')."""
    bone = "ANKLE:9990930"
    assert INSTABILITY in findings(run(RULE, (P, 3), (S, 3)).symptoms)
    with_fracture = run(RULE, (P, 3), (S, 3), (bone, 3))
    assert group(with_fracture, TRANSLATION).status is Stability.UNSTABLE  # still listed, with its tests
    assert INSTABILITY not in findings(with_fracture.symptoms)


@pytest.mark.parametrize(
    ("injuries", "status", "gives_way"),
    [
        ([(PIVOT_A, 3)], Stability.LAXITY, False),  # its partner, a primary restraint too, still checks the motion
        ([(PIVOT_A, 3), (PIVOT_B, 2)], Stability.LAXITY, False),  # the partner partly torn still checks it
        ([(PIVOT_A, 3), (PIVOT_B, 3)], Stability.UNSTABLE, True),  # no primary left, no secondary recorded
    ],
    ids=["one-torn", "one-torn-partner-half", "both-torn"],
)
def test_a_primary_torn_while_another_checks_the_motion_gives_no_way(
    injuries: list[tuple[str, int]], status: Stability, gives_way: bool
) -> None:
    """Lax, but the joint gives way only once every passive primary restraint of the motion is wholly lost: an
    isolated complete AITFL tear, one of two primary restraints of the talus's external rotation beside the deltoid,
    was read with 'instability or giving way' (the isolated AITFL injury the syndesmosis gradings call stable). The
    answer names the restraint that still checks the motion."""
    report = run(RULE, *injuries)
    item = group(report, PIVOT)
    assert item.status is status
    assert (INSTABILITY in findings(report.symptoms)) is gives_way  # the pivot is all these ligaments restrain
    if not gives_way:
        assert "with the fixture partner pivot ligament still checking the motion" in (item.note or "")
        assert "no giving way is concluded from it" in (item.note or "")


def test_with_measured_shares_one_wholly_lost_primary_of_a_lax_motion_gives_way() -> None:
    """Where every primary's share is measured, laxity already weighs what the intact primary holds (most of the
    measured restraint lost), so one wholly lost primary suffices: a Weber C fracture's AITFL and interosseous
    ligament, most of the syndesmosis's measured restraint, beside the intact transverse ligament."""
    lax = group(run(RULE, (P, 3), (LARGE_S, 3)), WIDENING, NEUTRAL)  # the other measured primary intact
    assert lax.status is Stability.LAXITY
    assert "no giving way" not in (lax.note or "") and "still checking" not in (lax.note or "")


@pytest.mark.parametrize(
    ("injuries", "status"),
    [
        # a primary carrying 0.35 of the measured restraint: less than half is lost, the others still check it
        ([(P, 3)], Stability.REDUCED),
        # with the measured secondary (0.32) as well: 0.67 of the measured restraint is lost
        ([(P, 3), (LARGE_S, 3)], Stability.LAXITY),
        # both primaries (0.68): lax, but not unstable while the secondary holds
        ([(P, 3), (P2, 3)], Stability.LAXITY),
        ([(P, 3), (P2, 3), (LARGE_S, 3)], Stability.UNSTABLE),
    ],
    ids=["one-measured-primary", "primary-and-secondary", "both-primaries", "all"],
)
def test_measured_shares_decide_laxity_when_every_primary_has_one(
    injuries: list[tuple[str, int]], status: Stability
) -> None:
    assert group(run(RULE, *injuries), WIDENING, NEUTRAL).status is status


def test_laxity_weighed_on_the_primaries_measured_shares_says_so_beside_a_role_weighted_score() -> None:
    """Every primary measured, one secondary measured and one not: the fraction is by role weights, the status by the
    measured shares (a primary half torn: 0.35 x 0.5 of 0.35 + 0.33 + 0.2, not lax), and the note gives those shares
    and that share (review r26 I6: a half-torn primary read lax in one motion and not in the next, with no reason
    shown; the re-score: a first note divided by the primaries' shares alone)."""
    item = group(run(RULE, (P, 2)), SPREAD, NEUTRAL)
    assert item.weighting == "role weights"
    share = 0.35 * GRADE_LOSS[2] / (0.35 + 0.33 + 0.2)
    assert (item.status is Stability.LAXITY) is (share >= LAXITY_THRESHOLD)
    assert item.note is not None and "measured contributions" in item.note and "35%" in item.note
    assert f"{100 * share:.0f}% of the measured restraint lost" in item.note
    measured = group(run(RULE, (P, 2)), WIDENING, NEUTRAL)
    assert measured.weighting == "measured contributions" and not (measured.note and "35%" in measured.note)


def test_instability_is_felt_only_at_the_joints_the_rule_names() -> None:
    # "of the talocrural, subtalar or inferior tibiofibular joint (akg:triggerJoint) ... nor does a collapsing arch"
    assert "ANKLE:0000009" in RULES[RULE].joints and "ANKLE:9990002" not in RULES[RULE].joints
    report = run(RULE, ("ANKLE:9990908", 3))  # the arch ligament is the arch's only restraint
    assert group(report, "ANKLE:9990918", None, joint="ANKLE:9990002").status is Stability.UNSTABLE
    assert INSTABILITY not in findings(report.symptoms)


def test_a_motion_with_no_recorded_primary_says_its_fraction_is_of_the_secondary_only() -> None:
    item = group(run(RULE, (S, 3)), "ANKLE:9990919", None)
    assert item.fraction_lost == pytest.approx(1.0)
    assert item.status is Stability.REDUCED  # a secondary alone never gives laxity
    assert item.note and "no primary restraint" in item.note
    assert group(run(RULE, (P, 3)), TRANSLATION, PLANTARFLEXED).note is None


SWAY, TENDON = "ANKLE:9990920", "ANKLE:9990909"


@pytest.mark.parametrize("grade", [2, 3])
def test_a_lost_dynamic_restraint_reduces_restraint_but_is_no_laxity(grade: int) -> None:
    item = group(run(RULE, (TENDON, grade)), SWAY, None)
    assert item.status is Stability.REDUCED  # a ligament lost as primary would be lax (primary-2) or worse
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[grade] * PRIMARY / ROLE_TOTAL, abs=1e-4)
    # with the secondary ligament torn too the primary counts as holding, so a lost secondary alone: reduced
    both = group(run(RULE, (TENDON, 3), (S, grade)), SWAY, None)
    assert both.status is Stability.REDUCED
    fraction = (GRADE_LOSS[3] * PRIMARY + GRADE_LOSS[grade] * SECONDARY) / ROLE_TOTAL
    assert both.fraction_lost == pytest.approx(fraction, abs=1e-4)


SPLAY, SECOND_PRIMARY = "ANKLE:9990922", "ANKLE:9990903"


def test_once_the_passive_primaries_are_gone_a_lost_dynamic_secondary_counts() -> None:
    """'Once every passive primary restraint of the motion is completely lost, the muscles and tendons recorded to
    check it are all that does, and one that no longer acts counts as lost': the ligament torn with the tendon that
    backs it up is unstable; the ligament alone, lax; the tendon alone, reduced; the ligament torn in part, lax."""
    assert group(run(RULE, (SECOND_PRIMARY, 3), (TENDON, 3)), SPLAY, None).status is Stability.UNSTABLE
    assert group(run(RULE, (SECOND_PRIMARY, 3)), SPLAY, None).status is Stability.LAXITY
    assert group(run(RULE, (TENDON, 3)), SPLAY, None).status is Stability.REDUCED
    assert group(run(RULE, (SECOND_PRIMARY, 2), (TENDON, 3)), SPLAY, None).status is Stability.LAXITY


NUDGE = "ANKLE:9990921"


def test_a_position_that_is_only_the_editors_reading_hides_nothing_from_another_position() -> None:
    """Asked for the neutral position, the nudge (its plantarflexed position the editor's reading) still shows,
    as a restraint whose position is not stated; the translation's source-stated secondary does not move. Its loss
    counts in the fraction but decides no verdict there: the answer says what the verdict would be were it to hold
    in the asked position (review r29 C04: the ATFL, read in neutral only, made talar tilt unstable in dorsiflexion)."""
    neutral = group(run(RULE, (P, 3), position=NEUTRAL), NUDGE, None)
    assert neutral.status is Stability.REDUCED and neutral.fraction_lost == pytest.approx(1.0)
    assert neutral.note is not None and (
        "unstable if the fixture primary ligament's restraint held in the fixture neutral position too: the editor "
        "reads it in the fixture plantarflexed position only") in neutral.note
    assert group(run(RULE, (P, 3), position=PLANTARFLEXED), NUDGE, PLANTARFLEXED).status is Stability.UNSTABLE
    assert has_group(run(RULE, (P, 3)), NUDGE, PLANTARFLEXED)  # unasked, it keeps the editor's position
    assert not has_group(run(RULE, (S, 3), position=PLANTARFLEXED), TRANSLATION, PLANTARFLEXED)


def test_a_position_the_editors_reading_names_is_kept_when_asked() -> None:
    """Asked for the plantarflexed position that the editor's reading names, the nudge shows in it, with no note
    that a position was assumed; asked for another, it shows in no stated position, and says the answer assumed it."""
    asked = run(RULE, (P, 3), position=PLANTARFLEXED)
    item = group(asked, NUDGE, PLANTARFLEXED)
    assert item.note is None or not item.note.startswith("asked for")
    other = group(run(RULE, (P, 3), position=NEUTRAL), NUDGE, None)
    assert other.note is not None and other.note.startswith("asked for")


TWIST = "ANKLE:9990923"


def test_a_structure_is_one_restraint_of_a_motion_in_a_position() -> None:
    """'A structure counts once among a motion's restraints in a position: the record that states the position,
    else its primary one.' Asked for plantarflexion, the ligament's neutral secondary record (the editor's reading,
    so taken as position-less) does not join its primary one: one of two restraints lost, not two of three."""
    item = group(run(RULE, (P, 3), position=PLANTARFLEXED), TWIST, PLANTARFLEXED)
    assert (item.restraints_lost, item.restraints_recorded) == (1, 2)
    assert [r.role for r in item.lost_restraints] == ["primary"]
    assert item.fraction_lost == pytest.approx(0.5)


@pytest.mark.parametrize(("motion", "said"), [
    # review r43 I07: the AITFL's loss made external rotation of the talus lax by a primary role its source does not
    # name
    ("ANKLE:9990925", "the verdict rests on the fixture slide ligament's role as a primary restraint, the editor's "
     "reading"),
    # editor42: Huang 1993 disputes the spring ligament's primary role for the arch (the role counts as recorded)
    ("ANKLE:9990926", "the fixture slide ligament's primary role is disputed by fixture dissenting study (the verdict "
     "counts the role as recorded)"),
], ids=["editors-reading", "disputed"])
def test_a_verdict_resting_on_a_primary_role_no_source_names_or_one_disputes_says_so(motion: str, said: str) -> None:
    """A verdict of laxity resting on a wholly lost primary whose role is the editor's reading, or disputed by a
    source read, says so where the verdict is; a motion only less checked (its secondary lost) says nothing."""
    lax = group(run(RULE, ("ANKLE:9990907", 3)), motion, position=None)
    assert lax.status is Stability.LAXITY
    assert lax.note is not None and said in lax.note
    reduced = group(run(RULE, ("ANKLE:9990903", 3)), motion, position=None)
    assert reduced.status is Stability.REDUCED
    assert "the verdict rests on" not in (reduced.note or "") and "disputed" not in (reduced.note or "")


def test_a_laxity_resting_only_on_a_disputed_primary_role_gives_no_way() -> None:
    """The slide ligament torn alone leaves the nod lax on its primary role as recorded, which a source read disputes
    (Wheeless: 'isolated rupture of the calcaneofibular ligament probably does not cause demonstrable ankle laxity'):
    no giving way, and the note says why (blinded review r49 C4). Torn with the nod's secondary, the nod is unstable
    and gives way; the sway, whose primary role is the editor's reading but disputed by none, gives way alone."""
    from app.reasoning.impact.mechanics import DISPUTED_ALONE

    alone = run(RULE, ("ANKLE:9990907", 3))
    nod = group(alone, "ANKLE:9990926", position=None)
    assert nod.status is Stability.LAXITY and nod.note is not None and DISPUTED_ALONE in nod.note
    both = group(run(RULE, ("ANKLE:9990907", 3), ("ANKLE:9990903", 3)), "ANKLE:9990926", position=None)
    assert both.status is Stability.UNSTABLE and DISPUTED_ALONE not in (both.note or "")
    sway = group(alone, "ANKLE:9990925", position=None)
    assert sway.status is Stability.LAXITY and "no giving way is concluded" not in (sway.note or "")
