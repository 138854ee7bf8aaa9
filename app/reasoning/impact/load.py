"""Who takes over what the injury lost: the intact restraints of a destabilised motion and the muscles that oppose
it (rule load-transfer), and the synergists of a weakened motion (rule synergists-take-over)."""

from __future__ import annotations

from functools import partial
from typing import Any

from ...knowledge.model import MuscleAction, Restraint, Statement
from ...models import Fact
from . import terms
from .context import Context, implements, unique_facts
from .mechanics import DYNAMIC, Group
from .models import IncreasedLoad, LoadKind, Stability
from .weakness import Weakness

#: increased-load entries by (structure, kind, joint, motion): score, positions, reasons, rules
Collected = dict[tuple[str, LoadKind, str, str], dict[str, Any]]


@implements("rule:load-transfer")
def increased_load(
    ctx: Context, groups: list[Group], loss: dict[str, float], injured: frozenset[str] = frozenset(),
    unsure: frozenset[str] = frozenset(),
) -> list[IncreasedLoad]:
    """Intact restraints of each destabilised motion carry more load, and the opposing muscles of a lax or unstable
    one; ``injured``: structures the injury damages without a loss of restraint (a fractured malleolus that still
    holds) take on nothing more; ``unsure``: what is not known intact (:func:`not_known_intact`) takes on nothing."""
    collected: Collected = {}
    for g in groups:
        lost_facts = list(g.steps)
        shifted = g.fraction_lost * ctx.load_status_rank[g.status]  # an unstable motion shifts more than a reduced one
        for r in g.members:
            if (g.loss[r.id] == 0 and r.structure not in loss and r.structure not in injured
                    and r.structure not in unsure and not ctx.part_set(r.structure) & unsure
                    and not _part_lost(ctx, r.structure, loss) and not _anchor_lost(ctx, r, loss)):
                kind: LoadKind = "dynamic stabiliser" if ctx.is_any(r.structure, DYNAMIC) else "restraint"
                _collect(collected, (r.structure, kind, g.joint, g.motion), g.position,
                         shifted * ctx.load_rank[r.role], [*lost_facts, ctx.kb.restraint_fact(r)],
                         g.step_rules)  # fmt: skip
        if g.status is Stability.REDUCED:
            continue  # still checked by its passive restraints: no muscle is said to take over (the calf muscles)
        for action, joint_link in _opposing_actions(ctx, g.joint, g.motion):
            if action.muscle not in loss and action.muscle not in unsure:
                facts = [*lost_facts, ctx.kb.action_fact(action), *ctx.facts(joint_link)]
                _collect(collected, (action.muscle, "dynamic stabiliser", g.joint, g.motion), g.position,
                         shifted * ctx.load_rank[action.role], facts, g.step_rules)  # fmt: skip
    return _load_items(ctx, collected, "rule:load-transfer")


def not_known_intact(ctx: Context, possible: frozenset[str]) -> frozenset[str]:
    """What a named condition only may involve (rule possibly-involved), with its parts and, for a tendon or a
    muscle, the unit it forms: neither damaged nor known intact, so none of it is said to take over (review: a grade
    III lateral ankle sprain, which may tear the CFL, listed the CFL as carrying more load)."""
    return frozenset().union(*(ctx.derived(("not known intact", curie), partial(_unit, ctx, curie))
                               for curie in possible))


def _unit(ctx: Context, curie: str) -> frozenset[str]:
    found = {curie, *ctx.part_ids(curie)}
    for predicate in (terms.TENDON_OF, terms.HAS_TENDON):
        for st in ctx.objects(curie, predicate):
            found.update((st.object, *ctx.part_ids(st.object)))
    return frozenset(found)


def _anchor_lost(ctx: Context, r: Restraint, loss: dict[str, float]) -> bool:
    """A bony buttress that holds the motion through a ligament anchored on it which is lost, or has a lost part (the
    medial malleolus holds the talus against lateral shift through the deltoid ligament): with that ligament torn it
    takes on nothing more, as the talus moves away from it."""
    if not ctx.is_any(r.structure, (terms.BONE, terms.BONY_LANDMARK)):
        return False
    for st in ctx.objects_any(r.structure, terms.ANCHORED):
        own = ctx.kb.restraints_by_structure.get(st.object, ())
        checks = any((t.joint, t.motion) == (r.joint, r.motion) for t in own)
        if checks and (loss.get(st.object, 0.0) > 0 or _part_lost(ctx, st.object, loss)):
            return True
    return False


def _part_lost(ctx: Context, whole: str, loss: dict[str, float]) -> bool:
    """A part of the whole (at any depth) lost: the deltoid ligament whose deep bands are torn takes no load over
    from them."""
    return any(loss.get(part, 0.0) > 0 for part in ctx.part_ids(whole))


@implements("rule:synergists-take-over")
def synergists(
    ctx: Context, found: list[Weakness], loss: dict[str, float], unsure: frozenset[str] = frozenset()
) -> list[IncreasedLoad]:
    """Intact muscles producing a weakened motion substitute for the lost ones (not one in ``unsure``: a named
    condition may involve it or its tendon, rule possibly-involved)."""
    collected: Collected = {}
    for w in found:
        lost_facts = list(w.steps)
        for a in w.members:
            if w.loss[a.id] == 0 and a.muscle not in loss and a.muscle not in unsure:
                _collect(collected, (a.muscle, "synergist", w.joint, w.motion), None,
                         w.fraction_lost * ctx.load_rank[a.role], [*lost_facts, ctx.kb.action_fact(a)],
                         w.step_rules)  # fmt: skip
    return _load_items(ctx, collected, "rule:synergists-take-over")


def _collect(collected: Collected, key: tuple[str, LoadKind, str, str], position: str | None, score: float,
             facts: list[Fact], rules: tuple[str, ...]) -> None:  # fmt: skip
    entry = collected.setdefault(key, {"positions": set(), "score": 0.0, "because": [], "rules": []})
    entry["rules"].extend(r for r in rules if r not in entry["rules"])
    if position:
        entry["positions"].add(position)
    entry["score"] = max(entry["score"], score)
    entry["because"].extend(facts)


def _load_items(ctx: Context, collected: Collected, rule: str) -> list[IncreasedLoad]:
    items = []
    for (structure, kind, joint, motion), entry in collected.items():
        because = unique_facts(entry["because"])
        items.append(IncreasedLoad(
            structure=ctx.kb.ref(structure), kind=kind, joint=ctx.kb.ref(joint), motion=ctx.kb.ref(motion),
            positions=[ctx.kb.ref(p) for p in sorted(entry["positions"])], score=round(entry["score"], 4),
            because=because, rules=ctx.rule_refs(*entry["rules"], rule), basis=ctx.basis(because),
        ))  # fmt: skip
    return items


def _opposing_actions(ctx: Context, joint: str, motion: str) -> list[tuple[MuscleAction, list[Statement]]]:
    """Muscle actions producing the opposite motion at this joint or at a joint sharing a bone (once per engine)."""
    return ctx.derived(("opposing actions", joint, motion), lambda: _find_opposing_actions(ctx, joint, motion))


def _find_opposing_actions(ctx: Context, joint: str, motion: str) -> list[tuple[MuscleAction, list[Statement]]]:
    opposite = set(ctx.kb.opposite_motions.get(motion, ()))
    for general in ctx.kb.motion_kinds.get(motion, ()):
        opposite |= ctx.kb.opposite_motions.get(general, frozenset())
    found: list[tuple[MuscleAction, list[Statement]]] = []
    for (action_joint, action_motion), actions in sorted(ctx.kb.actions_by_motion.items()):
        if action_motion not in opposite:
            continue
        link = [] if action_joint == joint else _shared_bone(ctx, joint, action_joint)
        if action_joint == joint or link:
            found.extend((a, link) for a in actions)
    return found


def _shared_bone(ctx: Context, joint_a: str, joint_b: str) -> list[Statement]:
    """The 'connects' statements showing two joints share a bone, or [] if they do not."""
    bones_a = {st.object: st for st in ctx.objects(joint_a, terms.JOINT_OF)}
    for st in ctx.objects(joint_b, terms.JOINT_OF):
        if st.object in bones_a:
            return [bones_a[st.object], st]
    return []
