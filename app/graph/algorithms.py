"""Graph-first, pure traversal functions over the projection's links (app.graph.links).

networkx is imported when a path is first asked for (Yen's algorithm runs on the few nodes a path may pass), not
with this module: a start, and the answers that never walk the graph (entities, impact), do without its import.
"""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Collection
from collections.abc import Set as AbstractSet
from typing import NamedTuple

from .links import EdgeData, Links

__all__ = ["Neighbourhood", "neighbourhood", "shortest_paths"]


class Neighbourhood(NamedTuple):
    """The nodes within reach of a node, and the edges (source, target, predicate, data) that reach them, each once."""

    nodes: set[str]
    edges: list[tuple[str, str, str, EdgeData]]


def neighbourhood(
    links: Links, node: str, depth: int = 1, predicates: Collection[str] | None = None
) -> Neighbourhood:
    """The nodes within ``depth`` hops of ``node``, following edges either way, and the edges followed.

    Only edges whose key is in ``predicates`` are followed when it is given. Raises KeyError for a node that is
    not in the graph.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for u, v, k in [("a", "b", "p"), ("b", "c", "q"), ("d", "a", "p")]:
    ...     _ = g.add_edge(u, v, key=k)
    >>> sorted(neighbourhood(Links.of(g), "a", 1).nodes)
    ['a', 'b', 'd']
    >>> sorted(neighbourhood(Links.of(g), "a", 2, predicates={"p"}).nodes)
    ['a', 'b', 'd']
    """
    if node not in links:
        raise KeyError(f"node {node!r} is not in the graph")
    seen = {node}
    frontier = {node}
    kept: dict[tuple[str, str, str], EdgeData] = {}
    for _ in range(depth):
        reached: set[str] = set()
        for current in frontier:
            for target, key, data in links.out_edges(current):
                if predicates is None or key in predicates:
                    kept[(current, target, key)] = data
                    reached.add(target)
            for source, key, data in links.in_edges(current):
                if predicates is None or key in predicates:
                    kept[(source, current, key)] = data
                    reached.add(source)
        frontier = reached - seen
        seen |= reached
    return Neighbourhood(seen, [(u, v, k, data) for (u, v, k), data in kept.items()])


def shortest_paths(
    links: Links,
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

    The search is bounded: a node lies on a path of at most ``max_hops`` edges only if its distances from
    ``source`` and to ``target`` add up to at most ``max_hops``, so Yen's algorithm runs on the undirected
    graph of those nodes alone, not on a copy of the whole graph; their edges are added in the whole graph's
    order, so the paths and their order are the same as over the whole graph. The distances themselves are
    measured within the nodes that two shallow breadth-first searches reach, one from each end: the i-th node
    of a walk of k <= ``max_hops`` edges is within i hops of ``source`` and k - i of ``target``, so it is within
    ``max_hops // 2`` hops of ``source`` or ``(max_hops - 1) // 2`` of ``target``; the nodes kept are the same
    as with searches of the full depth, which on a large graph reach through its hubs to most of it (100 copies
    of the bundled graph: 9,000 nodes, 60-120 ms a search).

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for u, v, k in [("a", "b", "p"), ("c", "b", "q"), ("a", "d", "p"), ("d", "e", "p"), ("e", "c", "p")]:
    ...     _ = g.add_edge(u, v, key=k)
    >>> shortest_paths(Links.of(g), "a", "c")
    [[('a', 'p', 'b'), ('c', 'q', 'b')], [('a', 'p', 'd'), ('d', 'p', 'e'), ('e', 'p', 'c')]]
    >>> shortest_paths(Links.of(g), "a", "c", max_hops=2)
    [[('a', 'p', 'b'), ('c', 'q', 'b')]]
    """
    import networkx as nx

    for node in (source, target):
        if node not in links:
            raise KeyError(f"node {node!r} is not in the graph")
    allowed = set(predicates) if predicates is not None else None
    keys = links.key_numbers(allowed) if allowed is not None else None
    start, end = links.number(source), links.number(target)
    near = (
        _distances(links, start, max_hops // 2, keys).keys()
        | _distances(links, end, (max_hops - 1) // 2, keys).keys()
    )
    from_source = _distances(links, start, max_hops, keys, near)
    to_target = _distances(links, end, max_hops, keys, near)
    # node numbers are the graph's order
    kept = sorted(n for n, d in from_source.items() if d + to_target.get(n, max_hops + 1) <= max_hops)
    within = set(kept)
    nodes = links.nodes
    view = nx.Graph()
    view.add_nodes_from(nodes[n] for n in kept)
    for u in kept:  # the graph's edge order, restricted to the kept nodes
        for v, key in links.out_numbers(u):
            if v in within and (keys is None or key in keys):
                view.add_edge(nodes[u], nodes[v])
    if source not in view or target not in view:
        return []
    node_paths: list[list[str]] = []
    try:
        for path in nx.shortest_simple_paths(view, source, target):
            if len(path) - 1 > max_hops or len(node_paths) >= limit:
                break
            node_paths.append(path)
    except nx.NetworkXNoPath:
        return []

    def edge(u: str, v: str) -> tuple[str, str, str]:
        candidates = [(u, v, k, d) for k, d in links.edges_between(u, v)]
        candidates += [(v, u, k, d) for k, d in links.edges_between(v, u)]
        candidates = [c for c in candidates if allowed is None or c[2] in allowed]
        best = min(candidates, key=lambda c: (c[3].inferred, c[2], c[0]))
        return best[0], best[2], best[1]

    return [[edge(u, v) for u, v in itertools.pairwise(path)] for path in node_paths]


def _distances(
    links: Links, start: int, depth: int, keys: AbstractSet[int] | None, within: AbstractSet[int] | None = None
) -> dict[int, int]:
    """Hops from node ``start`` to every node within ``depth`` (by number), following edges either way (of the
    predicates numbered in ``keys``), through the nodes ``within`` only when it is given."""
    seen = {start: 0}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        hops = seen[node] + 1
        if hops > depth:
            continue
        for other in links.adjacent(node, keys):
            if other not in seen and (within is None or other in within):
                seen[other] = hops
                queue.append(other)
    return seen
