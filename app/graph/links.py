"""The projection's links as arrays: what paths and neighbourhoods walk, without networkx's dicts.

A networkx MultiDiGraph holds every edge as a dict of its attributes in a dict of its keys in two dicts of
neighbours (~300 bytes an edge; at 100 copies of the bundled graph 79 MiB). :class:`Links` keeps the same edges in
compressed sparse rows, by node number: each node's out-edges (target, predicate, data) and in-edges (source, the
out-edge's number) in arrays, 18 bytes an edge. An edge's data is its sources (one tuple per distinct list of
sources, shared with the records) and whether it is inferred.

The order is networkx's, kept exactly: nodes in the graph's order, a node's out-edges by neighbour in the order
each neighbour was first linked and then by key in insertion order, its in-edges likewise; so a walk over the links
meets the edges in the order it met them in the graph, and its answers are the same.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterator
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["EdgeData", "Links"]


class EdgeData(NamedTuple):
    """What an edge says besides its ends and predicate: its sources, and whether it was inferred."""

    sources: tuple[str, ...]
    inferred: bool


class Links:
    """The projection's nodes and edges in arrays (see the module docstring); built by :meth:`of`, never changed.

    ``labels``: the label and types of the nodes that are not terms of the knowledge base (the n-ary facts:
    restraints, muscle actions); a term's are the knowledge base's.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> for u, v, k in [("a", "b", "p"), ("c", "b", "q"), ("a", "b", "q")]:
    ...     _ = g.add_edge(u, v, key=k, sources=("s",), inferred=k == "q")
    >>> links = Links.of(g)
    >>> list(links.out_edges("a"))
    [('b', 'p', EdgeData(sources=('s',), inferred=False)), ('b', 'q', EdgeData(sources=('s',), inferred=True))]
    >>> [(source, key) for source, key, _ in links.in_edges("b")]
    [('a', 'p'), ('a', 'q'), ('c', 'q')]
    >>> links.edge("c", "b", "q").inferred, "d" in links, sorted(links.predicates)
    (True, False, ['p', 'q'])
    """

    __slots__ = (
        "_data", "_in_edge", "_in_source", "_in_start", "_index", "_out_data", "_out_key", "_out_start",
        "_out_target", "labels", "nodes", "predicates",
    )  # fmt: skip

    def __init__(
        self, nodes: tuple[str, ...], predicates: tuple[str, ...], data: tuple[tuple[str, ...], ...],
        labels: dict[str, tuple[str, tuple[str, ...]]], out: tuple[array[int], array[int], array[int], array[int]],
        into: tuple[array[int], array[int], array[int]],
    ) -> None:  # fmt: skip
        self.nodes = nodes
        self.predicates = predicates
        self.labels = labels
        self._data = data
        self._out_start, self._out_target, self._out_key, self._out_data = out
        self._in_start, self._in_source, self._in_edge = into
        self._index = {node: number for number, node in enumerate(nodes)}

    def __reduce__(self) -> tuple[type[Links], tuple[object, ...]]:
        """Pickled as its tuples and arrays; the index of the nodes' numbers is built again when read."""
        out = (self._out_start, self._out_target, self._out_key, self._out_data)
        into = (self._in_start, self._in_source, self._in_edge)
        return Links, (self.nodes, self.predicates, self._data, self.labels, out, into)

    @classmethod
    def of(cls, graph: nx.MultiDiGraph, terms: Collection[str] = ()) -> Links:
        """The links of a projection (app.graph.projection), in its order; ``terms``: the nodes whose label and types
        the knowledge base holds (not kept here)."""
        nodes = tuple(graph)
        index = {node: number for number, node in enumerate(nodes)}
        predicates: dict[str, int] = {}
        data: dict[tuple[str, ...], int] = {}
        out_start, out_target, out_key, out_data = array("I", [0]), array("I"), array("H"), array("I")
        numbers: dict[tuple[str, str, str], int] = {}
        for u in nodes:
            for v, keys in graph._succ[u].items():
                for key, attributes in keys.items():
                    numbers[(u, v, key)] = len(out_target)
                    out_target.append(index[v])
                    out_key.append(predicates.setdefault(key, len(predicates)))
                    sources = tuple(attributes.get("sources", ()))
                    # the data's number and whether it is inferred in one: sources number n, inferred or not
                    out_data.append(data.setdefault(sources, len(data)) << 1 | bool(attributes.get("inferred")))
            out_start.append(len(out_target))
        in_start, in_source, in_edge = array("I", [0]), array("I"), array("I")
        for v in nodes:
            for u, keys in graph._pred[v].items():
                for key in keys:
                    in_source.append(index[u])
                    in_edge.append(numbers[(u, v, key)])
            in_start.append(len(in_source))
        labels = {
            node: (str(attributes["label"]), tuple(attributes.get("types", ())))
            for node, attributes in graph.nodes(data=True)
            if node not in terms and "label" in attributes
        }
        return cls(nodes, tuple(predicates), tuple(data), labels, (out_start, out_target, out_key, out_data),
                   (in_start, in_source, in_edge))  # fmt: skip

    def __contains__(self, node: object) -> bool:
        return node in self._index

    def __len__(self) -> int:
        return len(self.nodes)

    def number(self, node: str) -> int:
        """The node's position in the graph's order (KeyError if it is not a node)."""
        return self._index[node]

    def _edge_data(self, number: int) -> EdgeData:
        packed = self._out_data[number]
        return EdgeData(self._data[packed >> 1], bool(packed & 1))

    def out_edges(self, node: str) -> Iterator[tuple[str, str, EdgeData]]:
        """(target, predicate, data) of each edge from ``node``, in the graph's order."""
        number = self._index[node]
        nodes, keys, targets = self.nodes, self.predicates, self._out_target
        for edge in range(self._out_start[number], self._out_start[number + 1]):
            yield nodes[targets[edge]], keys[self._out_key[edge]], self._edge_data(edge)

    def in_edges(self, node: str) -> Iterator[tuple[str, str, EdgeData]]:
        """(source, predicate, data) of each edge into ``node``, in the graph's order."""
        number = self._index[node]
        nodes, keys = self.nodes, self.predicates
        for at in range(self._in_start[number], self._in_start[number + 1]):
            edge = self._in_edge[at]
            yield nodes[self._in_source[at]], keys[self._out_key[edge]], self._edge_data(edge)

    def key_numbers(self, predicates: Collection[str]) -> set[int]:
        """The numbers of ``predicates`` among the links' (those no edge has are left out)."""
        return {number for number, key in enumerate(self.predicates) if key in predicates}

    def adjacent(self, number: int, keys: AbstractSet[int] | None = None) -> list[int]:
        """The numbers of the nodes one edge (of a predicate numbered in ``keys``, when given) joins to node ``number``
        either way: first those its edges lead to, then those whose edges lead to it, once per edge."""
        start, end = self._out_start[number], self._out_start[number + 1]
        first, last = self._in_start[number], self._in_start[number + 1]
        if keys is None:
            return [*self._out_target[start:end], *self._in_source[first:last]]
        out_key = self._out_key
        found = [t for t, k in zip(self._out_target[start:end], out_key[start:end], strict=True) if k in keys]
        found += [u for u, e in zip(self._in_source[first:last], self._in_edge[first:last], strict=True)
                  if out_key[e] in keys]  # fmt: skip
        return found

    def out_numbers(self, number: int) -> Iterator[tuple[int, int]]:
        """(target's number, predicate's number) of each edge from node ``number``, in the graph's order."""
        start, end = self._out_start[number], self._out_start[number + 1]
        return zip(self._out_target[start:end], self._out_key[start:end], strict=True)

    def edges_between(self, u: str, v: str) -> list[tuple[str, EdgeData]]:
        """(predicate, data) of each edge from ``u`` to ``v``, in the graph's order."""
        number, target = self._index[u], self._index[v]
        start, end = self._out_start[number], self._out_start[number + 1]
        row = self._out_target[start:end]  # found by array.index, in C: a hub has thousands of edges
        found: list[tuple[str, EdgeData]] = []
        at = -1
        while True:
            try:
                at = row.index(target, at + 1)
            except ValueError:
                return found
            found.append((self.predicates[self._out_key[start + at]], self._edge_data(start + at)))

    def edge(self, u: str, v: str, key: str) -> EdgeData:
        """The data of the edge from ``u`` to ``v`` with predicate ``key`` (KeyError if there is none)."""
        for predicate, data in self.edges_between(u, v):
            if predicate == key:
                return data
        raise KeyError((u, v, key))
