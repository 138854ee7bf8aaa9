"""Where a nerve's branches leave it, against the site a condition places the nerve's lesion at.

A named nerve is taken as injured along its whole course, so every branch goes with it and the answer hedges the
level. A condition that names a site (the common fibular nerve palsy at the neck of the fibula) says more: a branch
recorded as leaving above the site is spared (akg:leavesAbove: the lateral sural cutaneous nerve, review r42 I4),
one recorded as leaving at or below it is taken for certain (akg:leavesBelow: the superficial and deep fibular nerves).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...knowledge.model import Statement
from . import terms
from .context import Affected, Context


def lesion_sites(ctx: Context, state: Affected) -> frozenset[str]:
    """The sites of the condition that reached this structure: what it affects or is defined by, other than nerves
    (a landmark, a space, a retinaculum); none for a structure the user named (once per condition)."""
    condition = state.via
    if condition is None or not ctx.kb.is_a(condition, terms.CONDITION):
        return frozenset()
    return ctx.derived(("lesion sites", condition), lambda: frozenset(
        st.object for st in ctx.objects_any(condition, (terms.AFFECTS, terms.DEFINING_STRUCTURE))
        if not ctx.kb.is_a(st.object, terms.NERVE)
    ))  # fmt: skip


def leaves(ctx: Context, branch: str, sites: frozenset[str], predicate: str) -> Statement | None:
    """The statement that the branch leaves its parent above (or at or below) one of these sites, if recorded."""
    return next((st for st in ctx.objects(branch, predicate) if st.object in sites), None)


def spared(ctx: Context, branch: str, state: Affected) -> bool:
    """The parent's lesion is at a site the branch leaves above (rule nerve-injury-reaches-branches)."""
    return leaves(ctx, branch, lesion_sites(ctx, state), terms.LEAVES_ABOVE) is not None


def named_nerve(ctx: Context, chain: Sequence[Statement]) -> str | None:
    """The nerve the injury names, by itself or through its condition: the first nerve the chain starts from."""
    return next((st.subject for st in chain if ctx.kb.is_a(st.subject, terms.NERVE)), None)


def first_branch(chain: Sequence[Statement]) -> str | None:
    """The branch of the named nerve the chain goes through (the deep fibular nerve to tibialis anterior)."""
    return next((st.object for st in chain if st.predicate == terms.HAS_BRANCH), None)


def below_site(ctx: Context, state: Affected) -> Statement | None:
    """That the branch this structure was reached through leaves the named nerve at or below the condition's site:
    the level is then known, not assumed."""
    branch = first_branch(state.chain)
    return leaves(ctx, branch, lesion_sites(ctx, state), terms.LEAVES_BELOW) if branch else None


def own_territory(ctx: Context, nerve: str, skin: str, state: Affected) -> tuple[bool, str, list[Statement]]:
    """Whether a lesion at its condition's site reaches skin the nerve supplies itself that a branch of it supplies
    too: (spared, hedge, facts). Spared when every such branch leaves above the site; certain, with the fact, when one
    leaves at or below it; hedged when none's level is recorded (the medial calcaneal branch against the tarsal
    tunnel: its origin varies, editor45). A lesion with no site (a named nerve) is taken along its whole course."""
    sites = lesion_sites(ctx, state)
    suppliers = [st.object for st in ctx.objects(nerve, terms.HAS_BRANCH)
                 if sites and any(t.object == skin for t in ctx.objects(st.object, terms.SENSORY_TERRITORY))]
    if not suppliers:
        return False, "", []
    below = [st for b in suppliers if (st := leaves(ctx, b, sites, terms.LEAVES_BELOW)) is not None]
    if below:
        return False, "", below[:1]
    unplaced = [b for b in suppliers if leaves(ctx, b, sites, terms.LEAVES_ABOVE) is None]
    if not unplaced:
        return True, "", []
    return False, (f", if its {ctx.kb.label(unplaced[0])}, which supplies this skin, leaves it at or below the site of "
                   f"the {ctx.kb.label(state.via or nerve)} (where it leaves is not recorded)"), []
