"""Rules about nerves and vessels: numbness, burning, nerves and blood supply at risk."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ...knowledge.model import Statement
from ...models import Fact
from . import terms
from .alternatives import marked
from .context import Affected, Amounts, Context, implements, in_general, unique_facts
from .expansion import COMPRESSION, LOSS
from .levels import below_site, named_nerve, own_territory
from .models import DAMAGED, Finding, Reach


@dataclass
class FindingsByEntity:
    """Accumulates findings per entity, merging reasons and keeping the best score."""

    items: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, entity: str, detail: str, score: float, facts: Iterable[Fact], rules: Iterable[str]) -> None:
        entry = self.items.setdefault(entity, {"details": [], "score": 0.0, "facts": [], "rules": []})
        if detail not in entry["details"]:
            entry["details"].append(detail)
        entry["score"] = max(entry["score"], score)
        entry["facts"].extend(facts)
        entry["rules"].extend(r for r in rules if r not in entry["rules"])

    def result(self, ctx: Context) -> list[Finding]:
        items = []
        for entity, entry in self.items.items():
            because = unique_facts(entry["facts"])
            items.append(Finding(
                entity=ctx.kb.ref(entity), detail="; ".join(sorted(entry["details"])), score=round(entry["score"], 4),
                because=because, rules=ctx.rule_refs(*entry["rules"]), basis=ctx.basis(because),
            ))  # fmt: skip
        return sorted(items, key=lambda f: (-f.score, f.entity.label))


#: Lesions that put an adjacent nerve at risk (a degenerated tendon or an inflamed joint does not).
TRAUMA = (LOSS, terms.FRACTURE)
#: What a fracture breaks: a bone or a part of one
BONES = (terms.BONE, terms.BONE_PART)


def _sensory_loss(state: Affected) -> bool:
    return state.reached in DAMAGED and state.lesion in (LOSS, COMPRESSION)


def territories(ctx: Context, nerve: str) -> list[Statement]:
    return ctx.objects(nerve, terms.SENSORY_TERRITORY)


@implements("rule:numbness")
def numbness(ctx: Context, affected: dict[str, Affected]) -> list[Finding]:
    """The skin territories of injured or compressed nerves (branches are reached by their own rule)."""
    findings = FindingsByEntity()
    for nerve, state in sorted(affected.items()):
        if not ctx.kb.is_a(nerve, terms.NERVE) or not _sensory_loss(state):
            continue
        compressed = state.lesion == COMPRESSION
        for st in territories(ctx, nerve):
            spared, hedge, placed = own_territory(ctx, nerve, st.object, state)
            if spared:
                continue  # supplied through a branch that leaves above the lesion's site
            detail = f"compressed {ctx.kb.label(nerve)}" if compressed else _how_injured(ctx, nerve, state)
            level, known = _branch_level(ctx, nerve, state)
            # the motor side's share of the grade (a grade I neurapraxia a quarter), not a ligament's: a stretched
            # ligament still restrains, a nerve in conduction block does not carry all of its sensation
            score = (0.5 if compressed else ctx.denervation_loss[state.grade]) * (0.5 if hedge else 1.0)  # hedge: half
            findings.add(st.object, detail + level + hedge, score, ctx.facts([*state.chain, *known, *placed, st]),
                         (*state.rules, "rule:numbness"))  # fmt: skip
    return findings.result(ctx)


def _branch_level(ctx: Context, nerve: str, state: Affected) -> tuple[str, list[Statement]]:
    """A branch's skin is numb only if the named nerve is injured above where the branch leaves it: say so, as for its
    muscles (rule motion-weakened's wording), since a lesion below spares it (review r41 I06: the lateral sural
    cutaneous nerve, which leaves the common fibular nerve above the neck of the fibula). A condition at a site below
    which the branch is recorded to leave takes it for certain: the level is said with its fact, not hedged."""
    if state.reached is not Reach.BRANCH or not state.chain:
        return "", []
    named = named_nerve(ctx, state.chain) or nerve
    known = below_site(ctx, state)
    if known is not None:
        return (f", which leaves the {ctx.kb.label(named)} at or below the {ctx.kb.label(known.object)}, the site of "
                f"the {ctx.kb.label(state.via or named)}"), [known]  # fmt: skip
    return (f", if the {ctx.kb.label(named)} is injured above where its branch, the {ctx.kb.label(nerve)}, leaves it "
            "(the answer takes a named nerve along its whole course)"), []


def _how_injured(ctx: Context, nerve: str, state: Affected) -> str:
    """A grade I or II lesion of the nerve costs part of its supply, as on the motor side: the skin's sensation is
    reduced, not lost (scored by the motor side's share of the grade)."""
    label = ctx.kb.label(nerve)
    if state.grade >= 3:
        return f"injured {label}"
    return f"sensation reduced, not lost: {label} partly injured (grade {state.grade})"


@implements("rule:compression-burns")
def burning(ctx: Context, affected: dict[str, Affected]) -> tuple[str, list[Fact]] | None:
    """The first compressed nerve with a territory: burning pain (its detail and facts)."""
    for nerve, state in sorted(affected.items()):
        found = territories(ctx, nerve)
        if state.reached is Reach.COMPRESSED and state.lesion == COMPRESSION and found:
            return f"compressed {ctx.kb.label(nerve)}", ctx.facts([*state.chain, found[0]])
    return None


@implements("rule:nerves-at-risk")
def nerves_at_risk(ctx: Context, affected: dict[str, Affected]) -> list[Finding]:
    """Nerves compressed in a swollen space or lying next to a damaged structure."""
    findings = FindingsByEntity()
    for curie, state in sorted(affected.items()):
        if state.reached is Reach.COMPRESSED and ctx.kb.is_a(curie, terms.NERVE):
            findings.add(curie, f"compressed ({ctx.kb.label(state.via or curie)})", 0.75, ctx.facts(state.chain),
                         (*state.rules, "rule:nerves-at-risk"))  # fmt: skip
        if state.reached is Reach.COMPRESSED:
            continue
        if state.reached not in DAMAGED or state.lesion not in TRAUMA:
            continue
        if state.lesion == LOSS and state.grade < 2:
            continue  # stretched, not torn: a grade I strain puts no neighbour at risk (reviews r39 C09, r40)
        for st in ctx.objects(curie, terms.ADJACENT_TO):
            if ctx.kb.is_a(st.object, terms.NERVE) and st.object not in affected:
                findings.add(st.object, f"adjacent to the injured {ctx.kb.label(curie)}", 0.5,
                             ctx.facts([*state.chain, st]), (*state.rules, "rule:nerves-at-risk"))  # fmt: skip
    _beside_the_possible(ctx, affected, findings)
    return findings.result(ctx)


def _beside_the_possible(ctx: Context, affected: dict[str, Affected], findings: FindingsByEntity) -> None:
    """A nerve next to a bone a named fracture only possibly involves: at risk as the bone may be broken, half as
    much (the common fibular nerve beside the neck of the fibula, which a Maisonneuve injury fractures in some cases
    only: fifteenth session, editor41). Not a ligament a condition only possibly tears: a chronic instability's
    attenuated ATFL does not endanger the superficial fibular nerve as a fresh tear does (rescore r41 C10). So is a
    nerve next to a bone that is one of a fracture's alternatives, in the reading that leaves the bone out (the
    medial malleolus of a Weber C fracture, broken or its deltoid torn instead: editor60; the reading that breaks it
    puts the nerve at risk in full, and the answer keeps what both say)."""
    ways = ((terms.POSSIBLY_INVOLVED, "which the {} possibly involves", "rule:possibly-involved"),
            (terms.ONE_OF_ALTERNATIVES, "one of the {}'s alternatives", "rule:alternatives-intersect"))
    for condition, state in sorted(affected.items()):
        if state.reached is not Reach.NAMED or not ctx.kb.is_a(condition, terms.CONDITION):
            continue
        if terms.FRACTURE not in {st.object for st in ctx.objects(condition, terms.LESION)}:
            continue
        for involvement, how, rule in ways:
            for possible in marked(ctx, condition, involvement):
                broken = (bone := affected.get(possible.object)) is not None and bone.reached in DAMAGED
                if not ctx.is_any(possible.object, BONES) or broken:  # broken in this reading: at risk in full
                    continue
                for st in ctx.objects(possible.object, terms.ADJACENT_TO):
                    if ctx.kb.is_a(st.object, terms.NERVE) and st.object not in affected:
                        findings.add(st.object, f"adjacent to the {ctx.kb.label(possible.object)}, "
                                     f"{how.format(ctx.kb.label(condition))}", 0.25,
                                     ctx.facts([possible, st]), (rule, "rule:nerves-at-risk"))


@implements("rule:supply-at-risk")
def supply_at_risk(ctx: Context, affected: dict[str, Affected], amounts: Sequence[Amounts] = ()) -> list[Finding]:
    """What a torn or compressed artery (or any of its branches) supplies; a bone whose supply a concluded
    condition may cut off (a talar neck fracture may lead to osteonecrosis of the talus)."""
    findings = FindingsByEntity()
    for condition, affects, state in amounts:
        if in_general(state):
            continue  # a whole's condition reached through a part: its risk to the supply was not said of the part
        for risk in ctx.objects(condition, terms.MAY_LEAD_TO):
            if terms.OSTEONECROSIS not in {st.object for st in ctx.objects(risk.object, terms.LESION)}:
                continue
            for bone in ctx.objects(risk.object, terms.AFFECTS):
                arteries = ctx.objects(bone.object, terms.SUPPLIED_BY)
                chain = [*state.chain, *([affects] if affects else []), risk, bone, *arteries]
                findings.add(bone.object, f"{ctx.kb.label(condition)} may cut off its supply", 0.75,
                             ctx.facts(chain), (*state.rules, "rule:supply-at-risk"))  # fmt: skip
    for artery, state in sorted(affected.items()):
        if not ctx.kb.is_a(artery, terms.ARTERY) or not _sensory_loss(state):
            continue
        how = "compressed" if state.lesion == COMPRESSION else "injured"
        score = 0.5 if state.lesion == COMPRESSION else ctx.grade_loss[state.grade]
        stack: list[tuple[str, list[Statement]]] = [(artery, list(state.chain))]
        seen = {artery}
        while stack:
            current, chain = stack.pop()
            for st in ctx.kb.by_subject.get(current, ()):
                if st.predicate == terms.SUPPLIES:
                    # through a branch: only if the injury is above the branch's origin (review r32 C15: the fibula,
                    # fed by the fibular artery, read as fed by a posterior tibial artery torn at the ankle)
                    via = "" if current == artery else (
                        f"the {ctx.kb.label(current)}, a branch of the {how} {ctx.kb.label(artery)} (if the injury "
                        "is above its origin)")
                    findings.add(st.object, f"supplied by {via or f'the {how} {ctx.kb.label(artery)}'}", score,
                                 ctx.facts([*chain, st]), (*state.rules, "rule:supply-at-risk"))  # fmt: skip
                elif st.predicate == terms.HAS_BRANCH and st.object not in seen:
                    seen.add(st.object)
                    stack.append((st.object, [*chain, st]))
                    # the branch's own flow too: the dorsalis pedis beyond a torn anterior tibial artery (review r25)
                    findings.add(st.object, f"a branch downstream of the {how} {ctx.kb.label(artery)} (if the "
                                 f"injury is above its origin: a named artery is taken along its whole course)", score,
                                 ctx.facts([*chain, st]), (*state.rules, "rule:supply-at-risk"))  # fmt: skip
    return findings.result(ctx)
