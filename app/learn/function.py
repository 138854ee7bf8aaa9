"""Questions on function: which structure restrains a motion of a joint (in a position, as a primary or
secondary restraint when the source says so).

A restraint is asked about only as far as it is not the editor's reading: a fact measured in a study whose role
is the editor's reading is asked without its role, one whose positions are the editor's reading without them,
and the fact shown with the answer carries only those parts. A distractor restrains neither the motion nor a
kind of it at any joint, in any position, however the graph knows it.
"""

from __future__ import annotations

from functools import partial

from ..knowledge import schema
from ..knowledge.model import Restraint
from ..models import EntityRef, Fact
from ..ontology.curies import expand
from ..reasoning.impact import terms
from .drafts import Choice, Draft, draft, sourced
from .graph import LearnGraph, capital, join
from .models import QuestionType

#: The kinds of restraining structure, most specific first: options are all of the right answer's kind.
KINDS = (schema.LIGAMENT, schema.TENDON, schema.RETINACULUM, schema.MUSCLE, schema.BONY_LANDMARK, schema.BONE)


def _inferred(basis: str | None) -> bool:
    return basis == terms.EDITOR_INFERENCE


def _positions_used(graph: LearnGraph, r: Restraint) -> list[str]:
    """The positions a question may name: stated or measured, and narrower than every position."""
    every = set(graph.of_class(schema.JOINT_POSITION))
    if not r.positions or _inferred(r.position_basis) or set(r.positions) >= every:
        return []
    return sorted(r.positions, key=graph.label)


def _positions_phrase(graph: LearnGraph, positions: list[str]) -> str:
    if not positions:
        return ""
    names = [graph.label(p).removesuffix(" position") for p in positions]
    return f" in the {' or '.join(names)} position" if len(names) > 1 else f" in the {names[0]} position"


def _role_used(r: Restraint) -> str | None:
    return None if _inferred(r.role_basis) else r.role.value


def measured_part(graph: LearnGraph, r: Restraint) -> Fact:
    """The restraint fact without its parts that are the editor's reading (role, positions)."""
    fact = graph.kb.restraint_fact(r)
    qualifiers = dict(fact.qualifiers)
    role = _role_used(r)
    if role is None:
        qualifiers.pop("role", None)
        qualifiers.pop("role_basis", None)
    if _inferred(r.position_basis):
        qualifiers.pop("positions", None)
        qualifiers.pop("position_basis", None)
    said = f"{graph.label(r.structure)} restrains {graph.label(r.motion)} at the {graph.label(r.joint)}"
    predicate = f"is a {role} restraint to" if role else "restrains"
    return fact.model_copy(
        update={
            "qualifiers": qualifiers,
            "predicate": fact.predicate.model_copy(update={"label": predicate}),
            "fact": EntityRef(
                id=r.id,
                label=said + _positions_phrase(graph, _positions_used(graph, r)),
                iri=fact.fact.iri if fact.fact else expand(r.id) or r.id,
            ),
        }
    )


def _motion_family(graph: LearnGraph, motion: str) -> set[str]:
    """The motion, what it is a kind of, and its own kinds (talar tilt and inversion go together)."""
    kinds = graph.kb.motion_kinds
    return {motion, *kinds.get(motion, ())} | {m for m, general in kinds.items() if motion in general}


def restraint_drafts(graph: LearnGraph) -> list[Draft]:
    """One question per restraint whose existence is measured or stated by its source."""
    kb = graph.kb
    drafts = []
    for r in sorted(kb.restraints, key=lambda r: r.id):
        kind = next((k for k in KINDS if kb.is_a(r.structure, k)), None)
        if kind is None or _inferred(r.known_by) or graph.is_generic(r.structure):
            continue
        family = _motion_family(graph, r.motion)
        # no distractor that restrains anything at this joint: the literature often names such a ligament as a
        # partial restraint of the motion asked about too, which the graph does not record (blinded quiz review
        # r4: the ATFL 'partly' checks dorsiflexion; the CFL is a primary restraint to external rotation)
        restrainers = {x.structure for x in kb.restraints if x.motion in family or x.joint == r.joint}
        positions = _positions_used(graph, r)
        where = f"{graph.label(r.motion)} at the {graph.label(r.joint)}{_positions_phrase(graph, positions)}"
        role = _role_used(r)
        noun = graph.label(kind)
        stem = f"Which {noun} is a {role} restraint to {where}?" if role else f"Which {noun} restrains {where}?"
        basis = f" ({graph.label(r.known_by)})" if r.known_by else ""
        said = f"The {graph.label(r.structure)} restrains {where}" + (f", as a {role} restraint" if role else "")
        spanning = [st.subject for st in graph.subjects(r.joint, schema.SPANS_JOINT) if kb.is_a(st.subject, kind)]
        drafts.append(
            draft(
                graph,
                QuestionType.RESTRAINT,
                key=f"restraint:{r.id}",
                focus=r.structure,
                stem=stem,
                answer=Choice(r.structure, said + basis + ".", sourced([measured_part(graph, r)])),
                tiers=[spanning, graph.of_class(kind)],
                true_answers=restrainers,
                explain=partial(_restrains_other, graph, r=r),
                places=graph.places(r.structure) | {r.joint, r.motion},
                near=r.joint,
            )
        )
    return drafts


def _joint(fact: Fact) -> str:
    joints = fact.qualifiers.get("joint")
    return joints[0].label if isinstance(joints, list) and joints else "joint"


def _restrains_other(graph: LearnGraph, other: str, r: Restraint) -> Choice | None:
    """Why a structure is not the answer: what the graph says it restrains (not this motion), or, when it
    records no restraint known otherwise than by the editor's reading, where the structure is."""
    name, motion = graph.label(other), graph.label(r.motion)
    absent = f"the graph records no restraint of {motion} by it"
    own = [
        measured_part(graph, x) for x in graph.kb.restraints_by_structure.get(other, ()) if not _inferred(x.known_by)
    ]
    facts = sourced(own)
    if facts:
        motions = join(sorted({f"{f.object.label} at the {_joint(f)}" for f in facts if f.object}))
        return Choice(other, f"The {name} restrains {motions}; {absent}.", facts[:3])
    placed = graph.objects(other, schema.SPANS_JOINT) or graph.objects(
        other, schema.PART_OF, schema.PROXIMAL_ATTACHMENT
    )
    if not placed:
        return None
    return Choice(other, f"{capital(graph.clauses(placed[:3]))}; {absent}.", sourced(map(graph.fact, placed[:3])))
