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
* Caps: we ask for formats read row by row (TSV for SELECT, or SPARQL XML for a store whose TSV is
  not SPARQL 1.1's, such as Virtuoso 7; N-Triples for CONSTRUCT and DESCRIBE; JSON for ASK) and stop
  reading, closing the connection, as soon as the row or byte cap is passed;
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
import xml.etree.ElementTree as ET  # parses only what the store sends; expat refuses entity bombs
from collections.abc import AsyncGenerator, Callable
from typing import Literal, cast
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox

from ..version import __version__
from .capped import Capped, CappedLines, CapReached, TripleBudget, solutions_within_caps, triples_within_caps
from .engine import QueryRequest, QueryResult, check_graphs, forwarded_form, invalid_query
from .results import Form, choose_media_type, serialise_boolean
from .runner import RETRY_AFTER_S, QueryTimeout, ServiceBusy, UpstreamFailed, UpstreamUnavailable

__all__ = ["UpstreamEndpoint", "UpstreamFailed", "UpstreamUnavailable", "XmlRows"]

log = logging.getLogger("anklekg.sparql")

#: What we ask the store for, per query form (SELECT in the results format chosen), and what we read as that.
_TSV, _XML, _JSON = "text/tab-separated-values", "application/sparql-results+xml", "application/sparql-results+json"
_ASKED: dict[str, str] = {"tsv": _TSV, "xml": _XML, "ask": _JSON, "graph": "application/n-triples"}
_READ_AS: dict[str, tuple[str, ...]] = {
    _TSV: (_TSV,),
    _XML: (_XML, "application/xml", "text/xml"),
    _JSON: (_JSON, "application/json"),
    "application/n-triples": ("application/n-triples", "text/plain"),
}
_RESULTS = "{http://www.w3.org/2005/sparql-results#}"
#: Virtuoso 7 answers ASK with solutions of this variable (none for false, one bound to 1 for true).
_VIRTUOSO_ASK = "__ASK_RETVAL"
EXCERPT_CHARS = 500
_ASK_MAX_BYTES = 64 * 1024
#: Answers kept up to this size are written on the event loop; larger ones in a thread.
_INLINE_BYTES = 256 * 1024
#: An XML row this many times the byte cap is cut off as over the cap before it ends: the pull parser must not
#: hold a row of any size, and XML markup and escapes rarely make a row more than a few times its TSV size.
_XML_ROW_FACTOR = 8
#: Queries this long, or naming "service" (rdflib's grammar then reads them), are checked in a thread.
_INLINE_CHECK_CHARS = 16 * 1024


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
        max_bytes: int | None = None, results: Literal["tsv", "xml"] = "tsv", connect_timeout: float = 5.0,
    ) -> None:  # fmt: skip
        self.url, self.results = url, results
        parts = urlsplit(url)  # for the log: without a user name or password the URL may carry
        self.shown = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
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
                        self.shown, exc)  # fmt: skip
        else:
            log.info("SPARQL queries go to %s (ASK {} answered %s)", self.shown, result.body[:40])

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

    async def run(self, request: QueryRequest, deadline: float | None = None, client: str = "") -> QueryResult:
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
            raise UpstreamFailed(f"the store's answer could not be read as {self._asked(form)} ({exc})") from exc
        return QueryResult(body, media_type, form, rows, cap, request.max_rows, request.max_bytes)

    def _asked(self, form: Form) -> str:
        return _ASKED[self.results if form == "select" else form]

    async def _ask(self, request: QueryRequest, form: Form, media_type: str) -> tuple[Callable[[], Capped], int]:
        """Send the query, read what the caps allow, and return how to write it (and the bytes kept)."""
        assert self._client is not None
        sent, shift = with_base(request.query, request.base_iri)
        data: dict[str, str | list[str]] = {"query": sent}
        if request.default_graphs is not None or request.named_graphs is not None:
            data["default-graph-uri"] = list(request.default_graphs or ())
            data["named-graph-uri"] = list(request.named_graphs or ())
        asked = self._asked(form)
        outgoing = self._client.build_request("POST", self.url, data=data, headers={"accept": asked})
        try:
            response = await self._client.send(outgoing, stream=True)
        except httpx.TransportError as exc:
            log.warning("SPARQL store %s: %r", self.shown, exc)
            raise UpstreamUnavailable(_transport_reason(exc)) from exc
        try:
            if response.status_code != 200:
                await _refusal(response, request.query, shift)
            if _media_type(response) not in _READ_AS[asked]:
                raise UpstreamFailed(
                    f"the store answered {_media_type(response) or 'without a Content-Type'} where {asked} was "
                    "asked for",
                    response.status_code, _excerpt(await _read_at_most(response, 2048)),
                )  # fmt: skip
            if form == "select":
                return await _read_solutions(response, media_type, request, xml=self.results == "xml")
            if form == "graph":
                return await _read_triples(response, media_type, request)
            return await _read_boolean(response, media_type)
        except httpx.TransportError as exc:
            log.warning("SPARQL store %s broke off its answer: %r", self.shown, exc)
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


def with_base(query: str, base_iri: str | None) -> tuple[str, int]:
    """The query as sent to the store, and how many characters were put before its first line: ``BASE <the
    request's URL>`` on the same line, so that relative IRIs resolve against our endpoint's URL (as they do in
    process) rather than the store's, line numbers stay the store's, and a BASE of the query's own still wins."""
    if base_iri is None:
        return query, 0
    lead = f"BASE <{base_iri}> "
    return lead + query, len(lead)


async def _refusal(response: httpx.Response, query: str = "", shift: int = 0) -> None:
    """Raise what a non-200 answer means: the query's fault (400, its position in the client's text, not the one
    sent with a BASE before it), the store busy or down (502-504, 429), or a failure to report (anything else)."""
    excerpt = _excerpt(await _read_at_most(response, 4 * EXCERPT_CHARS))
    status = response.status_code
    if status == 400:
        invalid = invalid_query(excerpt or "the store refused the query as malformed")
        if invalid.line == 1 and invalid.column is not None:
            invalid = invalid_query(excerpt, 1, max(invalid.column - shift, 1), query or None)
        elif invalid.line is not None:
            invalid = invalid_query(excerpt, invalid.line, invalid.column, query or None)
        raise invalid
    if status in (429, 502, 503, 504):
        retry = response.headers.get("retry-after", "")
        raise UpstreamUnavailable(f"the store answered {status} {response.reason_phrase}",
                                  int(retry) if retry.isdigit() else RETRY_AFTER_S)  # fmt: skip
    raise UpstreamFailed(f"the store answered {status} {response.reason_phrase}", status, excerpt)


async def _read_solutions(
    response: httpx.Response, media_type: str, request: QueryRequest, *, xml: bool = False
) -> tuple[Callable[[], Capped], int]:
    """TSV rows up to the caps (one line is one solution); the read stops at the first row past them.
    SPARQL XML results are turned into TSV lines as they arrive, then capped the same way."""
    sink = CappedLines(request.max_rows, sys.maxsize if request.max_bytes is None else request.max_bytes)
    header = b""
    rows = XmlRows() if xml else None
    unwritten = 0  # XML bytes read since the last row was written: the parser holds them
    async with _chunks(response) as chunks:
        with contextlib.suppress(CapReached):
            async for data in chunks:
                chunk = rows.feed(data) if rows is not None else data
                unwritten = 0 if chunk else unwritten + len(data)
                if request.max_bytes is not None and unwritten > _XML_ROW_FACTOR * request.max_bytes:
                    sink.truncated_by = "bytes"
                    break
                if not header.endswith(b"\n"):
                    header += chunk[: chunk.find(b"\n") + 1 or len(chunk)]
                sink.write(chunk)
            if rows is not None:
                rows.close()
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


async def _read_boolean(response: httpx.Response, media_type: str) -> tuple[Callable[[], Capped], int]:
    data = await _read_at_most(response, _ASK_MAX_BYTES + 1)
    if len(data) > _ASK_MAX_BYTES:
        raise UpstreamFailed(f"the store's answer to an ASK query is over {_ASK_MAX_BYTES} bytes")
    try:
        answer = ox.parse_query_results(data, ox.QueryResultsFormat.JSON)
    except SyntaxError as exc:
        raise UpstreamFailed(f"the store's answer is not SPARQL JSON results ({exc})", excerpt=_excerpt(data)) from exc
    if isinstance(answer, ox.QuerySolutions) and [v.value for v in answer.variables] == [_VIRTUOSO_ASK]:
        values = [s[_VIRTUOSO_ASK] for s in answer]  # no solution for false, one bound to 1 for true
        if not values or (len(values) == 1 and isinstance(values[0], ox.Literal)):
            answer = _boolean(bool(values) and values[0].value in ("1", "true"))
    if not isinstance(answer, ox.QueryBoolean):
        raise UpstreamFailed("the store answered an ASK query with solutions, not a boolean", excerpt=_excerpt(data))
    body = serialise_boolean(answer, media_type)
    return lambda: Capped(body, 1, None), len(body)


def _boolean(value: bool) -> ox.QueryBoolean:
    """pyoxigraph builds booleans only by parsing them."""
    result = ox.parse_query_results(b"true" if value else b"false", ox.QueryResultsFormat.TSV)
    assert isinstance(result, ox.QueryBoolean)
    return result


class XmlRows:
    """SPARQL XML results read as they arrive and written as TSV lines, one per solution.

    For stores whose own TSV is not SPARQL 1.1's (Virtuoso 7 quotes IRIs as strings): XML results are
    the format every store writes correctly. Each term is rebuilt with pyoxigraph (which checks it and
    writes it as TSV does); blank node labels are renamed, as stores use labels TSV cannot carry
    (``nodeID://b1``). Parsed elements are dropped once written, so memory stays that of one row.
    """

    def __init__(self) -> None:
        self._parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
        self._variables: list[str] = []
        self._results: ET.Element | None = None
        self._blank: dict[str, str] = {}

    def feed(self, data: bytes) -> bytes:
        """TSV lines for the solutions completed by ``data`` (the header line first)."""
        try:
            self._parser.feed(data)
            events = (e for e in self._parser.read_events() if isinstance(e, tuple) and len(e) == 2)
            lines = [self._line(str(event), element) for event, element in events if isinstance(element, ET.Element)]
        except (ET.ParseError, ValueError, KeyError) as exc:
            raise SyntaxError(f"not SPARQL XML results: {exc}") from exc
        return "".join(lines).encode()

    def close(self) -> None:
        with contextlib.suppress(ET.ParseError):  # an answer cut at a cap ends mid-document
            self._parser.close()

    def _line(self, event: str, element: ET.Element) -> str:
        tag = element.tag.removeprefix(_RESULTS)
        if event == "start":
            if tag == "results":
                self._results = element
            return ""
        if tag == "variable":
            self._variables.append(element.attrib["name"])
        elif tag == "head":
            return "\t".join(f"?{v}" for v in self._variables) + "\n"
        elif tag == "result":
            cells = {b.attrib["name"]: self._term(b[0]) for b in element.iter(f"{_RESULTS}binding")}
            if self._results is not None:
                self._results.clear()  # the rows already written
            return "\t".join(cells.get(v, "") for v in self._variables) + "\n"
        return ""

    def _term(self, element: ET.Element) -> str:
        tag, text = element.tag.removeprefix(_RESULTS), element.text or ""
        if tag == "uri":
            return str(ox.NamedNode(text))
        if tag == "bnode":
            return str(ox.BlankNode(self._blank.setdefault(text, f"b{len(self._blank)}")))
        if tag == "literal":
            language = element.get("{http://www.w3.org/XML/1998/namespace}lang")
            datatype = element.get("datatype")
            if language:
                return str(ox.Literal(text, language=language))
            return str(ox.Literal(text, datatype=ox.NamedNode(datatype) if datatype else None))
        raise ValueError(f"a <{tag}> term, which TSV results cannot carry")
