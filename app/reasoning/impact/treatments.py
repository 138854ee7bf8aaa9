"""The treatment-evidence rule: what the graded evidence says about treating what the injury amounts to, and, where
a source grades its advice by stability (stable: non-operative; unstable: fixation), which of it this injury meets."""

from __future__ import annotations

from ...knowledge.model import Statement, TreatmentEvidence
from . import terms
from .alternatives import marked
from .conditions import covered
from .context import Affected, Amounts, Context, implements
from .grades import said_of_a_higher_grade
from .mechanics import Group
from .models import ROMAN, Finding, Reach, Stability
from .sensation import FindingsByEntity
from .weakness import join_the

RULE = "rule:treatment-evidence"


@implements(RULE)
def treatments(
    ctx: Context, amounts: list[Amounts], groups: list[Group], affected: dict[str, Affected]
) -> list[Finding]:
    """Per condition the injury amounts to (not one a larger injury it amounts to covers), its graded treatment
    evidence. Evidence its source gives only for some grades (akg:forGrade) is listed only for an injury of such a
    grade; only for a stable or an unstable injury (akg:forStability), only when the answer's own verdict on the
    condition's structures is the same: unstable when a motion one of them restrains is unstable, with that motion's
    steps as the reason; only for an isolated injury (akg:forIsolatedInjury), only when the question injures nothing
    the condition does not affect (an isolated deltoid injury's care is not that of a deltoid and AITFL tear)."""
    found = FindingsByEntity()
    # a part of a larger injury is treated as that one is (the medial ankle sprain of a bimalleolar-equivalent
    # fracture: not its own non-operative care; editor29)
    within = covered(ctx, amounts)
    for condition, affects, state in amounts:
        if condition in within:
            continue
        evidence = [t for t in ctx.kb.treatments_by_entity.get(condition, ()) if t.condition == condition]
        if not evidence:
            continue
        chain = ctx.facts([*state.chain, *([affects] if affects else [])])
        unstable = _unstable_groups(ctx, condition, groups, affected)
        isolated = any(t.for_isolated for t in evidence) and _isolated(ctx, condition, affected)
        for t in evidence:
            if t.for_grades and state.grade not in t.for_grades:
                continue  # trials of complete ruptures say nothing of a partial tear
            if t.for_stability == terms.UNSTABLE_INJURY and not unstable:
                continue
            if t.for_stability == terms.STABLE_INJURY and unstable:
                continue
            if t.for_isolated and not isolated:
                continue  # the source speaks of the condition alone, not of this combination
            facts = [*chain, ctx.kb.treatment_fact(t)]
            if t.for_stability == terms.UNSTABLE_INJURY:
                facts += [f for g in unstable for f in g.steps]
            elif t.for_stability == terms.STABLE_INJURY:
                facts += ctx.facts(_may_unsettle(ctx, condition))  # what the stable verdict takes as intact
            detail = _detail(ctx, t, unstable)
            if not t.for_grades and said_of_a_higher_grade(ctx, condition, state.grade):
                # as its symptoms are (rule condition-consequences): evidence on the condition at any grade, read for a
                # lower grade than its worst (repair of an Achilles rupture for a partial tear: review r40 I4)
                detail += (f" (its sources do not say at which grade; this injury is grade {ROMAN[state.grade]})")
            found.add(t.treatment, detail, 1.0, facts, (*state.rules, RULE))
    return found.result(ctx)


def _isolated(ctx: Context, condition: str, affected: dict[str, Affected]) -> bool:
    """Every structure the question injures (named, or affected by a named condition) is one this condition affects,
    or a part or a whole of one: the injury is this condition alone."""
    own = {st.object for st in ctx.objects(condition, terms.AFFECTS)} | {condition}

    def within(structure: str) -> bool:
        kin = {structure, *(w for w, _ in ctx.wholes(structure)), *(p for p, _ in ctx.parts(structure))}
        return bool(kin & own)

    return all(within(s) for s, state in affected.items()
               if state.reached in (Reach.NAMED, Reach.CONDITION) and not ctx.kb.is_a(s, terms.CONDITION))  # fmt: skip


def _unstable_groups(ctx: Context, condition: str, groups: list[Group], affected: dict[str, Affected]) -> list[Group]:
    """The unstable motions that a structure the condition affects (or a part of one, or a ligament its fracture's
    fragment carries off) restrains, and lost; of the joints it affects, when it names any: a syndesmotic injury is
    unstable when the syndesmosis is, not when a medial malleolus fracture beside it makes the talus's rotation so
    (review r39 C03); a medial malleolus fracture is unstable when the deltoid ligament its fragment carries off
    leaves eversion so (editor61: its fixation evidence, for an unstable injury, was never listed)."""
    structures = {st.object for st in ctx.objects(condition, terms.AFFECTS)}
    structures |= {s for s, state in affected.items()
                   if state.reached is Reach.DETACHED and state.via == condition}  # fmt: skip
    joints = _joints(ctx, condition)
    structures |= {p for s in list(structures) for p, _ in ctx.parts(s)}
    return [g for g in groups if g.status is Stability.UNSTABLE and (not joints or g.joint in joints)
            and any(g.loss[r.id] > 0 and r.structure in structures for r in g.members)]  # fmt: skip


def _joints(ctx: Context, condition: str) -> set[str]:
    """The joints the condition affects (a syndesmotic injury: the inferior tibiofibular joint)."""
    return {st.object for st in ctx.objects(condition, terms.AFFECTS) if ctx.kb.is_a(st.object, terms.JOINT)}


#: the verdict rests on the rule's shares and thresholds (rule motion-destabilised), which are a convention: the
#: stability the evidence's sources mean is judged in the clinic (review r41 I02: "a stable injury, as this one is"
#: after complete AITFL and interosseous tears read as a measurement)
CONVENTION = (
    ", by the restraint shares it weighs, a convention, not a measurement: the stability the source means is judged "
    "by examination and imaging"
)


def _detail(ctx: Context, t: TreatmentEvidence, unstable: list[Group]) -> str:
    level = ctx.kb.label(t.evidence_level)
    direction = f", {ctx.kb.label(t.direction)}" if t.direction else ""
    said = f"for {ctx.kb.label(t.condition)}: {level}{direction}"
    if t.for_grades:
        said += f"; for an injury of grade {' or '.join(ROMAN[g] for g in sorted(t.for_grades))}, as this one is"
    if t.for_stability == terms.UNSTABLE_INJURY:
        motions = sorted({f"{ctx.kb.label(g.motion)} of the {ctx.kb.label(g.joint)}" for g in unstable})
        said += f"; for an unstable injury, as this answer reads this one ({', '.join(motions)} unstable{CONVENTION})"
    elif t.for_stability == terms.STABLE_INJURY:
        joints = sorted(ctx.kb.label(j) for j in _joints(ctx, t.condition))
        where = f"of the {' or the '.join(joints)}" if joints else "its structures restrain"
        said += f"; for a stable injury, as this answer reads this one (no motion {where} is unstable{CONVENTION})"
        unsettled = [ctx.kb.label(st.object) for st in _may_unsettle(ctx, t.condition)]
        if unsettled:  # editor52: a high ankle sprain's stability rests on ligaments it only may tear
            said += (f", taking the {join_the(unsettled)}, which the {ctx.kb.label(t.condition)} may involve "
                     f"(not concluded), as intact: were {'it' if len(unsettled) == 1 else 'they'} torn too, it may be "
                     "unstable")
    if t.for_isolated:
        said += "; for an isolated injury, as this one is (nothing else injured)"
    return said + (f". {t.recommendation}" if t.recommendation else "")


def _may_unsettle(ctx: Context, condition: str) -> list[Statement]:
    """What the condition only may involve (rule possibly-involved) that restrains a motion of the joints it is judged
    on (of any joint, when it names none): its stable verdict takes them as intact, which nothing concludes."""
    joints = _joints(ctx, condition)
    return sorted(
        (st for st in marked(ctx, condition, terms.POSSIBLY_INVOLVED)
         if any(not joints or r.joint in joints for r in ctx.kb.restraints_by_structure.get(st.object, ()))),
        key=lambda st: ctx.kb.label(st.object),
    )
