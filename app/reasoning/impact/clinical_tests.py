"""The positive-test rule: which clinical tests the injury is expected to make positive, and why."""

from __future__ import annotations

from collections import defaultdict
from itertools import product

from ...knowledge.model import ClinicalTestSpec, RestraintRole, Statement
from ...models import Fact
from . import terms
from .context import Affected, Amounts, Context, implements, unique_facts
from .mechanics import Group, gives_way
from .models import DAMAGED, ROMAN, ExpectedPositiveTest, Finding, Stability


@implements("rule:positive-test")
def expected_tests(
    ctx: Context, groups: list[Group], affected: dict[str, Affected], amounts: list[Amounts]
) -> list[ExpectedPositiveTest]:
    """Tests of an unstable or lax motion in their position, of a lesion they detect at its grade, or that reproduce
    the pain of a condition the injury amounts to and its sources diagnose by them; a test of a motion lax without
    every passive primary restraint wholly lost (partial tears) is marked equivocal (it may be positive: the engine
    lists it apart)."""
    shaky: dict[tuple[str, str], list[Group]] = defaultdict(list)
    mild: dict[tuple[str, str], list[Group]] = defaultdict(list)  # lax from partial tears only (review r31 C01)
    for g in groups:
        if g.status is Stability.LAXITY and _primary_holds(g):
            continue
        if gives_way(ctx, g):
            shaky[(g.joint, g.motion)].append(g)
        elif g.status is Stability.LAXITY:
            mild[(g.joint, g.motion)].append(g)
    items: list[ExpectedPositiveTest] = []
    # each way is asked only of the tests it can find (the same order, the same items): most answers leave a
    # motion or two unstable, reach what a few of the tests examine and amount to no condition a test provokes
    for test in ctx.kb.clinical_tests:
        if (shaky or mild) and not _tests_function(ctx, test):  # a heel rise tests a tendon's function, not laxity
            items.extend(_by_motion(ctx, test, shaky))
            items.extend(t.model_copy(update={"equivocal": True, "score": round(t.score / 2, 4)})
                         for t in _by_motion(ctx, test, mild))
        if not affected.keys().isdisjoint(_examined_reach(ctx, test)):
            items.extend(_by_lesion(ctx, test, affected))
        if amounts and not (test.motions or test.detects):
            items.extend(_by_provocation(ctx, test, amounts))
    merged: dict[str, ExpectedPositiveTest] = {}
    for item in sorted(items, key=lambda t: (t.equivocal, t.joint is None, -t.score, t.test.label)):
        first = merged.setdefault(item.test.id, item)
        if first is not item:
            first.equivocal = first.equivocal and item.equivocal  # positive for certain another way
            first.score = max(first.score, item.score)
            first.structure = first.structure or item.structure
            first.condition = first.condition or item.condition
            first.positions = sorted({*first.positions, *item.positions}, key=lambda p: p.id)
            first.because = unique_facts([*first.because, *item.because])
            first.rules = list({r.id: r for r in [*first.rules, *item.rules]}.values())
            first.basis = ctx.basis(first.because)
    return sorted(merged.values(), key=lambda t: (-t.score, t.test.label))


def _primary_holds(g: Group) -> bool:
    """Another primary restraint of the motion in this position is intact: its partner still checks it, and the
    test shows at most a small increase (an isolated ATFL rupture gives 'small increases in talar tilt' in
    plantarflexion, where the CFL is a primary restraint too: Wheeless 2012)."""
    return any(r.role is RestraintRole.PRIMARY and g.loss.get(r.id, 0.0) == 0 for r in g.members)


def _tests_function(ctx: Context, test: ClinicalTestSpec) -> bool:
    """A test that examines only muscle-tendon units, and of motions only those muscles produce (Thompson, heel rise),
    tests their function. One that looks at a motion no muscle produces (the too-many-toes sign: forefoot abduction,
    the arch's collapse) looks for a deformity, as a laxity test does (rescore r40 I9: a forefoot abduction unstable
    after the spring ligament and the tibialis posterior tendon, the sign predicted nowhere)."""
    def only_units() -> bool:
        produced = ctx.derived(("produced motions",), lambda: frozenset(m for _, m in ctx.kb.actions_by_motion))
        return _examines_units(ctx, test) and all(m in produced for m in test.motions)

    return ctx.derived(("tests function", test.id), only_units)  # once per engine


def _examines_units(ctx: Context, test: ClinicalTestSpec) -> bool:
    """The test examines muscle-tendon units only."""
    units = (terms.TENDON, terms.MUSCLE, terms.MUSCLE_PART)
    return bool(test.structures) and all(ctx.is_any(s, units) for s in test.structures)


def _at_site(ctx: Context, test: ClinicalTestSpec, state: Affected) -> bool:
    """A test tapped over a space (Tinel at the tarsal tunnel) finds a compression only at that space."""
    spaces = {s for s in test.structures if ctx.kb.is_a(s, terms.ANATOMICAL_SPACE)}
    if not spaces or state.lesion != terms.COMPRESSION:
        return True
    places = {st.subject for st in state.chain} | {st.object for st in state.chain}
    named = {st.object for c in places if ctx.kb.is_a(c, terms.CONDITION) for st in ctx.objects(c, terms.AFFECTS)}
    return bool(spaces & (places | named))


def _compartment_pressure(ctx: Context, state: Affected) -> bool:
    """A nerve compressed only by the raised pressure of a swollen compartment it runs through: no entrapment at a
    site for a percussion sign to find (the Tinel sign is positive 'over the entrapment site', Hollis 2019; rescore
    r45 N3: a Tinel sign expected in an anterior compartment syndrome)."""
    return state.lesion == terms.COMPRESSION and any(
        st.predicate in (terms.CONTAINS, terms.TRAVERSED_BY) and ctx.kb.is_a(st.subject, terms.COMPARTMENT)
        for st in state.chain
    )


def _by_motion(
    ctx: Context, test: ClinicalTestSpec, shaky: dict[tuple[str, str], list[Group]]
) -> list[ExpectedPositiveTest]:
    items = []
    for joint, motion in product(test.joints, test.motions):
        candidates = [
            g
            for (gj, gm), gs in shaky.items()
            if gj == joint and (gm == motion or motion in ctx.kb.motion_kinds.get(gm, ()))
            for g in gs
            if not test.positions or g.position is None or g.position in test.positions
        ]
        if not candidates:
            continue
        facts = [
            ctx.kb.test_fact(test, terms.EXAMINES_JOINT, joint),
            ctx.kb.test_fact(test, terms.EXAMINES_MOTION, motion),
        ]
        because = unique_facts([*facts, *(f for g in candidates for f in g.steps)])  # how each came to be lost
        rules = [r for g in candidates for r in g.step_rules]
        items.append(ExpectedPositiveTest(
            test=ctx.kb.ref(test.id), joint=ctx.kb.ref(joint), motion=ctx.kb.ref(motion),
            positions=[ctx.kb.ref(p) for p in sorted({g.position for g in candidates if g.position})],
            score=round(max(g.fraction_lost for g in candidates), 4), because=because,
            rules=ctx.rule_refs(*rules, "rule:positive-test"), basis=ctx.basis(because),
        ))  # fmt: skip
    return items


def _examined_reach(ctx: Context, test: ClinicalTestSpec) -> frozenset[str]:
    """What the test examines and their parts: an injury that reaches none of them gives it nothing to find by
    lesion (graph-only: kept per engine)."""
    return ctx.derived(("test reach", test.id), lambda: frozenset().union(*(_reach(ctx, s) for s in test.structures)))


def _reach(ctx: Context, examined: str) -> frozenset[str]:
    return ctx.derived(("examined or its parts", examined), lambda: frozenset((examined, *ctx.part_ids(examined))))


def _damaged(ctx: Context, examined: str, affected: dict[str, Affected]) -> tuple[str, list[Statement]] | None:
    """The structure a test examines as the injury damages it: a test that examines a whole examines its parts (a
    torn deep band is a torn deltoid ligament to the external rotation stress test): the whole itself first, then its
    first damaged part, with the part-of steps."""
    if affected.keys().isdisjoint(_reach(ctx, examined)):  # most tests examine nothing the injury reaches
        return None
    found: list[tuple[str, list[Statement]]] = [(examined, [])]
    found += [(p, path) for p, path in ctx.parts(examined) if p in affected]
    return next(((c, path) for c, path in found if affected.get(c) and affected[c].reached in DAMAGED), None)


def _test_steps(ctx: Context, test: ClinicalTestSpec, examined: str, lesion: str | None) -> list[Statement]:
    """What the test examines, then what it detects."""
    steps = [
        st for st in ctx.kb.by_subject.get(test.id, ())
        if (st.predicate == terms.EXAMINES_STRUCTURE and st.object == examined)
        or (st.predicate == terms.DETECTS_LESION and st.object == lesion)
    ]  # fmt: skip
    return sorted(steps, key=lambda st: st.predicate != terms.EXAMINES_STRUCTURE)


@implements("rule:negative-test")
def expected_negative_tests(
    ctx: Context, affected: dict[str, Affected], positive: list[ExpectedPositiveTest]
) -> list[Finding]:
    """Tests that examine a damaged structure and detect its lesion only from a higher grade, as their sources state
    (the Thompson test in a partial Achilles tendon tear), or that find nothing in a stretch that costs it nothing
    (the anterior drawer after a grade I ATFL sprain), unless the answer expects them positive another way."""
    shown = {t.test.id for t in positive}
    items = []
    for test in ctx.kb.clinical_tests:
        if test.id in shown:
            continue
        for examined in test.structures:
            hit = _damaged(ctx, examined, affected)
            if hit is None:
                continue
            structure, path = hit
            state, lesion = affected[structure], affected[structure].lesion
            if lesion is None:
                continue
            minimum = test.detects.get(lesion)
            if minimum is not None and state.grade < minimum:
                detail = (f"it detects {ctx.kb.label(lesion)} of the {ctx.kb.label(examined)} from grade "
                          f"{ROMAN[minimum]} only; this injury is grade {ROMAN[state.grade]}")  # fmt: skip
            elif _costs_nothing(ctx, test, state) and minimum is None:
                # a test of a muscle-tendon unit's function finds no lost function, not no laxity (review r40 I2)
                # and a sign of a deformity that examines only tendons finds no deformity (the too-many-toes sign)
                found = ("no loss of its function" if _tests_function(ctx, test)
                         else "no deformity for it to show" if _examines_units(ctx, test)
                         else "no laxity on stress testing")
                detail = (f"a grade {ROMAN[state.grade]} stretch costs the {ctx.kb.label(structure)} nothing a test "
                          f"can find ({found})")  # fmt: skip
            else:
                continue
            held = _still_checked(ctx, test, structure, affected)
            if held is not None:
                detail = f"{detail}; {held[0]}"
            because = unique_facts([
                *ctx.facts([*state.chain, *path, *_test_steps(ctx, test, examined, lesion)]),
                *(held[1] if held is not None else []),
            ])
            items.append(Finding(
                entity=ctx.kb.ref(test.id), detail=detail, score=1.0, because=because,
                rules=ctx.rule_refs(*state.rules, "rule:negative-test"), basis=ctx.basis(because),
            ))  # fmt: skip
            break
    return sorted(items, key=lambda f: f.entity.label)


def _still_checked(
    ctx: Context, test: ClinicalTestSpec, stretched: str, affected: dict[str, Affected]
) -> tuple[str, list[Fact]] | None:
    """Another structure the test examines is torn (the ATFL beside a stretched CFL, for the talar tilt test), yet
    the test is expected negative: the stretched one, a primary restraint of the motion the test examines, still
    checks it, so the torn one alone gives at most a small increase (rule positive-test; Wheeless 2012: 'small
    increases in talar tilt' after an isolated ATFL rupture). Said, or the answer reads as if nothing were torn
    (review r41 I01: a talar tilt lax in plantarflexion beside 'nothing at this grade for them to find')."""
    torn = []
    for other in test.structures:
        hit = _damaged(ctx, other, affected) if other != stretched else None
        if hit is not None and hit[0] != stretched:
            state = affected[hit[0]]
            if state.lesion == terms.LOSS_OF_CONTINUITY and ctx.grade_loss[state.grade]:
                torn.append((hit[0], state.grade))
    primaries = [r for r in ctx.kb.restraints_by_structure.get(stretched, ())
                 if r.role is RestraintRole.PRIMARY and r.joint in test.joints and r.motion in test.motions]
    if not torn or not primaries:
        return None
    names = " and the ".join(f"{ctx.kb.label(c)} (grade {ROMAN[g]})" for c, g in torn)
    motions = " and ".join(dict.fromkeys(ctx.kb.label(r.motion) for r in primaries))
    where = f" in the {' and the '.join(ctx.kb.label(p) for p in test.positions)}" if test.positions else ""
    text = (f"the {names} {'is' if len(torn) == 1 else 'are'} torn, but the {ctx.kb.label(stretched)}, a primary "
            f"restraint of the {motions} the test examines{where}, still checks it: at most a small increase, not a "
            "positive test")  # fmt: skip
    examined = ctx.facts([st for c, _ in torn for st in _test_steps(ctx, test, c, None)])
    return text, [*examined, *(ctx.kb.restraint_fact(r) for r in primaries)]


def _costs_nothing(ctx: Context, test: ClinicalTestSpec, state: Affected) -> bool:
    """A stretch at a grade that costs the structure nothing (grade I: rule injury-loses-restraint), examined by a
    test that stresses a motion or finds a loss of continuity."""
    stretched = state.lesion == terms.LOSS_OF_CONTINUITY and not ctx.grade_loss[state.grade]
    return stretched and (bool(test.motions) or terms.LOSS_OF_CONTINUITY in test.detects)


def _by_lesion(ctx: Context, test: ClinicalTestSpec, affected: dict[str, Affected]) -> list[ExpectedPositiveTest]:
    items = []
    for examined in test.structures:
        hit = _damaged(ctx, examined, affected)
        if hit is None:
            continue
        structure, path = hit
        state = affected[structure]
        if state.lesion not in test.detects:
            continue
        if not _at_site(ctx, test, state) or _compartment_pressure(ctx, state):
            continue  # compressed elsewhere along its course, or by no entrapment (a swollen compartment)
        minimum = test.detects[state.lesion]
        if minimum is not None and state.grade < minimum:
            continue  # the Thompson test stays negative in a partial rupture
        if minimum is None and state.lesion == terms.LOSS_OF_CONTINUITY and not ctx.grade_loss[state.grade]:
            continue  # a grade I stretch loses nothing for a test to find, unless the source says otherwise
        because = unique_facts(ctx.facts([*state.chain, *path, *_test_steps(ctx, test, examined, state.lesion)]))
        items.append(ExpectedPositiveTest(
            test=ctx.kb.ref(test.id), structure=ctx.kb.ref(examined),
            score=_detected_score(ctx, state), because=because,
            rules=ctx.rule_refs(*state.rules, "rule:positive-test"), basis=ctx.basis(because),
        ))  # fmt: skip
    return items


def _detected_score(ctx: Context, state: Affected) -> float:
    """How strongly a detected lesion turns its test positive: a tear or a fracture by what it loses at its grade; one
    its source's test finds from a grade that costs nothing (a pain-provocation test at grade I) and a lesion that is no
    tear (a compression under the Tinel sign, a degeneration) by the rule's declared weights. A test listed as expected
    positive never scores 0 (review r45 C5: the squeeze test at 0.00 among the expected positive ones)."""
    rule = ctx.rules["rule:positive-test"]
    if state.lesion not in (terms.LOSS_OF_CONTINUITY, terms.FRACTURE):
        return rule.parameter("other_lesion_score")
    return round(ctx.grade_loss[state.grade], 4) or rule.parameter("no_loss_score")


def _by_provocation(ctx: Context, test: ClinicalTestSpec, amounts: list[Amounts]) -> list[ExpectedPositiveTest]:
    """A test that examines no joint motion and detects no lesion only reproduces a condition's pain (forced
    plantarflexion in the posterior impingement test): it is positive in a condition the injury amounts to that its
    sources diagnose by it (an os trigonum read as posterior ankle impingement; blinded review r21 J13, case writer
    round 22). The differential's profiles read the same tests the same way."""
    if test.motions or test.detects:
        return []
    items = []
    for condition, affects, state in amounts:
        diagnosed = [st for st in ctx.objects(condition, terms.DIAGNOSED_BY) if st.object == test.id]
        if not diagnosed:
            continue
        because = unique_facts(ctx.facts([*state.chain, *([affects] if affects else []), *diagnosed]))
        items.append(ExpectedPositiveTest(
            test=ctx.kb.ref(test.id), condition=ctx.kb.ref(condition), score=1.0, because=because,
            rules=ctx.rule_refs(*state.rules, "rule:positive-test"), basis=ctx.basis(because),
        ))  # fmt: skip
    return items
