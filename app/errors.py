"""The errors AnkleKG raises on purpose, under one base.

A caller can catch :class:`AnkleKGError` for all of them; the REST API maps each class once to a
problem response (app.api.problems), and the CLI to a message and an exit code. Each error keeps
what it is about (the name, the parameter, the file and line) as attributes, not only as text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: the layers below raise these errors, so this module imports none of them
    from .knowledge.model import Term
    from .ontology.validation import ValidationReport

__all__ = [
    "AmbiguousTerm",
    "AnkleKGError",
    "InvalidArgument",
    "OntologyInvalid",
    "OntologyLoadError",
    "TermNotResolved",
    "UnknownTerm",
    "UnknownView",
]


class AnkleKGError(Exception):
    """Base of every error AnkleKG raises on purpose (anything else is a bug)."""


class InvalidArgument(AnkleKGError, ValueError):
    """A request parameter has a value the graph cannot use; names the parameter and the value."""

    def __init__(self, parameter: str, value: object, detail: str) -> None:
        super().__init__(f"{parameter}={value!r}: {detail}")
        self.parameter = parameter
        self.value = value
        self.detail = detail


class TermNotResolved(AnkleKGError, LookupError):
    """A name that does not lead to exactly one term.

    ``parameter`` is the part of the request that held the name (``injured``, ``from``...), so an
    answer can say what to fix; None when the name came from no request (a direct index lookup).
    """

    def __init__(self, ref: str, terms: Sequence[Term], parameter: str | None = None) -> None:
        super().__init__(ref)
        self.ref = ref
        self.terms = list(terms)
        self.parameter = parameter


class UnknownTerm(TermNotResolved):
    """No term has this name; ``suggestions`` are the closest names that exist (and the message names them, so a
    notebook's traceback says what to type instead)."""

    @property
    def suggestions(self) -> list[Term]:
        return self.terms

    def __str__(self) -> str:
        names = ", ".join(f"{t.label} ({t.id})" for t in self.terms)
        hint = f"did you mean: {names}?" if names else "search for it (kg.search, anklekg search) to find its name"
        return f"no entity is named {self.ref!r}{_held_by(self.parameter)}; {hint}"


class AmbiguousTerm(TermNotResolved):
    """Several terms share this name at the same level of trust; the caller must pick by id."""

    @property
    def candidates(self) -> list[Term]:
        return self.terms

    def __str__(self) -> str:
        names = "; ".join(f"{t.label} ({t.id})" for t in self.terms)
        return f"{self.ref!r}{_held_by(self.parameter)} names several entities: {names}; use the id of the one you mean"


def _held_by(parameter: str | None) -> str:
    """Which part of a request held the name; "ref", the default, is the name itself and goes unsaid."""
    return f" (in {parameter})" if parameter and parameter != "ref" else ""


class UnknownView(AnkleKGError, LookupError):
    """No schematic view has this id; ``views`` are the ids there are."""

    def __init__(self, view: str, views: Sequence[str]) -> None:
        super().__init__(view)
        self.view = view
        self.views = list(views)


#: The position pyoxigraph writes in front of a message, removed once it is the error's ``line`` and ``column``:
#: the RDF parsers ("Parser error at line 3 column 7: ", "... between columns 7 and 9: ") also set ``lineno``
#: and ``offset``, the SPARQL parser ("error at 3:7: ") does not, so only its numbers are read.
_POSITION = re.compile(r"^(?:Parser error (?:at|between) line[^:]*|error at (\d+):(\d+)): ")


@dataclass(frozen=True)
class OntologyLoadError(AnkleKGError):
    """A data file (ontology, schema, shapes, rules, QC query or profile) could not be read or parsed.

    The one error for every file under data/: its ``str`` is the one line ``file:line:column: message``
    that the CLI prints before exiting with status 2, so an editor can go straight to the spot.
    """

    file: str
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"

    @classmethod
    def from_syntax_error(cls, path: Path, exc: SyntaxError, *, line_offset: int = 0) -> OntologyLoadError:
        """The error for a pyoxigraph ``SyntaxError``, on one line, with the position it carries.

        The RDF parsers set ``lineno`` and ``offset``; the SPARQL parser only writes the position into its
        message. ``line_offset`` is subtracted from the line, for text parsed behind a generated prologue.
        """
        message = " ".join((exc.msg or str(exc)).split())
        line, column = exc.lineno, exc.offset
        match = _POSITION.match(message)
        if match:
            message = message[match.end() :]
            if line is None and match[1] is not None:
                line, column = int(match[1]), int(match[2])
        if line is not None:
            line -= line_offset
        return cls(str(path), line, column, message)


class OntologyInvalid(AnkleKGError, RuntimeError):
    """The data failed validation with ERROR-level violations; the service must not start on it."""

    def __init__(self, report: ValidationReport) -> None:
        super().__init__(report.render_text())
        self.report = report
