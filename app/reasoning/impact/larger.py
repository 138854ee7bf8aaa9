"""Larger injuries the named one may be part of: an isolated syndesmotic tear may be the ankle end of a Maisonneuve
injury, a lateral malleolus fracture one part of a bimalleolar or trimalleolar fracture. A clinician who finds one
part looks for the rest (the proximal fibula, the medial side); the answer lists what the sources' larger injuries
add, and concludes nothing of them."""

from __future__ import annotations

from ...knowledge.model import Statement
from . import terms
from .alternatives import alternatives_of, definite, marked
from .conditions import narrower_conditions
from .context import Affected, Amounts, Context, implements
from .expansion import LOSS, condition_lesions, lesion_for
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
    # what the injury may lead to is a long-term risk, not a larger injury to look for now (sinus tarsi syndrome
    # after a torn interosseous talocalcaneal ligament: review r20 I7)
    risks = {st.object for c in concluded for st in ctx.objects(c, terms.MAY_LEAD_TO)}
    # and a more specific form of a named condition is a pointer already, not a larger injury to look for (the
    # Maisonneuve injury, a form of the Weber C fracture: editor43)
    asked = [c for c, state in affected.items() if state.reached is Reach.NAMED and ctx.kb.is_a(c, terms.CONDITION)]
    forms = {f for c in asked for f in narrower_conditions(ctx, c)}
    elsewhere = concluded | risks | forms
    # several structures named (no condition): one another concluded condition accounts for is that one's
    several = len(core) > 1 and all(s.reached is Reach.NAMED for s in core.values())
    accounted = {st.object for c in concluded for st in definite(ctx, c)} if several else set()
    damaged = {curie for curie, state in affected.items() if state.reached in DAMAGED}
    found = FindingsByEntity()
    for condition in sorted(_candidates(ctx, core)):
        if condition in elsewhere or condition in affected or not _graded_like(ctx, condition, core):
            continue
        lesions = condition_lesions(ctx, condition)
        damages = {st.object: st for st in definite(ctx, condition) if lesion_for(ctx, lesions, st.object)}
        # a structure it only possibly involves, named alone, is a part of it too (a PTFL tear: the total rupture
        # that also tears it); what it adds is still only what it definitely damages
        possibly = {st.object: st for st in marked(ctx, condition, terms.POSSIBLY_INVOLVED) if st.object in core}
        own_facts: dict[str, Statement | tuple[Statement, ...]] = {**possibly, **damages}
        # a named part of a structure it tears is its too (a deep deltoid band: the deltoid ligament of a Maisonneuve
        # injury; review r21 J4), with the statements that make it a part; not a part of a bone it fractures (a
        # lateral malleolus fracture is no Maisonneuve injury's fracture of the proximal fibula)
        for c in core:
            if c not in own_facts:
                whole = next(((w, path) for w, path in ctx.wholes(c)
                              if w in damages and lesion_for(ctx, lesions, w) == LOSS), None)  # fmt: skip
                if whole is not None:
                    own_facts[c] = (damages[whole[0]], *whole[1])
        # a named structure the larger injury does not damage may be one of its known complications (the common
        # fibular nerve of a Maisonneuve injury, which may lead to its palsy); the rest must be its own
        complications = _complications(ctx, condition)
        # and a named structure that another concluded condition accounts for is that one's (the ATFL's sprain beside
        # an AITFL tear, which may still be the ankle end of a Maisonneuve injury)
        apart = {
            c for c in core if c not in own_facts and c not in complications and c in accounted
            and not _related(ctx, c) & damages.keys()  # a lateral malleolus fractured: no Maisonneuve's fibula
        }  # fmt: skip
        own = {c: s for c, s in core.items() if (c in own_facts or c not in complications) and c not in apart}
        if not own or not all(c in own_facts and lesion_for(ctx, lesions, c) == s.lesion for c, s in own.items()):
            continue
        # of alternatives (a Maisonneuve injury's deltoid tear or medial malleolus fracture), one already there
        # leaves nothing of them to look for; none there, either is
        either = {st.object for st in alternatives_of(ctx, condition)}
        # an alternative is there when it or one of its parts is damaged (the deltoid ligament, by its torn band)
        there = {a for a in either if a in damaged or set(ctx.part_ids(a)) & damaged}
        extra = [st for curie, st in damages.items() if curie not in damaged and curie not in there and not (
            curie in either and there)]  # fmt: skip
        if not extra:
            continue
        listed = sorted(_named(ctx, lesions, st.object) for st in extra if st.object not in either)
        choice = sorted(_named(ctx, lesions, st.object) for st in extra if st.object in either)
        also = ", ".join([*listed, *([" or ".join(choice) + " (one of them: its source does not say which)"]
                                      if choice else [])])
        excused = [st for c in sorted(set(core) - set(own) - apart) for st in complications[c]]
        whose = f"for the {' and the '.join(ctx.kb.label(c) for c in sorted(own))}: " if apart else ""
        # how its sources diagnose it (an anterior process avulsion: radiography, CT): how to look for the rest
        confirm = sorted(ctx.objects(condition, terms.DIAGNOSED_BY), key=lambda st: ctx.kb.label(st.object))
        named = ", ".join(ctx.kb.label(st.object) for st in confirm)
        how = f"; the work-up its sources name: {named}" if confirm else ""
        share = len(own) / len(own.keys() | damages.keys())
        steps = [st for c in sorted(own) for st in _statements(own_facts[c])]
        found.add(condition, f"{whose}look for the rest of it: {also}{how}", share,
                  ctx.facts([*steps, *excused, *extra, *confirm]), (RULE,))  # fmt: skip
    return found.result(ctx)


def _related(ctx: Context, curie: str) -> set[str]:
    """The structure, its wholes and its parts."""
    return {curie, *(w for w, _ in ctx.wholes(curie)), *(p for p, _ in ctx.parts(curie))}


def _named(ctx: Context, lesions: list[str], curie: str) -> str:
    """The structure, with its lesion unless a tear or a fracture goes without saying (the sinus tarsi:
    inflammation)."""
    lesion = lesion_for(ctx, lesions, curie)
    if lesion is None or lesion in (LOSS, terms.FRACTURE):
        return ctx.kb.label(curie)
    return f"{ctx.kb.label(curie)} ({ctx.kb.label(lesion)})"


def _candidates(ctx: Context, core: dict[str, Affected]) -> set[str]:
    """The conditions that affect some core structure."""
    return {st.object for curie in core for st in ctx.objects(curie, terms.AFFECTED_BY)}


def _graded_like(ctx: Context, condition: str, core: dict[str, Affected]) -> bool:
    """A graded condition (a grade III sprain) only for named structures of its grade; an ungraded larger injury
    (a fracture pattern, a Maisonneuve injury) not for a grade I stretch, which is part of no larger tear."""
    term = ctx.kb.terms.get(condition)
    graded = {v for p, v in term.annotations if p == terms.INJURY_GRADE} if term else set()
    if graded:
        return all(str(s.grade) in graded for s in core.values())
    return all(s.grade >= 2 or s.lesion != LOSS for s in core.values())


def _complications(ctx: Context, condition: str) -> dict[str, list[Statement]]:
    """The structures of the conditions a condition may lead to (a Maisonneuve injury: common fibular nerve palsy),
    each with the statements that say so."""
    found: dict[str, list[Statement]] = {}
    for sequel in ctx.objects(condition, terms.MAY_LEAD_TO):
        for st in ctx.objects(sequel.object, terms.AFFECTS):
            found.setdefault(st.object, [sequel, st])
    return found


def _statements(facts: Statement | tuple[Statement, ...]) -> tuple[Statement, ...]:
    """A structure's own statement, or the statement of the whole it is part of with the part-of path."""
    return facts if isinstance(facts, tuple) else (facts,)
