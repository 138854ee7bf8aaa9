"""The vendored reference tables (data/reference/) against a newer shared copy, when one is beside the checkout.

The checkout stands alone: its QC runs on data/reference/. Where the team's shared/reference/ folder is beside
the checkout (CI lays one there), the data is also checked against it, so a newer external table that the data
no longer matches fails here with the rows to look at; with nothing beside the checkout this module skips.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from app.ontology.load import load_store
from app.ontology.validation.xrefs import check_reference_xrefs

REPO = Path(__file__).resolve().parents[2]
VENDORED = REPO / "data" / "reference"
SHARED = REPO.parent / "shared" / "reference"

BESIDE = pytest.mark.skipif(not (SHARED / "ankle_structures.csv").is_file(), reason="no shared/reference beside")


@BESIDE
def test_the_data_matches_the_shared_reference_table_too() -> None:
    store = load_store([REPO / "data" / "schema.ttl", REPO / "data" / "ankle_ontology.ttl"])
    violations = check_reference_xrefs(store, SHARED / "ankle_structures.csv")
    assert not violations, "\n".join(f"{v.entity} {v.property} {v.value}: {v.message}" for v in violations[:20])


@pytest.mark.parametrize("name", ["ankle_structures.csv", "ankle_relations_from_ontologies.csv"])
def test_the_vendored_copy_is_listed_with_its_checksum(name: str) -> None:
    digest = hashlib.sha256((VENDORED / name).read_bytes()).hexdigest()
    assert f"| {name} | `{digest}` |" in (VENDORED / "SOURCE.md").read_text(encoding="utf-8")
