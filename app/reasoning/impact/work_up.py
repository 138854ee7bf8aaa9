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
            detail, screens = f"used to diagnose {ctx.kb.label(condition)}", []
            if ctx.kb.is_a(st.object, terms.DECISION_RULE):  # it decides on imaging, it diagnoses nothing itself
                screens = ctx.objects(st.object, terms.SCREENS_FOR)
                where = ", the ".join(ctx.kb.label(x.object) for x in screens)
                detail = (f"a decision rule in the work-up of {ctx.kb.label(condition)}: it says when imaging is "
                          f"needed to exclude a fracture of the {where}")
            found.add(st.object, detail, 1.0, ctx.facts([*chain, st, *screens]), (*state.rules, RULE))
    for structure, state in affected.items():
        if state.reached not in DAMAGED or state.lesion != terms.FRACTURE:
            continue
        for screened, path in [(structure, []), *ctx.wholes(structure)]:
            for screening in ctx.screened_by.get(screened, ()):
                found.add(screening.subject, f"screens for a fracture of the {ctx.kb.label(screened)}", 1.0,
                          ctx.facts([*state.chain, *path, screening]), (*state.rules, RULE))  # fmt: skip
    return found.result(ctx)


LOOK_ALIKES = "rule:look-alikes"


@implements(LOOK_ALIKES)
def look_alikes(ctx: Context, affected: dict[str, Affected], conditions: list[Amounts]) -> list[Finding]:
    """Per condition the injury amounts to (or the user named), the conditions its sources say it may be mistaken
    for (akg:mimics) and those that may be mistaken for it (a lateral ankle sprain: a fracture of the lateral process of
    the talus, missed as one), each with the work-up its sources tell it by; none that the answer already concludes."""
    found = FindingsByEntity()
    concluded = {c for c, _, _ in conditions} | set(affected)
    for condition, affects, state in conditions:
        chain = [*state.chain, *([affects] if affects else [])]
        label = ctx.kb.label(condition)
        for predicate, said in ((terms.MIMICS, f"the {label} may be mistaken for it"),
                                (terms.MIMICKED_BY, f"may be mistaken for the {label}: rule it out")):  # fmt: skip
            for st in ctx.objects(condition, predicate):
                if st.object in concluded:
                    continue
                tells = ctx.objects(st.object, terms.DIAGNOSED_BY)
                by = f" (its work-up: {', '.join(ctx.kb.label(t.object) for t in tells)})" if tells else ""
                found.add(st.object, said + by, 0.5, ctx.facts([*chain, st, *tells]), (*state.rules, LOOK_ALIKES))
    return found.result(ctx)


POSSIBLE_CAUSES = "rule:possible-causes"


@implements(POSSIBLE_CAUSES)
def possible_causes(ctx: Context, affected: dict[str, Affected], conditions: list[Amounts],
                    listed: set[str]) -> list[Finding]:  # fmt: skip
    """Per condition the injury amounts to (or the user named), the conditions its sources say it may result from
    (a peroneal tendon tear: chronic ankle instability, a peroneal tendon subluxation), to look for; none the answer
    lists already (``listed``: what it amounts to, its risks, its look-alikes)."""
    found = FindingsByEntity()
    skip = {c for c, _, _ in conditions} | set(affected) | listed
    for condition, affects, state in conditions:
        chain = [*state.chain, *([affects] if affects else [])]
        for st in ctx.objects(condition, terms.MAY_RESULT_FROM):
            if st.object not in skip:
                found.add(st.object, f"the {ctx.kb.label(condition)} may follow it: look for it", 0.5,
                          ctx.facts([*chain, st]), (*state.rules, POSSIBLE_CAUSES))  # fmt: skip
    return found.result(ctx)
