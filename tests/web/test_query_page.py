"""The query page (YASGUI's YASQE editor and YASR results, vendored) in a real headless browser (Debian's chromium,
driven over the DevTools protocol; the harness is in tests/web/conftest.py).

scripts/test installs chromium with apt-get when it is missing and the user is root; without it
these tests are skipped with a message saying so.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import pytest

from tests.conftest import LiveServer
from tests.web.conftest import Browser
from tests.web.test_browse_graph import WATCH_CSP

EDITOR = "document.getElementById('editor').yasqe"


def console_errors(browser: Browser) -> list[str]:
    """The console errors, exceptions and failed loads DevTools reported so far (see :func:`recording`)."""
    found: list[str] = []
    for message in getattr(browser, "events", []):
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            found.append(json.dumps(params["exceptionDetails"])[:400])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            found.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            found.append(params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
    return found


def open_page(browser: Browser, url: str) -> Browser:
    browser.open(url)
    browser.wait_for("document.body && document.body.dataset.ready === 'true'")
    browser.evaluate(WATCH_CSP)
    return browser


@pytest.fixture(scope="module")
def recording(browser: Browser) -> Iterator[Browser]:
    """The browser, keeping every DevTools event it receives (console errors, exceptions, log entries)."""
    events: list[dict[str, Any]] = []
    original = browser.socket.recv

    def recv(timeout: float | None = None) -> Any:
        message = original(timeout=timeout)
        events.append(json.loads(message))
        return message

    browser.socket.recv = recv  # type: ignore[method-assign,assignment]
    browser.events = events  # type: ignore[attr-defined]
    browser.call("Runtime.enable")
    browser.call("Log.enable")
    yield browser
    browser.socket.recv = original  # type: ignore[method-assign]


@pytest.fixture(scope="module")
def page(recording: Browser, live_server: LiveServer) -> Browser:
    return open_page(recording, live_server.url + "/query")


def editor_value(page: Browser) -> str:
    return str(page.evaluate(f"{EDITOR}.getValue()"))


def set_query(page: Browser, query: str) -> None:
    page.evaluate(f"{EDITOR}.setValue({json.dumps(query)})")


def run(page: Browser) -> None:
    page.evaluate("document.getElementById('status').textContent = ''")
    page.evaluate("document.getElementById('run').click()")


def test_the_page_loads_yasgui_without_console_errors_or_csp_violations(page: Browser) -> None:
    assert page.evaluate("!!document.querySelector('#editor .CodeMirror')"), "YASQE did not draw its editor"
    assert page.evaluate("document.querySelectorAll('#examples button').length") >= 12
    value = editor_value(page)
    assert "PREFIX ANKLE: <https://w3id.org/anklekg/ANKLE_>" in value and "PREFIX akg:" in value
    # highlighting: the editor's tokens carry CodeMirror's classes
    assert page.evaluate("document.querySelectorAll('#editor .cm-keyword').length") > 0
    set_query(page, "SELECT * WHERE { ?s ?p ?o } LIMIT 2")
    run(page)
    page.wait_for("document.querySelectorAll('#results .yasr table tbody tr').length === 2")
    assert page.evaluate("window.cspViolations") == []
    assert console_errors(page) == []


def test_a_query_runs_and_shows_a_results_table(page: Browser) -> None:
    page.evaluate("document.getElementById('status').textContent = ''")
    page.evaluate("document.querySelector('#examples button[data-id=evertors]').click()")
    page.wait_for("document.getElementById('status').innerText.includes(' result')")
    rows = page.evaluate("document.querySelectorAll('#results .yasr table tbody tr').length")
    assert rows >= 2
    table = page.evaluate("document.querySelector('#results .yasr table').innerText")
    assert "fibularis longus" in table and "superficial fibular nerve" in table
    assert "Which muscles evert the foot" in page.evaluate("document.getElementById('question').innerText")
    assert page.wait_for("document.getElementById('status').innerText").startswith(f"{rows} result")
    link = page.evaluate("document.getElementById('link').href")
    assert "/query?query=" in link and "fibularis" not in link  # the query, not its results


def test_a_construct_example_shows_its_triples(page: Browser) -> None:
    page.evaluate("document.getElementById('status').textContent = ''")
    page.evaluate("document.querySelector('#examples button[data-id=describe-atfl]').click()")
    page.wait_for("document.getElementById('status').innerText.includes('result')")
    text = page.wait_for("(document.querySelector('#results .yasr') || {}).innerText")
    assert "anterior talofibular ligament" in text


def test_a_shared_link_opens_with_its_query(recording: Browser, live_server: LiveServer) -> None:
    query = 'PREFIX akg: <https://w3id.org/anklekg/schema#>\nSELECT ?x WHERE { ?x akg:abbreviation "ATFL" }'
    page = open_page(recording, f"{live_server.url}/query?query={quote(query)}")
    assert editor_value(page) == query
    run(page)
    page.wait_for("document.querySelectorAll('#results .yasr table tbody tr').length === 1")
    assert page.evaluate("document.getElementById('link').href") == f"{live_server.url}/query?query=" + quote(
        query, safe="").replace("%20", "+")  # fmt: skip
    # YASQE's own share button gives the same kind of link, on this server (no shortener)
    shared = page.evaluate(f"{EDITOR}.config.createShareableLink({EDITOR})")
    assert shared.startswith(f"{live_server.url}/query?query=")
    assert page.evaluate(f"{EDITOR}.config.createShortLink") is None


def test_a_syntax_error_shows_line_column_and_what_was_expected(page: Browser) -> None:
    set_query(page, "SELECT ?x\nWHERE { ?x ?p ?o } LIMIT x")
    run(page)
    error = page.wait_for("!document.getElementById('error').hidden && document.getElementById('error').innerText")
    assert "Malformed query" in error and "line 2, column" in error and "expected" in error and 'found "x"' in error
    assert "..=" not in error  # no dump of character ranges
    marked = page.evaluate("document.querySelector('#editor .query-error-line').innerText")
    assert "WHERE { ?x ?p ?o } LIMIT x" in marked


def completions(page: Browser, text: str) -> list[str]:
    """What the editor offers at the end of ``text`` typed on a new last line (Ctrl+Space, as a person would)."""
    page.evaluate(f"{EDITOR}.setValue('')")
    page.evaluate(f"{EDITOR}.focus()")
    page.call("Input.insertText", text=text)
    page.evaluate(f"{EDITOR}.autocomplete()")
    hints: list[str] = page.wait_for("document.querySelector('.CodeMirror-hints') && "
                                     "[...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.innerText)")
    page.evaluate(f"{EDITOR}.closeHint && {EDITOR}.closeHint(); {EDITOR}.state.completionActive && "
                  f"{EDITOR}.state.completionActive.close()")  # fmt: skip
    return hints


def test_prefix_autocompletion_offers_the_data_s_prefixes(page: Browser) -> None:
    hints = completions(page, "PREFIX a")
    assert "akg: <https://w3id.org/anklekg/schema#>" in hints
    assert not any("dbpedia" in h for h in hints)  # the data's prefixes, not prefix.cc's list
    assert "ANKLE: <https://w3id.org/anklekg/ANKLE_>" in completions(page, "PREFIX A")


def test_entity_and_schema_terms_autocomplete(page: Browser) -> None:
    hints = completions(page, "SELECT * WHERE { ANKLE:talofib")
    assert any(h.startswith("ANKLE:0000016") and "anterior talofibular ligament" in h for h in hints), hints
    page.wait_for("true")
    assert "akg:innervatedBy" in completions(page, "SELECT * WHERE { ?m akg:inner")


def test_add_prefixes_declares_what_the_query_lacks(page: Browser) -> None:
    set_query(page, "SELECT ?x WHERE { ?x a akg:Ligament }")
    page.evaluate("document.getElementById('prefixes').click()")
    value = editor_value(page)
    assert "PREFIX akg: <https://w3id.org/anklekg/schema#>" in value and value.count("PREFIX akg:") == 1
    assert value.rstrip().endswith("SELECT ?x WHERE { ?x a akg:Ligament }")


def test_iris_are_shortened_by_the_longest_namespace_and_entities_open_here(page: Browser) -> None:
    set_query(page, "SELECT ?iao ?atfl WHERE { VALUES (?iao ?atfl) { (<http://purl.obolibrary.org/obo/IAO_0000115> "
                    "<https://w3id.org/anklekg/ANKLE_0000016>) } }")  # fmt: skip
    run(page)
    page.wait_for("document.getElementById('status').innerText.includes(' result')")
    cells = page.evaluate("[...document.querySelectorAll('#results .yasr table tbody a.iri')]"
                          ".map(a => [a.innerText, a.getAttribute('href')])")  # fmt: skip
    assert ["IAO:0000115", "http://purl.obolibrary.org/obo/IAO_0000115"] in cells
    assert ["ANKLE:0000016", "/ANKLE_0000016"] in cells
