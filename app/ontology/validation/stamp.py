"""A validation report remembered by the content of everything it was computed from.

Validation (QC + SHACL + the reference table) is most of a start-up (about 0.8 s of 1.0 s of loading on the
bundled graph) and its answer only changes when its inputs do. So the report is stored under a fingerprint of
those inputs: the data files it reads (ontology, schema, shapes, QC queries, reference table), the checks' own
code, and the versions of the libraries that run them. A start whose fingerprint matches a stored report uses
that report; any other start validates in full, says so, and stores what it found. Nothing is trusted by date or
by name: one changed byte in any input is a different fingerprint, hence a full validation.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ...version import __version__
from .report import ValidationReport

__all__ = ["ValidationStamp"]

logger = logging.getLogger(__name__)

#: Bumped when the stored form changes: an older stamp is then simply a miss.
FORMAT = 1
_CODE_DIR = Path(__file__).resolve().parent
_LIBRARIES = ("pyoxigraph", "pyshacl", "rdflib")


def _library_version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "absent"


@dataclass(frozen=True)
class ValidationStamp:
    """The fingerprint of one validation's inputs, and where its report is (or will be) kept."""

    fingerprint: str
    path: Path

    @classmethod
    def of(cls, inputs: Iterable[Path], *, options: Mapping[str, object], cache_dir: Path) -> ValidationStamp:
        """Fingerprint ``inputs`` (files, or folders taken whole), the checks' code, libraries and ``options``."""
        digest = hashlib.sha256()
        header = {
            "format": FORMAT,
            "anklekg": __version__,
            "libraries": {name: _library_version(name) for name in _LIBRARIES},
            "options": options,
        }
        digest.update(json.dumps(header, sort_keys=True, default=str).encode())
        files: list[Path] = sorted(_CODE_DIR.glob("*.py"))
        for item in inputs:
            files.extend(sorted(p for p in item.rglob("*") if p.is_file()) if item.is_dir() else [item])
        for file in files:
            digest.update(f"\0{file.name}\0".encode())
            digest.update(file.read_bytes() if file.is_file() else b"\0missing")
        fingerprint = digest.hexdigest()
        return cls(fingerprint, cache_dir / f"validation-{fingerprint[:32]}.json")

    def load(self) -> ValidationReport | None:
        """The stored report when one was made from exactly these inputs; None otherwise (never an error)."""
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("fingerprint") != self.fingerprint:
                return None
            return ValidationReport.from_dict(stored["report"])
        except (OSError, ValueError, KeyError, TypeError) as exc:
            if not isinstance(exc, FileNotFoundError):
                logger.warning("validation snapshot %s is unreadable (%s): validating in full", self.path, exc)
            return None

    def save(self, report: ValidationReport) -> bool:
        """Store ``report`` atomically (write, then rename); False, with a log line, where that is not allowed."""
        body = json.dumps({"fingerprint": self.fingerprint, "report": report.to_dict()}, ensure_ascii=False)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(
                "w", encoding="utf-8", dir=self.path.parent, prefix=".validation-", delete=False
            ) as handle:
                handle.write(body)
            try:
                os.replace(handle.name, self.path)
            except OSError:
                Path(handle.name).unlink(missing_ok=True)
                raise
        except OSError as exc:
            logger.info("validation snapshot not stored in %s (%s): the next start validates again", self.path, exc)
            return False
        return True
