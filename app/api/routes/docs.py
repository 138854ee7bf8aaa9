"""The interactive API documentation at /docs, served entirely from this service.

FastAPI's default /docs and /redoc pages load Swagger UI and ReDoc from a CDN, so on a network
without internet (a hospital intranet, a laptop offline, this project's CI) the documentation page
was blank. Swagger UI 5 (Apache-2.0; its licence and notice are beside the files) is vendored under
app/web/static/vendor/ and served here; ReDoc is not offered (one documentation page is enough).
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Response
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse

from app.api.problems import ProblemError

SWAGGER_UI = "swagger-ui-5.35.0"
VENDOR = Path(__file__).resolve().parents[2] / "web" / "static" / "vendor" / SWAGGER_UI
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png"}

router = APIRouter(tags=["docs"])


@router.get("/docs", include_in_schema=False)
def read_docs() -> HTMLResponse:
    """Swagger UI over /openapi.json, with every asset from this service."""
    base = f"/web/vendor/{SWAGGER_UI}"
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="AnkleKG API",
        swagger_js_url=f"{base}/swagger-ui-bundle.js",
        swagger_css_url=f"{base}/swagger-ui.css",
        swagger_favicon_url=f"{base}/favicon-32x32.png",
    )


@router.get("/web/vendor/{package}/{name}", include_in_schema=False)
def read_vendored(package: str, name: str) -> Response:
    """A vendored asset; the version is in the path, so it may be cached for a long time."""
    path = VENDOR / name
    if package != SWAGGER_UI or "/" in name or path.suffix not in _TYPES or not path.is_file():
        raise ProblemError(404, "http-404", "Not Found", f"No vendored file {package}/{name}.")
    # FileResponse streams the 1.7 MB bundle from disk (with ETag and Last-Modified) instead of reading it whole
    return FileResponse(
        path, media_type=_TYPES[path.suffix], headers={"Cache-Control": "public, max-age=604800, immutable"}
    )
