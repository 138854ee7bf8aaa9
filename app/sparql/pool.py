"""The worker pool: every SPARQL query of the endpoint runs in a worker process, within a deadline.

Deadline. pyoxigraph cannot interrupt a query, and a thread running one cannot be stopped from Python: an abandoned
thread would keep a CPU busy until the query ends, possibly never. So each query runs in a worker *process*
(:mod:`app.sparql.worker`), and the event loop awaits its answer until the deadline (a loop timer that fails the
awaited answer). At the deadline, or when the caller gives up (its client hung up), the worker is killed (the CPU is
freed at once), a replacement is started in the background and the client gets ``503 application/problem+json``.
Workers return the complete serialised body, so nothing is sent before the query has finished and a timeout can
never follow partial results. The pool size bounds how many queries run at once; a bounded number more may wait
(within the same deadline) before being turned away.

Fairness. A pool of two workers is easily filled by two bombs from two addresses (the per-client limit of
:mod:`app.sparql.admission` cannot stop that), and everyone else would wait for their deadline. So when a
query has to wait, it is served by this order and these rules (``fair_share`` seconds, 0.5 by default):

- A client is *heavy* while one of its queries has run longer than the fair share, and for one deadline
  after such a query ended however it ended (:class:`~app.sparql.admission.Standing`).
- A free worker goes to the longest-waiting query of a client that is not heavy; a heavy client's query
  takes one only while another worker stays idle (with two workers or more): one is kept for the others.
- When a query of a client that is not heavy waits and more than ``size - 1`` running queries are past the
  fair share, the one that has run longest is stopped (preempted): its client gets
  :class:`QueryPreempted` (a 503 with Retry-After), its worker is killed and a standby takes its place.
  So long queries hold at most all workers but one while someone else waits, and never block short ones
  for more than the fair share; with nobody waiting they run to their deadline as before.

Standby. One more worker than ``size`` is started and kept idle; whenever a worker is killed (deadline,
preemption, a client that left, memory) the standby takes its place at once and another standby starts in
the background, so nobody waits for a worker to load the dataset (about 0.3 s on two cores).

Memory. Each worker runs under an address-space limit (:mod:`app.sparql.limits`); a query past it
kills its worker or makes it answer "out of memory": either way the worker is replaced and the
caller gets :class:`WorkerFailed` with ``out_of_memory`` set.

Files. The dataset is dumped once to ``$TMPDIR/anklekg-sparql-<pid>-*/``, which :meth:`close`
removes; a server killed before it could is found by that pid at the next start, and its dump removed. A
dataset already on disk (the snapshot's, app/snapshot.py) is linked there instead (copied across file
systems), so that a later build replacing the snapshot never takes the file from under a worker restarting.

Start. :meth:`start` returns at once: the dataset is written and the workers started in the background, while
the server already answers everything else. Queries that arrive meanwhile wait for the first worker (within
their deadline, as any query waits); :attr:`ready` is set once ``size`` workers serve, and the standby is
started only then, so that it does not compete with them for the CPUs.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .admission import Standing
from .dataset import on_disk_copy
from .engine import QueryRequest, QueryResult
from .limits import OutOfMemory, out_of_memory
from .runner import QueryPreempted, QueryTimeout, ServiceBusy
from .worker import Worker, decode_answer

__all__ = [
    "DUMP_PREFIX", "QueryPreempted", "QueryTimeout", "ServiceBusy", "WorkerFailed", "WorkerPool", "remove_stale_dumps",
]  # fmt: skip

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


def _expire_answer(answer: asyncio.Future[tuple[bytes, bytes]]) -> None:
    """The deadline passed before the worker answered (a waiting query's is :meth:`WorkerPool._expire`)."""
    if not answer.done():
        answer.set_exception(TimeoutError())


@dataclass(eq=False)
class _Run:
    """A query running on a worker: whose, since when, and the answer it awaits."""

    client: str
    started: float
    answer: asyncio.Future[tuple[bytes, bytes]]


@dataclass(eq=False)
class _Waiter:
    """A query waiting for a worker."""

    client: str
    turn: asyncio.Future[Worker]


class WorkerPool:
    """A fixed number of worker processes (and a standby); each query gets one worker or waits, within its
    deadline, in the order the fairness rules above give."""

    def __init__(
        self, dataset: Callable[[], ox.Store | Path], *, size: int, timeout: float, max_rows: int, max_waiting: int,
        memory_mb: int = 0, max_bytes: int | None = None, fair_share: float = 0.0,
    ) -> None:  # fmt: skip
        """``dataset`` gives the store to serve, or its N-Quads file; called once, in a thread, by :meth:`start`."""
        self.size, self.timeout, self.max_rows, self.max_waiting = size, timeout, max_rows, max_waiting
        self.memory_mb, self.max_bytes = memory_mb, max_bytes
        self.fair_share = fair_share if 0 < fair_share < timeout else 0.0  # 0: no preemption, no reserve
        #: idle workers kept for clients that are not heavy (one, when there are two workers or more)
        self.reserve = 1 if self.fair_share and size >= 2 else 0
        self.standing = Standing(share=self.fair_share, memory=timeout)
        self._dataset = dataset
        self._dir = Path(tempfile.mkdtemp(prefix=f"{DUMP_PREFIX}{os.getpid()}-"))
        self._dump = self._dir / "dataset.nq"
        #: what the workers open: the dump, or a snapshot's on-disk store of the dataset (read-only, shared)
        self._source = self._dump
        self._all: set[Worker] = set()  # every live process: serving, standby, starting
        self._serving: set[Worker] = set()  # idle or running a query
        self._idle: collections.deque[Worker] = collections.deque()
        self._running: dict[Worker, _Run] = {}
        self._waiters: list[_Waiter] = []
        self._standby: Worker | None = None
        self._timer: asyncio.TimerHandle | None = None  # the next look for queries to preempt
        self._timer_when = 0.0  # (its loop time)
        self._wake: asyncio.TimerHandle | None = None  # the next dispatch, when a waiting client is heavy no more
        self._tasks: set[asyncio.Task[None]] = set()
        #: the event loop it runs on, set by :meth:`start` (asking for it costs a getpid() each time on Python 3.11)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._starting = 0
        self._closed = False
        self.network_forbidden: bool | None = None
        self.restarts = 0
        self.preempted = 0
        #: set once ``size`` workers serve (see "Start" above); until then queries wait for the first ones
        self.ready = asyncio.Event()
        self.failed: str | None = None  # why the dataset could not be written, when it could not

    async def start(self, after: asyncio.Event | None = None) -> None:
        """Remove dumps left by killed servers; then, in the background (once ``after`` is set, when given: a server
        starts them after its first answer, so that they do not take the two cores from it), write (or link) the
        dataset once and start the workers (in parallel), then the standby. Returns at once; :attr:`ready` says
        when they serve."""
        self._loop = asyncio.get_running_loop()
        for path in remove_stale_dumps(self._dir.parent):
            log.warning("removed %s, left by a SPARQL pool whose server is gone", path)
        self._background(self._boot(after))

    async def _boot(self, after: asyncio.Event | None) -> None:
        if after is not None:
            await after.wait()
        try:
            await asyncio.to_thread(self._write_dataset)
        except Exception as exc:
            self.failed = f"the SPARQL dataset could not be written to {self._dump}: {exc}"
            log.exception("%s; /sparql cannot answer", self.failed)
            return
        self._top_up()

    def _write_dataset(self) -> None:
        source = self._dataset()
        if isinstance(source, Path) and on_disk_copy(source).is_dir():
            self._source = on_disk_copy(source)  # a large dataset's store, kept by the snapshot: nothing to write
            return
        if isinstance(source, Path):
            try:
                os.link(source, self._dump)
            except OSError:  # another file system, or links not allowed
                shutil.copyfile(source, self._dump)
        else:
            source.dump(output=str(self._dump), format=ox.RdfFormat.N_QUADS)

    async def _spawn(self) -> Worker:
        worker = await Worker.spawn(self._source, self.memory_mb * 1024 * 1024)
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
        """Kill ``worker``; the standby takes its place at once, and a new process starts in the background
        (once, however many paths report it)."""
        worker.kill()
        if worker not in self._all:
            return
        self._all.discard(worker)
        if worker is self._standby:
            self._standby = None
        elif worker in self._serving:
            self._serving.discard(worker)
            with contextlib.suppress(ValueError):
                self._idle.remove(worker)
            self.restarts += 1
            if self._standby is not None and not self._closed:
                promoted, self._standby = self._standby, None
                self._serving.add(promoted)
                self._release(promoted)
        self._background(worker.stop())  # reap it
        self._top_up()

    def _top_up(self) -> None:
        """Start processes until the workers in service, the standby and those starting make ``size + 1`` (``size``
        until the pool is first ready: the standby starts after the workers, not against them)."""
        wanted = self.size + (1 if self.ready.is_set() else 0)
        while not self._closed and len(self._serving) + (self._standby is not None) + self._starting < wanted:
            self._starting += 1
            self._background(self._start_one())

    def _background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _start_one(self) -> None:
        """Start a process and put it where one is missing: in service, else as the standby."""
        try:
            while not self._closed:
                try:
                    fresh = await self._spawn()
                except Exception:  # a worker that cannot start (out of processes, say): try again shortly
                    log.exception("could not start a SPARQL worker; retrying in 1 s")
                    await asyncio.sleep(1)
                    continue
                if self._closed or fresh not in self._all:  # closed, or it died while loading
                    self._all.discard(fresh)
                    await fresh.stop()
                elif len(self._serving) < self.size:
                    self._serving.add(fresh)
                    self._release(fresh)
                    if len(self._serving) == self.size and not self.ready.is_set():
                        self.ready.set()
                        log.info("SPARQL: %d workers ready", self.size)
                elif self._standby is None:
                    self._standby = fresh
                else:
                    self._all.discard(fresh)
                    await fresh.stop()
                return
        finally:
            self._starting -= 1
            self._top_up()  # one that died while loading is started again

    def _running_loop(self) -> asyncio.AbstractEventLoop:
        return self._loop or asyncio.get_running_loop()

    # -- who gets a worker ------------------------------------------------------------------------------
    def _heavy(self, client: str, now: float) -> bool:
        """The client ran a long query lately, or runs one now."""
        if self.standing.heavy(client, now):
            return True
        share = self.fair_share
        if share:
            for run in self._running.values():
                if run.client == client and now - run.started >= share:
                    return True
        return False

    def _may_take(self, client: str, now: float) -> bool:
        return len(self._idle) > self.reserve or not (self.reserve and self._heavy(client, now))

    def _release(self, worker: Worker) -> None:
        """``worker`` is free: hand it to the next waiting query by the fairness rules, or keep it idle."""
        if worker not in self._serving:  # killed meanwhile (preempted as its answer came): replaced already
            return
        self._idle.append(worker)
        self._dispatch()

    def _dispatch(self) -> None:
        loop = self._running_loop()
        now = loop.time()
        while self._idle and self._waiters:
            chosen = next((w for w in self._waiters if not self._heavy(w.client, now)), None)
            if chosen is None and len(self._idle) > self.reserve:
                chosen = self._waiters[0]
            if chosen is None:  # only heavy clients wait, and the idle worker is kept: until one is heavy no more
                expiries = [r for w in self._waiters if (r := self.standing.remaining(w.client, now)) > 0]
                if self._wake is not None:
                    self._wake.cancel()
                self._wake = loop.call_at(now + min(expiries), self._dispatch) if expiries else None
                return
            self._waiters.remove(chosen)
            chosen.turn.set_result(self._idle.popleft())

    async def _acquire(self, client: str, deadline: float) -> Worker:
        """An idle worker at once when nobody is queued and the rules allow (no task, no timer), else wait."""
        loop = self._running_loop()
        if not self._waiters and self._idle and self._may_take(client, loop.time()):
            return self._idle.popleft()
        if len(self._waiters) >= self.max_waiting:
            raise ServiceBusy
        waiter = _Waiter(client, loop.create_future())
        self._waiters.append(waiter)
        self._dispatch()
        self._preempt_for_waiters()
        if waiter.turn.done():  # handed a worker at once
            return waiter.turn.result()
        # the deadline as a timer that takes the query out of the line (not asyncio.timeout_at: see run)
        timer = loop.call_at(deadline, self._expire, waiter)
        try:
            return await asyncio.shield(waiter.turn)  # shielded: a worker handed over as we give up is passed on
        except BaseException as exc:
            turn = waiter.turn
            if turn.done() and not turn.cancelled() and turn.exception() is None:  # handed a worker as we gave up
                self._release(turn.result())
            elif not turn.done():  # cancelled (the client left): leave the line
                turn.cancel()
                self._waiters.remove(waiter)
            if isinstance(exc, TimeoutError):  # (_expire took it out of the line)
                raise QueryTimeout(self.timeout, started=False) from None
            raise
        finally:
            timer.cancel()

    def _expire(self, waiter: _Waiter) -> None:
        """A waiting query's deadline passed before a worker was free for it."""
        if not waiter.turn.done():
            self._waiters.remove(waiter)
            waiter.turn.set_exception(TimeoutError())

    def _preempt_for_waiters(self) -> None:
        """While a client that is not heavy waits, stop the longest-running queries past the fair share until at
        most ``size - 1`` remain; if none is past it yet, look again when the next one will be.

        Called for every query that waits or starts while others wait, so the usual case is cheap: when too few
        queries are past the fair share for any to be stopped, the waiting clients are not counted (one that is
        not heavy is enough), and a look already planned no later than the next one needed is kept."""
        share = self.fair_share
        if not share or self._closed or not self._waiters:
            self._cancel_look()
            return
        now = self._running_loop().time()
        long = [(worker, run) for worker, run in self._running.items()
                if now - run.started >= share and not run.answer.done()]  # fmt: skip
        room = len(long) - (self.size - 1)
        if room > 0:
            waiting = sum(1 for w in self._waiters if not self._heavy(w.client, now))
            excess = min(waiting, room)
            if excess > 0:
                long.sort(key=lambda item: item[1].started)
                for worker, run in long[:excess]:
                    self._preempt(worker, run, now)
                self._cancel_look()
                return
            if not waiting:
                self._cancel_look()
                return
        elif not any(not self._heavy(w.client, now) for w in self._waiters):
            self._cancel_look()
            return
        young = [run.started for run in self._running.values() if now - run.started < share]
        if not young:
            self._cancel_look()
            return
        when = min(young) + share
        if self._timer is not None and self._timer_when <= when:
            return  # an earlier look is planned: it looks again, and plans the next
        self._cancel_look()
        self._timer, self._timer_when = self._running_loop().call_at(when, self._look), when

    def _look(self) -> None:
        """The planned look for queries past the fair share."""
        self._timer = None
        self._preempt_for_waiters()

    def _cancel_look(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _preempt(self, worker: Worker, run: _Run, now: float) -> None:
        del self._running[worker]
        ran = now - run.started
        self.standing.record(run.client, ran, now)
        self.preempted += 1
        log.info("preempted a SPARQL query of %s after %.2f s: others were waiting", run.client, ran)
        if not run.answer.done():
            run.answer.set_exception(QueryPreempted(self.fair_share, ran))
        self._replace(worker)

    def _finished(self, worker: Worker, run: _Run, *, heavy: bool = False) -> None:
        """The query ended (however): the worker no longer runs it, and its length counts for its client."""
        if self._running.get(worker) is run:
            del self._running[worker]
            now = self._running_loop().time()
            self.standing.record(run.client, now - run.started, now, heavy=heavy)

    async def run(self, request: QueryRequest, deadline: float | None = None, client: str = "") -> QueryResult:
        """Answer by ``deadline`` (loop time; default: the timeout from now) or raise QueryTimeout /
        QueryPreempted / ServiceBusy / WorkerFailed / the engine's errors. ``client`` (its address) is whose
        query it is, for the fairness rules. Cancelling it kills the worker's query."""
        loop = self._running_loop()
        deadline = loop.time() + self.timeout if deadline is None else deadline
        worker = await self._acquire(client, deadline)
        run = _Run(client, loop.time(), worker.ask(request))
        self._running[worker] = run
        if self._waiters:  # someone may wait for this one to pass the fair share
            self._preempt_for_waiters()
        # the deadline as a timer that fails the answer (not asyncio.timeout_at, which cancels the task: twice the
        # cost, on every query)
        timer = loop.call_at(deadline, _expire_answer, run.answer)
        try:
            head, body = await run.answer
        except QueryPreempted:
            raise  # recorded and replaced by _preempt
        except TimeoutError:
            self._finished(worker, run)
            self._replace(worker)
            raise QueryTimeout(self.timeout, started=True) from None
        except ConnectionError as exc:
            self._finished(worker, run)
            with contextlib.suppress(Exception):  # its exit status says why it died: wait for it briefly
                await asyncio.wait_for(asyncio.shield(worker.protocol.exited), timeout=1)
            returncode = worker.transport.get_returncode()
            self._replace(worker)
            oom = out_of_memory(returncode)
            if oom:
                self.standing.record(client, 0, loop.time(), heavy=True)
            raise WorkerFailed(f"{exc} (status {returncode})", out_of_memory=oom) from exc
        except BaseException:  # cancelled mid-query (the client left): the worker's state is unknown
            self._finished(worker, run)
            self._replace(worker)
            raise
        finally:
            timer.cancel()
        try:
            result = decode_answer(head, body)
        except OutOfMemory as exc:  # it survived a MemoryError, but its heap is suspect: replace it
            self._finished(worker, run, heavy=True)
            self._replace(worker)
            raise WorkerFailed(str(exc), out_of_memory=True) from exc
        except BaseException:
            self._finished(worker, run)
            self._release(worker)
            raise
        self._finished(worker, run)
        self._release(worker)
        return result

    @property
    def busy(self) -> int:
        """Workers currently running a query."""
        return len(self._serving) - len(self._idle)

    async def close(self) -> None:
        """Stop every worker without starting new ones, and remove the dataset dump."""
        self._closed = True
        for timer in (self._timer, self._wake):
            if timer is not None:
                timer.cancel()
        for task in list(self._tasks):
            task.cancel()
        workers = list(self._all)
        self._all.clear()
        self._serving.clear()
        self._standby = None
        await asyncio.gather(*(worker.stop() for worker in workers), return_exceptions=True)
        shutil.rmtree(self._dir, ignore_errors=True)
