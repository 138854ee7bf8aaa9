"""The worker pool: every SPARQL query of the endpoint runs in a worker process, within a deadline.

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
import tempfile
from pathlib import Path

import pyoxigraph as ox

from app.sparql.engine import QueryRequest, QueryResult
from app.sparql.worker import Worker, decode_answer

__all__ = ["QueryTimeout", "ServiceBusy", "WorkerFailed", "WorkerPool"]

log = logging.getLogger("anklekg.sparql")


class QueryTimeout(Exception):
    """The query did not finish (or could not start) within the deadline."""

    def __init__(self, seconds: float, started: bool) -> None:
        super().__init__(f"over the {seconds:g} s deadline")
        self.seconds, self.started = seconds, started


class ServiceBusy(Exception):
    """Too many queries are already running or waiting."""


class WorkerFailed(Exception):
    """The worker died while answering (for instance it ran out of memory)."""


class WorkerPool:
    """A fixed number of worker processes; each query gets one worker or waits, within its deadline."""

    def __init__(self, dataset: ox.Store, *, size: int, timeout: float, max_rows: int, max_waiting: int) -> None:
        self.size, self.timeout, self.max_rows, self.max_waiting = size, timeout, max_rows, max_waiting
        self._dataset = dataset
        self._dir = Path(tempfile.mkdtemp(prefix="anklekg-sparql-"))
        self._dump = self._dir / "dataset.nq"
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: set[Worker] = set()
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

    async def _spawn(self) -> Worker:
        worker = await Worker.spawn(self._dump)
        self._all.add(worker)
        worker.protocol.on_exit = lambda: self._exited(worker)
        head, _ = await worker.protocol.next_answer()
        self.network_forbidden = bool(json.loads(head).get("network_forbidden"))
        return worker

    def _exited(self, worker: Worker) -> None:
        """A worker died on its own (killed by the OS, say): replace it before anyone is sent to it."""
        if worker in self._all:
            log.warning("SPARQL worker %s exited unexpectedly; starting another", worker.transport.get_pid())
            self._replace(worker)

    def _replace(self, worker: Worker) -> None:
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

    async def _acquire(self, deadline: float) -> Worker:
        """An idle worker at once when nobody is queued (no task, no timer), else wait in line."""
        while True:
            if self._waiting == 0 and not self._idle.empty():
                worker = self._idle.get_nowait()
            else:
                worker = await self._wait_in_line(deadline)
            if worker in self._all:
                return worker
            # else it died while idle and is being replaced: take the next one

    async def _wait_in_line(self, deadline: float) -> Worker:
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
        try:
            answer = worker.ask(request)
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
        return decode_answer(head, body)

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
