"""Conditions of one of several structures (a peroneal tendon tear: of the brevis or of the longus tendon).

The source does not say which structure is involved, so the engine reads the injury once per alternative and
reports only what every reading concludes: an answer claims no more than its facts.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from itertools import product
from typing import Any

from ...knowledge.model import Statement
from . import terms
from .context import Context, Grade, implements, unique_facts
from .expansion import Excluded
from .models import AffectedStructure, ImpactReport, LostRestraint, Reach

RULE = "rule:alternatives-intersect"
POSSIBLE_RULE = "rule:possibly-involved"


def alternatives_of(ctx: Context, condition: str) -> list[Statement]:
    """The condition's akg:affects statements marked as one of alternatives (none, or at least two)."""
    found = marked(ctx, condition, terms.ONE_OF_ALTERNATIVES)
    return found if len(found) > 1 else []


def definite(ctx: Context, condition: str) -> list[Statement]:
    """What the condition affects, except what it only possibly involves (rule possibly-involved); once per engine."""

    def find() -> tuple[Statement, ...]:
        possible = marked(ctx, condition, terms.POSSIBLY_INVOLVED)
        return tuple(st for st in ctx.objects(condition, terms.AFFECTS) if st not in possible)

    return list(ctx.derived(("definite", condition), find))


def marked(ctx: Context, condition: str, involvement: str) -> list[Statement]:
    """The condition's akg:affects statements marked with this involvement (one of alternatives, possibly involved);
    once per engine."""

    def find() -> tuple[Statement, ...]:
        if not ctx.kb.is_a(condition, terms.CONDITION):
            return ()
        marking = (terms.INVOLVEMENT, involvement)
        return tuple(st for st in ctx.objects(condition, terms.AFFECTS) if marking in st.qualifiers)

    return list(ctx.derived(("marked", condition, involvement), find))


@implements(POSSIBLE_RULE)
def left_out(ctx: Context, injuries: Sequence[tuple[str, Grade]]) -> Excluded:
    """The (condition, structure) pairs no reading damages: what a named condition only may involve."""
    return frozenset(
        (condition, st.object)
        for condition in {curie for curie, _ in injuries}
        for st in marked(ctx, condition, terms.POSSIBLY_INVOLVED)
    )


@implements(RULE)
def readings(ctx: Context, injuries: Sequence[tuple[str, Grade]]) -> list[Excluded]:
    """One reading per combination of alternatives: the (condition, structure) pairs each reading leaves out
    (every reading also leaves out what the conditions only may involve).

    A request with no such condition has one reading."""
    always = left_out(ctx, injuries)
    choices = []
    for condition in sorted({curie for curie, _ in injuries}):
        marked = alternatives_of(ctx, condition)
        if marked:
            choices.append([(condition, st.object, [o.object for o in marked if o is not st]) for st in marked])
    if not choices:
        return [always]
    return [
        always | frozenset((condition, other) for condition, _, others in combination for other in others)
        for combination in product(*choices)
    ]


def conclusion_keys() -> dict[str, Callable[[Any], Hashable]]:
    """How two readings' items are the same conclusion, per report section."""
    finding = lambda f: f.entity.id  # noqa: E731
    return {
        "conditions": finding,
        "destabilised_motions": lambda d: (d.joint.id, d.motion.id, d.position.id if d.position else None),
        "weakened_motions": lambda w: (w.joint.id, w.motion.id),
        "assistants_lost": lambda w: (w.joint.id, w.motion.id),
        "increased_load": lambda i: (i.structure.id, i.kind, i.joint.id, i.motion.id),
        "expected_positive_tests": lambda t: t.test.id,
        "tests_may_be_positive": lambda t: t.test.id,
        "expected_negative_tests": finding,
        "symptoms": finding,
        "numbness_areas": finding,
        "tender_sites": finding,
        "nerves_at_risk": finding,
        "supply_at_risk": finding,
        "long_term_risks": finding,
        "work_up": finding,
        "treatments": finding,
        "look_alikes": finding,
        "possible_causes": finding,
        "larger_injuries": finding,
        "stable_fractures": lambda f: (f.entity.id, f.detail),
    }


def intersect(
    ctx: Context, reports: list[ImpactReport], injuries: Sequence[tuple[str, Grade]], *, rule_id: str = RULE,
    either: Callable[[Iterable[str]], str] | None = None,
) -> ImpactReport:
    """What every reading concludes, each item at its weakest, with the reasons of all readings; the injuries
    list the alternatives and what the conditions only may involve. ``rule_id`` names why there are several
    readings (alternatives; a condition named without a grade, read at each: app/reasoning/impact/ungraded.py), and
    ``either`` says a conclusion's details where the readings differ."""
    if len(reports) == 1:
        merged = reports[0]
        merged.injuries = _injuries(ctx, reports, injuries)
        return merged
    rule = ctx.rule_refs(rule_id)
    say = either or _either
    merged = reports[0].model_copy()
    for section, key in conclusion_keys().items():
        by_reading = [{key(item): item for item in getattr(r, section)} for r in reports]
        kept = []
        for k in by_reading[0]:
            if not all(k in items for items in by_reading[1:]):
                continue
            versions = [items[k] for items in by_reading]
            weakest = min(versions, key=lambda item: item.score).model_copy()
            # what each reading lost, side by side (the longus in one, the brevis in the other): the injuries say
            # they are alternatives
            if hasattr(weakest, "lost_actions"):
                weakest.lost_actions = list({a.id: a for v in versions for a in v.lost_actions}.values())
                # a muscle only weakened in some reading is not said lost (a partial tear of the brevis in one reading
                # and of the longus in the other: blinded review r49 C5, 'fibularis brevis lost' at grade II)
                weakest.partly_lost = list({a.id: a for v in versions for a in v.partly_lost}.values())
            if hasattr(weakest, "lost_restraints"):
                weakest.lost_restraints = _lost_by_reading([v.lost_restraints for v in versions])
            if isinstance(getattr(weakest, "detail", None), str):
                weakest.detail = say(v.detail for v in versions)
            weakest.because = unique_facts([f for v in versions for f in v.because])
            weakest.rules = list({r.id: r for v in versions for r in [*v.rules, *rule]}.values())
            weakest.basis = ctx.basis(weakest.because)
            kept.append(weakest)
        setattr(merged, section, kept)
    merged.injuries = _injuries(ctx, reports, injuries, rule_id)
    return merged


def _lost_by_reading(readings: list[list[LostRestraint]]) -> list[LostRestraint]:
    """Each restraint any reading loses, saying where the readings differ: lost in some only, or lost another way
    (review r30 I10: a Maisonneuve injury's medial malleolus read as broken beside its torn deltoid ligament)."""
    ways: dict[str, list[LostRestraint]] = {}
    for lost in readings:
        for r in lost:
            ways.setdefault(r.structure.id, []).append(r)
    merged = []
    for versions in ways.values():
        kinds = list(dict.fromkeys(v.lost_as for v in versions))
        merged.append(versions[0].model_copy(update={"in_one_reading": len(versions) < len(readings),
                                                     "alternatively": kinds[1:]}))  # fmt: skip
    return merged


def _either(details: Iterable[str]) -> str:
    """One detail for a conclusion every reading reaches by its own reasons: what they share, then what only some
    give ("either a fracture of the medial malleolus or a tear of the deltoid ligament and its bands"), never one
    reading's reasons as if certain."""
    shared, only = shared_and_own(details)
    if not only:
        return "; ".join(shared)
    if len(only) == 1:
        by = f"in one reading of the alternatives: {only[0]}"
    else:
        by = f"by the alternative (which one, the source does not say): either {' or '.join(only)}"
    return "; ".join([*shared, by])


def shared_and_own(details: Iterable[str]) -> tuple[list[str], list[str]]:
    """The parts ("; "-separated) every reading's detail shares, and each reading's own parts joined (once each)."""
    parts = [d.split("; ") for d in details]
    shared = [p for p in parts[0] if all(p in other for other in parts[1:])]
    return shared, list(dict.fromkeys(" and ".join(e) for ps in parts if (e := [p for p in ps if p not in shared])))


def _injuries(
    ctx: Context, reports: list[ImpactReport], injuries: Sequence[tuple[str, Grade]], rule_id: str = RULE
) -> list[AffectedStructure]:
    """What every reading reaches, and the alternatives themselves (not damaged: which one is not known)."""
    common = set.intersection(*({a.structure.id for a in r.injuries} for r in reports))
    by_reading = [{a.structure.id: a for a in r.injuries} for r in reports]
    items = []
    for item in reports[0].injuries:
        if item.structure.id not in common:
            continue
        versions = [reading[item.structure.id] for reading in by_reading]
        others = list(dict.fromkeys(v.reached for v in versions if v.reached is not item.reached))
        if others:  # torn in one reading, carried off with a fractured anchor in another: say both
            item = item.model_copy(update={
                "alternatively": others,
                "because": unique_facts([f for v in versions for f in v.because]),
                "rules": list({r.id: r for v in versions for r in [*v.rules, *ctx.rule_refs(rule_id)]}.values()),
            })  # fmt: skip
        items.append(item)
    grades = {a.structure.id: a.grade for a in reports[0].injuries}  # a condition's own grade, as expanded
    for condition in sorted({curie for curie, _ in injuries}):
        for st in alternatives_of(ctx, condition):
            if st.object in common:
                continue
            items.append(AffectedStructure(
                structure=ctx.kb.ref(st.object), grade=grades[condition], reached=Reach.ALTERNATIVE,
                via=ctx.kb.ref(condition), because=ctx.facts([st]), rules=ctx.rule_refs(RULE),
            ))  # fmt: skip
        for st in marked(ctx, condition, terms.POSSIBLY_INVOLVED):
            if st.object not in common:
                items.append(AffectedStructure(
                    structure=ctx.kb.ref(st.object), grade=grades[condition], reached=Reach.POSSIBLE,
                    via=ctx.kb.ref(condition), because=ctx.facts([st]), rules=ctx.rule_refs(POSSIBLE_RULE),
                ))  # fmt: skip
    return items
