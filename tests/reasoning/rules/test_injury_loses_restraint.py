"""rule:injury-loses-restraint: a structure that loses continuity loses its restraints.

Definition: a structure that loses continuity (or a muscle that is denervated or whose tendon is torn) loses a
share of every restraint it provides, by grade (the declared grade1..grade3 parameters). No other lesion removes a
restraint by itself: a fracture, a degeneration, an inflammation, a compression or a subluxation of tendons
leaves the restraints of the soft tissues in place.
"""

from __future__ import annotations

import re

import pytest

from tests.reasoning.rules.fixture import (
    GRADE_LOSS,
    JOINT,
    PRIMARY,
    RULES,
    SECONDARY,
    TRANSLATION,
    group,
    lost_restraints,
    restraint_lost,
    rule_ids,
    run,
)

RULE = "rule:injury-loses-restraint"
PRIMARY_LIG, SECONDARY_LIG, MUSCLE, NERVE, TENDON, BONE, GLIDING_TENDON, RETINACULUM = (
    f"ANKLE:99906{n:02d}" for n in range(1, 9)
)
DEGENERATION, TENOSYNOVITIS, ENTRAPMENT = "ANKLE:9990611", "ANKLE:9990612", "ANKLE:9990613"
TOTAL = PRIMARY + SECONDARY + SECONDARY  # two ligaments and the muscle restrain the translation


def test_the_declared_shares_match_the_definition() -> None:
    text = RULES[RULE].description
    words = {"none": 0.0, "a quarter": 0.25, "half": 0.5, "all of it": 1.0}
    stated = {}
    for numeral, grade in (("I", 1), ("II", 2), ("III", 3)):
        found = re.search(rf"grade {numeral} \([^)]*\) ({'|'.join(words)})", text)
        assert found, f"the definition states no share for grade {numeral}"
        stated[grade] = words[found.group(1)]
    assert stated == GRADE_LOSS


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_the_share_lost_follows_the_grade(grade: int) -> None:
    report = run(RULE, (PRIMARY_LIG, grade))
    assert restraint_lost(report, TRANSLATION, PRIMARY_LIG) == GRADE_LOSS[grade]
    if GRADE_LOSS[grade]:
        item = group(report, TRANSLATION)
        assert lost_restraints(item) == {PRIMARY_LIG: GRADE_LOSS[grade]}
        assert item.fraction_lost == pytest.approx(GRADE_LOSS[grade] * PRIMARY / TOTAL, abs=1e-4)
        assert RULE in rule_ids(item)
    else:
        assert report.destabilised_motions == []  # nothing lost, nothing destabilised


def test_a_denervated_muscle_loses_its_dynamic_restraint() -> None:
    item = group(run(RULE, (NERVE, 2)), TRANSLATION)
    assert lost_restraints(item) == {MUSCLE: GRADE_LOSS[2]}
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[2] * SECONDARY / TOTAL, abs=1e-4)


@pytest.mark.parametrize("grade", [g for g in (1, 2, 3) if GRADE_LOSS[g] > 0])
def test_a_muscle_whose_tendon_is_torn_loses_its_dynamic_restraint(grade: int) -> None:
    item = group(run(RULE, (TENDON, grade)), TRANSLATION)
    assert lost_restraints(item) == {MUSCLE: GRADE_LOSS[grade]}
    assert item.fraction_lost == pytest.approx(GRADE_LOSS[grade] * SECONDARY / TOTAL, abs=1e-4)


@pytest.mark.parametrize(
    "injury",
    [(BONE, 3), (DEGENERATION, 3), (TENOSYNOVITIS, 3), (ENTRAPMENT, 3), (RETINACULUM, 3)],
    ids=["fracture", "degeneration", "inflammation", "compression", "subluxation"],
)
def test_no_other_lesion_removes_a_restraint(injury: tuple[str, int]) -> None:
    # the bone and the gliding tendon restrain the glide, the degenerated ligament and the entrapped nerve's muscle
    # the translation; the torn retinaculum (which restrains nothing) lets the gliding tendon sublux
    assert run(RULE, injury).destabilised_motions == []


def test_no_restraining_structure_no_loss() -> None:
    assert run(RULE, (JOINT, 3)).destabilised_motions == []
