"""Stage 2 and 3 for restraint: lost restraint and action, destabilised motions and how each was lost."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ...knowledge.model import Restraint, RestraintRole, Statement
from ...models import Fact
from . import terms
from .context import Affected, Context, implements, unique_facts
from .expansion import LOSS
from .ischaemia import ischaemia_share
from .models import (
    DAMAGED,
    DestabilisedMotion,
    LostRestraint,
    Reach,
    RestraintLoss,
    Stability,
)
from .wholes import RULE as WHOLES_RULE
from .wholes import PartsCarry

UNLOADED = (Reach.FORCE, Reach.DENERVATED, Reach.BLOCKED)
#: restraints that act by contracting: losing them weakens a joint, it does not make it lax (rule motion-destabilised)
DYNAMIC = (terms.MUSCLE, terms.MUSCLE_PART, terms.TENDON)
NO_PRIMARY = (
    "no primary restraint of this motion is recorded in this position: the fraction lost is a share of the "
    "recorded secondary restraint only, and the motion stays checked by what the sources did not record"
)
ONLY_DYNAMIC = (
    "only muscles or tendons among the lost restraints: they restrain by pulling, and laxity is weighed on the "
    "passive restraints (ligaments, bones), none of which is lost here"
)

FRAGMENT_GRADED = (
    "a ligament carried off with a fracture fragment loses its hold by the fracture's grade (III: a complete "
    "fracture whose fragment is free to displace; II: half its hold; a convention): the fragment's size and "
    "displacement are not recorded (ask at a lower grade for a small or undisplaced fragment)"
)
FRAGMENT_RULE = "rule:fragment-carries-ligaments"
POSITION_UNSTATED = (
    "asked for the {}: no source states a position for these restraints (or only the editor's reading does), so "
    "the answer assumes they hold in it"
)
#: a motion lax from partial tears only (review r31 C01)
PARTIAL_ONLY = (
    "mild laxity, no primary restraint of it wholly lost (partial tears): no stress test is expected to show it for "
    "certain (the sources grade a partial tear's laxity on testing differently), and no giving way is concluded from it"
)
#: a motion lax only from primary restraints whose role a source read disputes (review r49 C4)
DISPUTED_ALONE = (
    "laxity resting only on a primary role a source read disputes (that losing it alone gives no demonstrable "
    "laxity): no stress test is expected to show it for certain, and no giving way is concluded from it"
)
#: a motion lax from a whole wholly lost whose parts, primary restraints too, are not known to be torn
PARTS_UNKNOWN = (
    "laxity: the parts of the lost whole that check the motion too are not known to be torn: no stress test is "
    "expected to show it for certain, and no giving way is concluded from it"
)
#: a motion lax from one primary restraint wholly lost while another still checks it
ANOTHER_PRIMARY_HOLDS = (
    "laxity, with the {} still checking the motion (a primary restraint of it not wholly lost): no stress test is "
    "expected to show it for certain, and no giving way is concluded from it"
)
#: a group shown in a stated position whose lost primary restraint no source places in one (review r30 I09)
UNPLACED_PRIMARY = (
    "the {}'s restraint is stated in no position: shown in the {}, where another restraint of this motion is "
    "recorded, it may be as lost in the other positions (ask for one)"
)
#: a lost restraint counted in the asked position though its fact states none there (review r28 P6)
SOME_POSITIONS_ASSUMED = "{} counted in the {}, which no source states for {} (the answer assumes it)"
#: the verdict weighed without restraints the editor reads in other positions only (review r29 C04)
HELD_ELSEWHERE = (
    "{} if the {} held in the {} too: the editor reads {} in the {} only, so {} counts in the fraction lost but the "
    "verdict is weighed without {}"
)


@dataclass(frozen=True)
class Group:
    """The restraints of one joint motion in one position (None: not stated), with what each lost."""

    joint: str
    motion: str
    position: str | None
    members: tuple[Restraint, ...]
    loss: dict[str, float]
    fraction_lost: float
    status: Stability
    #: how each lost restraint came to be lost (expansion steps, facts of the lost restraints) and the rules
    steps: tuple[Fact, ...] = ()
    step_rules: tuple[str, ...] = ()
    #: how a restraint the structure's own injury does not take was lost (rule unstable-fracture)
    how: dict[str, RestraintLoss] = field(default_factory=dict)
    #: lost restraints the editor reads in other positions than the asked one, and the verdict were they to hold in it
    elsewhere: tuple[str, ...] = ()
    if_held: Stability | None = None


def share_lost(ctx: Context, state: Affected) -> float:
    """What a way of reaching a structure costs it: a torn structure or a unit it unloads by the grade's share
    (grade I: nothing); a denervated muscle, or the tendon it no longer loads, by the nerve's share; a muscle
    with a torn part by that share divided among its parts; an ischaemic muscle and its tendon by ischaemia's."""
    if (ischaemic := ischaemia_share(ctx, state)) is not None:
        return ischaemic
    if state.reached in UNLOADED and any(st.predicate == terms.INNERVATES for st in state.chain):
        return ctx.denervation_loss[state.grade]
    if state.reached is Reach.PART_TORN:  # an equal share per part (rule torn-part-weakens-whole)
        parts = ctx.objects(state.chain[-1].object, terms.HAS_PART) if state.chain else []
        return ctx.grade_loss[state.grade] / max(len(parts), 1)
    torn = (state.lesion == LOSS and state.reached in DAMAGED) or state.reached in (*UNLOADED, Reach.DETACHED)
    return ctx.grade_loss[state.grade] if torn else 0.0


def _loses_function(ctx: Context, state: Affected) -> bool:
    return share_lost(ctx, state) > 0


def costly(ctx: Context, state: Affected) -> list[Affected]:
    """The ways a structure was reached that cost it function (torn, unloaded, denervated)."""
    return [s for s in state.states() if _loses_function(ctx, s)]


def _function_loss(ctx: Context, affected: dict[str, Affected]) -> dict[str, float]:
    return {
        c: max(share_lost(ctx, s) for s in states)
        for c, state in affected.items()
        if (states := costly(ctx, state))
    }


@implements("rule:injury-loses-restraint")
def restraint_loss(ctx: Context, affected: dict[str, Affected]) -> dict[str, float]:
    """Share of its restraints each structure loses: by grade, for a loss of continuity or an unloaded unit."""
    return _function_loss(ctx, affected)


@implements("rule:injury-loses-actions")
def action_loss(ctx: Context, affected: dict[str, Affected]) -> dict[str, float]:
    """Share of its actions each muscle loses: torn, acting through a torn tendon, or denervated."""
    return {c: share for c, share in _function_loss(ctx, affected).items() if ctx.kb.actions_by_muscle.get(c)}


def chain_facts(ctx: Context, affected: dict[str, Affected], structures: list[str]) -> tuple[list[Fact], list[str]]:
    """The expansion steps that led to these structures, and the rules applied on the way."""
    facts: list[Fact] = []
    rules: list[str] = []
    for s in structures:
        state = affected.get(s)
        if state is None:
            continue
        for way in costly(ctx, state) or [state]:  # the ways that cost the structure its function
            facts.extend(ctx.facts(way.chain))
            rules.extend(way.rules)
    return facts, rules


def position_groups(restraints: list[Restraint]) -> list[tuple[str | None, tuple[Restraint, ...]]]:
    """The restraints of one motion per stated position (None when no source states one); a restraint whose
    source names no position may hold in any, so it stays in every group. A structure is one restraint of a group:
    the record that states the group's position, else its primary role (the ATFL's primary restraint of talar tilt in
    plantarflexion, not also its secondary one read in neutral and taken as position-less when plantarflexion is
    asked; blinded review r22 K1B: the ATFL counted twice, '2 of 4')."""
    stated = sorted({p for r in restraints for p in r.positions})
    positions: list[str | None] = [*stated] or [None]
    return [
        (pos, _one_per_structure([r for r in restraints if pos is None or pos in r.positions or not r.positions], pos))
        for pos in positions
    ]


def _in_asked_position(restraints: list[Restraint], asked: str) -> list[tuple[str | None, tuple[Restraint, ...]]]:
    """:func:`position_groups`, and when no restraint states the asked position, those that state none as a group
    in no stated position: they may hold in it (a posterior malleolus fracture asked in neutral, whose motion only the
    PTFL's dorsiflexed restraint places: blinded review r30 I09, the motion vanished)."""
    grouped = position_groups(restraints)
    if any(pos in (asked, None) for pos, _ in grouped):
        return grouped
    unstated = [r for r in restraints if not r.positions]
    return [*grouped, (None, _one_per_structure(unstated, None))] if unstated else grouped


def _one_per_structure(members: list[Restraint], position: str | None) -> tuple[Restraint, ...]:
    best: dict[str, Restraint] = {}
    for r in members:
        known = best.get(r.structure)
        if known is None or _preferred(r, position) < _preferred(known, position):
            best[r.structure] = r
    return tuple(r for r in members if best[r.structure] is r)


def _preferred(r: Restraint, position: str | None) -> tuple[bool, bool, str]:
    return (position not in r.positions, r.role is not RestraintRole.PRIMARY, r.id)


@implements("rule:motion-destabilised")
def destabilised_groups(
    ctx: Context, loss: dict[str, float], position: str | None, displaced: dict[str, float] | None = None,
    parts: PartsCarry | None = None,
) -> list[Group]:
    """Per joint, motion and position: the weighted share of restraint lost and the status it gives.
    ``displaced``: restraints an unstable fracture carries away (by restraint, rule unstable-fracture); ``parts``:
    the share of a whole's restraints its torn parts take (rule torn-parts-loosen-whole), which weighs in the
    status only when every part that carries the restraint is lost (how the parts share it is a convention)."""
    displaced = displaced or {}
    parts = parts or PartsCarry()
    touched = {(r.joint, r.motion) for s in loss for r in ctx.kb.restraints_by_structure.get(s, ())}
    by_id = ctx.kb.restraints_by_id
    touched |= {(by_id[i].joint, by_id[i].motion) for i in (*displaced, *parts.shares) if i in by_id}
    groups = []
    for joint, motion in sorted(touched):
        restraints = ctx.kb.restraints_by_motion[(joint, motion)]
        elsewhere = {r.id for r in restraints if position is not None and _read_elsewhere(r, position)}
        if position is not None:  # asked for one position: the editor's reading of positions excludes none
            restraints = [_read_positions(r, position) for r in restraints]
            grouped = _in_asked_position(restraints, position)
        else:
            grouped = motion_position_groups(ctx, joint, motion)
        for pos, members in grouped:
            if position is not None and pos not in (position, None):
                continue
            certain = {r.id: max(loss.get(r.structure, 0.0), displaced.get(r.id, 0.0)) for r in members}
            lost = {r.id: max(certain[r.id], parts.shares.get(r.id, 0.0)) for r in members}
            if not any(lost.values()):
                continue
            weights = weights_of(ctx, members) if position is not None else motion_weights(ctx, joint, motion, pos)
            total = sum(weights.values()) or 1.0
            fraction = min(sum(weights[r.id] * lost[r.id] for r in members) / total, 1.0)
            passive = {
                r.id: 0.0 if ctx.is_any(r.structure, DYNAMIC) else lost[r.id] if parts.complete(r.id) else certain[r.id]
                for r in members
            }
            if _passive_primaries_gone(ctx, members, passive):  # what is left to check it is muscle pull
                passive |= {r.id: certain[r.id] for r in members if ctx.is_any(r.structure, DYNAMIC)}
            status = status_of(ctx, members, passive, weights)  # laxity is weighed on passive restraint only
            read = sorted(i for i in elsewhere if lost.get(i, 0.0) > 0)
            if_held = status
            if read:  # they count in the fraction, but decide no verdict (review r29 C04)
                status = status_of(ctx, members, passive | dict.fromkeys(read, 0.0), weights)
            groups.append(Group(joint, motion, pos, members, lost, round(fraction, 4), status, elsewhere=tuple(read),
                                if_held=if_held if if_held is not status else None))
    return groups


def _carried_by_parts(ctx: Context, members: tuple[Restraint, ...], loss: dict[str, float]) -> set[str]:
    """The restraints of wholes whose parts restrain the same motion here: the parts carry them (rule
    torn-parts-loosen-whole), so the counts name the parts, not the whole beside them (review r22 K2: the deltoid
    ligament and its own tibiocalcaneal band read as '2 of 2 recorded restraints'). Not a lost whole none of whose
    parts here is lost: a condition tearing the whole names its parts only as possibly involved, and the count is the
    whole's (blinded review r49 C1: a grade III medial ankle sprain read as '0 of 5 recorded restraints lost')."""
    by_structure: dict[str, list[Restraint]] = {}
    for r in members:
        by_structure.setdefault(r.structure, []).append(r)
    carried = set()
    for r in members:
        parts = [p for s in ctx.part_ids(r.structure) for p in by_structure.get(s, ())]
        if parts and not (loss.get(r.id, 0.0) > 0 and all(loss.get(p.id, 0.0) == 0 for p in parts)):
            carried.add(r.id)
    return carried


def _passive_primaries_gone(ctx: Context, members: tuple[Restraint, ...], passive: dict[str, float]) -> bool:
    """Every passive primary restraint of the motion is completely lost: the muscles and tendons recorded to check it
    are then all that does, and one lost counts as lost (a torn spring ligament with a ruptured tibialis posterior
    tendon: the forefoot abducts unchecked; blinded review r21 J7, '100% lost' read as only 'increased laxity')."""
    primaries = passive_primaries(ctx, members)
    return bool(primaries) and all(passive[r.id] >= 1.0 for r in primaries)


def _read_elsewhere(r: Restraint, asked: str) -> bool:
    """The editor reads the restraint in other positions than the asked one, and no source states one."""
    return r.position_basis == terms.EDITOR_INFERENCE and bool(r.positions) and asked not in r.positions


def _read_positions(r: Restraint, asked: str) -> Restraint:
    """A restraint whose positions are only the editor's reading holds in the asked position: as read, when the
    reading names it; in no stated position (so in any) when it does not."""
    if r.position_basis != terms.EDITOR_INFERENCE:
        return r
    return replace(r, positions=frozenset({asked}) if asked in r.positions else frozenset())


def motion_position_groups(ctx: Context, joint: str, motion: str) -> list[tuple[str | None, tuple[Restraint, ...]]]:
    """:func:`position_groups` of the loaded restraints of a joint's motion, built once per engine."""
    return ctx.derived(("position groups", joint, motion),
                       lambda: position_groups(ctx.kb.restraints_by_motion[(joint, motion)]))  # fmt: skip


def motion_weights(ctx: Context, joint: str, motion: str, position: str | None) -> dict[str, float]:
    """:func:`weights_of` the group of :func:`motion_position_groups` in ``position``, built once per engine."""
    return ctx.derived(("weights", joint, motion, position), lambda: weights_of(ctx, dict(
        motion_position_groups(ctx, joint, motion))[position]))  # fmt: skip


def measured(members: tuple[Restraint, ...]) -> bool:
    """Every restraint of the group has a contribution its source measured."""
    return all(r.contribution is not None for r in members)


def weights_of(ctx: Context, members: tuple[Restraint, ...]) -> dict[str, float]:
    """Measured contributions where every restraint of the group has one, else the role weights."""
    use_measured = measured(members)
    return {r.id: (r.contribution if use_measured else ctx.role_weight[r.role]) or 0.0 for r in members}


def gives_way(ctx: Context, g: Group) -> bool:
    """The motion is unstable, or lax with every passive primary restraint of it completely lost: only then does a
    stress test show it for certain and does the joint give way. The mild laxity of partial tears alone is neither
    (blinded review r31 C01, C03, C14: a grade II ATFL read with a positive drawer and giving way, as a rupture is;
    sources grade a partial tear's drawer differently, negative in one table, the mark of grade II in another), nor is,
    on role weights, the laxity of one primary restraint torn while another still checks the motion (a complete AITFL
    tear beside the intact deltoid: the isolated AITFL injury the syndesmosis gradings call stable or latently
    unstable, read with giving way before). Where every primary's share is measured, the laxity verdict has already
    weighed what the intact ones hold (most of the measured restraint lost), and one wholly lost primary suffices."""
    if g.status is Stability.UNSTABLE:
        return True
    passive = passive_primaries(ctx, g.members)
    if g.status is not Stability.LAXITY or not passive or disputed_alone(g):
        return False
    if all(r.contribution is not None for r in g.members if r.role is RestraintRole.PRIMARY):
        return any(g.loss.get(r.id, 0.0) >= 1.0 for r in passive)
    return all(g.loss.get(r.id, 0.0) >= 1.0 for r in passive)


def disputed_alone(g: Group) -> bool:
    """The motion loses only primary restraints whose role a source read disputes (akg:disputedBy), a source finding
    that losing one alone gives no demonstrable laxity (Wheeless: 'isolated rupture of the calcaneofibular ligament
    probably does not cause demonstrable ankle laxity'): the laxity is concluded on the role as recorded, giving way
    and a stress test's certainty are not (blinded review r49 C4); lost beside another restraint of the motion (the
    ATFL with the CFL: 'combined rupture ... results in increased talar tilt'), they are."""
    lost = [r for r in g.members if g.loss.get(r.id, 0.0) > 0]
    return bool(lost) and all(r.role is RestraintRole.PRIMARY and r.disputed_by for r in lost)


def passive_primaries(ctx: Context, members: tuple[Restraint, ...]) -> list[Restraint]:
    """The primary restraints that hold by their structure, not by a muscle's pull."""
    return [r for r in members if r.role is RestraintRole.PRIMARY and not ctx.is_any(r.structure, DYNAMIC)]


def status_of(
    ctx: Context, members: tuple[Restraint, ...], lost: dict[str, float], weights: dict[str, float]
) -> Stability:
    """Unstable only when the primaries are gone and the secondaries that check the motion next have failed
    (their lost share weighted as the fraction is: by measured contribution, else by role)."""
    primaries = [r for r in members if r.role is RestraintRole.PRIMARY]
    secondaries = [r for r in members if r.role is RestraintRole.SECONDARY]
    held = sum(weights[r.id] for r in secondaries)
    secondary_lost = sum(weights[r.id] * lost[r.id] for r in secondaries) / held if held else 1.0
    if primaries and all(lost[r.id] >= 1.0 for r in primaries) and secondary_lost >= ctx.laxity_threshold:
        return Stability.UNSTABLE
    # a primary wholly lost, or half of the primary restraint between them: a partly torn primary beside an intact
    # one leaves the motion checked (review r29 C07), as measured shares below do
    lax = bool(primaries) and (any(lost[r.id] >= 1.0 for r in primaries)
                               or sum(lost[r.id] for r in primaries) / len(primaries) >= ctx.laxity_threshold)
    if lax and all(r.contribution is not None for r in primaries):
        # measured shares speak louder than roles: a primary carrying a third of the load leaves the rest checking
        lax = measured_share_lost(members, lost) >= ctx.laxity_threshold
    return Stability.LAXITY if lax else Stability.REDUCED


def measured_share_lost(members: tuple[Restraint, ...], lost: dict[str, float]) -> float:
    """The share of the measured restraint lost: over the restraints whose contribution the sources measured."""
    measured = [r for r in members if r.contribution is not None]
    held = sum(r.contribution or 0.0 for r in measured)
    return sum((r.contribution or 0.0) * lost[r.id] for r in measured) / held if held > 0 else 0.0


def with_steps(
    ctx: Context, groups: list[Group], affected: dict[str, Affected], carried: dict[str, list[Statement]],
    parts: PartsCarry | None = None, how: dict[str, RestraintLoss] | None = None,
) -> list[Group]:
    """Each group with how its lost restraints came to be lost; ``carried``: what an unstable fracture took, and
    ``how`` it took each; ``parts``: what torn parts took of their whole's restraints."""
    parts = parts or PartsCarry()
    result = []
    for g in groups:
        lost = [r for r in g.members if g.loss[r.id] > 0]
        steps, rules = chain_facts(ctx, affected, [r.structure for r in lost])
        if any(r.id in carried for r in lost):
            steps.extend(ctx.facts(st for r in lost for st in carried.get(r.id, ())))
            rules.append("rule:unstable-fracture")
        if any(r.id in parts.shares for r in lost):
            steps.extend(ctx.facts(st for r in lost for st in parts.steps.get(r.id, ())))
            rules.append(WHOLES_RULE)
        facts = unique_facts([*steps, *(ctx.kb.restraint_fact(r) for r in lost)])
        # a structure its own injury takes is injured, however a fracture also carries it
        taken = {r.id: k for r in lost if (k := (how or {}).get(r.id)) and not _torn(affected.get(r.structure))}
        taken |= {r.id: RestraintLoss.CARRIED for r in lost
                  if (state := affected.get(r.structure)) is not None and state.reached is Reach.DETACHED}  # fmt: skip
        result.append(replace(g, steps=tuple(facts), step_rules=tuple(rules), how=taken))
    return result


def _torn(state: Affected | None) -> bool:
    return state is not None and state.reached in DAMAGED and state.lesion == LOSS


def destabilised_item(ctx: Context, g: Group, asked: str | None = None) -> DestabilisedMotion:
    """``asked``: the position the question named (a group with no stated position then says it assumed one)."""
    lost = [r for r in g.members if g.loss[r.id] > 0]
    bonus = {Stability.UNSTABLE: 1.0, Stability.LAXITY: 0.5, Stability.REDUCED: 0.0}[g.status]
    rules = g.step_rules
    because = unique_facts([*g.steps, *(ctx.kb.restraint_fact(r) for r in sorted(g.members, key=lambda r: r.id))])
    return DestabilisedMotion(
        joint=ctx.kb.ref(g.joint),
        motion=ctx.kb.ref(g.motion),
        position=ctx.kb.ref(g.position) if g.position else None,
        fraction_lost=g.fraction_lost,
        restraint_remaining=round(1.0 - g.fraction_lost, 4),
        restraints_recorded=len(g.members) - len(carried := _carried_by_parts(ctx, g.members, g.loss)),
        restraints_lost=sum(r.id not in carried for r in lost),
        restraints_lost_in_part=sum(r.id not in carried and g.loss[r.id] < 1.0 for r in lost),
        weighting="measured contributions" if measured(g.members) else "role weights",
        status=g.status,
        lost_restraints=[
            LostRestraint(structure=ctx.kb.ref(r.structure), role=r.role.value, restraint_lost=g.loss[r.id],
                          lost_as=g.how.get(r.id, RestraintLoss.INJURED))
            for r in sorted(lost, key=lambda r: (r.role != RestraintRole.PRIMARY, r.structure))
        ],
        score=round(g.fraction_lost + bonus, 4),
        note=_note(ctx, g, lost, asked),
        because=because,
        rules=ctx.rule_refs(*rules, "rule:injury-loses-restraint", "rule:motion-destabilised"),
        basis=ctx.basis(because),
    )


def kinds_said(ctx: Context, items: list[DestabilisedMotion]) -> list[DestabilisedMotion]:
    """A motion that is a kind of another listed at the same joint in the same position (talar tilt, a kind of the
    talocrural joint's inversion) says so: one movement, each item weighing the restraints its own sources record
    (reviews r37 I03, r43 I01: 'inversion' and 'talar tilt' read as one motion counted twice)."""
    listed = {(d.joint.id, d.motion.id, d.position.id if d.position else None) for d in items}
    for d in items:
        broader = [m for m in sorted(ctx.kb.motion_kinds.get(d.motion.id, ()))
                   if (d.joint.id, m, d.position.id if d.position else None) in listed]  # fmt: skip
        if broader:
            said = (f"a kind of the {' and the '.join(ctx.kb.label(m) for m in broader)} listed beside it: one "
                    "movement, each item weighing the restraints its own sources record, so their verdicts may "
                    "differ")
            d.note = f"{d.note}; {said}" if d.note else said
    return items


def _note(ctx: Context, g: Group, lost: list[Restraint], asked: str | None) -> str | None:
    """What the fraction does not say: no primary recorded, only dynamic restraints lost, or a position asked that
    no source states for these restraints."""
    notes = [] if any(r.role is RestraintRole.PRIMARY for r in g.members) else [NO_PRIMARY]
    if asked is not None and g.position is None:
        notes.insert(0, POSITION_UNSTATED.format(ctx.kb.label(asked)))
    elif asked is not None:  # a group in the asked position may count a lost restraint stated in none, or another
        # (one the editor reads in other positions only has its own note: counted, but deciding no verdict; review
        # r37 I03 read "the answer assumes it" beside "weighed without it" as a contradiction)
        assumed = [ctx.kb.label(r.structure) for r in lost if not r.positions and r.id not in g.elsewhere]
        if assumed:
            whose = f"the {assumed[0]}'s restraint is" if len(assumed) == 1 else (
                "the restraints of the " + ", the ".join(assumed) + " are")
            notes.insert(0, SOME_POSITIONS_ASSUMED.format(whose, ctx.kb.label(asked),
                                                          "it" if len(assumed) == 1 else "them"))
    if g.if_held is not None and asked is not None:
        notes.insert(1, _held_elsewhere(ctx, g, asked))
    if asked is None and g.position is not None:  # unasked: a lost primary stated in no position (review r30 I09)
        unplaced = [ctx.kb.label(r.structure) for r in lost if not r.positions and r.role is RestraintRole.PRIMARY]
        if unplaced:
            notes.append(UNPLACED_PRIMARY.format(" and the ".join(unplaced), ctx.kb.label(g.position)))
    if g.status is Stability.LAXITY and not gives_way(ctx, g):
        notes.append(_why_no_giving_way(ctx, g))
    if lost and all(ctx.is_any(r.structure, DYNAMIC) for r in lost):
        notes.append(ONLY_DYNAMIC)
    if FRAGMENT_RULE in g.step_rules:  # a posterior malleolus fracture: size-blind (review r19-r20 N15)
        notes.append(FRAGMENT_GRADED)
    if (measured_note := _measured_primaries(ctx, g)) is not None:
        notes.append(measured_note)
    if (read := _read_primaries(ctx, g, lost)) is not None:
        notes.append(read)
    if (disputed := _disputed_primaries(ctx, g, lost)) is not None:
        notes.append(disputed)
    return "; ".join(notes) or None


def _why_no_giving_way(ctx: Context, g: Group) -> str:
    """Why a lax motion gives no way: partial tears only, or a primary restraint that still holds."""
    passive = passive_primaries(ctx, g.members)
    if not any(g.loss.get(r.id, 0.0) >= 1.0 for r in passive):
        return PARTIAL_ONLY
    if disputed_alone(g):
        return DISPUTED_ALONE
    # not a part of a whole lost here, which no one knows intact (a grade III medial ankle sprain tears the deltoid,
    # its deep part only possibly: blinded reviews r49 C1, r50 C4, 'its deep tibiotalar part still checking')
    torn = {s for r in g.members if g.loss.get(r.id, 0.0) >= 1.0 for s in ctx.part_ids(r.structure)}
    holding = dict.fromkeys(ctx.kb.label(r.structure) for r in passive
                            if g.loss.get(r.id, 0.0) < 1.0 and r.structure not in torn)  # fmt: skip
    if not holding:
        return PARTS_UNKNOWN
    return ANOTHER_PRIMARY_HOLDS.format(" and the ".join(holding))


def _disputed_primaries(ctx: Context, g: Group, lost: list[Restraint]) -> str | None:
    """A verdict of laxity or instability resting on a wholly lost primary restraint that a source read disputes
    (akg:disputedBy: shown with the fact, never among its sources) says so where the verdict is, not only in the fact
    (editor42: Huang 1993 ranks the spring ligament last for the arch, which the graph records as its primary)."""
    disputed = [r for r in _deciding(g, lost) if r.disputed_by]
    if not disputed:
        return None
    said = "; ".join(
        f"the {ctx.kb.label(r.structure)}'s primary role is disputed by "
        f"{' and '.join(ctx.kb.label(s) for s in r.disputed_by)}"
        for r in disputed
    )
    return f"{said} (the verdict counts the role as recorded)"


def _read_primaries(ctx: Context, g: Group, lost: list[Restraint]) -> str | None:
    """A verdict of laxity or instability that rests only on wholly lost restraints whose primary role is the
    editor's reading says so (review r43 I07: the AITFL's loss made external rotation of the talus lax at 0.20 of
    its restraint, by a role its sources do not name, beside syndesmotic widening not lax at 35% measured)."""
    deciding = _deciding(g, lost)
    if not deciding or any(r.role_basis != terms.EDITOR_INFERENCE for r in deciding):
        return None
    whose = " and the ".join(dict.fromkeys(ctx.kb.label(r.structure) for r in deciding))
    return (f"the verdict rests on the {whose}'s role as a primary restraint, the editor's reading (its sources name "
            "no role)")


def _deciding(g: Group, lost: list[Restraint]) -> list[Restraint]:
    """The wholly lost primary restraints a verdict of laxity or instability rests on (none for a reduced one)."""
    if g.status is Stability.REDUCED:
        return []
    return [r for r in lost if r.role is RestraintRole.PRIMARY and g.loss[r.id] >= 1.0]


def _held_elsewhere(ctx: Context, g: Group, asked: str) -> str:
    """What the verdict would be were the restraints the editor reads in other positions to hold in the asked one."""
    read = [ctx.kb.restraints_by_id[i] for i in g.elsewhere]
    whose = " and the ".join(ctx.kb.label(r.structure) for r in read)
    where = sorted({ctx.kb.label(p) for r in read for p in r.positions})
    one = len(read) == 1
    it = "it" if one else "them"
    return HELD_ELSEWHERE.format(str(g.if_held), whose + ("'s restraint" if one else "'s restraints"),
                                 ctx.kb.label(asked), it, " and the ".join(where), it, it)


def _measured_primaries(ctx: Context, g: Group) -> str | None:
    """Laxity weighed on the measured contributions, as :func:`status_of` does when every primary has one, while the
    score is by role weights: say so, with the shares, or a half-torn primary reads as lax in one motion and not
    in the next (review r26 I6: a grade II AITFL, external rotation lax at 0.10, syndesmotic widening not at 0.12)."""
    primaries = [r for r in g.members if r.role is RestraintRole.PRIMARY]
    if not primaries or any(r.contribution is None for r in primaries) or measured(g.members):
        return None
    if not any(g.loss[r.id] > 0 for r in primaries):
        return None
    shares = [r for r in g.members if r.contribution is not None]
    each = ", ".join(f"{ctx.kb.label(r.structure)} {100 * (r.contribution or 0.0):.0f}%" for r in shares)
    share = measured_share_lost(g.members, g.loss)
    return (f"laxity is weighed on the measured contributions (every primary restraint has one: {each}): "
            f"{100 * share:.0f}% of the measured restraint lost, laxity from {100 * ctx.laxity_threshold:.0f}%")
