"""The unstable-fracture rule: the ankle mortise is a ring that a fracture breaks only with another break.

A fractured bony buttress (the lateral malleolus, a post against lateral shift of the talus) keeps its
restraint while the fracture is stable. It is unstable when, with the fragment gone and the ligaments
anchored on it carried along, its motion would be unstable: then the buttress and those ligaments lose
their restraint of that motion, the ligaments without being torn.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ...knowledge.model import Restraint, Statement
from . import terms
from .context import Affected, Context, implements, unique_facts
from .expansion import FRACTURE, LOSS, SKELETAL
from .mechanics import motion_position_groups, motion_weights, status_of
from .models import DAMAGED, Finding, Reach, RestraintLoss, Stability

UNSTABLE = Stability.UNSTABLE



@dataclass
class Displacement:
    """Restraints an unstable fracture carries away, and the statements that say how."""

    restraints: dict[str, float] = field(default_factory=dict)
    steps: dict[str, list[Statement]] = field(default_factory=dict)
    #: fractured buttresses that still hold, per (bone, joint, motion): the restraint of the bone and those of the
    #: rest of the ring that keep the fracture stable (an isolated lateral malleolus fracture: the deltoid, ...)
    held: dict[tuple[str, str, str], tuple[Restraint, set[Restraint]]] = field(default_factory=dict)
    #: how each carried-away restraint is lost: a broken buttress, a ligament on its fragment, an intact buttress
    how: dict[str, RestraintLoss] = field(default_factory=dict)


def _floating_posts(ctx: Context, fractured: dict[str, Affected], loss: dict[str, float]) -> dict[str, Affected]:
    """Buttresses on a bone fractured elsewhere whose tie to the joint (a ligament anchored on them that checks the
    same motion) is torn: the lateral malleolus of a Maisonneuve injury, its fibula broken and the AITFL torn."""
    posts: dict[str, Affected] = {}
    for fragment, state in fractured.items():
        # a fracture of a part of a bone (the neck of the fibula) breaks the bone: its buttresses elsewhere float;
        # a broken buttress is a fragment off its bone, which it leaves whole (a medial malleolus fracture does not
        # free the posterior malleolus from the tibia: review r39 C04)
        buttress = bool(ctx.kb.restraints_by_structure.get(fragment))
        bones = [] if buttress else [
            (w, [*state.chain, *path]) for w, path in ctx.wholes(fragment) if ctx.is_any(w, SKELETAL)
        ]
        stack = [(fragment, list(state.chain)), *bones]
        while stack:
            current, chain = stack.pop()
            for part in ctx.objects(current, terms.HAS_PART):
                path = [*chain, part]
                stack.append((part.object, path))
                for r in ctx.kb.restraints_by_structure.get(part.object, ()):
                    ties = [
                        st for st in ctx.objects_any(part.object, terms.ANCHORED)
                        if loss.get(st.object, 0.0) >= ctx.laxity_threshold
                        and any(t.joint == r.joint and t.motion == r.motion
                                for t in ctx.kb.restraints_by_structure.get(st.object, ()))
                    ]  # fmt: skip
                    if ties and part.object not in fractured:
                        posts[part.object] = Affected(state.grade, state.reached, FRACTURE, state.via,
                                                      [*path, *ties], state.rules)  # fmt: skip
    return posts


def _loose_posts(ctx: Context, loss: dict[str, float], loose: dict[str, list[Statement]]) -> dict[str, Affected]:
    """Buttresses on an unbroken bone whose joint with its neighbour is unstable (its ligaments torn), and whose own
    tie to the joint they buttress is torn too: the lateral malleolus once the whole syndesmosis and the anterior
    inferior tibiofibular ligament on it are torn, the fibula no longer held to the tibia. The bone, the torn
    ligaments of its loose joint (``loose``: the unstable joints) and the torn tie say why."""
    posts: dict[str, Affected] = {}
    for joint, torn in loose.items():
        for held, post, path in _buttresses_held(ctx, joint):
            if post in posts:
                continue
            ties = _torn_ties(ctx, post, loss, across=joint)
            if ties:
                posts[post] = Affected(3, Reach.PART, FRACTURE, None, [held, *torn, *path, *ties], ())
    return posts


def _joints_at(ctx: Context, loss: dict[str, float]) -> dict[Stability, dict[str, list[Statement]]]:
    """By status (unstable, increased laxity), the joints one of whose motions the lost restraints leave so (in any
    position), each once, with the lost ligaments across them; only the motions a lost structure restrains can have
    changed. Worked out once per answer for the loose and the loosened posts."""
    found: dict[Stability, dict[str, list[Statement]]] = {UNSTABLE: {}, Stability.LAXITY: {}}
    touched = sorted({(r.joint, r.motion) for s in loss for r in ctx.kb.restraints_by_structure.get(s, ())})
    for joint, motion in touched:
        for pos, members in motion_position_groups(ctx, joint, motion):
            lost = {m.id: loss.get(m.structure, 0.0) for m in members}
            if not any(lost.values()):
                continue
            status = status_of(ctx, members, lost, motion_weights(ctx, joint, motion, pos))
            if status not in found:
                continue
            torn = found[status].setdefault(joint, [])
            torn.extend(st for m in members if lost[m.id] for st in ctx.objects(m.structure, terms.SPANS_JOINT)
                        if st.object == joint and st not in torn)  # fmt: skip
    return found


def _buttresses_held(ctx: Context, joint: str) -> tuple[tuple[Statement, str, tuple[Statement, ...]], ...]:
    """The bony buttresses on the bones a joint holds together (each bone's 'joint of' statement, the part, and the
    has-part steps down to it), in the order :func:`_loose_posts` meets them: parts at any depth, last listed first;
    only those that restrain a motion (only a buttress can float). The graph's alone: kept per engine, where every
    answer with an unstable joint walked the parts of its bones."""

    def walk() -> tuple[tuple[Statement, str, tuple[Statement, ...]], ...]:
        found = []
        for held in ctx.objects(joint, terms.JOINT_OF):  # the bones this joint no longer holds together
            stack: list[tuple[str, tuple[Statement, ...]]] = [(held.object, ())]
            while stack:
                current, path = stack.pop()
                for part in ctx.objects(current, terms.HAS_PART):
                    stack.append((part.object, (*path, part)))
                    if ctx.kb.restraints_by_structure.get(part.object):
                        found.append((held, part.object, (*path, part)))
        return tuple(found)

    return ctx.derived(("buttresses held", joint), walk)


def _loosened_posts(
    ctx: Context, affected: dict[str, Affected], shaky: dict[Stability, dict[str, list[Statement]]]
) -> dict[str, Affected]:
    """Buttresses on an unbroken bone tied to their neighbour across a joint their torn ties leave lax (the lateral
    malleolus with its AITFL and the interosseous ligament torn): checked as a broken one is, they hold while the
    rest of the ring does and not once it is broken too (the deltoid or the medial malleolus lost). One torn tie
    whose joint still holds (the AITFL alone: no significant diastasis with the deltoid cut too, Massri-Pugin 2018)
    leaves the post holding the talus (reviews r36 C09, r37 I14, r39 C03). ``shaky``: :func:`_joints_at`."""
    lax: dict[str, list[Statement]] = {}
    for status in (Stability.LAXITY, UNSTABLE):  # lax or worse, each joint's torn ligaments once
        for joint, torn in shaky[status].items():
            known = lax.setdefault(joint, [])
            known.extend(st for st in torn if st not in known)
    posts: dict[str, Affected] = {}
    for ligament, state in affected.items():
        if not _torn(state):
            continue
        for attached in ctx.objects(ligament, terms.DISTAL_ATTACHMENT):
            post = attached.object
            if post in posts:
                continue
            ties = _ties(ctx, post, lambda lig: _torn(affected.get(lig)))
            across = {j.object for st in ties for j in ctx.objects(st.object, terms.SPANS_JOINT)} & set(lax)
            if across:
                posts[post] = Affected(3, Reach.PART, FRACTURE, None,
                                       [*ties, *(st for j in sorted(across) for st in lax[j] if st not in ties)], ())
    return posts


def _ties(ctx: Context, post: str, torn: Callable[[str], bool]) -> list[Statement]:
    """The ligaments hanging a bony buttress from its neighbour that ``torn`` accepts: the post is their distal
    attachment and they span a joint other than those it buttresses (the AITFL runs from the tibia down to the
    lateral malleolus across the tibiofibular joint; the ATFL, which starts from it, is no tie)."""
    buttressed = {r.joint for r in ctx.kb.restraints_by_structure.get(post, ())}
    if not buttressed or not ctx.is_any(post, (terms.BONE, terms.BONY_LANDMARK)):
        return []
    return [
        st for st in ctx.objects(post, terms.DISTAL_ATTACHMENT_OF) if torn(st.object)
        and any(j.object not in buttressed for j in ctx.objects(st.object, terms.SPANS_JOINT))
    ]  # fmt: skip


def _torn(state: Affected | None) -> bool:
    """Torn through (grade III), not carried off with a fragment: a fractured posterior malleolus keeps its PITFL."""
    return state is not None and state.reached in DAMAGED and state.lesion == LOSS and state.grade >= 3


def _torn_ties(ctx: Context, post: str, loss: dict[str, float], across: str) -> list[Statement]:
    """Torn ligaments that hung ``post`` from its neighbour across the loose joint ``across``: those the post is
    the distal attachment of (the anterior and posterior inferior tibiofibular ligaments run from the tibia down to
    the lateral malleolus: the fibula is what they held). The posterior malleolus they start from, and the medial
    malleolus whose deltoid runs down to the talus, are on the bone that stays."""
    return [
        st for st in ctx.objects(post, terms.DISTAL_ATTACHMENT_OF)
        if loss.get(st.object, 0.0) >= ctx.laxity_threshold
        and across in {j.object for j in ctx.objects(st.object, terms.SPANS_JOINT)}
    ]  # fmt: skip


@implements("rule:unstable-fracture")
def displaced_buttresses(ctx: Context, affected: dict[str, Affected], loss: dict[str, float]) -> Displacement:
    """Each fractured buttress whose ring is broken elsewhere too, with what its fragment carries; a buttress on a
    bone that its torn ligaments no longer hold to its neighbour counts as one (the ring broken by ligaments)."""
    fractured = {c: s for c, s in affected.items() if s.reached in DAMAGED and s.lesion == FRACTURE}
    broken = set(fractured)  # the others are intact posts whose ring is broken by their torn ties
    fractured |= _floating_posts(ctx, fractured, loss)
    shaky = _joints_at(ctx, loss)
    fractured |= {c: s for c, s in _loose_posts(ctx, loss, shaky[UNSTABLE]).items() if c not in fractured}
    loose = set(fractured) - broken  # floating or loose: no longer held at all
    fractured |= {c: s for c, s in _loosened_posts(ctx, affected, shaky).items() if c not in fractured}
    anchored = {bone: ctx.objects_any(bone, terms.ANCHORED) for bone in fractured}  # ligaments on the fragment itself
    result = Displacement()
    for bone, state in sorted(fractured.items()):
        for r in ctx.kb.restraints_by_structure.get(bone, ()):
            # a ligament from the fragment across the joint goes with it (the deltoid with the medial malleolus);
            # one that ties the fragment to its neighbour (the AITFL to the tibia) does not
            carried = {
                st.object: st
                for statements in anchored.values()
                for st in statements
                if r.joint in {j.object for j in ctx.objects(st.object, terms.SPANS_JOINT)}
            }
            for pos, members in motion_position_groups(ctx, r.joint, r.motion):
                lost = {
                    m.id: 1.0 if m.structure in fractured or m.structure in carried else loss.get(m.structure, 0.0)
                    for m in members
                }
                weights = motion_weights(ctx, r.joint, r.motion, pos)
                if status_of(ctx, members, lost, weights) is not Stability.UNSTABLE:
                    if bone in affected:  # the rest of the ring holds: a stable fracture, and what keeps it so
                        holding = {m for m in members if lost[m.id] < 1.0}
                        _, known = result.held.setdefault((bone, r.joint, r.motion), (r, set()))
                        known.update(holding)
                    continue
                for m in members:
                    if m.structure == bone:
                        result.restraints[m.id] = 1.0
                        result.steps[m.id] = list(state.chain)
                        result.how[m.id] = (
                            RestraintLoss.DISPLACED if bone in broken
                            else RestraintLoss.UNHELD if bone in loose else RestraintLoss.LOOSENED
                        )  # fmt: skip
                    elif m.structure in carried and carried[m.structure] in anchored[bone]:
                        result.restraints[m.id] = 1.0
                        result.steps[m.id] = [*state.chain, carried[m.structure]]
                        result.how.setdefault(m.id, RestraintLoss.CARRIED)
    return result


def stable_fractures(ctx: Context, affected: dict[str, Affected], displaced: Displacement) -> list[Finding]:
    """Each fractured buttress that keeps its hold, with what keeps its ring closed (rule unstable-fracture): an
    isolated fracture is stable only while the other side holds, which is what a clinician checks next."""
    items = []
    for (bone, joint, motion), (own, holding) in sorted(displaced.held.items()):
        holders = sorted({h.structure for h in holding if h.structure != bone}, key=ctx.kb.label)
        if not holders:
            continue
        facts = [*ctx.facts(affected[bone].chain), ctx.kb.restraint_fact(own)]
        facts += [ctx.kb.restraint_fact(h) for h in sorted(holding, key=lambda h: h.id) if h.structure != bone]
        # a holding buttress whose own ties are torn (the lateral malleolus with its AITFL): it holds only while
        # the rest of them do, so the fracture's stability is in doubt, not assured (review r18 N9)
        # ('loosened' is the rule's word for a post whose torn ties leave their joint lax, which then no longer holds)
        tied = {h: torn for h in holders if (torn := _ties(ctx, h, lambda lig: _damaged(affected.get(lig))))}
        facts += ctx.facts([st for torn in tied.values() for st in torn])
        because = unique_facts(facts)
        doubt = "".join(
            f"; but the {ctx.kb.label(h)} has a tie to its neighbour torn (the "
            f"{', the '.join(ctx.kb.label(st.object) for st in torn)}) and holds only while its other ties do: "
            "the fracture's stability is in doubt"
            for h, torn in tied.items()
        )
        items.append(Finding(
            entity=ctx.kb.ref(bone),
            # against this motion only: a medial malleolus that carries the deltoid off loses its hold on eversion,
            # listed among the destabilised motions, while the ring still checks the lateral shift (review r22 K12)
            detail=f"stable against {ctx.kb.label(motion)} of the {ctx.kb.label(joint)} while the rest of the ring "
            f"holds: it is still checked by the {', the '.join(ctx.kb.label(h) for h in holders)}; an injury of "
            f"those too can make it unstable{doubt}",
            score=1.0, because=because, rules=ctx.rule_refs(*affected[bone].rules, "rule:unstable-fracture"),
            basis=ctx.basis(because),
        ))  # fmt: skip
    return items


def _damaged(state: Affected | None) -> bool:
    """Torn at any grade (a partial tear of the AITFL loosens the lateral malleolus too)."""
    return state is not None and state.reached in DAMAGED and state.lesion == LOSS
