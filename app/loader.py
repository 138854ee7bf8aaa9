"""From the data files named by the settings to a validated knowledge base with its networkx projection.

The one place that knows the load order: parse (app.ontology.load), validate (app.ontology.validation),
index (app.knowledge.base) and project (app.graph.projection). Building the projection here keeps
the knowledge package from depending on the graph package, which depends on it.
"""

from __future__ import annotations

from app.errors import OntologyInvalid
from app.graph.projection import project_graph
from app.knowledge.base import KnowledgeBase, build_knowledge_base
from app.ontology.load import load_store
from app.ontology.validation import ValidationReport, validate
from app.settings import Settings

__all__ = ["load_knowledge_base"]


def load_knowledge_base(settings: Settings) -> tuple[KnowledgeBase, ValidationReport | None]:
    """Parse, validate (unless ``settings`` disable it) and index the ontology; the report is None unvalidated.

    Raises OntologyLoadError on a syntax error and OntologyInvalid on ERROR-level violations.
    """
    store = load_store(settings.ontology_paths)
    report = None
    if settings.validate_on_start:
        report = validate(
            store, data_dir=settings.data_dir, reference_csv=settings.reference_csv, shacl=settings.shacl_on_start
        )
        if not report.ok:
            raise OntologyInvalid(report)
    return build_knowledge_base(store, project_graph), report
