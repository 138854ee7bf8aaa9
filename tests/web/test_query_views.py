"""The query page's pivot and chart views (YASR plugins in app/web/static/query-pivot.js and query-chart.js, the
chart drawn by the vendored Chart.js) in a real headless browser: what they show is compared with what the same
query answers over HTTP, read from the chart instance and the table's cells, never from a screenshot.

scripts/test installs chromium with apt-get when it is missing and the user is root; without it
these tests are skipped with a message saying so.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.conftest import ROOT, LiveServer
from tests.web.conftest import Browser
from tests.web.test_accessibility import violations
from tests.web.test_query_page import console_errors, open_page, recording, run, set_query

__all__ = ["recording"]  # the fixture, shared with the query page's tests

PER_CLASS = (ROOT / "data" / "sparql-examples" / "10-structures-per-class.rq").read_text(encoding="utf-8")
#: The rows behind that count: one per entity and class (the pivot counts them itself)
MEMBERS = """PREFIX akg: <https://w3id.org/anklekg/schema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?x ?class ?label
FROM <https://w3id.org/anklekg/graph/asserted>
FROM <https://w3id.org/anklekg/graph/inferred>
WHERE {
  ?x a ?class .
  ?class rdfs:label ?label .
  FILTER(STRSTARTS(STR(?class), STR(akg:)))
}"""
NO_NUMBERS = """PREFIX akg: <https://w3id.org/anklekg/schema#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?x ?label WHERE { ?x a akg:Ligament ; rdfs:label ?label } LIMIT 5"""
CANVAS = "document.querySelector('#results canvas')"
CHART = f"Chart.getChart({CANVAS})"
YASR = "document.getElementById('results').yasr"


def ask(client: httpx.Client, query: str) -> list[dict[str, Any]]:
    """The query's bindings as the SPARQL endpoint gives them to any client."""
    response = client.post("/sparql", content=query, headers={
        "Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})  # fmt: skip
    assert response.status_code == 200, response.text
    bindings: list[dict[str, Any]] = response.json()["results"]["bindings"]
    return bindings


@pytest.fixture(scope="module")
def page(recording: Browser, live_server: LiveServer) -> Browser:
    recording.call("Emulation.setDeviceMetricsOverride", width=1200, height=900, deviceScaleFactor=1, mobile=False)
    return open_page(recording, live_server.url + "/query")


def run_query(page: Browser, query: str) -> int:
    """Runs the query from the editor and waits for its results; their number."""
    set_query(page, query)
    run(page)
    status: str = page.wait_for("document.getElementById('status').innerText.includes(' result') && "
                                "document.getElementById('status').innerText")  # fmt: skip
    return int(status.split()[0])


def show(page: Browser, view: str) -> None:
    """Picks a view in YASR's plugin tabs, as a reader clicks it."""
    page.evaluate(f"document.querySelector('#results .yasr_btn.select_{view}').click()")
    page.wait_for(f"document.querySelector('#results .yasr_btn.select_{view}').classList.contains('selected')")


def choose(page: Browser, control: str, value: str) -> None:
    """Sets one of the view's controls and tells the view, as a change by hand does."""
    page.evaluate(f"(() => {{ const c = document.querySelector('#results .view-controls [name={control}]'); "
                  f"c.value = {json.dumps(value)}; c.dispatchEvent(new Event('change', {{bubbles: true}})); }})()")


def pivot_cells(page: Browser) -> list[list[str]]:
    """The pivot table's body, row by row: the row header and then each cell's text."""
    cells: list[list[str]] = page.wait_for(
        "document.querySelector('#results table.pivot') && [...document.querySelectorAll("
        "'#results table.pivot tbody tr')].map(tr => [...tr.children].map(c => c.innerText))"
    )
    return cells


def contrast(colour: str) -> float:
    """The WCAG contrast ratio of a #rrggbb colour against white."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def assert_clean(page: Browser) -> None:
    assert page.evaluate("window.cspViolations") == []
    assert console_errors(page) == []


def test_the_pivot_model_counts_sums_and_averages(page: Browser) -> None:
    """AnklePivot.pivot on literal rows: keys in the order the rows give them, an unbound key named, totals over
    every row, and a sum over no number left empty rather than made 0."""
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    rows = [
        {"k": {"type": "literal", "value": "b"}, "c": {"type": "uri", "value": "https://w3id.org/anklekg/schema#X"},
         "n": {"type": "literal", "value": "2", "datatype": integer}},
        {"k": {"type": "literal", "value": "a"}, "c": {"type": "uri", "value": "https://w3id.org/anklekg/schema#Y"},
         "n": {"type": "literal", "value": "3.5", "datatype": "http://www.w3.org/2001/XMLSchema#decimal"}},
        {"k": {"type": "literal", "value": "b"}, "c": {"type": "uri", "value": "https://w3id.org/anklekg/schema#Y"},
         "n": {"type": "literal", "value": "4", "datatype": integer}},
        {"c": {"type": "uri", "value": "https://w3id.org/anklekg/schema#X"},
         "n": {"type": "literal", "value": "7"}},  # a plain string: not a number
    ]  # fmt: skip
    script = (f"(() => {{ const rows = {json.dumps(rows)}, prefixes = {{akg: 'https://w3id.org/anklekg/schema#'}};"
              "const out = {}; for (const aggregate of ['count', 'sum', 'avg']) {"
              " const settings = {row: 'k', column: 'c', aggregate, value: aggregate === 'count' ? '' : 'n'};"
              " out[aggregate] = AnklePivot.rows(AnklePivot.pivot(rows, settings, prefixes), settings); }"
              " const one = {row: 'k', column: '', aggregate: 'count', value: ''};"
              " out.csv = AnklePivot.csv(AnklePivot.pivot(rows, one, prefixes), one);"
              " return out; })()")  # fmt: skip
    out = page.evaluate(script)
    assert out["count"] == [
        ["?k \\ ?c", "akg:X", "akg:Y", "Total"],
        ["b", 1, 1, 2],
        ["a", None, 1, 1],
        ["(no value)", 1, None, 1],
        ["Total", 2, 2, 4],
    ]
    assert out["sum"][1:] == [["b", 2, 4, 6], ["a", None, 3.5, 3.5], ["(no value)", None, None, None],
                              ["Total", 2, 7.5, 9.5]]  # fmt: skip
    assert out["avg"][-1] == ["Total", 2, 3.75, pytest.approx(9.5 / 3, rel=1e-14)]
    assert out["csv"] == "?k,Number of results\r\nb,2\r\na,1\r\n(no value),1\r\nTotal,4\r\n"
    quoted = page.evaluate("AnkleValues.csv([['a,b', 'say \"hi\"', ' edge', 1.5, null]])")
    assert quoted == '"a,b","say ""hi"""," edge",1.5,\r\n'


def test_a_count_per_class_is_charted_one_point_per_row(page: Browser, client: httpx.Client) -> None:
    expected = ask(client, PER_CLASS)
    assert run_query(page, PER_CLASS) == len(expected) > 5
    show(page, "chart")
    page.wait_for(f"{CANVAS} && !!{CHART}")
    chart = page.evaluate(f"(() => {{ const c = {CHART}; return {{type: c.config.type, labels: c.data.labels, "
                          "sets: c.data.datasets.map(d => [d.label, d.data]), "
                          "drawn: c.getDatasetMeta(0).data.length}; })()")  # fmt: skip
    assert chart["type"] == "bar"
    assert chart["drawn"] == len(expected)  # one bar per row, as drawn by Chart.js
    assert chart["labels"] == [b["label"]["value"] for b in expected]  # the label variable, not the class IRI
    assert chart["sets"] == [["?entities", [int(b["entities"]["value"]) for b in expected]]]  # numbers, not strings
    assert "at most 500 rows" in page.evaluate("document.querySelector('#results .view-note').innerText")
    assert page.evaluate(f"{CANVAS}.getAttribute('aria-label')").startswith("Bar chart of ?entities by ?label")
    assert all(contrast(c) >= 3 for c in page.evaluate("AnkleChart.PALETTE"))  # WCAG 1.4.11: graphics at 3:1
    assert page.evaluate(f"{CHART}.data.datasets[0].backgroundColor") == page.evaluate("AnkleChart.PALETTE[0]")
    choose(page, "type", "pie")
    page.wait_for(f"{CHART} && {CHART}.config.type === 'pie'")
    assert page.evaluate(f"{CHART}.getDatasetMeta(0).data.length") == len(expected)
    slices = page.evaluate(f"{CHART}.data.datasets[0].backgroundColor")
    assert len(slices) == len(expected) and slices[0] != slices[1]  # one colour per slice, neighbours apart
    choose(page, "label", "class")
    page.wait_for(f"{CHART}.data.labels[0].startsWith('akg:')")  # an IRI by its prefixed name
    choose(page, "label", "label")
    assert_clean(page)


def test_the_chart_choices_persist_and_a_shared_link_still_opens(page: Browser, live_server: LiveServer) -> None:
    """YASR keeps the view and its settings (localStorage); a link to a query opens with that query and draws it
    with them; no response is kept (a shared link never shows the results of the query run before it)."""
    assert page.evaluate(f"{YASR}.getSelectedPluginName()") == "chart"
    assert page.evaluate(f"{YASR}.config.plugins.chart.dynamicConfig") == {
        "type": "pie", "label": "label", "values": ["entities"]}  # fmt: skip
    opened = open_page(page, f"{live_server.url}/query?query={quote(PER_CLASS)}")
    assert opened.evaluate("document.getElementById('editor').yasqe.getValue()") == PER_CLASS
    assert not opened.evaluate("document.querySelector('#results canvas, #results table')")  # no stored response
    run(opened)
    opened.wait_for(f"{CANVAS} && !!{CHART} && {CHART}.config.type === 'pie'")
    assert opened.evaluate(f"{CHART}.data.labels.length") > 5
    assert_clean(opened)


def test_a_result_without_numbers_says_so_in_the_chart_view(page: Browser) -> None:
    run_query(page, NO_NUMBERS)
    show(page, "chart")
    message = page.wait_for("(document.querySelector('#results .chart-view .view-message') || {}).innerText")
    assert "no variable in these results has numbers" in message and "xsd:integer" in message
    assert not page.evaluate(CANVAS)
    assert page.evaluate("document.querySelector('#results .yasr_downloadIcon').classList.contains('disabled')")
    assert_clean(page)


def test_a_large_result_is_charted_up_to_the_cap_and_says_so(page: Browser) -> None:
    assert run_query(page, "SELECT ?s (1 AS ?one) WHERE { ?s ?p ?o } LIMIT 600") == 600
    show(page, "chart")
    page.wait_for(f"{CANVAS} && !!{CHART}")
    assert page.evaluate(f"{CHART}.getDatasetMeta(0).data.length") == 500
    note = page.evaluate("document.querySelector('#results .view-note').innerText")
    assert "at most 500 rows" in note and "the first 500 of 600" in note
    assert_clean(page)


def test_the_pivot_of_the_counts_equals_what_the_api_answers(page: Browser, client: httpx.Client) -> None:
    expected = {b["label"]["value"]: int(b["entities"]["value"]) for b in ask(client, PER_CLASS)}
    assert len(expected) == len(ask(client, PER_CLASS))  # one row per class label, so they key the comparison
    run_query(page, PER_CLASS)
    show(page, "pivot")
    # by default: rows by the label variable, the sum of the numeric one (each class's one count)
    caption = page.wait_for("(document.querySelector('#results table.pivot caption') || {}).innerText")
    assert caption == "Sum of ?entities by ?label"
    assert {row[0]: int(row[1].replace(",", "")) for row in pivot_cells(page)} == expected
    total = page.evaluate("document.querySelector('#results table.pivot tfoot td').innerText")
    assert int(total.replace(",", "")) == sum(expected.values())
    # the table is marked up for a screen reader: a caption, column headers and row headers with their scope
    scopes = page.evaluate("[...document.querySelectorAll('#results table.pivot th')].map(th => th.scope)")
    assert set(scopes) == {"col", "row"} and scopes.count("row") == len(expected) + 1
    assert_clean(page)


def test_the_pivot_counts_rows_as_the_api_s_group_by_does(page: Browser, client: httpx.Client) -> None:
    """The pivot's own counting: one row per entity and class, counted per class label, against COUNT(DISTINCT)
    grouped by the server; the CSV holds the same numbers."""
    expected = {b["label"]["value"]: int(b["entities"]["value"]) for b in ask(client, PER_CLASS)}
    rows = run_query(page, MEMBERS)
    assert rows == len(ask(client, MEMBERS)) == sum(expected.values())
    show(page, "pivot")
    choose(page, "aggregate", "count:")
    page.wait_for("document.querySelector('#results table.pivot caption').innerText.startsWith('Number of results')")
    assert {row[0]: int(row[1].replace(",", "")) for row in pivot_cells(page)} == expected
    assert page.evaluate(f"{YASR}.config.plugins.pivot.dynamicConfig") == {
        "row": "label", "column": "", "aggregate": "count", "value": ""}  # fmt: skip
    download = page.evaluate(f"(() => {{ const d = {YASR}.plugins.pivot.download(); "
                             "return {name: d.filename, type: d.contentType, csv: d.getData()}; })()")  # fmt: skip
    assert download["name"] == "pivot.csv" and download["type"] == "text/csv"
    lines = download["csv"].split("\r\n")
    assert lines[0] == "?label,Number of results" and lines[-2] == f"Total,{rows}"
    assert {line.rsplit(",", 1)[0].strip('"'): int(line.rsplit(",", 1)[1]) for line in lines[1:-2]} == expected
    assert page.evaluate("!!document.querySelector('#results button.pivot-csv')")
    # a column variable: one column per class IRI, each row's total still its count
    choose(page, "column", "class")
    page.wait_for("document.querySelector('#results table.pivot caption').innerText.endsWith('(columns)')")
    head = page.evaluate("[...document.querySelectorAll('#results table.pivot thead th')].map(th => th.innerText)")
    assert head[0] == "?label" and head[-1] == "Total" and all(h.startswith("akg:") for h in head[1:-1])
    assert {row[0]: int(row[-1].replace(",", "")) for row in pivot_cells(page)} == expected
    assert_clean(page)


def test_the_views_pass_the_accessibility_checks(page: Browser) -> None:
    """axe-core (WCAG 2.1 A/AA) finds nothing on the page with the pivot shown (one column, and wider than the
    page, with a column per class), nor with the chart."""
    run_query(page, PER_CLASS)
    show(page, "pivot")
    choose(page, "column", "")
    pivot_cells(page)
    assert violations(page) == []
    choose(page, "column", "class")
    page.wait_for("document.querySelector('#results .pivot-holder').scrollWidth > "
                  "document.querySelector('#results .pivot-holder').clientWidth")  # it scrolls sideways
    assert violations(page) == []
    show(page, "chart")
    page.wait_for(f"{CANVAS} && !!{CHART}")
    assert violations(page) == []
    assert_clean(page)
