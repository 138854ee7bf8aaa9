"""The unstable-fracture rule: the ankle mortise is a ring that a fracture breaks only with another break.

A fractured bony buttress (the lateral malleolus, a post against lateral shift of the talus) keeps its
restraint while the fracture is stable. It is unstable when, with the fragment gone and the ligaments
anchored on it carried along, its motion would be unstable: then the buttress and those ligaments lose
their restraint of that motion, the ligaments without being torn.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.knowledge.model import Statement
from app.reasoning.impact import terms
from app.reasoning.impact.context import Affected, Context, implements
from app.reasoning.impact.expansion import FRACTURE
from app.reasoning.impact.mechanics import position_groups, status_of, weights_of
from app.reasoning.impact.models import DAMAGED, Stability

ANCHORS = (terms.PROXIMAL_ATTACHMENT_OF, terms.DISTAL_ATTACHMENT_OF)


@dataclass
class Displacement:
    """Restraints an unstable fracture carries away, and the statements that say how."""

    restraints: dict[str, float] = field(default_factory=dict)
    steps: dict[str, list[Statement]] = field(default_factory=dict)


@implements("rule:unstable-fracture")
def displaced_buttresses(ctx: Context, affected: dict[str, Affected], loss: dict[str, float]) -> Displacement:
    """Each fractured buttress whose ring is broken elsewhere too, with what its fragment carries."""
    fractured = {c: s for c, s in affected.items() if s.reached in DAMAGED and s.lesion == FRACTURE}
    anchored = {bone: ctx.objects_any(bone, ANCHORS) for bone in fractured}  # ligaments on the fragment itself
    carried = {st.object: st for statements in anchored.values() for st in statements}
    result = Displacement()
    for bone, state in sorted(fractured.items()):
        for r in ctx.kb.restraints_by_structure.get(bone, ()):
            for _, members in position_groups(ctx.kb.restraints_by_motion[(r.joint, r.motion)]):
                lost = {
                    m.id: 1.0 if m.structure in fractured or m.structure in carried else loss.get(m.structure, 0.0)
                    for m in members
                }
                if status_of(ctx, members, lost, weights_of(ctx, members)) is not Stability.UNSTABLE:
                    continue  # the rest of the ring holds: a stable fracture
                for m in members:
                    if m.structure == bone:
                        result.restraints[m.id] = 1.0
                        result.steps[m.id] = list(state.chain)
                    elif m.structure in {st.object for st in anchored[bone]}:
                        result.restraints[m.id] = 1.0
                        result.steps[m.id] = [*state.chain, carried[m.structure]]
    return result
