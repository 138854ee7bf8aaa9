"""Hostile traffic against a real server with small limits: every bomb is bounded, and others keep their answers.

Loopback only, bounded in count and time (the module takes seconds). Other clients are other source
addresses of the loopback network (127.0.0.2, ...), since the per-client limit is keyed by address.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from app.sparql.pool import remove_stale_dumps
from tests.conftest import LiveServer, running
from tests.sparql.conftest import worker_pids

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; RLIMIT_AS semantics")

DEADLINE = 3.0
MEMORY_MB = 300
MAX_BYTES = 256 * 1024
LIMITS = {
    "ANKLEKG_SPARQL_WORKER_MEMORY_MB": str(MEMORY_MB),
    "ANKLEKG_SPARQL_MAX_BYTES": str(MAX_BYTES),
    "ANKLEKG_SPARQL_CLIENT_LIMIT": "1",
    "ANKLEKG_SPARQL_CLIENT_QUEUE": "2",
    "ANKLEKG_SPARQL_FAIR_SHARE": "0.5",
}
SERVE = ("--no-validate", "--sparql-timeout", str(DEADLINE), "--sparql-workers", "2")
MEMORY_BOMB = "CONSTRUCT {?a ?b ?i} WHERE {?a ?b ?c . ?g ?h ?i} ORDER BY ?i"
CPU_BOMB = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
# each of the 20 groups concatenates every object of the graph (megabytes of text): far past the byte cap, and within
# the worker's memory (100 groups passed 300 MB once the data grew in the fifteenth session: a 503, the memory guard)
VALUES = " ".join(str(i) for i in range(20))
BYTE_BOMB = f"SELECT ?a (GROUP_CONCAT(STR(?o)) AS ?c) WHERE {{ VALUES ?a {{ {VALUES} }} ?s ?p ?o }} GROUP BY ?a"
_ASKED = itertools.count()


def ask() -> dict[str, str]:
    """A cheap query no one asked before: GET answers are kept in the answer cache (app/api/routes/sparql.py), and
    these tests need a worker to answer it."""
    return {"query": f"ASK {{ ?s ?p ?o }} # {next(_ASKED)}"}


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise LookupError(field)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def client(server: LiveServer, address: str = "127.0.0.1") -> httpx.Client:
    """An HTTP client whose connections come from ``address`` (a different client to the server)."""
    transport = httpx.HTTPTransport(local_address=address)
    return httpx.Client(base_url=server.url, transport=transport, timeout=DEADLINE + 10)


def address_limit(pid: int) -> int | None:
    """A process's RLIMIT_AS in bytes (None: unlimited, or the process is gone)."""
    try:
        limits = Path(f"/proc/{pid}/limits").read_text().splitlines()
    except OSError:
        return None
    soft = next(line for line in limits if line.startswith("Max address space")).split()[-3]
    return int(soft) if soft.isdigit() else None


#: two workers and the standby that replaces any of them at once
PROCESSES = 3
#: how long the worker set must hold still before a test takes it as its starting point
STABLE = 0.5


def wait_for_workers(server: LiveServer, ready: Callable[[set[int]], bool] = bool, timeout: float = 10) -> set[int]:
    """The server's worker pids (two and the standby) once all have loaded (a worker caps its memory once it has),
    none is a killed worker not yet reaped, ``ready(pids)`` holds, and the set has held for STABLE seconds (a worker an
    earlier test's bomb got killed is replaced a moment after its answer: CI under load saw the old set first)."""
    deadline = time.monotonic() + timeout
    seen: tuple[set[int], float] = (set(), time.monotonic())
    while True:
        pids = worker_pids(server.process.pid)
        settled = (
            len(pids) == PROCESSES
            and all(alive(pid) and address_limit(pid) == MEMORY_MB * 1024 * 1024 for pid in pids)
            and ready(pids)
        )
        if not settled or pids != seen[0]:
            seen = (pids, time.monotonic())
        elif time.monotonic() - seen[1] >= STABLE:
            return pids
        assert time.monotonic() < deadline, f"workers {pids}"
        time.sleep(0.05)


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def dead_pid() -> int:
    """The pid of a process that has exited (a server killed before it could clean up)."""
    process = subprocess.Popen([sys.executable, "-c", ""])
    process.wait()
    return process.pid


@pytest.fixture(scope="module")
def stale_dump() -> Path:
    stale = Path(tempfile.gettempdir()) / f"anklekg-sparql-{dead_pid()}-leftover"
    stale.mkdir()
    (stale / "dataset.nq").write_text("<urn:a> <urn:b> <urn:c> .\n")
    return stale


@pytest.fixture(scope="module")
def hostile(stale_dump: Path) -> Iterator[LiveServer]:
    with running(LiveServer(*SERVE, env=LIMITS)) as server:
        wait_for_workers(server)
        yield server


def test_a_start_removes_dumps_left_by_killed_servers(hostile: LiveServer, stale_dump: Path) -> None:
    assert not stale_dump.exists()
    own = list(Path(tempfile.gettempdir()).glob(f"anklekg-sparql-{hostile.process.pid}-*/dataset.nq"))
    assert len(own) == 1


def test_the_memory_bomb_is_a_503_naming_the_limit_and_its_worker_is_replaced(hostile: LiveServer) -> None:
    before, server_rss = wait_for_workers(hostile), rss_mb(hostile.process.pid)
    with client(hostile) as http:
        started = time.monotonic()
        response = http.get("/sparql", params={"query": MEMORY_BOMB})
        elapsed = time.monotonic() - started
        assert response.status_code == 503, response.text
        problem = response.json()
        assert problem["type"].endswith("/out-of-memory")
        assert f"{MEMORY_MB} MB" in problem["detail"] and "sparql_worker_memory_mb" in problem["detail"]
        assert response.headers["retry-after"]
        assert elapsed < DEADLINE  # the limit stopped it, not the deadline
        assert http.get("/sparql", params=ask()).json()["boolean"] is True
    after = wait_for_workers(hostile, lambda pids: pids != before)
    assert len(before - after) == 1  # the bombed worker, and only it, was replaced
    assert rss_mb(hostile.process.pid) - server_rss < 30


def test_the_byte_bomb_is_truncated_within_the_byte_cap(hostile: LiveServer) -> None:
    with client(hostile) as http:
        response = http.get("/sparql", params={"query": BYTE_BOMB})
        assert response.status_code == 200, response.text[:400]
        assert len(response.content) <= MAX_BYTES
        assert response.headers["x-anklekg-result-truncated"] == "true"
        assert response.headers["x-anklekg-result-truncated-by"] == "bytes"
        assert response.headers["x-anklekg-result-max-bytes"] == str(MAX_BYTES)
        assert response.json()["head"]["link"][0].endswith(f"?max-bytes={MAX_BYTES}")
        triples = http.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"})
        assert len(triples.content) <= MAX_BYTES
        assert triples.text.startswith(f"# AnkleKG: result truncated at the byte cap of {MAX_BYTES} bytes")


def _hang_up_after(server: LiveServer, address: str, query: str, seconds: float) -> None:
    """Send a query from ``address`` and disconnect without reading the answer."""
    with socket.socket() as sock:
        sock.bind((address, 0))
        sock.connect(("127.0.0.1", server.port))
        sock.sendall(f"GET /sparql?query={quote(query)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        time.sleep(seconds)


def test_queries_stop_when_their_clients_hang_up(hostile: LiveServer) -> None:
    before = wait_for_workers(hostile)
    addresses = [f"127.0.0.{n}" for n in range(2, 6) for _ in range(2)]  # 4 clients, 2 bombs each
    with concurrent.futures.ThreadPoolExecutor(len(addresses)) as bombers:
        list(bombers.map(lambda a: _hang_up_after(hostile, a, CPU_BOMB, 0.3), addresses))
    started = time.monotonic()
    with client(hostile, "127.0.0.41") as http:  # not 127.0.0.1, heavy from the bombs above for a deadline
        assert http.get("/sparql", params=ask()).json()["boolean"] is True
    # before the bombs' deadline (a hung-up bomb handed a promoted standby may cost one more worker start first)
    assert time.monotonic() - started < DEADLINE
    after = wait_for_workers(hostile, lambda pids: len(pids - before) >= 2)  # both bombed workers were killed, replaced
    used = {pid: cpu_seconds(pid) for pid in after}
    time.sleep(0.5)
    assert all(cpu_seconds(pid) - used[pid] < 0.1 for pid in after)  # and no bomb runs on the new ones


def test_a_flood_from_one_client_does_not_stop_another(hostile: LiveServer) -> None:
    wait_for_workers(hostile)
    with client(hostile, "127.0.0.7") as flooder, concurrent.futures.ThreadPoolExecutor(12) as pool:
        flood = [pool.submit(flooder.get, "/sparql", params={"query": CPU_BOMB}) for _ in range(12)]
        time.sleep(0.3)
        with client(hostile, "127.0.0.6") as other:  # a client of its own: 127.0.0.1 ran the bombs above
            times = []
            for _ in range(5):
                started = time.monotonic()
                assert other.get("/sparql", params=ask()).json()["boolean"] is True
                times.append(time.monotonic() - started)
            assert max(times) < 0.5, times
        statuses = sorted(f.result().status_code for f in flood)
    assert statuses.count(429) >= 9 and set(statuses) <= {429, 503}, statuses  # 1 ran, 2 waited in its line
    refused = next(f.result() for f in flood if f.result().status_code == 429)
    assert refused.headers["retry-after"] and refused.json()["type"].endswith("/too-many-queries")


def test_a_full_client_is_refused_before_its_request_is_even_parsed(hostile: LiveServer) -> None:
    """The flood's refusals skip routing and parsing: a body the route would answer 415 gets the 429."""
    wait_for_workers(hostile)
    with client(hostile, "127.0.0.31") as flooder, concurrent.futures.ThreadPoolExecutor(3) as pool:
        held = [pool.submit(flooder.get, "/sparql", params={"query": CPU_BOMB}) for _ in range(3)]  # 1 runs, 2 wait
        time.sleep(0.3)
        refused = flooder.post("/sparql", content=b"not a form", headers={"content-type": "text/plain"})
        assert refused.status_code == 429, refused.text  # not 415: nothing was parsed
        assert refused.headers["content-type"] == "application/problem+json"
        assert refused.json()["type"].endswith("/too-many-queries") and refused.headers["retry-after"] == "1"
        assert refused.headers["x-content-type-options"] == "nosniff" and refused.headers["x-anklekg-version"]
        assert flooder.get("/sparql", headers={"accept": "text/turtle"}).status_code == 200  # the description is
        assert flooder.get("/sparql", params=ask()).status_code == 429  # never refused; a query is
        statuses = [f.result().status_code for f in held]
    assert statuses.count(503) >= 1 and set(statuses) <= {429, 503}, statuses


def _bomb_until(server: LiveServer, address: str, stop: threading.Event) -> list[httpx.Response]:
    """Send CPU bombs from ``address`` one after another (as soon as one is answered) until ``stop`` is set."""
    answers = []
    with client(server, address) as http:
        while not stop.is_set():
            answers.append(http.get("/sparql", params={"query": CPU_BOMB}))
            answers[-1].extensions["answered_at"] = time.monotonic()
    return answers


def test_bombs_holding_every_worker_yield_to_a_simple_query_and_leave_a_worker_to_others(hostile: LiveServer) -> None:
    """Two bomb clients (fresh addresses) hold both workers and resend at once; a third client's queries are
    answered while a bomb still runs: the older bomb is stopped at the fair share for the first of them, and the
    bomb clients, now heavy, never take the last idle worker, so no further bomb has to be stopped."""
    wait_for_workers(hostile)
    stop = threading.Event()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        bombers = [pool.submit(_bomb_until, hostile, a, stop) for a in ("127.0.0.21", "127.0.0.22")]
        time.sleep(0.3)  # both workers run a bomb
        with client(hostile, "127.0.0.23") as simple:
            answers = []
            for _ in range(5):
                answers.append(simple.get("/sparql", params=ask()))
                time.sleep(0.2)
            done = time.monotonic()
        stop.set()
        bombs = [r for f in bombers for r in f.result()]
    assert [a.status_code for a in answers] == [200] * 5, [a.text for a in answers]
    kinds = [r.json()["type"].rsplit("/", 1)[1] for r in bombs]
    assert kinds.count("query-preempted") == 1, kinds  # for the first simple query only: the reserve did the rest
    assert all(r.status_code == 503 for r in bombs)
    deadline_hit = min(r.extensions["answered_at"] for r, k in zip(bombs, kinds, strict=True) if k == "query-timeout")
    assert done < deadline_hit  # every simple answer came while a bomb still held a worker
    preempted = next(r for r, k in zip(bombs, kinds, strict=True) if k == "query-preempted")
    assert int(preempted.headers["retry-after"]) >= DEADLINE
    assert "fair share of 0.5 s" in preempted.json()["detail"]


@pytest.mark.parametrize("nesting", ["{ SELECT * WHERE ", "{ ", "FILTER((((", "(("])
def test_deep_nesting_is_a_400_not_a_crash(hostile: LiveServer, nesting: str) -> None:
    before = wait_for_workers(hostile)
    query = "SELECT * WHERE " + nesting * 2000 + "?s ?p ?o" + " }" * 10
    with client(hostile) as http:
        response = http.post("/sparql", content=query, headers={"content-type": "application/sparql-query"})
        assert response.status_code == 400, response.text
        assert response.json()["type"].endswith("/query-too-deep")
        assert http.get("/sparql", params=ask()).status_code == 200
    assert worker_pids(hostile.process.pid) == before


def test_a_worker_killed_under_load_costs_few_requests(hostile: LiveServer) -> None:
    before = sorted(wait_for_workers(hostile))

    def load(address: str) -> list[int]:
        statuses = []
        with client(hostile, address) as http:
            stop = time.monotonic() + 1.5
            while time.monotonic() < stop:
                statuses.append(http.get("/sparql", params=ask()).status_code)
        return statuses

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(load, a) for a in ("127.0.0.8", "127.0.0.9")]
        time.sleep(0.5)
        os.kill(before[0], signal.SIGKILL)
        statuses = [s for f in futures for s in f.result()]
    failed = [s for s in statuses if s != 200]
    assert set(failed) <= {503} and len(failed) <= 2, (len(statuses), failed)
    assert len(statuses) > 20
    wait_for_workers(hostile, lambda pids: before[0] not in pids)
    with client(hostile) as http:
        assert [http.get("/sparql", params=ask()).status_code for _ in range(4)] == [200] * 4


def test_shutdown_stops_the_pool_without_new_workers_and_removes_its_dump() -> None:
    """SIGTERM to the whole group (as systemd or Ctrl-C do): the workers wait for the server to stop them."""
    server = LiveServer(*SERVE, env=LIMITS)
    with running(server):
        workers = wait_for_workers(server)
        dump = next(Path(tempfile.gettempdir()).glob(f"anklekg-sparql-{server.process.pid}-*"))
        for pid in (server.process.pid, *workers):
            os.kill(pid, signal.SIGTERM)
        seen = set()
        while server.process.poll() is None:
            seen |= worker_pids(server.process.pid)
            time.sleep(0.02)
        assert server.process.returncode in (0, -signal.SIGTERM)  # uvicorn re-raises the signal it handled
        assert seen <= workers  # none started during shutdown
        assert not dump.exists()


def test_workers_die_with_a_killed_server() -> None:
    server = LiveServer(*SERVE, env=LIMITS)
    with running(server):
        workers = wait_for_workers(server)
        server.process.kill()
        server.process.wait()
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in workers if alive(pid)]
        dump = Path(tempfile.gettempdir()).glob(f"anklekg-sparql-{server.process.pid}-*")
        assert set(remove_stale_dumps()) >= set(dump)  # what the next start does
