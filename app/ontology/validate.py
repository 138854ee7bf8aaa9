"""Validate the loaded graph: QC queries (data/qc), SHACL shapes (data/shapes.ttl), reference-table xrefs.

The QC queries are the primary report, in the ROBOT ``report`` style: each ``data/qc/<check>.rq`` returns
``?entity ?property ?value`` and ``data/qc/profile.tsv`` gives its severity, so the checks are data that
editors can read and extend without touching Python. They run on the pyoxigraph store (the fast engine).
SHACL guards shapes and ranges of the n-ary facts; pyshacl needs an rdflib graph. The reference-table
check compares xrefs with ``data/reference/ankle_structures.csv``, which SPARQL cannot read.

Any ERROR makes :attr:`ValidationReport.ok` false; WARN and INFO are reported only.
"""

from __future__ import annotations

import csv
import json
import logging
import re
import time
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, cast

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDF, SH

from app.ontology.curies import compress
from app.ontology.load import to_rdflib
from app.vocab import ONTOLOGY_IRI, sparql_prologue

__all__ = [
    "QcCheck",
    "QcConfigurationError",
    "Severity",
    "ValidationReport",
    "Violation",
    "check_reference_xrefs",
    "load_checks",
    "run_qc",
    "run_shacl",
    "validate",
]

logger = logging.getLogger(__name__)

PROFILE_FILE = "profile.tsv"
QUERY_SUFFIX = ".rq"
SHAPES_FILE = "shapes.ttl"
REFERENCE_XREF_CHECK = "xref_mismatch_reference_table"
#: Prefixes of the xrefs that data/reference/ankle_structures.csv governs, with the column holding them.
REFERENCE_XREF_COLUMNS: dict[str, str] = {"UBERON": "uberon", "FMA": "fma"}
#: An xref outside the table is allowed only when its axiom comment names the release file it was read from.
_RELEASE_FILE = re.compile(r"\b[\w.-]+\.(?:obo|owl|ofn|omn|json|obographs\.json)\b", re.IGNORECASE)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class Severity(StrEnum):
    """ROBOT report levels: ERROR fails validation, WARN and INFO are shown to editors."""

    ERROR = "ERROR"
    WARN = "WARN"
    INFO = "INFO"

    @property
    def rank(self) -> int:
        """Sort key: most severe first, so reports lead with what blocks a release."""
        return list(Severity).index(self)


class QcConfigurationError(Exception):
    """data/qc is inconsistent (a profiled check without a query, a query without a profile line, ...).

    Raised instead of skipping, because a silently dropped check looks exactly like a passing one.
    """


@dataclass(frozen=True)
class QcCheck:
    """One QC query with the severity the profile gives it and the problem it detects."""

    name: str
    severity: Severity
    query: str
    problem: str
    path: Path


@dataclass(frozen=True)
class Violation:
    """One finding, as a ROBOT report row.

    ``entity`` and ``property`` are CURIEs where ``app.vocab.PREFIXES`` covers the IRI (else the IRI, or
    ``_:id`` for a blank node); ``value`` is a CURIE for a resource, a JSON-quoted string for a text
    literal (so stray spaces, tabs and newlines stay visible) and the lexical form for other literals.
    """

    check: str
    severity: Severity
    entity: str | None
    property: str | None
    value: str | None
    message: str

    def to_dict(self) -> dict[str, str | None]:
        """Plain JSON-ready form (API responses, CLI --json)."""
        return {
            "check": self.check,
            "severity": str(self.severity),
            "entity": self.entity,
            "property": self.property,
            "value": self.value,
            "message": self.message,
        }


@dataclass(frozen=True)
class ValidationReport:
    """All findings of one validation run; ``ok`` is what start-up and CI gate on."""

    violations: tuple[Violation, ...]

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The ERROR findings: any one of them blocks a release."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    @property
    def ok(self) -> bool:
        """True when there is no ERROR (WARN and INFO do not fail validation)."""
        return not self.errors

    def counts(self) -> dict[str, dict[str, int]]:
        """Number of findings per check and per severity, for summaries and dashboards."""
        by_check = Counter(v.check for v in self.violations)
        by_severity = Counter(str(v.severity) for v in self.violations)
        return {
            "by_check": dict(sorted(by_check.items())),
            "by_severity": {str(s): by_severity.get(str(s), 0) for s in Severity},
        }

    def render_text(self, *, max_entities: int = 20) -> str:
        """A report for editors: counts per check, ERROR first, then the offending entities as CURIEs."""
        severity_counts = self.counts()["by_severity"]
        lines = [
            "Validation "
            + ("passed" if self.ok else "FAILED")
            + ": "
            + ", ".join(f"{count} {severity}" for severity, count in severity_counts.items()),
        ]
        groups: dict[tuple[Severity, str], list[Violation]] = {}
        for violation in self.violations:
            groups.setdefault((violation.severity, violation.check), []).append(violation)
        for (severity, check), found in sorted(groups.items(), key=lambda item: (item[0][0].rank, item[0][1])):
            lines.append("")
            lines.append(f"{severity} {check}: {len(found)}")
            lines.append(f"  {found[0].message}")
            for violation in found[:max_entities]:
                detail = " ".join(part for part in (violation.property, violation.value) if part)
                lines.append(f"  - {violation.entity or '(no entity)'}" + (f"  {detail}" if detail else ""))
            if len(found) > max_entities:
                lines.append(f"  ... and {len(found) - max_entities} more")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form: ok flag, counts and every violation."""
        return {
            "ok": self.ok,
            "counts": self.counts(),
            "violations": [v.to_dict() for v in self.violations],
        }


# ---------------------------------------------------------------------------------------------------
# QC queries
# ---------------------------------------------------------------------------------------------------
def _read_profile(profile_path: Path) -> dict[str, Severity]:
    """Parse ``SEVERITY<TAB>check`` lines; comments (#) and blank lines are allowed."""
    if not profile_path.is_file():
        raise QcConfigurationError(f"QC profile {profile_path} does not exist")
    severities: dict[str, Severity] = {}
    for line_number, raw_line in enumerate(profile_path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = f"{profile_path}:{line_number}"
        if len(fields) != 2:
            raise QcConfigurationError(f"{where}: expected 'SEVERITY<TAB>check-name', got {raw_line!r}")
        severity_text, name = (field.strip() for field in fields)
        try:
            severity = Severity(severity_text)
        except ValueError:
            known = ", ".join(Severity)
            raise QcConfigurationError(f"{where}: unknown severity {severity_text!r}; use one of {known}") from None
        if name in severities:
            raise QcConfigurationError(f"{where}: check {name!r} is listed twice")
        severities[name] = severity
    return severities


def _problem_statement(query: str) -> str:
    """The 'Problem:' paragraph of a query's ROBOT-style comment header: the violation message."""
    collected: list[str] = []
    for line in query.splitlines():
        if not line.startswith("#"):
            break
        text = line.lstrip("#").strip()
        if text.startswith("Problem:"):
            collected.append(text.removeprefix("Problem:").strip())
        elif collected and not re.match(r"^[A-Z][a-z]+:", text):
            collected.append(text)
        elif collected:
            break
    return " ".join(collected)


def load_checks(qc_dir: Path) -> list[QcCheck]:
    """The QC checks of ``qc_dir`` in profile order.

    Raises :class:`QcConfigurationError` when the profile and the query files disagree, or a query has
    no 'Problem:' header (the header is the message users see).
    """
    severities = _read_profile(qc_dir / PROFILE_FILE)
    query_files = {path.stem: path for path in sorted(qc_dir.glob(f"*{QUERY_SUFFIX}"))}
    without_query = [name for name in severities if name not in query_files]
    without_profile = [name for name in query_files if name not in severities]
    problems = []
    if without_query:
        problems.append(f"profiled checks without a {QUERY_SUFFIX} file: {', '.join(without_query)}")
    if without_profile:
        problems.append(f"{QUERY_SUFFIX} files without a profile line: {', '.join(without_profile)}")
    if problems:
        raise QcConfigurationError(f"QC configuration in {qc_dir} is inconsistent: " + "; ".join(problems))
    checks = []
    for name, severity in severities.items():
        path = query_files[name]
        query = path.read_text(encoding="utf-8")
        problem = _problem_statement(query)
        if not problem:
            raise QcConfigurationError(f"{path}: the comment header has no 'Problem:' line")
        checks.append(QcCheck(name=name, severity=severity, query=query, problem=problem, path=path))
    return checks


def _display(term: object) -> str | None:
    """The report form of a query result term (see :class:`Violation`)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return compress(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        if term.datatype.value in (_XSD_STRING, _RDF_LANG_STRING):
            return json.dumps(term.value, ensure_ascii=False)
        return term.value
    return str(term)


def run_qc(store: ox.Store, checks: list[QcCheck]) -> list[Violation]:
    """Run every check on the store; a query that fails to parse is a configuration error, named."""
    prologue = sparql_prologue()
    violations: list[Violation] = []
    for check in checks:
        try:
            solutions = store.query(prologue + check.query, base_iri=ONTOLOGY_IRI)
        except SyntaxError as exc:
            raise QcConfigurationError(f"{check.path}: SPARQL syntax error: {exc}") from exc
        if not isinstance(solutions, ox.QuerySolutions):
            raise QcConfigurationError(f"{check.path}: a QC check must be a SELECT query")
        for solution in solutions:
            violations.append(
                Violation(
                    check=check.name,
                    severity=check.severity,
                    entity=_display(solution["entity"]),
                    property=_display(solution["property"]),
                    value=_display(solution["value"]),
                    message=check.problem,
                )
            )
    return violations


# ---------------------------------------------------------------------------------------------------
# SHACL
# ---------------------------------------------------------------------------------------------------
_SHACL_SEVERITY = {SH.Violation: Severity.ERROR, SH.Warning: Severity.WARN, SH.Info: Severity.INFO}


def _rdflib_display(term: rdflib.term.Node | None) -> str | None:
    """The report form of an rdflib term, matching :func:`_display`."""
    if term is None:
        return None
    if isinstance(term, rdflib.URIRef):
        return compress(str(term))
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    if isinstance(term, rdflib.Literal):
        if term.datatype is None or str(term.datatype) == _XSD_STRING:
            return json.dumps(str(term), ensure_ascii=False)
        return str(term)
    return str(term)


def _local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def run_shacl(graph: rdflib.Graph, shapes_path: Path) -> list[Violation]:
    """Validate ``graph`` (schema and data together) against the shapes file.

    No inference is asked of pyshacl: the schema's rdfs:subClassOf triples are in the data graph, and
    SHACL's sh:class and sh:targetClass already follow rdfs:subClassOf there. That keeps start-up fast.
    Each result becomes a Violation named ``shacl:<shape>`` when the shape has an IRI, else
    ``shacl:<constraint component>``.
    """
    shapes = rdflib.Graph()
    shapes.parse(shapes_path, format="turtle")
    _, results_graph, _ = shacl_validate(graph, shacl_graph=shapes, inference="none", allow_warnings=True)
    assert isinstance(results_graph, rdflib.Graph)
    violations = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        source_shape = results_graph.value(result, SH.sourceShape)
        component = results_graph.value(result, SH.sourceConstraintComponent)
        if isinstance(source_shape, rdflib.URIRef):
            check_name = f"shacl:{_local_name(str(source_shape))}"
        else:
            check_name = f"shacl:{_local_name(str(component))}"
        level = results_graph.value(result, SH.resultSeverity)
        severity = _SHACL_SEVERITY.get(level, Severity.ERROR) if isinstance(level, rdflib.URIRef) else Severity.ERROR
        message = results_graph.value(result, SH.resultMessage)
        violations.append(
            Violation(
                check=check_name,
                severity=severity,
                entity=_rdflib_display(results_graph.value(result, SH.focusNode)),
                property=_rdflib_display(results_graph.value(result, SH.resultPath)),
                value=_rdflib_display(results_graph.value(result, SH.value)),
                message=str(message) if message is not None else _local_name(str(component)),
            )
        )
    violations.sort(key=lambda v: (v.check, v.entity or "", v.property or "", v.value or ""))
    return violations


# ---------------------------------------------------------------------------------------------------
# Reference table
# ---------------------------------------------------------------------------------------------------
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
            raise ValueError(f"{csv_path}: missing columns {', '.join(sorted(missing))}")
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
            property="oboInOwl:hasDbXref",
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


# ---------------------------------------------------------------------------------------------------
# Everything
# ---------------------------------------------------------------------------------------------------
def validate(
    store: ox.Store, *, data_dir: Path, reference_csv: Path | None = None, shacl: bool = True
) -> ValidationReport:
    """Run the QC queries, then (optionally) SHACL and the reference-table xref check.

    Run it on the graph as parsed, before inverse or other inferred triples are added to the store:
    several checks (inverse_asserted, unsourced_relation) are about what editors asserted.
    """
    started = time.perf_counter()
    violations = run_qc(store, load_checks(data_dir / "qc"))
    qc_done = time.perf_counter()
    if shacl:
        violations += run_shacl(to_rdflib(store), data_dir / SHAPES_FILE)
    shacl_done = time.perf_counter()
    if reference_csv is not None:
        violations += check_reference_xrefs(store, reference_csv)
    finished = time.perf_counter()
    logger.info(
        "validation: %d violations; QC %.3f s, SHACL %.3f s, reference table %.3f s",
        len(violations),
        qc_done - started,
        shacl_done - qc_done,
        finished - shacl_done,
    )
    ordered = sorted(violations, key=lambda v: (v.severity.rank, v.check))
    return ValidationReport(violations=tuple(ordered))
