"""The one vocabulary and prefix map shared by the loader, the API, SPARQL and the exports.

``AKG`` is a closed namespace: a misspelt schema term raises ``AttributeError`` at import time
instead of silently matching nothing (the rdflib ``DefinedNamespace`` idea). The W3C and DCMI
vocabularies (``RDF``, ``RDFS``, ``OWL``, ``SKOS``, ``SH``, ``XSD``, ``DCTERMS``: rdflib's closed namespaces)
are re-exported here, so app code imports every namespace from this one module and spells out no namespace IRI.
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import DCTERMS as DCTERMS
from rdflib.namespace import OWL as OWL
from rdflib.namespace import RDF as RDF
from rdflib.namespace import RDFS as RDFS
from rdflib.namespace import SH as SH
from rdflib.namespace import SKOS as SKOS
from rdflib.namespace import VOID as VOID  # re-exported: the dataset descriptions use it
from rdflib.namespace import XSD as XSD
from rdflib.namespace import DefinedNamespace, Namespace

ANKLE_BASE = "https://w3id.org/anklekg/ANKLE_"
SCHEMA_BASE = "https://w3id.org/anklekg/schema#"
ONTOLOGY_IRI = "https://w3id.org/anklekg/anklekg.owl"
RULE_BASE = "https://w3id.org/anklekg/rule/"
#: The OBO-style OWL export of the anatomy (classes, not individuals: app/obo.py).
OBO_OWL_IRI = "https://w3id.org/anklekg/ankle-obo.owl"

ANKLE = Namespace(ANKLE_BASE)
OBO = Namespace("http://purl.obolibrary.org/obo/")
OBOINOWL = Namespace("http://www.geneontology.org/formats/oboInOwl#")
BIBO = Namespace("http://purl.org/ontology/bibo/")
SCHEMA_ORG = Namespace("https://schema.org/")
IAO_DEFINITION = OBO["IAO_0000115"]
#: "part of" as UBERON and the OBO ontologies use it (BFO:0000050), for the OWL export's restrictions.
PART_OF_BFO = OBO["BFO_0000050"]

# W3C vocabularies: rdflib's closed namespaces imported above (a misspelt term raises), plus those it lacks.
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")


class AKG(DefinedNamespace):
    """AnkleKG schema terms (data/schema.ttl)."""

    _fail = True
    _NS = Namespace(SCHEMA_BASE)

    # classes
    Entity: URIRef
    AnatomicalStructure: URIRef
    Bone: URIRef
    BonePart: URIRef
    BonyLandmark: URIRef
    Joint: URIRef
    Ligament: URIRef
    Muscle: URIRef
    MusclePart: URIRef
    MuscleGroup: URIRef
    Tendon: URIRef
    Retinaculum: URIRef
    Nerve: URIRef
    Artery: URIRef
    AnatomicalSpace: URIRef
    Compartment: URIRef
    Region: URIRef
    SkinArea: URIRef
    Motion: URIRef
    JointPosition: URIRef
    FunctionalFact: URIRef
    Restraint: URIRef
    MuscleAction: URIRef
    RestraintRole: URIRef
    PrimaryRestraint: URIRef
    SecondaryRestraint: URIRef
    ActionRole: URIRef
    PrimeMover: URIRef
    Assistant: URIRef
    SourcedRelation: URIRef
    ClinicalEntity: URIRef
    Condition: URIRef
    Symptom: URIRef
    DiagnosticProcedure: URIRef
    ClinicalTest: URIRef
    ImagingModality: URIRef
    Treatment: URIRef
    EvidenceLevel: URIRef
    EvidenceHigh: URIRef
    EvidenceModerate: URIRef
    EvidenceLow: URIRef
    EvidenceVeryLow: URIRef
    EvidenceInsufficient: URIRef
    TreatmentEvidence: URIRef
    LesionPresentation: URIRef
    Reference: URIRef
    Rule: URIRef
    LesionMechanism: URIRef
    LossOfContinuity: URIRef
    Fracture: URIRef
    Degeneration: URIRef
    Inflammation: URIRef
    OsteochondralLesion: URIRef
    Osteonecrosis: URIRef
    Compression: URIRef
    TendonInstability: URIRef
    ClinicalDecisionRule: URIRef
    Involvement: URIRef
    OneOfAlternatives: URIRef
    PossiblyInvolved: URIRef
    KnowledgeBasis: URIRef
    Measured: URIRef
    StatedBySource: URIRef
    EditorInference: URIRef
    ConvertedFromScale: URIRef
    EffectDirection: URIRef
    Favours: URIRef
    NoBenefit: URIRef
    Against: URIRef
    Inconclusive: URIRef
    # n-ary fact properties
    restrainingStructure: URIRef
    actingMuscle: URIRef
    joint: URIRef
    motion: URIRef
    position: URIRef
    restraintRole: URIRef
    actionRole: URIRef
    relativeContribution: URIRef
    evidenceNote: URIRef
    motionKindOf: URIRef
    oppositeMotion: URIRef
    condition: URIRef
    treatment: URIRef
    evidenceLevel: URIRef
    recommendation: URIRef
    presentingLesion: URIRef
    structureKind: URIRef
    presentsWith: URIRef
    fromGrade: URIRef
    # anatomical relations
    partOf: URIRef
    hasPart: URIRef
    kindOf: URIRef
    hasKind: URIRef
    origin: URIRef
    insertion: URIRef
    proximalAttachment: URIRef
    distalAttachment: URIRef
    spansJoint: URIRef
    articulatesWith: URIRef
    jointOf: URIRef
    tendonOf: URIRef
    innervatedBy: URIRef
    spinalRootLevels: URIRef
    suppliedBy: URIRef
    branchOf: URIRef
    passesThrough: URIRef
    liesIn: URIRef
    adjacentTo: URIRef
    sensoryTerritory: URIRef
    # inverses (inferred, never asserted)
    originOf: URIRef
    insertionOf: URIRef
    proximalAttachmentOf: URIRef
    distalAttachmentOf: URIRef
    spannedBy: URIRef
    hasJoint: URIRef
    hasTendon: URIRef
    innervates: URIRef
    supplies: URIRef
    hasBranch: URIRef
    traversedBy: URIRef
    contains: URIRef
    sensoryNerve: URIRef
    affectedBy: URIRef
    symptomOf: URIRef
    diagnoses: URIRef
    mayResultFrom: URIRef
    # clinical relations
    affects: URIRef
    definingStructure: URIRef
    hasSymptom: URIRef
    diagnosedBy: URIRef
    mayLeadTo: URIRef
    examinesJoint: URIRef
    examinesMotion: URIRef
    examinesStructure: URIRef
    testPosition: URIRef
    mechanism: URIRef
    injuryGrade: URIRef
    lesion: URIRef
    appliesTo: URIRef
    defaultFor: URIRef
    precedence: URIRef
    detectsLesion: URIRef
    minimumGrade: URIRef
    involvement: URIRef
    screensFor: URIRef
    knownBy: URIRef
    roleBasis: URIRef
    positionBasis: URIRef
    levelBasis: URIRef
    gradedBy: URIRef
    effectDirection: URIRef
    # terms and provenance
    abbreviation: URIRef
    latinName: URIRef
    definitionSource: URIRef
    referenceKind: URIRef
    ruleParameter: URIRef
    concludesSymptom: URIRef
    triggerMotion: URIRef
    triggerJoint: URIRef


#: The one CURIE prefix map: parser, serialisers, API and SPARQL default prefixes all read it.
PREFIXES: dict[str, str] = {
    "ANKLE": ANKLE_BASE,
    "akg": SCHEMA_BASE,
    "rule": RULE_BASE,
    "obo": str(OBO),
    "oboInOwl": str(OBOINOWL),
    "UBERON": "http://purl.obolibrary.org/obo/UBERON_",
    "FMA": "http://purl.obolibrary.org/obo/FMA_",
    "IAO": "http://purl.obolibrary.org/obo/IAO_",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "bibo": str(BIBO),
    "schema": str(SCHEMA_ORG),
    "sh": str(SH),
}


def sparql_prologue(*names: str) -> str:
    """PREFIX declarations for the named entries of :data:`PREFIXES` (all of them without names)."""
    return "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in names or PREFIXES)
