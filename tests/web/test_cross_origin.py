"""Browser code on another origin reads what the API exposes: a real cross-origin fetch in headless chromium, from
a page served by a second server on another port (another origin), against the live service."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.conftest import LiveServer
from tests.web.conftest import Browser


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>another origin</title><p>a front-end elsewhere"
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture(scope="module")
def elsewhere() -> Iterator[str]:
    """A page on another origin (same host, another port), as a front-end developer's would be."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def _fetch(browser: Browser, url: str) -> dict[str, object]:
    return browser.evaluate(  # type: ignore[no-any-return]
        f"fetch({json.dumps(url)}, {{mode: 'cors'}}).then(r => ({{status: r.status, origin: location.origin, "
        "etag: r.headers.get('etag'), version: r.headers.get('x-anklekg-version'), "
        "truncated: r.headers.get('x-anklekg-result-truncated'), rows: r.headers.get('x-anklekg-result-rows')}))"
    )


def test_a_page_on_another_origin_reads_the_etag_and_the_anklekg_headers(
    browser: Browser, live_server: LiveServer, elsewhere: str
) -> None:
    browser.open(elsewhere)
    browser.wait_for("document.readyState === 'complete' && location.href.startsWith('http://127.0.0.1')")
    entity = _fetch(browser, live_server.url + "/v1/entities/ATFL")
    assert entity["origin"] != live_server.url.rstrip("/")  # truly another origin
    assert entity["status"] == 200
    assert entity["etag"] and entity["version"], entity
    query = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 3"
    sparql = _fetch(browser, live_server.url + "/sparql?query=" + query.replace(" ", "%20"))
    assert sparql["status"] == 200
    assert sparql["truncated"] is not None and sparql["rows"] == "3", sparql
