"""Stage 3 for muscle function: weakened motions, and the level a named nerve's weakness holds at."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ...knowledge.model import ActionRole, MuscleAction, Statement
from ...models import Fact
from .context import Affected, Context, implements, unique_facts
from .levels import below_site, first_branch, named_nerve
from .mechanics import chain_facts
from .models import Reach, Strength, WeakenedMotion


@dataclass(frozen=True)
class Weakness:
    joint: str
    motion: str
    members: tuple[MuscleAction, ...]
    loss: dict[str, float]
    fraction_lost: float
    status: Strength
    steps: tuple[Fact, ...] = ()
    step_rules: tuple[str, ...] = ()
    #: the level the answer assumed for a named nerve that weakens the motion (review r29 C18), and those nerves
    level: str | None = None
    nerves: tuple[str, ...] = ()


def weaknesses_with_steps(ctx: Context, found: list[Weakness], affected: dict[str, Affected]) -> list[Weakness]:
    """Each weakness with how its lost actions came to be lost."""
    result = []
    for w in found:
        # the prime movers' losses first: they are why the motion is weak (tibialis anterior, not fibularis tertius)
        lost = sorted((a for a in w.members if w.loss[a.id] > 0), key=lambda a: a.role is not ActionRole.PRIME_MOVER)
        steps, rules = chain_facts(ctx, affected, [a.muscle for a in lost])
        known = _known_levels(ctx, lost, affected)
        facts = unique_facts([*steps, *ctx.facts(known), *(ctx.kb.action_fact(a) for a in lost)])
        nerves = _named_nerves(ctx, lost, affected)
        level = "; ".join(filter(None, [_nerve_level(ctx, nerves), _said_level(ctx, known, affected)])) or None
        result.append(replace(w, steps=tuple(facts), step_rules=tuple(rules), level=level, nerves=tuple(nerves)))
    return result


def _known_levels(ctx: Context, lost: list[MuscleAction], affected: dict[str, Affected]) -> list[Statement]:
    """That the branches to these muscles leave the named nerve at or below its condition's site (levels)."""
    found = (below_site(ctx, affected[a.muscle]) for a in lost if a.muscle in affected)
    return list({id(st): st for st in found if st is not None}.values())


def _said_level(ctx: Context, known: list[Statement], affected: dict[str, Affected]) -> str | None:
    """The level a condition's site gives, said as known: its branches leave at or below it."""
    if not known:
        return None
    said = [f"the {ctx.kb.label(st.subject)} leaves at or below the {ctx.kb.label(st.object)}" for st in known]
    conditions = {s.via for st in known if (s := affected.get(st.subject)) and s.via}
    where = " and the ".join(sorted(ctx.kb.label(c) for c in conditions))
    return f"the {where} is at a site above its branches to these muscles: {', '.join(said)}"


#: a named nerve's muscles of one motion, by the branch that reaches them (None: the nerve's own branches)
NerveMuscles = dict[str, dict[str | None, list[str]]]


def _named_nerves(ctx: Context, lost: list[MuscleAction], affected: dict[str, Affected]) -> NerveMuscles:
    """The named nerves whose lesion denervates these muscles, each muscle under the branch of the nerve that
    reaches it (the medial plantar nerve's abductor hallucis) or under None (the tibial nerve's own FHL)."""
    nerves: NerveMuscles = {}
    for a in lost:
        state = affected.get(a.muscle)
        if state is None or state.reached is not Reach.DENERVATED or not state.chain:
            continue
        named = named_nerve(ctx, state.chain)
        if named is None or below_site(ctx, state) is not None:
            continue  # a branch that leaves below the site of the condition named: the level is known, not assumed
        if affected.get(named) is not None and affected[named].reached in (Reach.NAMED, Reach.CONDITION):
            via = first_branch(state.chain)
            muscles = nerves.setdefault(named, {}).setdefault(via, [])
            if (label := ctx.kb.label(a.muscle)) not in muscles:
                muscles.append(label)
    return nerves


def _nerve_level(ctx: Context, nerves: NerveMuscles) -> str | None:
    """A named nerve is taken as injured along its whole course, above the branches to its muscles: say so where it
    weakens a motion, since a lesion below them (the superficial fibular nerve at the ankle, sensory there) spares it
    (review r29 C18), and one between them takes only the muscles of its branches below it (the tibial nerve at the
    tarsal tunnel: the plantar nerves' muscles, not the FHL; review r30 I16)."""
    said = []
    for nerve, by_branch in nerves.items():
        own = by_branch.get(None, [])
        branches = [(b, m) for b, m in by_branch.items() if b is not None]
        reach = [f"the {join_the(own)}"] if own else []
        # (each branch's muscles with the branch in brackets: review r41 I06 read "nerve,, and" where two were)
        reach += [f"the {join_the(m)} (through the {ctx.kb.label(b)})" for b, m in branches]
        one = sum(len(m) for m in by_branch.values()) == 1
        text = (f"if the {ctx.kb.label(nerve)} is injured above its branch{'' if one else 'es'} to "
                f"{', and '.join(reach)} (the answer takes a named nerve along its whole course)")
        if own and branches:
            rest = "; ".join(f"the {join_the(m)}, of the {ctx.kb.label(b)}" for b, m in branches)
            text += (f"; a lesion below its own branches to the {join_the(own)} still takes {rest}; one below all of "
                     "them spares this motion")
        elif not one:  # where each branch leaves is not recorded
            text += ("; a lesion between its branches takes only the muscles whose branches leave below it; one "
                     "below all of them spares this motion")
        else:
            text += "; a lesion below that branch spares this motion"
        said.append(text)
    return "; ".join(said) or None


def join_the(names: list[str]) -> str:
    """Names as 'a', 'a and the b', 'a, the b and the c' (each after a 'the' the caller writes)."""
    return names[0] if len(names) == 1 else f"{', the '.join(names[:-1])} and the {names[-1]}"


@implements("rule:motion-weakened")
def weaknesses(ctx: Context, loss: dict[str, float]) -> list[Weakness]:
    """Per joint and motion: the weighted share of the muscles' production lost; 'lost' when no muscle is left."""
    touched = {(a.joint, a.motion) for m in loss for a in ctx.kb.actions_by_muscle.get(m, ())}
    result = []
    for joint, motion in sorted(touched):
        members = tuple(ctx.kb.actions_by_motion[(joint, motion)])
        lost = {a.id: loss.get(a.muscle, 0.0) for a in members}
        weights = {a.id: ctx.action_weight[a.role] for a in members}
        fraction = sum(weights[a.id] * lost[a.id] for a in members) / (sum(weights.values()) or 1.0)
        primes = [a for a in members if a.role is ActionRole.PRIME_MOVER]
        if all(lost[a.id] >= 1.0 for a in members):
            status = Strength.LOST
        elif primes and all(lost[a.id] >= 1.0 for a in primes):
            status = Strength.PRIME_MOVERS_LOST  # only assistants produce it now: weak, but not gone
        elif primes and not any(lost[a.id] for a in primes):
            status = Strength.ASSISTANTS_LOST  # the prime movers still produce it at full strength
        else:
            status = Strength.WEAK
        result.append(Weakness(joint, motion, members, lost, round(min(fraction, 1.0), 4), status))
    return sorted(result, key=lambda w: (-w.fraction_lost, w.joint, w.motion))


def weakened_item(ctx: Context, w: Weakness) -> WeakenedMotion:
    rules = w.step_rules
    # the lost actions (in the steps) first, then what still produces the motion, prime movers before assistants (review
    # r22: a soleus lesion's weak plantarflexion argued by the fibularis longus, an assistant, before the gastrocnemius)
    members = sorted(w.members, key=lambda a: (w.loss[a.id] == 0, a.role is not ActionRole.PRIME_MOVER))
    because = unique_facts([*w.steps, *(ctx.kb.action_fact(a) for a in members)])
    return WeakenedMotion(
        joint=ctx.kb.ref(w.joint),
        motion=ctx.kb.ref(w.motion),
        fraction_lost=w.fraction_lost,
        status=w.status,
        lost_actions=[ctx.kb.ref(a.muscle) for a in w.members if w.loss[a.id] > 0],
        prime_movers_recorded=sum(1 for a in w.members if a.role is ActionRole.PRIME_MOVER),
        prime_movers_lost=sum(1 for a in w.members if a.role is ActionRole.PRIME_MOVER and w.loss[a.id] > 0),
        assistants_recorded=sum(1 for a in w.members if a.role is not ActionRole.PRIME_MOVER),
        assistants_lost_count=sum(1 for a in w.members if a.role is not ActionRole.PRIME_MOVER and w.loss[a.id] > 0),
        partly_lost=[ctx.kb.ref(a.muscle) for a in w.members if 0 < w.loss[a.id] < 1.0],
        note=w.level,
        score=round(w.fraction_lost + {Strength.LOST: 1.0, Strength.PRIME_MOVERS_LOST: 0.5}.get(w.status, 0.0), 4),
        because=because,
        rules=ctx.rule_refs(*rules, "rule:injury-loses-actions", "rule:motion-weakened"),
        basis=ctx.basis(because),
    )
