"""Graph-first, pure traversal functions over the projection (networkx style)."""

from __future__ import annotations

from collections.abc import Collection

import networkx as nx

__all__ = ["neighbourhood"]


def neighbourhood(
    graph: nx.MultiDiGraph, node: str, depth: int = 1, predicates: Collection[str] | None = None
) -> nx.MultiDiGraph:
    """The subgraph of nodes within ``depth`` hops of ``node``, following edges either way.

    Only edges whose key is in ``predicates`` are followed when it is given.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for u, v, k in [("a", "b", "p"), ("b", "c", "q"), ("d", "a", "p")]:
    ...     _ = g.add_edge(u, v, key=k)
    >>> sorted(neighbourhood(g, "a", 1).nodes)
    ['a', 'b', 'd']
    >>> sorted(neighbourhood(g, "a", 2, predicates={"p"}).nodes)
    ['a', 'b', 'd']
    """
    if node not in graph:
        raise nx.NodeNotFound(f"node {node!r} is not in the graph")
    seen = {node}
    frontier = {node}
    kept: list[tuple[str, str, str]] = []
    for _ in range(depth):
        reached: set[str] = set()
        for current in frontier:
            for _, target, key in graph.out_edges(current, keys=True):
                if predicates is None or key in predicates:
                    kept.append((current, target, key))
                    reached.add(target)
            for source, _, key in graph.in_edges(current, keys=True):
                if predicates is None or key in predicates:
                    kept.append((source, current, key))
                    reached.add(source)
        frontier = reached - seen
        seen |= reached
    sub = nx.MultiDiGraph()
    sub.add_nodes_from((n, graph.nodes[n]) for n in seen)
    for source, target, key in kept:
        sub.add_edge(source, target, key=key, **graph.edges[source, target, key])
    return sub
