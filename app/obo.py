"""Artefacts for the OBO world: the mapping set as SSSOM TSV, and an OBO-style OWL ontology of the anatomy.

In the graph, entities are individuals typed by the schema's classes, which OAK, ROBOT and OLS cannot navigate.
:func:`obo_owl` writes the anatomical entities as OWL classes instead, as UBERON does: each is ``rdfs:subClassOf``
its kind (akg:Ligament...) and of what it is a kind of (akg:kindOf); part of is an existential restriction on
BFO:0000050, the relation UBERON uses; attachments, origin, insertion, innervation, supply, branching, passage
and location are existential restrictions on the schema's own properties (the data names no RO id for them, and
none is invented here). Definitions are IAO:0000115 with their source as ``oboInOwl:hasDbXref`` on the axiom;
names, xrefs and the skos mappings of :mod:`app.ontology.mappings` come along. Motions, clinical entities and
references are not anatomy and are left out.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import cast

import pyoxigraph as ox

from .knowledge import schema
from .knowledge.base import KnowledgeBase
from .knowledge.model import Statement
from .ontology.curies import CONVERTER, expand
from .ontology.mappings import JUSTIFICATIONS, MAPPED_PREFIXES
from .vocab import (
    DCTERMS,
    IAO_DEFINITION,
    OBO_OWL_IRI,
    OBOINOWL,
    OWL,
    PART_OF_BFO,
    PREFIXES,
    RDF,
    RDFS,
    SKOS,
    XSD,
    sparql_prologue,
)

__all__ = ["MAPPING_SET_ID", "OWL_RELATIONS", "obo_owl", "sssom_tsv"]

#: The published address of the mapping set.
MAPPING_SET_ID = "https://w3id.org/anklekg/mappings.sssom.tsv"
#: Schema relations written as existential restrictions in the OWL export; part of becomes BFO:0000050.
OWL_RELATIONS = (
    schema.PART_OF,
    schema.PROXIMAL_ATTACHMENT,
    schema.DISTAL_ATTACHMENT,
    schema.ORIGIN,
    schema.INSERTION,
    schema.TENDON_OF,
    schema.INNERVATED_BY,
    schema.SUPPLIED_BY,
    schema.BRANCH_OF,
    schema.PASSES_THROUGH,
    schema.LIES_IN,
)

_SSSOM_PREFIXES = {
    "ANKLE": PREFIXES["ANKLE"],
    "UBERON": PREFIXES["UBERON"],
    "FMA": PREFIXES["FMA"],
    "skos": PREFIXES["skos"],
    "semapv": "https://w3id.org/semapv/vocab/",
    "rdfs": PREFIXES["rdfs"],
    "oboInOwl": PREFIXES["oboInOwl"],
    "obo": PREFIXES["obo"],
    "anklekg": "https://w3id.org/anklekg/",
}
#: The sources of subjects and objects, as SSSOM wants them: CURIEs of the ontologies' own files.
_SUBJECT_SOURCE = "anklekg:anklekg.owl"
_OBJECT_SOURCES = {"UBERON": "obo:uberon.owl", "FMA": "obo:fma.owl"}
_SSSOM_COLUMNS = (
    "subject_id", "subject_label", "predicate_id", "object_id", "object_label", "mapping_justification",
    "subject_match_field", "object_match_field", "match_string", "author_label", "object_source", "comment",
)  # fmt: skip


def _tsv_cell(value: str | None) -> str:
    """A TSV cell: tabs and line breaks would split the row, so they become spaces."""
    return " ".join((value or "").split())


def sssom_tsv(kb: KnowledgeBase, version: str) -> bytes:
    """The mapping set as SSSOM/TSV: a YAML metadata block (``#`` lines), then one row per mapping."""
    meta = [
        "curie_map:",
        *(f"  {prefix}: {namespace}" for prefix, namespace in _SSSOM_PREFIXES.items()),
        f"mapping_set_id: {MAPPING_SET_ID}",
        f"mapping_set_version: {version}",
        "mapping_set_title: AnkleKG cross-references to UBERON and FMA",
        "mapping_set_description: >-",
        "  Every UBERON and FMA cross-reference of AnkleKG, with the predicate and justification derived from",
        "  the data (docs/interoperability.md). Ids come from data/reference/ankle_structures.csv.",
        "license: https://creativecommons.org/licenses/by/4.0/",
        f"subject_source: {_SUBJECT_SOURCE}",
        "mapping_provider: https://w3id.org/anklekg",
        "comment: >-",
        "  Justifications: "
        + "; ".join(f"{j.partition(':')[2]} = {meaning}" for j, meaning in JUSTIFICATIONS.items())
        + ".",
    ]
    lines = [f"#{line}" for line in meta]
    lines.append("\t".join(_SSSOM_COLUMNS))
    for m in sorted(kb.mappings, key=lambda m: (m.subject_id, m.object_id)):
        prefix = m.object_id.partition(":")[0]
        row = (
            m.subject_id, m.subject_label, m.predicate_id, m.object_id, m.object_label, m.mapping_justification,
            m.subject_match_field, m.object_match_field, m.match_string, m.author_label,
            _OBJECT_SOURCES.get(prefix), m.comment,
        )  # fmt: skip
        lines.append("\t".join(_tsv_cell(v) for v in row))
    return ("\n".join(lines) + "\n").encode("utf-8")


# -- OBO-style OWL ---------------------------------------------------------------------------------------------


def _iri(curie: str) -> ox.NamedNode:
    iri = expand(curie)
    if iri is None:
        raise ValueError(f"no IRI for {curie!r}")
    return ox.NamedNode(iri)


def _n(term: object) -> ox.NamedNode:
    return ox.NamedNode(str(term))


def _lit(text: str, language: str | None = None) -> ox.Literal:
    return ox.Literal(text, language=language) if language else ox.Literal(text)


class _Writer:
    """Triples of the export, with fresh blank nodes numbered in order (same bytes for the same data)."""

    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []
        #: axiom annotations and restrictions, written after the classes so each class is one element
        self.later: list[ox.Triple] = []
        self._blank = 0

    def add(self, s: ox.NamedNode | ox.BlankNode, p: ox.NamedNode, o: ox.NamedNode | ox.BlankNode | ox.Literal) -> None:
        self.triples.append(ox.Triple(s, p, o))

    def blank(self) -> ox.BlankNode:
        self._blank += 1
        return ox.BlankNode(f"n{self._blank}")

    def annotated(
        self,
        s: ox.NamedNode,
        p: ox.NamedNode,
        o: ox.NamedNode | ox.BlankNode | ox.Literal,
        annotations: Iterable[tuple[ox.NamedNode, ox.NamedNode | ox.Literal]],
    ) -> None:
        """The triple, and an owl:Axiom carrying ``annotations`` when there are any."""
        self.add(s, p, o)
        annotations = list(annotations)
        if not annotations:
            return
        axiom = self.blank()
        self.later.append(ox.Triple(axiom, _n(RDF.type), _n(OWL.Axiom)))
        self.later.append(ox.Triple(axiom, _n(OWL.annotatedSource), s))
        self.later.append(ox.Triple(axiom, _n(OWL.annotatedProperty), p))
        self.later.append(ox.Triple(axiom, _n(OWL.annotatedTarget), o))
        self.later.extend(ox.Triple(axiom, ap, av) for ap, av in annotations)

    def restriction(self, on: ox.NamedNode, some: ox.NamedNode) -> ox.BlankNode:
        """An owl:Restriction ``on some some``, written with the axioms."""
        node = self.blank()
        self.later.append(ox.Triple(node, _n(RDF.type), _n(OWL.Restriction)))
        self.later.append(ox.Triple(node, _n(OWL.onProperty), on))
        self.later.append(ox.Triple(node, _n(OWL.someValuesFrom), some))
        return node


def _names(kb: KnowledgeBase) -> dict[str, list[tuple[str, str, str | None]]]:
    """(predicate, text, language) of each entity's synonyms, by the scope the data gives them."""
    query = """SELECT ?s ?p ?o WHERE {
      VALUES ?p { oboInOwl:hasExactSynonym oboInOwl:hasNarrowSynonym oboInOwl:hasBroadSynonym
                  oboInOwl:hasRelatedSynonym akg:abbreviation }
      ?s ?p ?o }"""
    names: dict[str, list[tuple[str, str, str | None]]] = defaultdict(list)
    for row in cast(ox.QuerySolutions, kb.store.query(sparql_prologue() + query)):
        subject, predicate, value = row["s"], row["p"], cast(ox.Literal, row["o"])
        # an abbreviation names the same structure: an exact synonym in OBO terms
        p = str(OBOINOWL.hasExactSynonym) if predicate.value == expand(schema.ABBREVIATION) else predicate.value
        names[CONVERTER.compress(subject.value) or subject.value].append((p, value.value, value.language))
    return names


def _kinds(kb: KnowledgeBase) -> Iterator[tuple[str, str | None, str | None, list[str]]]:
    """(class, label, definition, parents) of the schema's anatomical classes, AnatomicalStructure the root."""
    query = """SELECT ?c ?label ?def ?parent WHERE {
      ?c rdfs:subClassOf* akg:AnatomicalStructure .
      OPTIONAL { ?c rdfs:label ?label } OPTIONAL { ?c skos:definition ?def }
      OPTIONAL { ?c rdfs:subClassOf ?parent . ?parent rdfs:subClassOf* akg:AnatomicalStructure }
    }"""
    found: dict[str, tuple[str | None, str | None, set[str]]] = {}
    for row in cast(ox.QuerySolutions, kb.store.query(sparql_prologue() + query)):
        cls = row["c"].value
        label, definition, parent = row["label"], row["def"], row["parent"]
        entry = found.setdefault(cls, (label.value if label else None, definition.value if definition else None, set()))
        if parent is not None and parent.value != cls:
            entry[2].add(parent.value)
    for cls in sorted(found):
        label, definition, parents = found[cls]
        yield cls, label, definition, sorted(parents)


def obo_owl(kb: KnowledgeBase, version: str) -> bytes:
    """The anatomy as an OBO-style OWL ontology in RDF/XML (see the module docstring)."""
    w = _Writer()
    a, label, subclass = _n(RDF.type), _n(RDFS.label), _n(RDFS.subClassOf)
    definition, xref = _n(IAO_DEFINITION), _n(OBOINOWL.hasDbXref)
    ontology = _n(OBO_OWL_IRI)
    w.add(ontology, a, _n(OWL.Ontology))
    w.add(ontology, _n(DCTERMS.title), _lit("AnkleKG anatomy, OBO-style (classes)"))
    w.add(ontology, _n(DCTERMS.description), _lit(
        "The anatomical entities of AnkleKG as OWL classes: each a subclass of its kind, with part of "
        "(BFO:0000050) and attachments as existential restrictions, sourced IAO definitions, synonyms, "
        "UBERON/FMA cross-references and SKOS mappings. Generated from https://w3id.org/anklekg/anklekg.owl."
    ))  # fmt: skip
    w.add(ontology, _n(DCTERMS.license), ox.NamedNode("https://creativecommons.org/licenses/by/4.0/"))
    w.add(ontology, _n(OWL.versionInfo), _lit(version))
    w.add(ontology, _n(OWL.versionIRI), ox.NamedNode(f"https://w3id.org/anklekg/releases/{version}/ankle-obo.owl"))

    # vocabulary: annotation properties (so skos mappings to classes stay annotations) and object properties
    for prop, name in (
        (IAO_DEFINITION, "definition"), (OBOINOWL.hasDbXref, "database_cross_reference"),
        (OBOINOWL.hasExactSynonym, "has_exact_synonym"), (OBOINOWL.hasNarrowSynonym, "has_narrow_synonym"),
        (OBOINOWL.hasBroadSynonym, "has_broad_synonym"), (OBOINOWL.hasRelatedSynonym, "has_related_synonym"),
        (OBOINOWL.source, "source"),
        (SKOS.exactMatch, "exact match"), (SKOS.closeMatch, "close match"), (SKOS.broadMatch, "broad match"),
        (SKOS.narrowMatch, "narrow match"), (SKOS.relatedMatch, "related match"),
    ):  # fmt: skip
        w.add(_n(prop), a, _n(OWL.AnnotationProperty))
        w.add(_n(prop), label, _lit(name))
    w.add(_n(PART_OF_BFO), a, _n(OWL.ObjectProperty))
    w.add(_n(PART_OF_BFO), label, _lit("part of"))
    properties = {schema.PART_OF: _n(PART_OF_BFO)}
    for rel in OWL_RELATIONS[1:]:
        properties[rel] = _iri(rel)
        w.add(properties[rel], a, _n(OWL.ObjectProperty))
        w.add(properties[rel], label, _lit(kb.label(rel)))

    # the kinds: the schema's anatomical classes
    for cls, kind_label, text, parents in _kinds(kb):
        node = ox.NamedNode(cls)
        w.add(node, a, _n(OWL.Class))
        if kind_label:
            w.add(node, label, _lit(kind_label))
        if text:
            w.add(node, definition, _lit(text))
        for parent in parents:
            w.add(node, subclass, ox.NamedNode(parent))

    anatomy = {t.id: t for t in kb.terms.values() if kb.is_a(t.id, schema.ANATOMICAL_STRUCTURE)}
    names = _names(kb)
    by_subject: dict[str, list[Statement]] = defaultdict(list)
    for st in sorted(kb.statements, key=lambda s: (s.subject, s.predicate, s.object)):
        if (
            not st.inferred
            and st.subject in anatomy
            and st.object in anatomy
            and (st.predicate == schema.KIND_OF or st.predicate in properties)
        ):
            by_subject[st.subject].append(st)
    mappings = defaultdict(list)
    for m in kb.mappings:
        mappings[m.subject_id].append(m)
    for curie in sorted(anatomy):
        term = anatomy[curie]
        node = ox.NamedNode(term.iri)
        w.add(node, a, _n(OWL.Class))
        w.add(node, label, _lit(term.label))
        for kind in sorted(t for t in term.types if schema.ANATOMICAL_STRUCTURE in kb.class_ancestors.get(t, ())):
            w.add(node, subclass, _iri(kind))
        if term.deprecated:
            w.add(node, _n(OWL.deprecated), ox.Literal("true", datatype=_n(XSD.boolean)))
        if term.definition:
            sources = [(xref, _lit(term.definition_source))] if term.definition_source else []
            w.annotated(node, definition, _lit(term.definition), sources)
        for predicate, text, language in sorted(names.get(curie, ()), key=lambda n: (n[0], n[1], n[2] or "")):
            w.add(node, ox.NamedNode(predicate), _lit(text, language))
        for x in term.xrefs:
            if x.curie.partition(":")[0] in MAPPED_PREFIXES:
                w.annotated(node, xref, _lit(x.curie), [(xref, _lit(x.source))] if x.source else [])
        for m in sorted(mappings.get(curie, ()), key=lambda m: m.object_id):
            w.add(node, ox.NamedNode(m.predicate_iri), ox.NamedNode(m.object_iri))

        # is-a between entities (akg:kindOf) and the existential restrictions, each with its sources
        for st in by_subject.get(curie, ()):
            target = ox.NamedNode(anatomy[st.object].iri)
            sources = [(_n(OBOINOWL.source), _lit(s)) for s in st.sources]
            if st.predicate == schema.KIND_OF:
                w.annotated(node, subclass, target, sources)
            else:
                w.annotated(node, subclass, w.restriction(properties[st.predicate], target), sources)

    out = io.BytesIO()
    ox.serialize(
        [*w.triples, *w.later], out, format=ox.RdfFormat.RDF_XML,
        prefixes={p: PREFIXES[p] for p in ("rdf", "rdfs", "owl", "xsd", "skos", "oboInOwl", "dcterms", "obo", "akg")},
    )  # fmt: skip
    return out.getvalue()
