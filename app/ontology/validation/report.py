"""What a validation run finds, and how it is shown: the one report every check writes into.

QC queries, SHACL and the reference-table check each produce :class:`Violation` rows; keeping the row,
its severity and the rendering here lets the checks stay ignorant of how editors, the API and CI read them.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ...vocab import RDF, XSD

__all__ = ["Severity", "ValidationReport", "Violation", "literal_form"]

#: Datatypes of text literals: shown JSON-quoted so that stray spaces, tabs and newlines stay visible.
_TEXT_DATATYPES = frozenset({str(XSD.string), str(RDF.langString)})


class Severity(StrEnum):
    """ROBOT report levels: ERROR fails validation, WARN and INFO are shown to editors."""

    ERROR = "ERROR"
    WARN = "WARN"
    INFO = "INFO"

    @property
    def rank(self) -> int:
        """Sort key: most severe first, so reports lead with what blocks a release."""
        return list(Severity).index(self)


def literal_form(lexical: str, datatype: str | None) -> str:
    """The report form of a literal (see :class:`Violation`); ``datatype`` None is a plain string."""
    if datatype is None or datatype in _TEXT_DATATYPES:
        return json.dumps(lexical, ensure_ascii=False)
    return lexical


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

    @classmethod
    def from_dict(cls, row: dict[str, Any]) -> Violation:
        """The inverse of :meth:`to_dict` (a stored report read back, see :mod:`.stamp`)."""
        return cls(
            check=str(row["check"]),
            severity=Severity(row["severity"]),
            entity=row.get("entity"),
            property=row.get("property"),
            value=row.get("value"),
            message=str(row["message"]),
        )


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

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ValidationReport:
        """The inverse of :meth:`to_dict`: a stored report read back (the ok flag and counts are recomputed)."""
        return cls(violations=tuple(Violation.from_dict(row) for row in data["violations"]))
