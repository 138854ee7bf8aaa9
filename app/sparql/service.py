"""The SPARQL 1.1 Protocol service: request parsing, the worker pool with its deadline, and the
Service Description.

Deadline. pyoxigraph cannot interrupt a query, and a thread running one cannot be stopped from
Python: an abandoned thread would keep a CPU busy until the query ends, possibly never. So each
query runs in a worker *process* (:mod:`app.sparql.worker`), and the event loop awaits its answer
with ``asyncio.wait_for``. At the deadline the worker is killed (the CPU is freed at once), a
replacement is started in the background and the client gets ``503 application/problem+json``.
Workers return the complete serialised body, so nothing is sent before the query has finished
and a timeout can never follow partial results. The pool size bounds how many queries run at
once; a bounded number more may wait (within the same deadline) before being turned away.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import os
import struct
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import cast
from urllib.parse import parse_qsl

import pyoxigraph as ox

from app.sparql.dataset import ASSERTED_GRAPH, INFERRED_GRAPH
from app.sparql.engine import (
    GRAPH_TYPES,
    RESULT_TYPES,
    InvalidQuery,
    NotAcceptable,
    QueryRefused,
    QueryRequest,
    QueryResult,
)

__all__ = [
    "FORMATS",
    "SD_PREFIXES",
    "ProtocolError",
    "ProtocolRequest",
    "QueryTimeout",
    "ServiceBusy",
    "WorkerFailed",
    "WorkerPool",
    "parse_protocol",
    "service_description",
]

log = logging.getLogger("anklekg.sparql")
_LENGTH = struct.Struct(">I")
MAX_QUERY_BYTES = 256 * 1024

#: Values of the non-standard ``format`` parameter (for links and browsers that cannot set Accept).
FORMATS = {
    "json": "application/json",
    "xml": "application/xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "n-triples": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
    "rdf": "application/rdf+xml",
}


class ProtocolError(Exception):
    """A request that breaks the SPARQL Protocol; names the parameter at fault."""

    def __init__(self, status: int, slug: str, title: str, detail: str, parameter: str | None = None) -> None:
        super().__init__(detail)
        self.status, self.slug, self.title, self.detail, self.parameter = status, slug, title, detail, parameter


class QueryTimeout(Exception):
    """The query did not finish (or could not start) within the deadline."""

    def __init__(self, seconds: float, started: bool) -> None:
        super().__init__(f"over the {seconds:g} s deadline")
        self.seconds, self.started = seconds, started


class ServiceBusy(Exception):
    """Too many queries are already running or waiting."""


class WorkerFailed(Exception):
    """The worker died while answering (for instance it ran out of memory)."""


@dataclass(frozen=True)
class ProtocolRequest:
    """What a protocol request asks for; ``query`` is None for a bare GET (service description)."""

    query: str | None
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None
    media_types: tuple[str, ...] | None  # from ``format``; None means "use Accept"


def _dataset(params: list[tuple[str, str]]) -> tuple[tuple[str, ...] | None, tuple[str, ...] | None]:
    default = tuple(v for k, v in params if k == "default-graph-uri")
    named = tuple(v for k, v in params if k == "named-graph-uri")
    if not default and not named:
        return None, None
    return default, named


def _format(params: list[tuple[str, str]]) -> tuple[str, ...] | None:
    values = [v for k, v in params if k == "format"]
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(400, "invalid-parameter", "Invalid parameter value", "Give format at most once.", "format")
    value = values[0].strip().lower()
    if value in FORMATS:
        return (FORMATS[value],)
    if value in RESULT_TYPES or value in GRAPH_TYPES:
        return (value,)
    raise ProtocolError(
        400,
        "invalid-parameter",
        "Invalid parameter value",
        f"format={values[0]!r} is not a format this endpoint writes; use one of {', '.join(sorted(FORMATS))} "
        "or a media type, or leave it out and send an Accept header.",
        "format",
    )


def _decode(data: bytes, what: str) -> str:
    if len(data) > MAX_QUERY_BYTES:
        raise ProtocolError(413, "query-too-large", "Query too large", f"The {what} exceeds {MAX_QUERY_BYTES} bytes.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(
            400, "invalid-encoding", "Invalid encoding", f"The {what} is not UTF-8: {exc}.", "query"
        ) from exc


def _read_only(parameter: str) -> ProtocolError:
    return ProtocolError(
        403,
        "read-only",
        "Read-only endpoint",
        "This endpoint is read-only and never runs SPARQL Update. Load AnkleKG into your own store "
        "(downloads at /v1/export) to modify it.",
        parameter,
    )


def parse_protocol(method: str, url_query: str, content_type: str | None, body: bytes) -> ProtocolRequest:
    """Parse a SPARQL 1.1 Protocol query request (GET, form POST or direct POST)."""
    url_params = parse_qsl(url_query, keep_blank_values=True)
    media = (content_type or "").split(";")[0].strip().lower()
    if method == "GET":
        params = url_params
        queries = [v for k, v in params if k == "query"]
    elif media == "application/x-www-form-urlencoded":
        params = url_params + parse_qsl(_decode(body, "request body"), keep_blank_values=True)
        queries = [v for k, v in params if k == "query"]
    elif media == "application/sparql-query":
        params = url_params
        queries = [v for k, v in params if k == "query"] + [_decode(body, "query")]
    elif media == "application/sparql-update":
        raise _read_only("update")
    else:
        raise ProtocolError(
            415,
            "unsupported-media-type",
            "Unsupported media type",
            f"POST a query as application/x-www-form-urlencoded (query=...) or as application/sparql-query, "
            f"not {media or 'a body without Content-Type'}.",
        )
    if any(k == "update" for k, _ in params):
        raise _read_only("update")
    if len(queries) > 1:
        raise ProtocolError(
            400, "invalid-request", "Invalid request",
            f"The request gives the query {len(queries)} times; give exactly one query.", "query",
        )  # fmt: skip
    if not queries:
        if method == "GET":
            return ProtocolRequest(None, None, None, _format(params))
        raise ProtocolError(
            400, "invalid-request", "Invalid request",
            "The request has no query: send query=... (form) or the query itself as application/sparql-query.",
            "query",
        )  # fmt: skip
    if len(queries[0].encode()) > MAX_QUERY_BYTES:
        raise ProtocolError(413, "query-too-large", "Query too large", f"The query exceeds {MAX_QUERY_BYTES} bytes.")
    if not queries[0].strip():
        raise ProtocolError(400, "invalid-request", "Invalid request", "The query is empty.", "query")
    default, named = _dataset(params)
    return ProtocolRequest(queries[0], default, named, _format(params))


# -- the worker pool ------------------------------------------------------------------------------
class _WorkerProtocol(asyncio.SubprocessProtocol):
    """Collects a worker's answers from its stdout as bytes arrive.

    One answer is one frame: length, then the length of a JSON head, the head, the body. Parsing
    frames in the callback and handing them over on a future costs no task and no stream read per
    query, which halves the parent's CPU per request next to StreamReader.readexactly.
    """

    def __init__(self) -> None:
        self._buffer = bytearray()
        self._answers: collections.deque[tuple[bytes, bytes]] = collections.deque()
        self._waiter: asyncio.Future[tuple[bytes, bytes]] | None = None
        self._lost: ConnectionError | None = None
        self.exited = asyncio.get_running_loop().create_future()
        self.on_exit: Callable[[], None] | None = None

    def pipe_data_received(self, fd: int, data: bytes) -> None:
        self._buffer += data
        while len(self._buffer) >= 8:
            (size,) = _LENGTH.unpack_from(self._buffer)
            if len(self._buffer) < 4 + size:
                return
            (head_size,) = _LENGTH.unpack_from(self._buffer, 4)
            answer = bytes(self._buffer[8 : 8 + head_size]), bytes(self._buffer[8 + head_size : 4 + size])
            del self._buffer[: 4 + size]
            if self._waiter is not None and not self._waiter.done():
                self._waiter.set_result(answer)
                self._waiter = None
            else:
                self._answers.append(answer)

    def pipe_connection_lost(self, fd: int, exc: Exception | None) -> None:
        self._fail(ConnectionError(f"the worker's pipe {fd} closed" + (f": {exc}" if exc else "")))

    def process_exited(self) -> None:
        self._fail(ConnectionError("the worker exited"))
        if not self.exited.done():
            self.exited.set_result(None)
        if self.on_exit is not None:
            self.on_exit()

    def _fail(self, exc: ConnectionError) -> None:
        self._lost = self._lost or exc
        if self._waiter is not None and not self._waiter.done():
            self._waiter.set_exception(self._lost)
        self._waiter = None

    def next_answer(self) -> asyncio.Future[tuple[bytes, bytes]]:
        """A future for the worker's next answer (already there, or when it arrives)."""
        future: asyncio.Future[tuple[bytes, bytes]] = asyncio.get_running_loop().create_future()
        if self._answers:
            future.set_result(self._answers.popleft())
        elif self._lost is not None:
            future.set_exception(self._lost)
        else:
            self._waiter = future
        return future


class _Worker:
    def __init__(self, transport: asyncio.SubprocessTransport, protocol: _WorkerProtocol) -> None:
        self.transport, self.protocol = transport, protocol
        # uvloop's pipe transports implement WriteTransport without subclassing it
        self.stdin = cast(asyncio.WriteTransport, transport.get_pipe_transport(0))

    def ask(self, payload: bytes) -> asyncio.Future[tuple[bytes, bytes]]:
        """Send one request frame; the future resolves to the answer's (head, body)."""
        answer = self.protocol.next_answer()
        if not self.stdin.is_closing():
            self.stdin.write(_LENGTH.pack(len(payload)) + payload)
        return answer

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.transport.kill()

    async def stop(self, grace_s: float = 5) -> None:
        """Close its input, kill it and wait for it, then release the pipes."""
        if not self.stdin.is_closing():
            self.stdin.close()
        self.kill()
        with contextlib.suppress(Exception):
            await asyncio.wait_for(asyncio.shield(self.protocol.exited), timeout=grace_s)
        self.transport.close()


class WorkerPool:
    """A fixed number of worker processes; each query gets one worker or waits, within its deadline."""

    def __init__(self, dataset: ox.Store, *, size: int, timeout: float, max_rows: int, max_waiting: int) -> None:
        self.size, self.timeout, self.max_rows, self.max_waiting = size, timeout, max_rows, max_waiting
        self._dataset = dataset
        self._dir = Path(tempfile.mkdtemp(prefix="anklekg-sparql-"))
        self._dump = self._dir / "dataset.nq"
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._waiting = 0
        self._closed = False
        self.network_forbidden: bool | None = None
        self.restarts = 0

    async def start(self) -> None:
        """Write the dataset once and start every worker (in parallel)."""
        self._dataset.dump(output=str(self._dump), format=ox.RdfFormat.N_QUADS)
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for worker in workers:
            self._idle.put_nowait(worker)

    async def _spawn(self) -> _Worker:
        transport, protocol = await asyncio.get_running_loop().subprocess_exec(
            _WorkerProtocol,
            sys.executable,
            "-m",
            "app.sparql.worker",
            str(self._dump),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=None,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        )
        worker = _Worker(transport, protocol)
        self._all.add(worker)
        protocol.on_exit = lambda: self._exited(worker)
        head, _ = await protocol.next_answer()
        self.network_forbidden = bool(json.loads(head).get("network_forbidden"))
        return worker

    def _exited(self, worker: _Worker) -> None:
        """A worker died on its own (killed by the OS, say): replace it before anyone is sent to it."""
        if worker in self._all:
            log.warning("SPARQL worker %s exited unexpectedly; starting another", worker.transport.get_pid())
            self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background (once, however many paths report it)."""
        worker.kill()
        if worker not in self._all:
            return
        self._all.discard(worker)
        self.restarts += 1

        async def respawn() -> None:
            await worker.stop()
            if self._closed:
                return
            replacement = await self._spawn()
            if self._closed:
                await replacement.stop()
            else:
                self._idle.put_nowait(replacement)

        task = asyncio.get_running_loop().create_task(respawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _acquire(self, deadline: float) -> _Worker:
        """An idle worker at once when nobody is queued (no task, no timer), else wait in line."""
        while True:
            if self._waiting == 0 and not self._idle.empty():
                worker = self._idle.get_nowait()
            else:
                worker = await self._wait_in_line(deadline)
            if worker in self._all:
                return worker
            # else it died while idle and is being replaced: take the next one

    async def _wait_in_line(self, deadline: float) -> _Worker:
        if self._waiting >= self.max_waiting:
            raise ServiceBusy
        self._waiting += 1
        try:
            return await asyncio.wait_for(self._idle.get(), timeout=deadline - asyncio.get_running_loop().time())
        except TimeoutError:
            raise QueryTimeout(self.timeout, started=False) from None
        finally:
            self._waiting -= 1

    async def run(self, request: QueryRequest) -> QueryResult:
        """Answer within the deadline or raise QueryTimeout / ServiceBusy / the engine's errors."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        worker = await self._acquire(deadline)
        message = {
            "query": request.query,
            "default_graphs": request.default_graphs,
            "named_graphs": request.named_graphs,
            "accept": request.accept,
            "max_rows": request.max_rows,
        }
        try:
            answer = worker.ask(json.dumps(message).encode())
            head, body = await asyncio.wait_for(answer, timeout=max(0.001, deadline - loop.time()))
        except TimeoutError:
            self._replace(worker)
            raise QueryTimeout(self.timeout, started=True) from None
        except ConnectionError as exc:
            self._replace(worker)
            raise WorkerFailed(str(exc)) from exc
        except BaseException:  # cancelled mid-query: the worker's state is unknown
            self._replace(worker)
            raise
        self._idle.put_nowait(worker)
        meta = json.loads(head)
        error = meta.get("error")
        if error == "invalid":
            raise InvalidQuery(meta["message"], meta.get("line"), meta.get("column"))
        if error == "refused":
            raise QueryRefused(meta["reason"], meta["message"])
        if error == "not-acceptable":
            raise NotAcceptable(meta["form"], meta["offered"])
        if error == "evaluation":
            raise InvalidQuery(meta["message"])
        return QueryResult(body, meta["media_type"], meta["form"], meta["rows"], meta["truncated"], meta["limit"])

    @property
    def busy(self) -> int:
        """Workers currently running a query."""
        return len(self._all) - self._idle.qsize()

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*(worker.stop() for worker in list(self._all)), return_exceptions=True)
        self._all.clear()
        with contextlib.suppress(OSError):
            self._dump.unlink()
            self._dir.rmdir()


# -- service description --------------------------------------------------------------------------
_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS_NS = "http://www.w3.org/ns/formats/"
_VOID = "http://rdfs.org/ns/void#"
SD_PREFIXES = {"sd": _SD, "formats": _FORMATS_NS, "void": _VOID}
_RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FORMAT_IRIS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                "Turtle", "N-Triples", "JSON-LD", "RDF_XML")  # fmt: skip


def service_description(endpoint: str, dataset: ox.Store, extra_graphs: Iterable[str] = ()) -> list[ox.Triple]:
    """The SPARQL 1.1 Service Description of this endpoint, with a triple count per graph."""

    def sd(name: str) -> ox.NamedNode:
        return ox.NamedNode(_SD + name)

    def count(graph: ox.NamedNode | ox.DefaultGraph) -> ox.Literal:
        n = sum(1 for _ in dataset.quads_for_pattern(None, None, None, graph))
        return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))

    service = ox.NamedNode(endpoint)
    ds, default = ox.BlankNode("dataset"), ox.BlankNode("default")
    triples = [
        ox.Triple(service, _RDF_TYPE, sd("Service")),
        ox.Triple(service, sd("endpoint"), service),
        ox.Triple(service, sd("supportedLanguage"), sd("SPARQL11Query")),
        ox.Triple(service, sd("defaultEntailmentRegime"), ox.NamedNode("http://www.w3.org/ns/entailment/Simple")),
        ox.Triple(service, sd("defaultDataset"), ds),
        ox.Triple(ds, _RDF_TYPE, sd("Dataset")),
        ox.Triple(ds, sd("defaultGraph"), default),
        ox.Triple(default, _RDF_TYPE, sd("Graph")),
        ox.Triple(default, ox.NamedNode(_VOID + "triples"), count(ox.DefaultGraph())),
        ox.Triple(
            default,
            ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"),
            ox.Literal(f"The asserted AnkleKG triples (the same as the named graph <{ASSERTED_GRAPH}>)."),
        ),
    ]
    triples.extend(ox.Triple(service, sd("resultFormat"), ox.NamedNode(_FORMATS_NS + f)) for f in _FORMAT_IRIS)
    for index, name in enumerate([ASSERTED_GRAPH, INFERRED_GRAPH, *extra_graphs]):
        named, graph = ox.BlankNode(f"named{index}"), ox.BlankNode(f"graph{index}")
        triples += [
            ox.Triple(ds, sd("namedGraph"), named),
            ox.Triple(named, _RDF_TYPE, sd("NamedGraph")),
            ox.Triple(named, sd("name"), ox.NamedNode(name)),
            ox.Triple(named, sd("graph"), graph),
            ox.Triple(graph, _RDF_TYPE, sd("Graph")),
            ox.Triple(graph, ox.NamedNode(_VOID + "triples"), count(ox.NamedNode(name))),
        ]
    return triples
