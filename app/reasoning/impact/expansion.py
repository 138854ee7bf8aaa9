"""Stage 1: what kind of lesion each named injury is, and which structures it reaches.

The rules follow the lesion mechanism, not the graph's shape: a fracture tears no ligament (a ligament anchored
on a fragment that nothing else holds in place goes with it, untorn), an entrapment compresses a nerve and leaves
its retinaculum intact, a torn tendon unloads its muscles without injuring them, and only a loss of continuity
spreads to the true parts of a whole.
"""

from __future__ import annotations

from collections.abc import Iterable

from ...knowledge.model import Statement
from . import terms
from .context import Affected, Context, Grade, Reacher, implements
from .ischaemia import starve_muscles
from .levels import spared
from .models import DAMAGED, Reach

#: muscles that no longer load their tendons: their nerve lost, blocked, or ischaemic in a swollen compartment
NO_LONGER_PULLING = (Reach.DENERVATED, Reach.BLOCKED, Reach.ISCHAEMIC)

LOSS = terms.LOSS_OF_CONTINUITY
FRACTURE = terms.FRACTURE
COMPRESSION = terms.COMPRESSION
INSTABILITY = terms.TENDON_INSTABILITY
SKELETAL = (terms.BONE, terms.BONE_PART)
#: wholes whose injury is not a tear of their parts: a bone (its landmarks), a region (the foot, the leg)
NO_TORN_WHOLE = (*SKELETAL, terms.REGION)

#: (condition, structure) pairs a reading of the injury leaves out: the alternatives it did not take
Excluded = frozenset[tuple[str, str]]


@implements("rule:default-lesion")
def default_lesion(ctx: Context, curie: str) -> str | None:
    """The lesion a structure named without a condition has: the mechanism its kind defaults to (once per engine)."""
    return ctx.derived(("default lesion", curie), lambda: _default_lesion(ctx, curie))


def _default_lesion(ctx: Context, curie: str) -> str | None:
    candidates = [spec for spec in ctx.rules.lesions.values() if ctx.is_any(curie, spec.default_for)]
    return min(candidates, key=lambda spec: spec.precedence).id if candidates else None


def other_lesions(ctx: Context, curie: str, lesion: str | None) -> list[str]:
    """The conditions that damage a structure by another lesion than ``lesion`` (rule default-lesion: a nerve named
    alone is torn along its whole course; its entrapment, a compression, is another lesion of it), or that involve it
    by none of its kind (an os trigonum, a cause of posterior ankle impingement, which inflames the soft tissue)."""
    return sorted({
        st.object for st in ctx.objects(curie, terms.AFFECTED_BY)
        if lesion_for(ctx, condition_lesions(ctx, st.object), curie) != lesion
    })  # fmt: skip


def lesion_for(ctx: Context, lesions: Iterable[str], curie: str) -> str | None:
    """The first of a condition's lesions (by precedence) that can damage this kind of structure (once per engine)."""
    chosen = tuple(lesions)
    return ctx.derived(("lesion for", chosen, curie), lambda: _lesion_for(ctx, chosen, curie))


def _lesion_for(ctx: Context, lesions: tuple[str, ...], curie: str) -> str | None:
    specs = [ctx.rules.lesions[lesion] for lesion in lesions if lesion in ctx.rules.lesions]
    fitting = [spec for spec in specs if ctx.is_any(curie, spec.applies_to)]
    return min(fitting, key=lambda spec: spec.precedence).id if fitting else None


def condition_grade(ctx: Context, condition: str, requested: Grade) -> Grade:
    """The grade a named condition is taken at: the requested one when the condition declares no grade or that
    one (akg:injuryGrade), else the nearest it declares (a rupture named at grade I is a partial tear, II)."""
    term = ctx.kb.terms.get(condition)
    declared = sorted({int(v) for p, v in term.annotations if p == terms.INJURY_GRADE} & {1, 2, 3}) if term else []
    if not declared or requested in declared:
        return requested
    nearest = min(declared, key=lambda g: (abs(g - requested), g))
    return nearest  # type: ignore[return-value]


def condition_lesions(ctx: Context, condition: str) -> list[str]:
    return [st.object for st in ctx.objects(condition, terms.LESION)]


@implements("rule:condition-lesions")
def apply_condition(
    ctx: Context, condition: str, state: Affected, reach: Reacher, excluded: Excluded = frozenset()
) -> None:
    """A named condition damages what it affects by its own mechanism; the rest is its intact site.

    ``excluded``: the (condition, structure) alternatives this reading does not take (rule alternatives-intersect).
    """
    lesions = condition_lesions(ctx, condition)
    lesion_steps = ctx.objects(condition, terms.LESION)
    for st in ctx.objects(condition, terms.AFFECTS):
        if (condition, st.object) in excluded:
            continue
        chain = [*state.chain, st]
        if not lesions:  # no declared mechanism: each structure as if named
            lesion = default_lesion(ctx, st.object)
            rule = "rule:default-lesion"
        else:
            lesion = lesion_for(ctx, lesions, st.object)
            chain += [s for s in lesion_steps if s.object == lesion]
            rule = "rule:condition-lesions"
        if lesion is None:
            reach(st.object, state.grade, Reach.SITE, condition, chain, "rule:condition-lesions", None)
        elif lesion == COMPRESSION:
            reach(st.object, ctx.compression_grade, Reach.COMPRESSED, condition, chain, rule, lesion)
        else:
            reach(st.object, state.grade, Reach.CONDITION, condition, chain, rule, lesion)


def names_parts(ctx: Context, condition: str | None, whole: str) -> bool:
    """The condition that reached this whole names which of its parts it damages (a sprain: the ATFL and CFL)."""
    if condition is None or not ctx.kb.is_a(condition, terms.CONDITION):
        return False
    named = {st.object for st in ctx.objects(condition, terms.AFFECTS)}
    return bool({st.object for st in ctx.objects(whole, terms.HAS_PART)} & named)


@implements("rule:whole-injures-parts")
def tear_parts(ctx: Context, curie: str, state: Affected, root: str, reach: Reacher) -> None:
    """A whole that loses continuity loses it in its true parts (never a bone's landmarks, nor a region's parts: the
    foot named says nothing of its plantar aponeurosis)."""
    if state.lesion == LOSS and not ctx.is_any(curie, NO_TORN_WHOLE) and not names_parts(ctx, state.via, curie):
        for st in ctx.objects(curie, terms.HAS_PART):
            reach(st.object, state.grade, Reach.PART, root, [*state.chain, st], "rule:whole-injures-parts", LOSS)


@implements("rule:tendon-transmits-force")
def unload_unit(ctx: Context, curie: str, state: Affected, root: str, reach: Reacher) -> None:
    """A torn tendon unloads its muscles (and their parts); a torn, denervated or ischaemic muscle unloads its
    tendon (by its own share)."""
    rule = "rule:tendon-transmits-force"
    stretched = state.lesion == LOSS and not ctx.grade_loss[state.grade]  # a grade I stretch still transmits force
    if state.lesion == LOSS and not stretched and ctx.kb.is_a(curie, terms.TENDON):
        for st in ctx.objects(curie, terms.TENDON_OF):
            reach(st.object, state.grade, Reach.FORCE, root, [*state.chain, st], rule, None)
    if not ctx.is_any(curie, (terms.MUSCLE, terms.MUSCLE_PART)):
        return
    if state.reached is Reach.FORCE:  # every part of a muscle acts through the torn tendon
        for st in ctx.objects(curie, terms.HAS_PART):
            reach(st.object, state.grade, Reach.FORCE, root, [*state.chain, st], rule, None)
    elif (state.lesion == LOSS and not stretched) or state.reached in NO_LONGER_PULLING:
        for st in ctx.objects(curie, terms.HAS_TENDON):
            reach(st.object, state.grade, Reach.FORCE, root, [*state.chain, st], rule, None)


@implements("rule:torn-part-weakens-whole")
def weaken_whole(ctx: Context, curie: str, state: Affected, root: str, reach: Reacher) -> None:
    """A torn head with no action of its own in the data costs its muscle a share of the muscle's actions."""
    if state.lesion != LOSS or state.reached not in DAMAGED or not ctx.kb.is_a(curie, terms.MUSCLE_PART):
        return
    if ctx.kb.actions_by_muscle.get(curie):
        return  # its own actions are lost by rule injury-loses-actions
    if not ctx.grade_loss[state.grade]:
        return  # a stretched head (grade I) loses nothing, so costs its muscle nothing: no "torn part" (r32 C10)
    for st in ctx.objects(curie, terms.PART_OF):
        if ctx.kb.is_a(st.object, terms.MUSCLE):
            reach(st.object, state.grade, Reach.PART_TORN, root, [*state.chain, st], "rule:torn-part-weakens-whole",
                  None)  # fmt: skip


@implements("rule:retinaculum-holds-tendons")
def release_tendons(ctx: Context, curie: str, state: Affected, root: str, reach: Reacher) -> None:
    """A retinaculum torn at grade II or more no longer holds the tendons that pass beneath it."""
    if state.lesion == LOSS and ctx.kb.is_a(curie, terms.RETINACULUM) and state.grade >= ctx.retinaculum_grade:
        for st in ctx.objects(curie, terms.TRAVERSED_BY):
            if ctx.kb.is_a(st.object, terms.TENDON):
                reach(st.object, state.grade, Reach.SUBLUXED, root, [*state.chain, st],
                      "rule:retinaculum-holds-tendons", INSTABILITY)  # fmt: skip


@implements("rule:nerve-injury-reaches-branches")
def injure_branches(
    ctx: Context, curie: str, state: Affected, root: str, reach: Reacher, affected: dict[str, Affected]
) -> None:
    """An injured nerve takes its distal branches; a nerve formed by several only when all are injured; a condition
    at a site spares the branches that leave above it (levels.spared)."""
    if state.lesion != LOSS or not ctx.kb.is_a(curie, terms.NERVE):
        return
    for st in ctx.objects(curie, terms.HAS_BRANCH):
        if spared(ctx, st.object, state):
            continue
        parents = [p.object for p in ctx.objects(st.object, terms.BRANCH_OF)]
        if all(p in affected and affected[p].lesion == LOSS for p in parents):
            reach(st.object, state.grade, Reach.BRANCH, root, [*state.chain, st],
                  "rule:nerve-injury-reaches-branches", LOSS)  # fmt: skip


@implements("rule:space-compresses-contents")
def compress_contents(ctx: Context, curie: str, state: Affected, root: str, reach: Reacher) -> None:
    """A swollen space compresses the nerves in it (not their branches that leave it higher up)."""
    if state.lesion != COMPRESSION or not ctx.kb.is_a(curie, terms.ANATOMICAL_SPACE):
        return
    for st in [*ctx.objects(curie, terms.CONTAINS), *ctx.objects(curie, terms.TRAVERSED_BY)]:
        if ctx.kb.is_a(st.object, terms.NERVE):
            reach(st.object, ctx.compression_grade, Reach.COMPRESSED, root, [*state.chain, st],
                  "rule:space-compresses-contents", COMPRESSION)  # fmt: skip


#: A bony part's side of a ligament: the ligaments anchored on it.


@implements("rule:fragment-carries-ligaments")
def detach_ligaments(ctx: Context, affected: dict[str, Affected], reach: Reacher) -> None:
    """A ligament anchored on a fractured bony landmark that no other intact ligament on it ties in place (one that
    crosses none of the joints the first crosses) loses its hold with the fragment, untorn: the deltoid on a medial
    malleolus broken off the tibia; the lateral ligaments on a lateral malleolus the tibiofibular ligaments still
    tie to the tibia keep theirs. A whole bone fractured says nowhere where it broke: it carries nothing; nor does
    a landmark that buttresses no joint (a process of the talus): the equivalence the sources state is the
    malleoli's."""
    for fragment, state in sorted(affected.items()):
        if state.lesion != FRACTURE or state.reached not in DAMAGED or not ctx.kb.is_a(fragment, terms.BONY_LANDMARK):
            continue
        if not ctx.kb.restraints_by_structure.get(fragment):
            continue  # not a buttress of the mortise: the sources' equivalence of fracture and tear is the malleoli's
        anchored = [st for st in ctx.objects_any(fragment, terms.ANCHORED) if ctx.kb.is_a(st.object, terms.LIGAMENT)]
        crosses = {st.object: {j.object for j in ctx.objects(st.object, terms.SPANS_JOINT)} for st in anchored}
        for st in anchored:
            joints = crosses[st.object]
            tied = any(
                crosses[other.object] and not crosses[other.object] & joints
                and not _holdless(ctx, affected.get(other.object))
                for other in anchored
            )  # fmt: skip
            if joints and not tied:
                reach(st.object, state.grade, Reach.DETACHED, state.via or fragment, [*state.chain, st],
                      "rule:fragment-carries-ligaments", None)  # fmt: skip


def _holdless(ctx: Context, state: Affected | None) -> bool:
    """A ligament that no longer ties anything: torn past laxity, or itself carried off with a fragment."""
    if state is None:
        return False
    return any(
        s.reached is Reach.DETACHED
        or (s.lesion == LOSS and s.reached in DAMAGED and ctx.grade_loss[s.grade] >= ctx.laxity_threshold)
        for s in state.states()
    )


@implements("rule:nerve-denervates")
def denervate(ctx: Context, affected: dict[str, Affected], reach: Reacher) -> None:
    """The muscles of a nerve that loses continuity are denervated at its grade. Compression spares them, except
    the muscles of a motion whose weakness the compressing condition records as its sign: blocked there, at the
    compression's grade (Baxter's nerve entrapment's weak little-toe abduction; review r44)."""
    for nerve, state in sorted(affected.items()):
        if state.reached not in DAMAGED or not ctx.kb.is_a(nerve, terms.NERVE):
            continue
        if state.lesion == COMPRESSION:
            _block_conduction(ctx, nerve, state, reach)
        if state.lesion != LOSS:
            continue
        for st in ctx.objects(nerve, terms.INNERVATES):
            if ctx.is_any(st.object, (terms.MUSCLE, terms.MUSCLE_PART)):
                reach(st.object, state.grade, Reach.DENERVATED, state.via or nerve, [*state.chain, st],
                      "rule:nerve-denervates", None)  # fmt: skip


def _block_conduction(ctx: Context, nerve: str, state: Affected, reach: Reacher) -> None:
    """The muscles a compressed nerve supplies that produce a motion its condition's weakness sign names (akg:weaknessOf
    of a symptom the condition has): the sign is what says the block reaches them."""
    condition = state.via
    if condition is None or not ctx.kb.is_a(condition, terms.CONDITION):
        return
    signs = [(has, weak) for has in ctx.objects(condition, terms.HAS_SYMPTOM)
             for weak in ctx.objects(has.object, terms.WEAKNESS_OF)]  # fmt: skip
    for st in ctx.objects(nerve, terms.INNERVATES):
        motions = {a.motion for a in ctx.kb.actions_by_muscle.get(st.object, ())}
        for has, weak in signs:
            if weak.object in motions:
                reach(st.object, state.grade, Reach.BLOCKED, condition, [*state.chain, st, has, weak],
                      "rule:nerve-denervates", None)  # fmt: skip


def outranks(new: Affected, current: Affected) -> bool:
    """Which way of reaching a structure is its state: a lesion beats a mere loss of force or an intact site,
    a named lesion stays what the user named, and otherwise the higher grade wins."""
    new_damages, current_damages = new.reached in DAMAGED, current.reached in DAMAGED
    if new_damages != current_damages:
        return new_damages
    if new_damages and new.lesion != current.lesion and Reach.NAMED in (new.reached, current.reached):
        return new.reached is Reach.NAMED
    order = list(Reach)
    return new.grade > current.grade or (
        new.grade == current.grade and order.index(new.reached) < order.index(current.reached)
    )


def expand(
    ctx: Context, injuries: Iterable[tuple[str, Grade]], excluded: Excluded = frozenset()
) -> dict[str, Affected]:
    """Apply the lesion and expansion rules until nothing new is reached (each step keeps its reason)."""
    affected: dict[str, Affected] = {}
    stack: list[tuple[str, Affected]] = []

    def reach(curie: str, grade: Grade, how: Reach, via: str | None, chain: list[Statement], rule: str,
              lesion: str | None) -> None:  # fmt: skip
        inherited = affected[via].rules if via in affected else ()
        rules = tuple(dict.fromkeys((*inherited, *([rule] if rule else []))))
        new = Affected(grade, how, lesion, via, chain, rules)
        current = affected.get(curie)
        if current is None:
            affected[curie] = new
        elif any(s.reached is how and s.lesion == lesion and s.grade >= grade for s in current.states()):
            return  # reached already this way as strongly: cycles (tendon <-> muscle) stop here
        elif outranks(new, current):
            new.also = current.states()
            affected[curie] = new
        else:
            current.also.append(new)
        stack.append((curie, new))

    for curie, grade in sorted(injuries, key=lambda i: (-i[1], i[0])):  # order-independent answers
        if ctx.kb.is_a(curie, terms.CONDITION):
            # a graded condition (a grade I sprain) is its own grade, whatever grade the request carried
            reach(curie, condition_grade(ctx, curie, grade), Reach.NAMED, None, [], "", None)
        else:
            reach(curie, grade, Reach.NAMED, None, [], "rule:default-lesion", default_lesion(ctx, curie))
    while stack:
        curie, state = stack.pop()
        _expand_one(ctx, curie, state, affected, reach, excluded)
        if not stack:
            denervate(ctx, affected, reach)
        if not stack:
            detach_ligaments(ctx, affected, reach)
    return affected


def _expand_one(
    ctx: Context, curie: str, state: Affected, affected: dict[str, Affected], reach: Reacher, excluded: Excluded
) -> None:
    root = state.via or curie
    if state.reached is Reach.NAMED and ctx.kb.is_a(curie, terms.CONDITION):
        apply_condition(ctx, curie, state, reach, excluded)
        return
    if state.reached in (Reach.SITE, Reach.COMPRESSED) and not ctx.kb.is_a(curie, terms.ANATOMICAL_SPACE):
        return  # an intact site, and a compressed nerve's branches that leave higher up, go no further
    tear_parts(ctx, curie, state, root, reach)
    unload_unit(ctx, curie, state, root, reach)
    weaken_whole(ctx, curie, state, root, reach)
    release_tendons(ctx, curie, state, root, reach)
    injure_branches(ctx, curie, state, root, reach, affected)
    compress_contents(ctx, curie, state, root, reach)
    starve_muscles(ctx, curie, state, root, reach)
