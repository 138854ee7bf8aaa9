"""Fair admission to the SPARQL workers: no single client can hold them all.

The pool bounds how many queries run at once; this bounds how many of them one client (a remote
address) may run: ``limit`` at once, ``queue`` more waiting in that client's own line, in arrival
order. Past that, or when a waiting query's deadline passes before one of its client's own queries
finishes, the query is turned away (:class:`TooManyQueries`, a 429 with Retry-After), so a flood
from one address costs the others nothing but the ``limit`` workers it holds.

One event loop: plain counters and futures, no locks. A client's entry exists only while it has a
query running or waiting, so the table stays as small as the traffic.
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

__all__ = ["ClientGate", "TooManyQueries"]


class TooManyQueries(Exception):
    """This client already runs (and queues) as many queries as it may."""

    def __init__(self, client: str, running: int, waiting: int, timed_out: bool) -> None:
        super().__init__(f"{client} runs {running} queries and {waiting} wait")
        self.client, self.running, self.waiting, self.timed_out = client, running, waiting, timed_out


@dataclass
class _Client:
    running: int = 0
    waiters: collections.deque[asyncio.Future[None]] = field(default_factory=collections.deque)


class ClientGate:
    """At most ``limit`` queries per client at once and ``queue`` more waiting, within their deadline."""

    def __init__(self, *, limit: int, queue: int) -> None:
        self.limit, self.queue = limit, queue
        self._clients: dict[str, _Client] = {}

    @asynccontextmanager
    async def admit(self, client: str, deadline: float) -> AsyncIterator[None]:
        """Hold one of ``client``'s slots for the block; wait for one until ``deadline`` (loop time)."""
        entry = self._clients.setdefault(client, _Client())
        if entry.running < self.limit and not entry.waiters:
            entry.running += 1
        else:
            await self._wait(client, entry, deadline)
        try:
            yield
        finally:
            self._release(client, entry)

    async def _wait(self, client: str, entry: _Client, deadline: float) -> None:
        if len(entry.waiters) >= self.queue:
            self._forget_if_idle(client, entry)
            raise TooManyQueries(client, entry.running, len(entry.waiters), timed_out=False)
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry.waiters.append(turn)
        try:
            # not wait_for: on Python 3.11 it swallows a cancellation that meets the slot being handed over,
            # and a query whose client left would then run to its deadline
            async with asyncio.timeout_at(deadline):
                await asyncio.shield(turn)
        except BaseException as exc:
            if turn.done() and not turn.cancelled():  # handed a slot just as we gave up: pass it on
                self._release(client, entry)
            else:
                turn.cancel()
                entry.waiters.remove(turn)
                self._forget_if_idle(client, entry)
            if isinstance(exc, TimeoutError):
                raise TooManyQueries(client, entry.running, len(entry.waiters), timed_out=True) from None
            raise

    def _release(self, client: str, entry: _Client) -> None:
        """Hand the slot to the client's next waiting query, or free it."""
        while entry.waiters:
            turn = entry.waiters.popleft()
            if not turn.done():
                turn.set_result(None)  # the slot changes hands: ``running`` stays
                return
        entry.running -= 1
        self._forget_if_idle(client, entry)

    def _forget_if_idle(self, client: str, entry: _Client) -> None:
        if entry.running == 0 and not entry.waiters and self._clients.get(client) is entry:
            del self._clients[client]

    def running(self, client: str) -> int:
        """Queries ``client`` runs now (for messages and tests)."""
        entry = self._clients.get(client)
        return entry.running if entry else 0
