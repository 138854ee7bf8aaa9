"""What the injury amounts to (conditions), and the long-term risks that follow."""

from __future__ import annotations

from ...knowledge.model import Statement
from . import terms
from .alternatives import definite, marked
from .context import IN_GENERAL, Affected, Amounts, Context, implements, in_general
from .expansion import LOSS, condition_lesions, lesion_for, names_parts
from .grades import grade_fits, graded
from .models import DAMAGED, Finding, Reach
from .sensation import FindingsByEntity


@implements("rule:condition-consequences")
def conditions_of(ctx: Context, affected: dict[str, Affected], loosened: frozenset[str]) -> list[Amounts]:
    """Conditions the injury amounts to: a structure they affect damaged by the lesion they describe for it, and
    every structure they are defined by involved. ``loosened``: the joints with a motion the injury makes unstable
    or lax, in any position (rule motion-destabilised)."""
    found: dict[str, Amounts] = {
        curie: (curie, None, state)  # what the user named comes first, as named
        for curie, state in sorted(affected.items())
        if state.reached is Reach.NAMED and ctx.kb.is_a(curie, terms.CONDITION)
    }
    for curie in sorted(affected):
        state = affected[curie]
        if curie in found:
            continue
        if state.reached not in DAMAGED or state.lesion is None:
            continue
        if state.reached is Reach.BRANCH:
            continue  # torn with the named nerve above it: that nerve's lesion, not a palsy of the branch (r25 C10)
        for holder, path in [(curie, []), *ctx.wholes(curie)]:
            if holder != curie and holder in affected and affected[holder].reached in DAMAGED:
                continue  # the whole is damaged in its own right: its conditions are found from it
            lifted = through_part(state, path) if path else state
            for st in ctx.objects(holder, terms.AFFECTED_BY):
                condition = st.object
                if condition in found or not grade_fits(ctx, condition, state.grade):
                    continue
                if holder != curie and names_parts(ctx, condition, holder):
                    continue  # a sprain of the ATFL and CFL is no sprain of the complex's PTFL
                if state.reached is not Reach.NAMED and _only_possibly(ctx, condition, holder):
                    continue  # plantar nerves compressed in the tarsal tunnel: no compartment syndrome of the foot
                if not _at_the_space(ctx, condition, state):
                    continue  # the deep fibular nerve compressed in a swollen compartment: no entrapment at the ankle
                if _only_possibly(ctx, condition, holder) and not _loosens(ctx, condition, loosened):
                    continue  # a stretched or a secondary ligament of the subtalar joint is no subtalar instability
                lesions = condition_lesions(ctx, condition)
                if not lesions:
                    continue  # what damage it is, its sources do not say: no lesion makes an injury amount to it
                expected = lesion_for(ctx, lesions, curie)
                swollen_site = expected is None and state.reached is Reach.NAMED and state.lesion in lesions
                if expected != state.lesion and not swollen_site:
                    continue  # a tendinopathy is not a rupture, a torn tendon is not a subluxed one
                if _defined(ctx, condition, lesions, affected):
                    found[condition] = (condition, st, lifted)
    # a condition that another one found may lead to is a long-term risk, not what the injury is now
    # (an acute tear of the ATFL and CFL is a sprain, which may lead to chronic ankle instability)
    sequels = {st.object for c in found for st in ctx.objects(c, terms.MAY_LEAD_TO)}
    # unless it is reached through a structure none of the conditions leading to it affect: a torn interosseous
    # talocalcaneal ligament beside a torn CFL is subtalar instability now, not only a sprain's sequel (review r18 N3)
    sequels = {c for c in sequels if c not in found or not _beyond(ctx, c, found, affected)}
    # and a condition that may lead to the one the user named is one of its possible causes, not what it is
    # (ankle oedema with nerve compression may lead to a tarsal tunnel syndrome)
    named = {c for c, amount in found.items() if amount[1] is None}
    causes = {c for c in found if named & {st.object for st in ctx.objects(c, terms.MAY_LEAD_TO)}}
    # and one defined within a larger one is part of it (a bimalleolar fracture within a trimalleolar one)
    defined = {c: {st.object for st in ctx.objects(c, terms.DEFINING_STRUCTURE)} for c in found}
    within = {c for c in found if defined[c] and any(defined[c] < defined[d] for d in found)}
    # and a more specific form of a named condition is not what the named one is (Achilles tendinopathy named is not
    # an insertional one: a pointer to it, see narrower_conditions)
    forms = {c for c in found if any(general_of(ctx, n, [c]) == c for n in named)}
    return [
        amount for c, amount in found.items() if (c not in sequels and c not in causes and c not in within
                                                  and c not in forms) or amount[1] is None
    ]  # fmt: skip


def narrower_conditions(ctx: Context, condition: str) -> list[str]:
    """The recorded conditions of parts of what a named condition definitely affects, by one of its lesions, that
    reach each of those structures and nothing beyond what it affects (rule condition-lesions: a fifth metatarsal
    base fracture, the avulsion fracture of its tuberosity): its more specific forms, a pointer. Not a larger injury
    that also reaches them (a high ankle sprain is no form of a Maisonneuve injury), nor one that it or another of
    them may lead to (a non-union is no form of the fracture). Graph-only: worked out once per engine (asked for
    the named condition and again for its larger injuries)."""
    return list(ctx.derived(("narrower conditions", condition), lambda: tuple(_narrower(ctx, condition))))


def _narrower(ctx: Context, condition: str) -> list[str]:
    lesions = set(condition_lesions(ctx, condition))
    own = {st.object for st in definite(ctx, condition)}
    affected = {st.object for st in ctx.objects(condition, terms.AFFECTS)}
    cover = {c: {c, *(p for p, _ in ctx.parts(c))} for c in affected}
    within = set().union(*cover.values()) if cover else set()

    def a_form(other: str) -> bool:
        theirs = {st.object for st in definite(ctx, other)}
        return bool(theirs) and theirs <= within and all(cover[c] & theirs for c in own)

    found = {
        st.object
        for c in own
        for part, _ in ctx.parts(c)
        for st in ctx.objects(part, terms.AFFECTED_BY)
        if st.object != condition and lesions & set(condition_lesions(ctx, st.object)) and a_form(st.object)
    }
    # and the forms it is the general one of (Achilles tendinopathy: the insertional one)
    found |= {
        st.object for c in own for st in ctx.objects(c, terms.AFFECTED_BY)
        if st.object != condition and general_of(ctx, condition, [st.object]) == st.object
    }
    sequels = {st.object for c in [condition, *found] for st in ctx.objects(c, terms.MAY_LEAD_TO)}
    return sorted(found - sequels)


@implements(IN_GENERAL)
def through_part(state: Affected, path: list[Statement]) -> Affected:
    """A damaged part reaches the conditions of its whole (a fracture of the lateral tubercle of the talus is a
    talus fracture), marked so: what the whole's condition may lead to was said of it in general, so its long-term
    risks are listed as such (:func:`condition_findings`) and it puts no bone's supply at risk
    (sensation.supply_at_risk)."""
    return Affected(state.grade, state.reached, state.lesion, state.via, [*state.chain, *path],
                    (*state.rules, IN_GENERAL))  # fmt: skip


def _beyond(ctx: Context, sequel: str, found: dict[str, Amounts], affected: dict[str, Affected]) -> bool:
    """A structure the sequel affects is damaged as it describes, and no found condition leading to it affects it."""
    leading = [c for c in found if any(st.object == sequel for st in ctx.objects(c, terms.MAY_LEAD_TO))]
    theirs = {st.object for c in leading for st in ctx.objects(c, terms.AFFECTS)}
    lesions = condition_lesions(ctx, sequel)
    return any(
        (state := affected.get(st.object)) is not None and state.reached is Reach.NAMED
        and st.object not in theirs and state.lesion == lesion_for(ctx, lesions, st.object)
        for st in ctx.objects(sequel, terms.AFFECTS)
    )  # fmt: skip


def _covering(ctx: Context, conditions: list[Amounts]) -> list[str]:
    """What can cover another condition: the named conditions, then the concluded ones defined by several
    structures."""
    named = [c for c, affects, _ in conditions if affects is None]
    return named + [c for c, a, _ in conditions if a is not None and len(ctx.objects(c, terms.DEFINING_STRUCTURE)) > 1]


def covered(ctx: Context, conditions: list[Amounts]) -> dict[str, str]:
    """Each concluded condition that a named one, or a concluded one defined by several structures, covers, with the
    one covering it (:func:`_covered_by`: the medial ankle sprain of a bimalleolar-equivalent fracture)."""
    covering = _covering(ctx, conditions)
    return {c: by for c, a, _ in conditions if a is not None and (by := _covered_by(ctx, c, covering))}


def _covered_by(ctx: Context, condition: str, covering: list[str]) -> str | None:
    """The named condition, or a concluded one defined by several structures, that covers everything this one
    damages (a Maisonneuve injury's high ankle sprain, a bimalleolar-equivalent fracture's lateral malleolus fracture
    and medial ankle sprain): it is part of that one, not more of it."""
    # its most specific structures: a lateral malleolus fracture is one of the malleolus (and so of its fibula)
    own = _specific_own(ctx, condition)
    for n in covering:
        if n == condition or _a_grade(ctx, condition) or _a_grade(ctx, n):
            continue  # a grade I sprain and the sprain: the same, not a part
        theirs = _affected_set(ctx, n)
        # a band of a ligament the covering condition tears as a whole is covered (the deltoid's tibiocalcaneal part)
        if own and all(c in theirs or any(w in theirs for w, _ in ctx.wholes(c)) for c in own):
            return n
    return None


def general_of(ctx: Context, condition: str, named: list[str]) -> str | None:
    """The named condition this one is the general form of: the same most specific structures damaged by a shared
    lesion, the named one affecting more besides (Achilles tendinopathy, of the named insertional Achilles
    tendinopathy, which also involves the calcaneal tuberosity: review r20 I16, read as 'part of' it, its rupture
    risk as the named one's own)."""
    if _a_grade(ctx, condition):
        return None
    mine = _specific_own(ctx, condition)
    lesions = set(condition_lesions(ctx, condition))
    affects = _affected_set(ctx, condition)
    for n in named:
        if n == condition or _a_grade(ctx, n) or not mine or mine != _specific_own(ctx, n):
            continue
        if lesions & set(condition_lesions(ctx, n)) and affects < _affected_set(ctx, n):
            return n
    return None


def _specific_own(ctx: Context, condition: str) -> frozenset[str]:
    """:func:`_specific` of :func:`_own`: the graph's alone, kept per engine (asked per condition and per named one
    in every answer that amounts to a condition)."""
    return ctx.derived(("specific own", condition), lambda: frozenset(_specific(ctx, _own(ctx, condition))))


def _affected_set(ctx: Context, condition: str) -> frozenset[str]:
    """Everything the condition affects (its akg:affects objects), kept per engine."""
    return ctx.derived(("affected set", condition),
                       lambda: frozenset(st.object for st in ctx.objects(condition, terms.AFFECTS)))  # fmt: skip


def _specific(ctx: Context, structures: set[str]) -> set[str]:
    """The most specific of these structures (not a whole of another of them)."""
    return structures - {whole for c in structures for whole, _ in ctx.wholes(c)}


def _a_grade(ctx: Context, condition: str) -> bool:
    """A grade of a tear (a grade III sprain): graded, and a loss of continuity is all it describes (a fracture
    pattern graded by its ligament's rupture is not one)."""
    def a_grade() -> bool:
        return graded(ctx, condition) and set(condition_lesions(ctx, condition)) <= {LOSS}

    return ctx.derived(("a grade", condition), a_grade)  # once per engine


def _own(ctx: Context, condition: str) -> set[str]:
    """What the condition itself damages: what it definitely affects by one of its lesions (not its sites)."""
    lesions = condition_lesions(ctx, condition)
    return {st.object for st in definite(ctx, condition) if lesion_for(ctx, lesions, st.object) is not None}


def _only_possibly(ctx: Context, condition: str, structure: str) -> bool:
    """The condition only possibly involves the structure (a foot compartment syndrome, the plantar nerves)."""
    return any(st.object == structure for st in marked(ctx, condition, terms.POSSIBLY_INVOLVED))


#: how a swollen space reaches the nerves in it (rule space-compresses-contents)
IN_A_SPACE = (terms.CONTAINS, terms.TRAVERSED_BY)


def _at_the_space(ctx: Context, condition: str, state: Affected) -> bool:
    """A nerve compressed by a swollen space the user named (rule space-compresses-contents) amounts only to the
    conditions recorded at that space (an acute compartment syndrome of the leg, a tarsal tunnel syndrome), not to an
    entrapment its sources place elsewhere along the nerve (review r23: the anterior compartment swollen read as a deep
    fibular nerve entrapment, whose site is the extensor retinaculum at the ankle)."""
    last = state.chain[-1] if state.chain else None
    if state.reached is not Reach.COMPRESSED or last is None or last.predicate not in IN_A_SPACE:
        return True
    space = last.subject
    around = {space, *ctx.part_set(space), *(whole for whole, _ in ctx.wholes(space))}
    return any(st.object in around for st in ctx.objects(condition, terms.AFFECTS))


def _loosens(ctx: Context, condition: str, loosened: frozenset[str]) -> bool:
    """A condition that involves a joint as a rule and the ligaments it tears only in some cases is an instability of
    that joint, whichever ligament lets it go (subtalar instability): reached through such a ligament, it is there only
    when the injury loosens a motion of the joint (a stretched interosseous talocalcaneal ligament loosens nothing)."""
    joints = [st.object for st in definite(ctx, condition) if ctx.kb.is_a(st.object, terms.JOINT)]
    return not joints or any(joint in loosened for joint in joints)


def _defined(ctx: Context, condition: str, lesions: list[str], affected: dict[str, Affected]) -> bool:
    """Every structure the condition is defined by is involved: damaged as it describes, or reached as its site."""

    def fits(curie: str) -> bool:
        expected = lesion_for(ctx, lesions, curie)
        state = affected.get(curie)
        if state is None:
            return False  # never reached: a compression elsewhere is not this entrapment
        if state.reached not in DAMAGED:
            return expected is None  # an intact site the injury reached (the tunnel's retinaculum)
        # any way it was damaged counts (a torn tendon that its torn retinaculum also lets sublux)
        return (
            not lesions
            or expected is None
            or any(s.reached in DAMAGED and s.lesion == expected for s in state.states())
        )

    def covered(curie: str) -> bool:
        # a ligament complex counts when one of its bands is torn, a bone when one of its parts is fractured
        return fits(curie) or any(map(fits, ctx.part_set(curie)))

    return all(covered(st.object) for st in ctx.objects(condition, terms.DEFINING_STRUCTURE))


#: what a loss of continuity of a lower grade is, in the words of rule injury-loses-restraint
PARTIAL = {1: ", grade I (stretched, no macroscopic tear)", 2: ", grade II (a partial tear)"}
#: the same grades of a nerve, in the words of rule nerve-denervates (review r25: a nerve "stretched, a partial tear")
PARTIAL_NERVE = {1: ", grade I (a conduction block, neurapraxia)", 2: ", grade II (a partial lesion)"}


def _partial(ctx: Context, structure: str, state: Affected) -> str:
    """What a loss of continuity of a lower grade is, for this kind of structure."""
    if state.lesion != LOSS:
        return ""
    return (PARTIAL_NERVE if ctx.kb.is_a(structure, terms.NERVE) else PARTIAL).get(state.grade, "")


def amounts_to(ctx: Context, conditions: list[Amounts], affected: dict[str, Affected] | None = None) -> list[Finding]:
    """The conditions the injury amounts to, except one the user named, each with the facts linking it and every
    structure of it the injury damages by its lesion (a grade III sprain of the ATFL and the CFL names both)."""
    findings = FindingsByEntity()
    affected = affected or {}
    named = [c for c, affects, _ in conditions if affects is None]
    covering = _covering(ctx, conditions)
    for condition, affects, state in conditions:
        if affects is None:
            continue  # named by the user
        damaged = _damaged_by(ctx, condition, affects.subject, affected)
        also = [st for st in damaged if affected[st.object].lesion == state.lesion]
        # a grade of a tear names only what is torn at that grade (review r29 C05: the ATFL torn and the CFL only
        # stretched read as "grade III ... of the ATFL and the CFL"): the rest is said at its own grade, as another
        # lesion is (_other_lesion)
        also = [st for st in also if grade_fits(ctx, condition, affected[st.object].grade)]
        lesions = {state.lesion, *(affected[st.object].lesion for st in damaged)}
        steps = [*state.chain, affects, *damaged,
                 *(s for s in ctx.objects(condition, terms.LESION) if s.object in lesions)]  # fmt: skip
        # a rupture condition reached by a grade II tear is a partial one: say so (review r16: "tendon rupture" for a
        # partial tear, beside motions that read as partly lost)
        grade = _partial(ctx, affects.subject, state)
        # what it involves as a rule first, then what it only may involve, said so (a tibialis posterior tendon
        # rupture reached through the spring ligament: the tendon, and in some cases the ligament; review r21 J7)
        involved = sorted([affects, *also], key=_possibly)
        mixed = len({_possibly(st) for st in involved}) > 1  # all in some cases: said by each structure's own fact
        names = " and the ".join(ctx.kb.label(st.subject if st is affects else st.object)
                                 + (" (in some cases)" if mixed and _possibly(st) else "")
                                 for st in involved)  # fmt: skip
        # a bone is not itself inflamed: the soft tissue at it is (an os trigonum impinged: review r25 C06)
        at = state.lesion == terms.INFLAMMATION and ctx.kb.is_a(affects.subject, terms.BONE)
        what = f"{ctx.kb.label(state.lesion or '')} {'at' if at else 'of'} the {names}{grade}"
        term = ctx.kb.terms.get(condition)
        grades = [v for p, v in term.annotations if p == terms.INJURY_GRADE] if term else []
        if state.lesion == LOSS and state.grade == 2 and {"2", "3"} <= set(grades):
            # a rupture of grade II or III reached by a grade II tear: a partial rupture, said first (review r18:
            # "Achilles tendon rupture ... grade II (a partial tear)" read as a contradiction)
            what = f"partial (grade II): {ctx.kb.label(state.lesion)} of the {names}"
        if len(grades) == 1 and term and term.definition_source and _a_grade(ctx, condition):
            what += f" (grading: {ctx.kb.label(term.definition_source)})"  # whose grading (review r16)
        # a pattern of several lesions names each (a bimalleolar-equivalent fracture: the deltoid ligament's tear too)
        what += "".join(_other_lesion(ctx, [st for st in damaged if st not in also], affected))
        what += _usual_rest(ctx, condition, affects, affected)
        general = general_of(ctx, condition, named)
        within = None if general else _covered_by(ctx, condition, covering)
        if general:
            what = f"the named {ctx.kb.label(general)}, in general: {what}"
        elif within:
            what = f"part of the {'named ' if within in named else ''}{ctx.kb.label(within)}: {what}"
        findings.add(condition, what, 0.6,
                     ctx.facts(steps), (*state.rules, "rule:condition-consequences"))  # fmt: skip
    return findings.result(ctx)


def _possibly(st: Statement) -> bool:
    """The condition only possibly involves the structure of this affects statement."""
    return (terms.INVOLVEMENT, terms.POSSIBLY_INVOLVED) in st.qualifiers


def _usual_rest(ctx: Context, condition: str, affects: Statement, affected: dict[str, Affected]) -> str:
    """What the condition involves as a rule and the injury does not reach: a CFL named alone is a lateral ankle sprain,
    which tears the ATFL as a rule (review r21 J2); an ATFL torn alone is a grade III sprain by its severity grading,
    which tears the CFL as a rule too (review r22 K1: no CFL look-for). Only for a structure the condition possibly
    involves, or a graded condition (its grade is defined by the tears it names): an umbrella condition's structures
    are those it may affect (a nerve entrapment at the ankle, of one of four nerves), not a rule to look for."""
    if not (_possibly(affects) or graded(ctx, condition)):
        return ""
    lesions = condition_lesions(ctx, condition)
    # not a whole the injury reaches in part (the lateral ligament complex of a torn CFL)
    rest = sorted(ctx.kb.label(st.object) for st in definite(ctx, condition)
                  if st.object not in affected and lesion_for(ctx, lesions, st.object) is not None
                  and (terms.INVOLVEMENT, terms.ONE_OF_ALTERNATIVES) not in st.qualifiers  # the tendon it is not
                  and not set(ctx.part_ids(st.object)) & affected.keys())  # fmt: skip
    return f"; not named, which it involves as a rule (look for it): the {', the '.join(rest)}" if rest else ""


def _damaged_by(ctx: Context, condition: str, found: str, affected: dict[str, Affected]) -> list[Statement]:
    """The condition's other affected structures that the injury damages by one of the condition's lesions."""
    lesions = condition_lesions(ctx, condition)
    return [
        st for st in ctx.objects(condition, terms.AFFECTS)
        if st.object != found and (s := affected.get(st.object)) is not None and s.reached in DAMAGED
        and (s.lesion in lesions or not lesions)
    ]  # fmt: skip


def _other_lesion(ctx: Context, damaged: list[Statement], affected: dict[str, Affected]) -> list[str]:
    """'; loss of continuity of the deltoid ligament' per other lesion, with the partial grades said."""
    by_lesion: dict[str, list[str]] = {}
    for st in damaged:
        state = affected[st.object]
        grade = _partial(ctx, st.object, state)
        by_lesion.setdefault(state.lesion or "", []).append(f"{ctx.kb.label(st.object)}{grade}")
    return [f"; {ctx.kb.label(lesion)} of the {' and the '.join(names)}" for lesion, names in by_lesion.items()]


def condition_findings(
    ctx: Context, conditions: list[Amounts], predicate: str, detail: str, score: float, *, skip: set[str]
) -> FindingsByEntity:
    """What the conditions have (symptoms) or may lead to (long-term risks), with the chain to each."""
    findings = FindingsByEntity()
    # a condition of its own that records what it may lead to (the named snowboarder's fracture, a talar neck
    # fracture) says it for the part's lesion: the whole's, said in general (osteonecrosis of the talus), are not
    own = any(not in_general(state) and ctx.objects(c, predicate) for c, _, state in conditions)
    named = [c for c, affects, _ in conditions if affects is None]
    for condition, affects, state in conditions:
        chain = [*state.chain, *([affects] if affects else [])]
        said, weight = detail.format(ctx.kb.label(condition)), score
        general = general_of(ctx, condition, named) if affects is not None else None
        if general:  # its sources speak of the condition in general, not of the named form (review r20 I16)
            said += f" (recorded for {ctx.kb.label(condition)} in general, not for the named {ctx.kb.label(general)})"
        if in_general(state) and affects is not None and own:
            continue
        if in_general(state) and affects is not None:
            part = _part_named(ctx, state)
            said += f" (recorded for {ctx.kb.label(condition)} in general, not for {part} alone)"
            weight = score * ctx.rules[IN_GENERAL].parameter("general_weight")
        for st in ctx.objects(condition, predicate):
            if st.object in skip:
                continue
            findings.add(st.object, said, weight, ctx.facts([*chain, st]),
                         (*state.rules, "rule:condition-consequences"))  # fmt: skip
    return findings


def _part_named(ctx: Context, state: Affected) -> str:
    """'a fracture of the lateral tubercle of posterior process of talus': the lesion of the part first damaged."""
    part = None
    for st in reversed(state.chain):  # the path up to the whole is the chain's tail of part-of steps
        if st.predicate != terms.PART_OF or (part is not None and st.object != part):
            break
        part = st.subject
    lesion = ctx.kb.label(state.lesion or "") or "an injury"
    return f"a {lesion} of the {ctx.kb.label(part)}" if part else "one of its parts"
