"""Rewrite absolute ``app`` imports inside app/ as relative ones (``from app.kg import X`` -> ``from .kg import X``).

Why: the repository keeps the code in app/, but a wheel installs it as the package ``anklekg`` (pyproject.toml maps
one to the other), so the code must not name its own package. tests/test_architecture.py fails on any absolute
``app`` import under app/ and names this script; run it after a merge brings one in:

    .venv/bin/python scripts/relative_imports.py          # rewrite in place, print what changed
    .venv/bin/python scripts/relative_imports.py --check  # exit 1 and list them, change nothing
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "app"


def package_of(path: Path, root: Path = ROOT) -> list[str]:
    """The package a source file's relative imports are resolved in (app/kg.py: app; app/api/__init__.py: app.api)."""
    parts = list(path.relative_to(root).with_suffix("").parts)
    parts.pop()  # the module itself, or __init__ (whose package is its folder)
    return parts


def relative(module: str, package: list[str]) -> str:
    """``module`` (absolute, inside app) as seen from ``package``: app.errors from app.api.routes is ...errors."""
    target = module.split(".")
    common = 0
    while common < min(len(target), len(package)) and target[common] == package[common]:
        common += 1
    dots = "." * (len(package) - common + 1)
    return dots + ".".join(target[common:])


def absolute_imports(source: str) -> list[ast.ImportFrom | ast.Import]:
    """Every import of ``app`` or ``app.*`` that names the package, at any depth (TYPE_CHECKING blocks included)."""
    found: list[ast.ImportFrom | ast.Import] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module == PACKAGE or node.module.startswith(PACKAGE + "."):
                found.append(node)
        elif isinstance(node, ast.Import) and any(
            a.name == PACKAGE or a.name.startswith(PACKAGE + ".") for a in node.names
        ):
            found.append(node)
    return found


def rewrite(path: Path, root: Path = ROOT) -> tuple[str, list[str]]:
    """The file's text with its ``from app... import`` lines made relative, and a note per change.

    ``import app.x`` has no relative form; it is reported, not rewritten (app/ has none today).
    """
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    package = package_of(path, root)
    notes: list[str] = []
    for node in sorted(absolute_imports(source), key=lambda n: n.lineno, reverse=True):
        where = f"{path.relative_to(root)}:{node.lineno}"
        if isinstance(node, ast.Import):
            notes.append(f"{where}: 'import {', '.join(a.name for a in node.names)}' cannot be made relative: "
                         "write it as 'from . import ...'")  # fmt: skip
            continue
        assert node.module is not None
        line = lines[node.lineno - 1]
        old = f"from {node.module} import"
        if old not in line:  # a statement split unusually; leave it to a person
            notes.append(f"{where}: {node.module}: not on one line with 'import'; rewrite it by hand")
            continue
        module = node.module
        if module == PACKAGE and [a.name for a in node.names] == ["__version__"]:
            module = f"{PACKAGE}.version"  # its home; the package's front door imports the facade (an import cycle)
        new = f"from {relative(module, package)} import"
        lines[node.lineno - 1] = line.replace(old, new, 1)
        notes.append(f"{where}: {old} -> {new}")
    return "".join(lines), notes[::-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="list the absolute imports and exit 1; change nothing")
    args = parser.parse_args(argv)
    pending = 0
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        text, notes = rewrite(path)
        for note in notes:
            print(note)
        pending += len(notes)
        if notes and not args.check:
            path.write_text(text, encoding="utf-8")
    return 1 if args.check and pending else 0


if __name__ == "__main__":
    sys.exit(main())
