"""Validate the loaded graph: QC queries (data/qc), SHACL shapes (data/shapes.ttl), reference-table xrefs.

The QC queries are the primary report, in the ROBOT ``report`` style (:mod:`.qc`); SHACL guards shapes and
ranges of the n-ary facts (:mod:`.shacl`); the reference-table check compares xrefs with
``data/reference/ankle_structures.csv`` (:mod:`.xrefs`). All of them write :class:`Violation` rows into one
:class:`ValidationReport` (:mod:`.report`). Any ERROR makes :attr:`ValidationReport.ok` false; WARN and INFO
are reported only. A data file that cannot be read raises :class:`app.ontology.load.OntologyLoadError`.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pyoxigraph as ox

from .qc import load_checks, run_qc
from .report import Severity, ValidationReport, Violation
from .xrefs import check_reference_xrefs

__all__ = ["QC_DIR", "SHAPES_FILE", "Severity", "ValidationReport", "Violation", "inputs", "validate"]

logger = logging.getLogger(__name__)

QC_DIR = "qc"
SHAPES_FILE = "shapes.ttl"


def inputs(data_dir: Path, *, shacl: bool, reference_csv: Path | None) -> list[Path]:
    """The files :func:`validate` reads besides the graph itself (what a stored report must be keyed by)."""
    found = [data_dir / QC_DIR]
    if shacl:
        found.append(data_dir / SHAPES_FILE)
    if reference_csv is not None:
        found.append(reference_csv)
    return found


def validate(
    store: ox.Store, *, data_dir: Path, reference_csv: Path | None = None, shacl: bool = True
) -> ValidationReport:
    """Run the QC queries, then (optionally) SHACL and the reference-table xref check.

    Run it on the graph as parsed, before inverse or other inferred triples are added to the store:
    several checks (inverse_asserted, unsourced_relation) are about what editors asserted.
    """
    started = time.perf_counter()
    violations = run_qc(store, load_checks(data_dir / QC_DIR))
    qc_done = time.perf_counter()
    if shacl:
        # imported here: pyshacl and rdflib's graph copy cost a start that reuses a stored report nothing
        from ..load import to_rdflib
        from .shacl import run_shacl

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
