"""Service performance of AnkleKG, each figure beside a baseline measured in the same run.

House rule: performance is measured, not asserted. Every AnkleKG figure is printed next to the same
measurement of a baseline, with the ratio, so a reader sees what the graph costs on top of the stack:

a. cold start: seconds from launching ``python -m app serve`` as a subprocess until the first 200 from
   GET /v1/impact?injured=ATFL (imports, the snapshot ``anklekg build`` stored, uvicorn start; the SPARQL workers
   start after the port opens, and the load runs below wait for /health to say ready),
   against a bare FastAPI app in uvicorn serving the same bytes from async routes
   (written to a temp folder at run time); also the first start on new data (an empty cache folder:
   QC + SHACL run and the report is stored) and the start without validation (``--no-validate``);
b. throughput: requests per second of GET /v1/entities/ATFL over loopback keep-alive connections from N
   concurrent clients (a small asyncio HTTP/1.1 client; bounded by time and by count), against the
   bare app's async route returning the same bytes, served the same way;
c. latency: in-process p50/p99 of ``kg.impact([...])`` for one, two and five injuries (and
   ``kg.entity("ATFL")``) against a no-op function timed the same way (the timer's own cost); and HTTP
   p50/p99 of GET /v1/impact?injured=ATFL under the same concurrent load against the bare app;
d. memory: resident set size (VmRSS from /proc/<pid>/status; VmHWM is the peak) of each server after
   its first answer and after the load runs;
e. ASGI in process (no sockets, no uvicorn: the application called directly, CPU time per request, interleaved
   rounds, median and range): a cached GET answered by the edge, and the edge middleware alone around a constant
   answer, against a bare FastAPI async route returning the same bytes (the floor). ``--asgi-only`` runs just this;
g. single-injury impact questions each asked once (answer-cache misses): read from the snapshot ``anklekg build``
   stored (app/api/stored.py) against computed (a snapshot built with ``--no-impact-answers``, as before the
   answers were stored) and against the same-bytes floor, in process (section e's way) and over HTTP right after a
   fresh start (no warm-up: every question of the graph once, 16 clients); and the build's time and the snapshot's
   size with and without the answers. ``--asgi-only`` runs the in-process part too (it builds both snapshots).

Everything runs on 127.0.0.1 on free ports; every loop is bounded; every server is stopped (SIGINT, then
SIGKILL after a grace period) even on error. Both servers run with the same uvicorn defaults and the
same log level (``info``, as the container runs it; access logs go to a temp file).

Usage: ``python scripts/bench.py [--quick] [--json] [--clients N] [--seconds S] [--no-validate] [--asgi-only]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

from loadgen import load, percentiles  # scripts/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
IMPACT_PATH = "/v1/impact?injured=ATFL"
ENTITY_PATH = "/v1/entities/ATFL"
IMPACT5_PATH = "/v1/impact?injured=ATFL&injured=CFL&injured=PTFL&injured=AITFL&injured=deltoid%20ligament"
FIVE_INJURIES = ["ATFL", "CFL", "PTFL", "AITFL", "deltoid ligament"]

BASELINE_APP = textwrap.dedent(
    '''
    """Bare FastAPI baseline for scripts/bench.py: async routes returning the very bytes AnkleKG answered
    (captured from it at the start of the run, in bodies.json beside this file), no graph, no middleware."""
    import json
    from pathlib import Path

    from fastapi import FastAPI, Request, Response

    app = FastAPI()
    BODIES = {k: v.encode("utf-8") for k, v in json.loads((Path(__file__).parent / "bodies.json").read_text()).items()}


    @app.get("/v1/impact")
    async def impact(request: Request) -> Response:
        return Response(BODIES["/v1/impact?" + request.url.query], media_type="application/json")


    @app.get("/v1/entities/{ref}")
    async def entity(ref: str) -> Response:
        return Response(BODIES["/v1/entities/" + ref], media_type="application/json")
    '''
)


# ---------------------------------------------------------------------------------------------------
# Servers in subprocesses
# ---------------------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    port: int
    log_path: Path
    cold_start_s: float = 0.0

    def url(self, path: str) -> str:
        return f"http://{HOST}:{self.port}{path}"

    def cpu_seconds(self) -> float:
        """User + system CPU time of the server process so far, from /proc (robust to a busy machine,
        unlike requests/s)."""
        with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def memory_kib(self) -> dict[str, int]:
        """VmRSS and VmHWM (peak RSS) of the server process, in KiB, from /proc."""
        values: dict[str, int] = {}
        with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
            for line in status:
                key, _, rest = line.partition(":")
                if key in ("VmRSS", "VmHWM"):
                    values[key] = int(rest.split()[0])
        return values

    def log_tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"


def _get_body(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def _get_status(url: str, timeout: float) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            response.read()
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def stop(server: Server, grace_s: float = 10.0) -> None:
    """SIGINT (uvicorn's graceful shutdown), then SIGKILL if it has not exited within ``grace_s``."""
    process = server.process
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=grace_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=grace_s)


@contextlib.contextmanager
def serving(
    name: str, argv: Sequence[str], port: int, probe: str, log_dir: Path, timeout_s: float, cache_dir: Path
) -> Iterator[Server]:
    """Start ``argv``; time launch -> first 200 on ``probe``; yield the running server; always stop it.

    ``cache_dir`` is where the server looks for a stored validation report (empty: it validates in full)."""
    log_path = log_dir / f"{name.replace(' ', '_')}-{port}.log"
    with open(log_path, "wb") as log:
        env = dict(os.environ, PYTHONUNBUFFERED="1", ANKLEKG_CACHE_DIR=str(cache_dir))
        started = time.perf_counter()
        process = subprocess.Popen(argv, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        server = Server(name, process, port, log_path)
        try:
            deadline = started + timeout_s
            while True:
                status = _get_status(server.url(probe), timeout=5.0)
                if status == 200:
                    server.cold_start_s = time.perf_counter() - started
                    break
                if process.poll() is not None:
                    raise RuntimeError(
                        f"{name} exited with code {process.returncode} before answering:\n{server.log_tail()}"
                    )
                if status is not None:
                    raise RuntimeError(f"{name} answered {probe} with HTTP {status}:\n{server.log_tail()}")
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"{name} did not answer within {timeout_s} s:\n{server.log_tail()}")
                time.sleep(0.01)
            yield server
        finally:
            stop(server)


def wait_ready(server: Server, timeout_s: float = 60.0) -> None:
    """Until /health says ready: AnkleKG answers 503 while its SPARQL workers start and it reads the graph's
    projection and profiles after the port opens; the bare app has no /health (404) and is ready at once."""
    deadline = time.perf_counter() + timeout_s
    while _get_status(server.url("/health"), timeout=5.0) == 503 and time.perf_counter() < deadline:
        time.sleep(0.05)


def anklekg_argv(port: int, validate: bool, log_level: str) -> list[str]:
    argv = [sys.executable, "-m", "app", "serve", "--host", HOST, "--port", str(port), "--log-level", log_level]
    return argv if validate else [*argv, "--no-validate"]


def baseline_argv(app_dir: Path, port: int, log_level: str) -> list[str]:
    return [
        sys.executable, "-m", "uvicorn", "bench_baseline_app:app", "--app-dir", str(app_dir),
        "--host", HOST, "--port", str(port), "--log-level", log_level,
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------------
# In-process latency
# ---------------------------------------------------------------------------------------------------
def time_calls(fn: Callable[[], object], calls: int, warmup: int) -> tuple[float, float]:
    for _ in range(warmup):
        fn()
    samples: list[float] = []
    clock = time.perf_counter
    for _ in range(calls):
        started = clock()
        fn()
        samples.append(clock() - started)
    return percentiles(samples)


def _noop(_: object = None) -> None:
    return None


# ---------------------------------------------------------------------------------------------------
# ASGI in process
# ---------------------------------------------------------------------------------------------------


def _asgi_get(
    app: Any, path: str, sink: list[bytes] | None = None, extra: Sequence[tuple[bytes, bytes]] = ()
) -> Callable[[], Any]:
    """A coroutine function that sends one GET of ``path`` (as loadgen.py sends it, with ``extra`` headers) straight
    to ``app``; the body's parts go to ``sink`` when one is given."""
    target, _, query = path.partition("?")
    headers = [(b"host", f"{HOST}:8000".encode()), (b"user-agent", b"bench"), (b"accept", b"*/*"), *extra]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start" and message["status"] != 200:
            raise RuntimeError(f"{path} answered {message['status']} in process")
        if sink is not None and message["type"] == "http.response.body":
            sink.append(message.get("body", b""))

    async def one() -> None:
        scope = {
            "type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
            "method": "GET", "scheme": "http", "path": target, "raw_path": target.encode(),
            "query_string": query.encode(), "root_path": "", "headers": headers, "client": (HOST, 50000),
            "server": (HOST, 8000), "state": {},
        }  # fmt: skip
        await app(scope, receive, send)

    return one


def asgi_costs(kg: Any, calls: int, rounds: int = 5) -> list[Row]:
    """CPU per request of ASGI apps called in process, ``rounds`` interleaved rounds of ``calls`` requests each."""
    import asyncio

    from fastapi import FastAPI, Response

    from app.api.answer_cache import AnswerCache
    from app.api.edge import Edge
    from app.api.guard import RequestGuard
    from app.api.main import create_app

    app = create_app(kg)
    app.state.kg = kg  # what the lifespan sets; the SPARQL workers are not needed for these answers
    app.state.answer_cache = AnswerCache(kg.settings.answer_cache_bytes)
    computing = create_app(kg)  # no answer kept: every request computes, encodes and hashes its answer (a miss)
    computing.state.kg = kg
    computing.state.answer_cache = AnswerCache(0)
    entity_body = kg.entity("ATFL").model_dump_json().encode()
    impact_body = b""
    floor = FastAPI()

    @floor.get("/v1/entities/{ref}")
    async def entity(ref: str) -> Response:
        return Response(entity_body, media_type="application/json")

    @floor.get("/v1/impact")
    async def impact() -> Response:
        return Response(impact_body, media_type="application/json")

    constant = b'{"answer": "' + b"x" * 1000 + b'"}'
    with_tag = [(b"content-type", b"application/json"), (b"content-length", str(len(constant)).encode()),
                (b"etag", b'"0.1.0-0123456789abcdef0123"'), (b"cache-control", b"public, max-age=300")]  # fmt: skip

    async def bare(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": list(with_tag)})
        await send({"type": "http.response.body", "body": constant})

    edge = Edge(bare, guard=RequestGuard(hosts=None, max_body=65536, max_sparql_body=65536, max_in_flight=256),
                allow_origins=["*"], allow_methods=["GET"], expose_headers=["ETag"])  # fmt: skip
    first_impact: list[bytes] = []
    cases: dict[str, Callable[[], Any]] = {
        "first impact": _asgi_get(app, IMPACT_PATH, first_impact),
        "floor entity": _asgi_get(floor, ENTITY_PATH), "floor impact": _asgi_get(floor, IMPACT_PATH),
        "entity": _asgi_get(app, ENTITY_PATH), "impact": _asgi_get(app, IMPACT_PATH),
        "bare": _asgi_get(bare, "/v1/constant"), "edge": _asgi_get(edge, "/v1/constant"),
        "computed impact": _asgi_get(computing, IMPACT_PATH),
    }  # fmt: skip
    slow = {"computed impact"}  # milliseconds each: a quarter of the calls
    samples: dict[str, list[float]] = {name: [] for name in cases}

    async def measure() -> None:
        nonlocal impact_body
        await cases.pop("first impact")()  # the first GET goes to the route, computes and is remembered
        impact_body = b"".join(first_impact)
        del samples["first impact"]
        for _ in range(rounds):
            for name, one in cases.items():
                n = max(1, calls // 4) if name in slow else calls
                for _ in range(min(200, n)):
                    await one()
                started = time.process_time()
                for _ in range(n):
                    await one()
                samples[name].append((time.process_time() - started) / n * 1000)

    asyncio.run(measure())
    med = {name: median(values) for name, values in samples.items()}
    spread = {name: f"{min(v):.4f}-{max(v):.4f} ms" for name, v in samples.items()}
    note = f"{rounds} rounds x {calls} calls, median (range AnkleKG {{}}; floor {{}})"
    floor_name = "bare FastAPI async route, same bytes"
    rows = [
        Row("e. ASGI", f"GET {ENTITY_PATH} cached, CPU per request", "ms", med["entity"], med["floor entity"],
            floor_name, note.format(spread["entity"], spread["floor entity"])),
        Row("e. ASGI", f"GET {IMPACT_PATH} cached, CPU per request", "ms", med["impact"], med["floor impact"],
            floor_name, note.format(spread["impact"], spread["floor impact"])),
        Row("e. ASGI", f"GET {IMPACT_PATH} computed (a miss: answer cache off), CPU per request", "ms",
            med["computed impact"], med["floor impact"], floor_name,
            note.format(spread["computed impact"], spread["floor impact"]) + "; client without gzip"),
        Row("e. ASGI", "the edge middleware alone (1 KB answer with ETag)", "ms", med["edge"] - med["bare"],
            med["floor entity"], floor_name + " (ratio: its share of the floor)",
            f"edge around a bare ASGI app minus the bare app ({spread['edge']} / {spread['bare']})"),
    ]  # fmt: skip
    return rows


def serialisation_costs(kg: Any, calls: int, rounds: int = 5) -> list[Row]:
    """Where a computed impact answer's CPU goes, in process: the reasoning, the JSON encoding (our generated
    encoder against pydantic's ``model_dump_json``, the same bytes), the ETag's hash and gzip (once per kept
    answer, for the first client that asks). Interleaved rounds; CPU time per call, median and range."""
    import gzip
    import hashlib

    from app.api.encoder import dump_json

    report = kg.impact(["ATFL"])
    body = dump_json(report)
    if body != report.model_dump_json().encode():
        raise RuntimeError("the encoder's bytes differ from pydantic's")
    n = max(20, calls // 10)
    fresh: list[Any] = []  # answers computed for the round, each encoded once: as a miss meets them

    def each_fresh(encode: Callable[[Any], bytes]) -> Callable[[], object]:
        return lambda: encode(fresh.pop())

    cases: dict[str, Callable[[], object]] = {
        "compute": lambda: kg.impact(["ATFL"]),
        "encode": lambda: dump_json(report),
        "pydantic": lambda: report.model_dump_json().encode(),
        "fresh encode": each_fresh(dump_json),
        "fresh pydantic": each_fresh(lambda r: r.model_dump_json().encode()),
        "sha256": lambda: hashlib.sha256(body).hexdigest(),
        "gzip": lambda: gzip.compress(body, 6, mtime=0),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    # the median structure, not only the ATFL: every injurable structure's single-injury impact (grade III), each
    # once per round, CPU per call; the round's figure is the median over the structures
    from app.knowledge.schema import INJURABLE_TYPES

    injurable = sorted(t.id for t in kg.kb.terms.values() if any(kg.kb.is_a(t.id, c) for c in INJURABLE_TYPES))
    every: list[float] = []
    for curie in injurable:
        kg.impact([(curie, 3)])
    for _ in range(rounds):
        for name, fn in cases.items():
            fresh[:] = [kg.impact(["ATFL"]) for _ in range(n + min(20, n))] if name.startswith("fresh") else []
            for _ in range(min(20, n)):
                fn()
            started = time.process_time()
            for _ in range(n):
                fn()
            samples[name].append((time.process_time() - started) / n * 1000)
        per_structure = []
        for curie in injurable:
            started = time.process_time()
            kg.impact([(curie, 3)])
            per_structure.append((time.process_time() - started) * 1000)
        every.append(median(per_structure))
    med = {name: median(values) for name, values in samples.items()}
    rng = {name: f"{min(v):.3f}-{max(v):.3f}" for name, v in samples.items()}
    size = f"{len(body) / 1024:.0f} KB"
    note = f"{rounds} interleaved rounds x {n} calls, median (range {{}} / {{}} ms)"
    return [
        Row("f. serialisation", f"encode a computed impact ({size}), CPU", "ms", med["encode"], med["pydantic"],
            "pydantic model_dump_json, same bytes", note.format(rng["encode"], rng["pydantic"])),
        Row("f. serialisation", "  the same, each answer freshly computed and encoded once", "ms",
            med["fresh encode"], med["fresh pydantic"], "pydantic model_dump_json, same bytes",
            note.format(rng["fresh encode"], rng["fresh pydantic"])),
        Row("f. serialisation", "computing it (kg.impact(['ATFL']): app/reasoning)", "ms", med["compute"],
            med["compute"] + med["fresh pydantic"], "compute + model_dump_json",
            note.format(rng["compute"], rng["fresh pydantic"])),
        Row("f. serialisation", f"  a single-injury impact, median over the {len(injurable)} injurable structures",
            "ms", median(every), med["compute"], "the ATFL's (above)",
            f"{rounds} rounds, each structure once per round, grade III; median of the rounds' medians "
            f"(range {min(every):.3f}-{max(every):.3f} ms)"),
        Row("f. serialisation", "  sha256 for the ETag / gzip level 6 (first gzip client only)", "ms", med["sha256"],
            med["gzip"], "gzip level 6", note.format(rng["sha256"], rng["gzip"])),
    ]  # fmt: skip


# ---------------------------------------------------------------------------------------------------
# g. Single-injury answers stored by `anklekg build`
# ---------------------------------------------------------------------------------------------------
BASELINE_SINGLE_APP = textwrap.dedent(
    '''
    """Bare FastAPI baseline for the single-injury questions of scripts/bench.py: an async route returning the very
    bytes AnkleKG answers each question with (bodies.pickle beside this file), no graph, no middleware."""
    import pickle
    from pathlib import Path

    from fastapi import FastAPI, Request, Response

    app = FastAPI()
    BODIES = pickle.loads((Path(__file__).parent / "single_bodies.pickle").read_bytes())


    @app.get("/v1/impact")
    async def impact(request: Request) -> Response:
        return Response(BODIES.get(request.url.query, b"{}"), media_type="application/json")
    '''
)


def build_snapshots(tmpdir: Path) -> dict[str, dict[str, Any]]:
    """``anklekg build`` into two cache folders, with the stored answers and with ``--no-impact-answers``: wall
    time, CPU (user + system of the build) and the snapshot folder's bytes of each."""
    import resource

    built: dict[str, dict[str, Any]] = {}
    for name, extra in (("plain", ["--no-impact-answers"]), ("answers", [])):
        cache = tmpdir / f"cache-{name}"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "app", "build", "--cache-dir", str(cache), *extra], cwd=ROOT,
                              capture_output=True, text=True, check=False)  # fmt: skip
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            raise RuntimeError(f"anklekg build {' '.join(extra)} failed:\n{done.stdout}{done.stderr}")
        (snapshot,) = cache.glob("snapshot-*")
        size = sum(f.stat().st_size for f in snapshot.rglob("*") if f.is_file())
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        built[name] = {"cache": cache, "snapshot": snapshot, "wall_s": wall, "cpu_s": cpu, "bytes": size}
    return built


def single_questions(kg: Any, every: int = 1) -> list[tuple[str, str]]:
    """(URL, stored key) of every ``every``-th single-injury question, explain=full, as a client would link them."""
    from app.api.stored import single_injury_questions, stored_key

    return [
        (f"/v1/impact?injured={curie}" + (f"&grade={grade}" if grade else "") + (f"&position={at}" if at else ""),
         stored_key((curie, grade), at, "full"))
        for curie, grade, at in single_injury_questions(kg.kb)[::every]
    ]  # fmt: skip


def stored_costs(built: dict[str, dict[str, Any]], calls: int, validate: bool, rounds: int = 3) -> list[Row]:
    """Section g in process: CPU per request of single-injury questions each asked once of a fresh answer cache (a
    miss), read from the snapshot (identity and gzip clients) or computed, against a bare FastAPI route returning
    the same bytes; and the build's time and size with and without the stored answers."""
    import asyncio
    import gzip

    from fastapi import FastAPI, Request, Response

    from app.api.answer_cache import AnswerCache
    from app.api.main import create_app
    from app.kg import AnkleKG
    from app.settings import Settings

    def app_over(cache: Path) -> Any:
        kg = AnkleKG.load(Settings(cache_dir=cache, validate_on_start=validate))
        if not kg.source.startswith("snapshot"):
            raise RuntimeError(f"not loaded from the snapshot in {cache}: {kg.source}")
        app = create_app(kg)
        app.state.kg = kg
        return app

    stored, computed = app_over(built["answers"]["cache"]), app_over(built["plain"]["cache"])
    kept = stored.state.kg.impact_answers
    if kept is None or computed.state.kg.impact_answers is not None:
        raise RuntimeError("the two snapshots do not differ by their stored answers")
    every = max(1, len(single_questions(stored.state.kg)) // max(50, calls // 4))
    asked = single_questions(stored.state.kg, every)
    zipped = {url.partition("?")[2]: kept.get(key)[1] for url, key in asked}
    plain = {query: gzip.decompress(body) for query, body in zipped.items()}
    floor = FastAPI()

    async def impact(request: Request) -> Response:
        if "gzip" in request.headers.get("accept-encoding", ""):
            return Response(zipped[request.url.query], media_type="application/json",
                            headers={"content-encoding": "gzip"})  # fmt: skip
        return Response(plain[request.url.query], media_type="application/json")

    impact.__annotations__ = {"request": Request, "return": Response}  # the classes: they are local names here
    floor.get("/v1/impact")(impact)

    gzip_headers = [(b"accept-encoding", b"gzip, deflate")]
    cases: dict[str, tuple[Any, list[Callable[[], Any]]]] = {
        "stored": (stored, [_asgi_get(stored, url) for url, _ in asked]),
        "stored gzip": (stored, [_asgi_get(stored, url, extra=gzip_headers) for url, _ in asked]),
        "computed": (computed, [_asgi_get(computed, url) for url, _ in asked]),
        "floor": (floor, [_asgi_get(floor, url) for url, _ in asked]),
        "floor gzip": (floor, [_asgi_get(floor, url, extra=gzip_headers) for url, _ in asked]),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}

    async def measure() -> None:
        for _ in range(rounds):
            for name, (app, requests) in cases.items():
                if name == "floor":
                    for one in requests[:50]:
                        await one()
                app.state.answer_cache = AnswerCache(64 * 1024 * 1024)  # every question a miss again
                started = time.process_time()
                for one in requests:
                    await one()
                samples[name].append((time.process_time() - started) / len(requests) * 1000)
            counted = stored.state.answer_cache.stats()
            if counted["stored"] != len(asked):
                raise RuntimeError(f"not every question was read from the snapshot: {counted}")

    asyncio.run(measure())
    med = {name: median(values) for name, values in samples.items()}
    rng = {name: f"{min(v):.3f}-{max(v):.3f}" for name, v in samples.items()}
    note = f"{len(asked)} single-injury questions (every {every}th), each once per round; {rounds} rounds, median"
    floor_name = "bare FastAPI async route, same bytes"
    mib = 1024 * 1024
    a, b = built["answers"], built["plain"]
    return [
        Row("g. stored", "single-injury impact, first asking: from the snapshot, CPU", "ms", med["stored"],
            med["floor"], floor_name, f"{note} (range {rng['stored']} / {rng['floor']} ms); client without gzip"),
        Row("g. stored", "  the same, a client that takes gzip", "ms", med["stored gzip"], med["floor gzip"],
            floor_name + " (gzipped)", f"{note} (range {rng['stored gzip']} / {rng['floor gzip']} ms)"),
        Row("g. stored", "  the same questions computed (no stored answers), CPU", "ms", med["computed"],
            med["floor"], floor_name, f"{note} (range {rng['computed']} ms); a miss as before this pass"),
        Row("g. stored", "anklekg build, wall", "s", a["wall_s"], b["wall_s"], "anklekg build --no-impact-answers",
            f"CPU {a['cpu_s']:.1f} s vs {b['cpu_s']:.1f} s (user + system)"),
        Row("g. stored", "snapshot folder", "MiB", a["bytes"] / mib, b["bytes"] / mib,
            "anklekg build --no-impact-answers", f"{len(kept):,} answers stored"),
    ]  # fmt: skip


def stored_http(built: dict[str, dict[str, Any]], tmpdir: Path, clients: int, validate: bool, log_level: str,
                timeout_s: float, starts: int, quick: bool) -> list[Row]:  # fmt: skip
    """Section g over HTTP: right after a fresh start (no warm-up, no wait for /health), every single-injury question
    (explain=full) asked once by ``clients`` clients, server CPU per request and latency, from a snapshot with the
    stored answers, from one without (computed), and from the bare FastAPI app serving the same bytes. ``starts``
    interleaved rounds; medians."""
    import gzip
    import pickle

    from app.kg import AnkleKG
    from app.settings import Settings
    from app.snapshot import ANSWERS, META, StoredAnswers

    answers = built["answers"]["snapshot"]
    kept = StoredAnswers(answers / ANSWERS, json.loads((answers / META).read_text(encoding="utf-8"))["fingerprint"])

    kg = AnkleKG.load(Settings(cache_dir=built["plain"]["cache"], validate_on_start=False))
    asked = single_questions(kg, 4 if quick else 1)
    bodies = {url.partition("?")[2]: gzip.decompress(kept.get(key)[1]) for url, key in asked}  # type: ignore[index]
    (tmpdir / "single_bodies.pickle").write_bytes(pickle.dumps(bodies, protocol=pickle.HIGHEST_PROTOCOL))
    (tmpdir / "bench_baseline_single.py").write_text(BASELINE_SINGLE_APP, encoding="utf-8")
    urls = [url for url, _ in asked]
    probe = "/v1/impact?injured=ATFL&explain=none"  # not among the questions (computed: not stored)
    servers: dict[str, tuple[Callable[[int], list[str]], Path]] = {
        "bare FastAPI": (lambda port: [
            sys.executable, "-m", "uvicorn", "bench_baseline_single:app", "--app-dir", str(tmpdir), "--host", HOST,
            "--port", str(port), "--log-level", log_level], built["plain"]["cache"]),
        "computed": (lambda port: anklekg_argv(port, validate, log_level), built["plain"]["cache"]),
        "stored": (lambda port: anklekg_argv(port, validate, log_level), built["answers"]["cache"]),
    }  # fmt: skip
    rows = []
    for mode in ("fresh", "ready"):  # right after the port opens; and once /health says ready (warm-up done)
        measured: dict[str, list[tuple[float, ...]]] = {name: [] for name in servers}
        for _ in range(starts):
            for name, (make_argv, cache) in servers.items():
                port = free_port()
                with serving(f"single {name}", make_argv(port), port, probe, tmpdir, timeout_s, cache) as server:
                    if mode == "ready":
                        wait_ready(server)
                    rss_before = server.memory_kib()["VmRSS"] / 1024
                    cpu_before = server.cpu_seconds()
                    result = load(server.port, lambda n: urls[(n - 1) % len(urls)], clients, 600.0, len(urls), 0)
                    cpu = (server.cpu_seconds() - cpu_before) / result.requests * 1000
                    rss_after = server.memory_kib()["VmRSS"] / 1024
                    if result.errors or result.requests != len(urls):
                        raise RuntimeError(f"{name}: {result.errors} errors, {result.requests} of {len(urls)} answered")
                    measured[name].append((cpu, result.p50_ms, result.p99_ms, result.rps, rss_before, rss_after))
        med = {name: [median([m[i] for m in runs]) for i in range(6)] for name, runs in measured.items()}
        spread = {name: [f"{min(m[i] for m in runs):.2f}-{max(m[i] for m in runs):.2f}" for i in range(6)]
                  for name, runs in measured.items()}  # fmt: skip
        when = "right after a fresh start (its warm-up runs meanwhile)" if mode == "fresh" else "once ready"
        note = f"{len(urls)} distinct questions once each, {clients} clients, {when}, {starts} starts, median"
        for i, (metric, unit) in enumerate((("server CPU per request", "ms"), ("p50", "ms"), ("p99", "ms"),
                                            ("req/s", "req/s"), ("RSS before", "MiB"), ("RSS after", "MiB"))):
            for name, label in (("stored", "from the snapshot"), ("computed", "computed (no stored answers)")):
                rows.append(Row("g. stored HTTP", f"{mode}: single-injury first askings, {label}: {metric}", unit,
                                med[name][i], med["bare FastAPI"][i], "bare FastAPI async route, same bytes",
                                f"{note} (range {spread[name][i]} / {spread['bare FastAPI'][i]})"))  # fmt: skip
    return rows


# ---------------------------------------------------------------------------------------------------
# The run
# ---------------------------------------------------------------------------------------------------
@dataclass
class Row:
    """One figure of AnkleKG beside its baseline; ratio = anklekg / baseline."""

    section: str
    metric: str
    unit: str
    anklekg: float
    baseline: float
    baseline_name: str
    note: str = ""

    @property
    def ratio(self) -> float:
        return self.anklekg / self.baseline if self.baseline else float("nan")


@dataclass
class Results:
    config: dict[str, Any]
    rows: list[Row] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def run(args: argparse.Namespace) -> Results:
    quick = args.quick
    starts = args.starts or (1 if quick else 3)
    clients = args.clients or (8 if quick else 16)
    seconds = args.seconds or (1.5 if quick else 5.0)
    warmup_s = 0.3 if quick else 1.0
    max_requests = args.max_requests or (20_000 if quick else 200_000)
    calls = args.calls or (300 if quick else 2000)
    validate = not args.no_validate
    if args.asgi_only:
        return _asgi_only(args, calls)
    res = Results(
        config={
            "quick": quick, "cold_starts": starts, "clients": clients, "seconds_per_load_run": seconds,
            "max_requests_per_load_run": max_requests, "in_process_calls": calls, "validate_on_start": validate,
            "log_level": args.log_level, "cpus": os.cpu_count(), "python": sys.version.split()[0],
        }
    )  # fmt: skip

    with tempfile.TemporaryDirectory(prefix="anklekg-bench-") as tmp:
        tmpdir = Path(tmp)
        cache = tmpdir / "cache"
        (tmpdir / "bench_baseline_app.py").write_text(BASELINE_APP, encoding="utf-8")
        # First starts on new data (each with an empty cache folder: full validation, report stored); the
        # first of them also records the answers' bytes, which the baseline then serves.
        first_times: list[float] = []
        for i in range(starts if validate else 1):
            port = free_port()
            argv = anklekg_argv(port, validate, args.log_level)
            with serving("AnkleKG first start", argv, port, IMPACT_PATH, tmpdir, args.start_timeout,
                         tmpdir / f"empty-cache-{i}") as server:  # fmt: skip
                first_times.append(server.cold_start_s)
                if i == 0:
                    bodies = {path: _get_body(server.url(path)) for path in (IMPACT_PATH, IMPACT5_PATH, ENTITY_PATH)}
                    (tmpdir / "bodies.json").write_text(json.dumps(bodies), encoding="utf-8")
        if str(ROOT) not in sys.path:  # section g reads the snapshot with the checkout's app package
            sys.path.insert(0, str(ROOT))
        built = build_snapshots(tmpdir)  # with the stored answers (what a start reads below), and without
        cache = built["answers"]["cache"]

        makers: dict[str, Callable[[int], list[str]]] = {
            "bare FastAPI": lambda port: baseline_argv(tmpdir, port, args.log_level),
            "AnkleKG": lambda port: anklekg_argv(port, validate, args.log_level),
            "AnkleKG, no stored answers": lambda port: anklekg_argv(port, validate, args.log_level),
        }
        caches = {"AnkleKG, no stored answers": built["plain"]["cache"]}
        # Cold starts interleaved (bare, AnkleKG, bare, ...): the machine's load moves both alike
        started_in: dict[str, list[float]] = {name: [] for name in makers}
        start_cpu: dict[str, list[float]] = {name: [] for name in makers}
        for _ in range(starts):
            for name, make_argv in makers.items():
                port = free_port()
                with serving(name, make_argv(port), port, IMPACT_PATH, tmpdir, args.start_timeout,
                             caches.get(name, cache)) as server:  # fmt: skip
                    started_in[name].append(server.cold_start_s)
                    start_cpu[name].append(server.cpu_seconds())
        res.extra["cold_starts_s"] = started_in
        res.extra["cold_start_cpu_s"] = start_cpu
        res.extra["load_average_after_starts"] = os.getloadavg()

        def cycle(name: str, make_argv: Callable[[int], list[str]]) -> tuple[list[float], dict[str, Any]]:
            """One more start, which stays up for the load runs."""
            times = started_in[name]
            measured: dict[str, Any] = {}
            port = free_port()
            with serving(name, make_argv(port), port, IMPACT_PATH, tmpdir, args.start_timeout, cache) as server:
                measured["rss_after_start_kib"] = server.memory_kib()["VmRSS"]
                wait_ready(server)  # the load runs measure a warm service, not its background start-up
                for key, path in (("entity", ENTITY_PATH), ("impact", IMPACT_PATH), ("impact5", IMPACT5_PATH)):
                    load(server.port, path, clients, warmup_s, max_requests, 0)
                    cpu_before = server.cpu_seconds()
                    measured[key] = load(server.port, path, clients, seconds, max_requests, 0)
                    measured[f"{key}_cpu_ms"] = (server.cpu_seconds() - cpu_before) / measured[key].requests * 1000
                memory = server.memory_kib()
                measured["rss_after_load_kib"] = memory["VmRSS"]
                measured["peak_rss_kib"] = memory["VmHWM"]
            return times, measured

        base_times, base = cycle("bare FastAPI", lambda port: baseline_argv(tmpdir, port, args.log_level))
        akg_times, akg = cycle("AnkleKG", lambda port: anklekg_argv(port, validate, args.log_level))
        novalidate_times: list[float] = []
        if validate:
            for _ in range(starts):
                port = free_port()
                argv = anklekg_argv(port, False, args.log_level)
                with serving("AnkleKG no-validate", argv, port, IMPACT_PATH, tmpdir, args.start_timeout,
                             cache) as server:  # fmt: skip
                    novalidate_times.append(server.cold_start_s)
                    res.extra["rss_after_start_no_validate_kib"] = server.memory_kib()["VmRSS"]
                    res.extra["peak_rss_no_validate_kib"] = server.memory_kib()["VmHWM"]
        stored_rows = stored_http(built, tmpdir, clients, validate, args.log_level, args.start_timeout, starts, quick)
        stored_rows += stored_costs(built, calls, validate)
        res.extra["load_average_after_section_g"] = os.getloadavg()

    bare = "bare FastAPI"
    cold = f"median of {starts}"
    spread = f"AnkleKG {min(akg_times):.3f}-{max(akg_times):.3f} s, bare {min(base_times):.3f}-{max(base_times):.3f} s"
    res.rows.append(Row("a. cold start", "launch -> first 200 /v1/impact?injured=ATFL", "s",
                        median(akg_times), median(base_times), bare,
                        cold + " interleaved (" + spread + ")" + ("; report stored by anklekg build" if validate
                                                                   else "; --no-validate")))  # fmt: skip
    cpu = res.extra["cold_start_cpu_s"]
    res.rows.append(Row("a. cold start", "  the server's CPU until that first 200", "s", median(cpu["AnkleKG"]),
                        median(cpu["bare FastAPI"]), bare, cold + " interleaved, user + system"))  # fmt: skip
    plain = started_in["AnkleKG, no stored answers"]
    res.rows.append(Row("a. cold start", "  same, snapshot without stored answers (before)", "s", median(plain),
                        median(base_times), bare, f"{cold} interleaved ({min(plain):.3f}-{max(plain):.3f} s); "
                        f"CPU {median(cpu['AnkleKG, no stored answers']):.3f} s"))  # fmt: skip
    if validate:
        res.rows.append(Row("a. cold start", "  same, first start on new data (validates, stores report)", "s",
                            median(first_times), median(base_times), bare, cold))  # fmt: skip
    if novalidate_times:
        res.rows.append(Row("a. cold start", "  same, serve --no-validate", "s",
                            median(novalidate_times), median(base_times), bare, cold))  # fmt: skip
        res.rows.append(Row("a. cold start", "  validation share (first start - unvalidated)", "s",
                            median(first_times) - median(novalidate_times), median(base_times), bare,
                            "QC queries + SHACL, once per change of the data"))  # fmt: skip
    for key, path in (("entity", ENTITY_PATH), ("impact", IMPACT_PATH), ("impact5", IMPACT5_PATH)):
        mine, theirs = akg[key], base[key]
        section = "b. throughput" if key == "entity" else "c. HTTP latency"
        note = f"{clients} clients; {mine.requests} vs {theirs.requests} requests; body {mine.bytes_per_response} B"
        note += f" vs {theirs.bytes_per_response} B"
        if mine.errors or theirs.errors:
            note += f"; NON-200: {mine.errors} vs {theirs.errors}"
        res.rows.append(Row(section, f"GET {path} req/s", "req/s", mine.rps, theirs.rps, bare, note))
        res.rows.append(Row(section, f"GET {path} p50", "ms", mine.p50_ms, theirs.p50_ms, bare, f"{clients} clients"))
        res.rows.append(Row(section, f"GET {path} p99", "ms", mine.p99_ms, theirs.p99_ms, bare, f"{clients} clients"))
        res.rows.append(Row(section, f"GET {path} server CPU per request", "ms", akg[f"{key}_cpu_ms"],
                            base[f"{key}_cpu_ms"], bare, "server user + system time / requests"))  # fmt: skip

    # c. in-process (the script may be run from anywhere: import the checkout's app package)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from app.kg import AnkleKG
    from app.settings import Settings

    kg = AnkleKG.load(Settings(validate_on_start=validate))
    res.extra["in_process_load_seconds"] = kg.load_seconds
    noop_p50, noop_p99 = time_calls(_noop, calls, warmup=min(100, calls))
    cases: list[tuple[str, Callable[[], object]]] = [
        ('kg.impact(["ATFL"])', lambda: kg.impact(["ATFL"])),
        ('kg.impact(["ATFL","CFL"])', lambda: kg.impact(["ATFL", "CFL"])),
        ("kg.impact(5 injuries)", lambda: kg.impact(FIVE_INJURIES)),
        ('kg.entity("ATFL")', lambda: kg.entity("ATFL")),
        (
            "kg.differential(drawer+, tilt-, inversion in PF)",
            lambda: kg.differential(
                positive_tests=["anterior drawer test"],
                negative_tests=["talar tilt test"],
                mechanism=("inversion", "plantarflexion"),
            ),
        ),
        (
            "kg.differential(foot drop, numb dorsum)",
            lambda: kg.differential(symptoms=["foot drop"], numbness_areas=["skin of dorsum of foot"]),
        ),
        ('kg.impact(["common fibular nerve"])', lambda: kg.impact(["common fibular nerve"])),
    ]
    started = time.perf_counter()
    _ = kg.differential_engine.profiles  # one impact profile per candidate, built once per process
    res.extra["differential_profiles_seconds"] = time.perf_counter() - started
    for label, fn in cases:
        p50, p99 = time_calls(fn, calls, warmup=min(50, calls))
        res.rows.append(Row("c. in-process", f"{label} p50", "ms", p50, noop_p50, "no-op call", f"{calls} calls"))
        res.rows.append(Row("c. in-process", f"{label} p99", "ms", p99, noop_p99, "no-op call", f"{calls} calls"))

    res.rows += asgi_costs(kg, calls)
    res.rows += serialisation_costs(kg, calls)
    res.rows += stored_rows

    mib = 1024.0
    res.rows.append(Row("d. memory", "server RSS after first answer", "MiB",
                        akg["rss_after_start_kib"] / mib, base["rss_after_start_kib"] / mib, bare))  # fmt: skip
    res.rows.append(Row("d. memory", "server RSS after load runs", "MiB",
                        akg["rss_after_load_kib"] / mib, base["rss_after_load_kib"] / mib, bare))  # fmt: skip
    res.rows.append(Row("d. memory", "server peak RSS (VmHWM)", "MiB",
                        akg["peak_rss_kib"] / mib, base["peak_rss_kib"] / mib, bare,
                        "includes start-up validation" if validate else ""))  # fmt: skip
    if "peak_rss_no_validate_kib" in res.extra:
        res.rows.append(Row("d. memory", "  peak RSS, serve --no-validate", "MiB",
                            res.extra["peak_rss_no_validate_kib"] / mib, base["peak_rss_kib"] / mib, bare))  # fmt: skip
    res.extra["cold_start_samples_s"] = {"anklekg": akg_times, "baseline": base_times, "no_validate": novalidate_times}
    return res


def _asgi_only(args: argparse.Namespace, calls: int) -> Results:
    """Section e alone: no server is started (a minute's figure for the middleware and the cached path)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from app.kg import AnkleKG
    from app.settings import Settings

    kg = AnkleKG.load(Settings(validate_on_start=False))
    res = Results(config={"quick": args.quick, "asgi_only": True, "in_process_calls": calls,
                          "validate_on_start": False, "log_level": args.log_level, "cpus": os.cpu_count(),
                          "python": sys.version.split()[0]})  # fmt: skip
    res.rows += asgi_costs(kg, calls)
    res.rows += serialisation_costs(kg, calls)
    with tempfile.TemporaryDirectory(prefix="anklekg-bench-") as tmp:
        res.rows += stored_costs(build_snapshots(Path(tmp)), calls, validate=False)
    res.extra["load_average"] = os.getloadavg()
    return res


# ---------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------
def _fmt(value: float, unit: str) -> str:
    if unit == "req/s":
        return f"{value:,.0f}"
    if unit == "ms" and abs(value) < 0.1:
        return f"{value * 1000:.2f}us"
    return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.1f}"


def render(res: Results) -> str:
    c = res.config
    lines = [
        f"AnkleKG service benchmark (Python {c['python']}, {c['cpus']} CPUs; loopback 127.0.0.1; "
        f"validation at start {'on' if c['validate_on_start'] else 'off'}; uvicorn log level {c['log_level']})",
        "ratio = AnkleKG / baseline (higher is slower for s, ms, MiB; lower is slower for req/s)",
        "",
        f"{'section':16} {'metric':50} {'unit':6} {'AnkleKG':>12} {'baseline':>12} {'ratio':>9}  baseline / note",
    ]
    for row in res.rows:
        lines.append(
            f"{row.section:16} {row.metric:50} {row.unit:6} {_fmt(row.anklekg, row.unit):>12} "
            f"{_fmt(row.baseline, row.unit):>12} {row.ratio:9.2f}  {row.baseline_name}"
            + (f"; {row.note}" if row.note else "")
        )
    samples = res.extra.get("cold_start_samples_s", {})
    lines += [
        "",
        "cold start samples (s): " + "; ".join(f"{k} {[round(v, 3) for v in vs]}" for k, vs in samples.items() if vs),
        f"in-process AnkleKG.load: {res.extra.get('in_process_load_seconds', float('nan')):.3f} s",
        "load average at the end (1, 5, 15 min): " + ", ".join(f"{v:.2f}" for v in os.getloadavg()),
    ]
    if (c["cpus"] or 1) <= 2:
        lines.append("note: client and server share this machine's CPUs; req/s is a lower bound for the server.")
    return "\n".join(lines)


def to_json(res: Results) -> dict[str, Any]:
    rows = [dict(asdict(row), ratio=row.ratio) for row in res.rows]
    return {"config": res.config, "rows": rows, "extra": res.extra}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller counts; finishes in well under 30 s")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of the table")
    parser.add_argument("--clients", type=int, help="concurrent keep-alive connections (default 16, --quick 8)")
    parser.add_argument("--seconds", type=float, help="seconds per load run (default 5, --quick 1.5)")
    parser.add_argument("--max-requests", type=int, help="cap on requests per load run")
    parser.add_argument("--calls", type=int, help="in-process calls per case (default 2000, --quick 300)")
    parser.add_argument("--starts", type=int, help="cold starts per server (default 3, --quick 1)")
    parser.add_argument("--start-timeout", type=float, default=120.0, help="seconds to wait for a first 200")
    parser.add_argument("--no-validate", action="store_true", help="start AnkleKG with --no-validate throughout")
    parser.add_argument("--asgi-only", action="store_true", help="only section e (ASGI in process; no servers)")
    parser.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    args = parser.parse_args(argv)
    try:
        res = run(args)
    except RuntimeError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    out: TextIO = sys.stdout
    if args.json:
        json.dump(to_json(res), out, indent=2, default=str)
        out.write("\n")
    else:
        print(render(res), file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
