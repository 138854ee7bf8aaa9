"""The work-up rule: how what the injury amounts to is confirmed, as the sources record it (the tests, decision
rules, imaging and procedures a condition is diagnosed by; the decision rule that screens for a fracture of it).
A clinician asked "what follows from this injury" also says how to find it; the answer lists only what a source
links, and predicts no result (expected results are the positive-test rule's)."""

from __future__ import annotations

from . import terms
from .context import Affected, Amounts, Context, implements
from .models import DAMAGED, Finding
from .sensation import FindingsByEntity

RULE = "rule:condition-work-up"


@implements(RULE)
def work_up(ctx: Context, affected: dict[str, Affected], conditions: list[Amounts]) -> list[Finding]:
    """Per condition the injury amounts to, what it is diagnosed by; per fractured structure, the decision rules
    that screen for its fracture (or a fracture of a whole it is part of)."""
    found = FindingsByEntity()
    for condition, affects, state in conditions:
        chain = [*state.chain, *([affects] if affects else [])]
        for st in ctx.objects(condition, terms.DIAGNOSED_BY):
            found.add(st.object, f"used to diagnose {ctx.kb.label(condition)}", 1.0, ctx.facts([*chain, st]),
                      (*state.rules, RULE))  # fmt: skip
    for structure, state in affected.items():
        if state.reached not in DAMAGED or state.lesion != terms.FRACTURE:
            continue
        for screened, path in [(structure, []), *ctx.wholes(structure)]:
            for screening in ctx.screened_by.get(screened, ()):
                found.add(screening.subject, f"screens for a fracture of the {ctx.kb.label(screened)}", 1.0,
                          ctx.facts([*state.chain, *path, screening]), (*state.rules, RULE))  # fmt: skip
    return found.result(ctx)
