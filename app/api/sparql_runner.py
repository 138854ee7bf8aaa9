"""One SPARQL query for one HTTP client: fair admission, a runner, cancellation when the client leaves.

The route parses the protocol; this runs the query and turns every way it can fail into a problem
(RFC 9457) that says what to do next. The runner is one of two implementations of
:class:`app.sparql.runner.QueryRunner`, chosen once at start-up: our worker processes over the
in-memory dataset, or an external SPARQL 1.1 store (``--sparql-endpoint``). Admission, cancellation
and problems are the same for both, so the router never asks which one runs. Whatever holds a worker
(or a connection to the store) holds it only while its client waits: when the client disconnects
(``http.disconnect`` arrives while the query runs or waits), the query is cancelled -- its worker
killed and replaced, or its request to the store closed -- so a bomb whose sender hung up stops
costing anyone.
"""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from fastapi import Request
from starlette.types import Scope, Send

from ..settings import Settings
from ..sparql.admission import ClientGate, TooManyQueries
from ..sparql.engine import InvalidQuery, QueryRefused, QueryRequest, QueryResult, QueryTooDeep
from ..sparql.pool import WorkerFailed, WorkerPool
from ..sparql.results import NotAcceptable
from ..sparql.runner import (
    QueryPreempted,
    QueryRunner,
    QueryTimeout,
    ServiceBusy,
    UpstreamFailed,
    UpstreamUnavailable,
)
from .problems import PROBLEM_JSON, ProblemError, problem_type_uri

__all__ = ["ClientGone", "SparqlService", "not_acceptable", "refuse_full_client", "result_headers", "too_many_queries"]

T = TypeVar("T")


class ClientGone(Exception):
    """The client disconnected before its answer was ready; its query was cancelled."""


@dataclass
class SparqlService:
    """The query runner and the per-client gate in front of it, built once by the application's lifespan."""

    runner: QueryRunner
    gate: ClientGate
    settings: Settings
    #: set when the workers may start (see :meth:`start`); None: they started at once
    begin: asyncio.Event | None = None

    @classmethod
    async def start(
        cls, dataset: Callable[[], ox.Store | Path], settings: Settings, begin: asyncio.Event | None = None
    ) -> SparqlService:
        """Start the workers (in the background: see :attr:`ready`) over ``dataset`` (a store, or its N-Quads file;
        asked for once, in a thread), or open the pool of connections to the external store (see :meth:`close`).

        ``begin``: the workers start once it is set (the server sets it after its first answer, or after a second;
        a query sets it too, and waits for them), so that a start's first answer has the cores to itself."""
        runner: QueryRunner
        if settings.sparql_endpoint:  # no worker process is started: the store holds the data
            from ..sparql.upstream import UpstreamEndpoint  # httpx: imported only when a store is named

            runner = UpstreamEndpoint(
                settings.sparql_endpoint,
                size=settings.sparql_workers,
                timeout=settings.sparql_timeout,
                max_rows=settings.sparql_max_rows,
                max_waiting=settings.sparql_max_waiting,
                max_bytes=settings.sparql_max_bytes,
                results=settings.sparql_endpoint_results,
            )
        else:
            runner = WorkerPool(
                dataset,
                size=settings.sparql_workers,
                timeout=settings.sparql_timeout,
                max_rows=settings.sparql_max_rows,
                max_waiting=settings.sparql_max_waiting,
                memory_mb=settings.sparql_worker_memory_mb,
                max_bytes=settings.sparql_max_bytes,
                fair_share=settings.sparql_fair_share,
            )
        if isinstance(runner, WorkerPool) and begin is not None:
            await runner.start(begin)
        else:
            await runner.start()
        gate = ClientGate(limit=settings.sparql_client_limit, queue=settings.sparql_client_queue)
        return cls(runner, gate, settings, begin)

    @property
    def ready(self) -> bool:
        """Queries can be answered now (the workers are up; an external store's connections are open)."""
        return not isinstance(self.runner, WorkerPool) or self.runner.ready.is_set()

    async def wait_ready(self) -> None:
        """Return once :attr:`ready` (at once for an external store)."""
        if isinstance(self.runner, WorkerPool):
            await self.runner.ready.wait()

    @property
    def starting(self) -> str | None:
        """What is not ready yet, said for /health (None when ready)."""
        if self.ready:
            return None
        pool = self.runner
        assert isinstance(pool, WorkerPool)
        return pool.failed or f"SPARQL workers starting ({len(pool._serving)} of {pool.size} up)"

    @property
    def upstream(self) -> str | None:
        """The external store's URL, or None when our own workers answer over the loaded dataset."""
        return self.settings.sparql_endpoint or None

    async def close(self) -> None:
        """Stop the workers (without replacing them) or close the connections to the store."""
        await self.runner.close()

    async def answer(self, request: Request, query: QueryRequest) -> QueryResult:
        """Run ``query`` for the client of ``request``, or raise ProblemError / ClientGone."""
        try:  # checks that may take long (256 KB of brackets: 100 ms) run in a worker or a thread, not on the loop
            return await _unless_disconnected(request, self._run(request, query))
        except ClientGone:
            raise
        except Exception as exc:
            raise self._problem(exc) from exc

    async def _run(self, request: Request, query: QueryRequest) -> QueryResult:
        if self.begin is not None:
            self.begin.set()  # a query before the first answer: the workers start now
        deadline = asyncio.get_running_loop().time() + self.runner.timeout
        client = request.client.host if request.client else "unknown"
        gate = self.gate
        entry = gate.enter(client) or await gate.wait(client, deadline)
        try:
            return await self.runner.run(query, deadline, client)
        finally:
            gate.leave(client, entry)

    def _problem(self, exc: Exception) -> Exception:
        """The problem for a failed query (an unexpected exception is returned as it is)."""
        runner = self.runner
        if isinstance(exc, QueryTooDeep):
            return ProblemError(400, "query-too-deep", "Query nested too deeply",
                                f"The query is refused (line {exc.line}, column {exc.column}): {exc.message}.",
                                parameter="query")  # fmt: skip
        if isinstance(exc, InvalidQuery):
            where = f"line {exc.line}, column {exc.column}: " if exc.line is not None else ""
            return ProblemError(
                400, "malformed-query", "Malformed query", f"The query is not valid SPARQL 1.1 ({where}{exc.message}).",
                parameter="query", errors=[{"line": exc.line, "column": exc.column, "message": exc.message}],
            )  # fmt: skip
        if isinstance(exc, QueryRefused):
            slug = "read-only" if exc.reason == "update" else "no-federation"
            return ProblemError(403, slug, "Operation not allowed", exc.detail, parameter="query")
        if isinstance(exc, NotAcceptable):
            return not_acceptable(exc)
        if isinstance(exc, TooManyQueries):
            return _retry_later(*too_many_queries(self.gate, exc.client, exc.timed_out))
        if isinstance(exc, QueryTimeout):
            reason = "did not finish" if exc.started else "could not start (all workers were busy)"
            return _retry_later(
                503, "query-timeout", "Query timeout",
                f"The query {reason} within the {exc.seconds:g} s deadline and was stopped. Narrow it (LIMIT, more "
                "specific patterns) or run it on your own copy of the data (/v1/export).",
                seconds=5,
            )  # fmt: skip
        if isinstance(exc, QueryPreempted):
            return _retry_later(
                503, "query-preempted", "Query stopped to let others run",
                f"The query ran {exc.ran:.1f} s, longer than the fair share of {exc.share:g} s (setting "
                f"sparql_fair_share), while all {self.runner.size} SPARQL workers were busy and other clients waited, "
                f"so it was stopped for them. For the next {self.runner.timeout:g} s this client's queries are served "
                "after other clients' and never take the last idle worker. Narrow the query (LIMIT, more specific "
                "patterns), retry later, or run it on your own copy of the data (/v1/export).",
                seconds=math.ceil(self.runner.timeout),
            )  # fmt: skip
        if isinstance(exc, ServiceBusy):
            return _retry_later(
                503, "busy", "Too many queries",
                f"{runner.size} queries are running and {runner.max_waiting} are waiting; retry shortly.",
            )  # fmt: skip
        if isinstance(exc, WorkerFailed) and exc.out_of_memory:
            return _retry_later(
                503, "out-of-memory", "Query needed too much memory",
                f"The query needed more than the {self.settings.sparql_worker_memory_mb} MB a SPARQL worker may use "
                "(setting sparql_worker_memory_mb) and was stopped. Narrow it: add LIMIT, join patterns on "
                "shared variables, and avoid ORDER BY, GROUP BY or DISTINCT over a cross product of patterns that "
                "share no variable. Or run it on your own copy of the data (/v1/export).",
            )  # fmt: skip
        if isinstance(exc, UpstreamUnavailable):
            return _retry_later(
                503, "store-unavailable", "SPARQL store unavailable",
                f"The SPARQL store this endpoint forwards queries to is unavailable ({exc.reason}). Retry later; "
                "the REST API (/v1/...) answers from AnkleKG's own copy meanwhile.",
                seconds=exc.retry_after,
            )  # fmt: skip
        if isinstance(exc, UpstreamFailed):
            said = f" It said: {exc.excerpt}" if exc.excerpt else ""
            return _retry_later(
                502, "store-error", "SPARQL store error",
                f"The SPARQL store this endpoint forwards queries to failed to answer: {exc.reason}.{said} "
                "Retry; if this query fails again, narrow it.",
                seconds=5,
            )  # fmt: skip
        if isinstance(exc, WorkerFailed):
            return _retry_later(
                503, "query-failed", "Query failed",
                "The worker answering the query stopped (it was killed, or the query crashed it); it is being "
                "replaced. Retry; if this query fails again, narrow it.",
            )  # fmt: skip
        return exc


def too_many_queries(gate: ClientGate, client: str, timed_out: bool) -> tuple[int, str, str, str]:
    """Status, type slug, title and detail of the 429 for a client over its limit (one text, two places)."""
    why = ("this query waited the whole deadline for one of them to finish" if timed_out
           else f"and {gate.queue} more are waiting")  # fmt: skip
    return (
        429, "too-many-queries", "Too many queries from this client",
        f"This client ({client}) already runs {gate.limit} SPARQL queries at once, the most one client may, {why}. "
        "Wait for an answer before sending the next query.",
    )  # fmt: skip


async def refuse_full_client(scope: Scope, send: Send) -> bool:
    """Turn a query away before routing when its client's slots and line are all taken (429, Retry-After); True
    when it did.

    Asked by the HTTP edge after the request guard (so the Host is checked and a POST body is bounded and read): a
    flooding client's refusals skip routing, dependency injection and protocol parsing, and keep the connection open
    (a reconnect costs the server more than the answer). The gate decides the same way in the route, so a query
    that gets past here in a race is still refused there.
    """
    if scope["path"] not in _ENDPOINT or not _asks_a_query(scope):
        return False
    service: SparqlService | None = getattr(scope["app"].state, "sparql", None)
    client = scope["client"][0] if scope.get("client") else "unknown"
    if service is None or not service.gate.full(client):
        return False
    status, slug, title, detail = too_many_queries(service.gate, client, timed_out=False)
    body = json.dumps({"type": problem_type_uri(slug), "title": title, "status": status, "detail": detail,
                       "instance": scope["path"]}).encode()  # fmt: skip
    headers = [
        (b"content-type", PROBLEM_JSON.encode()), (b"content-length", str(len(body)).encode()),
        (b"retry-after", b"1"), (b"cache-control", b"no-store"), (b"vary", b"Accept"),
    ]  # fmt: skip
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
    return True


_ENDPOINT = frozenset({"/sparql", "/sparql/"})


def _asks_a_query(scope: Scope) -> bool:
    """A POST, or a GET with a ``query`` parameter (a bare GET is the Service Description: never refused)."""
    if scope["method"] == "POST":
        return True
    qs: bytes = scope["query_string"]
    return qs.startswith(b"query=") or b"&query=" in qs


def _retry_later(status: int, slug: str, title: str, detail: str, seconds: int = 1) -> ProblemError:
    """A 429 or 503: the query may succeed later (or narrowed), and Retry-After says when to try."""
    return ProblemError(status, slug, title, detail, headers={"Retry-After": str(seconds)})


def not_acceptable(exc: NotAcceptable) -> ProblemError:
    return ProblemError(
        406, "not-acceptable", "Not acceptable",
        f"A {exc.form} result can be sent as {', '.join(exc.offered)}; the request's Accept header "
        "(or format parameter) allows none of them.",
        parameter="Accept",
    )  # fmt: skip


def result_headers(result: QueryResult) -> dict[str, str]:
    """The caps and whether one cut this answer (and which): every format carries them."""
    headers = {
        "X-AnkleKG-Result-Rows": str(result.rows),
        "X-AnkleKG-Result-Limit": str(result.limit),
        "X-AnkleKG-Result-Truncated": "true" if result.truncated else "false",
    }
    if result.max_bytes is not None:
        headers["X-AnkleKG-Result-Max-Bytes"] = str(result.max_bytes)
    if result.truncated_by:
        headers["X-AnkleKG-Result-Truncated-By"] = result.truncated_by
    return headers


async def _disconnected(request: Request) -> None:
    """Returns when the client hangs up (the body, if any, was read before)."""
    while (await request.receive())["type"] != "http.disconnect":
        pass


async def _unless_disconnected(request: Request, work: Awaitable[T]) -> T:
    """``work``'s result, or ClientGone as soon as the client disconnects (``work`` is then cancelled).

    ``work`` runs in the calling task, and one task watches for the disconnect and cancels the caller when it comes:
    a second task for the work and ``asyncio.wait`` over both cost a cheap query's answer ~30 us more."""
    task = asyncio.current_task()
    assert task is not None
    state = {"gone": False, "over": False}

    def hung_up(watch: asyncio.Future[None]) -> None:
        if state["over"] or watch.cancelled():  # the work ended first (this callback may already be scheduled)
            return
        watch.exception()  # retrieved, not raised: a receive that failed also means the client is gone
        state["gone"] = True
        task.cancel()

    watch = asyncio.ensure_future(_disconnected(request))
    watch.add_done_callback(hung_up)
    try:
        return await work
    except asyncio.CancelledError:
        if not state["gone"]:
            raise  # cancelled from outside (the server stopping): not ours to turn into an answer
        task.uncancel()
        raise ClientGone from None
    finally:
        state["over"] = True
        watch.cancel()
