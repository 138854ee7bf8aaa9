"""Schematic views of the ankle drawn from the graph: bands placed by their attachments, positions from a layout."""

from pathlib import Path

from ..knowledge.base import KnowledgeBase
from .layout import Layout, load_layout
from .models import SCHEMATIC_NOTICE, Diagram, DiagramList, DiagramSummary
from .views import Diagrams, UnknownView

__all__ = [
    "SCHEMATIC_NOTICE",
    "Diagram",
    "DiagramList",
    "DiagramSummary",
    "Diagrams",
    "Layout",
    "UnknownView",
    "load_diagrams",
    "load_layout",
]


def load_diagrams(path: Path, kb: KnowledgeBase) -> Diagrams:
    """Check the layout file against the graph and build every view (OntologyLoadError on a bad layout)."""
    return Diagrams(kb, load_layout(path, kb))
