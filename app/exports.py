"""Release artefacts: the whole graph as Turtle, N-Triples, RDF/XML (OWL), JSON-LD, GraphML and CSV, the
SPARQL dataset (with the inferred graph) as N-Quads, and for OBO tools the anatomy as OWL classes and the
UBERON/FMA mapping set as SSSOM (app.obo).

A name-keyed registry (rdflib's plugin idea) maps each artefact to its media type and writer, so
``anklekg export`` and ``GET /v1/export/{name}`` serve exactly the same bytes. Writers are pure
functions of the loaded graph; the service builds each artefact once and caches it.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from .kg import AnkleKG
from .knowledge import schema
from .obo import obo_owl, sssom_tsv
from .ontology.context import jsonld_context
from .ontology.load import to_rdflib
from .version import __version__
from .vocab import PREFIXES

__all__ = ["ARTEFACTS", "Artefact", "build_artefact", "write_all"]


@dataclass(frozen=True)
class Artefact:
    name: str
    media_type: str
    description: str
    writer: Callable[[AnkleKG], bytes]


def _dump(kg: AnkleKG, fmt: ox.RdfFormat) -> bytes:
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.RDF_XML) else None
    data = kg.store.dump(format=fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes)
    assert data is not None
    return data


def _blank_names(quads: Iterable[ox.Quad]) -> dict[str, str]:
    """A stable name for each blank node: a hash of its outgoing triples (see :func:`_sorted_ntriples`)."""
    described: dict[str, set[str]] = defaultdict(set)
    for q in quads:
        if isinstance(q.subject, ox.BlankNode):
            obj = "_" if isinstance(q.object, ox.BlankNode) else str(q.object)
            described[q.subject.value].add(f"{q.predicate} {obj}")
    return {
        node: "b" + hashlib.sha256("\n".join(sorted(lines)).encode("utf-8")).hexdigest()[:24]
        for node, lines in described.items()
    }


def _sorted_lines(quads: list[ox.Quad]) -> bytes:
    """One statement per line in byte order (N-Triples for the default graph, N-Quads for named ones)."""
    names = _blank_names(quads)

    def term(t: object) -> str:
        return f"_:{names.get(t.value, t.value)}" if isinstance(t, ox.BlankNode) else str(t)

    def graph(g: object) -> str:
        return "" if isinstance(g, ox.DefaultGraph) else f" {g}"

    lines = {f"{term(q.subject)} {q.predicate} {term(q.object)}{graph(q.graph_name)} .\n" for q in quads}
    return "".join(sorted(lines)).encode("utf-8")


def _sorted_ntriples(kg: AnkleKG) -> bytes:
    """One triple per line in byte order, blank nodes named by a hash of their description.

    The parser names blank nodes (the axiom annotations) at random, so a plain dump differs on every
    start; hashing each blank node's outgoing triples gives the same bytes, hence the same ETag, for
    the same data, and lets two releases diff line by line.
    """
    return _sorted_lines(list(kg.store.quads_for_pattern(None, None, None, ox.DefaultGraph())))


def _sorted_nquads(kg: AnkleKG) -> bytes:
    """The SPARQL dataset (asserted default graph, asserted and inferred named graphs), sorted the same way:
    what an external store loads to answer /sparql as the workers do (``anklekg serve --sparql-endpoint``)."""
    return _sorted_lines(list(kg.dataset))


def _jsonld(kg: AnkleKG) -> bytes:
    """Compact JSON-LD against the published context (rdflib compacts; pyoxigraph only expands)."""
    graph = to_rdflib(kg.store)  # the store's blank node names, not rdflib's random ones
    text = graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    # rdflib lists the nodes in the order of a set (Python's hash of their IRIs, different in every process): sorted,
    # the export is the same bytes, hence the same ETag, on every start and every replica.
    document = json.loads(text)
    document["@graph"].sort(key=lambda node: (node.get("@id", ""), json.dumps(node, sort_keys=True)))
    return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")


def _context(_: AnkleKG) -> bytes:
    return json.dumps({"@context": jsonld_context()}, indent=2, sort_keys=True).encode("utf-8")


def _graphml(kg: AnkleKG) -> bytes:
    """The networkx projection, with list-valued attributes joined so GraphML can hold them."""
    import networkx as nx  # on first use: a start does without its import

    flat = nx.MultiDiGraph()
    for node, data in kg.graph.nodes(data=True):
        flat.add_node(node, label=data.get("label", node), types=" ".join(data.get("types", ())))
    for source, target, key, data in kg.graph.edges(keys=True, data=True):
        flat.add_edge(
            source,
            target,
            key=key,
            predicate=key,
            label=kg.kb.label(key),
            sources=" ".join(data.get("sources", ())),
            inferred=bool(data.get("inferred")),
        )
    buffer = io.BytesIO()
    nx.write_graphml(flat, buffer, named_key_ids=True)
    return buffer.getvalue()


def _csv(header: list[str], rows: Iterable[Iterable[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def _entities_csv(kg: AnkleKG) -> bytes:
    terms = sorted(kg.kb.terms.values(), key=lambda t: t.id)
    return _csv(
        ["id", "label", "types", "definition", "definition_source", "synonyms", "abbreviations", "latin_name", "xrefs"],
        (
            [
                t.id,
                t.label,
                _joined(t.types),
                t.definition or "",
                t.definition_source or "",
                _joined(t.synonyms),
                _joined(t.abbreviations),
                t.latin_name or "",
                _joined(x.curie for x in t.xrefs),
            ]
            for t in terms
        ),
    )


def _relations_csv(kg: AnkleKG) -> bytes:
    label = kg.kb.label
    return _csv(
        ["subject", "subject_label", "predicate", "object", "object_label", "sources", "qualifiers"],
        (
            [
                st.subject,
                label(st.subject),
                st.predicate,
                st.object,
                label(st.object),
                _joined(st.sources),
                _joined(f"{k}={v}" for k, v in st.qualifiers),
            ]
            for st in kg.kb.statements
            if not st.inferred
        ),
    )


def _restraints_csv(kg: AnkleKG) -> bytes:
    label = kg.kb.label
    return _csv(
        ["id", "structure", "structure_label", "joint", "joint_label", "motion", "motion_label", "positions", "role",
         "relative_contribution", "sources", "disputed_by", "evidence_note"],
        (
            [
                r.id, r.structure, label(r.structure), r.joint, label(r.joint), r.motion, label(r.motion),
                _joined(label(p) for p in sorted(r.positions)), r.role.value,
                "" if r.contribution is None else f"{r.contribution:g}", _joined(r.sources), _joined(r.disputed_by),
                r.note or "",
            ]
            for r in kg.kb.restraints
        ),
    )  # fmt: skip


def _actions_csv(kg: AnkleKG) -> bytes:
    label = kg.kb.label
    return _csv(
        ["id", "muscle", "muscle_label", "joint", "joint_label", "motion", "motion_label", "role", "sources"],
        (
            [a.id, a.muscle, label(a.muscle), a.joint, label(a.joint), a.motion, label(a.motion), a.role.value,
             _joined(a.sources)]
            for a in kg.kb.actions
        ),
    )  # fmt: skip


def _treatment_csv(kg: AnkleKG) -> bytes:
    label = kg.kb.label
    return _csv(
        ["id", "condition", "condition_label", "treatment", "treatment_label", "evidence_level", "recommendation",
         "sources"],
        (
            [e.id, e.condition, label(e.condition), e.treatment, label(e.treatment), label(e.evidence_level),
             e.recommendation or "", _joined(e.sources)]
            for e in kg.kb.treatment_evidence
        ),
    )  # fmt: skip


def _references_csv(kg: AnkleKG) -> bytes:
    refs = [t for t in kg.kb.terms.values() if schema.REFERENCE in t.types]
    fields = ["dcterms:title", "dcterms:creator", "dcterms:publisher", "dcterms:issued", "bibo:doi", "schema:url",
              schema.REFERENCE_KIND, "dcterms:bibliographicCitation"]  # fmt: skip

    def value(term: object, prop: str) -> str:
        return _joined(v for p, v in term.annotations if p == prop)  # type: ignore[attr-defined]

    return _csv(
        ["id", "label", *[f.partition(":")[2] for f in fields]],
        ([t.id, t.label, *[value(t, f) for f in fields]] for t in sorted(refs, key=lambda t: t.id)),
    )


ARTEFACTS: dict[str, Artefact] = {
    a.name: a
    for a in (
        Artefact("anklekg.ttl", "text/turtle", "The whole graph (schema and ontology) as Turtle.",
                 lambda kg: _dump(kg, ox.RdfFormat.TURTLE)),
        Artefact("anklekg.nt", "application/n-triples", "The whole graph as sorted N-Triples (diff-friendly).",
                 _sorted_ntriples),
        Artefact("anklekg-dataset.nq", "application/n-quads",
                 "The SPARQL dataset as N-Quads: asserted triples in the default graph and in "
                 "<https://w3id.org/anklekg/graph/asserted>, inferred ones in "
                 "<https://w3id.org/anklekg/graph/inferred>; load it into the store behind "
                 "anklekg serve --sparql-endpoint.", _sorted_nquads),
        Artefact("anklekg.owl", "application/rdf+xml", "The whole graph as RDF/XML (OWL).",
                 lambda kg: _dump(kg, ox.RdfFormat.RDF_XML)),
        Artefact("ankle-obo.owl", "application/rdf+xml",
                 "The anatomy as OBO-style OWL classes (subclass of their kind, part of BFO:0000050 and "
                 "attachments as existential restrictions, sourced IAO definitions, xrefs, SKOS mappings): "
                 "for OAK and other OBO tools.", lambda kg: obo_owl(kg.kb, __version__)),
        Artefact("mappings.sssom.tsv", "text/tab-separated-values",
                 "The UBERON and FMA mappings as SSSOM TSV, one row per mapping with its justification.",
                 lambda kg: sssom_tsv(kg.kb, __version__)),
        Artefact("anklekg.jsonld", "application/ld+json", "The whole graph as JSON-LD, compacted with context.jsonld.",
                 _jsonld),
        Artefact("context.jsonld", "application/ld+json", "The published JSON-LD @context.", _context),
        Artefact("anklekg.graphml", "application/graphml+xml",
                 "The traversal graph (nodes are CURIEs; edges keyed by predicate, with sources).", _graphml),
        Artefact("entities.csv", "text/csv", "Every entity: names, definition, xrefs.", _entities_csv),
        Artefact("relations.csv", "text/csv", "Every asserted binary relation with its sources.", _relations_csv),
        Artefact("restraints.csv", "text/csv", "Every restraint fact.", _restraints_csv),
        Artefact("muscle_actions.csv", "text/csv", "Every muscle-action fact.", _actions_csv),
        Artefact("treatment_evidence.csv", "text/csv", "Treatments with GRADE evidence levels.", _treatment_csv),
        Artefact("references.csv", "text/csv", "Every cited reference.", _references_csv),
    )
}  # fmt: skip


def build_artefact(kg: AnkleKG, name: str) -> bytes:
    """The bytes of one artefact (KeyError for an unknown name: callers list ARTEFACTS)."""
    return ARTEFACTS[name].writer(kg)


def write_all(kg: AnkleKG, out_dir: Path, names: Iterable[str] | None = None) -> list[Path]:
    """Write artefacts into ``out_dir`` (all of them unless ``names`` is given)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name in names or ARTEFACTS:
        path = out_dir / name
        path.write_bytes(build_artefact(kg, name))
        written.append(path)
    return written
