"""The one interface the SPARQL endpoint runs queries through, and the failures both runners share.

Two implementations: :class:`app.sparql.pool.WorkerPool` evaluates in our own worker processes over
the in-memory dataset; :class:`app.sparql.upstream.UpstreamEndpoint` forwards to an external SPARQL
1.1 store (``anklekg serve --sparql-endpoint URL``). The service in front of either
(``app.api.sparql_runner``) adds per-client admission, cancellation when the client leaves and the
problem responses, so both modes keep the same guarantees without the router knowing which runs.
"""

from __future__ import annotations

from typing import Protocol

from .engine import QueryRequest, QueryResult

__all__ = ["QueryRunner", "QueryTimeout", "ServiceBusy", "UpstreamFailed", "UpstreamUnavailable"]

#: Seconds a client is told to wait when the external store is unavailable and did not say how long.
RETRY_AFTER_S = 5


class QueryTimeout(Exception):
    """The query did not finish (or could not start) within the deadline."""

    def __init__(self, seconds: float, started: bool) -> None:
        super().__init__(f"over the {seconds:g} s deadline")
        self.seconds, self.started = seconds, started


class ServiceBusy(Exception):
    """Too many queries are already running or waiting."""


class QueryPreempted(Exception):
    """The query ran longer than the fair share while others waited for a worker, and was stopped for them."""

    def __init__(self, share: float, ran: float) -> None:
        super().__init__(f"stopped after {ran:.1f} s, past the fair share of {share:g} s")
        self.share, self.ran = share, ran


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


class QueryRunner(Protocol):
    """Runs checked, capped queries: at most ``size`` at once, ``max_waiting`` more waiting, each within its deadline.

    ``run`` answers ``client``'s query (the workers' fairness weighs it; a store ignores it) by ``deadline``
    (event-loop time) or raises QueryTimeout, ServiceBusy, QueryPreempted, the engine's
    errors (InvalidQuery, QueryRefused, NotAcceptable) or the runner's own; cancelling it stops the query.
    """

    size: int
    timeout: float
    max_rows: int
    max_waiting: int
    max_bytes: int | None

    async def start(self) -> None: ...

    async def run(self, request: QueryRequest, deadline: float | None = None, client: str = "") -> QueryResult: ...

    async def close(self) -> None: ...
