"""The one vocabulary and prefix map shared by the loader, the API, SPARQL and the exports.

``AKG`` is a closed namespace: a misspelt schema term raises ``AttributeError`` at import time
instead of silently matching nothing (the rdflib ``DefinedNamespace`` idea). The W3C and DCMI
vocabularies (``RDF``, ``RDFS``, ``OWL``, ``SKOS``, ``SH``, ``XSD``, ``DCTERMS``, ``VOID``) are closed over the same
terms as rdflib's closed namespaces, so app code imports every namespace from this one module and spells out no
namespace IRI. Terms are plain strings (:class:`IRI`), not rdflib terms: this module is imported by every start, and
rdflib's import cost each one ~0.1 s of CPU.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "AKG", "ANKLE", "ANKLE_BASE", "BIBO", "DCTERMS", "ENTAILMENT", "IAO_DEFINITION", "IRI", "OBO", "OBOINOWL",
    "ONTOLOGY_IRI", "OWL", "PREFIXES", "RDF", "RDFS", "RULE_BASE", "SCHEMA_BASE", "SCHEMA_ORG", "SD", "SH", "SKOS",
    "VOID", "W3C_FORMATS", "XSD", "ClosedNamespace", "DefinedNamespace", "Namespace", "sparql_prologue",
]  # fmt: skip


class IRI(str):
    """An IRI, as a plain string: pyoxigraph's ``NamedNode`` and SPARQL text take it as it is (code that hands terms
    to rdflib wraps them in ``rdflib.URIRef``). Not rdflib's own term class: importing rdflib cost every start ~0.1 s
    of CPU for constants."""

    __slots__ = ()


class Namespace(str):
    """An open namespace: ``NS.term`` and ``NS["term"]`` are the IRIs of its terms."""

    __slots__ = ()

    def __getitem__(self, name: Any) -> IRI:
        return IRI(str(self) + name)

    def __getattr__(self, name: str) -> IRI:
        if name.startswith("__"):
            raise AttributeError(name)
        return IRI(str(self) + name)


class ClosedNamespace:
    """A namespace of a known set of terms: a misspelt one raises AttributeError instead of naming nothing. The W3C
    and DCMI term lists below are rdflib's closed namespaces' (tests/test_vocab.py checks them against rdflib).
    Not a string itself (``str(RDF)`` is its IRI), so that terms such as ``DCTERMS.title`` are never str methods."""

    def __init__(self, iri: str, terms: str, numbered: bool = False) -> None:
        self.iri = iri
        self.terms = frozenset(terms.split())
        self.numbered = numbered  # rdf:_1, rdf:_2... (container membership)

    def __getitem__(self, name: str) -> IRI:
        if name not in self.terms and not (self.numbered and re.fullmatch(r"_[1-9][0-9]*", name)):
            raise AttributeError(f"{name!r} is not a term of the closed namespace <{self.iri}>")
        return IRI(self.iri + name)

    def __getattr__(self, name: str) -> IRI:
        if name.startswith("__") or name in ("iri", "terms", "numbered"):
            raise AttributeError(name)
        return self[name]

    def __str__(self) -> str:
        return self.iri

    def __repr__(self) -> str:
        return f"ClosedNamespace({self.iri!r})"


class _DefinedNamespaceMeta(type):
    """Reads a term declared as a class annotation (``Ligament: IRI``) as the IRI of the namespace ``_NS``."""

    _NS: Namespace
    _fail: bool

    def __getattr__(cls, name: str) -> IRI:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in cls.__annotations__ or not cls._fail:
            return IRI(str(cls._NS) + name)
        raise AttributeError(f"{name!r} is not a term of {cls.__name__} (<{cls._NS}>)")

    def __getitem__(cls, name: str) -> IRI:
        return cls.__getattr__(name)

    def __str__(cls) -> str:
        return str(cls._NS)

    def __contains__(cls, item: object) -> bool:
        base = str(cls._NS)
        return isinstance(item, str) and item.startswith(base) and item[len(base) :] in cls.__annotations__


class DefinedNamespace(metaclass=_DefinedNamespaceMeta):
    """A closed namespace written as a class whose annotations are its terms (rdflib's ``DefinedNamespace`` idea)."""

    _NS: Namespace
    _fail = True


# W3C and DCMI vocabularies, closed as rdflib's are.
RDF = ClosedNamespace(
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "Alt Bag CompoundLiteral HTML JSON List PlainLiteral Property Seq Statement XMLLiteral direction first "
    "langString language nil object predicate rest subject type value",
    numbered=True,
)
RDFS = ClosedNamespace(
    "http://www.w3.org/2000/01/rdf-schema#",
    "Class Container ContainerMembershipProperty Datatype Literal Resource comment domain isDefinedBy label "
    "member range seeAlso subClassOf subPropertyOf",
)
OWL = ClosedNamespace(
    "http://www.w3.org/2002/07/owl#",
    "AllDifferent AllDisjointClasses AllDisjointProperties Annotation AnnotationProperty AsymmetricProperty "
    "Axiom Class DataRange DatatypeProperty DeprecatedClass DeprecatedProperty FunctionalProperty "
    "InverseFunctionalProperty IrreflexiveProperty NamedIndividual NegativePropertyAssertion Nothing "
    "ObjectProperty Ontology OntologyProperty ReflexiveProperty Restriction SymmetricProperty Thing "
    "TransitiveProperty allValuesFrom annotatedProperty annotatedSource annotatedTarget assertionProperty "
    "backwardCompatibleWith bottomDataProperty bottomObjectProperty cardinality complementOf "
    "datatypeComplementOf deprecated differentFrom disjointUnionOf disjointWith distinctMembers "
    "equivalentClass equivalentProperty hasKey hasSelf hasValue imports incompatibleWith intersectionOf "
    "inverseOf maxCardinality maxQualifiedCardinality members minCardinality minQualifiedCardinality onClass "
    "onDataRange onDatatype onProperties onProperty oneOf priorVersion propertyChainAxiom "
    "propertyDisjointWith qualifiedCardinality rational real sameAs someValuesFrom sourceIndividual "
    "targetIndividual targetValue topDataProperty topObjectProperty unionOf versionIRI versionInfo "
    "withRestrictions",
)
SKOS = ClosedNamespace(
    "http://www.w3.org/2004/02/skos/core#",
    "Collection Concept ConceptScheme OrderedCollection altLabel broadMatch broader broaderTransitive "
    "changeNote closeMatch definition editorialNote exactMatch example hasTopConcept hiddenLabel historyNote "
    "inScheme mappingRelation member memberList narrowMatch narrower narrowerTransitive notation note "
    "prefLabel related relatedMatch scopeNote semanticRelation topConceptOf",
)
SH = ClosedNamespace(
    "http://www.w3.org/ns/shacl#",
    "AbstractResult AndConstraintComponent AndConstraintComponent-and BlankNode BlankNodeOrIRI "
    "BlankNodeOrLiteral ClassConstraintComponent ClassConstraintComponent-class ClosedConstraintComponent "
    "ClosedConstraintComponent-closed ClosedConstraintComponent-ignoredProperties ConstraintComponent "
    "DatatypeConstraintComponent DatatypeConstraintComponent-datatype DisjointConstraintComponent "
    "DisjointConstraintComponent-disjoint EqualsConstraintComponent EqualsConstraintComponent-equals "
    "ExpressionConstraintComponent ExpressionConstraintComponent-expression Function "
    "HasValueConstraintComponent HasValueConstraintComponent-hasValue IRI IRIOrLiteral InConstraintComponent "
    "InConstraintComponent-in Info JSConstraint JSConstraint-js JSConstraintComponent JSExecutable JSFunction "
    "JSLibrary JSRule JSTarget JSTargetType JSValidator LanguageInConstraintComponent "
    "LanguageInConstraintComponent-languageIn LessThanConstraintComponent "
    "LessThanConstraintComponent-lessThan LessThanOrEqualsConstraintComponent "
    "LessThanOrEqualsConstraintComponent-lessThanOrEquals Literal MaxCountConstraintComponent "
    "MaxCountConstraintComponent-maxCount MaxExclusiveConstraintComponent "
    "MaxExclusiveConstraintComponent-maxExclusive MaxInclusiveConstraintComponent "
    "MaxInclusiveConstraintComponent-maxInclusive MaxLengthConstraintComponent "
    "MaxLengthConstraintComponent-maxLength MinCountConstraintComponent MinCountConstraintComponent-minCount "
    "MinExclusiveConstraintComponent MinExclusiveConstraintComponent-minExclusive "
    "MinInclusiveConstraintComponent MinInclusiveConstraintComponent-minInclusive "
    "MinLengthConstraintComponent MinLengthConstraintComponent-minLength NodeConstraintComponent "
    "NodeConstraintComponent-node NodeKind NodeKindConstraintComponent NodeKindConstraintComponent-nodeKind "
    "NodeShape NotConstraintComponent NotConstraintComponent-not OrConstraintComponent "
    "OrConstraintComponent-or Parameter Parameterizable PatternConstraintComponent "
    "PatternConstraintComponent-flags PatternConstraintComponent-pattern PrefixDeclaration "
    "PropertyConstraintComponent PropertyConstraintComponent-property PropertyGroup PropertyShape "
    "QualifiedMaxCountConstraintComponent QualifiedMaxCountConstraintComponent-qualifiedMaxCount "
    "QualifiedMaxCountConstraintComponent-qualifiedValueShape "
    "QualifiedMaxCountConstraintComponent-qualifiedValueShapesDisjoint QualifiedMinCountConstraintComponent "
    "QualifiedMinCountConstraintComponent-qualifiedMinCount "
    "QualifiedMinCountConstraintComponent-qualifiedValueShape "
    "QualifiedMinCountConstraintComponent-qualifiedValueShapesDisjoint ResultAnnotation Rule "
    "SPARQLAskExecutable SPARQLAskValidator SPARQLConstraint SPARQLConstraintComponent "
    "SPARQLConstraintComponent-sparql SPARQLConstructExecutable SPARQLExecutable SPARQLFunction SPARQLRule "
    "SPARQLSelectExecutable SPARQLSelectValidator SPARQLTarget SPARQLTargetType SPARQLUpdateExecutable "
    "Severity Shape Target TargetType TripleRule UniqueLangConstraintComponent "
    "UniqueLangConstraintComponent-uniqueLang ValidationReport ValidationResult Validator Violation Warning "
    "XoneConstraintComponent XoneConstraintComponent-xone alternativePath and annotationProperty "
    "annotationValue annotationVarName ask class closed condition conforms construct datatype deactivated "
    "declare defaultValue description detail disjoint entailment equals expression filterShape flags "
    "focusNode group hasValue ignoredProperties in intersection inversePath js jsFunctionName jsLibrary "
    "jsLibraryURL labelTemplate languageIn lessThan lessThanOrEquals maxCount maxExclusive maxInclusive "
    "maxLength message minCount minExclusive minInclusive minLength name namespace node nodeKind "
    "nodeValidator nodes not object oneOrMorePath optional or order parameter path pattern predicate prefix "
    "prefixes property propertyValidator qualifiedMaxCount qualifiedMinCount qualifiedValueShape "
    "qualifiedValueShapesDisjoint result resultAnnotation resultMessage resultPath resultSeverity returnType "
    "rule select severity shapesGraph shapesGraphWellFormed sourceConstraint sourceConstraintComponent "
    "sourceShape sparql subject suggestedShapesGraph target targetClass targetNode targetObjectsOf "
    "targetSubjectsOf this union uniqueLang update validator value xone zeroOrMorePath zeroOrOnePath",
)
XSD = ClosedNamespace(
    "http://www.w3.org/2001/XMLSchema#",
    "Assertions ENTITIES ENTITY ID IDREF IDREFS NCName NMTOKEN NMTOKENS NOTATION Name QName anyURI "
    "base64Binary boolean bounded byte cardinality date dateTime dateTimeStamp day dayTimeDuration decimal "
    "double duration enumeration explicitTimezone float fractionDigits gDay gMonth gMonthDay gYear gYearMonth "
    "hexBinary hour int integer language length long maxExclusive maxInclusive maxLength minExclusive "
    "minInclusive minLength minute month negativeInteger nonNegativeInteger nonPositiveInteger "
    "normalizedString numeric ordered pattern positiveInteger second short string time timezoneOffset token "
    "totalDigits unsignedByte unsignedInt unsignedLong unsignedShort whiteSpace year yearMonthDuration",
)
DCTERMS = ClosedNamespace(
    "http://purl.org/dc/terms/",
    "Agent AgentClass BibliographicResource Box DCMIType DDC FileFormat Frequency IMT ISO3166 ISO639-2 "
    "ISO639-3 Jurisdiction LCC LCSH LicenseDocument LinguisticSystem Location LocationPeriodOrJurisdiction "
    "MESH MediaType MediaTypeOrExtent MethodOfAccrual MethodOfInstruction NLM Period PeriodOfTime "
    "PhysicalMedium PhysicalResource Point Policy ProvenanceStatement RFC1766 RFC3066 RFC4646 RFC5646 "
    "RightsStatement SizeOrDuration Standard TGN UDC URI W3CDTF abstract accessRights accrualMethod "
    "accrualPeriodicity accrualPolicy alternative audience available bibliographicCitation conformsTo "
    "contributor coverage created creator date dateAccepted dateCopyrighted dateSubmitted description "
    "educationLevel extent format hasFormat hasPart hasVersion identifier instructionalMethod isFormatOf "
    "isPartOf isReferencedBy isReplacedBy isRequiredBy isVersionOf issued language license mediator medium "
    "modified provenance publisher references relation replaces requires rights rightsHolder source spatial "
    "subject tableOfContents temporal title type valid",
)
VOID = ClosedNamespace(
    "http://rdfs.org/ns/void#",
    "Dataset DatasetDescription Linkset TechnicalFeature class classPartition classes dataDump "
    "distinctObjects distinctSubjects documents entities exampleResource feature inDataset linkPredicate "
    "objectsTarget openSearchDescription properties property propertyPartition rootResource sparqlEndpoint "
    "subjectsTarget subset target triples uriLookupEndpoint uriRegexPattern uriSpace vocabulary",
)

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

# W3C vocabularies rdflib has no closed namespace for (open ones).
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
W3C_FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")


class AKG(DefinedNamespace):
    """AnkleKG schema terms (data/schema.ttl)."""

    _fail = True
    _NS = Namespace(SCHEMA_BASE)

    # classes
    Entity: IRI
    AnatomicalStructure: IRI
    Bone: IRI
    AccessoryOssicle: IRI
    BonePart: IRI
    BonyLandmark: IRI
    Joint: IRI
    Ligament: IRI
    Muscle: IRI
    MusclePart: IRI
    MuscleGroup: IRI
    Tendon: IRI
    Retinaculum: IRI
    Nerve: IRI
    Artery: IRI
    AnatomicalSpace: IRI
    Compartment: IRI
    Region: IRI
    SkinArea: IRI
    Motion: IRI
    JointPosition: IRI
    FunctionalFact: IRI
    Restraint: IRI
    MuscleAction: IRI
    RestraintRole: IRI
    PrimaryRestraint: IRI
    SecondaryRestraint: IRI
    ActionRole: IRI
    PrimeMover: IRI
    Assistant: IRI
    SourcedRelation: IRI
    ClinicalEntity: IRI
    Condition: IRI
    Symptom: IRI
    DiagnosticProcedure: IRI
    ClinicalTest: IRI
    ImagingModality: IRI
    Treatment: IRI
    EvidenceLevel: IRI
    EvidenceHigh: IRI
    EvidenceModerate: IRI
    EvidenceLow: IRI
    EvidenceVeryLow: IRI
    EvidenceInsufficient: IRI
    TreatmentEvidence: IRI
    LesionPresentation: IRI
    Reference: IRI
    Rule: IRI
    LesionMechanism: IRI
    LossOfContinuity: IRI
    Fracture: IRI
    Degeneration: IRI
    Inflammation: IRI
    OsteochondralLesion: IRI
    Osteonecrosis: IRI
    Compression: IRI
    TendonInstability: IRI
    ClinicalDecisionRule: IRI
    Involvement: IRI
    OneOfAlternatives: IRI
    PossiblyInvolved: IRI
    KnowledgeBasis: IRI
    Measured: IRI
    StatedBySource: IRI
    EditorInference: IRI
    ConvertedFromScale: IRI
    InjuryStability: IRI
    StableInjury: IRI
    UnstableInjury: IRI
    Frequency: IRI
    CommonCondition: IRI
    UncommonCondition: IRI
    RareCondition: IRI
    EffectDirection: IRI
    Favours: IRI
    NoBenefit: IRI
    Against: IRI
    Inconclusive: IRI
    # n-ary fact properties
    restrainingStructure: IRI
    actingMuscle: IRI
    joint: IRI
    motion: IRI
    position: IRI
    restraintRole: IRI
    actionRole: IRI
    relativeContribution: IRI
    evidenceNote: IRI
    motionKindOf: IRI
    oppositeMotion: IRI
    condition: IRI
    treatment: IRI
    evidenceLevel: IRI
    recommendation: IRI
    presentingLesion: IRI
    structureKind: IRI
    presentsWith: IRI
    fromGrade: IRI
    # anatomical relations
    partOf: IRI
    hasPart: IRI
    kindOf: IRI
    hasKind: IRI
    origin: IRI
    insertion: IRI
    proximalAttachment: IRI
    distalAttachment: IRI
    spansJoint: IRI
    articulatesWith: IRI
    jointOf: IRI
    tendonOf: IRI
    innervatedBy: IRI
    spinalRootLevels: IRI
    suppliedBy: IRI
    branchOf: IRI
    leavesAbove: IRI
    leavesBelow: IRI
    passesThrough: IRI
    liesIn: IRI
    adjacentTo: IRI
    sensoryTerritory: IRI
    # inverses (inferred, never asserted)
    originOf: IRI
    insertionOf: IRI
    proximalAttachmentOf: IRI
    distalAttachmentOf: IRI
    spannedBy: IRI
    hasJoint: IRI
    hasTendon: IRI
    innervates: IRI
    supplies: IRI
    hasBranch: IRI
    traversedBy: IRI
    contains: IRI
    sensoryNerve: IRI
    affectedBy: IRI
    symptomOf: IRI
    diagnoses: IRI
    mayResultFrom: IRI
    mimickedBy: IRI
    mayCause: IRI
    # clinical relations
    affects: IRI
    definingStructure: IRI
    hasSymptom: IRI
    diagnosedBy: IRI
    mayLeadTo: IRI
    mimics: IRI
    arisesFrom: IRI
    frequency: IRI
    weaknessOf: IRI
    examinesJoint: IRI
    examinesMotion: IRI
    examinesStructure: IRI
    testPosition: IRI
    mechanism: IRI
    injuryGrade: IRI
    lesion: IRI
    appliesTo: IRI
    defaultFor: IRI
    precedence: IRI
    detectsLesion: IRI
    minimumGrade: IRI
    involvement: IRI
    screensFor: IRI
    knownBy: IRI
    roleBasis: IRI
    positionBasis: IRI
    levelBasis: IRI
    gradedBy: IRI
    forStability: IRI
    forGrade: IRI
    forIsolatedInjury: IRI
    disputedBy: IRI
    effectDirection: IRI
    # terms and provenance
    abbreviation: IRI
    latinName: IRI
    definitionSource: IRI
    referenceKind: IRI
    ruleParameter: IRI
    concludesSymptom: IRI
    triggerMotion: IRI
    triggerJoint: IRI


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
