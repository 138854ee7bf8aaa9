"""A second injury to look for: what the first candidate leaves unexplained, ranked on its own.

One structure rarely explains everything after a sprain: the ATFL explains a positive drawer and the inversion, not a
weak eversion, which a torn fibularis brevis tendon does (a third of peroneal tendon tears come with a lateral
ligament injury). The differential scores single injuries; this lists, beside the first, the candidates that explain
its leftovers, with every reported negative and normal finding still counting against them (review r26 D7).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .models import Candidate, ClinicalFindings, FindingKind, SecondInjury

if TYPE_CHECKING:
    from .engine import DifferentialEngine

#: How many candidates a second injury lists (a brevity policy).
SECOND_LIMIT = 5


def second_injury(
    engine: DifferentialEngine, findings: ClinicalFindings, first: Candidate, wanted: list[tuple[FindingKind, str]]
) -> SecondInjury | None:
    """The candidates that explain, on their own, the findings ``first`` leaves unexplained: none when it explains
    every sign (a symptom alone left over, a pain any lesion presents with, points to no second structure), and a
    reported mechanism is the first's to explain, not a finding left over."""
    left = {u.id for u in first.unexplained}
    kinds: dict[FindingKind, list[str]] = {}
    for kind, entity in wanted:
        if entity in left:
            kinds.setdefault(kind, []).append(entity)
    if not set(kinds) - {FindingKind.SYMPTOM}:
        return None
    rest = ClinicalFindings(
        positive_tests=tuple(kinds.get(FindingKind.POSITIVE_TEST, ())),
        symptoms=tuple(kinds.get(FindingKind.SYMPTOM, ())),
        numbness_areas=tuple(kinds.get(FindingKind.NUMBNESS, ())),
        tender_sites=tuple(kinds.get(FindingKind.TENDER, ())),
        weak_motions=tuple(kinds.get(FindingKind.WEAK_MOTION, ())),
        unstable_motions=tuple(kinds.get(FindingKind.UNSTABLE_MOTION, ())),
        negative_tests=findings.negative_tests,
        strong_motions=findings.strong_motions,
        normal_sensation=findings.normal_sensation,
    )
    ranked = engine.rank(rest, limit=SECOND_LIMIT + 1, second=False).candidates
    found = [c for c in ranked if c.structure.id != first.structure.id and c.score > 0][:SECOND_LIMIT]
    if not found:
        return None
    return SecondInjury(first=first.structure, findings=first.unexplained, candidates=found)
