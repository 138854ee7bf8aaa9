"""Finished answers kept as bytes, keyed by the normalised request, bounded in bytes.

The graph never changes while the service runs and every answer is a deterministic function of it and of
the request, so an answer computed once can be served again as it is. The key is built from resolved ids
(``ATFL`` and ``anterior talofibular ligament`` share an entry) and the release; the least recently used
entries go first when the byte budget is spent. Hits and misses are reported on /health.
"""

from __future__ import annotations

import gzip
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from ..version import __version__
from .caching import conditional_response, release_etag

#: Bodies from this size are kept gzipped too (as GZipMiddleware's minimum), at a level that costs a fraction of 9's
#: time for a few per cent more bytes; once per answer, not once per request.
GZIP_MIN_BYTES = 2048
GZIP_LEVEL = 6


@dataclass(frozen=True, slots=True)
class CachedAnswer:
    body: bytes
    etag: str
    gzipped: bytes | None = None
    media_type: str = "application/json"
    #: headers that belong to the answer itself (a SPARQL result's row counts and caps)
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped or b"")


class AnswerCache:
    """An LRU of answer bytes within ``max_bytes`` (0 turns it off); one event loop, so no lock."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, CachedAnswer] = OrderedDict()
        self.bytes = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> CachedAnswer | None:
        found = self._entries.get((__version__, key))
        if found is None:
            self.misses += 1
            return None
        self._entries.move_to_end((__version__, key))
        self.hits += 1
        return found

    def put(
        self, key: Hashable, body: bytes, *, media_type: str = "application/json",
        headers: tuple[tuple[str, str], ...] = (),
    ) -> CachedAnswer:  # fmt: skip
        # mtime=0: the same bytes from every replica and every run
        zipped = gzip.compress(body, GZIP_LEVEL, mtime=0) if len(body) >= GZIP_MIN_BYTES else None
        answer = CachedAnswer(body, release_etag(body), zipped, media_type, headers)
        if answer.size > self.max_bytes:
            return answer  # larger than the whole budget: answered, not kept
        full_key = (__version__, key)
        previous = self._entries.pop(full_key, None)
        if previous is not None:
            self.bytes -= previous.size
        self._entries[full_key] = answer
        self.bytes += answer.size
        while self.bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= evicted.size
        return answer

    def stats(self) -> dict[str, int]:
        return {
            "entries": len(self._entries), "bytes": self.bytes, "max_bytes": self.max_bytes,
            "hits": self.hits, "misses": self.misses,
        }  # fmt: skip


async def cached_answer(
    request: Request, key: Hashable, compute: Callable[[], BaseModel], *, offload: bool = False, validators: bool = True
) -> Response:
    """An answer from the cache (computed and kept on a miss); with ``validators`` (a GET) its ETag, or 304 when the
    client holds it.

    ``key`` names the question by resolved ids, never by the names typed, so that spellings share an entry; an
    error raised while computing is not kept. ``offload``: compute a miss in the thread pool (work that may take
    tens of milliseconds must not hold the event loop); the cache itself is only touched on the loop.
    """
    cache: AnswerCache = request.app.state.answer_cache
    answer = cache.get(key)
    if answer is None:
        body = await run_in_threadpool(_dump, compute) if offload else _dump(compute)
        answer = cache.put(key, body)
    return answer_response(request, answer, validators=validators)


def answer_response(request: Request, answer: CachedAnswer, *, validators: bool = True) -> Response:
    """The kept bytes, gzipped ones to a client that accepts them (GZipMiddleware leaves an encoded body alone);
    with ``validators``, the ETag (one for both encodings, as the middleware's answers have) and 304."""
    zipped = answer.gzipped is not None and "gzip" in request.headers.get("accept-encoding", "")
    headers = dict(answer.headers)
    if zipped:
        headers["Content-Encoding"] = "gzip"
    if answer.gzipped is not None:
        vary = headers.get("Vary")
        headers["Vary"] = f"{vary}, Accept-Encoding" if vary else "Accept-Encoding"
    body = answer.gzipped if zipped and answer.gzipped is not None else answer.body
    if not validators:
        return Response(body, media_type=answer.media_type, headers=headers)
    return conditional_response(request, body, answer.media_type, tag=answer.etag, headers=headers)


def _dump(compute: Callable[[], BaseModel]) -> bytes:
    return compute().model_dump_json().encode()
