"""GET /explore over HTTP (the page's behaviour in a browser is tests/web/test_explorer.py and test_learn.py)."""

from __future__ import annotations

import re

import httpx


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
