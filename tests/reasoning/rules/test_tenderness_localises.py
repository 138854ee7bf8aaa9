"""rule:tenderness-localises: tenderness is over the injured structure.

Definition: a structure the injury damages (named, a part of a named whole, or damaged by a named condition) is a
site of tenderness when tenderness is what its lesion presents with for its kind (rule lesion-presents) or what a
condition the injury amounts to, or the user named, that affects it records; a part torn with its whole is palpated
as the whole. A listing of where to feel, not a finding.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import findings, rule_ids, run

RULE = "rule:tenderness-localises"
LIGAMENT, BONE, TENDON, NERVE, RUPTURE, BAND = (
    "ANKLE:9993701", "ANKLE:9993702", "ANKLE:9993703", "ANKLE:9993705", "ANKLE:9993706", "ANKLE:9993707",
)  # fmt: skip
LIGAMENT_PRESENTS, BONE_PRESENTS = "ANKLE:9993721", "ANKLE:9993722"


@pytest.mark.parametrize(("injured", "grade", "presentation"), [
    (LIGAMENT, 1, LIGAMENT_PRESENTS), (LIGAMENT, 3, LIGAMENT_PRESENTS), (BONE, 3, BONE_PRESENTS),
])  # fmt: skip
def test_a_structure_whose_lesion_presents_with_tenderness_is_tender_over_itself(
    injured: str, grade: int, presentation: str
) -> None:
    sites = findings(run(RULE, (injured, grade)).tender_sites)
    assert set(sites) == {injured}
    assert RULE in rule_ids(sites[injured])
    assert presentation in {f.fact.id for f in sites[injured].because if f.fact is not None}


def test_a_part_torn_with_its_whole_is_felt_as_the_whole() -> None:
    assert set(findings(run(RULE, (LIGAMENT, 3)).tender_sites)) == {LIGAMENT}  # not the band again
    assert set(findings(run(RULE, (BAND, 3)).tender_sites)) == {BAND}  # the band torn alone is itself


def test_a_condition_that_records_tenderness_makes_what_it_affects_tender() -> None:
    """No presentation gives a torn tendon tenderness; the rupture it amounts to records it."""
    sites = findings(run(RULE, (TENDON, 3)).tender_sites)
    assert set(sites) == {TENDON}
    assert "fixture tendon rupture" in sites[TENDON].detail
    assert {f.predicate.id for f in sites[TENDON].because} >= {"akg:hasSymptom", "akg:affects"}


def test_nothing_tender_where_nothing_says_so() -> None:
    assert run(RULE, (NERVE, 3)).tender_sites == []


def test_a_bone_fractured_at_a_part_is_felt_at_the_part_not_along_the_bone() -> None:
    """A condition that fractures a bone at one of its parts (a Maisonneuve injury: the fibula, at its proximal third)
    is tender over the part (review r45 C12, C13); the bone named alone is tender over itself (above)."""
    sites = findings(run(RULE, ("ANKLE:9993709", 3)).tender_sites)
    assert set(sites) == {"ANKLE:9993708"}
    assert RULE in rule_ids(sites["ANKLE:9993708"])
