"""Declared rule <-> implementation <-> test file <-> fixture graph, one to one.

Every akg:Rule in data/rules/ has exactly one implementation registered with ``@implements`` (REGISTRY), one test
file ``test_<rule>.py`` in this directory and one fixture graph ``<rule>.ttl`` in tests/data/rules/ (besides
common.ttl); fixture graphs cite only the fixture source and do not redefine one another's entities.
"""

from __future__ import annotations

from collections import Counter

import pyoxigraph as ox

from app.reasoning.impact import REGISTRY
from tests.reasoning.rules.fixture import FIXTURE_SOURCE, FIXTURES, RULES, TESTS, fixture_name

ANKLE = "https://w3id.org/anklekg/ANKLE_"
DCTERMS_SOURCE = ox.NamedNode("http://purl.org/dc/terms/source")
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
DECLARED = set(RULES.rules)


def test_every_declared_rule_has_one_implementation_and_nothing_else_is_implemented() -> None:
    assert set(REGISTRY) == DECLARED
    assert len(set(REGISTRY.values())) == len(REGISTRY)  # one function per rule


def test_every_declared_rule_has_one_test_file() -> None:
    present = {p.name for p in TESTS.glob("test_*.py")} - {"test_registry.py"}
    assert present == {f"test_{fixture_name(r)}.py" for r in DECLARED}


def test_every_declared_rule_has_one_fixture_graph() -> None:
    present = {p.stem for p in FIXTURES.glob("*.ttl")} - {"common"}
    assert present == {fixture_name(r) for r in DECLARED}


def _graph(name: str) -> ox.Store:
    store = ox.Store()
    store.load(path=str(FIXTURES / name), format=ox.RdfFormat.TURTLE)
    return store


def test_fixture_graphs_cite_only_the_fixture_source() -> None:
    expected = ox.NamedNode(ANKLE + FIXTURE_SOURCE.removeprefix("ANKLE:"))
    for path in sorted(FIXTURES.glob("*.ttl")):
        cited = {q.object for q in _graph(path.name).quads_for_pattern(None, DCTERMS_SOURCE, None)}
        assert cited <= {expected}, f"{path.name} cites {cited - {expected}}"


def test_fixture_graphs_do_not_redefine_each_others_entities() -> None:
    defined: Counter[str] = Counter()
    for path in sorted(FIXTURES.glob("*.ttl")):
        subjects = {
            q.subject.value
            for q in _graph(path.name).quads_for_pattern(None, RDF_TYPE, None)
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(ANKLE + "999")
        }
        defined.update(subjects)
    assert [s for s, n in defined.items() if n > 1] == []
