"""GET /docs over HTTP: Swagger UI from vendored assets (the page in a browser: tests/web/test_docs_page.py)."""

from __future__ import annotations

import re

import httpx


def test_the_docs_page_loads_every_asset_from_this_service(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert assets and all(a.startswith("/web/vendor/") for a in assets)
    for asset in assets:
        served = client.get(asset)
        assert served.status_code == 200, asset
        assert "immutable" in served.headers["cache-control"]


def test_an_unknown_vendored_file_is_a_problem(client: httpx.Client) -> None:
    missing = client.get("/web/vendor/swagger-ui-0.0.0/swagger-ui.css")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
