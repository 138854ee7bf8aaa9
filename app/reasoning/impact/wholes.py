"""A ligament whole whose parts are torn: the restraint the sources record for the whole (the deltoid ligament
against external rotation of the talus) is carried by its parts (the deep tibiotalar bands), so it goes with them.

Without this, a whole and its parts count as separate restraints of one motion and cutting every band that
restrains it leaves the whole's restraint intact (blinded review r12: both deep deltoid bands cut, external
rotation only "reduced").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...knowledge.model import Restraint, Statement
from .context import Context, implements

RULE = "rule:torn-parts-loosen-whole"


@dataclass
class PartsCarry:
    """Per restraint of a whole: the share its torn parts take, and the statements that say which parts carry it."""

    shares: dict[str, float] = field(default_factory=dict)
    steps: dict[str, list[Statement]] = field(default_factory=dict)

    def complete(self, restraint_id: str) -> bool:
        """Every part that carries the restraint is completely lost (only then does it change a motion's status)."""
        return self.shares.get(restraint_id, 0.0) >= 1.0


@implements(RULE)
def parts_carry(ctx: Context, loss: dict[str, float]) -> PartsCarry:
    """The share of each whole's restraint lost with its parts: the parts recorded to restrain the same motion of
    the same joint carry it, weighted by their roles (primary 1, secondary 0.5, as rule motion-destabilised weighs
    them), a part that is itself a whole by what its own parts lost of it; when no part restrains the motion, none
    (the sources do not say which parts carry it: the superficial deltoid, not the deep, resists eversion). The
    whole is not torn."""
    carry = PartsCarry()
    for whole, parts in _restraining_wholes(ctx):
        if loss.get(whole, 0.0) >= 1.0 or not any(loss.get(p, 0.0) for p in parts):
            continue  # torn in its own right, or no part lost
        for r in ctx.kb.restraints_by_structure.get(whole, ()):
            share, steps = _share(ctx, r, loss)
            if share > loss.get(whole, 0.0):
                carry.shares[r.id], carry.steps[r.id] = share, steps
    return carry


def _restraining_wholes(ctx: Context) -> list[tuple[str, tuple[str, ...]]]:
    """Every restraining structure that has parts, in order, with its parts (once per engine, not per answer)."""

    def build() -> list[tuple[str, tuple[str, ...]]]:
        wholes = [(w, tuple(p for p, _ in ctx.parts(w))) for w in sorted({r.structure for r in ctx.kb.restraints})]
        return [(whole, parts) for whole, parts in wholes if parts]

    return ctx.derived("restraining wholes", build)


def _share(ctx: Context, r: Restraint, loss: dict[str, float]) -> tuple[float, list[Statement]]:
    """What the whole of ``r`` lost of it through its parts, and the part-of statements down to the lost ones."""
    parts = ctx.parts(r.structure)
    own = {p: pr for p, _ in parts for pr in ctx.kb.restraints_by_structure.get(p, ()) if _same(pr, r)}
    # a part that carries the restraint through its own parts is counted through them, not twice
    carriers = [(p, path) for p, path in parts if p in own and not _under_carrier(path, own)]
    weights = {p: ctx.role_weight[own[p].role] for p, _ in carriers}
    if not carriers:  # no part is recorded to restrain the motion: the sources do not say which carry it
        return 0.0, []
    lost: dict[str, float] = {}
    steps: list[Statement] = []
    for p, path in carriers:
        inner, inner_steps = _share(ctx, own[p], loss) if p in own and ctx.parts(p) else (0.0, [])
        lost[p] = max(loss.get(p, 0.0), inner)
        if lost[p]:
            steps += [*path, *inner_steps]
    total = sum(weights.values()) or 1.0
    return min(sum(weights[p] * lost[p] for p in weights) / total, 1.0), steps


def _same(a: Restraint, b: Restraint) -> bool:
    return (a.joint, a.motion) == (b.joint, b.motion)


def _under_carrier(path: list[Statement], own: dict[str, Restraint]) -> bool:
    """The part lies under another part that carries the same restraint (the band of a deep part)."""
    return any(st.subject in own for st in path[1:])
