"""Finished answers kept as bytes, keyed by the normalised request, bounded in bytes.

The graph never changes while the service runs and every answer is a deterministic function of it and of
the request, so an answer computed once can be served again as it is. The key is built from resolved ids
(``ATFL`` and ``anterior talofibular ligament`` share an entry) and the release; the least recently used
entries go first when the byte budget is spent. Hits and misses are reported on /health.

A route that answers from the cache also remembers which request it answered (path, query string and what else
the answer depends on: :func:`request_key`); the next time the same request arrives, the HTTP edge
(app/api/edge.py) serves the kept bytes before FastAPI's routing, parameter parsing and dependencies, which cost
more than the answer itself. A request seen for the first time, or whose answer was evicted, goes to its route.

A route may also name where a finished answer is kept already (the single-injury impact answers ``anklekg build``
stores in the snapshot: app/api/stored.py): a miss then reads it from there instead of computing it, and keeps it
here like a computed one (counted as ``stored`` on /health, besides the miss).
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope

from ..version import __version__
from .caching import RELEASE_CACHE_CONTROL, etag_matches, release_etag
from .encoder import dump_json

#: Bodies from this size are kept gzipped too (the edge gzips routed answers from the same size), at a level that costs
#: a fraction of 9's time for a few per cent more bytes; once per answer, not once per request, and only once a client
#: asks for it (gzipping a 209 KB impact answer costs more CPU than computing it: a client that takes identity, a
#: notebook, curl, a SPARQL library, never pays for it).
GZIP_MIN_BYTES = 2048
GZIP_LEVEL = 6
#: Requests remembered as answered from the cache, by the bytes of their URL, Host and Accept (a SPARQL GET may carry
#: a 256 KB query): thousands of ordinary requests; a flood of distinct or long URLs only pushes the oldest out.
MAX_REMEMBERED_BYTES = 8 * 1024 * 1024
_REMEMBERED_OVERHEAD = 200  # the tuple, its strings' headers and the dict slot, roughly

Headers = list[tuple[bytes, bytes]]
#: A finished answer kept elsewhere: its ETag and its body gzipped as :meth:`CachedAnswer.zipped` makes it (one gzip
#: member, whose last four bytes are the body's length: RFC 1952's ISIZE)
Stored = tuple[str, bytes]

log = logging.getLogger(__name__)


@dataclass(slots=True, eq=False)
class CachedAnswer:
    #: None only for an answer read gzipped (a stored one) until a client that does not take gzip asks for it
    body: bytes | None
    etag: str
    #: the body gzipped, made for the first request that accepts it (see :meth:`zipped`), when ``zippable``
    gzipped: bytes | None = None
    media_type: str = "application/json"
    #: headers that belong to the answer itself (a SPARQL result's row counts and caps)
    headers: tuple[tuple[str, str], ...] = ()
    #: what its key holds (a SPARQL GET's key holds the query, up to 256 KB): counted against the budget too
    key_bytes: int = 0
    #: large enough to be sent gzipped to a client that accepts it (GZIP_MIN_BYTES)
    zippable: bool = False
    #: told the size of the gzipped bytes, or of the body, when either is made, so that the cache counts it
    on_grow: Callable[[int], None] | None = None
    #: the headers every response of it carries, encoded once (see :meth:`_encoded`), and its ETag's header
    encoded: tuple[Headers, tuple[bytes, bytes], bytes] | None = None

    @property
    def size(self) -> int:
        return len(self.body or b"") + len(self.gzipped or b"") + self.key_bytes

    def zipped(self) -> bytes:
        """The gzipped body, made once (mtime 0: the same bytes from every replica and every run)."""
        if self.gzipped is None:
            assert self.body is not None  # one of the two is always there
            self.gzipped = gzip.compress(self.body, GZIP_LEVEL, mtime=0)
            if self.on_grow is not None:
                self.on_grow(len(self.gzipped))
        return self.gzipped

    def plain(self) -> bytes:
        """The body; one read gzipped (a stored answer: most clients take gzip) is decompressed once, for the first
        client that does not (~0.4 ms for a 256 KB answer, more than the rest of serving it)."""
        if self.body is None:
            assert self.gzipped is not None
            self.body = _gunzip(self.gzipped)
            if self.on_grow is not None:
                self.on_grow(len(self.body))
        return self.body

    def parts(
        self, accept_encoding: str, if_none_match: str | None, *, validators: bool = True
    ) -> tuple[int, Headers, bytes]:
        """Status, raw headers and body of this answer to a request: the gzipped bytes to a client that accepts them
        (one ETag for both encodings), 304 without a body when If-None-Match names it. The one place both the
        routes and the edge build a kept answer's response, so the two cannot differ."""
        zipped = self.zippable and "gzip" in accept_encoding
        common, etag, content_type = self.encoded or self._encoded()
        headers = list(common)
        if validators:
            headers += (etag, (b"cache-control", _CACHE_CONTROL))
            if if_none_match is not None and etag_matches(if_none_match, self.etag):  # no body: no encoding, no type
                return 304, headers, b""
        if zipped:
            headers.append((b"content-encoding", b"gzip"))
        body = self.zipped() if zipped else self.plain()
        headers.append((b"content-length", str(len(body)).encode("latin-1")))
        headers.append((b"content-type", content_type))
        return 200, headers, body

    def _encoded(self) -> tuple[Headers, tuple[bytes, bytes], bytes]:
        """The answer's own headers as bytes (Vary naming Accept-Encoding when it may be sent gzipped, whether or not
        the gzipped bytes were made yet: the same headers either way), its ETag header and its Content-Type: encoded
        for its first response and kept, not for every one."""
        headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.headers]
        if self.zippable:
            vary = [v for k, v in headers if k == b"vary"]
            headers = [h for h in headers if h[0] != b"vary"]
            headers.append((b"vary", b", ".join([*vary, b"Accept-Encoding"])))
        media_type = self.media_type
        if media_type.startswith("text/") and "charset" not in media_type:
            media_type += "; charset=utf-8"
        self.encoded = (headers, (b"etag", self.etag.encode("latin-1")), media_type.encode("latin-1"))
        return self.encoded


_CACHE_CONTROL = RELEASE_CACHE_CONTROL.encode("latin-1")


def _gunzip(member: bytes) -> bytes:
    """One gzip member's content, into a buffer of its size (ISIZE, the member's last four bytes) made once, not
    grown step by step from 16 KB (~10% less time for a 256 KB answer)."""
    return zlib.decompress(member, 16 + zlib.MAX_WBITS, max(1, int.from_bytes(member[-4:], "little")))


def request_key(scope: Scope) -> tuple[object, ...]:
    """What a cacheable GET's answer may depend on besides the graph: the URL as the client wrote it (scheme and Host
    make the absolute links of list answers; root path, path and query string the question) and Accept (SPARQL
    negotiates the result format by it). Accept-Encoding, If-None-Match and Origin are applied per request."""
    host = accept = None
    for name, value in scope["headers"]:  # the first of each, as Starlette's Headers.get reads them
        if name == b"host" and host is None:
            host = value
        elif name == b"accept" and accept is None:
            accept = value
    return request_key_of(scope, host or b"", accept or b"")


def request_key_of(scope: Scope, host: bytes, accept: bytes) -> tuple[object, ...]:
    """:func:`request_key` from headers already read (the edge reads them once)."""
    return (scope["path"], scope["query_string"], scope["scheme"], scope.get("root_path", ""), host, accept)


class AnswerCache:
    """An LRU of answer bytes within ``max_bytes`` (0 turns it off); one event loop, so no lock."""

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[Hashable, CachedAnswer] = OrderedDict()
        self._requests: OrderedDict[tuple[object, ...], tuple[Hashable, int]] = OrderedDict()
        self._request_bytes = 0
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        #: misses answered from stored answers (app/api/stored.py) instead of computed
        self.stored = 0

    def get(self, key: Hashable) -> CachedAnswer | None:
        found = self._entries.get((__version__, key))
        if found is None:
            self.misses += 1
            return None
        self._entries.move_to_end((__version__, key))
        self.hits += 1
        return found

    def remember(self, request: tuple[object, ...], key: Hashable) -> None:
        """``request`` (see :func:`request_key`) was answered with the entry ``key``: the edge may serve it again."""
        if not self.max_bytes:
            return
        size = _REMEMBERED_OVERHEAD + sum(len(part) for part in request if isinstance(part, str | bytes))
        if size > MAX_REMEMBERED_BYTES // 16:
            return  # a very long URL (a large SPARQL GET) is answered through its route
        previous = self._requests.pop(request, None)
        if previous is not None:
            self._request_bytes -= previous[1]
        self._requests[request] = (key, size)
        self._request_bytes += size
        while self._request_bytes > MAX_REMEMBERED_BYTES:
            _, (_, forgotten) = self._requests.popitem(last=False)
            self._request_bytes -= forgotten

    def for_request(self, request: tuple[object, ...]) -> CachedAnswer | None:
        """The kept answer of a request answered before (a hit), or None, counted as nothing: the route that then
        answers counts its own hit or miss."""
        remembered = self._requests.get(request)
        if remembered is None:
            return None
        key, size = remembered
        found = self._entries.get((__version__, key))
        if found is None:
            del self._requests[request]  # evicted: the route computes it again and remembers the request anew
            self._request_bytes -= size
            return None
        self._requests.move_to_end(request)
        self._entries.move_to_end((__version__, key))
        self.hits += 1
        return found

    def put(
        self, key: Hashable, body: bytes, *, media_type: str = "application/json",
        headers: tuple[tuple[str, str], ...] = (), key_bytes: int | None = None, etag: str | None = None,
    ) -> CachedAnswer:  # fmt: skip
        """Keep ``body`` under ``key``; ``key_bytes``: what the key holds, when the caller knows it more cheaply than
        the length of its repr (a SPARQL query's key: the repr of a 256 KB query costs more than its answer).
        ``etag``: the body's, when known already (a stored answer's)."""
        zippable = len(body) >= GZIP_MIN_BYTES
        size = len(repr(key)) if key_bytes is None else key_bytes
        answer = CachedAnswer(body, etag or release_etag(body), None, media_type, headers, size, zippable)
        return self._keep(key, answer)

    def _keep(self, key: Hashable, answer: CachedAnswer) -> CachedAnswer:
        if answer.size > self.max_bytes:
            return answer  # larger than the whole budget: answered, not kept
        full_key = (__version__, key)
        answer.on_grow = lambda size: self._grown(full_key, answer, size)
        previous = self._entries.pop(full_key, None)
        if previous is not None:
            self.bytes -= previous.size
        self._entries[full_key] = answer
        self.bytes += answer.size
        while self.bytes > self.max_bytes:
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= evicted.size
        return answer

    def read(self, key: Hashable, stored: Callable[[], Stored | None]) -> CachedAnswer | None:
        """The answer ``stored`` reads (a finished answer kept elsewhere: app/api/stored.py), kept under ``key`` and
        counted as ``stored``; None when it has none, or cannot read it (said in the log: the caller computes)."""
        try:
            found = stored()
        except OSError as exc:  # a damaged file: the answer is computed, as without it
            log.warning("a stored answer could not be read (%s): computed instead", exc)
            return None
        if found is None:
            return None
        etag, gzipped = found
        self.stored += 1
        if int.from_bytes(gzipped[-4:], "little") < GZIP_MIN_BYTES:  # never sent gzipped: kept as its body
            return self.put(key, _gunzip(gzipped), etag=etag)
        # kept gzipped only (the body is made for the first client that does not take gzip, see CachedAnswer.plain)
        return self._keep(key, CachedAnswer(None, etag, gzipped, key_bytes=len(repr(key)), zippable=True))

    def _grown(self, full_key: Hashable, answer: CachedAnswer, size: int) -> None:
        """An entry's gzipped bytes (or a stored answer's body) were made: count them, and keep within the budget (the
        oldest go first; the entry itself may go, its bytes are still sent to the request that made them)."""
        if self._entries.get(full_key) is not answer:
            return  # evicted or replaced meanwhile: not counted
        self.bytes += size
        while self.bytes > self.max_bytes and self._entries:
            _, evicted = self._entries.popitem(last=False)
            self.bytes -= evicted.size

    def stats(self) -> dict[str, int]:
        return {
            "entries": len(self._entries), "bytes": self.bytes, "max_bytes": self.max_bytes,
            "hits": self.hits, "misses": self.misses, "stored": self.stored,
        }  # fmt: skip


async def cached_answer(
    request: Request, key: Hashable, compute: Callable[[], BaseModel], *, offload: bool = False,
    validators: bool = True, stored: Callable[[], Stored | None] | None = None,
) -> Response:
    """An answer from the cache (read from ``stored``, else computed, and kept on a miss); with ``validators`` (a
    GET) its ETag, or 304 when the client holds it.

    ``key`` names the question by resolved ids, never by the names typed, so that spellings share an entry; an
    error raised while computing is not kept. ``offload``: compute a miss in the thread pool (work that may take
    tens of milliseconds must not hold the event loop); the cache itself is only touched on the loop. ``stored``:
    where this question's finished answer may be kept already (None when it is not kept there); one that cannot be
    read is computed instead, and said in the log.
    """
    cache: AnswerCache = request.app.state.answer_cache
    answer = cache.get(key)
    if answer is None:
        answer = cache.read(key, stored) if stored is not None else None
        if answer is None:
            body = await run_in_threadpool(_dump, compute) if offload else _dump(compute)
            answer = cache.put(key, body)
    return answer_response(request, answer, validators=validators, key=key)


def answer_response(
    request: Request, answer: CachedAnswer, *, validators: bool = True, key: Hashable | None = None
) -> Response:
    """The kept bytes, gzipped ones to a client that accepts them (the edge leaves an encoded body alone); with
    ``validators``, the ETag (one for both encodings) and 304. With the cache ``key`` of a GET, the request is
    remembered so that the edge answers it next time before routing."""
    status, headers, body = answer.parts(
        request.headers.get("accept-encoding", ""), request.headers.get("if-none-match"), validators=validators
    )
    if validators and key is not None and request.method == "GET":
        cache: AnswerCache = request.app.state.answer_cache
        cache.remember(request_key(request.scope), key)
    response = Response(body, status_code=status)
    response.raw_headers = headers
    return response


def _dump(compute: Callable[[], BaseModel]) -> bytes:
    return dump_json(compute())
