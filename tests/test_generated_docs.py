"""Generated documents are never stale: they must equal what the data gives now."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT


def test_coverage_references_and_readme_counts_are_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, "scripts/build_docs.py", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr + "\nRegenerate with: python scripts/build_docs.py"
