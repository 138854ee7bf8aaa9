"""Conditional GET: ETags and Cache-Control for answers that change only with a release.

The graph is loaded once and never changes while the service runs, and every answer under /v1/ is a
deterministic function of it and of the request (the reasoning tests check determinism). So a hash
of the body, prefixed with the release, is a valid ETag, and a client that already holds the answer
can be told 304 instead of getting the bytes again: the explorer revisiting an entity, a notebook
rerunning a cell, a proxy. Routes that build their own validators (linked data, SPARQL, exports) use
the same two helpers; the HTTP edge (app/api/edge.py) adds them to the JSON answers under /v1/ that lack them.
"""

from __future__ import annotations

import hashlib

from starlette.requests import Request
from starlette.responses import Response

from ..version import __version__

__all__ = [
    "RELEASE_CACHE_CONTROL", "conditional_response", "etag_matches", "release_etag",
]  # fmt: skip

RELEASE_CACHE_CONTROL = "public, max-age=300"


def release_etag(body: bytes) -> str:
    """A strong validator: the release and a hash of the bytes."""
    return f'"{__version__}-{hashlib.sha256(body).hexdigest()[:20]}"'


def etag_matches(if_none_match: str | None, tag: str) -> bool:
    """RFC 9110 If-None-Match: ``*`` or a list of tags, compared weakly (a ``W/`` prefix is ignored)."""
    if not if_none_match:
        return False
    wanted = tag.removeprefix("W/")
    candidates = (t.strip().removeprefix("W/") for t in if_none_match.split(","))
    return any(c == "*" or c == wanted for c in candidates)


def conditional_response(
    request: Request,
    body: bytes,
    media_type: str,
    *,
    headers: dict[str, str] | None = None,
    cache_control: str = RELEASE_CACHE_CONTROL,
    tag: str | None = None,
) -> Response:
    """The one place a route answers with validators: ETag (given, or computed from the body) and
    Cache-Control, 304 when If-None-Match names it, text types declared UTF-8."""
    tag = tag or release_etag(body)
    all_headers = {**(headers or {}), "ETag": tag, "Cache-Control": cache_control}
    if etag_matches(request.headers.get("if-none-match"), tag):  # no body, so no encoding of one
        return Response(status_code=304, headers={k: v for k, v in all_headers.items() if k != "Content-Encoding"})
    if media_type.startswith("text/") and "charset" not in media_type:
        media_type += "; charset=utf-8"
    return Response(body, media_type=media_type, headers=all_headers)
