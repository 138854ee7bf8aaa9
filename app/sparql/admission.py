"""Fair admission to the SPARQL workers: no single client can hold them all.

The pool bounds how many queries run at once; this bounds how many of them one client (a remote
address) may run: ``limit`` at once, ``queue`` more waiting in that client's own line, in arrival
order. Past that, or when a waiting query's deadline passes before one of its client's own queries
finishes, the query is turned away (:class:`TooManyQueries`, a 429 with Retry-After), so a flood
from one address costs the others nothing but the ``limit`` workers it holds.

One event loop: plain counters and futures, no locks. A client's entry exists only while it has a
query running or waiting, so the table stays as small as the traffic.

:class:`Standing` remembers which clients recently ran long queries: the pool serves them after the
others and never gives them its last idle worker (see :mod:`app.sparql.pool`).
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

__all__ = ["ClientGate", "Standing", "TooManyQueries"]


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
        entry = self.enter(client) or await self.wait(client, deadline)
        try:
            yield
        finally:
            self.leave(client, entry)

    def enter(self, client: str) -> _Client | None:
        """Take one of ``client``'s slots at once if one is free and nobody of its own waits (the usual case, without
        a context manager's generator: :meth:`admit` spelt out), else None: then :meth:`wait` for one. Either way
        the slot is given back with :meth:`leave`."""
        entry = self._clients.setdefault(client, _Client())
        if entry.running < self.limit and not entry.waiters:
            entry.running += 1
            return entry
        return None

    async def wait(self, client: str, deadline: float) -> _Client:
        """Wait in ``client``'s line for one of its slots until ``deadline`` (loop time), or TooManyQueries."""
        entry = self._clients.setdefault(client, _Client())
        await self._wait(client, entry, deadline)
        return entry

    def leave(self, client: str, entry: _Client) -> None:
        """Give back the slot :meth:`enter` or :meth:`wait` gave."""
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

    def full(self, client: str) -> bool:
        """Whether a new query from ``client`` would be turned away at once (its slots and its line are taken):
        lets the endpoint refuse it before any routing or parsing."""
        entry = self._clients.get(client)
        return entry is not None and entry.running >= self.limit and len(entry.waiters) >= self.queue


class Standing:
    """Which clients ran a query longer than the fair share lately ("heavy" clients), and until when.

    A client is heavy for ``memory`` seconds after one of its queries ran ``share`` seconds or more (whether it
    finished, hit the deadline, was preempted or ran out of memory). An entry is made only by such a query, which
    held a worker for ``share`` seconds, so the table holds at most about workers x memory / share live entries;
    expired ones are dropped as the table grows.
    """

    def __init__(self, *, share: float, memory: float) -> None:
        self.share, self.memory = share, memory
        self._until: dict[str, float] = {}

    def record(self, client: str, ran: float, now: float, *, heavy: bool = False) -> None:
        """A query of ``client`` ended after ``ran`` seconds; ``heavy`` marks it so whatever its length."""
        if not (heavy or (self.share > 0 and ran >= self.share)):
            return
        self._until[client] = now + self.memory
        if len(self._until) > 256:
            self._until = {c: t for c, t in self._until.items() if t > now}

    def heavy(self, client: str, now: float) -> bool:
        until = self._until.get(client)
        if until is None:
            return False
        if until <= now:
            del self._until[client]
            return False
        return True

    def remaining(self, client: str, now: float) -> float:
        """Seconds until ``client`` is no longer heavy (0 if it is not)."""
        return max(0.0, self._until.get(client, now) - now)
