"""Accessibility of every page for people, checked with axe-core in headless Chromium: the explorer's front page
(browse open), an entity page (key facts, relations, the neighbourhood graph), an impact answer with its chain
graph, a quiz question and its explanation, the query page and the API documentation, against the WCAG 2.1 A and
AA rules; then the phone layout (390 px: no horizontal overflow) of the new views. Screenshots go to
tests/web/artifacts/.

axe-core is vendored for the tests only (tests/web/vendor/README.md) and injected over DevTools, so the pages keep
their Content-Security-Policy as served.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LiveServer
from tests.web.conftest import Browser
from tests.web.test_browse_graph import WATCH_CSP, open_graph
from tests.web.test_explorer import go, shown, text
from tests.web.test_learn import answer, open_quiz, screenshot

AXE = Path(__file__).parent / "vendor" / "axe-core-4.14.1" / "axe.min.js"
#: The rule sets of WCAG 2.0 and 2.1 at levels A and AA (axe-core's tags)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ATFL = "ANKLE:0000016"


@cache
def axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def violations(page: Browser, context: str = "document") -> list[dict[str, Any]]:
    """axe-core's WCAG 2.1 A/AA violations on the page as it is now (each rule with the elements it fails on)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.evaluate(axe_source())
    found: list[dict[str, Any]] = page.evaluate(
        f"axe.run({context}, {{runOnly: {{type: 'tag', values: {json.dumps(WCAG_21_AA)}}}, "
        "resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, "
        "nodes: [...new Set(v.nodes.map(n => n.failureSummary))].slice(0, 8), "
        "where: v.nodes.slice(0, 5).map(n => n.target.join(' ')), count: v.nodes.length})))"
    )
    return found


def assert_accessible(page: Browser, what: str) -> None:
    found = violations(page)
    assert found == [], f"{what}: " + json.dumps(found, indent=1)


@pytest.fixture
def explorer(browser: Browser, live_server: LiveServer) -> Browser:
    browser.call("Emulation.setDeviceMetricsOverride", width=1200, height=900, deviceScaleFactor=1, mobile=False)
    browser.open(live_server.url + "/explore")
    browser.wait_for("document.body && document.body.dataset.ready === 'true' && "
                     "document.getElementById('browse-groups').dataset.ready === 'true'")  # fmt: skip
    browser.evaluate("localStorage.clear()")
    browser.evaluate(WATCH_CSP)
    return browser


def test_the_front_page_with_browse_open(explorer: Browser) -> None:
    explorer.evaluate("document.querySelectorAll('details.browse-group, details.browse-query')"
                      ".forEach(d => d.open = true)")  # fmt: skip
    assert_accessible(explorer, "front page")


def test_an_entity_page_with_its_graph(explorer: Browser) -> None:
    go(explorer, "ATFL")
    shown(explorer, ATFL)
    open_graph(explorer, "neighbourhood")
    assert_accessible(explorer, "entity page")
    go(explorer, "fibularis longus")
    shown(explorer, "ANKLE:0000033")
    explorer.wait_for("!!document.getElementById('key-facts')")
    assert_accessible(explorer, "muscle page")


def test_an_impact_answer_with_its_chain(explorer: Browser) -> None:
    go(explorer, ATFL)
    shown(explorer, ATFL)
    explorer.evaluate("document.getElementById('impact-run').click()")
    explorer.wait_for("document.getElementById('impact-results').dataset.loaded === 'true'")
    explorer.evaluate("document.querySelector('[data-section=destabilised_motions] details').open = true")
    explorer.wait_for("!!document.querySelector('[data-section=destabilised_motions] ul.because')")
    open_graph(explorer, "impact")
    assert_accessible(explorer, "impact answer")
    assert explorer.evaluate("window.cspViolations") == []


def test_a_quiz_question_and_its_explanation(explorer: Browser) -> None:
    open_quiz(explorer, region="lateral malleolus")
    assert_accessible(explorer, "quiz question")
    answer(explorer, "a")
    explorer.evaluate("document.querySelectorAll('#quiz-feedback details').forEach(d => d.open = true)")
    assert_accessible(explorer, "quiz explanation")


def test_the_differential_form(explorer: Browser) -> None:
    explorer.evaluate("document.getElementById('differential-details').open = true")
    explorer.wait_for("document.getElementById('differential-form').dataset.ready === 'true'")
    assert_accessible(explorer, "differential form")


def test_the_query_page(browser: Browser, live_server: LiveServer) -> None:
    """The YASGUI editor as it opens, with a results table, and with a syntax error shown."""
    browser.open(live_server.url + "/query")
    browser.wait_for("document.readyState === 'complete' && document.body.dataset.ready === 'true' && "
                     "document.querySelectorAll('#examples button').length > 0")  # fmt: skip
    assert_accessible(browser, "query page")
    browser.evaluate("document.querySelector('#examples button[data-id=evertors]').click()")
    browser.wait_for("document.getElementById('status').innerText.includes(' result') && "
                     "document.querySelectorAll('#results .yasr table tbody tr').length > 1")  # fmt: skip
    assert_accessible(browser, "query page with results")
    browser.evaluate("document.getElementById('editor').yasqe.setValue('SELECT * { ?s ?p ?o } LIMIT x')")
    browser.evaluate("document.getElementById('run').click()")
    browser.wait_for("!document.getElementById('error').hidden")
    assert_accessible(browser, "query page with a syntax error")


def test_an_entity_iri_page(browser: Browser, live_server: LiveServer) -> None:
    browser.open(live_server.url + "/ANKLE_0000016")
    browser.wait_for("document.readyState === 'complete' && document.title.includes('anterior talofibular')")
    assert_accessible(browser, "entity IRI page")


def test_the_api_documentation(browser: Browser, live_server: LiveServer) -> None:
    browser.open(live_server.url + "/docs")
    browser.wait_for("document.querySelectorAll('.opblock').length > 10")
    assert_accessible(browser, "/docs")
    # one operation opened: its parameters, responses and example values
    browser.evaluate("document.querySelector('#operations-quiz-quiz-read_quiz .opblock-summary-control').click()")
    browser.wait_for("!!document.querySelector('#operations-quiz-quiz-read_quiz .opblock-body .parameters')")
    assert_accessible(browser, "/docs with an operation open")


def test_the_check_finds_what_it_looks_for(explorer: Browser) -> None:
    """axe-core runs and reports: an image without a text alternative and an unnamed button fail it."""
    explorer.evaluate("document.getElementById('browse').append(Object.assign(document.createElement('img'), "
                      "{src: '/web/none.png'}), document.createElement('button'))")  # fmt: skip
    assert {"image-alt", "button-name"} <= {v["id"] for v in violations(explorer)}


def test_the_new_views_fit_a_phone(explorer: Browser) -> None:
    explorer.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
    try:
        explorer.evaluate("document.querySelector('[data-group=compartments]').open = true; "
                          "document.querySelector('[data-group=compartments] .browse-query').open = true")  # fmt: skip
        assert explorer.evaluate("document.documentElement.scrollWidth") <= 390
        assert_accessible(explorer, "front page on a phone")  # the query scrolls sideways: it must take focus
        screenshot(explorer, "mobile-browse", "#browse", width=390, mobile=True)
        go(explorer, ATFL)
        shown(explorer, ATFL)
        open_graph(explorer, "neighbourhood")
        assert explorer.evaluate("document.documentElement.scrollWidth") <= 390
        assert explorer.evaluate("document.getElementById('neighbourhood-graph').getBoundingClientRect().right") <= 390
        screenshot(explorer, "mobile-graph", "#neighbourhood", width=390, mobile=True)
        explorer.evaluate("document.getElementById('impact-run').click()")
        explorer.wait_for("document.getElementById('impact-results').dataset.loaded === 'true'")
        open_graph(explorer, "impact")
        assert explorer.evaluate("document.documentElement.scrollWidth") <= 390
        # controls stay with their labels: each grade's radio inside its label, within the screen
        assert explorer.evaluate(
            "[...document.querySelectorAll('#impact-form label')].every(l => l.getBoundingClientRect().right <= 390)"
        )
        screenshot(explorer, "mobile-impact-chain", "#impact", width=390, mobile=True)
        assert "anterior drawer test" in text(explorer, "#impact-graph-edges")
    finally:
        explorer.call("Emulation.clearDeviceMetricsOverride")
