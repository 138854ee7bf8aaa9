"""What each candidate's injury predicts (its profile), built once per graph from the engine's forward answers.

Each candidate structure's impact (grade III, the engine's forward answer) is computed once and kept as a profile
of what it predicts: positive tests, symptoms, numb skin, weak and unstable motions; so is a grade II (partial) tear
of a structure that tears, and what each condition that damages it predicts of that lesion (a compressed tibial
nerve in a tarsal tunnel syndrome: the Tinel sign and burning pain, which a cut nerve does not give).
"""

from __future__ import annotations

from dataclasses import dataclass

from ...knowledge import schema
from ...knowledge.base import KnowledgeBase
from ...knowledge.model import RestraintRole, Statement
from ...models import Fact
from ..impact import ImpactEngine, ImpactReport, Stability, terms
from ..impact.alternatives import alternatives_of
from ..impact.context import unique_facts
from ..impact.models import DAMAGED, Reach
from .facts import FactIndex
from .models import FindingKind
from .store import Profile, Profiles, seal

#: The support a finding gets from a lesion that explains it only through secondary restraints (a mechanism the
#: structure resists as a secondary restraint; a motion its loss leaves with reduced restraint): half of one.
#: A ranking policy of the engine, not a measured share.
SECONDARY_ONLY = 0.5
#: The support of a symptom that the candidate presents only because every lesion of its kind does (pain after any
#: sprain: rule:lesion-presents), against one its own condition or mechanics give: half. Also a ranking policy.
NON_SPECIFIC = 0.5
#: A test that only may be positive (a motion lax from partial tears only: review r31): it supports the candidate
#: half, and found negative counts half against it. Also a ranking policy.
MAY_BE_POSITIVE = 0.5
#: A decision rule that screens for a fracture the reading includes (the Ottawa ankle rules), found positive: it says
#: imaging is needed, not that a bone is broken ('a sensitivity of almost 100% and a modest specificity', Bachmann
#: 2003), so it supports the reading half; found negative it counts fully against it. A ranking policy.
SCREENED = 0.5
PRESENTS = "rule:lesion-presents"
PRIMARY = RestraintRole.PRIMARY.value
#: The rules that conclude a symptom (the others reached the structure: their presence says nothing of specificity)
SYMPTOM_RULES = frozenset({
    PRESENTS, "rule:condition-consequences", "rule:motion-destabilised", "rule:motion-weakened", "rule:foot-drop",
    "rule:numbness", "rule:compression-burns",
})  # fmt: skip


def candidates(kb: KnowledgeBase) -> list[str]:
    """Structures whose injury the engine can reason about (they restrain, act, sense or are tested)."""
    pool = {r.structure for r in kb.restraints} | {a.muscle for a in kb.actions}
    pool |= {st.subject for st in kb.statements if st.predicate in (schema.SENSORY_TERRITORY, schema.INNERVATED_BY)}
    pool |= {st.object for st in kb.statements if st.predicate in (schema.INNERVATED_BY, schema.TENDON_OF)}
    # every tendon, and every structure a condition affects (a torn tendon, the neck of the talus)
    pool |= {st.subject for st in kb.statements if st.predicate == schema.TENDON_OF}
    pool |= {st.object for st in kb.statements if st.predicate == schema.AFFECTS}
    pool |= {s for t in kb.clinical_tests for s in t.structures}
    anchors = (schema.PROXIMAL_ATTACHMENT, schema.DISTAL_ATTACHMENT, schema.INSERTION)
    pool |= {st.object for st in kb.statements if st.predicate in anchors and not st.inferred}
    pool |= {st.object for st in kb.statements if st.predicate in (schema.LIES_IN, schema.PASSES_THROUGH)}
    # and every nerve that gives off a candidate nerve: a lesion above the split explains findings in both branches'
    # territories (the sciatic nerve, for a common fibular and a tibial pattern together: review r25 D4)
    branches = [st for st in kb.statements if st.predicate == schema.BRANCH_OF and kb.is_a(st.object, schema.NERVE)]
    while grown := {st.object for st in branches if st.subject in pool} - pool:
        pool |= grown
    return sorted(c for c in pool if kb.is_a(c, schema.ANATOMICAL_STRUCTURE))


def build_profiles(kb: KnowledgeBase, engine: ImpactEngine) -> Profiles:
    """Per structure, one profile per lesion it may have: named alone (its kind's default lesion), and as each
    condition that damages it describes it. A candidate is scored by its best single lesion: findings that
    only different lesions of it would give (an entrapment's pain, a cut's weakness) do not add up."""
    readings = condition_readings(kb, engine)
    # tests that examine no motion and detect no lesion (the posterior impingement test reproduces the pain of forced
    # plantarflexion): the engine predicts them for no injury, so a positive one speaks only for the conditions its
    # sources diagnose by it
    provocations = frozenset(t.id for t in kb.clinical_tests if not t.motions and not t.detects)
    # signs tapped over a space (the Tinel sign at the tarsal tunnel), and how each structure runs through a space
    tapped = {
        t.id: frozenset(s for s in t.structures if kb.is_a(s, schema.ANATOMICAL_SPACE)) for t in kb.clinical_tests
    }
    through: dict[str, list[Statement]] = {}
    for st in kb.statements:
        if st.predicate in (schema.CONTAINS, terms.TRAVERSED_BY) and kb.is_a(st.subject, schema.ANATOMICAL_SPACE):
            through.setdefault(st.object, []).append(st)
    spaces = Spaces(tapped, through)
    facts = FactIndex(kb)
    named = [st for st in kb.statements if st.predicate == schema.WEAKNESS_OF]
    profiles = Profiles()
    for c in candidates(kb):
        alone = engine.impact([(c, 3)])
        lesions = [add_tender(profile_of(alone, Profile(lesion=lesion_of(alone, c)), facts), alone, facts)]
        if lesions[0].lesion == terms.LOSS_OF_CONTINUITY:  # a partial tear predicts less (no Thompson sign)
            partial = engine.impact([(c, 2)])
            lesions.append(add_tender(profile_of(partial, Profile(lesion=lesions[0].lesion, grade=2), facts),
                                      partial, facts))  # fmt: skip
        for condition, report in readings.get(c, ()):
            # at the grade the condition's reading gives the structure (a partial Achilles tendon rupture, of grade
            # II only, read at its own grade: a partial tear, not labelled complete; editor59)
            profile = Profile(condition=condition, lesion=lesion_of(report, c), grade=grade_of(report, c))
            lesions.append(add_lesion(profile, report, condition, c, facts, lesions[0], provocations))
            add_tapped(profile, report, c, spaces, engine, facts)
            add_tender(profile, report, facts)
        for profile in lesions:
            add_named_weakness(profile, named, kb, facts)
        profiles[c] = lesions
    seal(p for lesions in profiles.values() for p in lesions)
    profiles.facts = tuple(facts.keys)
    return profiles


def condition_readings(kb: KnowledgeBase, engine: ImpactEngine) -> dict[str, list[tuple[str, ImpactReport]]]:
    """Per structure, the reports of the conditions that damage it: a structure explains what any of its
    lesions predicts (the tibial nerve compressed in a tarsal tunnel syndrome: a Tinel sign, burning pain),
    not only the lesion its kind defaults to when it is named alone."""
    readings: dict[str, list[tuple[str, ImpactReport]]] = {}
    affects: dict[str, set[str]] = {}
    for st in kb.statements:
        if st.predicate == terms.AFFECTS:
            affects.setdefault(st.subject, set()).add(st.object)
    for condition, structures in sorted(affects.items()):
        # a condition of one of several structures is read once per alternative, each reading whole (a Maisonneuve
        # injury with its deltoid ligament torn explains deltoid tenderness, which what every reading concludes does
        # not: review r39 C16; a peroneal tendon tear of the brevis, through the brevis: review r26 D7), through the
        # structures it always damages; through the alternative only when it damages nothing else (the deltoid is not
        # read as a Maisonneuve injury's: a positive squeeze test is the syndesmosis's, Sman 2013)
        chosen = {st.object for st in alternatives_of(engine.ctx, condition)}
        for report in engine.readings([(condition, 3)]):
            own = [a for a in report.injuries if a.structure.id in structures]  # not a branch or part it reaches
            damaged = [a for a in own if a.reached in DAMAGED and a.structure.id not in chosen] or [
                a for a in own if a.reached in DAMAGED
            ]
            # a condition that damages none of its structures for certain (a posterior ankle impingement: an os
            # trigonum, the FHL, each in some cases) is read through each it possibly involves, or no finding would
            # point to it (its pain on forced plantarflexion: review round 21 data), and one that damages nothing it
            # affects, only happening at it, through its sites (a flexor hallucis longus tenosynovitis at the muscle,
            # whose pain on great-toe flexion no reading could explain: review r40 D5)
            through = damaged or [a for a in own if a.reached is Reach.POSSIBLE] or [
                a for a in own if a.reached is Reach.SITE
            ]
            for a in through:
                readings.setdefault(a.structure.id, []).append((condition, report))
    return readings


def profile_of(report: ImpactReport, profile: Profile, facts: FactIndex) -> Profile:
    """What injuring one structure predicts (its forward answer); ``facts`` numbers the reasons."""
    for t in [*report.expected_positive_tests, *report.tests_may_be_positive]:  # one that only may be: half
        profile.add(FindingKind.POSITIVE_TEST, t.test.id, facts.number(restraints_first(t.because)),
                    MAY_BE_POSITIVE if t.equivocal else 1.0)
    for kind, found in ((FindingKind.SYMPTOM, report.symptoms), (FindingKind.NUMBNESS, report.numbness_areas)):
        for f in found:
            generic = {r.id for r in f.rules} & SYMPTOM_RULES == {PRESENTS}
            profile.add(kind, f.entity.id, facts.number(f.because), NON_SPECIFIC if generic else 1.0)
    for w in report.weakened_motions:
        # a motion the lesion weakens explains it reported weak fully: the answer lists only motions that lose a prime
        # mover, wholly or in part (those that lose only assistants stay strong in the clinic), "weak" names no
        # amount, and the share a lesion takes is a convention of role weights (rule motion-weakened): by that share
        # the torn triceps surae had led its own medial head, torn in a tennis leg with the weakness its source reports
        profile.add(FindingKind.WEAK_MOTION, w.motion.id, facts.number(w.because))
    add_screening(profile, report, facts)
    for d in report.destabilised_motions:
        # losing only secondary restraints explains an unstable motion in part (half, as for a mechanism):
        # a posterior drawer points to the PTFL, whose loss alone only reduces restraint, before nothing
        strength = SECONDARY_ONLY if d.status is Stability.REDUCED else 1.0
        profile.add(FindingKind.UNSTABLE_MOTION, d.motion.id, facts.number(d.because), strength)
    return profile

def add_lesion(
    profile: Profile, report: ImpactReport, condition: str, structure: str, facts: FactIndex,
    alone: Profile | None = None, provocations: frozenset[str] = frozenset(),
) -> Profile:
    """What a condition's lesion of the structure predicts on its own: the tests that detect that lesion of
    it or rest on its facts, the condition's symptoms, and numbness or weakness that rest on it. A motion the
    condition destabilises with its other structures is theirs together, not this structure's. ``alone``: what the
    structure's own lesion predicts; a test it does not is explained by the condition's other structures first.
    ``provocations``: tests that reproduce a condition's pain and find no lesion; one the condition is diagnosed by
    is predicted positive for its reading (review r21 E4: a positive posterior impingement test pointed nowhere)."""
    # a test of it, or of a motion its lesion destabilises (the talar tilt of a grade III sprain rests on the CFL: a
    # negative tilt counts against that reading of the CFL), or only may make positive (half)
    for t in [*report.expected_positive_tests, *report.tests_may_be_positive]:
        if (t.structure is not None and t.structure.id == structure) or any(
            _rests_on(f, condition, structure) for f in t.because
        ):
            own_first = alone is None or (FindingKind.POSITIVE_TEST, t.test.id) in alone.predictions
            reasons = facts.number(reading_first(t.because, condition, structure, own_first))
            profile.add(FindingKind.POSITIVE_TEST, t.test.id, reasons, MAY_BE_POSITIVE if t.equivocal else 1.0)
        elif t.condition is None:  # the condition's claim through another structure (a provocation test is below)
            if profile.claims is None:
                profile.claims = {}
            profile.claims[t.test.id] = facts.number(unique_facts([*_reached(report, structure), *t.because]))
    found = [
        *((FindingKind.SYMPTOM, f.entity.id, f.because, 1.0) for f in report.symptoms),
        *((FindingKind.NUMBNESS, f.entity.id, f.because, 1.0) for f in report.numbness_areas),
        *((FindingKind.WEAK_MOTION, w.motion.id, w.because, 1.0) for w in report.weakened_motions),
    ]
    # how the condition reaches the structure, where a finding's reasons do not say (a symptom of a posterior ankle
    # impingement, read through the os trigonum it possibly involves: that it does comes first)
    reached = _reached(report, structure)
    add_screening(profile, report, facts)
    for f in report.work_up:
        if f.entity.id in provocations:
            profile.add(FindingKind.POSITIVE_TEST, f.entity.id, facts.number(unique_facts([*reached, *f.because])))
    for kind, entity, because, strength in found:
        if kind is FindingKind.SYMPTOM and not any(_rests_on(f, condition, structure) for f in because) and any(
            f.subject.id == condition and f.predicate.id == terms.AFFECTS and f.object is not None
            and f.object.id == structure for f in because
        ):  # fmt: skip
            # how this structure's lesion presents, a symptom the condition's sources do not list (the swelling of a
            # lateral process fracture: review r22 F8): as every lesion of its kind does, so half
            profile.add(kind, entity, facts.number(because), NON_SPECIFIC)
            continue
        if any(_rests_on(f, condition, structure) for f in because):
            named = any(structure in (f.subject.id, f.object.id if f.object else None) for f in because)
            ordered = _its_own_first(because, condition, structure) if named else unique_facts([*reached, *because])
            profile.add(kind, entity, facts.number(ordered), strength)
    return profile


def add_tender(profile: Profile, report: ImpactReport, facts: FactIndex) -> Profile:
    """Each site the reading is tender over (rule tenderness-localises); a site reported over a whole of it (the base
    of the fifth metatarsal, for its tuberosity) is matched when the differential is asked."""
    for f in report.tender_sites:
        profile.add(FindingKind.TENDER, f.entity.id, facts.number(f.because))
    return profile


def add_screening(profile: Profile, report: ImpactReport, facts: FactIndex) -> None:
    """A decision rule in the work-up that screens for a fracture this reading includes (the Ottawa ankle rules for a
    fractured lateral malleolus or fifth metatarsal tuberosity, not for a sprain whose work-up lists them to exclude
    one): the reading predicts it positive, half (:data:`SCREENED`; blinded reviews r31 C24, r32 D19)."""
    fractured = {a.structure.id for a in report.injuries
                 if a.reached in DAMAGED and a.lesion is not None and a.lesion.id == terms.FRACTURE}  # fmt: skip
    if not fractured:
        return
    for f in report.work_up:
        screened = {b.object.id for b in f.because if b.predicate.id == terms.SCREENS_FOR and b.object is not None}
        within = {b.subject.id for b in f.because if b.predicate.id == terms.PART_OF and b.object is not None
                  and b.object.id in screened}  # fmt: skip
        if fractured & (screened | within):
            # the fact that ties the rule to this fracture first (review rescore r32 D19: it was cut off the reasons)
            links = [b for b in f.because if b.predicate.id == terms.PART_OF and b.subject.id in fractured
                     and b.object is not None and b.object.id in screened]  # fmt: skip
            targets = fractured | {b.object.id for b in links if b.object is not None}
            rule = [b for b in f.because
                    if b.predicate.id == terms.SCREENS_FOR and b.object is not None and b.object.id in targets]
            # and not the bones it screens that this reading leaves whole (r36 D02: "screens for the navicular bone"
            # among a lateral malleolus fracture's reasons)
            others = [b for b in f.because if b.predicate.id != terms.SCREENS_FOR]
            because = unique_facts([*rule, *links, *others])
            profile.add(FindingKind.POSITIVE_TEST, f.entity.id, facts.number(because), SCREENED)


def add_named_weakness(profile: Profile, named: list[Statement], kb: KnowledgeBase, facts: FactIndex) -> None:
    """A sign that names a motion weak (akg:weaknessOf: weakness of inversion) and that motion weak are one finding:
    a lesion that presents with the sign explains the motion reported weak (posterior tibial tendon dysfunction, whose
    sources record weakness of inversion, for weak inversion: review r25 D1), and one that weakens the motion explains
    the sign, each with the fact that the sign names the motion after its own reasons, as strongly."""
    for st in named:
        said = facts.number([kb.statement_fact(st)])
        for kind, entity, other, target in (
            (FindingKind.SYMPTOM, st.subject, FindingKind.WEAK_MOTION, st.object),
            (FindingKind.WEAK_MOTION, st.object, FindingKind.SYMPTOM, st.subject),
        ):
            known = profile.predictions.get((kind, entity))
            if known is None:
                continue
            if (other, target) not in profile.predictions:
                profile.add(other, target, facts.shared(known.because + said), known.strength)
            elif not set(said) <= set(profile.predictions[(other, target)].because):
                # both predicted by their own routes (a tendon rupture's recorded sign and its weak motion): still one
                # finding, named so, as strongly (editor31: the tibialis anterior rupture's weakness of dorsiflexion)
                profile.add(other, target, said, known.strength)


@dataclass(frozen=True)
class Spaces:
    """The spaces each test is tapped over, and the statements that run each structure through a space."""

    tapped: dict[str, frozenset[str]]
    through: dict[str, list[Statement]]


def add_tapped(
    profile: Profile, report: ImpactReport, structure: str, spaces: Spaces, engine: ImpactEngine, facts: FactIndex
) -> None:
    """A sign tapped over the space where the condition compresses the structure finds it there: the Tinel sign at
    the tarsal tunnel for the medial plantar nerve as in a tarsal tunnel syndrome, not only for the tibial nerve the
    sign examines (review r21 E1: the branch that runs through the tunnel did not explain the sign)."""
    if profile.lesion != terms.COMPRESSION:
        return
    sites = {a.structure.id for a in report.injuries if a.reached is Reach.SITE}
    runs = [st for st in spaces.through.get(structure, ()) if st.subject in sites]
    reached = _reached(report, structure)
    for t in report.expected_positive_tests:
        found = [st for st in runs if st.subject in spaces.tapped.get(t.test.id, ())]
        if found and (FindingKind.POSITIVE_TEST, t.test.id) not in profile.predictions:
            because = unique_facts([*reached, *engine.ctx.facts(found), *t.because])
            profile.add(FindingKind.POSITIVE_TEST, t.test.id, facts.number(because))


def _its_own_first(because: list[Fact], condition: str, structure: str) -> list[Fact]:
    """The condition's record of the other structures it affects after its record of this one: the lateral malleolus
    as in a bimalleolar fracture presents with pain because the fracture affects the lateral malleolus, not the medial
    one (review r24 D01: the medial malleolus's fact shown first for the lateral)."""

    def order(f: Fact) -> int:
        if f.subject.id != condition or f.predicate.id not in (terms.AFFECTS, terms.HAS_SYMPTOM):
            return 2
        if f.predicate.id == terms.HAS_SYMPTOM:
            return 0  # what the condition presents with, then that it affects this structure
        return 1 if f.object is not None and f.object.id == structure else 3

    return sorted(because, key=order)


def _reached(report: ImpactReport, structure: str) -> list[Fact]:
    """The steps by which a condition's report reaches the structure (the condition affects it, its lesion)."""
    return next((a.because for a in report.injuries if a.structure.id == structure), [])


def _rests_on(fact: Fact, condition: str, structure: str) -> bool:
    """The fact is about the structure, or is a symptom of the condition that damages it."""
    if fact.subject.id == condition:
        return fact.predicate.id == terms.HAS_SYMPTOM
    return structure in (fact.subject.id, fact.object.id if fact.object else None)


def restraints_first(because: list[Fact]) -> list[Fact]:
    """The restraint facts say more than "the test examines...", and a primary restraint more than a secondary one
    (the CFL, not the ATFL, for a talar tilt)."""
    return sorted(because, key=lambda f: (f.fact is None, f.qualifiers.get("role") != PRIMARY))


def reading_first(because: list[Fact], condition: str, structure: str, own_first: bool = True) -> list[Fact]:
    """A condition's reading of a structure explains a test by the structure's own facts first, then by each other
    structure the condition damages with the restraint it brings (the ATFL as in a grade III sprain explains a talar
    tilt by its own secondary restraint, then by the CFL's primary restraint, which the sprain tears); the other
    structures come right after the structure's first fact whenever its own lesion does not make the test positive
    (``own_first`` false: a torn ATFL alone leaves the tilt checked by the CFL; review r20 D2, a negative tilt read
    as ruling out a complete ATFL tear)."""
    ordered = restraints_first(because)
    own = [f for f in ordered if structure in (f.subject.id, f.object.id if f.object else None)
           and not (f.subject.id == condition and f.predicate.id == terms.AFFECTS)]  # fmt: skip
    affects = {f.object.id: f for f in ordered if f.subject.id == condition and f.predicate.id == terms.AFFECTS
               and f.object is not None}  # fmt: skip
    others: list[Fact] = []
    if not own_first or not any(f.subject.id == structure and f.qualifiers.get("role") == PRIMARY for f in own):
        for f in ordered:  # the primary restraints the condition's other structures bring
            if f.qualifiers.get("role") == PRIMARY and f not in own and f.subject.id in affects:
                others.extend([f, affects[f.subject.id]])
    return unique_facts([*own[:1], *others, *own[1:], *ordered])


def grade_of(report: ImpactReport, structure: str) -> int:
    """The grade the report gives the structure's lesion (3 when it lists none: the condition's default)."""
    return next((a.grade for a in report.injuries if a.structure.id == structure and a.lesion), 3)


def lesion_of(report: ImpactReport, structure: str) -> str | None:
    """The lesion mechanism the report gives the structure (torn, compressed, fractured...)."""
    return next((a.lesion.id for a in report.injuries if a.structure.id == structure and a.lesion), None)
