"""The symptoms an injury gives: those the rules conclude from the mechanics (instability, weakness, foot drop,
numbness, burning) and those recorded for the conditions it amounts to."""

from __future__ import annotations

from ...models import Fact
from . import terms
from .context import Affected, Amounts, Context, implements
from .expansion import LOSS, condition_lesions
from .grades import graded, said_of_a_higher_grade
from .mechanics import DYNAMIC, FRAGMENT_RULE, Group, gives_way
from .models import DAMAGED, ROMAN, Finding, Stability, Strength
from .presentation import presentations
from .sensation import FindingsByEntity, burning
from .weakness import Weakness


def symptoms(
    ctx: Context, affected: dict[str, Affected], groups: list[Group], found: list[Weakness],
    numb: list[Finding], conditions: list[Amounts],
) -> list[Finding]:  # fmt: skip
    """Symptoms concluded by the rules (instability, weakness, foot drop, numbness, burning) and by conditions."""
    joints = ctx.rules["rule:motion-destabilised"].joints
    broken = broken_bones(ctx, affected)
    shaky = [g for g in groups if gives_way(ctx, g) and (not joints or g.joint in joints)
             and not through_fracture(ctx, g, affected, broken)]
    # instability, or foot drop, from a loss-of-continuity condition only when the mechanics give way or the
    # dorsiflexors are lost too (not after a grade I sprain or a grade I nerve lesion)
    gated: set[str] = set()
    if not shaky:
        gated |= set(ctx.rules["rule:motion-destabilised"].concludes)
    if not any(foot_drop(ctx, w) for w in found):
        gated |= set(ctx.rules["rule:foot-drop"].concludes)
    # and weakness only when a motion is weak (not after a grade I strain that takes no prime mover: review r32 C10)
    if not any(w.status is not Strength.ASSISTANTS_LOST for w in found):
        gated |= set(ctx.rules["rule:motion-weakened"].concludes)
    # the condition the user named, or a graded one, describes the symptoms; another that shares its structures
    # (the general 'nerve entrapment at the ankle' beside a named sural nerve entrapment) adds only its risks
    describing = {c for c, affects, _ in conditions if affects is None or graded(ctx, c)}
    covered = {st.object for c in describing for st in ctx.objects(c, terms.AFFECTS)}
    findings = FindingsByEntity()
    for condition, affects, state in conditions:
        chain = [*state.chain, *([affects] if affects else [])]
        if condition not in describing and {st.object for st in ctx.objects(condition, terms.AFFECTS)} & covered:
            continue
        # a condition that damages nothing here (its structures only possibly involved: chronic ankle instability,
        # laxity or functional deficits or both) is described by its own symptoms: no mechanics to gate them on
        only_loss = condition_lesions(ctx, condition) == [LOSS] and _damages(ctx, condition, affected)
        # a partial lesion of a condition its sources do not grade: its symptoms were said of it at any grade, the
        # pop and bruising of a tear too, and the answer says so (review r32 C10: a grade I calf strain)
        hedged = only_loss and said_of_a_higher_grade(ctx, condition, state.grade)
        said = f"a symptom of {ctx.kb.label(condition)}" + (
            f" (its sources do not say at which grade; this injury is grade {ROMAN[state.grade]})" if hedged else "")
        for st in ctx.objects(condition, terms.HAS_SYMPTOM):
            if st.object in gated and only_loss:
                continue
            findings.add(st.object, said, 0.4, ctx.facts([*chain, st]),
                         (*state.rules, "rule:condition-consequences"))  # fmt: skip

    def conclude(rule_id: str, detail: str, score: float, facts: list[Fact], steps: tuple[str, ...] = ()) -> None:
        for symptom in ctx.rules[rule_id].concludes:
            if symptom in ctx.kb.terms:
                findings.add(symptom, detail, score, facts, (*steps, rule_id))

    for g in sorted(shaky, key=lambda g: (g.status is not Stability.UNSTABLE, -g.fraction_lost))[:1]:
        where = f" ({ctx.kb.label(g.position)})" if g.position else ""
        conclude("rule:motion-destabilised", f"{ctx.kb.label(g.motion)} of the {ctx.kb.label(g.joint)} is "
                 f"{g.status.value}{where}", 1.0 if g.status is Stability.UNSTABLE else 0.75,
                 list(g.steps), g.step_rules)  # fmt: skip
    weak = [w for w in found if w.status is not Strength.ASSISTANTS_LOST]
    if weak:  # every weak motion, not the first (a tibial nerve lesion: plantarflexion, inversion, great-toe flexion)
        said = "; ".join(
            f"{ctx.kb.label(w.motion)} at the {ctx.kb.label(w.joint)} is "
            f"{'weak (its prime movers lost)' if w.status is Strength.PRIME_MOVERS_LOST else w.status.value}"
            f"{_if_above(ctx, w)}" for w in weak
        )
        rules = tuple(dict.fromkeys(r for w in weak for r in w.step_rules))
        conclude("rule:motion-weakened", said, max(w.fraction_lost for w in weak), [f for w in weak for f in w.steps],
                 rules)  # fmt: skip
    for w in found:
        if foot_drop(ctx, w):
            conclude("rule:foot-drop", f"active {ctx.kb.label(w.motion)} is lost{_if_above(ctx, w)}", 1.0,
                     list(w.steps), w.step_rules)  # fmt: skip
    if numb:
        areas = ", ".join(n.entity.label for n in numb)  # every area, not the first (review r17: one of two)
        facts = [f for n in numb for f in n.because]
        conclude("rule:numbness", f"numb skin: {areas}", max(n.score for n in numb), facts)
    burn = burning(ctx, affected)
    if burn:
        conclude("rule:compression-burns", burn[0], 0.5, burn[1])
    presentations(ctx, affected, findings)
    return findings.result(ctx)


def broken_bones(ctx: Context, affected: dict[str, Affected]) -> frozenset[str]:
    """The structures the injury fractures, with the wholes they are part of (a broken malleolus: a broken fibula)."""
    return frozenset(w for c, s in affected.items() if s.reached in DAMAGED and s.lesion == terms.FRACTURE
                     for w in (c, *(whole for whole, _ in ctx.wholes(c))))  # fmt: skip


def through_fracture(ctx: Context, g: Group, affected: dict[str, Affected], broken: frozenset[str]) -> bool:
    """A wholly lost passive restraint of the motion went with a fracture (the bone broken, a ligament carried off by
    its fragment, or a buttress displaced with an unstable ring), or a bone of the joint is broken: an unstable
    fracture, whose symptoms are its own (pain, swelling, deformity), not the giving way of a ligamentous instability
    (blinded reviews r48 C14: a trimalleolar fracture listed 'instability or giving way'; r47: so did a Weber C
    fracture, its syndesmosis torn above the broken fibula)."""
    if any(st.object in broken for st in ctx.objects(g.joint, terms.JOINT_OF)):  # ``broken``: broken_bones
        return True
    for r in g.members:
        if g.loss.get(r.id, 0.0) < 1.0 or ctx.is_any(r.structure, DYNAMIC):
            continue
        state = affected.get(r.structure)
        if r.id in g.how or (state is not None and (state.lesion == terms.FRACTURE or FRAGMENT_RULE in state.rules)):
            return True
    return False


def _if_above(ctx: Context, w: Weakness) -> str:
    """The level a symptom of a named nerve's weakness holds at, as its weakened motion says it (review r30 I17: foot
    drop said flatly for the deep fibular nerve, whose lesion at the ankle spares dorsiflexion)."""
    if not w.nerves:
        return ""
    names = " or the ".join(ctx.kb.label(n) for n in w.nerves)
    return f" if the {names} is injured above its branches to these muscles (see the weakened motion)"


def _damages(ctx: Context, condition: str, affected: dict[str, Affected]) -> bool:
    """The condition damages some structure it affects (or one of its parts) in this injury."""
    structures = {st.object for st in ctx.objects(condition, terms.AFFECTS)}
    structures |= {p for s in structures for p in ctx.part_set(s)}
    return any(s in affected and affected[s].reached in DAMAGED for s in structures)


@implements("rule:foot-drop")
def foot_drop(ctx: Context, w: Weakness) -> bool:
    """Lost active dorsiflexion is foot drop."""
    return w.motion in ctx.rules["rule:foot-drop"].triggers and w.status is Strength.LOST
