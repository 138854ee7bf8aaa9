"""The differential is the impact answer read backwards, over every candidate structure of the bundled data.

Whatever the impact answer predicts for an injured structure (an unstable or less restrained motion, a motion weak
in the clinic, a positive test, numb skin), the differential asked about that one finding lists that structure
among its candidates. Review round 9 found the break this guards against: the PTFL's injury reduces the restraint
of posterior talar translation, yet 'unstable posterior talar translation' gave no candidate at all.
"""

from __future__ import annotations

import pytest

from app.kg import AnkleKG
from app.reasoning.impact import Strength
from tests.conftest import ROOT
from tests.datafacts import select

#: the differential's candidates, as its engine chooses them (structures that restrain, act, sense or are tested)
CANDIDATES = sorted(
    {row["s"] for row in select("SELECT ?s WHERE { ?r akg:restrainingStructure ?s }")}
    | {row["s"] for row in select("SELECT ?s WHERE { ?a akg:actingMuscle ?s }")}
    | {row["s"] for row in select("SELECT ?s WHERE { ?s akg:sensoryTerritory ?a }")}
)


def predicted(kg: AnkleKG, structure: str) -> dict[tuple[str, str], str]:
    """What the impact answer for a complete injury of ``structure`` predicts a clinician would find."""
    report = kg.impact([(structure, 3)])
    findings: dict[tuple[str, str], str] = {}
    for d in report.destabilised_motions:
        findings[("unstable_motions", d.motion.id)] = d.motion.label
    for w in report.weakened_motions:
        if w.status is not Strength.ASSISTANTS_LOST:  # not weak in the clinic: nothing to find
            findings[("weak_motions", w.motion.id)] = w.motion.label
    for t in report.expected_positive_tests:
        findings[("positive_tests", t.test.id)] = t.test.label
    for f in report.numbness_areas:
        findings[("numbness_areas", f.entity.id)] = f.entity.label
    return findings


def test_most_candidates_predict_something_to_find(kg: AnkleKG) -> None:
    """Not vacuous: an undisplaced bone restraint may predict nothing, but most candidates predict findings."""
    assert (ROOT / "data" / "ankle_ontology.ttl").is_file()
    assert sum(1 for s in CANDIDATES if predicted(kg, s)) >= 30


@pytest.mark.parametrize("structure", CANDIDATES)
def test_every_finding_the_impact_predicts_points_back_to_the_structure(kg: AnkleKG, structure: str) -> None:
    findings = predicted(kg, structure)
    missing = [
        f"{kind}={label}"
        for (kind, ident), label in findings.items()
        if structure not in {c.structure.id for c in kg.differential(**{kind: [ident]}, limit=1000).candidates}  # type: ignore[arg-type]
    ]
    assert not missing, f"{kg.kb.label(structure)} predicts {missing}, but the differential does not propose it"
