"""Answers in a notebook: compact HTML tables (_repr_html_) and pandas DataFrames (to_frame), as a researcher meets
them in Jupyter; and an unknown name's message that says what was meant."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pandas
import pytest

from app.errors import UnknownTerm
from app.kg import AnkleKG
from app.models import EDUCATIONAL_NOTICE
from app.reasoning.impact.models import IMPACT_CAPTIONS
from app.tables import NOTEBOOK_EXTRA, Table, Tabular
from tests.conftest import ROOT


def answers(kg: AnkleKG) -> dict[str, Tabular]:
    return {
        "impact": kg.impact([("ATFL", 3), ("CFL", 3)]),
        "entity": kg.entity("ATFL"),
        "differential": kg.differential(positive_tests=["anterior drawer test"], mechanism=("inversion", None)),
    }


def parse(html: str) -> ET.Element:
    """Parsed as XML: a tag left open, a stray ``<`` or ``&`` from the data would fail here."""
    return ET.fromstring(html)


@pytest.mark.parametrize("kind", ["impact", "entity", "differential"])
def test_an_answer_renders_as_well_formed_tables_with_the_notice(kg: AnkleKG, kind: str) -> None:
    root = parse(answers(kg)[kind]._repr_html_())
    tables = root.findall(".//table")
    assert tables and all(t.find("thead/tr/th") is not None for t in tables)
    assert all(len(row) == len(t.findall("thead/tr/th")) for t in tables for row in t.findall("tbody/tr")[:-1])
    assert "".join(root.itertext()).strip().endswith(EDUCATIONAL_NOTICE)


def test_the_impact_tables_are_its_sections_with_the_columns_they_fill(kg: AnkleKG) -> None:
    report = kg.impact("ATFL")
    root = parse(report._repr_html_())
    captions = [c.text or "" for c in root.iter("caption")]
    motions = report.destabilised_motions
    assert f"{IMPACT_CAPTIONS['destabilised_motions']} ({len(motions)})" in captions
    table = next(t for t in root.iter("table") if (t.findtext("caption") or "").startswith("Destabilised"))
    headers = [th.text for th in table.iter("th")]
    assert {"joint", "status", "fraction_lost", "sources"} <= set(headers) and "section" not in headers
    first = dict(zip(headers, [td.text for td in table.find("tbody/tr") or []], strict=True))
    assert first["label"] == motions[0].motion.label and first["joint"] == motions[0].joint.label


def test_html_escapes_what_the_data_holds_and_keeps_notebook_cells_short() -> None:
    hostile = "<script>alert('x')</script> & \"quoted\""
    table = Table(
        title=hostile,
        columns=("section", "label"),
        rows=[{"section": "a", "label": hostile}] * 30,
        notice="notice <b>",
        group_by="section",
        captions={"a": "A & B"},
    )
    html = table.to_html()
    root = parse(html)
    assert root.find(".//script") is None and root.find(".//b") is None
    assert root.findtext(".//p/strong") == hostile and root.findtext(".//td") == hostile
    assert root.findtext(".//caption") == "A & B (30)"
    rows = root.findall(".//tbody/tr")
    assert len(rows) == 13 and "18 more rows" in "".join(rows[-1].itertext())


def test_to_frame_has_every_row_with_numbers_as_numbers(kg: AnkleKG) -> None:
    report = kg.impact("ATFL")
    frame = report.to_frame()
    assert isinstance(frame, pandas.DataFrame)
    motions = frame[frame["section"] == "destabilised_motions"]
    assert list(motions["label"]) == [d.motion.label for d in report.destabilised_motions]
    assert motions["fraction_lost"].tolist() == [d.fraction_lost for d in report.destabilised_motions]
    assert pandas.api.types.is_float_dtype(motions["fraction_lost"])
    assert frame.attrs["notice"] == EDUCATIONAL_NOTICE
    entity = kg.entity("ATFL").to_frame()
    names = entity[entity["section"] == "names"]
    assert ("abbreviation", "ATFL") in set(zip(names["predicate"], names["label"], strict=True))
    ranked = kg.differential(positive_tests=["anterior drawer test"]).to_frame()
    assert ranked["rank"].tolist() == list(range(1, len(ranked) + 1))


def test_to_frame_without_pandas_says_which_extra_installs_it() -> None:
    """pandas made unimportable in a fresh interpreter (None in sys.modules is how Python marks a module absent)."""
    code = (
        "import sys; sys.modules['pandas'] = None\n"
        "from app.kg import AnkleKG\n"
        "report = AnkleKG.load().impact('ATFL')\n"
        "assert report._repr_html_().startswith('<div')  # the HTML needs no pandas\n"
        "try:\n    report.to_frame()\nexcept ImportError as exc:\n    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"to_frame() needs pandas, which is optional: {NOTEBOOK_EXTRA}"


def test_an_unknown_name_says_what_was_meant(kg: AnkleKG) -> None:
    with pytest.raises(UnknownTerm) as unknown:
        kg.impact("ATFX")
    message = str(unknown.value)
    assert message.startswith("no entity is named 'ATFX' (in injured); did you mean: ")
    assert "anterior talofibular ligament (ANKLE:0000016)" in message
