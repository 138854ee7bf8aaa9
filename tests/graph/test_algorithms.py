"""Bounded path search and neighbourhoods (app/graph/algorithms.py) over the projection's links (app/graph/links.py),
against their definitions over the networkx graph the links are read from, on random graphs."""

from __future__ import annotations

import itertools

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from app.graph.algorithms import neighbourhood, shortest_paths
from app.graph.links import EdgeData, Links

NODES = [f"n{i}" for i in range(10)]
KEYS = ["p", "q", "r"]


def reference(
    graph: nx.MultiDiGraph, source: str, target: str, max_hops: int, allowed: set[str] | None, limit: int
) -> list[list[tuple[str, str, str]]]:
    """The definition: the nodes whose distances (over the whole graph, edges either way) from ``source`` and to
    ``target`` add up to at most ``max_hops``; Yen's algorithm over them, in the graph's order; one edge per hop."""
    undirected = nx.Graph()
    undirected.add_nodes_from(graph)
    undirected.add_edges_from((u, v) for u, v, k in graph.edges(keys=True) if allowed is None or k in allowed)
    from_source = nx.single_source_shortest_path_length(undirected, source, cutoff=max_hops)
    to_target = nx.single_source_shortest_path_length(undirected, target, cutoff=max_hops)
    kept = [n for n in graph if n in from_source and n in to_target and from_source[n] + to_target[n] <= max_hops]
    view = nx.Graph()
    view.add_nodes_from(kept)
    for u in kept:
        for v, keys in graph.succ[u].items():
            if v in kept and any(allowed is None or k in allowed for k in keys):
                view.add_edge(u, v)
    if source not in view or target not in view:
        return []
    paths: list[list[str]] = []
    try:
        for path in nx.shortest_simple_paths(view, source, target):
            if len(path) - 1 > max_hops or len(paths) >= limit:
                break
            paths.append(path)
    except nx.NetworkXNoPath:
        return []

    def edge(u: str, v: str) -> tuple[str, str, str]:
        found = [(a, b, k, d) for a, b in ((u, v), (v, u)) for k, d in graph.get_edge_data(a, b, default={}).items()]
        best = min((c for c in found if allowed is None or c[2] in allowed),
                   key=lambda c: (bool(c[3].get("inferred")), c[2], c[0]))  # fmt: skip
        return best[0], best[2], best[1]

    return [[edge(u, v) for u, v in itertools.pairwise(path)] for path in paths]


edges = st.lists(st.tuples(st.sampled_from(NODES), st.sampled_from(NODES), st.sampled_from(KEYS), st.booleans()),
                 max_size=30)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    edges=edges,
    ends=st.lists(st.sampled_from(NODES), min_size=2, max_size=2, unique=True),
    max_hops=st.integers(1, 6),
    allowed=st.none() | st.sets(st.sampled_from(KEYS), min_size=1),
    limit=st.integers(1, 8),
)
def test_the_bounded_search_finds_what_the_whole_graph_search_finds(
    edges: list[tuple[str, str, str, bool]], ends: list[str], max_hops: int, allowed: set[str] | None, limit: int
) -> None:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(NODES)
    for u, v, key, inferred in edges:
        if u != v:
            graph.add_edge(u, v, key=key, inferred=inferred)
    source, target = ends
    expected = reference(graph, source, target, max_hops, allowed, limit)
    links = Links.of(graph)
    assert shortest_paths(links, source, target, max_hops=max_hops, predicates=allowed, limit=limit) == expected


def whole_neighbourhood(
    graph: nx.MultiDiGraph, node: str, depth: int, allowed: set[str] | None
) -> tuple[set[str], set[tuple[str, str, str, EdgeData]]]:
    """The definition: the nodes within ``depth`` hops of ``node`` (edges of ``allowed`` keys, either way) and every
    edge that leaves or enters a node fewer than ``depth`` hops away."""
    undirected = nx.Graph()
    undirected.add_nodes_from(graph)
    undirected.add_edges_from((u, v) for u, v, k in graph.edges(keys=True) if allowed is None or k in allowed)
    hops = nx.single_source_shortest_path_length(undirected, node, cutoff=depth)
    edges = {
        (u, v, k, EdgeData(tuple(d.get("sources", ())), bool(d.get("inferred"))))
        for u, v, k, d in graph.edges(keys=True, data=True)
        if (allowed is None or k in allowed) and min(hops.get(u, depth), hops.get(v, depth)) < depth
    }
    return set(hops), edges


@settings(max_examples=300, deadline=None)
@given(
    edges=st.lists(
        st.tuples(st.sampled_from(NODES), st.sampled_from(NODES), st.sampled_from(KEYS), st.booleans(),
                  st.sampled_from([(), ("s1",), ("s1", "s2")])),
        max_size=30,
    ),
    node=st.sampled_from(NODES),
    depth=st.integers(1, 4),
    allowed=st.none() | st.sets(st.sampled_from(KEYS), min_size=1),
)
def test_the_neighbourhood_over_the_links_is_the_one_over_the_graph(
    edges: list[tuple[str, str, str, bool, tuple[str, ...]]], node: str, depth: int, allowed: set[str] | None
) -> None:
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(NODES)
    for u, v, key, inferred, sources in edges:
        graph.add_edge(u, v, key=key, inferred=inferred, sources=sources)
    found = neighbourhood(Links.of(graph), node, depth, allowed)
    assert len(found.edges) == len({e[:3] for e in found.edges})  # each edge once
    assert (found.nodes, set(found.edges)) == whole_neighbourhood(graph, node, depth, allowed)
