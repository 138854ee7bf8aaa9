"""The schema terms the knowledge base, the projection, the answers and the reports key on, as CURIEs.

Each is read through the closed ``AKG`` namespace, so a misspelt term fails at import, and
tests/test_vocab.py checks ``AKG`` against data/schema.ttl (app/reasoning/impact/terms.py does the
same for the impact engine).
"""

from __future__ import annotations

from ..ontology.curies import compress
from ..vocab import AKG, PREFIXES, SCHEMA_BASE

#: The CURIE prefix of schema terms ("akg:"), as the one prefix map spells it.
SCHEMA_PREFIX = next(prefix for prefix, namespace in PREFIXES.items() if namespace == SCHEMA_BASE) + ":"

# classes
ANATOMICAL_STRUCTURE = compress(AKG.AnatomicalStructure)
CLINICAL_ENTITY = compress(AKG.ClinicalEntity)
CLINICAL_TEST = compress(AKG.ClinicalTest)
DECISION_RULE = compress(AKG.ClinicalDecisionRule)
CONDITION = compress(AKG.Condition)
JOINT_POSITION = compress(AKG.JointPosition)
MOTION = compress(AKG.Motion)
MUSCLE_ACTION = compress(AKG.MuscleAction)
REFERENCE = compress(AKG.Reference)
RESTRAINT = compress(AKG.Restraint)
SKIN_AREA = compress(AKG.SkinArea)
SYMPTOM = compress(AKG.Symptom)
TREATMENT_EVIDENCE = compress(AKG.TreatmentEvidence)
LESION_PRESENTATION = compress(AKG.LesionPresentation)
# roles of an n-ary fact
EDITOR_INFERENCE = compress(AKG.EditorInference)
PRIMARY_RESTRAINT = compress(AKG.PrimaryRestraint)
SECONDARY_RESTRAINT = compress(AKG.SecondaryRestraint)
PRIME_MOVER = compress(AKG.PrimeMover)
ASSISTANT = compress(AKG.Assistant)
# the participants of an n-ary fact (akg:joint, akg:motion, akg:position; MOTION is the class)
FACT_JOINT = compress(AKG.joint)
FACT_MOTION = compress(AKG.motion)
FACT_POSITION = compress(AKG.position)
# other properties
ABBREVIATION = compress(AKG.abbreviation)
ACTING_MUSCLE = compress(AKG.actingMuscle)
DEFINITION_SOURCE = compress(AKG.definitionSource)
DETECTS_LESION = compress(AKG.detectsLesion)
EXAMINES_JOINT = compress(AKG.examinesJoint)
EXAMINES_MOTION = compress(AKG.examinesMotion)
EXAMINES_STRUCTURE = compress(AKG.examinesStructure)
HAS_PART = compress(AKG.hasPart)
HAS_TENDON = compress(AKG.hasTendon)
INVOLVEMENT = compress(AKG.involvement)
KNOWN_BY = compress(AKG.knownBy)
POSITION_BASIS = compress(AKG.positionBasis)
LATIN_NAME = compress(AKG.latinName)
MINIMUM_GRADE = compress(AKG.minimumGrade)
PRESENTS_WITH = compress(AKG.presentsWith)
PART_OF = compress(AKG.partOf)
REFERENCE_KIND = compress(AKG.referenceKind)
RESTRAINING_STRUCTURE = compress(AKG.restrainingStructure)
SPINAL_ROOT_LEVELS = compress(AKG.spinalRootLevels)
TENDON_OF = compress(AKG.tendonOf)

ANATOMICAL_SPACE = compress(AKG.AnatomicalSpace)
BONE = compress(AKG.Bone)
BONE_PART = compress(AKG.BonePart)
BONY_LANDMARK = compress(AKG.BonyLandmark)
COMPARTMENT = compress(AKG.Compartment)
JOINT = compress(AKG.Joint)
LIGAMENT = compress(AKG.Ligament)
MUSCLE = compress(AKG.Muscle)
MUSCLE_GROUP = compress(AKG.MuscleGroup)
NERVE = compress(AKG.Nerve)
REGION = compress(AKG.Region)
RETINACULUM = compress(AKG.Retinaculum)
TENDON = compress(AKG.Tendon)
ADJACENT_TO = compress(AKG.adjacentTo)
AFFECTS = compress(AKG.affects)
BRANCH_OF = compress(AKG.branchOf)
CONTAINS = compress(AKG.contains)
FREQUENCY = compress(AKG.frequency)
DISTAL_ATTACHMENT = compress(AKG.distalAttachment)
HAS_BRANCH = compress(AKG.hasBranch)
INNERVATED_BY = compress(AKG.innervatedBy)
INSERTION = compress(AKG.insertion)
KIND_OF = compress(AKG.kindOf)
#: a condition's frequency in its source's word, commonest first (app.knowledge.resolver ranks ties by it)
FREQUENCY_ORDER = (compress(AKG.CommonCondition), compress(AKG.UncommonCondition), compress(AKG.RareCondition))
LESION = compress(AKG.lesion)
LIES_IN = compress(AKG.liesIn)
ORIGIN = compress(AKG.origin)
PASSES_THROUGH = compress(AKG.passesThrough)
PROXIMAL_ATTACHMENT = compress(AKG.proximalAttachment)
SENSORY_TERRITORY = compress(AKG.sensoryTerritory)
SPANS_JOINT = compress(AKG.spansJoint)
SUPPLIED_BY = compress(AKG.suppliedBy)
WEAKNESS_OF = compress(AKG.weaknessOf)

#: What the impact engine takes as an injury: a structure (and its subclasses) or a named condition.
INJURABLE_TYPES = (ANATOMICAL_STRUCTURE, CONDITION)
