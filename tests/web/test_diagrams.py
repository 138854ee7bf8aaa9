"""The schematic views in headless Chromium against the real server: each view renders what /v1/diagrams gives,
a real click on a structure opens it, hovering names it, the keyboard reaches it, an entity page highlights it, the
impact panel colours what an injury reaches and marks the destabilised motions, and a phone shows it all without
overflow. Screenshots of each view go to tests/web/artifacts/ (not versioned) for a reviewer to look at."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.conftest import LiveServer
from tests.web.conftest import Browser
from tests.web.test_explorer import go, shown, text
from tests.web.test_learn import key, screenshot

VIEWS = ["lateral", "medial", "posterior", "anterior"]
ATFL, SPR, TALUS = "ANKLE:0000016", "ANKLE:0000053", "ANKLE:0000003"
#: a structure to click on each view (any band would do; these are the ones a student looks for there)
TO_CLICK = {"lateral": ATFL, "medial": "ANKLE:0000020", "posterior": "ANKLE:0000025", "anterior": "ANKLE:0000024"}
CSP_WATCH = "window.__csp = []; document.addEventListener('securitypolicyviolation', (e) => " \
            "window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));"  # fmt: skip


@pytest.fixture
def page(browser: Browser, live_server: LiveServer) -> Browser:
    """The explorer at desktop width, its diagrams drawn, watching for CSP violations."""
    browser.call("Emulation.setDeviceMetricsOverride", width=1200, height=900, deviceScaleFactor=1, mobile=False)
    browser.call("Page.enable")
    browser.call("Page.addScriptToEvaluateOnNewDocument", source=CSP_WATCH)
    browser.open(live_server.url + "/explore")
    browser.wait_for("document.body && document.body.dataset.ready === 'true' && "
                     "document.getElementById('diagrams-views').dataset.loaded === 'true'")  # fmt: skip
    return browser


def show_view(page: Browser, view: str, where: str = "#diagrams-views") -> None:
    page.evaluate(f"document.querySelector('{where} button[data-view={view}]').click()")
    page.wait_for(f"(document.querySelector('{where} .diagram-panel') || {{}}).dataset?.view === '{view}'")


def api(client: httpx.Client, path: str, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def band_point(page: Browser, scope: str, entity: str) -> tuple[float, float]:
    """The middle of a band on the screen (scrolled into view), in viewport coordinates."""
    return tuple(page.evaluate(f"""(() => {{
        const path = document.querySelector({json.dumps(f"{scope} a.band[data-id='{entity}'] .band-hit")});
        path.closest('figure').scrollIntoView({{block: 'center'}});
        const p = path.getPointAtLength(path.getTotalLength() / 2), m = path.getScreenCTM();
        return [m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f];
    }})()"""))  # type: ignore[return-value]


def mouse(page: Browser, kind: str, x: float, y: float) -> None:
    extra = {"button": "left", "clickCount": 1} if kind != "mouseMoved" else {}
    page.call("Input.dispatchMouseEvent", type=kind, x=x, y=y, **extra)


def test_each_view_renders_the_bones_and_bands_of_the_api(page: Browser, client: httpx.Client) -> None:
    for view in VIEWS:
        show_view(page, view)
        body = api(client, f"/v1/diagrams/{view}")
        figure = "#diagrams-views figure.diagram"
        assert page.evaluate(f"document.querySelector('{figure}').dataset.view") == view
        drawn = page.evaluate(f"[...document.querySelectorAll('{figure} svg a.band')].map(a => a.dataset.id)")
        assert sorted(drawn) == sorted(b["entity"]["id"] for b in body["bands"])
        bones = page.evaluate(f"[...document.querySelectorAll('{figure} svg a.bone')].map(a => a.dataset.id)")
        assert bones == [b["entity"]["id"] for b in body["bones"]]
        # the page says the view is schematic, and its text alternative lists what is drawn and what is not
        assert text(page, f"{figure} .schematic-note") == body["notice"]
        assert page.evaluate(f"document.querySelectorAll('{figure} .diagram-text ul.drawn li a').length") == len(
            body["bands"])
        not_drawn = page.evaluate(f"[...document.querySelectorAll('{figure} .diagram-text ul.not-drawn li')]"
                                  ".map(li => li.textContent)")  # fmt: skip
        assert len(not_drawn) == len(body["not_drawn"])
        assert all(n["reason"] in t for n, t in zip(body["not_drawn"], not_drawn, strict=True))
        # hovering names a structure: each band carries its name as an SVG title
        titles = page.evaluate(f"[...document.querySelectorAll('{figure} svg a.band > title')].map(t => t.textContent)")
        assert all(any(b["entity"]["label"] in t for t in titles) for b in body["bands"])
        screenshot(page, f"diagram-{view}", figure)
    assert page.evaluate("document.querySelectorAll('#diagrams [style]').length") == 0
    assert page.evaluate("window.__csp") == []


def test_a_click_on_a_structure_of_each_view_opens_it(page: Browser) -> None:
    for view, entity in TO_CLICK.items():
        go(page, "")
        show_view(page, view)
        x, y = band_point(page, "#diagrams-views", entity)
        # what is under the pointer is that band's link (no label or other band covers it)
        assert page.evaluate(f"document.elementFromPoint({x}, {y}).closest('a').dataset.id") == entity
        mouse(page, "mouseMoved", x, y)
        halo = page.evaluate(f"getComputedStyle(document.querySelector(\"#diagrams-views a.band[data-id='{entity}'] "
                             ".band-halo\")).stroke")  # fmt: skip
        assert halo == "rgb(233, 161, 0)", "hovering lights the band up"
        mouse(page, "mousePressed", x, y)
        mouse(page, "mouseReleased", x, y)
        shown(page, entity)
        assert page.evaluate("location.hash") == f"#{entity}"


def test_the_keyboard_reaches_and_opens_a_structure(page: Browser) -> None:
    go(page, "")
    show_view(page, "lateral")
    page.evaluate("document.querySelector('#diagrams-views button[data-view=anterior]').focus()")
    key(page, "Tab", "Tab", 9)
    first = page.evaluate("document.activeElement.closest('svg') && document.activeElement.dataset.id")
    assert first, "Tab moves from the view buttons into the drawing"
    assert page.evaluate("[...document.querySelectorAll('#diagrams-views svg a')].every(a => a.tabIndex === 0)")
    page.evaluate(f"document.querySelector(\"#diagrams-views a.band[data-id='{ATFL}']\").focus()")
    key(page, "Enter", "Enter", 13, "\r")
    shown(page, ATFL)


def test_an_entity_page_shows_the_views_it_is_drawn_in_with_it_highlighted(page: Browser) -> None:
    go(page, "ATFL")
    page.wait_for("!!document.querySelector('#entity-diagrams figure')")
    tabs = page.evaluate("[...document.querySelectorAll('#entity-diagrams button')].map(b => b.dataset.view)")
    assert tabs == ["lateral", "anterior"]
    selected = page.evaluate("[...document.querySelectorAll('#entity-diagrams svg .selected')].map(n => n.dataset.id)")
    assert selected == [ATFL]
    assert page.evaluate("document.querySelector('#entity-diagrams figure').classList.contains('has-selection')")
    screenshot(page, "diagram-entity-atfl", "#entity-diagrams")
    # a structure drawn as its parts lights them all up; a bone is highlighted as an outline
    go(page, "LCL")
    shown(page, "ANKLE:0000015")
    page.wait_for("!!document.querySelector('#entity-diagrams figure')")
    lit = page.evaluate("[...document.querySelectorAll('#entity-diagrams svg a.band.selected')].map(n => n.dataset.id)")
    assert set(lit) == {ATFL, "ANKLE:0000017", "ANKLE:0000018"}
    go(page, "talus")
    shown(page, TALUS)
    page.wait_for("!!document.querySelector('#entity-diagrams figure')")
    assert page.evaluate(f"!!document.querySelector(\"#entity-diagrams a.bone.selected[data-id='{TALUS}']\")")
    # a structure no view can draw says so, with the reason
    go(page, "plantar aponeurosis")
    shown(page, "ANKLE:0000133")
    page.wait_for("!!document.getElementById('entity-not-drawn')")
    assert "only its proximal attachment is recorded" in text(page, "#entity-not-drawn")


def run_impact(page: Browser, ref: str, entity: str) -> None:
    go(page, ref)
    shown(page, entity)
    page.evaluate("document.getElementById('impact-run').click()")
    page.wait_for("(document.getElementById('impact-diagrams') || {dataset: {}}).dataset.ready === 'true'")


def test_an_atfl_impact_answer_lights_up_the_atfl_and_marks_its_motions_on_the_lateral_view(
    page: Browser, client: httpx.Client
) -> None:
    run_impact(page, "ATFL", ATFL)
    report = api(client, "/v1/impact", injured="ATFL", grade=3, explain="none")
    panel = "#impact-diagrams"
    assert page.evaluate(f"document.querySelector('{panel} .diagram-panel').dataset.view") == "lateral"
    assert page.evaluate(f"[...document.querySelectorAll('{panel} svg a.band.injured')].map(a => a.dataset.id)") == [
        ATFL]
    reached = {i["structure"]["id"] for i in report["injuries"]}
    lit = page.evaluate(f"[...document.querySelectorAll('{panel} svg a.band.reached')].map(a => a.dataset.id)")
    assert set(lit) <= reached and ATFL in lit
    # every destabilised motion the view can show is marked, coloured by its worst status in the answer
    worst: dict[tuple[str, str], str] = {}
    order = ["unstable", "increased laxity", "reduced restraint"]
    for m in report["destabilised_motions"]:
        at = (m["joint"]["id"], m["motion"]["id"])
        if at not in worst or order.index(m["status"]) < order.index(worst[at]):
            worst[at] = m["status"]
    marks = page.evaluate(f"[...document.querySelectorAll('{panel} g.motion')].map(g => [g.dataset.joint, "
                          "g.dataset.motion, g.getAttribute('class')])")  # fmt: skip
    assert marks and len(marks) <= len(worst)
    for joint, motion, classes in marks:
        assert f"status-{worst[(joint, motion)].replace(' ', '-')}" in classes
    arrow = page.evaluate(f"""[...document.querySelectorAll('{panel} g.motion')].find(g =>
        g.querySelector('title').textContent.includes('anterior talar translation'))?.querySelector('path.motion-arrow')
        ?.getAttribute('marker-end')""")
    # the drawer's motion: unstable while the ATFL is its one restraint, lax since the deep deltoid backs it up
    drawer = next(s for (_, m), s in worst.items() if m == "ANKLE:0001007")
    assert drawer in ("unstable", "increased laxity")
    assert arrow and f"head-{drawer.replace(' ', '-')}" in arrow, "an arrow for the anterior talar translation"
    listed = text(page, f"{panel} .motion-list")
    assert f"anterior talar translation of the talocrural joint {drawer}" in " ".join(listed.split())
    screenshot(page, "diagram-impact-atfl-lateral", panel)


def test_a_torn_retinaculum_lights_up_the_tendons_it_no_longer_holds(page: Browser) -> None:
    run_impact(page, "SPR", SPR)
    panel = "#impact-diagrams"
    assert page.evaluate(f"[...document.querySelectorAll('{panel} svg a.band.injured')].map(a => a.dataset.id)") == [
        SPR]
    reached = page.evaluate(f"[...document.querySelectorAll('{panel} svg a.band.reached:not(.injured)')]"
                            ".map(a => a.dataset.id).sort()")  # fmt: skip
    assert reached == ["ANKLE:0000046", "ANKLE:0000047"]  # the fibularis longus and brevis tendons


def test_the_diagrams_fit_a_phone(page: Browser) -> None:
    page.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
    try:
        go(page, "")
        page.evaluate("document.getElementById('diagrams').scrollIntoView()")
        for view in VIEWS:
            show_view(page, view)
            assert page.evaluate("document.documentElement.scrollWidth") <= 390
            # the drawing keeps a legible size and scrolls sideways inside its frame, which fits the screen
            frame = "document.querySelector('#diagrams-views .diagram-frame')"
            assert page.evaluate(f"{frame}.getBoundingClientRect().right") <= 390
            assert page.evaluate(f"{frame}.scrollWidth > {frame}.clientWidth && "
                                 f"getComputedStyle({frame}).overflowX === 'auto'")  # fmt: skip
            assert text(page, "#diagrams-views .narrow-hint").startswith("Swipe the drawing sideways")
        # the view buttons wrap and stay on the screen
        assert page.evaluate("[...document.querySelectorAll('#diagrams-views button')]"
                             ".every(b => b.getBoundingClientRect().right <= 390)")  # fmt: skip
        show_view(page, "lateral")
        screenshot(page, "diagram-mobile-lateral", "#diagrams-views figure", width=390, mobile=True)
        run_impact(page, "ATFL", ATFL)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(page, "diagram-mobile-impact-atfl", "#impact-diagrams", width=390, mobile=True)
    finally:
        page.call("Emulation.clearDeviceMetricsOverride")
