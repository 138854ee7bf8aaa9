"""Which structures matter most: the breadth of each one's injury, for researchers.

Breadth is counted from the engine's own forward answer (grade III) for every candidate structure,
so it inherits the sources and rules of each conclusion; betweenness centrality on the undirected
projection (networkx) is reported beside it as a purely structural measure.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import BaseModel, Field

from ..knowledge.base import KnowledgeBase
from ..models import EntityEntry, Page, page_links
from .differential import DifferentialEngine
from .impact import ImpactEngine, Stability


class CriticalityItem(BaseModel):
    structure: EntityEntry
    score: float = Field(description="Weighted breadth of the injury's impact (see `weights`).")
    unstable_motions: int
    weakened_motions: int
    positive_tests: int
    numbness_areas: int
    nerves_at_risk: int
    affected_structures: int
    betweenness: float = Field(description="Betweenness centrality in the undirected projection (0-1).")


class CriticalityReport(Page[CriticalityItem]):
    """Structures ranked by the breadth of their injury's impact, a page at a time."""

    weights: dict[str, float]


WEIGHTS = {
    "unstable_motions": 1.0,
    "weakened_motions": 1.0,
    "positive_tests": 0.5,
    "numbness_areas": 0.5,
    "nerves_at_risk": 0.25,
    "affected_structures": 0.25,
}


class CriticalityAnalysis:
    """Ranks structures by the breadth of their injury's impact (computed once, then cached)."""

    def __init__(self, kb: KnowledgeBase, engine: ImpactEngine, differential: DifferentialEngine) -> None:
        self.kb = kb
        self.engine = engine
        self.differential = differential

    @cached_property
    def _betweenness(self) -> dict[str, float]:
        import networkx as nx  # on first use: a start does without its import

        undirected = nx.Graph(self.kb.graph.to_undirected(as_view=True))
        sample = min(200, undirected.number_of_nodes())
        scores: dict[str, float] = nx.betweenness_centrality(undirected, k=sample, seed=7)
        return scores

    @cached_property
    def items(self) -> list[CriticalityItem]:
        items = []
        for structure in self.differential.candidates():
            report = self.engine.impact([(structure, 3)])
            counts = {
                "unstable_motions": sum(1 for d in report.destabilised_motions if d.status is not Stability.REDUCED),
                "weakened_motions": len(report.weakened_motions),
                "positive_tests": len(report.expected_positive_tests),
                "numbness_areas": len(report.numbness_areas),
                "nerves_at_risk": len(report.nerves_at_risk),
                "affected_structures": len(report.injuries) - 1,
            }
            term = self.kb.terms.get(structure)
            ref = self.kb.ref(structure)
            items.append(
                CriticalityItem(
                    structure=EntityEntry(
                        **ref.model_dump(), types=[self.kb.ref(t) for t in (term.types if term else ())]
                    ),
                    score=round(sum(WEIGHTS[k] * v for k, v in counts.items()), 4),
                    betweenness=round(self._betweenness.get(structure, 0.0), 6),
                    **counts,
                )
            )
        return sorted(items, key=lambda i: (-i.score, -i.betweenness, i.structure.label))

    def rank(
        self, *, types: set[str] | None = None, limit: int = 20, offset: int = 0, base: str = ""
    ) -> CriticalityReport:
        """A page of the ranking; ``base`` roots the ``next``/``prev`` links (see app.models.page_links)."""
        chosen = [
            i for i in self.items
            if types is None or any(t.id in types for t in i.structure.types) or self._is_any(i.structure.id, types)
        ]  # fmt: skip
        params = [("type", t) for t in sorted(types or ())]
        after, before = page_links(
            base, "/v1/analytics/criticality", params, limit=limit, offset=offset, more=offset + limit < len(chosen)
        )
        return CriticalityReport(
            weights=WEIGHTS, items=chosen[offset : offset + limit], total=len(chosen), limit=limit, offset=offset,
            next=after, prev=before,
        )  # fmt: skip

    def _is_any(self, curie: str, types: set[str]) -> bool:
        return any(self.kb.is_a(curie, t) for t in types)
