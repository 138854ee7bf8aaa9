"""Differential ties ordered by how common a condition's source calls it (schema akg:frequency; review r29 D1: a
grade I sprain tied with two fractures and an isolated CFL tear, ordered by listing order)."""

from __future__ import annotations

from pathlib import Path

from app.graph.projection import project_graph
from app.knowledge.base import build_knowledge_base
from app.ontology.load import load_store
from app.reasoning.differential import ClinicalFindings, DifferentialEngine
from app.reasoning.impact import ImpactEngine
from app.reasoning.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]


def _rank() -> list[tuple[str, str | None]]:
    paths = [ROOT / "data" / "schema.ttl", ROOT / "tests" / "data" / "differential" / "frequency.ttl"]
    kb = build_knowledge_base(load_store(paths), project_graph)
    engine = DifferentialEngine(kb, ImpactEngine(kb, load_rules(ROOT / "data" / "rules")))
    report = engine.rank(ClinicalFindings(symptoms=("ANKLE:9993501",)), limit=10)
    assert report.tied_at_top == 4 and report.note is not None and "calls common comes first" in report.note
    return [(c.structure.label, c.frequency.object.label if c.frequency and c.frequency.object else None)
            for c in report.candidates]


def test_tied_candidates_common_first_then_unrated_then_uncommon_rare_last_each_showing_its_sources_word() -> None:
    assert _rank() == [
        ("fixture ligament of a common tear", "common"),
        ("fixture ligament of an unrated tear", None),
        ("fixture ligament of an uncommon tear", "uncommon"),
        ("fixture ligament of a rare tear", "rare"),
    ]
