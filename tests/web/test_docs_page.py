"""The interactive API documentation at /docs, in a real headless browser against the real server:
it renders every documented operation from assets served by AnkleKG itself (no CDN)."""

from __future__ import annotations

import httpx

from tests.conftest import LiveServer
from tests.web.conftest import Browser


def test_docs_render_every_operation_without_leaving_the_service(
    browser: Browser, live_server: LiveServer, client: httpx.Client
) -> None:
    schema = client.get("/openapi.json").json()
    operations = sum(
        1 for path in schema["paths"].values() for method in path if method in ("get", "post", "put", "delete")
    )
    browser.open(live_server.url + "/docs")
    shown = browser.wait_for(
        f"document.querySelectorAll('.opblock').length >= {operations} && document.querySelectorAll('.opblock').length"
    )
    assert shown == operations
    assert "AnkleKG" in browser.evaluate("document.querySelector('.title').innerText")
    loaded = browser.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(url.startswith(live_server.url) for url in loaded), loaded


def test_vendored_assets_are_cacheable_and_unknown_ones_are_problems(client: httpx.Client) -> None:
    html = client.get("/docs").text
    script = html.split('src="')[1].split('"')[0]
    asset = client.get(script)
    assert asset.status_code == 200 and asset.headers["content-type"].startswith("text/javascript")
    assert "immutable" in asset.headers["cache-control"]
    missing = client.get("/web/vendor/swagger-ui-5.35.0/nope.js")
    assert missing.status_code == 404 and missing.headers["content-type"].startswith("application/problem+json")
    assert client.get("/redoc").status_code == 404  # one documentation page, served from here
