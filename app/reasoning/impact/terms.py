"""The schema terms the impact engine keys on, as CURIEs read through the closed ``AKG`` namespace.

A misspelt term fails at import (``AKG`` raises), and tests/test_vocab.py checks ``AKG`` against data/schema.ttl.
"""

from __future__ import annotations

from ...ontology.curies import compress
from ...vocab import AKG


def _curie(term: object) -> str:
    return compress(str(term))


ANATOMICAL_SPACE = _curie(AKG.AnatomicalSpace)
ARTERY = _curie(AKG.Artery)
BONE = _curie(AKG.Bone)
BONE_PART = _curie(AKG.BonePart)
COMPARTMENT = _curie(AKG.Compartment)
COMPRESSION = _curie(AKG.Compression)
CONDITION = _curie(AKG.Condition)
CONVERTED_FROM_SCALE = _curie(AKG.ConvertedFromScale)
EDITOR_INFERENCE = _curie(AKG.EditorInference)
FRACTURE = _curie(AKG.Fracture)
LOSS_OF_CONTINUITY = _curie(AKG.LossOfContinuity)
MEASURED = _curie(AKG.Measured)
MUSCLE = _curie(AKG.Muscle)
MUSCLE_PART = _curie(AKG.MusclePart)
NERVE = _curie(AKG.Nerve)
LIGAMENT = _curie(AKG.Ligament)
BONY_LANDMARK = _curie(AKG.BonyLandmark)
RETINACULUM = _curie(AKG.Retinaculum)
STATED_BY_SOURCE = _curie(AKG.StatedBySource)
TENDON = _curie(AKG.Tendon)
TENDON_INSTABILITY = _curie(AKG.TendonInstability)
ADJACENT_TO = _curie(AKG.adjacentTo)
ARISES_FROM = _curie(AKG.arisesFrom)
AFFECTED_BY = _curie(AKG.affectedBy)
AFFECTS = _curie(AKG.affects)
BRANCH_OF = _curie(AKG.branchOf)
CONTAINS = _curie(AKG.contains)
DETECTS_LESION = _curie(AKG.detectsLesion)
DIAGNOSED_BY = _curie(AKG.diagnosedBy)
SCREENS_FOR = _curie(AKG.screensFor)
EXAMINES_JOINT = _curie(AKG.examinesJoint)
EXAMINES_MOTION = _curie(AKG.examinesMotion)
EXAMINES_STRUCTURE = _curie(AKG.examinesStructure)
HAS_BRANCH = _curie(AKG.hasBranch)
HAS_JOINT = _curie(AKG.hasJoint)
HAS_PART = _curie(AKG.hasPart)
HAS_SYMPTOM = _curie(AKG.hasSymptom)
HAS_TENDON = _curie(AKG.hasTendon)
INJURY_GRADE = _curie(AKG.injuryGrade)
INNERVATES = _curie(AKG.innervates)
JOINT_OF = _curie(AKG.jointOf)
LESION = _curie(AKG.lesion)
MAY_LEAD_TO = _curie(AKG.mayLeadTo)
MAY_RESULT_FROM = _curie(AKG.mayResultFrom)
MECHANISM = _curie(AKG.mechanism)
MIMICS = _curie(AKG.mimics)
MIMICKED_BY = _curie(AKG.mimickedBy)
PART_OF = _curie(AKG.partOf)
SENSORY_TERRITORY = _curie(AKG.sensoryTerritory)
SUPPLIES = _curie(AKG.supplies)
TENDON_OF = _curie(AKG.tendonOf)
TRAVERSED_BY = _curie(AKG.traversedBy)
PROXIMAL_ATTACHMENT_OF = _curie(AKG.proximalAttachmentOf)
DISTAL_ATTACHMENT = _curie(AKG.distalAttachment)
DISTAL_ATTACHMENT_OF = _curie(AKG.distalAttachmentOf)
#: what anchors a ligament on a bone or landmark, read from the bone's side
ANCHORED = (PROXIMAL_ATTACHMENT_OF, DISTAL_ATTACHMENT_OF)
OSTEONECROSIS = _curie(AKG.Osteonecrosis)
SUPPLIED_BY = _curie(AKG.suppliedBy)
DEFINING_STRUCTURE = _curie(AKG.definingStructure)
SPANS_JOINT = _curie(AKG.spansJoint)
INVOLVEMENT = _curie(AKG.involvement)
ONE_OF_ALTERNATIVES = _curie(AKG.OneOfAlternatives)
POSSIBLY_INVOLVED = _curie(AKG.PossiblyInvolved)
