"""Project the RDF graph onto a networkx MultiDiGraph that keeps every edge's sources.

Nodes are CURIEs with ``label`` and ``types``; edges are keyed by predicate CURIE and carry
``sources`` and ``inferred``. N-ary facts (restraints, muscle actions) are nodes of their own with
edges to their participants, as in the RDF, so no qualifier is lost in the projection.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import networkx as nx

from ..knowledge import schema
from ..knowledge.model import MuscleAction, Restraint, Statement, Term
from .links import Links

__all__ = ["project_graph", "project_links"]


def project_links(
    terms: Mapping[str, Term],
    statements: Iterable[Statement],
    restraints: Iterable[Restraint],
    actions: Iterable[MuscleAction],
) -> Links:
    """The projection's links (app.graph.links), what paths and neighbourhoods walk; the networkx graph they are read
    from is dropped (exports and centrality project their own when asked)."""
    return Links.of(project_graph(terms, statements, restraints, actions), terms)


def project_graph(
    terms: Mapping[str, Term],
    statements: Iterable[Statement],
    restraints: Iterable[Restraint],
    actions: Iterable[MuscleAction],
) -> nx.MultiDiGraph:
    """Build the traversal graph (see module docstring for its shape)."""
    graph = nx.MultiDiGraph()

    def name(curie: str) -> str:
        term = terms.get(curie)
        return term.label if term is not None else curie

    for term in terms.values():
        graph.add_node(term.id, label=term.label, types=term.types)
    for st in statements:
        graph.add_edge(st.subject, st.object, key=st.predicate, sources=st.sources, inferred=st.inferred)
    for r in restraints:
        # a fact node is labelled by what it says, so a drawing of the graph reads without opening it
        said = f"{name(r.structure)} restrains {name(r.motion)} ({name(r.joint)})"
        graph.add_node(r.id, label=said, types=(schema.RESTRAINT,))
        graph.add_edge(r.id, r.structure, key=schema.RESTRAINING_STRUCTURE, sources=r.sources, inferred=False)
        graph.add_edge(r.id, r.joint, key=schema.FACT_JOINT, sources=r.sources, inferred=False)
        graph.add_edge(r.id, r.motion, key=schema.FACT_MOTION, sources=r.sources, inferred=False)
        for position in sorted(r.positions):
            graph.add_edge(r.id, position, key=schema.FACT_POSITION, sources=r.sources, inferred=False)
    for a in actions:
        said = f"{name(a.muscle)} produces {name(a.motion)} ({name(a.joint)})"
        graph.add_node(a.id, label=said, types=(schema.MUSCLE_ACTION,))
        graph.add_edge(a.id, a.muscle, key=schema.ACTING_MUSCLE, sources=a.sources, inferred=False)
        graph.add_edge(a.id, a.joint, key=schema.FACT_JOINT, sources=a.sources, inferred=False)
        graph.add_edge(a.id, a.motion, key=schema.FACT_MOTION, sources=a.sources, inferred=False)
    _share_edge_data(graph)
    return graph


def _share_edge_data(graph: nx.MultiDiGraph) -> None:
    """Edges that say the same (their sources, inferred or not) share one attribute dict instead of a dict each:
    at 10 copies of the graph ~27,000 edges hold a few thousand different ones. Nothing writes to an edge's data
    once the graph is built (a subgraph or an export copies it), and a snapshot's pickle keeps the sharing."""
    shared: dict[tuple[object, ...], dict[str, object]] = {}
    for neighbours in graph._succ.values():  # node -> neighbour -> key -> data, each keydict shared with _pred
        for keys in neighbours.values():
            for key, data in keys.items():
                keys[key] = shared.setdefault(tuple(sorted(data.items())), data)
