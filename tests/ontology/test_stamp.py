"""A stored validation report is reused only while every input it was made from is byte-for-byte the same."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from app.errors import OntologyInvalid
from app.loader import load_knowledge_base, validation_stamp
from app.ontology.validation import ValidationReport
from app.settings import Settings

DATA = Path(__file__).resolve().parents[2] / "data"
LOADER_LOG = "app.loader"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("sparql-examples"))
    return target


def settings_for(data_dir: Path, cache_dir: Path | None) -> Settings:
    reference = data_dir / "reference" / "ankle_structures.csv"
    return Settings(data_dir=data_dir, cache_dir=cache_dir, reference_csv=reference, shacl_on_start=False)


def load_and_tell(settings: Settings, caplog: pytest.LogCaptureFixture) -> tuple[ValidationReport | None, str]:
    """Load; say whether the stored report was reused or validation ran."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger=LOADER_LOG):
        _, report = load_knowledge_base(settings)
    messages = " ".join(r.getMessage() for r in caplog.records if r.name == LOADER_LOG)
    return report, "reused" if "is reused" in messages else "validated" if "validating in full" in messages else "?"


def test_second_start_reuses_the_report_made_by_the_first(
    data_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(data_copy, tmp_path / "cache")
    first, how_first = load_and_tell(settings, caplog)
    second, how_second = load_and_tell(settings, caplog)
    assert (how_first, how_second) == ("validated", "reused")
    assert first is not None and second is not None
    assert second.to_dict() == first.to_dict()


@pytest.mark.parametrize(
    "changed",
    ["ankle_ontology.ttl", "schema.ttl", "qc/missing_label.rq", "reference/ankle_structures.csv"],
)
def test_one_changed_byte_in_any_input_validates_again(
    data_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, changed: str
) -> None:
    settings = settings_for(data_copy, tmp_path / "cache")
    load_and_tell(settings, caplog)
    path = data_copy / changed
    path.write_bytes(path.read_bytes() + b"\n")
    assert load_and_tell(settings, caplog)[1] == "validated"


def test_a_report_made_without_shacl_is_not_reused_for_a_start_with_shacl(data_copy: Path, tmp_path: Path) -> None:
    without = validation_stamp(settings_for(data_copy, tmp_path))
    with_shacl = validation_stamp(settings_for(data_copy, tmp_path).model_copy(update={"shacl_on_start": True}))
    assert without is not None and with_shacl is not None
    assert without.fingerprint != with_shacl.fingerprint


def test_a_stored_failing_report_still_stops_the_start(data_copy: Path, tmp_path: Path) -> None:
    ontology = data_copy / "ankle_ontology.ttl"
    # a structure with no label and no definition: ERROR-level QC findings
    ontology.write_text(ontology.read_text() + "\nANKLE:0999999 a owl:Class .\n")
    settings = settings_for(data_copy, tmp_path / "cache")
    for _ in range(2):  # validated, then read back from the stored report: both refuse
        with pytest.raises(OntologyInvalid):
            load_knowledge_base(settings)
    stamp = validation_stamp(settings)
    assert stamp is not None and stamp.path.is_file()


def test_a_corrupt_stored_report_means_a_full_validation(
    data_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(data_copy, tmp_path / "cache")
    load_and_tell(settings, caplog)
    stamp = validation_stamp(settings)
    assert stamp is not None
    stamp.path.write_text('{"fingerprint": "not json')
    assert load_and_tell(settings, caplog)[1] == "validated"
    assert load_and_tell(settings, caplog)[1] == "reused"  # rewritten by the full run


def test_without_a_cache_folder_every_start_validates_and_nothing_is_written(
    data_copy: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = settings_for(data_copy, None)
    assert validation_stamp(settings) is None
    before = set(tmp_path.rglob("validation-*.json"))
    report, _ = load_and_tell(settings, caplog)
    assert report is not None and report.ok
    assert set(tmp_path.rglob("validation-*.json")) == before


def test_an_unwritable_cache_folder_does_not_stop_the_start(data_copy: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    _, report = load_knowledge_base(settings_for(data_copy, blocker / "cache"))
    assert report is not None and report.ok
