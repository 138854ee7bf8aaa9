"""Regenerate docs/coverage.md, docs/references.md and the README's counts from the data.

Usage: python scripts/build_docs.py [--check]
--check writes nothing and exits 1 when a committed file differs from what the data gives
(tests/test_generated_docs.py runs it, so stale documents fail the suite).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.kg import AnkleKG  # noqa: E402
from app.reports import coverage_markdown, readme_counts, references_markdown, replace_counts  # noqa: E402
from app.settings import Settings  # noqa: E402


def generated(kg: AnkleKG, settings: Settings) -> dict[Path, str]:
    readme = ROOT / "README.md"
    return {
        ROOT / "docs" / "coverage.md": coverage_markdown(kg, settings.reference_csv),
        ROOT / "docs" / "references.md": references_markdown(kg),
        readme: replace_counts(readme.read_text(encoding="utf-8"), readme_counts(kg, settings.reference_csv)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated file is stale")
    args = parser.parse_args()
    settings = Settings()
    kg = AnkleKG.load(settings)
    stale = []
    for path, text in generated(kg, settings).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if args.check:
            stale.append(path.relative_to(ROOT))
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("stale (run python scripts/build_docs.py): " + ", ".join(map(str, stale)), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
