"""Graph-first, pure traversal functions over the projection (networkx style)."""

from __future__ import annotations

import itertools
from collections.abc import Collection

import networkx as nx

__all__ = ["neighbourhood", "shortest_paths"]


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


def shortest_paths(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    *,
    max_hops: int = 4,
    predicates: Collection[str] | None = None,
    limit: int = 10,
) -> list[list[tuple[str, str, str]]]:
    """The shortest path from ``source`` to ``target`` and the next shortest ones (edges followed
    either way), at most ``max_hops`` long, each a list of ``(subject, predicate, object)`` edges.

    Paths come in order of length (Yen's algorithm via ``nx.shortest_simple_paths``) and differ in
    their nodes; a hop that several edges join picks one of them (asserted edges first). At most
    ``limit`` paths are returned.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> for u, v, k in [("a", "b", "p"), ("c", "b", "q"), ("a", "d", "p"), ("d", "e", "p"), ("e", "c", "p")]:
    ...     _ = g.add_edge(u, v, key=k)
    >>> shortest_paths(g, "a", "c")
    [[('a', 'p', 'b'), ('c', 'q', 'b')], [('a', 'p', 'd'), ('d', 'p', 'e'), ('e', 'p', 'c')]]
    >>> shortest_paths(g, "a", "c", max_hops=2)
    [[('a', 'p', 'b'), ('c', 'q', 'b')]]
    """
    for node in (source, target):
        if node not in graph:
            raise nx.NodeNotFound(f"node {node!r} is not in the graph")
    allowed = set(predicates) if predicates is not None else None
    view = nx.Graph()
    view.add_nodes_from(graph.nodes)
    for u, v, key in graph.edges(keys=True):
        if allowed is None or key in allowed:
            view.add_edge(u, v)
    node_paths: list[list[str]] = []
    try:
        for path in nx.shortest_simple_paths(view, source, target):
            if len(path) - 1 > max_hops or len(node_paths) >= limit:
                break
            node_paths.append(path)
    except nx.NetworkXNoPath:
        return []

    def edge(u: str, v: str) -> tuple[str, str, str]:
        candidates = [(u, v, k, d) for k, d in graph.get_edge_data(u, v, default={}).items()]
        candidates += [(v, u, k, d) for k, d in graph.get_edge_data(v, u, default={}).items()]
        candidates = [c for c in candidates if allowed is None or c[2] in allowed]
        best = min(candidates, key=lambda c: (bool(c[3].get("inferred")), c[2], c[0]))
        return best[0], best[2], best[1]

    return [[edge(u, v) for u, v in itertools.pairwise(path)] for path in node_paths]
