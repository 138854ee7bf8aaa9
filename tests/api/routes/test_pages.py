"""The pages over HTTP: /explore, /query, /docs and their assets (in a browser: tests/web/)."""

from __future__ import annotations

import re

import httpx

from app.api.routes.pages import WEB


def test_the_explorer_is_one_html_page_whose_scripts_and_styles_come_from_this_service(client: httpx.Client) -> None:
    page = client.get("/explore")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assets = [s for s in sources if s.endswith((".js", ".css"))]
    assert assets and all(s.startswith("/") and not s.startswith("//") for s in assets)  # no CDN
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert served.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript", "text/css")
    assert "<script>" not in page.text  # no inline script: the policy would block it


def test_the_docs_page_loads_every_asset_from_this_service(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/web/") for a in assets)
    assert {"/web/docs.css", "/web/docs.js"} <= set(assets)  # our accessibility fixes over Swagger UI
    assert '<html lang="en">' in page.text
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        if asset.startswith("/web/vendor/"):
            assert "immutable" in served.headers["cache-control"]
        else:
            assert served.headers["etag"]


def test_the_graph_library_is_vendored_with_its_licence(client: httpx.Client) -> None:
    served = client.get("/web/vendor/cytoscape-3.35.0/cytoscape.min.js")
    assert served.status_code == 200 and served.headers["content-type"].startswith("text/javascript")
    assert "immutable" in served.headers["cache-control"] and "The Cytoscape Consortium" in served.text[:300]
    licence = WEB / "vendor" / "cytoscape-3.35.0" / "LICENSE"
    assert "Permission is hereby granted" in licence.read_text(encoding="utf-8")
    assert client.get("/web/vendor/cytoscape-3.35.0/LICENSE").status_code == 404  # only assets are served


def test_an_unknown_vendored_file_is_a_problem(client: httpx.Client) -> None:
    missing = client.get("/web/vendor/swagger-ui-0.0.0/swagger-ui.css")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


def test_the_query_page_and_its_assets_are_served_with_validators(client: httpx.Client) -> None:
    page = client.get("/query")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    script = client.get("/web/query.js")
    assert script.status_code == 200 and script.headers["etag"]
    assert client.get("/web/query.js", headers={"If-None-Match": script.headers["etag"]}).status_code == 304
    assert client.get("/web/nothing.js").headers["content-type"] == "application/problem+json"


def test_the_query_page_loads_yasgui_from_this_service_with_its_licence(client: httpx.Client) -> None:
    """YASGUI (YASQE and YASR) is vendored from npm (@zazuko/yasgui): no CDN, no inline script, no unsafe-eval."""
    page = client.get("/query")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-eval" not in policy
    assets = re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', page.text)
    assert {"/web/vendor/yasgui-4.6.2/yasgui.min.js", "/web/vendor/yasgui-4.6.2/yasgui.min.css"} <= set(assets)
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
    assert "<script>" not in page.text
    licence = (WEB / "vendor" / "yasgui-4.6.2" / "LICENSE").read_text(encoding="utf-8")
    assert "@zazuko/yasgui 4.6.2" in licence and "Permission is hereby granted" in licence


def test_the_query_page_charts_with_chart_js_vendored_with_its_licence(client: httpx.Client) -> None:
    """Chart.js is vendored from npm (chart.js 4.6.1, its UMD build) like YASGUI; the pivot and chart plugins load
    after YASGUI (they register with its YASR) and before the page's script (which creates YASR)."""
    page = client.get("/query")
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    assert scripts == [
        "/web/vendor/yasgui-4.6.2/yasgui.min.js", "/web/vendor/chart.js-4.6.1/chart.umd.min.js",
        "/web/query-values.js", "/web/query-pivot.js", "/web/query-chart.js", "/web/query.js",
    ]  # fmt: skip
    served = client.get("/web/vendor/chart.js-4.6.1/chart.umd.min.js")
    assert served.status_code == 200 and served.headers["content-type"].startswith("text/javascript")
    assert "immutable" in served.headers["cache-control"] and "Chart.js v4.6.1" in served.text[:200]
    assert "new Function" not in served.text and "eval(" not in served.text  # the policy has no unsafe-eval
    licence = (WEB / "vendor" / "chart.js-4.6.1" / "LICENSE").read_text(encoding="utf-8")
    assert "chart.js 4.6.1" in licence and "Chart.js Contributors" in licence and "@kurkle/color 0.3.2" in licence
    assert licence.count("Permission is hereby granted") == 2
