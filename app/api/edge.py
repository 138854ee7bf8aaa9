"""The HTTP edge: one pure-ASGI middleware between uvicorn and FastAPI, one pass over the request's headers and one
over each response's.

It does what six middlewares did, in the order they were stacked (outermost first), with the same behaviour:

1. HEAD is answered as GET without the body (RFC 9110 section 9.3.2): the same status and headers;
2. CORS: a preflight is answered here (Starlette's own code); every other answer gets the simple headers;
3. X-AnkleKG-Version and X-Content-Type-Options: nosniff on every answer, and on our HTML pages a
   Content-Security-Policy and Referrer-Policy;
4. the request guard (app/api/guard.py): Host, body size, requests in flight, a POST body read within its limit;
5. a flooding SPARQL client's 429 before routing (app/api/sparql_runner.py);
6. gzip for a client that accepts it (bodies from 2 KiB, level 6, unless the answer is encoded already), and
   ETag, Cache-Control and 304 for the JSON answers under /v1/ that carry no validator of their own.

And one thing none of them did: a GET that a route answered from the answer cache is answered here the next time,
from the same kept bytes with the same headers (app/api/answer_cache.py), before FastAPI's routing, parameter
parsing and dependencies, which cost several times the floor of a bare route (docs/performance.md). So is the first
asking of a question whose answer ``anklekg build`` stored in the snapshot, when a path's ``first_askings`` function
(GET /v1/impact: app/api/routes/impact.py) recognises it in its plainest form; any other request goes to routing.

Why one middleware: each ASGI middleware wraps ``send`` in a coroutine and re-reads the headers (Starlette's
``Headers``/``MutableHeaders`` build lists and dicts each time); six of them cost ~0.11 ms per request, 70% of a
bare FastAPI route's whole request. Here the request headers are read once into locals and the response headers are
edited as one list.
"""

from __future__ import annotations

import asyncio
import zlib
from collections.abc import Callable, Mapping, Sequence

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..version import __version__
from .answer_cache import GZIP_LEVEL, GZIP_MIN_BYTES, AnswerCache, CachedAnswer, request_key_of
from .caching import RELEASE_CACHE_CONTROL, etag_matches, release_etag
from .guard import RequestGuard
from .sparql_runner import refuse_full_client

__all__ = ["PAGE_POLICY", "Edge"]

#: For our own pages (explorer, query page, entity pages): scripts and styles from this origin only
#: (entity pages carry one inline style sheet), fetches to this origin only, never framed elsewhere.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
#: The Swagger UI page starts with an inline script (assets are ours, see routes/pages.py).
_THIRD_PARTY_PAGES = ("/docs",)
#: A body this large is compressed in a thread, not on the event loop (Starlette's threshold).
_THREAD_MIN_BYTES = 128 * 1024

_STANDARD = [(b"x-anklekg-version", __version__.encode("latin-1")), (b"x-content-type-options", b"nosniff")]
_PAGE = [(b"content-security-policy", PAGE_POLICY.encode("latin-1")),
         (b"referrer-policy", b"strict-origin-when-cross-origin")]  # fmt: skip
_CACHE_CONTROL = RELEASE_CACHE_CONTROL.encode("latin-1")
_EXCLUDED = frozenset(t.partition(";")[0].strip().lower().encode("latin-1") for t in DEFAULT_EXCLUDED_CONTENT_TYPES)
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})

#: Answers a GET of one path from the cache or the snapshot before routing, or gives None (see the module's docstring):
#: called with the request's scope, the answer cache and the request's key (to remember it by)
FirstAsking = Callable[[Scope, AnswerCache, tuple[object, ...]], CachedAnswer | None]


class Edge:
    """The one middleware: see the module's docstring for what it does, in which order."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        guard: RequestGuard,
        allow_origins: Sequence[str],
        allow_methods: Sequence[str],
        expose_headers: Sequence[str],
        answered: asyncio.Event | None = None,
        direct: Mapping[tuple[str, str], ASGIApp] | None = None,
        first_askings: Mapping[str, FirstAsking] | None = None,
    ) -> None:
        self.app = app
        self.guard = guard
        #: set once the first answer is out (the server's lifespan starts the SPARQL workers then), then dropped
        self.answered = answered
        #: (method, path) -> the ASGI app that answers it without routing (GET and POST /sparql: app/api/main.py)
        self.direct = direct if direct is not None else {}
        #: path -> what answers a GET of it before routing when the answer is kept (GET /v1/impact: app/api/main.py)
        self.first_askings = first_askings if first_askings is not None else {}
        # Starlette's CORS code answers preflights (rare) and decides which origins are allowed; the simple
        # headers it would add to every answer are added in finish() instead.
        self.cors = CORSMiddleware(
            app, allow_origins=allow_origins, allow_methods=allow_methods, allow_headers=["*"],
            expose_headers=expose_headers,
        )  # fmt: skip
        self.cors_headers = [
            (k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in self.cors.simple_headers.items()
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = accept = length = if_none_match = None
        accept_encoding = origin = b""
        preflight = False
        for name, value in scope["headers"]:  # the one pass over the request's headers (the first of each, as
            if name == b"host":  # Starlette's Headers.get reads them, so the routes and this see the same values)
                if host is None:
                    host = value
            elif name == b"accept":
                if accept is None:
                    accept = value
            elif name == b"accept-encoding":
                accept_encoding = accept_encoding or value
            elif name == b"origin":
                origin = origin or value
            elif name == b"if-none-match":
                if_none_match = if_none_match or value
            elif name == b"content-length":
                length = length or value
            elif name == b"access-control-request-method":
                preflight = True
        method = scope["method"]
        if origin and preflight and method == "OPTIONS":
            await self.cors.preflight_response(request_headers=Headers(scope=scope))(scope, receive, send)
            return
        head = method == "HEAD"
        if head:
            scope = {**scope, "method": "GET"}
            method = "GET"
        reply = _Reply(self, send, scope, origin, head, accept_encoding, if_none_match)
        guard = self.guard
        if await guard.refuse(scope, reply, (host or b"").decode("latin-1"), (length or b"").decode("latin-1")):
            return
        guard.in_flight += 1
        try:
            if method in _BODY_METHODS:
                bounded = await guard.read_body(scope, receive, reply)
                if bounded is None:
                    return
                receive = bounded
            if await refuse_full_client(scope, reply):
                return
            if method == "GET":
                cache: AnswerCache | None = getattr(getattr(scope.get("app"), "state", None), "answer_cache", None)
                key = request_key_of(scope, host or b"", accept or b"")
                answer = cache.for_request(key) if cache is not None else None
                if answer is None and cache is not None and (first := self.first_askings.get(scope["path"])):
                    answer = first(scope, cache, key)  # a stored answer's first asking, in its plainest form
                if answer is not None:  # answered before by a route from the cache: the same bytes, now
                    status, headers, body = answer.parts(
                        accept_encoding.decode("latin-1"),
                        None if if_none_match is None else if_none_match.decode("latin-1"),
                    )
                    self.finish(headers, scope["path"], origin)
                    await send({"type": "http.response.start", "status": status, "headers": headers})
                    await send({"type": "http.response.body", "body": b"" if head else body})
                    return
            await self.direct.get((method, scope["path"]), self.app)(scope, receive, reply)
        finally:
            guard.in_flight -= 1
            if self.answered is not None:
                self.answered.set()
                self.answered = None

    def finish(self, headers: list[tuple[bytes, bytes]], path: str, origin: bytes) -> None:
        """The headers every answer carries, added to ``headers`` in place: the release, nosniff, the page policy
        on our HTML pages, CORS for a cross-origin request, and ``Origin`` in Vary (as Starlette's CORS adds it)."""
        headers += _STANDARD
        vary: list[bytes] = []
        html = False
        for name, value in headers:
            if name == b"vary":
                vary.append(value)
            elif name == b"content-type" and value.startswith(b"text/html"):
                html = True
        if html and not path.startswith(_THIRD_PARTY_PAGES):
            headers += _PAGE
        if origin:
            names = {name for name, _ in self.cors_headers}
            headers[:] = [h for h in headers if h[0] not in names]
            headers += self.cors_headers
            if not self.cors.allow_all_origins and self.cors.is_allowed_origin(origin.decode("latin-1")):
                headers[:] = [h for h in headers if h[0] != b"access-control-allow-origin"]
                headers.append((b"access-control-allow-origin", origin))
        if vary:
            headers[:] = [h for h in headers if h[0] != b"vary"]
        headers.append((b"vary", b", ".join([*vary, b"Origin"])))


class _Reply:
    """One routed answer on its way out: validators, encoding, the standard headers and HEAD, in one pass."""

    __slots__ = (
        "accept_encoding", "chunks", "compressor", "conditional", "edge", "encode", "head", "held", "if_none_match",
        "origin", "path", "send",
    )  # fmt: skip

    def __init__(
        self, edge: Edge, send: Send, scope: Scope, origin: bytes, head: bool, accept_encoding: bytes,
        if_none_match: bytes | None,
    ) -> None:  # fmt: skip
        self.edge = edge
        self.send = send
        self.path: str = scope["path"]
        self.origin = origin
        self.head = head
        self.accept_encoding = accept_encoding
        self.if_none_match = if_none_match
        self.conditional = scope["method"] == "GET" and self.path.startswith("/v1/")
        self.held: Message | None = None  # the start, kept until the body decides its headers
        self.chunks: list[bytes] | None = None  # the body, gathered to compute its validator
        self.encode = True  # gzip applies (the body is not encoded already, not partial, not an excluded type)
        self.compressor: zlib._Compress | None = None

    async def __call__(self, message: Message) -> None:
        kind = message["type"]
        if kind == "http.response.start":
            await self._start(message)
        elif kind == "http.response.body":
            body: bytes = message.get("body", b"")
            more_body: bool = message.get("more_body", False)
            if self.held is None:  # the start is out: the rest of the body, compressed when the first part was
                if self.compressor is not None:
                    body = await self._compress(body, more_body)
                await self._out(body, more_body)
            elif self.chunks is not None:
                self.chunks.append(body)
                if not more_body:
                    await self._validated(b"".join(self.chunks))
            else:
                await self._first(body, more_body)
        else:  # pathsend, trailers, early hints: whatever is held goes first
            if self.held is not None:
                await self._send_start(self.held)
            await self.send(message)

    async def _start(self, message: Message) -> None:
        headers = list(message.get("headers", ()))
        status: int = message["status"]
        content_type = b""
        encoded = validated = False
        for name, value in headers:
            if name == b"content-type":
                content_type = value
            elif name == b"content-encoding":
                encoded = True
            elif name in (b"etag", b"cache-control"):
                validated = True
        start = {**message, "headers": headers}
        media = content_type.partition(b";")[0].strip().lower()
        excluded = media in _EXCLUDED or media.partition(b"/")[0] + b"/*" in _EXCLUDED
        self.encode = not (encoded or status == 206 or excluded)
        if self.conditional and status == 200 and not validated and content_type.startswith(b"application/json"):
            self.chunks = []
        elif not self.encode:
            await self._send_start(start)  # nothing to add to this body: its start goes now
            return
        self.held = start

    async def _validated(self, body: bytes) -> None:
        """A complete JSON body under /v1/ without a validator: its ETag and Cache-Control, or 304."""
        assert self.held is not None
        self.chunks = None
        tag = release_etag(body)
        headers: list[tuple[bytes, bytes]] = self.held["headers"]
        headers += [(b"etag", tag.encode("latin-1")), (b"cache-control", _CACHE_CONTROL)]
        if self.if_none_match is not None and etag_matches(self.if_none_match.decode("latin-1"), tag):
            headers[:] = [h for h in headers if h[0] not in (b"content-length", b"content-type")]
            await self._send_start({**self.held, "status": 304})
            await self._out(b"", False)
            return
        await self._first(body, False)

    async def _first(self, body: bytes, more_body: bool) -> None:
        """The first body of a held start: gzip it for a client that accepts it (as Starlette's GZipMiddleware did:
        from 2 KiB, and Vary: Accept-Encoding whether compressed or not), then send the start and the body."""
        assert self.held is not None
        start = self.held
        if self.encode and (more_body or len(body) >= GZIP_MIN_BYTES):
            headers: list[tuple[bytes, bytes]] = start["headers"]
            vary = [v for k, v in headers if k == b"vary"]
            if not any(b"accept-encoding" in v.lower() for v in vary):  # once (the cache's answers name it)
                headers[:] = [h for h in headers if h[0] != b"vary"]
                headers.append((b"vary", b", ".join([*vary, b"Accept-Encoding"])))
            if b"gzip" in self.accept_encoding:
                self.compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
                body = await self._compress(body, more_body)
                headers[:] = [h for h in headers if h[0] != b"content-length"]
                headers.append((b"content-encoding", b"gzip"))
                if not more_body:
                    headers.append((b"content-length", str(len(body)).encode("latin-1")))
        await self._send_start(start)
        await self._out(body, more_body)

    async def _compress(self, body: bytes, more_body: bool) -> bytes:
        compressor = self.compressor
        assert compressor is not None
        if not more_body:
            self.compressor = None

        def run() -> bytes:
            return compressor.compress(body) + compressor.flush(zlib.Z_SYNC_FLUSH if more_body else zlib.Z_FINISH)

        return await asyncio.to_thread(run) if len(body) >= _THREAD_MIN_BYTES else run()

    async def _send_start(self, start: Message) -> None:
        self.held = None
        self.edge.finish(start["headers"], self.path, self.origin)
        await self.send(start)

    async def _out(self, body: bytes, more_body: bool) -> None:
        if self.head:  # HEAD: the headers of GET, no content
            if more_body:
                return
            body = b""
        await self.send({"type": "http.response.body", "body": body, "more_body": more_body})
