"""Every page for people and every asset they load, served from this service (no CDN): the explorer (/explore),
the SPARQL query page (/query, also /sparql for a browser), the API documentation (/docs, Swagger UI vendored
under web/static/vendor with its licence), and their scripts and style sheets (/web/...); the explorer's graph view
draws with Cytoscape.js, vendored the same way.

FastAPI's default /docs loads Swagger UI from a CDN, so on a network without internet (a hospital intranet, a
laptop offline, this project's CI) the documentation page was blank. The pages' scripts call only the public API.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Request, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from ..caching import conditional_response
from ..problems import ProblemError

WEB = Path(__file__).resolve().parents[2] / "web" / "static"
SWAGGER_UI = "swagger-ui-5.35.0"
#: The explorer's graph view draws with Cytoscape.js (MIT, app/web/static/vendor/cytoscape-3.35.0/LICENSE)
CYTOSCAPE = "cytoscape-3.35.0"
#: The query page edits and shows SPARQL with YASGUI's YASQE and YASR (MIT, vendor/yasgui-4.6.2/LICENSE)
YASGUI = "yasgui-4.6.2"
#: The query page's chart view draws with Chart.js (MIT, vendor/chart.js-4.6.1/LICENSE)
CHART_JS = "chart.js-4.6.1"
#: The vendored packages, each under web/static/vendor/<name>-<version>/ with its licence
VENDORED = frozenset({SWAGGER_UI, CYTOSCAPE, YASGUI, CHART_JS})
VENDOR = WEB / "vendor"
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
          ".css": "text/css; charset=utf-8", ".png": "image/png"}  # fmt: skip
_PAGE_HEADERS = {"Cache-Control": "public, max-age=300"}

router = APIRouter(tags=["pages"])


def _page(name: str, *, vary: bool = False) -> Response:
    headers = {**_PAGE_HEADERS, **({"Vary": "Accept"} if vary else {})}
    return Response((WEB / name).read_bytes(), media_type=_TYPES[".html"], headers=headers)


def query_page() -> Response:
    """The SPARQL query page (also what /sparql answers a browser, hence Vary: Accept)."""
    return _page("query.html", vary=True)


@router.get("/explore", include_in_schema=False)
def read_explorer() -> Response:
    """The explorer for students (deep links: /explore#ANKLE:0000016 or /explore#ATFL)."""
    return _page("explore.html")


@router.get("/query", include_in_schema=False)
def read_query_page() -> Response:
    """The query page for people."""
    return query_page()


@router.get("/docs", include_in_schema=False)
def read_docs() -> HTMLResponse:
    """Swagger UI over /openapi.json, with every asset from this service.

    Made to pass the WCAG 2.1 AA checks (tests/web/test_accessibility.py): the page names its language, docs.css
    darkens Swagger UI's colours that fail the contrast ratio (syntax highlighting is off: its themes fail it),
    docs.js names the parameters' inputs, and deep links are off (with them each operation's path is a link
    inside the button that opens it, a nested control screen readers cannot reach).
    """
    base = f"/web/vendor/{SWAGGER_UI}"
    page = get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="AnkleKG API",
        swagger_js_url=f"{base}/swagger-ui-bundle.js",
        swagger_css_url=f"{base}/swagger-ui.css",
        swagger_favicon_url=f"{base}/favicon-32x32.png",
        swagger_ui_parameters={"deepLinking": False, "syntaxHighlight": False},
    )
    html = bytes(page.body).decode("utf-8").replace("<html>", '<html lang="en">', 1)
    html = html.replace('<link rel="shortcut icon"', '<link type="text/css" rel="stylesheet" href="/web/docs.css">\n'
                        '    <link rel="shortcut icon"', 1)  # fmt: skip
    html = html.replace("</body>", '<script src="/web/docs.js"></script>\n</body>', 1)
    return HTMLResponse(html)


@router.get("/web/{name}", include_in_schema=False)
def read_asset(request: Request, name: str) -> Response:
    """A page's script or style sheet, with an ETag."""
    path = WEB / name
    if "/" in name or path.suffix not in _TYPES or path.suffix == ".png" or not path.is_file():
        raise ProblemError(404, "http-404", "Not Found", f"No file {name!r} under /web.")
    return conditional_response(request, path.read_bytes(), _TYPES[path.suffix])


@router.get("/web/vendor/{package}/{name}", include_in_schema=False)
def read_vendored(package: str, name: str) -> Response:
    """A vendored asset; the version is in the path, so it may be cached for a long time."""
    path = VENDOR / package / name
    if package not in VENDORED or "/" in name or path.suffix not in _TYPES or not path.is_file():
        raise ProblemError(404, "http-404", "Not Found", f"No vendored file {package}/{name}.")
    # FileResponse streams the 1.7 MB bundle from disk (with ETag and Last-Modified) instead of reading it whole
    return FileResponse(
        path, media_type=_TYPES[path.suffix], headers={"Cache-Control": "public, max-age=604800, immutable"}
    )
