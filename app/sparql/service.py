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
import contextlib
import json
import logging
import os
import struct
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
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
class _Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        assert process.stdin is not None and process.stdout is not None
        self.stdin, self.stdout = process.stdin, process.stdout

    async def read_frame(self) -> bytes:
        (size,) = _LENGTH.unpack(await self.stdout.readexactly(4))
        return await self.stdout.readexactly(size)

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()


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
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "app.sparql.worker",
            str(self._dump),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)},
        )
        worker = _Worker(process)
        self._all.add(worker)
        ready = json.loads(await worker.read_frame())
        self.network_forbidden = bool(ready.get("network_forbidden"))
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill ``worker`` and start another in the background."""
        worker.kill()
        self._all.discard(worker)
        self.restarts += 1
        if self._closed:
            return

        async def respawn() -> None:
            await worker.process.wait()
            replacement = await self._spawn()
            if self._closed:
                replacement.kill()
            else:
                self._idle.put_nowait(replacement)

        task = asyncio.get_running_loop().create_task(respawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def run(self, request: QueryRequest) -> QueryResult:
        """Answer within the deadline or raise QueryTimeout / ServiceBusy / the engine's errors."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        if self._waiting >= self.max_waiting:
            raise ServiceBusy
        self._waiting += 1
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout=self.timeout)
        except TimeoutError:
            raise QueryTimeout(self.timeout, started=False) from None
        finally:
            self._waiting -= 1
        message = {
            "query": request.query,
            "default_graphs": request.default_graphs,
            "named_graphs": request.named_graphs,
            "accept": request.accept,
            "max_rows": request.max_rows,
        }
        try:
            payload = json.dumps(message).encode()
            worker.stdin.write(_LENGTH.pack(len(payload)) + payload)

            async def exchange() -> tuple[bytes, bytes]:
                await worker.stdin.drain()
                return await worker.read_frame(), await worker.read_frame()

            head, body = await asyncio.wait_for(exchange(), timeout=max(0.001, deadline - loop.time()))
        except TimeoutError:
            self._replace(worker)
            raise QueryTimeout(self.timeout, started=True) from None
        except (asyncio.IncompleteReadError, ConnectionError) as exc:
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
        for worker in list(self._all):
            if worker.stdin.can_write_eof():
                worker.stdin.close()
            worker.kill()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(worker.process.wait(), timeout=5)
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
