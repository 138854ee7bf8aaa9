"""From the data files named by the settings to a validated knowledge base with its networkx projection.

The one place that knows the load order: parse (app.ontology.load), validate (app.ontology.validation),
derive the mapping set from the xrefs (app.ontology.mappings), index (app.knowledge.base) and project
(app.graph.projection). Building the projection here keeps the knowledge package from depending on the
graph package, which depends on it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from .errors import OntologyInvalid
from .knowledge.base import KnowledgeBase, build_knowledge_base
from .ontology.load import load_store
from .ontology.mappings import MAPPING_TABLE, derive_mappings, mapping_quads
from .ontology.validation import ValidationReport, inputs, validate
from .ontology.validation.stamp import ValidationStamp
from .settings import Settings
from .snapshot import Snapshot

if TYPE_CHECKING:
    from .learn import BrowseGroups
    from .reasoning.differential import Profiles
    from .snapshot import StoredAnswers

__all__ = ["LoadedKnowledge", "load_knowledge", "load_knowledge_base", "validated_report", "validation_stamp"]

logger = logging.getLogger(__name__)


def _no_profiles() -> Profiles | None:
    return None


def _no_browse() -> BrowseGroups | None:
    return None


def _no_answers() -> StoredAnswers | None:
    return None


@dataclass(frozen=True)
class LoadedKnowledge:
    """A loaded knowledge base and how it was loaded: from a snapshot (``dataset_file`` is then the SPARQL
    dataset the workers load, ``profiles`` reads the differential's profiles, ``browse`` the browse groups and
    ``answers`` opens the stored answers) or in full (``why``)."""

    kb: KnowledgeBase
    report: ValidationReport | None
    snapshot: Path | None = None
    why: str = ""
    dataset_file: Path | None = None
    profiles: Callable[[], Profiles | None] = field(default=_no_profiles)
    browse: Callable[[], BrowseGroups | None] = field(default=_no_browse)
    answers: Callable[[], StoredAnswers | None] = field(default=_no_answers)

    @property
    def source(self) -> str:
        """One line for the log and /health: where the graph came from."""
        return f"snapshot {self.snapshot}" if self.snapshot else f"full load ({self.why})"


def load_knowledge(settings: Settings) -> LoadedKnowledge:
    """The knowledge base from its snapshot when one matches the data and code (app/snapshot.py), else parsed,
    validated (unless ``settings`` disable it) and indexed in full, which is said in the log.

    Raises OntologyLoadError on a syntax error and OntologyInvalid on ERROR-level violations.
    """
    snapshot = Snapshot.of(settings)
    why = "no cache folder is set (ANKLEKG_CACHE_DIR)"
    if snapshot is not None:
        stored = snapshot.read(validated=settings.validate_on_start)
        if stored is not None:
            logger.info("loaded the validated, indexed snapshot %s", snapshot.directory)
            return LoadedKnowledge(stored.kb, stored.report, snapshot.directory, "", stored.dataset_file,
                                   stored.profiles, stored.browse, stored.answers)  # fmt: skip
        why = snapshot.why_unusable() or "the snapshot could not be read"
    kb, report = load_knowledge_base(settings)
    return LoadedKnowledge(kb, report, why=why)


def load_knowledge_base(settings: Settings) -> tuple[KnowledgeBase, ValidationReport | None]:
    """Parse, validate (unless ``settings`` disable it) and index the ontology; the report is None unvalidated.

    Raises OntologyLoadError on a syntax error and OntologyInvalid on ERROR-level violations.
    """
    from .graph.projection import project_graph, project_links  # networkx: imported when first used

    store = load_store(settings.ontology_paths)
    report = None
    if settings.validate_on_start:
        report = validated_report(store, settings)
        if not report.ok:
            raise OntologyInvalid(report)
    # After validation, which reads the data files as written: the mappings are derived from their xrefs.
    table = settings.data_dir / MAPPING_TABLE
    if not table.is_file():
        logger.warning("%s is missing: no editor-reviewed mappings; every predicate is derived from the data", table)
    mappings = derive_mappings(store, table)
    store.extend(mapping_quads(mappings))
    return build_knowledge_base(store, project_graph, mappings=mappings, link=project_links), report


def validated_report(store: ox.Store, settings: Settings) -> ValidationReport:
    """The validation report of these data files: the stored one when every input is unchanged, else a new one.

    A new report is stored for the next start (see app/ontology/validation/stamp.py); ``cache_dir`` None
    validates every time and stores nothing.
    """
    stamp = validation_stamp(settings)
    if stamp is not None:
        stored = stamp.load()
        if stored is not None:
            logger.info("validation: inputs unchanged since %s was made; its report is reused", stamp.path)
            return stored
        logger.info("validation: no stored report for these inputs (%s): validating in full", stamp.fingerprint[:12])
    report = validate(
        store, data_dir=settings.data_dir, reference_csv=settings.reference_csv, shacl=settings.shacl_on_start
    )
    if stamp is not None:
        stamp.save(report)
    return report


def validation_stamp(settings: Settings) -> ValidationStamp | None:
    """The fingerprint of what validating these settings' data reads; None when no cache folder is set."""
    if settings.cache_dir is None:
        return None
    shacl, reference = settings.shacl_on_start, settings.reference_csv
    files = [*settings.ontology_paths, *inputs(settings.data_dir, shacl=shacl, reference_csv=reference)]
    options = {"shacl": shacl, "reference_table": reference is not None}
    return ValidationStamp.of(files, options=options, cache_dir=settings.cache_dir)
