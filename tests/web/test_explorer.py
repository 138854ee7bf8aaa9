"""The student explorer at /explore, in a real headless browser against the real server (the harness is
in tests/web/conftest.py), plus plain HTTP checks of how it is served."""

from __future__ import annotations

import json

import httpx
import pytest

from app.models import EDUCATIONAL_NOTICE
from tests.conftest import LiveServer
from tests.web.conftest import Browser

ATFL = "ANKLE:0000016"


@pytest.fixture(scope="module")
def explorer(browser: Browser, live_server: LiveServer) -> Browser:
    browser.open(live_server.url + "/explore")
    browser.wait_for("document.body && document.body.dataset.ready === 'true'")
    return browser


def go(page: Browser, ref: str) -> None:
    """Follow a deep link (a hash change, as a link in the page would)."""
    page.evaluate(f"location.hash = {json.dumps(ref)}")


def shown(page: Browser, entity_id: str) -> None:
    page.wait_for(f"document.getElementById('entity').dataset.id === {json.dumps(entity_id)}")


def search(page: Browser, query: str) -> None:
    page.evaluate(f"document.getElementById('q').value = {json.dumps(query)}; "
                  "document.getElementById('search-form').requestSubmit()")  # fmt: skip


def text(page: Browser, selector: str) -> str:
    return page.evaluate(f"(document.querySelector({json.dumps(selector)}) || {{}}).innerText || ''")  # type: ignore[no-any-return]


def test_explore_is_an_html_page_linked_from_the_index_and_the_query_page(client: httpx.Client) -> None:
    response = client.get("/explore")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script src="/web/explore.js"></script>' in response.text
    for name, media_type in (("explore.js", "text/javascript"), ("explore.css", "text/css")):
        static = client.get(f"/web/{name}")
        assert static.status_code == 200 and static.headers["content-type"].startswith(media_type)
    assert client.get("/").json()["explorer"] == "/explore"
    assert 'href="/explore"' in client.get("/query").text


def test_the_educational_notice_is_on_the_page(explorer: Browser) -> None:
    notice = text(explorer, "#notice")
    assert " ".join(notice.split()) == EDUCATIONAL_NOTICE
    assert "educational resource" in notice and "not medical advice" in notice


def test_a_deep_link_opens_the_entity_with_names_relations_and_restraints(explorer: Browser) -> None:
    go(explorer, "ATFL")
    shown(explorer, ATFL)
    assert text(explorer, "#entity-label").startswith("anterior talofibular ligament")
    whole = text(explorer, "#entity")
    assert "null" not in whole.split() and "nullnull" not in whole and "undefined" not in whole
    names = text(explorer, "#entity dl.names")
    assert "ATFL" in names and "ligamentum talofibulare anterius" in names and "UBERON:0013725" in names
    assert "Golano 2010" in text(explorer, "#definition")
    part_of = text(explorer, "section.relation[data-predicate='akg:partOf']")
    assert "part of" in part_of and "lateral collateral ligament complex of ankle" in part_of
    restraints = text(explorer, "#restraints")
    assert "anterior talofibular ligament is a primary restraint to anterior talar translation of the talocrural" in (
        restraints
    )
    assert "Tohyama 1995" in restraints
    # a relation's target is a link that opens that entity
    explorer.evaluate(
        "document.querySelector(\"section.relation[data-predicate='akg:partOf'] a[data-id='ANKLE:0000015']\").click()"
    )
    shown(explorer, "ANKLE:0000015")
    assert explorer.evaluate("location.hash") == "#ANKLE:0000015"


def test_search_lists_hits_and_choosing_one_opens_it(explorer: Browser) -> None:
    search(explorer, "atfl")
    explorer.wait_for("document.querySelector('#search-results').dataset.query === 'atfl' && "
                      "document.querySelectorAll('#hits li').length")  # fmt: skip
    first = explorer.evaluate("document.querySelector('#hits li a').dataset.id")
    assert first == ATFL
    assert "anterior talofibular ligament" in text(explorer, "#hits li")
    go(explorer, "")
    explorer.evaluate("document.querySelector('#hits li a').click()")
    shown(explorer, ATFL)


def test_the_impact_panel_shows_unstable_motions_and_positive_tests_with_reasons(explorer: Browser) -> None:
    go(explorer, ATFL)
    shown(explorer, ATFL)
    assert "If the anterior talofibular ligament is injured" in text(explorer, "#impact-heading")
    explorer.evaluate("document.querySelector('#impact-form input[name=grade][value=\"3\"]').checked = true")
    explorer.evaluate("document.getElementById('impact-run').click()")
    explorer.wait_for("document.getElementById('impact-results').dataset.loaded === 'true'")
    assert "anterior drawer test" in text(explorer, "[data-section=expected_positive_tests]")
    statuses = explorer.evaluate(
        "[...document.querySelectorAll('[data-section=destabilised_motions] li.finding')].map(li => li.dataset.status)"
    )
    assert "unstable" in statuses
    for section in ("weakened_motions", "numbness_areas", "nerves_at_risk", "symptoms", "long_term_risks"):
        assert explorer.evaluate(f"!!document.querySelector('[data-section={section}] h4')")
    assert "superficial fibular nerve" in text(explorer, "[data-section=nerves_at_risk]")
    # expanding an item fetches the full reasons: the facts and their sources
    explorer.evaluate("document.querySelector('[data-section=destabilised_motions] details').open = true")
    because = explorer.wait_for(
        "(document.querySelector('[data-section=destabilised_motions] ul.because') || {}).innerText"
    )
    assert "anterior talofibular ligament is a primary restraint to" in because and "source" in because
    # one position only
    explorer.evaluate("document.getElementById('impact-position').value = 'plantarflexion'")
    explorer.evaluate("document.getElementById('impact-run').click()")
    explorer.wait_for("document.getElementById('impact-results').dataset.loaded === 'true' && "
                      "document.getElementById('impact-status').innerText.includes('plantarflexed')")  # fmt: skip
    positions = text(explorer, "[data-section=destabilised_motions]")
    assert "plantarflexed" in positions and "dorsiflexed" not in positions


def test_a_condition_gets_its_own_panel_and_a_motion_gets_none(explorer: Browser) -> None:
    """Which entities get the panel comes from the API's `impact` link, not from a list in the script."""
    go(explorer, "tarsal tunnel syndrome")
    shown(explorer, "ANKLE:0002018")
    assert "What tarsal tunnel syndrome does to the ankle" in text(explorer, "#impact-heading")
    assert "compressed, not cut" in text(explorer, "#impact-help")
    explorer.evaluate("document.getElementById('impact-run').click()")
    explorer.wait_for("document.getElementById('impact-results').dataset.loaded === 'true'")
    nerves = text(explorer, "[data-section=nerves_at_risk]")
    assert "tibial nerve" in nerves and "medial plantar nerve" in nerves
    assert "sole" in text(explorer, "[data-section=numbness_areas]")
    assert EDUCATIONAL_NOTICE in text(explorer, "#impact-results")
    go(explorer, "inversion")
    explorer.wait_for("document.getElementById('entity-label').innerText.startsWith('inversion')")
    assert explorer.evaluate("document.getElementById('impact') === null")


def test_a_typo_shows_did_you_mean_links(explorer: Browser) -> None:
    search(explorer, "talofibular ligamnet")
    heading = explorer.wait_for(
        "document.querySelector('#search-results').dataset.query === 'talofibular ligamnet' && "
        "document.getElementById('results-heading').innerText"
    )
    assert "Did you mean" in heading
    assert "talofibular ligament" in text(explorer, "#hits")
    # a misspelt deep link: the API's problem, with its suggestions as links
    go(explorer, "talofibular ligamnet")
    error = explorer.wait_for("!document.getElementById('error').hidden && document.getElementById('error').innerText")
    assert "Unknown entity" in error and "Did you mean" in error
    assert explorer.evaluate("document.getElementById('entity').hidden")
    explorer.evaluate("document.querySelector('#error .suggestions a[data-id=\"ANKLE:0000074\"]').click()")
    shown(explorer, "ANKLE:0000074")
    assert explorer.evaluate("document.getElementById('error').hidden")
