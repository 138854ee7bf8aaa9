"""The query page in a real headless browser (Debian's chromium, driven over the DevTools protocol;
the harness is in tests/web/conftest.py).

scripts/test installs chromium with apt-get when it is missing and the user is root; without it
these tests are skipped with a message saying so.
"""

from __future__ import annotations

import pytest

from tests.conftest import LiveServer
from tests.web.conftest import Browser


@pytest.fixture(scope="module")
def page(browser: Browser, live_server: LiveServer) -> Browser:
    browser.open(live_server.url + "/query")
    browser.wait_for("document.body && document.body.dataset.ready === 'true'")
    return browser


def test_the_page_offers_the_examples_and_the_prefixes(page: Browser) -> None:
    assert page.evaluate("document.querySelectorAll('#examples button').length") >= 12
    assert "PREFIX ANKLE:" in page.evaluate("document.getElementById('query').value")


def test_an_example_runs_and_shows_a_table(page: Browser) -> None:
    page.evaluate("document.querySelector('#examples button[data-id=evertors]').click()")
    rows = page.wait_for("document.querySelectorAll('#result-table tbody tr').length")
    assert rows >= 2
    table = page.evaluate("document.getElementById('result-table').innerText")
    assert "fibularis longus" in table and "superficial fibular nerve" in table
    assert "Which muscles evert the foot" in page.evaluate("document.getElementById('question').innerText")
    assert page.evaluate("document.getElementById('status').innerText").startswith(f"{rows} result")


def test_a_construct_example_shows_turtle(page: Browser) -> None:
    page.evaluate("document.querySelector('#examples button[data-id=describe-atfl]').click()")
    text = page.wait_for("(document.getElementById('result-text') || {}).innerText")
    assert "anterior talofibular ligament" in text and "@prefix" in text


def test_a_malformed_query_shows_line_and_column(page: Browser) -> None:
    page.evaluate("document.getElementById('query').value = 'SELECT ?x\\nWHERE { ?x }'")
    page.evaluate("document.getElementById('run').click()")
    error = page.wait_for("!document.getElementById('error').hidden && document.getElementById('error').innerText")
    assert "Malformed query" in error and "line 2, column" in error
