"""UBERON and FMA cross-references checked against the vendored reference table, which SPARQL cannot read.

data/reference/ankle_structures.csv is the only allowed source of these ids (docs/data-model.md), so
every xref the data carries is compared with the table's row for the entity's label.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import pyoxigraph as ox

from ...errors import OntologyLoadError
from ...vocab import OBOINOWL, sparql_prologue
from ..curies import compress
from .report import Severity, Violation

__all__ = ["REFERENCE_XREF_CHECK", "REFERENCE_XREF_COLUMNS", "check_reference_xrefs"]

REFERENCE_XREF_CHECK = "xref_mismatch_reference_table"
#: Prefixes of the xrefs that data/reference/ankle_structures.csv governs, with the column holding them.
REFERENCE_XREF_COLUMNS: dict[str, str] = {"UBERON": "uberon", "FMA": "fma"}
#: An xref outside the table is allowed only when its axiom comment names the release file it was read from.
_RELEASE_FILE = re.compile(r"\b[\w.-]+\.(?:obo|owl|ofn|omn|json|obographs\.json)\b", re.IGNORECASE)
#: The property every violation of this check names, as a CURIE.
_XREF_PROPERTY = compress(OBOINOWL.hasDbXref)


@dataclass(frozen=True)
class _ReferenceRow:
    key: str
    label: str
    expected: dict[str, frozenset[str]]


def _read_reference_table(csv_path: Path) -> dict[str, _ReferenceRow]:
    """Rows of ankle_structures.csv by label; a cell may hold several ids separated by ';'."""
    rows: dict[str, _ReferenceRow] = {}
    with csv_path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = {"key", "label", *REFERENCE_XREF_COLUMNS.values()} - set(reader.fieldnames or ())
        if missing:
            raise OntologyLoadError(str(csv_path), 1, None, f"missing columns {', '.join(sorted(missing))}")
        for record in reader:
            expected = {
                prefix: frozenset(x.strip() for x in (record[column] or "").split(";") if x.strip())
                for prefix, column in REFERENCE_XREF_COLUMNS.items()
            }
            label = record["label"].strip()
            rows[label] = _ReferenceRow(key=record["key"], label=label, expected=expected)
    return rows


_XREFS_QUERY = """
SELECT ?entity ?label ?xref ?comment WHERE {
  ?entity rdfs:label ?label .
  FILTER (isIRI(?entity))
  OPTIONAL {
    ?entity oboInOwl:hasDbXref ?xref .
    OPTIONAL {
      ?axiom owl:annotatedSource ?entity ; owl:annotatedProperty oboInOwl:hasDbXref ;
             owl:annotatedTarget ?xref ; rdfs:comment ?comment .
    }
  }
}
"""


def check_reference_xrefs(store: ox.Store, csv_path: Path) -> list[Violation]:
    """Compare UBERON/FMA xrefs with data/reference/ankle_structures.csv.

    The table is the only allowed source of these ids (docs/data-model.md): an entity whose label is a
    row's label must carry exactly that row's UBERON and FMA ids (an empty cell means none); an entity
    outside the table may carry one only when its xref axiom's rdfs:comment names the ontology release
    file it was read from.
    """
    table = _read_reference_table(csv_path)
    xrefs: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    release_noted: set[tuple[str, str]] = set()
    for solution in cast(ox.QuerySolutions, store.query(sparql_prologue() + _XREFS_QUERY)):
        entity = solution["entity"].value
        labels[entity] = solution["label"].value
        xrefs.setdefault(entity, set())
        xref = solution["xref"]
        if xref is None:
            continue
        xrefs[entity].add(xref.value)
        comment = solution["comment"]
        if comment is not None and _RELEASE_FILE.search(comment.value):
            release_noted.add((entity, xref.value))

    def violation(entity: str, value: str, message: str) -> Violation:
        return Violation(
            check=REFERENCE_XREF_CHECK,
            severity=Severity.ERROR,
            entity=compress(entity),
            property=_XREF_PROPERTY,
            value=json.dumps(value),
            message=message,
        )

    violations: list[Violation] = []
    for entity in sorted(xrefs):
        governed = {
            prefix: {x for x in xrefs[entity] if x.partition(":")[0] == prefix} for prefix in REFERENCE_XREF_COLUMNS
        }
        row = table.get(labels[entity])
        if row is None:
            for prefix, found in governed.items():
                for xref in sorted(found):
                    if (entity, xref) not in release_noted:
                        violations.append(
                            violation(
                                entity,
                                xref,
                                f"{prefix} xref on an entity not in {csv_path.name}, and its axiom comment names no "
                                "ontology release file it was read from",
                            )
                        )
            continue
        for prefix, found in governed.items():
            expected = row.expected[prefix]
            for xref in sorted(found - expected):
                wanted = ", ".join(sorted(expected)) or "none"
                violations.append(
                    violation(
                        entity,
                        xref,
                        f"{prefix} xref not in {csv_path.name} row {row.key!r} (table gives: {wanted})",
                    )
                )
            for xref in sorted(expected - found):
                violations.append(
                    violation(
                        entity,
                        xref,
                        f"{prefix} xref of {csv_path.name} row {row.key!r} is missing",
                    )
                )
    return violations
