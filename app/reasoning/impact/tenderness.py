"""Where the injury is tender (rule:tenderness-localises): over each damaged structure whose lesion presents with
tenderness, or that a condition recording tenderness affects. The sources place tenderness "in the injured area";
the answer lists the sites to palpate, and the differential matches a site the clinician found tender.
"""

from __future__ import annotations

from ...knowledge.model import Statement
from . import terms
from .context import Affected, Amounts, Context, implements
from .models import Finding, Reach
from .presentation import PRESENTING, of_lesion
from .sensation import FindingsByEntity

__all__ = ["tender_sites"]

RULE = "rule:tenderness-localises"
#: Ranked as a named condition's own symptoms are (a listing of where to feel, not a measurement)
SCORE = 0.4


@implements(RULE)
def tender_sites(ctx: Context, affected: dict[str, Affected], amounts: list[Amounts]) -> list[Finding]:
    """Each damaged structure where tenderness is to be found, with the fact that gives it tenderness: its lesion's
    presentation for its kind, or a condition that affects it and records tenderness. A part torn with its whole is
    felt as the whole."""
    found = FindingsByEntity()
    tenderness = set(ctx.rules[RULE].concludes)
    recorded = _conditions_recording(ctx, amounts, tenderness)
    # wholes before the parts they tear, so that a part reached through its whole is left to it
    for curie, state in sorted(affected.items(), key=lambda kv: (kv[1].reached is Reach.PART, kv[0])):
        if state.reached not in PRESENTING or state.lesion is None:
            continue
        if state.reached is Reach.PART and any(w in found.items for w, _ in ctx.wholes(curie)):
            continue
        facts = ctx.facts(state.chain)
        for p in of_lesion(ctx, state.lesion):
            if p.symptom in tenderness and ctx.kb.is_a(curie, p.kind) and state.grade >= (p.from_grade or 1):
                found.add(curie, f"its {ctx.kb.label(p.lesion)} presents with tenderness ({ctx.kb.label(p.kind)})",
                          SCORE, [*facts, ctx.kb.presentation_fact(p)], (*state.rules, RULE))  # fmt: skip
        for condition, said in recorded.items():
            affects = [st for st in ctx.objects(condition, terms.AFFECTS) if st.object == curie]
            if affects:
                found.add(curie, f"the {ctx.kb.label(condition)} affects it and presents with tenderness", SCORE,
                          [*facts, *ctx.facts([*affects, said])], (*state.rules, RULE))  # fmt: skip
    # a bone fractured at a part of it is felt there, not along the whole bone (review r45 C12, C13: "fibula" beside
    # its fractured proximal third read as if the ankle end were tender too)
    fractured = {c for c in found.items if affected[c].lesion == terms.FRACTURE}
    for whole in [c for c in fractured if ctx.part_set(c) & fractured]:
        del found.items[whole]
    return found.result(ctx)


def _conditions_recording(ctx: Context, amounts: list[Amounts], tenderness: set[str]) -> dict[str, Statement]:
    """The conditions the injury amounts to (or the user named) that record tenderness, with that statement."""
    recorded: dict[str, Statement] = {}
    for condition, _, _ in amounts:
        for st in ctx.objects(condition, terms.HAS_SYMPTOM):
            if st.object in tenderness:
                recorded.setdefault(condition, st)
    return recorded
