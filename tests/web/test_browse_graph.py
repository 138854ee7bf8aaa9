"""Browsing and the graph views of /explore in headless Chromium: the front page's groups are the API's, a group
opens to its members and a member to its page; the neighbourhood graph walks one hop by a real mouse click and by
the keyboard; an impact answer draws its chain; both keep the strict CSP (no inline style sheet, no violation).
Screenshots go to tests/web/artifacts/."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.conftest import LiveServer
from tests.web.conftest import Browser
from tests.web.test_explorer import go, shown, text
from tests.web.test_learn import key, screenshot

ATFL = "ANKLE:0000016"
#: Counts the page's CSP violations from the moment it is installed (the graph library loads later, on first use)
WATCH_CSP = (
    "window.cspViolations = []; document.addEventListener('securitypolicyviolation', "
    "e => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));"
)


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Browser:
    browser.call("Emulation.setDeviceMetricsOverride", width=1200, height=900, deviceScaleFactor=1, mobile=False)
    browser.open(live_server.url + "/explore")
    browser.wait_for("document.body && document.body.dataset.ready === 'true' && "
                     "document.getElementById('browse-groups').dataset.ready === 'true'")  # fmt: skip
    browser.evaluate(WATCH_CSP)
    return browser


def click_at(page: Browser, x: float, y: float) -> None:
    """A real mouse click (press and release) at page coordinates of the viewport."""
    page.call("Input.dispatchMouseEvent", type="mouseMoved", x=x, y=y)
    for kind in ("mousePressed", "mouseReleased"):
        page.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, button="left", buttons=1, clickCount=1)


def node_position(page: Browser, graph: str, node: str) -> dict[str, float]:
    """Where a drawn node is in the viewport (the drawing scrolled into view first): the container's box plus the
    node's rendered position."""
    page.evaluate(f"document.getElementById({json.dumps(graph)}).scrollIntoView({{block: 'center'}})")
    return page.evaluate(  # type: ignore[no-any-return]
        f"(() => {{ const cy = GRAPHS.get({json.dumps(graph)}); const n = cy.$id({json.dumps(node)}); "
        "const box = cy.container().getBoundingClientRect(); const p = n.renderedPosition(); "
        "return {x: box.left + p.x, y: box.top + p.y}; })()"
    )


def open_graph(page: Browser, name: str) -> None:
    page.evaluate(f"document.getElementById('{name}-graph-details').open = true")
    page.wait_for(f"document.getElementById('{name}-graph-details').dataset.ready === 'true'")
    page.evaluate(f"document.getElementById('{name}-graph').scrollIntoView({{block: 'center'}})")


def test_the_front_page_browses_by_region_and_kind_as_the_api_says(page: Browser, client: httpx.Client) -> None:
    api = client.get("/v1/browse").json()["groups"]
    shown_groups = page.evaluate("[...document.querySelectorAll('details.browse-group')].map(d => d.dataset.group)")
    assert shown_groups == [g["id"] for g in api]
    assert text(page, "#browse-by-region") == "By region" and text(page, "#browse-by-kind") == "By kind"
    page.evaluate("document.querySelector('[data-group=compartments] > summary').click()")
    compartments = next(g for g in api if g["id"] == "compartments")
    headings = page.evaluate("[...document.querySelectorAll('[data-group=compartments] h4')].map(h => h.innerText)")
    assert headings == [s["heading"]["label"] for s in compartments["subgroups"]]
    listed = page.evaluate("[...document.querySelectorAll('[data-group=compartments] ul.browse-members a')]"
                           ".map(a => a.dataset.id)")  # fmt: skip
    assert listed == [m["entity"]["id"] for s in compartments["subgroups"] for m in s["members"]]
    page.evaluate("document.querySelector('[data-group=lateral-ligaments] > summary').click()")
    screenshot(page, "browse-front-page", "#browse")
    page.evaluate(f"document.querySelector('[data-group=lateral-ligaments] a[data-id=\"{ATFL}\"]').click()")
    shown(page, ATFL)


def test_browse_works_from_the_keyboard(page: Browser) -> None:
    page.evaluate("document.querySelector('[data-group=syndesmosis] > summary').focus()")
    key(page, "Enter", "Enter", 13, "\r")
    assert page.evaluate("document.querySelector('[data-group=syndesmosis]').open")
    key(page, "Tab", "Tab", 9)  # the group's heading, the joint itself
    assert page.evaluate("document.activeElement.innerText") == "inferior tibiofibular joint"
    key(page, "Tab", "Tab", 9)
    target = page.evaluate("document.activeElement.dataset.id")
    key(page, "Enter", "Enter", 13, "\r")
    shown(page, target)


def test_the_neighbourhood_graph_walks_one_hop_by_mouse_and_keeps_the_csp(page: Browser, client: httpx.Client) -> None:
    go(page, "ATFL")
    shown(page, ATFL)
    open_graph(page, "neighbourhood")
    answer = client.get(f"/v1/entities/{ATFL}/neighbors").json()
    drawn: dict[str, Any] = page.evaluate(
        "(() => { const cy = GRAPHS.get('neighbourhood-graph'); return {nodes: cy.nodes().map(n => n.id()), "
        "edges: cy.edges().map(e => [e.source().id(), e.data('label'), e.target().id()])}; })()"
    )
    assert set(drawn["nodes"]) <= {n["id"] for n in answer["nodes"]} and ATFL in drawn["nodes"]
    asserted = {(e["source"], e["predicate"]["label"], e["target"]) for e in answer["items"] if not e["inferred"]}
    assert asserted <= {tuple(e) for e in drawn["edges"]}  # every asserted link is drawn, typed and labelled
    assert ("ANKLE:0000016", "part of", "ANKLE:0000015") in {tuple(e) for e in drawn["edges"]}
    # the text alternative lists the same edges
    assert page.evaluate("document.querySelectorAll('#neighbourhood-graph-edges li').length") == len(drawn["edges"])
    assert "anterior talofibular ligament — part of → lateral collateral ligament complex of ankle" in text(
        page, "#neighbourhood-graph-edges"
    )
    screenshot(page, "graph-neighbourhood-atfl", "#neighbourhood")
    # a real click on the lateral collateral complex walks there, and the graph stays open on it
    where = node_position(page, "neighbourhood-graph", "ANKLE:0000015")
    click_at(page, where["x"], where["y"])
    shown(page, "ANKLE:0000015")
    page.wait_for("(document.getElementById('neighbourhood-graph-details') || {}).dataset?.ready === 'true'")
    assert page.evaluate("GRAPHS.get('neighbourhood-graph').$('node.center').id()") == "ANKLE:0000015"
    assert page.evaluate("document.querySelectorAll('style').length") == 0  # no inline style sheet
    assert page.evaluate("window.cspViolations") == []


def test_the_neighbourhood_graph_works_from_the_keyboard(page: Browser) -> None:
    go(page, "calcaneofibular ligament")
    shown(page, "ANKLE:0000018")
    open_graph(page, "neighbourhood")
    page.evaluate("document.getElementById('neighbourhood-graph').focus()")
    key(page, "ArrowRight", "ArrowRight", 39)
    first = text(page, "#neighbourhood-graph-status")
    assert first.startswith("calcaneofibular ligament:")  # the centre first
    key(page, "ArrowRight", "ArrowRight", 39)
    chosen = page.evaluate("GRAPHS.get('neighbourhood-graph').$('node:selected').length")
    chosen_id = page.evaluate(
        "(() => { const n = GRAPHS.get('neighbourhood-graph').$('node:selected'); "
        "return n.data('entity') ? (n.data('walk') || n.id()) : null; })()"
    )
    assert chosen == 1 and text(page, "#neighbourhood-graph-status") != first
    while chosen_id is None:  # a fact node is described, not opened: go on to an entity
        key(page, "ArrowRight", "ArrowRight", 39)
        chosen_id = page.evaluate(
            "(() => { const n = GRAPHS.get('neighbourhood-graph').$('node:selected'); "
            "return n.data('entity') ? (n.data('walk') || n.id()) : null; })()"
        )
    key(page, "Enter", "Enter", 13, "\r")
    shown(page, chosen_id)


def test_an_impact_answer_draws_its_chain_from_injury_to_tests(page: Browser, client: httpx.Client) -> None:
    go(page, ATFL)
    shown(page, ATFL)
    page.evaluate("document.getElementById('impact-run').click()")
    page.wait_for("document.getElementById('impact-results').dataset.loaded === 'true'")
    open_graph(page, "impact")
    full = client.get("/v1/impact", params={"injured": ATFL, "grade": 3, "explain": "full"}).json()
    edges = {tuple(e) for e in page.evaluate(
        "GRAPHS.get('impact-graph').edges().map(e => [e.source().id(), e.data('label'), e.target().id()])"
    )}  # fmt: skip
    # injury -> lost restraint: each restraint fact of the ATFL behind a destabilised motion
    lost = {f["fact"]["id"] for m in full["destabilised_motions"] for f in m["because"]
            if f["predicate"]["id"] == "akg:Restraint" and f["subject"]["id"] == ATFL}  # fmt: skip
    assert lost and {(ATFL, "loses", fact) for fact in lost} <= edges
    # lost restraint -> destabilised motion -> test: the anterior drawer test examines anterior talar translation
    tests = full["expected_positive_tests"]
    drawer = next(t["test"]["id"] for t in tests if t["test"]["label"] == "anterior drawer test")
    motion = next(m for m in full["destabilised_motions"] if m["motion"]["label"] == "anterior talar translation")
    node = f"motion:{motion['motion']['id']}@{motion['joint']['id']}"
    assert (node, "examined by", drawer) in edges
    assert any(source in lost and target == node for source, _, target in edges)
    # a restraint the injury leaves intact is not drawn as lost
    kept = {f["subject"]["id"] for m in full["destabilised_motions"] for f in m["because"]
            if f["predicate"]["id"] == "akg:Restraint"} - {ATFL}  # fmt: skip
    drawn = set(page.evaluate("GRAPHS.get('impact-graph').nodes().map(n => n.id())"))
    assert not kept & drawn
    assert "anterior drawer test" in text(page, "#impact-graph-edges")
    screenshot(page, "graph-impact-chain-atfl", "#impact-chain")
    # clicking the test walks to it
    where = node_position(page, "impact-graph", drawer)
    click_at(page, where["x"], where["y"])
    shown(page, drawer)
    assert page.evaluate("window.cspViolations") == []
