"""Questions on plain anatomy: which nerve supplies a muscle, where a ligament, tendon or muscle attaches.

Both read sourced relations only (a relation is stated by its source); a distractor is a nerve or a site
of the same kind that the graph does not relate to the structure, nor to a whole or part of it.
"""

from __future__ import annotations

from functools import partial

from ..knowledge import schema
from .drafts import Choice, Draft, draft, names_the_answer, sourced
from .graph import LearnGraph, capital, join, spinal_roots
from .models import QuestionType

INNERVATED_BY = schema.INNERVATED_BY
SENSORY_TERRITORY = schema.SENSORY_TERRITORY
BRANCH_OF = schema.BRANCH_OF
#: attachment predicate -> (the stem when the structure has one such site, the stem when it has several)
ATTACHMENTS = {
    schema.PROXIMAL_ATTACHMENT: ("Where is the proximal attachment of the {f}?",
                               "Which of these is a proximal attachment of the {f}?"),
    schema.DISTAL_ATTACHMENT: ("Where is the distal attachment of the {f}?",
                             "Which of these is a distal attachment of the {f}?"),
    schema.ORIGIN: ("From where does the {f} arise?", "Which of these is a site of origin of the {f}?"),
    schema.INSERTION: ("Where does the {f} insert?", "Which of these is an insertion of the {f}?"),
}  # fmt: skip
ATTACHED = (schema.LIGAMENT, schema.MUSCLE, schema.TENDON)


def innervation_drafts(graph: LearnGraph) -> list[Draft]:
    """Asks "which nerve supplies the <muscle>?" for every muscle the graph gives a nerve."""
    nerves = [n for n in graph.of_class(schema.NERVE) if not graph.is_generic(n)]
    motor = {st.object for st in graph.with_predicate(INNERVATED_BY) if graph.kb.is_a(st.subject, schema.MUSCLE)}
    placed = [n for n in nerves if graph.is_placed(n)]
    drafts = []
    for muscle in graph.of_class(schema.MUSCLE):
        supply = graph.objects(muscle, INNERVATED_BY)
        if graph.is_generic(muscle) or not supply:
            continue
        # the nerves of the muscle and of its wholes (the triceps surae's nerve is the soleus's too)
        right = {st.object for whole in graph.kin(muscle) for st in graph.objects(whole, INNERVATED_BY)}
        answer = sorted(supply, key=lambda st: st.object)[0]
        levels = dict(answer.qualifiers).get(schema.SPINAL_ROOT_LEVELS)
        roots = f" ({spinal_roots(levels)})" if levels else ""
        facts = sourced([graph.fact(answer), *map(graph.fact, graph.objects(answer.object, BRANCH_OF))])
        said = capital(graph.sentence(answer)) + roots
        branch = graph.objects(answer.object, BRANCH_OF)
        if branch:
            said += f", a branch of the {join([graph.label(st.object) for st in branch])}"
        drafts.append(
            draft(
                graph,
                QuestionType.INNERVATION,
                key=f"innervation:{muscle}",
                focus=muscle,
                stem=f"Which nerve supplies the {graph.label(muscle)}?",
                answer=Choice(answer.object, said + ".", facts),
                tiers=[sorted(motor), placed, nerves],
                true_answers=right,
                explain=partial(_nerve_elsewhere, graph, muscle=muscle),
                places=graph.places(muscle),
            )
        )
    return drafts


def _nerve_elsewhere(graph: LearnGraph, nerve: str, muscle: str) -> Choice | None:
    """Why a nerve is not the answer: the muscles it or its branches supply, or else the skin it carries
    sensation from; none of them the muscle."""
    family = graph.kin(muscle)
    branches = [st for st in graph.subjects(nerve, BRANCH_OF) if graph.kb.is_a(st.subject, schema.NERVE)]
    supplied = [
        st
        for n in [nerve, *(st.subject for st in branches)]
        for st in graph.subjects(n, INNERVATED_BY)
        if graph.kb.is_a(st.subject, schema.MUSCLE)
    ]
    if any(st.subject in family for st in supplied):
        return None  # it supplies the muscle or a whole of it: a right answer, never a distractor
    supplied = [st for st in supplied if not graph.is_generic(st.subject)]
    name, target = graph.label(nerve), graph.label(muscle)
    if supplied:
        through = sorted({st.object for st in supplied} - {nerve})
        via = [st for st in branches if st.subject in through]
        muscles = join([f"the {graph.label(st.subject)}" for st in supplied])
        names = join([f"the {graph.label(b)}" for b in through])
        who = f"The {name}, through {names}, supplies" if through else f"The {name} supplies"
        return Choice(nerve, f"{who} {muscles}, not the {target}.", sourced(map(graph.fact, [*via, *supplied])))
    skin = graph.objects(nerve, SENSORY_TERRITORY)
    if skin:
        areas = join([f"the {graph.label(st.object)}" for st in skin])
        text = (
            f"The {name} carries sensation from {areas}; the graph records no muscle it supplies, so not the {target}."
        )
        return Choice(nerve, text, sourced(map(graph.fact, skin)))
    return None


def attachment_drafts(graph: LearnGraph) -> list[Draft]:
    """Where a ligament, tendon or muscle attaches: one question per structure and kind of attachment."""
    drafts = []
    for focus in sorted({c for cls in ATTACHED for c in graph.of_class(cls)}):
        if graph.is_generic(focus):
            continue
        own_sites = {st.object for st in graph.objects(focus, *ATTACHMENTS)}
        cls = next(c for c in ATTACHED if graph.kb.is_a(focus, c))
        for predicate, (one, several) in ATTACHMENTS.items():
            sites = graph.objects(focus, predicate)
            if not sites:
                continue
            # the most specific site: a landmark rather than the bone it belongs to
            specific = [st for st in sites if not any(st.object in graph.wholes(o.object) for o in sites)]
            answer = sorted(specific or sites, key=lambda st: (graph.label(st.object), st.object))[0]
            if any(names_the_answer(graph.label(focus), graph.label(site))
                   for site in (answer.object, *graph.wholes(answer.object))):  # fmt: skip
                # "where does the calcaneocuboid ligament attach?": its name says it; so does the tibiotalar
                # ligament's for the medial malleolus, a part of the tibia (blinded quiz review r4)
                continue
            # a tendon inserts where its muscle does, a head where its muscle arises: their sites are right too
            kin_sites = {st.object for kin in graph.kin(focus) for st in graph.objects(kin, predicate)}
            same_role = [st.object for st in graph.with_predicate(predicate) if graph.kb.is_a(st.subject, cls)]
            any_site = [st.object for st in graph.with_predicate(*ATTACHMENTS)]
            drafts.append(
                draft(
                    graph,
                    QuestionType.ATTACHMENT,
                    key=f"attachment:{focus}:{predicate}",
                    focus=focus,
                    stem=(one if len(sites) == 1 else several).format(f=graph.label(focus)),
                    answer=Choice(answer.object, capital(graph.sentence(answer)) + ".", sourced([graph.fact(answer)])),
                    tiers=[same_role, any_site],
                    true_answers=own_sites | kin_sites,
                    explain=partial(_site_elsewhere, graph, focus=focus),
                    places=graph.places(focus),
                )
            )
    return drafts


def _site_elsewhere(graph: LearnGraph, site: str, focus: str) -> Choice | None:
    """Why a site is not the answer: the structures that do attach there (the focus is not one of them)."""
    attached = [st for st in graph.subjects(site, *ATTACHMENTS) if st.subject != focus]
    if not attached:
        return None
    # the structures themselves before the wholes they belong to (the ATFL before the lateral complex)
    shown = sorted(attached, key=lambda st: (bool(graph.subjects(st.subject, schema.PART_OF)), st.subject))[:3]
    nowhere = f"The graph gives the {graph.label(focus)} no attachment to the {graph.label(site)}."
    text = f"{capital(graph.clauses(shown))}. {nowhere}"
    return Choice(site, text, sourced(map(graph.fact, shown)))
