"""The QC checks of data/qc, in the ROBOT ``report`` style: SPARQL queries that editors read and extend.

Each ``data/qc/<check>.rq`` returns ``?entity ?property ?value`` and ``data/qc/profile.tsv`` gives its
severity, so the checks are data rather than Python. They run on the pyoxigraph store (the fast engine).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ...errors import OntologyLoadError
from ...vocab import ONTOLOGY_IRI, sparql_prologue
from ..curies import compress
from .report import Severity, Violation, literal_form

__all__ = ["PROFILE_FILE", "QUERY_SUFFIX", "QcCheck", "QcConfigurationError", "load_checks", "run_qc"]

PROFILE_FILE = "profile.tsv"
QUERY_SUFFIX = ".rq"


class QcConfigurationError(OntologyLoadError):
    """data/qc is inconsistent (a profiled check without a query, a query without a profile line, ...).

    Raised instead of skipping, because a silently dropped check looks exactly like a passing one. It is an
    :class:`OntologyLoadError`, so start-up reports it like any other data file it cannot use.
    """


@dataclass(frozen=True)
class QcCheck:
    """One QC query with the severity the profile gives it and the problem it detects."""

    name: str
    severity: Severity
    query: str
    problem: str
    path: Path


def _read_text(path: Path) -> str:
    """A QC file's text; bytes that are not UTF-8 are reported at their line and column, like a syntax error."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - data.rfind(b"\n", 0, exc.start)
        raise QcConfigurationError(str(path), line, column, f"not UTF-8: {exc.reason}") from exc


def _read_profile(profile_path: Path) -> dict[str, Severity]:
    """Parse ``SEVERITY<TAB>check`` lines; comments (#) and blank lines are allowed."""
    if not profile_path.is_file():
        raise QcConfigurationError(str(profile_path), None, None, "the QC profile does not exist")
    severities: dict[str, Severity] = {}
    for line_number, raw_line in enumerate(_read_text(profile_path).splitlines(), start=1):
        line = raw_line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        where = (str(profile_path), line_number, None)
        if len(fields) != 2:
            raise QcConfigurationError(*where, f"expected 'SEVERITY<TAB>check-name', got {raw_line!r}")
        severity_text, name = (field.strip() for field in fields)
        try:
            severity = Severity(severity_text)
        except ValueError:
            known = ", ".join(Severity)
            raise QcConfigurationError(*where, f"unknown severity {severity_text!r}; use one of {known}") from None
        if name in severities:
            raise QcConfigurationError(*where, f"check {name!r} is listed twice")
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
        raise QcConfigurationError(str(qc_dir), None, None, "QC configuration is inconsistent: " + "; ".join(problems))
    checks = []
    for name, severity in severities.items():
        path = query_files[name]
        query = _read_text(path)
        problem = _problem_statement(query)
        if not problem:
            raise QcConfigurationError(str(path), None, None, "the comment header has no 'Problem:' line")
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
        return literal_form(term.value, term.datatype.value)
    return str(term)


def run_qc(store: ox.Store, checks: list[QcCheck]) -> list[Violation]:
    """Run every check on the store; a query that fails to parse is a configuration error, named.

    The error gives the line and column in the .rq file, not in the text run (which has the prefix map
    in front of it).
    """
    prologue = sparql_prologue()
    prologue_lines = prologue.count("\n")
    violations: list[Violation] = []
    for check in checks:
        try:
            solutions = store.query(prologue + check.query, base_iri=ONTOLOGY_IRI)
        except SyntaxError as exc:
            raise QcConfigurationError.from_syntax_error(check.path, exc, line_offset=prologue_lines) from exc
        if not isinstance(solutions, ox.QuerySolutions):
            raise QcConfigurationError(str(check.path), None, None, "a QC check must be a SELECT query")
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
