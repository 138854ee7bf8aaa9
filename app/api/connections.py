"""What one HTTP connection may cost the server: time limits on reading a request, a bounded request head, and
problems (RFC 9457) where uvicorn would answer in plain text.

Time. uvicorn (httptools) arms its keep-alive timeout only after a response, so a socket that connects and sends
nothing, trickles a request head a byte at a time (slowloris) or announces a body it never sends holds a
connection, and a place under the concurrency limit, for ever. :class:`GuardedHttpProtocol` adds two deadlines:

- the head (request line and headers) must be complete ``header_timeout`` seconds after the connection opened or
  the request's first byte arrived;
- the body must be complete ``body_timeout`` seconds after the head.

uvicorn's own ``timeout_keep_alive`` still closes a connection idle between requests. A request cut off by a
deadline gets ``408`` and the connection is closed; a connection that never sent a byte is closed silently (a
browser may open one in advance). Timers are armed only when a head or body is still incomplete after a read, so a
request that arrives in one packet costs none.

Heads. httptools accepts a header section of any size, and the URL parser uvicorn calls (http-parser's, with 16-bit
offsets) fails on request targets of 64 KiB or more, which uvicorn answered with a plain-text 400 although a SPARQL
GET may carry a 256 KB query. Here a request target may be up to :data:`MAX_URL_BYTES` (that query,
percent-encoded) and is split without the 16-bit limit; past it the answer is ``414``; a header section over
:data:`MAX_HEADER_BYTES` gets ``431``; uvicorn's concurrency backstop a ``503`` with Retry-After; any other
malformed request ``400``. Each is ``application/problem+json`` with ``X-Content-Type-Options: nosniff`` and
``X-AnkleKG-Version``, like every answer of the application.

This is a subclass of uvicorn's httptools protocol: it relies on the parser callbacks and the attributes
``url``, ``scope``, ``cycle`` and ``send_400_response`` (uvicorn 0.3x to 0.5x), and tests/api/test_connections.py
checks each behaviour with real sockets.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any, ClassVar

import httptools
from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from ..sparql.protocol import MAX_QUERY_BYTES
from ..version import __version__
from .problems import PROBLEM_JSON, problem_type_uri

__all__ = ["MAX_HEADER_BYTES", "MAX_URL_BYTES", "ConnectionLimits", "GuardedHttpProtocol", "guarded_protocol"]

#: The longest request target: a SPARQL query of MAX_QUERY_BYTES percent-encoded (3 bytes a character at worst),
#: with room for the other parameters.
MAX_URL_BYTES = 3 * MAX_QUERY_BYTES + 16 * 1024
#: The largest header section (every header line); browsers send 1-4 KB.
MAX_HEADER_BYTES = 64 * 1024
#: The longest URL http-parser's URL parser (16-bit offsets) can split.
_PARSE_URL_LIMIT = 65535
_HEADER_TOO_LARGE = (
    431, "header-too-large", "Request header fields too large",
    f"The request's header section is over {MAX_HEADER_BYTES} bytes. Send fewer or shorter headers.",
)  # fmt: skip
#: How long a refused connection's input is still read (and dropped) so that the refusal reaches the client.
LINGER_SECONDS = 2.0


@dataclass(frozen=True)
class ConnectionLimits:
    """Deadlines for reading a request (seconds); heads are bounded by the module's constants."""

    header_timeout: float
    body_timeout: float


class _Refused(Exception):
    """Raised from a parser callback to stop parsing; the refusal to send is on the protocol."""


class GuardedHttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol with read deadlines, bounded heads and problem+json refusals."""

    limits: ClassVar[ConnectionLimits] = ConnectionLimits(header_timeout=10.0, body_timeout=30.0)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # uvicorn's concurrency backstop answers in plain text: checked in on_headers_complete instead
        self._backstop, self.limit_concurrency = self.limit_concurrency, None
        self._refusal: tuple[int, str, str, str, int | None] | None = None
        self._in_head = True  # reading a request head (or waiting for one), not a body
        self._head_bytes = 0  # bytes of the current head read so far
        self._url_bytes = 0
        self._started = 0.0  # when the current head (or body) began
        self._timer: asyncio.TimerHandle | None = None
        self._discarding = False  # refused: the rest of the input is read and dropped until the connection closes

    # -- timers ---------------------------------------------------------------------------------------
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._started = self.loop.time()
        self._arm(self._started + self.limits.header_timeout)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        """uvicorn's, with the head's size counted and a deadline armed for a head or body still incomplete."""
        if self._discarding:
            return
        self._unset_keepalive_if_required()
        if self._in_head:
            self._head_bytes += len(data)
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as exc:
            if self._refusal is None:
                self.logger.warning("Invalid HTTP request received: %s", exc)
            self.send_400_response(str(exc))
            return
        except httptools.HttpParserUpgrade:
            if self._should_upgrade():
                self.handle_websocket_upgrade()
            else:
                self._unsupported_upgrade_warning()
            return
        if self.transport.is_closing():
            return
        if self._in_head and self._head_bytes:
            if self._head_bytes - self._url_bytes > MAX_HEADER_BYTES:  # a head this long, still incomplete
                self._refusal = (*_HEADER_TOO_LARGE, None)
                self.send_400_response("header section too large")
            elif self._timer is None:  # a head in pieces: it has until its deadline
                self._arm(self._started + self.limits.header_timeout)
        elif not self._in_head and self._timer is None:  # a body in pieces
            self._arm(self._started + self.limits.body_timeout)

    def _arm(self, when: float) -> None:
        self._disarm()
        self._timer = self.loop.call_at(when, self._deadline_passed)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _deadline_passed(self) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        if self._in_head:
            if self.cycle is not None and not self.cycle.response_complete:  # an answer is still going out
                self.cycle.keep_alive = False  # close once it is sent; a later head is never read
                return
            if not self._head_bytes:  # idle since it connected: nothing to answer
                self.transport.close()
                return
        elif self.cycle is not None:
            if self.cycle.response_started:  # answered without the body (413, 429...): just close
                self.transport.close()
                return
            self.cycle.disconnected = True  # the application stops waiting for the body
            self.cycle.message_event.set()
        what, seconds = ("head", self.limits.header_timeout) if self._in_head else ("body", self.limits.body_timeout)
        self._write_problem(408, "request-timeout", "Request timeout",
                            f"The request's {what} did not arrive within {seconds:g} s. Send the whole request at "
                            "once (and the body right after the headers).")  # fmt: skip

    # -- parser callbacks ----------------------------------------------------------------------------
    def on_message_begin(self) -> None:
        super().on_message_begin()
        if self._timer is None:  # not the connection's first request (that one's deadline runs since connect)
            self._started = self.loop.time()
        self._url_bytes = 0

    def on_url(self, url: bytes) -> None:
        self._url_bytes += len(url)
        if self._url_bytes > MAX_URL_BYTES:
            self._refuse(414, "uri-too-long", "URI too long",
                         f"The request target is over {MAX_URL_BYTES} bytes. Send a long SPARQL query by POST "
                         "(application/sparql-query or a form), up to the query size limit.")  # fmt: skip
        super().on_url(url)

    def on_headers_complete(self) -> None:
        self._disarm()
        if (  # it may be, when it arrived whole in one read; a shorter read cannot hold a longer head
            self._head_bytes - self._url_bytes > MAX_HEADER_BYTES
            and sum(len(name) + len(value) + 4 for name, value in self.headers) > MAX_HEADER_BYTES
        ):
            self._refuse(*_HEADER_TOO_LARGE)
        self._in_head, self._head_bytes = False, 0
        self._started = self.loop.time()
        if self._backstop is not None and (
            len(self.connections) >= self._backstop or len(self.tasks) >= self._backstop
        ):  # fmt: skip
            self._refuse(503, "busy", "Too many connections",
                         f"The server holds {len(self.connections)} connections, its limit. Retry in a second.",
                         retry_after=1)  # fmt: skip
        url = self.url
        if len(url) <= _PARSE_URL_LIMIT:
            super().on_headers_complete()
            return
        target, question, query = url.partition(b"?")
        if len(target) > _PARSE_URL_LIMIT:
            self._refuse(414, "uri-too-long", "URI too long",
                         f"The request path is over {_PARSE_URL_LIMIT} bytes; only the query string may be longer.")
        self.url = target  # parsed without the query, which is set as it is
        try:
            super().on_headers_complete()
        finally:
            self.url = url
        if question and "query_string" in self.scope:
            self.scope["query_string"] = query  # the ASGI task starts on the next loop turn: it sees this

    def on_message_complete(self) -> None:
        super().on_message_complete()
        self._disarm()
        self._in_head, self._head_bytes = True, 0

    # -- refusals ------------------------------------------------------------------------------------
    def _refuse(self, status: int, slug: str, title: str, detail: str, retry_after: int | None = None) -> None:
        """Stop parsing: httptools raises, and uvicorn's error path calls send_400_response, which sends this."""
        self._refusal = (status, slug, title, detail, retry_after)
        raise _Refused(detail)

    def send_400_response(self, msg: str) -> None:
        """uvicorn's answer to a request it cannot parse (or that a callback refused): a problem, not plain text."""
        if self._refusal is not None:
            status, slug, title, detail, retry_after = self._refusal
        else:
            status, slug, title, retry_after = 400, "malformed-request", "Malformed HTTP request", None
            detail = ("The request is not valid HTTP/1.1 (request line, header syntax or body framing). Check the "
                      "request line (METHOD /path HTTP/1.1) and that each header is 'Name: value'.")  # fmt: skip
        self._write_problem(status, slug, title, detail, retry_after)

    def _write_problem(self, status: int, slug: str, title: str, detail: str, retry_after: int | None = None) -> None:
        """Write a complete problem response and close the connection (the rest of the request is not parsed)."""
        if self.transport.is_closing() or self._discarding:
            return
        body = json.dumps({"type": problem_type_uri(slug), "title": title, "status": status, "detail": detail}).encode()
        head = [STATUS_LINE[status]]
        for name, value in self.server_state.default_headers:
            head += [name, b": ", value, b"\r\n"]
        head += [
            b"content-type: ", PROBLEM_JSON.encode(), b"\r\n",
            b"content-length: ", str(len(body)).encode(), b"\r\n",
            b"x-content-type-options: nosniff\r\n",
            b"x-anklekg-version: ", __version__.encode(), b"\r\n",
            b"cache-control: no-store\r\n",
        ]  # fmt: skip
        if retry_after is not None:
            head += [b"retry-after: ", str(retry_after).encode(), b"\r\n"]
        head += [b"connection: close\r\n\r\n", body]
        self.transport.write(b"".join(head))
        self._linger()

    def _linger(self) -> None:
        """Close after the answer without losing it: closing a socket with unread input sends a reset, which can
        destroy the answer before the client reads it (it is usually still sending). So stop writing, discard
        what still comes for a moment, then close."""
        self._discarding = True
        self.flow.resume_reading()
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self._disarm()
        self._timer = self.loop.call_later(LINGER_SECONDS, self.transport.close)


def guarded_protocol(limits: ConnectionLimits) -> type[GuardedHttpProtocol]:
    """The protocol class to give uvicorn (``http=``), with these deadlines."""
    return type("GuardedHttpProtocol", (GuardedHttpProtocol,), {"limits": limits})
