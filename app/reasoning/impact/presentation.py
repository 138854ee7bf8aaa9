"""How a damaged structure presents: the symptoms its sources give for its lesion and kind (rule:lesion-presents).

A named condition lists its own symptoms; a structure no named condition covers (a posterior talofibular ligament
sprain, a grade I tear of the interosseous talocalcaneal ligament) would otherwise present with nothing at all.
The presentations are class-level facts in the data (akg:LesionPresentation), each with its source and the grade
from which it holds; this module only matches them to what the injury damaged.
"""

from __future__ import annotations

from ...knowledge.model import LesionPresentation
from .context import Affected, Context, implements
from .models import Reach
from .sensation import FindingsByEntity

__all__ = ["PRESENTING", "of_lesion", "presentations"]

#: How a structure must have been reached to present its lesion itself (a branch, a site or a denervated muscle
#: carries no lesion of its own; a compressed nerve presents through the numbness and burning rules)
PRESENTING = frozenset({Reach.NAMED, Reach.PART, Reach.CONDITION})
#: Ranked below a named condition's own symptoms (0.4) and the mechanics' (instability 0.75-1)
SCORE = 0.35


@implements("rule:lesion-presents")
def presentations(ctx: Context, affected: dict[str, Affected], findings: FindingsByEntity) -> None:
    """Add to ``findings`` the symptoms the sourced presentations give each damaged structure's lesion and kind; a
    part torn with its whole presents through the whole when the whole presents the same symptom (the deltoid
    ligament's tear, not each of its bands again: review r18b)."""
    presented: set[tuple[str, str]] = set()
    # wholes before the parts they tear: a part reached through its whole comes after it
    for curie, state in sorted(affected.items(), key=lambda kv: (kv[1].reached is Reach.PART, kv[0])):
        if state.reached not in PRESENTING or state.lesion is None:
            continue
        wholes = {w for w, _ in ctx.wholes(curie)} if state.reached is Reach.PART else set()
        for p in of_lesion(ctx, state.lesion):
            if p.from_grade is not None and state.grade < p.from_grade:
                continue
            if not ctx.kb.is_a(curie, p.kind):
                continue
            presented.add((p.symptom, curie))
            if any((p.symptom, w) in presented for w in wholes):
                continue
            detail = f"{ctx.kb.label(p.lesion)} of the {ctx.kb.label(curie)} ({ctx.kb.label(p.kind)})"
            findings.add(p.symptom, detail, SCORE, [*ctx.facts(state.chain), ctx.kb.presentation_fact(p)],
                         (*state.rules, "rule:lesion-presents"))  # fmt: skip


def of_lesion(ctx: Context, lesion: str) -> list[LesionPresentation]:
    """The presentations of one lesion, in the data's order (grouped once per engine, not scanned per structure)."""

    def group() -> dict[str, list[LesionPresentation]]:
        grouped: dict[str, list[LesionPresentation]] = {}
        for p in ctx.kb.lesion_presentations:
            grouped.setdefault(p.lesion, []).append(p)
        return grouped

    return ctx.derived("presentations by lesion", group).get(lesion, [])
