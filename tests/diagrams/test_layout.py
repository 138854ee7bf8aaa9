"""The layout file of the schematic views is checked against the graph at load: every id names an entity of the
right kind, every band end is an attachment the graph records, and a mistake is an error with the file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.diagrams import load_layout
from app.errors import OntologyLoadError
from app.kg import AnkleKG
from app.settings import Settings
from tests.conftest import DATA

LAYOUT = DATA / "diagrams" / "views.json"
ATFL, LM, TALUS, CALCANEUS, TIBIA = "ANKLE:0000016", "ANKLE:0000008", "ANKLE:0000003", "ANKLE:0000004", "ANKLE:0000001"


def layout_text(*lines: str, view_keys: str = "") -> str:
    """A one-view layout; ``lines`` go into its "sites" list, one object per line from line 6 on."""
    head = [
        "{",
        '  "views": [',
        '    {"id": "test", "title": "Test", "description": "A test view.", "size": [100, 100],' + view_keys,
        '      "bones": [{"id": "ANKLE:0000003", "d": "M 10 10 L 90 10 L 50 90 Z"}],',
        '      "sites": [',
    ]
    body = [line + ("," if i < len(lines) - 1 else "") for i, line in enumerate(lines)]
    return "\n".join([*head, *body, "      ]", "    }", "  ]", "}"]) + "\n"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "views.json"
    path.write_text(text, encoding="utf-8")
    return path


def error(kg: AnkleKG, path: Path) -> OntologyLoadError:
    with pytest.raises(OntologyLoadError) as caught:
        load_layout(path, kg.kb)
    return caught.value


def test_the_shipped_layout_loads_and_names_only_entities_of_the_graph(kg: AnkleKG) -> None:
    layout = load_layout(LAYOUT, kg.kb)
    assert [v.id for v in layout.views] == ["lateral", "medial", "posterior", "anterior"]
    ids = {c for view in layout.views for c in [*view.sites, *view.unseen, *view.omit, *view.joints]}
    ids |= {b.entity for view in layout.views for b in view.bones}
    assert ids and all(c in kg.kb.terms for c in ids)
    # the file is drawing data, one object per line where an error can point to it
    text = LAYOUT.read_text(encoding="utf-8")
    assert "ANKLE:" in text and all(len(line) < 2000 for line in text.splitlines())


def test_a_valid_minimal_layout_loads(kg: AnkleKG, tmp_path: Path) -> None:
    sites = (f'{{"id": "{LM}", "at": [20, 20], "mark": true}}', f'{{"id": "{TALUS}", "at": [60, 60]}}')
    path = write(tmp_path, layout_text(*sites))
    (view,) = load_layout(path, kg.kb).views
    assert set(view.sites) == {LM, TALUS} and view.sites[LM].mark and not view.sites[TALUS].hidden


def test_an_unknown_id_is_an_error_with_file_and_line(kg: AnkleKG, tmp_path: Path) -> None:
    path = write(tmp_path, layout_text(f'{{"id": "{LM}", "at": [20, 20]}}', '{"id": "ANKLE:0999999", "at": [60, 60]}'))
    err = error(kg, path)
    assert err.file == str(path) and err.line == 7
    assert str(err).startswith(f"{path}:7: unknown id 'ANKLE:0999999'")
    assert "never invent one" in str(err)


def test_an_id_of_the_wrong_kind_is_an_error(kg: AnkleKG, tmp_path: Path) -> None:
    err = error(kg, write(tmp_path, layout_text(f'{{"id": "{ATFL}", "at": [20, 20]}}')))
    assert err.line == 6 and "anterior talofibular ligament" in err.message and "cannot be a site" in err.message
    bone = layout_text(f'{{"id": "{LM}", "at": [20, 20]}}').replace(
        '"bones": [{"id": "ANKLE:0000003"', f'"bones": [{{"id": "{ATFL}"'
    )
    assert "cannot be a bone outline" in error(kg, write(tmp_path, bone)).message


def test_a_band_end_at_a_site_the_graph_does_not_attach_it_to_is_an_error(kg: AnkleKG, tmp_path: Path) -> None:
    ends = f'\n      "ends": [{{"band": "{ATFL}", "site": "{CALCANEUS}", "at": [50, 50]}}],'
    err = error(kg, write(tmp_path, layout_text(f'{{"id": "{LM}", "at": [20, 20]}}', view_keys=ends)))
    assert err.line == 4
    assert f"{ATFL} (anterior talofibular ligament) is not anchored at '{CALCANEUS}'" in err.message
    assert f"{TALUS} (talus)" in err.message and f"{LM} (lateral malleolus)" in err.message
    good = f'\n      "ends": [{{"band": "{ATFL}", "site": "{TALUS}", "at": [50, 50]}}],'
    path = write(tmp_path, layout_text(f'{{"id": "{LM}", "at": [20, 20]}}', view_keys=good))
    (view,) = load_layout(path, kg.kb).views
    assert view.ends[(ATFL, TALUS)].at == (50.0, 50.0)


def test_a_band_name_must_be_one_of_its_names_in_the_graph(kg: AnkleKG, tmp_path: Path) -> None:
    spring = "ANKLE:0000029"
    named = f'\n      "bands": [{{"id": "{spring}", "name": "spring ligament"}}],'
    path = write(tmp_path, layout_text(f'{{"id": "{LM}", "at": [20, 20]}}', view_keys=named))
    (view,) = load_layout(path, kg.kb).views
    assert view.bands[spring].name == "spring ligament"
    invented = named.replace("spring ligament", "springy ligament")
    err = error(kg, write(tmp_path, layout_text(f'{{"id": "{LM}", "at": [20, 20]}}', view_keys=invented)))
    assert "'springy ligament' is not a name of ANKLE:0000029" in err.message


@pytest.mark.parametrize(
    ("site", "message"),
    [
        (f'{{"id": "{LM}", "at": [20, 200]}}', "lies outside the view's size [100.0, 100.0]"),
        (f'{{"id": "{LM}", "at": [20]}}', "'at' must be [x, y], two numbers"),
        (f'{{"id": "{LM}", "at": [20, 20], "colour": "red"}}', "unknown key 'colour'"),
        (f'{{"id": "{LM}", "at": [20, 20], "hidden": "yes"}}', "'hidden' must be true or false"),
        ('{"at": [20, 20]}', "missing key 'id'"),
    ],
)
def test_a_malformed_entry_is_an_error_with_its_line(kg: AnkleKG, tmp_path: Path, site: str, message: str) -> None:
    err = error(kg, write(tmp_path, layout_text(f'{{"id": "{TIBIA}", "at": [5, 5]}}', site)))
    assert err.line == 7 and message in err.message


def test_duplicates_and_bad_path_data_are_errors(kg: AnkleKG, tmp_path: Path) -> None:
    twice = layout_text(f'{{"id": "{LM}", "at": [20, 20]}}', f'{{"id": "{LM}", "at": [30, 30]}}')
    assert "is listed twice" in error(kg, write(tmp_path, twice)).message
    script = layout_text(f'{{"id": "{LM}", "at": [20, 20]}}').replace("M 10 10 L 90 10", "javascript:alert(1)")
    assert "is not SVG path data" in error(kg, write(tmp_path, script)).message


def test_a_json_syntax_error_has_its_line_and_column(kg: AnkleKG, tmp_path: Path) -> None:
    text = layout_text(f'{{"id": "{LM}", "at": [20, 20]}}').replace('"at": [20, 20]}', '"at": [20, 20]')
    err = error(kg, write(tmp_path, text))
    assert err.line == 7 and err.column is not None and str(err).startswith(f"{tmp_path / 'views.json'}:7:")


def test_a_missing_file_is_an_error_naming_it(kg: AnkleKG, tmp_path: Path) -> None:
    err = error(kg, tmp_path / "nowhere.json")
    assert err.file.endswith("nowhere.json") and err.line is None


def test_the_graph_does_not_load_with_a_broken_layout(tmp_path: Path) -> None:
    """The layout is checked when the graph loads (and so when the server starts), not on the first request."""
    document = json.loads(LAYOUT.read_text(encoding="utf-8"))
    document["views"][0]["sites"][0]["id"] = "ANKLE:0999999"
    broken = tmp_path / "views.json"
    broken.write_text(json.dumps(document, indent=1), encoding="utf-8")
    with pytest.raises(OntologyLoadError) as caught:
        AnkleKG.load(Settings(validate_on_start=False, diagram_layout=broken))
    assert caught.value.file == str(broken) and caught.value.line is not None
    lines = broken.read_text(encoding="utf-8").splitlines()[caught.value.line - 1 :]
    assert any("ANKLE:0999999" in text for text in lines[:4])
