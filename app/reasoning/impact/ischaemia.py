"""A swollen leg compartment starves the muscles in it (rule compartment-ischaemia).

Swelling in a closed osteofascial compartment raises its pressure above the perfusion of the muscles that lie in
it: they become ischaemic and weak, without being torn. A tunnel that tendons run through (the tarsal tunnel) is
no compartment: swelling there only compresses its nerves (rule space-compresses-contents).
"""

from __future__ import annotations

from ...knowledge.model import Statement
from . import terms
from .context import Affected, Context, Reacher, implements
from .models import Reach

RULE = "rule:compartment-ischaemia"
MUSCLES = (terms.MUSCLE, terms.MUSCLE_PART)


@implements(RULE)
def starve_muscles(ctx: Context, curie: str, state: Affected, root: str, reach: Reacher) -> None:
    """The muscles lying in a swollen compartment are ischaemic: they lose a small, fixed share of their function."""
    if state.lesion != terms.COMPRESSION or not ctx.kb.is_a(curie, terms.COMPARTMENT):
        return
    for st in ctx.objects(curie, terms.CONTAINS):
        if ctx.is_any(st.object, MUSCLES):
            reach(st.object, ctx.compression_grade, Reach.ISCHAEMIC, root, [*state.chain, st], RULE, None)


def through_ischaemia(ctx: Context, chain: list[Statement]) -> bool:
    """The way a unit lost force started at a swollen compartment holding its muscle (the tendon of an ischaemic
    muscle): it costs the ischaemia's share, not a grade's."""
    return any(
        st.predicate == terms.CONTAINS and ctx.kb.is_a(st.subject, terms.COMPARTMENT) and ctx.is_any(st.object, MUSCLES)
        for st in chain
    )


def ischaemia_share(ctx: Context, state: Affected) -> float | None:
    """What ischaemia costs this way of reaching a structure: the rule's share for an ischaemic muscle and for the
    tendon it loads; None when the structure was not reached through ischaemia."""
    if state.reached is Reach.ISCHAEMIC or (state.reached is Reach.FORCE and through_ischaemia(ctx, state.chain)):
        return ctx.ischaemia_share
    return None
