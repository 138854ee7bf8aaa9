"""The import graph of app/: its parts import one another one way only, and the core never reaches up.

Each package of app/ (app.knowledge, app.graph, ...) and each top-level module (app.kg, app.errors, ...)
is one unit. Imports are read with ``ast`` from the source, so nothing is executed; imports under
``if TYPE_CHECKING:`` are left out (they name types for annotations and never run).
"""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from tests.conftest import ROOT

#: The facade (app.kg) and what is built on it; every other unit is the core, which must not import these.
#: ``app`` itself (app/__init__.py, ``import anklekg``) offers the facade, imported on first use.
ON_TOP = frozenset({"app", "app.kg", "app.api", "app.exports", "app.reports", "app.cli", "app.__main__"})


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def unit(module: str) -> str:
    """The package of app/ a module belongs to, or the top-level module itself (app.kg)."""
    return ".".join(module.split(".")[:2])


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def runtime_imports(source: str, package: str) -> Iterator[str]:
    """The modules a source file of ``package`` imports when it runs: at any depth, relative imports
    made absolute, ``from app import vocab`` read as app.vocab, TYPE_CHECKING blocks left out."""
    pending: list[ast.AST] = [ast.parse(source)]
    while pending:
        node = pending.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            pending.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, node.module] if node.module else parent)
            else:
                base = node.module or ""
            for alias in node.names:
                yield f"{base}.{alias.name}" if is_module(f"{base}.{alias.name}") else base
        pending.extend(ast.iter_child_nodes(node))


def import_graph() -> nx.DiGraph:
    """Units of app/ and the imports between them (edge attribute ``by``: the importing modules)."""
    graph = nx.DiGraph()
    for path in sorted((ROOT / "app").rglob("*.py")):
        importer = module_name(path)
        package = importer if path.name == "__init__.py" else importer.rpartition(".")[0]
        graph.add_node(unit(importer))
        for imported in runtime_imports(path.read_text(encoding="utf-8"), package):
            if imported == "app" or imported.startswith("app."):
                a, b = unit(importer), unit(imported)
                if a != b:
                    graph.add_edge(a, b)
                    graph.edges[a, b].setdefault("by", set()).add(f"{importer} -> {imported}")
    return graph


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    return import_graph()


def test_the_graph_is_read(graph: nx.DiGraph) -> None:
    assert {"app.kg", "app.knowledge", "app.graph", "app.api", "app.reasoning"} <= set(graph.nodes)
    assert graph.has_edge("app.kg", "app.knowledge")


def test_no_import_cycle_between_the_units_of_app(graph: nx.DiGraph) -> None:
    tangled = [sorted(group) for group in nx.strongly_connected_components(graph) if len(group) > 1]
    details = [
        line
        for group in tangled
        for a in group
        for b in group
        if graph.has_edge(a, b)
        for line in graph.edges[a, b]["by"]
    ]
    assert not tangled, f"import cycles between {tangled}:\n" + "\n".join(sorted(details))


def test_the_core_never_imports_the_facade_or_what_is_built_on_it(graph: nx.DiGraph) -> None:
    upward = sorted(line for a, b, by in graph.edges(data="by") if a not in ON_TOP and b in ON_TOP for line in by)
    assert not upward, "the core imports app.kg, app.api or their clients:\n" + "\n".join(upward)


def test_imports_are_read_as_they_run() -> None:
    source = """
from typing import TYPE_CHECKING
import app.vocab
from app import errors, __version__
from .model import Term
from .. import settings
if TYPE_CHECKING:
    from app.kg import AnkleKG
def later():
    from app.answers import Answers
"""
    found = set(runtime_imports(source, "app.knowledge")) - {"typing"}
    assert found == {"app.vocab", "app.errors", "app", "app.knowledge.model", "app.settings", "app.answers"}


def test_every_router_has_its_test_module() -> None:
    """Tests mirror app/api/routes/: each router module has tests/api/routes/test_<router>.py."""
    routes = ROOT / "app" / "api" / "routes"
    tests = ROOT / "tests" / "api" / "routes"
    routers = {p.stem for p in routes.glob("*.py") if p.stem != "__init__"}
    missing = sorted(r for r in routers if not (tests / f"test_{r}.py").is_file())
    assert not missing, f"routers without tests/api/routes/test_<router>.py: {missing}"


def test_no_serving_module_imports_rdflib_networkx_or_httpx() -> None:
    """A start imports what its first answer needs: rdflib (SHACL, JSON-LD export), networkx (paths, exports) and
    httpx (an external store) are imported on first use."""
    heavy = "{'rdflib', 'networkx', 'httpx', 'pyshacl'}"
    code = f"import sys, app.api.main, app.cli; print(sorted({heavy} & set(sys.modules)))"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert found == "[]"


def test_app_imports_itself_relatively_so_it_runs_installed_as_anklekg() -> None:
    """A wheel installs app/ as the package ``anklekg`` (setup.py): one absolute ``from app...`` import under app/
    would fail there, or import a notebook's own app.py. scripts/relative_imports.py finds them (and fixes them)."""
    script = ROOT / "scripts" / "relative_imports.py"
    found = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, timeout=60)
    assert found.returncode == 0, f"absolute imports of app under app/; run {script.name} to rewrite:\n{found.stdout}"


def test_the_relative_import_check_finds_an_absolute_import(tmp_path: Path) -> None:
    """The check above can fail: a module with ``from app.kg import AnkleKG`` is reported and rewritten."""
    spec = importlib.util.spec_from_file_location("relative_imports", ROOT / "scripts" / "relative_imports.py")
    assert spec is not None and spec.loader is not None
    relative_imports = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(relative_imports)
    module = tmp_path / "app" / "api" / "routes" / "x.py"
    module.parent.mkdir(parents=True)
    module.write_text(
        "from app.kg import AnkleKG\nfrom app import errors\nfrom .deps import KG\nfrom app import __version__\n",
        encoding="utf-8",
    )
    text, notes = relative_imports.rewrite(module, tmp_path)
    assert text.splitlines() == [
        "from ...kg import AnkleKG",
        "from ... import errors",
        "from .deps import KG",
        "from ...version import __version__",
    ]
    assert [note.split(": ")[0] for note in notes] == [f"app/api/routes/x.py:{n}" for n in (1, 2, 4)]
