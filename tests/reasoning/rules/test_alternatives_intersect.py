"""rule:alternatives-intersect: a condition of one of several structures concludes only what holds whichever it is.

Definition: when a named condition affects some structures as one of alternatives (akg:involvement
akg:OneOfAlternatives on its akg:affects axioms), the injury is worked out once for each alternative (that
structure with the condition's other affected structures) and only the conclusions that follow in every reading
are reported, each at its weakest (lowest score) and with the reasons of every reading. The alternatives are
listed among the injuries as one of the condition's alternatives; what would follow from one alone is not
concluded.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach, Strength
from tests.reasoning.rules.fixture import (
    LOSS,
    NEUTRAL,
    TRANSLATION,
    affected,
    findings,
    group,
    has_group,
    ref_id,
    rule_ids,
    run,
    weakness,
)

RULE = "rule:alternatives-intersect"
EITHER, BOTH, LONE = "ANKLE:9992101", "ANKLE:9992102", "ANKLE:9992103"
FIRST_TENDON, SECOND_TENDON, FIRST_MUSCLE, SECOND_MUSCLE, LIGAMENT, TILT, GLIDE = (
    f"ANKLE:99921{n}" for n in range(11, 18)
)
FIRST_TEAR, SECOND_TEAR, SEQUEL = "ANKLE:9992118", "ANKLE:9992119", "ANKLE:9992120"


@pytest.mark.parametrize("grade", [2, 3])
def test_the_alternatives_are_listed_but_not_damaged(grade: int) -> None:
    reached = affected(run(RULE, (EITHER, grade)))
    for tendon in (FIRST_TENDON, SECOND_TENDON):
        assert reached[tendon].reached is Reach.ALTERNATIVE
        assert reached[tendon].lesion is None
        assert ref_id(reached[tendon].via) == EITHER
        assert RULE in rule_ids(reached[tendon])
    # what the condition always involves is damaged as rule condition-lesions says
    assert reached[LIGAMENT].reached is Reach.CONDITION
    assert ref_id(reached[LIGAMENT].lesion) == LOSS
    # a muscle that only one reading unloads is not reached
    assert FIRST_MUSCLE not in reached and SECOND_MUSCLE not in reached


def test_only_what_every_reading_concludes_is_reported() -> None:
    either = run(RULE, (EITHER, 3))
    # whichever tendon is torn, one of the two prime movers is lost: the translation is weak, not lost
    weak = weakness(either, TRANSLATION)
    assert weak.status is Strength.WEAK
    assert RULE in rule_ids(weak)
    # the reasons of both readings: each tendon's unloading of its muscle
    muscles = {f.subject.id for f in weak.because if f.predicate.id == "akg:tendonOf"}
    assert muscles == {FIRST_TENDON, SECOND_TENDON}
    # what each reading lost, side by side: the first muscle in one, the second in the other
    assert {a.id for a in weak.lost_actions} == {FIRST_MUSCLE, SECOND_MUSCLE}
    # the tilt is restrained by the first tendon only: one reading loses it, the other does not
    assert not has_group(either, TILT, NEUTRAL)
    # the ligament is torn in every reading: its motion is destabilised as without alternatives
    assert RULE in rule_ids(group(either, GLIDE))


def test_what_each_reading_only_weakens_is_not_said_lost() -> None:
    """At grade II each reading tears its tendon in part: both muscles are listed as weakened, neither as lost
    (blinded review r49 C5: a peroneal tendon tear at grade II read 'fibularis brevis lost; fibularis longus
    weakened', the partly lost muscles of one reading only)."""
    weak = weakness(run(RULE, (EITHER, 2)), TRANSLATION)
    assert {a.id for a in weak.lost_actions} == {FIRST_MUSCLE, SECOND_MUSCLE}
    assert {a.id for a in weak.partly_lost} == {FIRST_MUSCLE, SECOND_MUSCLE}
    complete = weakness(run(RULE, (EITHER, 3)), TRANSLATION)
    assert not complete.partly_lost  # each reading loses its muscle's action whole


def test_without_the_marking_every_affected_structure_is_torn() -> None:
    both = run(RULE, (BOTH, 3))
    assert weakness(both, TRANSLATION).status is Strength.LOST  # its only two producers
    assert has_group(both, TILT, NEUTRAL)
    reached = affected(both)
    assert {reached[t].reached for t in (FIRST_TENDON, SECOND_TENDON)} == {Reach.CONDITION}


def test_a_lone_alternative_is_involved_like_any_other() -> None:
    reached = affected(run(RULE, (LONE, 3)))
    assert reached[FIRST_TENDON].reached is Reach.CONDITION


def test_each_named_condition_is_read_on_its_own() -> None:
    """Naming the condition of both tendons with the one of either: every reading tears both."""
    report = run(RULE, (EITHER, 3), (BOTH, 3))
    assert weakness(report, TRANSLATION).status is Strength.LOST


def test_a_conclusion_every_reading_reaches_by_its_own_reason_names_each_as_one_alternative() -> None:
    """The sequel follows the first tendon's tear in one reading and the second's in the other: its detail says it
    follows either, never one reading's reason as if certain; the conditions of one tendon alone are not concluded."""
    report = run(RULE, (EITHER, 3))
    sequel = findings(report.long_term_risks)[SEQUEL]
    assert "either may follow fixture first tendon tear or may follow fixture second tendon tear" in sequel.detail
    assert RULE in rule_ids(sequel)
    assert {f.subject.id for f in sequel.because if f.predicate.id == "akg:mayLeadTo"} == {FIRST_TEAR, SECOND_TEAR}
    assert not {FIRST_TEAR, SECOND_TEAR} & set(findings(report.conditions))
    both = findings(run(RULE, (BOTH, 3)).long_term_risks)[SEQUEL]  # no alternatives: both reasons hold together
    assert "either" not in both.detail and "fixture first tendon tear" in both.detail


def test_every_section_is_intersected() -> None:
    """A section the intersection does not know keeps the first reading's items unchecked (the treatments section
    did, until its own test of complete reasons failed)."""
    from app.reasoning.impact import SECTIONS
    from app.reasoning.impact.alternatives import conclusion_keys

    assert set(conclusion_keys()) == set(SECTIONS)
