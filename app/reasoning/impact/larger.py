"""Larger injuries the named one may be part of: an isolated syndesmotic tear may be the ankle end of a Maisonneuve
injury, a lateral malleolus fracture one part of a bimalleolar or trimalleolar fracture. A clinician who finds one
part looks for the rest (the proximal fibula, the medial side); the answer lists what the sources' larger injuries
add, and concludes nothing of them."""

from __future__ import annotations

from ...knowledge.model import Statement
from . import terms
from .alternatives import alternatives_of
from .context import Affected, Amounts, Context, implements
from .expansion import condition_lesions, lesion_for
from .models import DAMAGED, Finding, Reach
from .sensation import FindingsByEntity

RULE = "rule:part-of-larger-injury"


@implements(RULE)
def larger_injuries(ctx: Context, affected: dict[str, Affected], amounts: list[Amounts]) -> list[Finding]:
    """Conditions that damage, by the same lesion, every structure the user named (or a named condition damages),
    and more: each with what it adds (the structures it also damages)."""
    core = {
        curie: state for curie, state in affected.items()
        if state.reached in (Reach.NAMED, Reach.CONDITION) and not ctx.kb.is_a(curie, terms.CONDITION)
    }  # fmt: skip
    if not core:
        return []
    concluded = {condition for condition, _, _ in amounts}
    damaged = {curie for curie, state in affected.items() if state.reached in DAMAGED}
    found = FindingsByEntity()
    for condition in sorted(_candidates(ctx, core)):
        if condition in concluded or condition in affected:
            continue
        lesions = condition_lesions(ctx, condition)
        damages = {st.object: st for st in _definite(ctx, condition) if lesion_for(ctx, lesions, st.object)}
        if not all(c in damages and lesion_for(ctx, lesions, c) == s.lesion for c, s in core.items()):
            continue
        # of alternatives (a Maisonneuve injury's deltoid tear or medial malleolus fracture), one already there
        # leaves nothing of them to look for; none there, either is
        either = {st.object for st in alternatives_of(ctx, condition)}
        extra = [
            st for curie, st in damages.items() if curie not in damaged and not (curie in either and either & damaged)
        ]
        if not extra:
            continue
        listed = sorted(ctx.kb.label(st.object) for st in extra if st.object not in either)
        choice = sorted(ctx.kb.label(st.object) for st in extra if st.object in either)
        also = ", ".join([*listed, *([" or ".join(choice) + " (one of them: its source does not say which)"]
                                      if choice else [])])
        found.add(condition, f"look for the rest of it: {also}", len(core) / len(damages),
                  ctx.facts([*(damages[c] for c in sorted(core)), *extra]), (RULE,))  # fmt: skip
    return found.result(ctx)


def _candidates(ctx: Context, core: dict[str, Affected]) -> set[str]:
    """The conditions that affect every core structure."""
    sets = [{st.object for st in ctx.objects(curie, terms.AFFECTED_BY)} for curie in core]
    return set.intersection(*sets) if sets else set()


def _definite(ctx: Context, condition: str) -> list[Statement]:
    """What the condition affects, except what it only possibly involves (rule possibly-involved)."""
    return [
        st for st in ctx.objects(condition, terms.AFFECTS)
        if (terms.INVOLVEMENT, terms.POSSIBLY_INVOLVED) not in st.qualifiers
    ]  # fmt: skip
