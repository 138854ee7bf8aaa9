"""The worker pool: every SPARQL query of the endpoint runs in a worker process, within a deadline.

Deadline. pyoxigraph cannot interrupt a query, and a thread running one cannot be stopped from
Python: an abandoned thread would keep a CPU busy until the query ends, possibly never. So each
query runs in a worker *process* (:mod:`app.sparql.worker`), and the event loop awaits its answer
until the deadline (``asyncio.timeout_at``). At the deadline, or when the caller gives up (its client hung up), the
worker is killed (the CPU is freed at once), a replacement is started in the background and the
client gets ``503 application/problem+json``. Workers return the complete serialised body, so
nothing is sent before the query has finished and a timeout can never follow partial results. The
pool size bounds how many queries run at once; a bounded number more may wait (within the same
deadline) before being turned away.

Memory. Each worker runs under an address-space limit (:mod:`app.sparql.limits`); a query past it
kills its worker or makes it answer "out of memory": either way the worker is replaced and the
caller gets :class:`WorkerFailed` with ``out_of_memory`` set.

Files. The dataset is dumped once to ``$TMPDIR/anklekg-sparql-<pid>-*/``, which :meth:`close`
removes; a server killed before it could is found by that pid at the next start, and its dump removed.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import shutil
import tempfile
from pathlib import Path

import pyoxigraph as ox

from app.sparql.engine import QueryRequest, QueryResult
from app.sparql.limits import OutOfMemory, out_of_memory
from app.sparql.runner import QueryTimeout, ServiceBusy
from app.sparql.worker import Worker, decode_answer

__all__ = ["DUMP_PREFIX", "QueryTimeout", "ServiceBusy", "WorkerFailed", "WorkerPool", "remove_stale_dumps"]

log = logging.getLogger("anklekg.sparql")
DUMP_PREFIX = "anklekg-sparql-"


class WorkerFailed(Exception):
    """The worker died while answering, or ran out of memory (``out_of_memory``)."""

    def __init__(self, message: str, *, out_of_memory: bool = False) -> None:
        super().__init__(message)
        self.out_of_memory = out_of_memory


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_stale_dumps(directory: Path | None = None) -> list[Path]:
    """Remove the dataset dumps of servers no longer running (killed before they could clean up)."""
    removed = []
    for path in Path(directory or tempfile.gettempdir()).glob(DUMP_PREFIX + "*-*"):
        pid = path.name.removeprefix(DUMP_PREFIX).partition("-")[0]
        with contextlib.suppress(OSError):
            if pid.isdigit() and path.stat().st_uid == os.getuid() and not _alive(int(pid)):
                shutil.rmtree(path)
                removed.append(path)
    return removed


class WorkerPool:
    """A fixed number of worker processes; each query gets one worker or waits, within its deadline."""

    def __init__(
        self, dataset: ox.Store, *, size: int, timeout: float, max_rows: int, max_waiting: int,
        memory_mb: int = 0, max_bytes: int | None = None,
    ) -> None:  # fmt: skip
        self.size, self.timeout, self.max_rows, self.max_waiting = size, timeout, max_rows, max_waiting
        self.memory_mb, self.max_bytes = memory_mb, max_bytes
        self._dataset = dataset
        self._dir = Path(tempfile.mkdtemp(prefix=f"{DUMP_PREFIX}{os.getpid()}-"))
        self._dump = self._dir / "dataset.nq"
        self._idle: asyncio.Queue[Worker] = asyncio.Queue()
        self._all: set[Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._waiting = 0
        self._closed = False
        self.network_forbidden: bool | None = None
        self.restarts = 0

    async def start(self) -> None:
        """Remove dumps left by killed servers, write the dataset once and start every worker (in parallel)."""
        for path in remove_stale_dumps(self._dir.parent):
            log.warning("removed %s, left by a SPARQL pool whose server is gone", path)
        self._dataset.dump(output=str(self._dump), format=ox.RdfFormat.N_QUADS)
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.size)))
        for worker in workers:
            self._idle.put_nowait(worker)

    async def _spawn(self) -> Worker:
        worker = await Worker.spawn(self._dump, self.memory_mb * 1024 * 1024)
        self._all.add(worker)
        worker.protocol.on_exit = lambda: self._exited(worker)
        head, _ = await worker.protocol.next_answer()
        ready = json.loads(head)
        self.network_forbidden = bool(ready.get("network_forbidden"))
        used, limit = ready.get("address_space") or 0, self.memory_mb * 1024 * 1024
        if limit and used > limit // 2:
            log.warning("a SPARQL worker uses %d MB once loaded, over half its %d MB limit (sparql_worker_memory_mb)",
                        used >> 20, self.memory_mb)  # fmt: skip
        return worker

    def _exited(self, worker: Worker) -> None:
        """A worker died on its own (killed by the OS, say): replace it before anyone is sent to it."""
        if worker in self._all and not self._closed:
            status = worker.transport.get_returncode()
            why = f" (over its {self.memory_mb} MB memory limit)" if out_of_memory(status) else ""
            log.warning("SPARQL worker %s exited with status %s%s; starting another",
                        worker.transport.get_pid(), status, why)  # fmt: skip
            self._replace(worker)

    def _replace(self, worker: Worker) -> None:
        """Kill ``worker`` and start another in the background (once, however many paths report it)."""
        worker.kill()
        if worker not in self._all:
            return
        self._all.discard(worker)
        self.restarts += 1
        task = asyncio.get_running_loop().create_task(self._respawn(worker))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _respawn(self, dead: Worker) -> None:
        await dead.stop()
        while not self._closed:
            try:
                replacement = await self._spawn()
            except Exception:  # a worker that cannot start (out of processes, say): try again shortly
                log.exception("could not start a SPARQL worker; retrying in 1 s")
                await asyncio.sleep(1)
                continue
            if self._closed:
                self._all.discard(replacement)
                await replacement.stop()
            else:
                self._idle.put_nowait(replacement)
            return

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
            async with asyncio.timeout_at(deadline):  # not wait_for: see ClientGate._wait
                return await self._idle.get()
        except TimeoutError:
            raise QueryTimeout(self.timeout, started=False) from None
        finally:
            self._waiting -= 1

    async def run(self, request: QueryRequest, deadline: float | None = None) -> QueryResult:
        """Answer by ``deadline`` (loop time; default: the timeout from now) or raise QueryTimeout /
        ServiceBusy / WorkerFailed / the engine's errors. Cancelling it kills the worker's query."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout if deadline is None else deadline
        worker = await self._acquire(deadline)
        try:
            async with asyncio.timeout_at(deadline):
                head, body = await worker.ask(request)
        except TimeoutError:
            self._replace(worker)
            raise QueryTimeout(self.timeout, started=True) from None
        except ConnectionError as exc:
            with contextlib.suppress(Exception):  # its exit status says why it died: wait for it briefly
                await asyncio.wait_for(asyncio.shield(worker.protocol.exited), timeout=1)
            returncode = worker.transport.get_returncode()
            self._replace(worker)
            raise WorkerFailed(f"{exc} (status {returncode})", out_of_memory=out_of_memory(returncode)) from exc
        except BaseException:  # cancelled mid-query (the client left): the worker's state is unknown
            self._replace(worker)
            raise
        try:
            result = decode_answer(head, body)
        except OutOfMemory as exc:  # it survived a MemoryError, but its heap is suspect: replace it
            self._replace(worker)
            raise WorkerFailed(str(exc), out_of_memory=True) from exc
        except BaseException:
            self._idle.put_nowait(worker)
            raise
        self._idle.put_nowait(worker)
        return result

    @property
    def busy(self) -> int:
        """Workers currently running a query."""
        return len(self._all) - self._idle.qsize()

    async def close(self) -> None:
        """Stop every worker without starting new ones, and remove the dataset dump."""
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        workers = list(self._all)
        self._all.clear()
        await asyncio.gather(*(worker.stop() for worker in workers), return_exceptions=True)
        shutil.rmtree(self._dir, ignore_errors=True)
