"""rule:numbness: an injured or compressed nerve numbs its territory.

Definition: the skin in the sensory territory (akg:sensoryTerritory) of an injured or compressed nerve, or of any
of its branches, loses sensation: numbness and tingling; compression also burns. A grade I or II lesion: reduced,
not lost, sensation.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import (
    BURNING,
    DENERVATION_LOSS,
    NUMBNESS,
    RULES,
    TINGLING,
    findings,
    rule_ids,
    run,
)

RULE = "rule:numbness"
NERVE, BRANCH, OTHER, TUNNEL_NERVE, TUNNEL, LIGAMENT, LANDMARK, PALSY, NEUROPATHY = (
    f"ANKLE:99914{n:02d}" for n in range(1, 10)
)
DORSUM, WEB, HEEL, SOLE = (f"ANKLE:99914{n}" for n in range(11, 15))


def test_the_declared_conclusions() -> None:
    assert set(RULES[RULE].concludes) == {NUMBNESS, TINGLING}


@pytest.mark.parametrize("grade", [1, 2, 3])
def test_the_territories_of_a_nerve_and_its_branches(grade: int) -> None:
    report = run(RULE, (NERVE, grade))
    numb = findings(report.numbness_areas)
    assert set(numb) == {DORSUM, WEB}  # not the other nerve's heel skin
    # by the motor side's share of the grade (rule nerve-denervates): a grade I neurapraxia numbs a quarter, where a
    # stretched ligament loses none of its restraint (it scored 0, below every hedged finding)
    assert numb[DORSUM].score > 0
    assert numb[DORSUM].score == pytest.approx(DENERVATION_LOSS[grade])
    assert "injured" in numb[DORSUM].detail
    assert ("sensation reduced, not lost" in numb[DORSUM].detail) == (grade < 3)
    assert all(RULE in rule_ids(f) for f in numb.values())
    symptoms = findings(report.symptoms)
    assert {NUMBNESS, TINGLING} <= set(symptoms)
    assert BURNING not in symptoms  # a cut nerve does not burn


def test_a_branch_numbs_only_its_own_territory() -> None:
    numb = findings(run(RULE, (BRANCH, 3)).numbness_areas)
    assert set(numb) == {WEB}
    assert "leaves it" not in numb[WEB].detail  # named itself: no level to hedge


def test_a_branch_reached_from_its_nerve_says_at_which_level() -> None:
    """The branch's skin is numb only if the named nerve is injured above where the branch leaves it: said, as for
    its muscles (review r41 I06: the lateral sural cutaneous nerve leaves above the neck of the fibula)."""
    numb = findings(run(RULE, (NERVE, 3)).numbness_areas)
    assert ("if the fixture nerve is injured above where its branch, the fixture branch, leaves it"
            in numb[WEB].detail)
    assert "leaves it" not in numb[DORSUM].detail  # the nerve's own territory
    # through a condition with no site, the nerve is named, not the condition ("if the common fibular nerve palsy is
    # injured above ...", fifteenth session)
    web = findings(run(RULE, (NEUROPATHY, 3)).numbness_areas)[WEB]
    assert "if the fixture nerve is injured above where its branch, the fixture branch, leaves it" in web.detail


def test_a_branch_leaving_below_the_site_of_a_palsy_says_so_with_its_fact() -> None:
    """A condition at a site below which the branch is recorded to leave (akg:leavesBelow) takes it for certain: the
    level is said with that fact, not hedged (the superficial fibular nerve in a palsy at the neck of the fibula)."""
    web = findings(run(RULE, (PALSY, 3)).numbness_areas)[WEB]
    assert "leaves the fixture nerve at or below the fixture landmark, the site of the fixture palsy" in web.detail
    assert "injured above" not in web.detail
    assert any(f.predicate.id == "akg:leavesBelow" and f.object and f.object.id == LANDMARK for f in web.because)


def test_a_compressed_nerve_numbs_too() -> None:
    numb = findings(run(RULE, (TUNNEL, 3)).numbness_areas)
    assert set(numb) == {SOLE}
    assert "compressed" in numb[SOLE].detail


def test_no_nerve_no_numbness() -> None:
    report = run(RULE, (LIGAMENT, 3))
    assert report.numbness_areas == []
    assert NUMBNESS not in findings(report.symptoms)


def test_a_nerve_s_own_skin_follows_the_branch_that_supplies_it_against_the_lesion_s_site() -> None:
    """An entrapment at a site spares the nerve's own territory that a branch leaving above the site supplies, numbs
    for certain the one a branch leaving at or below it supplies (with that fact), and hedges the one whose branch's
    level is not recorded (a tarsal tunnel syndrome and the medial heel: editor45, Havel 1988)."""
    report = run(RULE, ("ANKLE:9991428", 3))
    numb = findings(report.numbness_areas)
    assert "ANKLE:9991421" not in numb  # spared: its branch leaves above the retinaculum
    certain = numb["ANKLE:9991426"]
    assert "if its" not in certain.detail
    assert "akg:leavesBelow" in {f.predicate.id for f in certain.because}
    hedged = numb["ANKLE:9991423"]
    assert "if its fixture variable branch" in hedged.detail and "not recorded" in hedged.detail
    assert hedged.score == certain.score / 2  # ranked below the certain skin, as a test that may be positive is
    # the same nerve named alone has no site: its whole territory, unhedged by these branches
    alone = findings(run(RULE, ("ANKLE:9991420", 3)).numbness_areas)
    assert {"ANKLE:9991421", "ANKLE:9991423", "ANKLE:9991426"} <= set(alone)
    assert "not recorded" not in alone["ANKLE:9991423"].detail
