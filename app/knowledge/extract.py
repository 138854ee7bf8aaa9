"""Read terms, sourced statements and n-ary facts out of the store, once, at load time.

Each reader is one SPARQL query on pyoxigraph (milliseconds) whose rows are folded into the
immutable records of :mod:`app.knowledge.model`.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from collections.abc import Iterator

import pyoxigraph as ox

from ..ontology.curies import compress
from ..vocab import ANKLE_BASE, SCHEMA_BASE, sparql_prologue
from . import schema
from .model import (
    ActionRole,
    ClinicalTestSpec,
    LesionPresentation,
    MuscleAction,
    Restraint,
    RestraintRole,
    Statement,
    Term,
    TreatmentEvidence,
    Xref,
)

_PROLOGUE = sparql_prologue()


#: Names that are narrower than or related to the term (oboInOwl): searchable, ranked below exact synonyms.
RELATED_NAMES = ("oboInOwl:hasNarrowSynonym", "oboInOwl:hasBroadSynonym", "oboInOwl:hasRelatedSynonym")

def _rows(store: ox.Store, query: str) -> Iterator[dict[str, str]]:
    """Rows of a SELECT as plain strings (IRIs as CURIEs, literals as their lexical value), interned: an id named
    by many records is then one string in memory and in a snapshot's pickle, which stores an object once however
    often it is referred to (at 10 copies of the graph, 69,000 strings of 7,500 values: ~4 MiB)."""
    result = store.query(_PROLOGUE + query)
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    for solution in result:
        row: dict[str, str] = {}
        for name in names:
            value = solution[name]
            if value is None:
                continue
            row[name] = sys.intern(compress(value.value) if isinstance(value, ox.NamedNode) else value.value)
        yield row


def _curies(iris: str) -> Iterator[str]:
    """The CURIEs of a space-separated list of IRIs (a GROUP_CONCAT), interned as :func:`_rows` interns."""
    return (sys.intern(compress(iri)) for iri in iris.split())


def read_class_ancestors(store: ox.Store) -> dict[str, frozenset[str]]:
    """Every akg class with all its superclasses (itself included), from the schema."""
    parents: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "SELECT ?c ?p WHERE { ?c a owl:Class . OPTIONAL { ?c rdfs:subClassOf ?p } }"):
        parents[row["c"]]
        if "p" in row:
            parents[row["c"]].add(row["p"])

    def closure(cls: str, seen: frozenset[str] = frozenset()) -> set[str]:
        result = {cls}
        for parent in parents.get(cls, ()):
            if parent not in seen:
                result |= closure(parent, seen | {cls})
        return result

    return {cls: frozenset(closure(cls)) for cls in parents}


def read_schema_labels(store: ox.Store) -> dict[str, str]:
    """Labels of schema terms (classes, properties, roles, evidence levels) by CURIE."""
    query = f'SELECT ?s ?l WHERE {{ ?s rdfs:label ?l FILTER(STRSTARTS(STR(?s), "{SCHEMA_BASE}")) }}'
    return {row["s"]: row["l"] for row in _rows(store, query)}


def read_terms(store: ox.Store) -> dict[str, Term]:
    """Every ANKLE: entity with its label, types, definition, synonyms and xrefs."""
    fields: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    query = f"""
    SELECT ?s ?p ?o WHERE {{
      ?s ?p ?o .
      FILTER(STRSTARTS(STR(?s), "{ANKLE_BASE}"))
      FILTER(isLiteral(?o) || ?p = rdf:type || ?p = akg:definitionSource || ?p = IAO:0100001)
    }}"""
    for row in _rows(store, query):
        fields[row["s"]][row["p"]].append(row["o"])
    xrefs = _read_xrefs(store)
    terms: dict[str, Term] = {}
    for curie, props in fields.items():
        labels = props.get("rdfs:label")
        if not labels:
            continue  # QC reports missing labels; an unlabelled node cannot be addressed by name
        skip = {
            "rdfs:label",
            "rdf:type",
            "IAO:0000115",
            schema.DEFINITION_SOURCE,
            "oboInOwl:hasExactSynonym",
            *RELATED_NAMES,
            schema.ABBREVIATION,
            schema.LATIN_NAME,
            "oboInOwl:hasDbXref",
            "owl:deprecated",
        }
        annotations = tuple(sorted((p, v) for p, values in props.items() if p not in skip for v in values))
        terms[curie] = Term(
            id=curie,
            iri=ANKLE_BASE + curie.removeprefix("ANKLE:"),
            label=sorted(labels)[0],
            types=tuple(sorted(t for t in props.get("rdf:type", ()) if t.startswith(schema.SCHEMA_PREFIX))),
            definition=_first(props.get("IAO:0000115")),
            definition_source=_first(props.get(schema.DEFINITION_SOURCE)),
            synonyms=tuple(sorted(set(props.get("oboInOwl:hasExactSynonym", ())))),
            name_relations=tuple(sorted({(name, p) for p in RELATED_NAMES for name in props.get(p, ())})),
            abbreviations=tuple(sorted(set(props.get(schema.ABBREVIATION, ())))),
            latin_name=_first(props.get(schema.LATIN_NAME)),
            xrefs=tuple(
                xrefs.get((curie, x), Xref(x, None, None)) for x in sorted(props.get("oboInOwl:hasDbXref", ()))
            ),
            deprecated="true" in props.get("owl:deprecated", ()),
            annotations=annotations,
        )
    return terms


def _first(values: list[str] | None) -> str | None:
    return sorted(values)[0] if values else None


def _read_xrefs(store: ox.Store) -> dict[tuple[str, str], Xref]:
    query = """
    SELECT ?s ?x ?src ?note WHERE {
      ?ax owl:annotatedSource ?s ; owl:annotatedProperty oboInOwl:hasDbXref ; owl:annotatedTarget ?x .
      OPTIONAL { ?ax dcterms:source ?src } OPTIONAL { ?ax rdfs:comment ?note }
    }"""
    return {(row["s"], row["x"]): Xref(row["x"], row.get("src"), row.get("note")) for row in _rows(store, query)}


def read_statements(store: ox.Store) -> list[Statement]:
    """Asserted sourced relations, plus their inverse and symmetric mirrors marked inferred."""
    grouped: dict[tuple[str, str, str], tuple[set[str], set[tuple[str, str]]]] = {}
    query = """
    SELECT ?s ?p ?o ?src ?roots ?grade ?inv ?pos ?known ?pbasis WHERE {
      ?p a akg:SourcedRelation . ?s ?p ?o . FILTER(isIRI(?o))
      OPTIONAL {
        ?ax owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o .
        OPTIONAL { ?ax dcterms:source ?src } OPTIONAL { ?ax akg:spinalRootLevels ?roots }
        OPTIONAL { ?ax akg:minimumGrade ?grade } OPTIONAL { ?ax akg:involvement ?inv }
        OPTIONAL { ?ax akg:position ?pos } OPTIONAL { ?ax akg:knownBy ?known }
        OPTIONAL { ?ax akg:positionBasis ?pbasis }
      }
    }"""
    for row in _rows(store, query):
        sources, qualifiers = grouped.setdefault((row["s"], row["p"], row["o"]), (set(), set()))
        if "src" in row:
            sources.add(row["src"])
        if "roots" in row:
            qualifiers.add((schema.SPINAL_ROOT_LEVELS, row["roots"]))
        if "grade" in row:
            qualifiers.add((schema.MINIMUM_GRADE, row["grade"]))
        if "inv" in row:
            qualifiers.add((schema.INVOLVEMENT, row["inv"]))
        if "pos" in row:  # the position a condition's mechanism happens in (akg:arisesFrom)
            qualifiers.add((schema.FACT_POSITION, row["pos"]))
        if "known" in row:  # a relation that is the editor's reading of its source, not the source's words
            qualifiers.add((schema.KNOWN_BY, row["known"]))
        if "pbasis" in row:  # how its position is known (a conjunction read as a motion in a position)
            qualifiers.add((schema.POSITION_BASIS, row["pbasis"]))
    # equal lists of sources are one tuple (most relations cite one of a few hundred sets): one object in memory and
    # in a snapshot's pickle instead of one per statement, and its mirror shares it too
    shared: dict[tuple[str, ...], tuple[str, ...]] = {}
    asserted = [
        Statement(s, p, o, shared.setdefault(key := tuple(sorted(src)), key), False, tuple(sorted(q)))
        for (s, p, o), (src, q) in sorted(grouped.items())
    ]
    inverse_of = _read_inverses(store)
    symmetric = {row["p"] for row in _rows(store, "SELECT ?p WHERE { ?p a owl:SymmetricProperty }")}
    mirrored: list[Statement] = []
    for st in asserted:
        mirror_predicate = st.predicate if st.predicate in symmetric else inverse_of.get(st.predicate)
        if mirror_predicate is not None:
            mirrored.append(Statement(st.object, mirror_predicate, st.subject, st.sources, True, st.qualifiers))
    seen = {(st.subject, st.predicate, st.object) for st in asserted}
    return asserted + [m for m in mirrored if (m.subject, m.predicate, m.object) not in seen]


def _read_inverses(store: ox.Store) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for row in _rows(store, "SELECT ?p ?q WHERE { ?p owl:inverseOf ?q }"):
        pairs[row["p"]] = row["q"]
        pairs.setdefault(row["q"], row["p"])
    return pairs


def read_motion_kinds(store: ox.Store) -> dict[str, frozenset[str]]:
    """Each motion with the motions it is a kind of (talar tilt -> inversion)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "SELECT ?m ?g WHERE { ?m akg:motionKindOf ?g }"):
        kinds[row["m"]].add(row["g"])
    return {m: frozenset(g) for m, g in kinds.items()}


def read_opposite_motions(store: ox.Store) -> dict[str, frozenset[str]]:
    """Each motion with its opposite(s); akg:oppositeMotion is symmetric, so both directions count."""
    opposite: dict[str, set[str]] = defaultdict(set)
    for row in _rows(store, "SELECT ?a ?b WHERE { ?a akg:oppositeMotion ?b }"):
        opposite[row["a"]].add(row["b"])
        opposite[row["b"]].add(row["a"])
    return {m: frozenset(o) for m, o in opposite.items()}


def read_restraints(store: ox.Store) -> list[Restraint]:
    """Complete restraint facts (QC reports incomplete ones; they are not reasoned with)."""
    query = """
    SELECT ?r ?structure ?joint ?motion ?role ?contribution ?note ?known ?roleBasis ?positionBasis
           (GROUP_CONCAT(DISTINCT STR(?pos); separator=" ") AS ?positions)
           (GROUP_CONCAT(DISTINCT STR(?src); separator=" ") AS ?sources)
           (GROUP_CONCAT(DISTINCT STR(?against); separator=" ") AS ?disputed)
    WHERE {
      ?r a akg:Restraint ; akg:restrainingStructure ?structure ; akg:joint ?joint ; akg:motion ?motion ;
         akg:restraintRole ?role ; dcterms:source ?src .
      OPTIONAL { ?r akg:position ?pos }
      OPTIONAL { ?r akg:disputedBy ?against }
      OPTIONAL { ?r akg:relativeContribution ?contribution }
      OPTIONAL { ?r akg:evidenceNote ?note }
      OPTIONAL { ?r akg:knownBy ?known }
      OPTIONAL { ?r akg:roleBasis ?roleBasis }
      OPTIONAL { ?r akg:positionBasis ?positionBasis }
    } GROUP BY ?r ?structure ?joint ?motion ?role ?contribution ?note ?known ?roleBasis ?positionBasis
      ORDER BY ?r"""
    roles = {
        schema.PRIMARY_RESTRAINT: RestraintRole.PRIMARY,
        schema.SECONDARY_RESTRAINT: RestraintRole.SECONDARY,
    }
    return [
        Restraint(
            id=row["r"],
            structure=row["structure"],
            joint=row["joint"],
            motion=row["motion"],
            positions=frozenset(_curies(row.get("positions", ""))),
            role=roles[row["role"]],
            contribution=float(row["contribution"]) if "contribution" in row else None,
            sources=tuple(sorted(_curies(row["sources"]))),
            note=row.get("note"),
            known_by=row.get("known"),
            role_basis=row.get("roleBasis"),
            position_basis=row.get("positionBasis"),
            disputed_by=tuple(sorted(_curies(row.get("disputed", "")))),
        )
        for row in _rows(store, query)
        if row["role"] in roles
    ]


def read_actions(store: ox.Store) -> list[MuscleAction]:
    """Complete muscle-action facts."""
    query = """
    SELECT ?a ?muscle ?joint ?motion ?role ?note ?known ?roleBasis
           (GROUP_CONCAT(DISTINCT STR(?src); separator=" ") AS ?sources)
    WHERE {
      ?a a akg:MuscleAction ; akg:actingMuscle ?muscle ; akg:joint ?joint ; akg:motion ?motion ;
         akg:actionRole ?role ; dcterms:source ?src .
      OPTIONAL { ?a akg:evidenceNote ?note }
      OPTIONAL { ?a akg:knownBy ?known }
      OPTIONAL { ?a akg:roleBasis ?roleBasis }
    } GROUP BY ?a ?muscle ?joint ?motion ?role ?note ?known ?roleBasis ORDER BY ?a"""
    roles = {
        schema.PRIME_MOVER: ActionRole.PRIME_MOVER,
        schema.ASSISTANT: ActionRole.ASSISTANT,
    }
    return [
        MuscleAction(
            id=row["a"],
            muscle=row["muscle"],
            joint=row["joint"],
            motion=row["motion"],
            role=roles[row["role"]],
            sources=tuple(sorted(_curies(row["sources"]))),
            note=row.get("note"),
            known_by=row.get("known"),
            role_basis=row.get("roleBasis"),
        )
        for row in _rows(store, query)
        if row["role"] in roles
    ]


def read_clinical_tests(statements: list[Statement], store: ox.Store) -> list[ClinicalTestSpec]:
    """Clinical tests with the joints, motions and structures they examine (from sourced statements)."""
    by_test: dict[str, dict[str, dict[str, tuple[str, ...]]]] = defaultdict(lambda: defaultdict(dict))
    wanted = {schema.EXAMINES_JOINT, schema.EXAMINES_MOTION, schema.EXAMINES_STRUCTURE}
    tests = {row["t"] for row in _rows(store, "SELECT ?t WHERE { ?t a akg:ClinicalTest }")}
    detects: dict[str, dict[str, int | None]] = defaultdict(dict)
    for st in statements:
        if st.subject not in tests or st.inferred:
            continue
        if st.predicate in wanted:
            by_test[st.subject][st.predicate][st.object] = st.sources
        elif st.predicate == schema.DETECTS_LESION:
            grade = dict(st.qualifiers).get(schema.MINIMUM_GRADE)
            detects[st.subject][st.object] = int(grade) if grade is not None else None
    positions: dict[str, list[str]] = defaultdict(list)
    for row in _rows(store, "SELECT ?t ?p WHERE { ?t akg:testPosition ?p }"):
        positions[row["t"]].append(row["p"])
    specs = []
    for test, props in sorted(by_test.items()):
        joints = props.get(schema.EXAMINES_JOINT, {})
        motions = props.get(schema.EXAMINES_MOTION, {})
        specs.append(
            ClinicalTestSpec(
                id=test,
                joints=tuple(sorted(joints)),
                motions=tuple(sorted(motions)),
                structures=tuple(sorted(props.get(schema.EXAMINES_STRUCTURE, {}))),
                positions=tuple(sorted(positions.get(test, ()))),
                joint_sources=dict(joints),
                motion_sources=dict(motions),
                detects=dict(detects.get(test, {})),
            )
        )
    return specs


def read_treatment_evidence(store: ox.Store) -> list[TreatmentEvidence]:
    """Treatment-evidence facts: condition, treatment, GRADE level, recommendation, sources."""
    query = """
    SELECT ?e ?condition ?treatment ?level ?rec ?direction ?levelBasis ?gradedBy ?stability ?isolated
           (GROUP_CONCAT(DISTINCT STR(?src); separator=" ") AS ?sources)
           (GROUP_CONCAT(DISTINCT STR(?grade); separator=" ") AS ?grades)
    WHERE {
      ?e a akg:TreatmentEvidence ; akg:condition ?condition ; akg:treatment ?treatment ;
         akg:evidenceLevel ?level ; dcterms:source ?src .
      OPTIONAL { ?e akg:recommendation ?rec }
      OPTIONAL { ?e akg:effectDirection ?direction }
      OPTIONAL { ?e akg:levelBasis ?levelBasis }
      OPTIONAL { ?e akg:gradedBy ?gradedBy }
      OPTIONAL { ?e akg:forStability ?stability }
      OPTIONAL { ?e akg:forGrade ?grade }
      OPTIONAL { ?e akg:forIsolatedInjury ?isolated }
    } GROUP BY ?e ?condition ?treatment ?level ?rec ?direction ?levelBasis ?gradedBy ?stability ?isolated
      ORDER BY ?e"""
    return [
        TreatmentEvidence(
            id=row["e"],
            condition=row["condition"],
            treatment=row["treatment"],
            evidence_level=row["level"],
            recommendation=row.get("rec"),
            sources=tuple(sorted(_curies(row["sources"]))),
            direction=row.get("direction"),
            level_basis=row.get("levelBasis"),
            graded_by=row.get("gradedBy"),
            for_stability=row.get("stability"),
            for_grades=frozenset(int(g) for g in row.get("grades", "").split()),
            for_isolated=row.get("isolated") in ("true", "1"),
        )
        for row in _rows(store, query)
    ]


def read_lesion_presentations(store: ox.Store) -> list[LesionPresentation]:
    """Lesion presentations: lesion mechanism, kind of structure, symptom, lowest grade, sources, note."""
    query = """
    SELECT ?e ?lesion ?kind ?symptom ?grade ?note ?knownBy
           (GROUP_CONCAT(DISTINCT STR(?src); separator=" ") AS ?sources)
    WHERE {
      ?e a akg:LesionPresentation ; akg:presentingLesion ?lesion ; akg:structureKind ?kind ;
         akg:presentsWith ?symptom ; dcterms:source ?src .
      OPTIONAL { ?e akg:fromGrade ?grade }
      OPTIONAL { ?e akg:evidenceNote ?note }
      OPTIONAL { ?e akg:knownBy ?knownBy }
    } GROUP BY ?e ?lesion ?kind ?symptom ?grade ?note ?knownBy ORDER BY ?e"""
    return [
        LesionPresentation(
            id=row["e"],
            lesion=row["lesion"],
            kind=row["kind"],
            symptom=row["symptom"],
            from_grade=int(row["grade"]) if row.get("grade") else None,
            sources=tuple(sorted(_curies(row["sources"]))),
            note=row.get("note"),
            known_by=row.get("knownBy"),
        )
        for row in _rows(store, query)
    ]
