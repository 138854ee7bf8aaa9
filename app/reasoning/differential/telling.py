"""What would tell tied candidates apart: findings not reported that some of the tied readings predict and the
others do not (blinded review r31 C19-C24: the tie note named no test to do)."""

from __future__ import annotations

from collections.abc import Mapping

from ...knowledge.base import KnowledgeBase
from .models import Candidate, ClinicalFindings, FindingKind, TellingFinding
from .store import Profile

#: the kinds of finding a clinician can go and look for at the bedside, in this order
BEDSIDE = (FindingKind.POSITIVE_TEST, FindingKind.NUMBNESS, FindingKind.WEAK_MOTION, FindingKind.TENDER)
SHOWN = 4


def telling_findings(
    kb: KnowledgeBase, profiles: Mapping[str, list[Profile]], tied: list[Candidate], findings: ClinicalFindings,
) -> list[TellingFinding]:  # fmt: skip
    """Findings some tied readings predict for certain (a test that only may be positive is no telling) and the
    others do not, none of them already reported; those that split the tied candidates most evenly first."""
    if len(tied) < 2:
        return []
    reported = {*findings.positive_tests, *findings.negative_tests, *findings.numbness_areas, *findings.weak_motions,
                *findings.strong_motions, *findings.normal_sensation, *findings.tender_sites}  # fmt: skip
    predicted: dict[tuple[FindingKind, str], list[Candidate]] = {}
    for c in tied:
        profile = _reading(profiles.get(c.structure.id, []), c)
        if profile is None:
            continue
        for kind, entity in profile.predictions:
            prediction = profile.predictions[(kind, entity)]
            if kind in BEDSIDE and entity not in reported and prediction.strength >= 1.0:
                predicted.setdefault((kind, entity), []).append(c)
    splitting = [(key, by) for key, by in predicted.items() if len({c.structure.id for c in by}) < len(tied)]
    splitting.sort(key=lambda kb_: (abs(2 * len(kb_[1]) - len(tied)), BEDSIDE.index(kb_[0][0]), kb.label(kb_[0][1])))
    return [
        TellingFinding(finding=kb.ref(entity), kind=kind, predicted_by=[c.structure for c in by])
        for (kind, entity), by in splitting[:SHOWN]
    ]


def _reading(lesions: list[Profile], c: Candidate) -> Profile | None:
    """The profile the candidate was read as: its condition (or none) and its grade."""
    condition = c.lesion.id if c.lesion else None
    grade = c.grade or 3
    return next((p for p in lesions if p.condition == condition and p.grade == grade), None) or next(
        (p for p in lesions if p.condition == condition), None)
