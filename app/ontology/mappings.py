"""The mapping set: every UBERON and FMA cross-reference as an SSSOM mapping, with its predicate and justification.

The data file keeps one source of truth for the identifiers: each ``oboInOwl:hasDbXref "UBERON:..."`` string with
the owl:Axiom that names the release it was read from (copied from data/reference/ankle_structures.csv). What a
mapping *claims* is derived from that at load, by the first of these that applies (docs/interoperability.md):

1. An editor's decision in ``data/mappings.tsv`` for that pair: its predicate, ``semapv:ManualMappingCuration``,
   and the evidence the editor read (a row that names no xref of the data stops the load).
2. A lexical match: the object's label, as the reference table recorded it in the xref's note ("UBERON label
   'talus'", "FMA:22533 ('Extensor hallucis longus')"), equals the subject's label or one of its exact synonyms
   (case and a trailing qualifier such as " (group)" aside): ``skos:exactMatch``, ``semapv:LexicalMatching``,
   with the matched string and the fields it was found in.
3. An FMA id the reference table took from UBERON's own cross-references (chained through the entity's UBERON
   class): ``skos:closeMatch``, ``semapv:MappingChaining``. UBERON's xref does not state its precision and
   the FMA id was not checked against an FMA release, so nothing supports a stronger claim.
4. Anything else: ``skos:closeMatch``, ``semapv:UnspecifiedMatching``. The reference table names the id as the
   class for this structure, without saying how it was matched; close is the weakest claim that still says
   the row was chosen for this structure.

Each mapping also becomes one IRI triple (``ANKLE:... skos:exactMatch <http://purl.obolibrary.org/obo/UBERON_...>``)
added to the asserted graph, so a SPARQL join with UBERON by IRI works; the CURIE strings stay for people.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import cast

import pyoxigraph as ox

from ..errors import OntologyLoadError
from ..vocab import ANKLE_BASE, sparql_prologue
from .curies import compress, expand

__all__ = [
    "EDITOR_COLUMNS",
    "JUSTIFICATIONS",
    "MAPPED_PREFIXES",
    "MAPPING_TABLE",
    "PREDICATES",
    "Mapping",
    "derive_mappings",
    "mapping_quads",
    "read_editor_table",
]

#: The editors' decisions, in the data folder.
MAPPING_TABLE = "mappings.tsv"
#: The xref prefixes published as mappings (the ones data/reference governs).
MAPPED_PREFIXES = ("UBERON", "FMA")
#: The SSSOM predicates a mapping may carry, as CURIEs (skos: is in app.vocab.PREFIXES).
PREDICATES = ("skos:exactMatch", "skos:closeMatch", "skos:broadMatch", "skos:narrowMatch", "skos:relatedMatch")
#: The semapv justifications used, with what each means here.
JUSTIFICATIONS = {
    "semapv:ManualMappingCuration": "an editor reviewed the pair (data/mappings.tsv says what they read)",
    "semapv:LexicalMatching": "the object's label equals the subject's label or exact synonym",
    "semapv:MappingChaining": "an FMA id taken from the cross-references of the entity's UBERON class",
    "semapv:UnspecifiedMatching": "the reference table names the id without saying how it was matched",
}
#: Columns of data/mappings.tsv, the editors' decisions.
EDITOR_COLUMNS = ("subject_id", "object_id", "predicate_id", "mapping_justification", "author_label", "comment")

_UBERON_LABEL = re.compile(r"UBERON label '([^']+)'")
_FMA_LABEL = re.compile(r"FMA:(\d+) \('([^']+)'\)")
_FMA_FROM_UBERON = re.compile(
    r"FMA xref asserted by UBERON|FMA xref read from UBERON|FMA from uberon-bridge-to-fma", re.IGNORECASE
)
_QUALIFIER = re.compile(r"\s*\([^)]*\)$")


@dataclass(frozen=True, slots=True)
class Mapping:
    """One row of the SSSOM mapping set."""

    subject_id: str
    subject_label: str
    predicate_id: str
    object_id: str
    object_label: str | None
    mapping_justification: str
    subject_match_field: str | None = None
    object_match_field: str | None = None
    match_string: str | None = None
    source: str | None = None
    author_label: str | None = None
    comment: str | None = None

    def __reduce__(self) -> tuple[type[Mapping], tuple[object, ...]]:
        """Pickled as its field values (a snapshot reads ~13,000 at 100 copies): see app.knowledge.model.Record."""
        return Mapping, tuple(getattr(self, name) for name in _MAPPING_FIELDS)

    @property
    def subject_iri(self) -> str:
        return ANKLE_BASE + self.subject_id.removeprefix("ANKLE:")

    @property
    def object_iri(self) -> str:
        iri = expand(self.object_id)
        assert iri is not None, self.object_id  # MAPPED_PREFIXES are all in the converter
        return iri

    @property
    def predicate_iri(self) -> str:
        iri = expand(self.predicate_id)
        assert iri is not None, self.predicate_id
        return iri


_MAPPING_FIELDS = tuple(f.name for f in fields(Mapping))


@dataclass(frozen=True)
class _EditorRow:
    predicate_id: str
    justification: str
    author_label: str
    comment: str


def read_editor_table(path: Path | None) -> dict[tuple[str, str], _EditorRow]:
    """The editors' mapping decisions by (subject, object); an absent file means none."""
    if path is None or not path.is_file():
        return {}
    rows: dict[tuple[str, str], _EditorRow] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = set(EDITOR_COLUMNS) - set(reader.fieldnames or ())
        if missing:
            raise OntologyLoadError(str(path), 1, None, f"missing columns {', '.join(sorted(missing))}")
        for number, record in enumerate(reader, start=2):
            predicate, justification = record["predicate_id"].strip(), record["mapping_justification"].strip()
            if predicate not in PREDICATES:
                raise OntologyLoadError(
                    str(path), number, None, f"predicate_id {predicate!r} is not one of {', '.join(PREDICATES)}"
                )
            if justification != "semapv:ManualMappingCuration":
                raise OntologyLoadError(
                    str(path), number, None,
                    f"mapping_justification {justification!r}: this table holds editors' reviews only "
                    "(semapv:ManualMappingCuration); other justifications are derived from the data",
                )  # fmt: skip
            if not record["comment"].strip() or not record["author_label"].strip():
                raise OntologyLoadError(str(path), number, None, "say who reviewed the pair and what they read")
            key = (record["subject_id"].strip(), record["object_id"].strip())
            rows[key] = _EditorRow(predicate, justification, record["author_label"].strip(), record["comment"].strip())
    return rows


_QUERY = """
SELECT ?s ?label ?p ?name ?xref ?src ?note WHERE {
  ?s oboInOwl:hasDbXref ?xref ; rdfs:label ?label .
  FILTER (STRSTARTS(STR(?s), "%s"))
  OPTIONAL { ?s ?p ?name . FILTER (?p IN (oboInOwl:hasExactSynonym, akg:abbreviation)) }
  OPTIONAL {
    ?ax owl:annotatedSource ?s ; owl:annotatedProperty oboInOwl:hasDbXref ; owl:annotatedTarget ?xref .
    OPTIONAL { ?ax dcterms:source ?src } OPTIONAL { ?ax rdfs:comment ?note }
  }
}
"""


@dataclass
class _Subject:
    label: str
    synonyms: set[str]
    xrefs: dict[str, tuple[str | None, str | None]]  # xref -> (source, note)


def _subjects(store: ox.Store) -> dict[str, _Subject]:
    subjects: dict[str, _Subject] = {}
    for solution in cast(ox.QuerySolutions, store.query(sparql_prologue() + _QUERY % ANKLE_BASE)):
        curie = compress(solution["s"].value)
        subject = subjects.setdefault(curie, _Subject(solution["label"].value, set(), {}))
        name, predicate = solution["name"], solution["p"]
        if name is not None and predicate is not None and predicate.value.endswith("hasExactSynonym"):
            subject.synonyms.add(name.value)
        xref = solution["xref"].value
        if xref.partition(":")[0] in MAPPED_PREFIXES:
            src, note = solution["src"], solution["note"]
            subject.xrefs[xref] = (
                compress(src.value) if src is not None else None,
                note.value if note is not None else None,
            )
    return subjects


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _object_label(xref: str, note: str | None) -> str | None:
    """The object's label as the reference table recorded it in the xref's note, if it did."""
    if note is None:
        return None
    if xref.startswith("UBERON:"):
        match = _UBERON_LABEL.search(note)
        return match.group(1) if match else None
    for number, label in _FMA_LABEL.findall(note):
        if xref == f"FMA:{number}":
            return cast(str, label)
    return None


def _lexical(subject: _Subject, object_label: str) -> tuple[str, str] | None:
    """(field, matched string) when the object's label is the subject's label or exact synonym."""
    wanted = _fold(object_label)
    label = subject.label
    for candidate in (label, _QUALIFIER.sub("", label)):
        if _fold(candidate) == wanted:
            return "rdfs:label", candidate
    for synonym in sorted(subject.synonyms):
        if _fold(synonym) == wanted:
            return "oboInOwl:hasExactSynonym", synonym
    return None


def derive_mappings(store: ox.Store, editor_table: Path | None = None) -> list[Mapping]:
    """The mapping set of the data's UBERON and FMA xrefs, by the rules of this module's docstring."""
    editors = read_editor_table(editor_table)
    subjects = _subjects(store)
    used: set[tuple[str, str]] = set()
    mappings: list[Mapping] = []
    for curie in sorted(subjects):
        subject = subjects[curie]
        uberon = [x for x in subject.xrefs if x.startswith("UBERON:")]
        for xref in sorted(subject.xrefs):
            source, note = subject.xrefs[xref]
            label = _object_label(xref, note)
            base = Mapping(curie, subject.label, "", xref, label, "", source=source)
            decision = editors.get((curie, xref))
            lexical = _lexical(subject, label) if label is not None else None
            if decision is not None:
                used.add((curie, xref))
                mapping = replace(
                    base, predicate_id=decision.predicate_id, mapping_justification=decision.justification,
                    author_label=decision.author_label, comment=decision.comment,
                )  # fmt: skip
            elif lexical is not None:
                field, matched = lexical
                mapping = replace(
                    base, predicate_id="skos:exactMatch", mapping_justification="semapv:LexicalMatching",
                    subject_match_field=field, object_match_field="rdfs:label", match_string=matched,
                    comment=f"the reference table's label of {xref}, {label!r}, is this entity's "
                    f"{'label' if field == 'rdfs:label' else 'exact synonym'} {matched!r}",
                )  # fmt: skip
            elif xref.startswith("FMA:") and uberon and note is not None and _FMA_FROM_UBERON.search(note):
                mapping = replace(
                    base, predicate_id="skos:closeMatch", mapping_justification="semapv:MappingChaining",
                    comment=f"FMA id from the cross-references of {', '.join(uberon)} (UBERON's FMA bridge); "
                    "UBERON's xref does not state its precision and the id was not checked against an FMA release",
                )  # fmt: skip
            else:
                mapping = replace(
                    base, predicate_id="skos:closeMatch", mapping_justification="semapv:UnspecifiedMatching",
                    comment="the reference table names this id for the structure without saying how it was matched",
                )  # fmt: skip
            mappings.append(mapping)
    unused = sorted(set(editors) - used)
    if unused:
        pairs = ", ".join(f"{s} {o}" for s, o in unused)
        raise OntologyLoadError(
            str(editor_table), None, None,
            f"rows for pairs that are no cross-reference of the data: {pairs}; an id comes from the data's "
            "xrefs (data/reference/ankle_structures.csv), never from this table",
        )  # fmt: skip
    return mappings


def mapping_quads(mappings: Iterable[Mapping]) -> list[ox.Quad]:
    """One IRI triple per mapping, in the default (asserted) graph."""
    return [
        ox.Quad(ox.NamedNode(m.subject_iri), ox.NamedNode(m.predicate_iri), ox.NamedNode(m.object_iri))
        for m in mappings
    ]
