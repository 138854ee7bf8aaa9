"""Queries answered by an external SPARQL 1.1 store, with the guarantees of the in-process endpoint.

``anklekg serve --sparql-endpoint URL`` serves /sparql from a store that may hold far more than the
ankle (UBERON and FMA loaded in Oxigraph, say), while the REST API keeps answering from the
in-memory indices. What the endpoint promises does not change:

* Refusals happen here, before the store is asked: nesting, SERVICE, updates and anything that is
  not one query (:func:`app.sparql.engine.forwarded_form`), graph parameters that are not IRIs, and
  result types we cannot write. The store receives only a query we would run ourselves.
* Deadline: the whole exchange runs under the query's deadline; at it, or when the client leaves,
  the request is cancelled and its connection closed, and the client gets the same 503. A store that
  goes on evaluating once its client has gone must bound itself (Oxigraph: ``--timeout-s``).
* Caps: we ask for formats read row by row (TSV for SELECT, N-Triples for CONSTRUCT and DESCRIBE,
  JSON for ASK) and stop reading, closing the connection, as soon as the row or byte cap is passed;
  :mod:`app.sparql.capped` writes the kept part in the negotiated format, so a cut answer is cut and
  reported exactly as in process. Nothing the store sends is passed on unread.
* Concurrency: at most ``size`` requests at once, over as many pooled connections, and
  ``max_waiting`` more waiting within their deadline (the worker pool's ServiceBusy / QueryTimeout).
* Failures are typed: a store that cannot be reached, or goes away before answering, is
  :class:`UpstreamUnavailable` (503 with Retry-After); an error status, or an answer that breaks off
  or cannot be read, is :class:`UpstreamFailed` (502 with an excerpt); a 400 is the query's fault
  (InvalidQuery, with the line and column when the store names them).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from collections.abc import AsyncGenerator, Callable
from typing import cast

import httpx
import pyoxigraph as ox

from app import __version__
from app.sparql.capped import Capped, CappedLines, CapReached, TripleBudget, solutions_within_caps, triples_within_caps
from app.sparql.engine import QueryRequest, QueryResult, check_graphs, forwarded_form, invalid_query
from app.sparql.results import Form, choose_media_type, serialise_boolean
from app.sparql.runner import QueryTimeout, ServiceBusy

__all__ = ["UpstreamEndpoint", "UpstreamFailed", "UpstreamUnavailable"]

log = logging.getLogger("anklekg.sparql")

#: What we ask the store for, per query form, and the media types we read as that.
ASKED: dict[Form, str] = {
    "select": "text/tab-separated-values",
    "ask": "application/sparql-results+json",
    "graph": "application/n-triples",
}
_READ_AS: dict[Form, tuple[str, ...]] = {
    "select": ("text/tab-separated-values",),
    "ask": ("application/sparql-results+json", "application/json"),
    "graph": ("application/n-triples", "text/plain"),
}
EXCERPT_CHARS = 500
_ASK_MAX_BYTES = 64 * 1024
#: Answers kept up to this size are written on the event loop; larger ones in a thread.
_INLINE_BYTES = 256 * 1024
#: Queries this long, or naming "service" (rdflib's grammar then reads them), are checked in a thread.
_INLINE_CHECK_CHARS = 16 * 1024
RETRY_AFTER_S = 5


class UpstreamUnavailable(Exception):
    """The store could not be reached, or went away before answering, or said it is overloaded."""

    def __init__(self, reason: str, retry_after: int = RETRY_AFTER_S) -> None:
        super().__init__(reason)
        self.reason, self.retry_after = reason, retry_after


class UpstreamFailed(Exception):
    """The store answered with an error, or with an answer that broke off or cannot be read."""

    def __init__(self, reason: str, status: int | None = None, excerpt: str = "") -> None:
        super().__init__(f"{reason}: {excerpt}" if excerpt else reason)
        self.reason, self.status, self.excerpt = reason, status, excerpt


def _excerpt(data: bytes) -> str:
    """The start of an error body, on one line, for a problem's detail."""
    text = " ".join(data.decode("utf-8", "replace").split())
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def _media_type(response: httpx.Response) -> str:
    return str(response.headers.get("content-type", "")).split(";")[0].strip().lower()


async def _checked_form(query: str) -> Form:
    """The refusals on the event loop for a short query, in a thread when a parser may take longer."""
    if len(query) <= _INLINE_CHECK_CHARS and "service" not in query.casefold():
        return forwarded_form(query)
    return await asyncio.to_thread(forwarded_form, query)


class UpstreamEndpoint:
    """A :class:`app.sparql.runner.QueryRunner` that forwards to an external SPARQL 1.1 query endpoint."""

    def __init__(
        self, url: str, *, size: int, timeout: float, max_rows: int, max_waiting: int,
        max_bytes: int | None = None, connect_timeout: float = 5.0,
    ) -> None:  # fmt: skip
        self.url = url
        self.size, self.timeout, self.max_rows, self.max_waiting = size, timeout, max_rows, max_waiting
        self.max_bytes = max_bytes
        self.connect_timeout = min(connect_timeout, timeout)
        self._client: httpx.AsyncClient | None = None
        self._slots: asyncio.Semaphore | None = None
        self._waiting = 0

    async def start(self) -> None:
        """Open the connection pool, and say in the log whether the store answers (it may come up later)."""
        self._slots = asyncio.Semaphore(self.size)
        self._client = httpx.AsyncClient(
            transport=httpx.AsyncHTTPTransport(
                limits=httpx.Limits(max_connections=self.size, max_keepalive_connections=self.size),
                retries=1,  # a refused or timed-out connect, once: a store restarting, a stale address
            ),
            # our deadline bounds every request (asyncio.timeout_at); only connecting has its own bound
            timeout=httpx.Timeout(None, connect=self.connect_timeout),
            headers={"user-agent": f"AnkleKG/{__version__}"},
            trust_env=False,  # no proxy or .netrc from the environment: the operator names the store
            follow_redirects=False,
        )
        try:
            result = await self.run(QueryRequest("ASK {}", max_rows=1, max_bytes=None))
        except Exception as exc:
            log.warning("the SPARQL store at %s does not answer yet (%s); /sparql answers 503 until it does",
                        self.url, exc)  # fmt: skip
        else:
            log.info("SPARQL queries go to %s (ASK {} answered %s)", self.url, result.body[:40])

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()

    async def _acquire(self, deadline: float) -> asyncio.Semaphore:
        slots = self._slots
        if slots is None or self._client is None:
            raise RuntimeError("UpstreamEndpoint.start() was not awaited")
        if not slots.locked():
            await slots.acquire()  # free: returns at once
            return slots
        if self._waiting >= self.max_waiting:
            raise ServiceBusy
        self._waiting += 1
        try:
            async with asyncio.timeout_at(deadline):
                await slots.acquire()
        except TimeoutError:
            raise QueryTimeout(self.timeout, started=False) from None
        finally:
            self._waiting -= 1
        return slots

    async def run(self, request: QueryRequest, deadline: float | None = None) -> QueryResult:
        """Answer by ``deadline`` (loop time; default: the timeout from now), or raise QueryTimeout,
        ServiceBusy, UpstreamUnavailable, UpstreamFailed or the engine's errors. Cancelling it closes the
        store's connection."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout if deadline is None else deadline
        form = await _checked_form(request.query)
        check_graphs(request.default_graphs, request.named_graphs)
        media_type = choose_media_type(form, request.accept)
        slots = await self._acquire(deadline)
        try:
            async with asyncio.timeout_at(deadline):
                write, size = await self._ask(request, form, media_type)
        except TimeoutError:
            raise QueryTimeout(self.timeout, started=True) from None
        finally:
            slots.release()
        try:
            body, rows, cap = write() if size <= _INLINE_BYTES else await asyncio.to_thread(write)
        except SyntaxError as exc:  # what the store sent is not what it said it was
            raise UpstreamFailed(f"the store's answer could not be read as {ASKED[form]} ({exc})") from exc
        return QueryResult(body, media_type, form, rows, cap, request.max_rows, request.max_bytes)

    async def _ask(self, request: QueryRequest, form: Form, media_type: str) -> tuple[Callable[[], Capped], int]:
        """Send the query, read what the caps allow, and return how to write it (and the bytes kept)."""
        assert self._client is not None
        data: dict[str, str | list[str]] = {"query": request.query}
        if request.default_graphs is not None or request.named_graphs is not None:
            data["default-graph-uri"] = list(request.default_graphs or ())
            data["named-graph-uri"] = list(request.named_graphs or ())
        outgoing = self._client.build_request("POST", self.url, data=data, headers={"accept": ASKED[form]})
        try:
            response = await self._client.send(outgoing, stream=True)
        except httpx.TransportError as exc:
            log.warning("SPARQL store %s: %r", self.url, exc)
            raise UpstreamUnavailable(_transport_reason(exc)) from exc
        try:
            if response.status_code != 200:
                await _refusal(response)
            if _media_type(response) not in _READ_AS[form]:
                raise UpstreamFailed(
                    f"the store answered {_media_type(response) or 'without a Content-Type'} where "
                    f"{ASKED[form]} was asked for",
                    response.status_code, _excerpt(await _read_at_most(response, 2048)),
                )  # fmt: skip
            if form == "select":
                return await _read_solutions(response, media_type, request)
            if form == "graph":
                return await _read_triples(response, media_type, request)
            return await _read_boolean(response, media_type, request)
        except httpx.TransportError as exc:
            log.warning("SPARQL store %s broke off its answer: %r", self.url, exc)
            raise UpstreamFailed(f"the store broke off its answer ({_transport_reason(exc)})") from exc
        finally:
            await response.aclose()  # unread: the connection is closed, and the store's request with it


def _transport_reason(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "connecting to it timed out"
    if isinstance(exc, httpx.ConnectError):
        return "the connection was refused or the host is unknown"
    return "it closed the connection without an answer" if isinstance(exc, httpx.RemoteProtocolError) else str(exc)


def _chunks(response: httpx.Response) -> contextlib.aclosing[AsyncGenerator[bytes, None]]:
    """The decoded body in chunks, finished when the block ends, however it ends."""
    return contextlib.aclosing(cast(AsyncGenerator[bytes, None], response.aiter_bytes()))


async def _read_at_most(response: httpx.Response, limit: int) -> bytes:
    data = bytearray()
    async with _chunks(response) as chunks:
        async for chunk in chunks:
            data += chunk
            if len(data) >= limit:
                break
    return bytes(data[:limit])


async def _refusal(response: httpx.Response) -> None:
    """Raise what a non-200 answer means: the query's fault (400), the store busy or down (502-504,
    429), or a failure to report (anything else)."""
    excerpt = _excerpt(await _read_at_most(response, 4 * EXCERPT_CHARS))
    status = response.status_code
    if status == 400:
        raise invalid_query(excerpt or "the store refused the query as malformed")
    if status in (429, 502, 503, 504):
        retry = response.headers.get("retry-after", "")
        raise UpstreamUnavailable(f"the store answered {status} {response.reason_phrase}",
                                  int(retry) if retry.isdigit() else RETRY_AFTER_S)  # fmt: skip
    raise UpstreamFailed(f"the store answered {status} {response.reason_phrase}", status, excerpt)


async def _read_solutions(
    response: httpx.Response, media_type: str, request: QueryRequest
) -> tuple[Callable[[], Capped], int]:
    """TSV rows up to the caps (one line is one solution); the read stops at the first row past them."""
    sink = CappedLines(request.max_rows, sys.maxsize if request.max_bytes is None else request.max_bytes)
    header = b""
    async with _chunks(response) as chunks:
        with contextlib.suppress(CapReached):
            async for chunk in chunks:
                if not header.endswith(b"\n"):
                    header += chunk[: chunk.find(b"\n") + 1 or len(chunk)]
                sink.write(chunk)
    tsv = sink.kept(header)
    if sink.truncated_by is None and tsv and not tsv.endswith(b"\n"):
        tsv += b"\n"  # a store that ends its last line without a newline
    cap = sink.truncated_by
    return lambda: solutions_within_caps(tsv, cap, media_type, request.max_rows, request.max_bytes,
                                         verbatim=False), len(tsv)  # fmt: skip


async def _read_triples(
    response: httpx.Response, media_type: str, request: QueryRequest
) -> tuple[Callable[[], Capped], int]:
    """N-Triples lines (one triple each) up to the caps, counted as in process."""
    budget = TripleBudget(request.max_rows, request.max_bytes)
    pending = b""
    async with _chunks(response) as chunks:
        async for chunk in chunks:
            pending += chunk
            end = pending.rfind(b"\n") + 1
            if end and not budget.take(_triples(pending[:end])):
                break
            pending = pending[end:]
            if request.max_bytes is not None and len(pending) > request.max_bytes:  # one line over the cap
                budget.cap = "bytes"
                break
        else:
            if pending.strip():
                budget.take(_triples(pending))
    return lambda: triples_within_caps(budget.kept, budget.cap, media_type, request.max_rows,
                                       request.max_bytes), budget.size  # fmt: skip


def _triples(lines: bytes) -> list[ox.Triple]:
    try:
        return [quad.triple for quad in ox.parse(lines, ox.RdfFormat.N_TRIPLES)]
    except SyntaxError as exc:
        raise UpstreamFailed(f"the store's answer is not N-Triples ({exc})", excerpt=_excerpt(lines[:400])) from exc


async def _read_boolean(
    response: httpx.Response, media_type: str, request: QueryRequest
) -> tuple[Callable[[], Capped], int]:
    data = await _read_at_most(response, _ASK_MAX_BYTES + 1)
    if len(data) > _ASK_MAX_BYTES:
        raise UpstreamFailed(f"the store's answer to an ASK query is over {_ASK_MAX_BYTES} bytes")
    try:
        answer = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    except SyntaxError as exc:
        raise UpstreamFailed(f"the store's answer is not SPARQL JSON results ({exc})", excerpt=_excerpt(data)) from exc
    if not isinstance(answer, ox.QueryBoolean):
        raise UpstreamFailed("the store answered an ASK query with solutions, not a boolean", excerpt=_excerpt(data))
    body = serialise_boolean(answer, media_type)
    return lambda: Capped(body, 1, None), len(body)

