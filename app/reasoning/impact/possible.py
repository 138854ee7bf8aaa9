"""What a motion's verdict takes as intact of what a named condition only may involve (rule possibly-involved)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from functools import cache, partial

from ...knowledge.model import Restraint
from . import terms
from .alternatives import POSSIBLE_RULE, marked
from .context import Context, Grade, unique_facts
from .expansion import Excluded, expand
from .fractures import displaced_buttresses
from .load import not_known_intact
from .mechanics import (
    DYNAMIC,
    Group,
    destabilised_groups,
    passive_primaries,
    restraint_loss,
    status_of,
    weights_of,
)
from .models import DestabilisedMotion, Stability
from .weakness import join_the
from .wholes import parts_carry

ORDER = (Stability.REDUCED, Stability.LAXITY, Stability.UNSTABLE)
BONY = (terms.BONE, terms.BONE_PART, terms.BONY_LANDMARK)


#: a motion's verdict were everything the named conditions may involve torn or broken too, by (joint, motion,
#: position); worked out once per reading, on first use: by :func:`unlisted` whenever a named condition may involve
#: something, so in practice always then (the pointer needs every motion's verdict)
AllLost = Callable[[], dict[tuple[str, str, str | None], Stability]]


def all_lost(
    ctx: Context, injuries: Sequence[tuple[str, Grade]], excluded: Excluded, left_out: Collection[tuple[str, str]],
    position: str | None,
) -> AllLost:
    """The verdicts were every structure the named conditions may involve torn or broken too (named at grade III:
    a complete tear, a fracture free to displace), worked out once per reading, as the answer's own are."""

    @cache
    def read() -> dict[tuple[str, str, str | None], Stability]:
        named = {c for c, _ in injuries}
        extra: list[tuple[str, Grade]] = [(s, 3) for s in sorted({s for _, s in left_out}) if s not in named]
        affected = expand(ctx, [*injuries, *extra], excluded)
        loss = restraint_loss(ctx, affected)
        carried = displaced_buttresses(ctx, affected, loss).restraints
        return {(g.joint, g.motion, g.position): g.status
                for g in destabilised_groups(ctx, loss, position, carried, parts_carry(ctx, loss))}

    return read


def if_torn_too(
    ctx: Context, item: DestabilisedMotion, g: Group, left_out: Collection[tuple[str, str]], all_lost: AllLost
) -> DestabilisedMotion:
    """The motion's item, saying what its verdict would be were the intact passive restraints the named conditions
    only may involve torn too, when that is worse: a verdict that rests on taking them intact says so, with the
    axioms that make them possibly involved among its reasons (blinded review r48 C1: a trimalleolar fracture's
    syndesmosis 'no laxity expected' beside an AITFL the fracture's mechanism tears first). Where the motion's own
    restraints do not tell, the reading with all of them lost (``all_lost``) does, through what their loss sets
    free (r47 C4: a Weber C fracture's lateral talar shift, whose lateral malleolus floats once the medial side
    the fracture may involve fails too). ``left_out``: the (condition, structure) pairs no reading damages."""
    if not left_out or g.status is Stability.UNSTABLE:
        return item
    owners: dict[str, tuple[str, str]] = {}
    for condition in sorted({c for c, _ in left_out}):  # each condition's table is the graph's: kept per engine
        for curie, owner in ctx.derived(("possible owners", condition), partial(_owners, ctx, condition)).items():
            owners.setdefault(curie, owner)
    maybe = [r for r in g.members if r.structure in owners and g.loss.get(r.id, 0.0) == 0
             and not ctx.is_any(r.structure, DYNAMIC)]  # fmt: skip
    worse: Stability = g.status
    if maybe:
        passive = {r.id: 0.0 if ctx.is_any(r.structure, DYNAMIC) else g.loss.get(r.id, 0.0) for r in g.members}
        worse = status_of(ctx, g.members, passive | {r.id: 1.0 for r in maybe}, weights_of(ctx, g.members))
    if ORDER.index(worse) <= ORDER.index(g.status):
        worse = all_lost().get((g.joint, g.motion, g.position), g.status)
        if ORDER.index(worse) <= ORDER.index(g.status):
            return item
        said = _said_all(ctx, sorted(left_out), worse)
        pairs = set(left_out)
    else:
        holding = {r.structure for r in passive_primaries(ctx, g.members) if g.loss.get(r.id, 0.0) < 1.0}
        named_holding = "still checking the motion" in (item.note or "") and {r.structure for r in maybe} <= holding
        said = _said(ctx, maybe, owners, worse, named_holding)
        pairs = {owners[r.structure] for r in maybe}
    axioms = [st for c, s in sorted(pairs) for st in marked(ctx, c, terms.POSSIBLY_INVOLVED) if st.object == s]
    return item.model_copy(update={
        "note": f"{item.note}; {said}" if item.note else said,
        "because": unique_facts([*item.because, *ctx.facts(axioms)]),
        "rules": [*item.rules, *(r for r in ctx.rule_refs(POSSIBLE_RULE) if r not in item.rules)],
    })  # fmt: skip


def _owners(ctx: Context, condition: str) -> dict[str, tuple[str, str]]:
    """What the condition leaves not known intact -> (the condition, the structure it may involve): what it may
    involve, their parts and units, and a whole every part of which it may involve (the deep deltoid, both of whose
    tibiotalar bands a medial ankle sprain may tear: blinded review r49 C1, 'still checking the motion')."""
    owners: dict[str, tuple[str, str]] = {}
    for st in sorted(marked(ctx, condition, terms.POSSIBLY_INVOLVED), key=lambda st: st.object):
        for curie in not_known_intact(ctx, frozenset((st.object,))):
            owners.setdefault(curie, (condition, st.object))
    for curie, owner in list(owners.items()):
        for whole, _ in ctx.wholes(curie):
            if whole not in owners and set(ctx.part_ids(whole)) <= owners.keys():
                owners[whole] = owner
    return owners


def _said(
    ctx: Context, maybe: list[Restraint], owners: dict[str, tuple[str, str]], worse: Stability, holding: bool
) -> str:
    """``holding``: the verdict's note already names them as the primary restraints still checking the motion, which
    this sentence then qualifies rather than repeats (trimalleolar fracture: 'with the AITFL still checking the
    motion', the AITFL only possibly involved)."""
    names = list(dict.fromkeys(ctx.kb.label(r.structure) for r in maybe))
    conditions = list(dict.fromkeys(ctx.kb.label(owners[r.structure][0]) for r in maybe))
    one = len(names) == 1
    lost = _lost_as(ctx, [r.structure for r in maybe])
    if holding:
        taken = (f"the {join_the(names)} still checking it {'is one' if one else 'are ones'} the "
                 f"{join_the(conditions)} may involve (not concluded), taken as intact")
    else:
        taken = f"taking the {join_the(names)}, which the {join_the(conditions)} may involve (not concluded), as intact"
    return (f"{taken}: {'were it' if one else 'were they'} {lost} too, the verdict would be {worse.value} (name "
            f"{'it' if one else 'them'} to ask)")


def _said_all(ctx: Context, pairs: list[tuple[str, str]], worse: Stability) -> str:
    names = list(dict.fromkeys(ctx.kb.label(s) for _, s in pairs))
    conditions = list(dict.fromkeys(ctx.kb.label(c) for c, _ in pairs))
    lost = _lost_as(ctx, [s for _, s in pairs])
    one = len(names) == 1
    return (f"taking the {join_the(names)}, which the {join_the(conditions)} may involve (not concluded), as intact: "
            f"were {'it' if one else 'they all'} {lost} too, the verdict would be {worse.value}, through what "
            f"{'its' if one else 'their'} loss would set free (name {'it' if one else 'them'} to ask)")


def unlisted(
    ctx: Context, all_lost: AllLost, left_out: Collection[tuple[str, str]], listed: list[DestabilisedMotion]
) -> list[str]:
    """The motions the answer lists nowhere that would be lax or unstable were everything the named conditions may
    involve torn or broken too, said as what is not concluded: a chronic ankle instability, whose ligaments are only
    possibly lengthened, listed 'Destabilised joint motions: none' and no more (blinded review r49 C9, C10)."""
    if not left_out:
        return []
    shown = {(d.joint.id, d.motion.id) for d in listed}
    worst: dict[tuple[str, str], Stability] = {}
    for (joint, motion, _), status in all_lost().items():
        known = worst.get((joint, motion), Stability.REDUCED)
        if (joint, motion) not in shown and ORDER.index(status) > ORDER.index(known):
            worst[(joint, motion)] = status
    if not worst:
        return []
    pairs = sorted(left_out)
    names = list(dict.fromkeys(ctx.kb.label(s) for _, s in pairs))
    conditions = list(dict.fromkeys(ctx.kb.label(c) for c, _ in pairs))
    lost = _lost_as(ctx, [s for _, s in pairs])
    motions = "; ".join(f"{ctx.kb.label(m)} of the {ctx.kb.label(j)} {status.value}"
                        for (j, m), status in sorted(worst.items(), key=lambda kv: (-ORDER.index(kv[1]), kv[0])))
    return [f"Were the {join_the(names)}, which the {join_the(conditions)} may involve (not concluded), {lost}, these "
            f"motions, which this answer does not list, would be destabilised: {motions} (name "
            f"{'it' if len(names) == 1 else 'them'} to ask)."]


def _lost_as(ctx: Context, structures: list[str]) -> str:
    """How they would be lost: a bone is broken, not torn (editor54)."""
    bony = {ctx.is_any(s, BONY) for s in structures}
    return "torn or broken" if len(bony) > 1 else "broken" if True in bony else "torn"
