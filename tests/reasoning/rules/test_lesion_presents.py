"""rule:lesion-presents: a lesion presents as its sources say for its kind of structure.

Definition: a structure the injury damages (named, a part of a named whole, or damaged by the named condition)
presents with each symptom that a sourced lesion presentation gives for its lesion mechanism and a kind of structure
it is, from the grade the presentation states (a part torn with its whole through the whole, for the same symptom);
nothing else follows from it.
"""

from __future__ import annotations

import pytest

from tests.reasoning.rules.fixture import findings, rule_ids, run

RULE = "rule:lesion-presents"
LIGAMENT, BONE, NERVE, COMPLEX, SPRAIN = (
    "ANKLE:9992401", "ANKLE:9992402", "ANKLE:9992403", "ANKLE:9992404", "ANKLE:9992405",
)  # fmt: skip
PAIN, BRUISING = "ANKLE:9992411", "ANKLE:9992412"
SPRAIN_PAIN, SPRAIN_BRUISING, FRACTURE_PAIN = "ANKLE:9992421", "ANKLE:9992422", "ANKLE:9992423"


def fact_ids(report_finding: object) -> set[str]:
    return {f.fact.id for f in report_finding.because if f.fact is not None}  # type: ignore[attr-defined]


@pytest.mark.parametrize(("grade", "expected"), [(1, {PAIN}), (2, {PAIN, BRUISING}), (3, {PAIN, BRUISING})])
def test_a_sprained_ligament_presents_from_the_grade_each_source_states(grade: int, expected: set[str]) -> None:
    report = run(RULE, (LIGAMENT, grade))
    found = findings(report.symptoms)
    assert set(found) == expected
    assert RULE in rule_ids(found[PAIN])
    assert SPRAIN_PAIN in fact_ids(found[PAIN])
    assert report.destabilised_motions == [] and report.expected_positive_tests == []  # nothing else follows


def test_a_fracture_presents_by_its_own_lesion_not_the_sprain_s() -> None:
    found = findings(run(RULE, (BONE, 3)).symptoms)
    assert set(found) == {PAIN}
    assert fact_ids(found[PAIN]) == {FRACTURE_PAIN}


def test_a_kind_with_no_presentation_presents_with_nothing() -> None:
    assert run(RULE, (NERVE, 3)).symptoms == []


def test_the_parts_of_a_named_whole_and_the_structures_of_a_named_condition_present() -> None:
    for named in (COMPLEX, SPRAIN):
        found = findings(run(RULE, (named, 2)).symptoms)
        assert {PAIN, BRUISING} <= set(found), named
        assert RULE in rule_ids(found[PAIN])


WHOLE, BAND = "ANKLE:9992406", "ANKLE:9992407"


def test_a_band_torn_with_its_whole_presents_through_the_whole() -> None:
    """The whole's tear presents; its band, torn with it, is not listed again for the same symptom (review r18b: every
    band of the deltoid ligament named in each symptom line); named alone, the band presents itself."""
    detail = findings(run(RULE, (WHOLE, 3)).symptoms)[PAIN].detail
    assert "fixture ligament with a band" in detail
    assert "fixture band" not in detail.replace("fixture ligament with a band", "")
    assert "fixture band" in findings(run(RULE, (BAND, 3)).symptoms)[PAIN].detail
