"""The student-facing explorer at /explore: a static page whose script calls only the public REST API
(search, entities, impact, differential). Its script and style sheet are served under /web like the query page's."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, Response

WEB = Path(__file__).resolve().parents[2] / "web" / "static"

router = APIRouter(tags=["explorer"])


@router.get("/explore", include_in_schema=False)
def read_explorer() -> Response:
    """The explorer page for students (deep links: /explore#ANKLE:0000016 or /explore#ATFL)."""
    return Response((WEB / "explore.html").read_bytes(), media_type="text/html; charset=utf-8",
                    headers={"Cache-Control": "public, max-age=300"})  # fmt: skip
