"""rule:retinaculum-holds-tendons: a torn retinaculum lets its tendons sublux.

Definition: a retinaculum that loses continuity at grade II or more (minimum_grade, a convention) no longer holds
the tendons that pass beneath it (akg:passesThrough): they may sublux or dislocate from their groove (tendon
instability) while keeping their continuity, so the muscles keep their actions.
"""

from __future__ import annotations

import pytest

from app.reasoning.impact import Reach
from tests.reasoning.rules.fixture import (
    GRADE_LOSS,
    LOSS,
    RETINACULUM_GRADE,
    TENDON_INSTABILITY,
    TRANSLATION,
    affected,
    ref_id,
    restraint_lost,
    rule_ids,
    run,
)

RULE = "rule:retinaculum-holds-tendons"
RETINACULUM, FIRST_TENDON, SECOND_TENDON, MUSCLE, NERVE, OTHER_TENDON, ENTRAPMENT, GLIDE = (
    f"ANKLE:99919{n}" for n in range(41, 49)
)


def test_the_declared_minimum_grade_matches_the_definition() -> None:
    assert RETINACULUM_GRADE == 2  # "at grade II or more"


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_the_tendons_beneath_a_torn_retinaculum_sublux_from_the_minimum_grade(grade: int) -> None:
    reached = affected(run(RULE, (RETINACULUM, grade)))
    for tendon in (FIRST_TENDON, SECOND_TENDON):
        if grade < RETINACULUM_GRADE:  # a stretched retinaculum still holds
            assert tendon not in reached
            continue
        assert reached[tendon].reached is Reach.SUBLUXED
        assert ref_id(reached[tendon].lesion) == TENDON_INSTABILITY
        assert ref_id(reached[tendon].via) == RETINACULUM
        assert RULE in rule_ids(reached[tendon])


def test_subluxed_tendons_keep_their_continuity() -> None:
    report = run(RULE, (RETINACULUM, 3))
    assert MUSCLE not in affected(report)  # the muscle keeps its action ...
    assert report.weakened_motions == []
    assert report.destabilised_motions == []  # ... and the displaced tendon its restraint


def test_only_the_tendons_beneath_it() -> None:
    reached = affected(run(RULE, (RETINACULUM, 3)))
    assert NERVE not in reached  # not a tendon
    assert OTHER_TENDON not in reached  # not beneath it


def test_the_retinaculum_at_the_site_of_an_entrapment_holds() -> None:
    report = run(RULE, (ENTRAPMENT, 3))
    reached = affected(report)
    assert reached[RETINACULUM].reached is Reach.SITE
    assert not {FIRST_TENDON, SECOND_TENDON} & set(reached)
    assert report.destabilised_motions == []


def test_a_named_torn_tendon_stays_torn_when_its_retinaculum_is_torn_more() -> None:
    # the tendon named without a condition loses continuity (rule default-lesion) whatever its retinaculum does
    report = run(RULE, (FIRST_TENDON, 2), (RETINACULUM, 3))
    tendon = affected(report)[FIRST_TENDON]
    assert tendon.lesion is not None and tendon.lesion.id == LOSS
    assert restraint_lost(report, GLIDE, FIRST_TENDON) == GRADE_LOSS[2]
    assert report.weakened_motions and report.weakened_motions[0].motion.id == TRANSLATION
