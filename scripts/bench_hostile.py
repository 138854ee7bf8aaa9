"""What abuse costs everyone else: simple REST and SPARQL latency calm vs under attack, peak memory, lost requests.

House rule: performance is measured, not asserted. One run starts the real service (``python -m app serve``)
on a free loopback port and measures, side by side:

1. calm: four well-behaved clients (127.0.0.1) asking GET /v1/entities/ATFL and a SPARQL ASK in turn;
2. under abuse: the same four clients while, from other loopback addresses, four clients loop memory and CPU
   bombs (a cross-join CONSTRUCT sorted, a cross-join GROUP_CONCAT) and one client floods 40 simple queries at once
   (the abusers run in a process of their own).

It prints p50/p99 of the well-behaved requests in both phases with the ratio (target: within 3x), the requests
of the well-behaved clients that failed (target: none), what the abusers got (status and problem type counts), and
the peak RSS of the server and of its SPARQL workers (VmHWM from /proc). Then what a refused query costs: the
server's CPU time per 429 while one client floods queries past its limit, beside its CPU time per ``GET /health``
(its cheapest answer) measured the same way in the same run. Loopback only; every phase is bounded in time.

Usage: ``python scripts/bench_hostile.py [--seconds S] [--json]``
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import json
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
ASK = "ASK { ?s ?p ?o }"
MEMORY_BOMB = "CONSTRUCT {?a ?b ?i} WHERE {?a ?b ?c . ?g ?h ?i} ORDER BY ?i"
CPU_BOMB = "SELECT (GROUP_CONCAT(STR(?c)) AS ?x) WHERE {?a ?b ?c . ?d ?e ?f} GROUP BY ?a LIMIT 100"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def peak_rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


async def behave(url: str, until: float, latencies: dict[str, list[float]], failures: list[str]) -> None:
    """A well-behaved client: an entity, then a small SPARQL query, again and again."""
    async with httpx.AsyncClient(base_url=url, timeout=15) as http:
        turn = 0
        while time.monotonic() < until:
            kind = "rest" if turn % 2 == 0 else "sparql"
            turn += 1
            started = time.perf_counter()
            try:
                if kind == "rest":
                    response = await http.get("/v1/entities/ATFL")
                else:
                    response = await http.get("/sparql", params={"query": ASK}, headers={"Accept": "application/json"})
                ok = response.status_code == 200
            except httpx.HTTPError as exc:
                ok, response = False, None
                failures.append(f"{kind}: {type(exc).__name__}")
            latencies[kind].append((time.perf_counter() - started) * 1000)
            if not ok and response is not None:
                failures.append(f"{kind}: {response.status_code}")


async def abuse(url: str, address: str, query: str, until: float, outcomes: collections.Counter[str]) -> None:
    transport = httpx.AsyncHTTPTransport(local_address=address)
    async with httpx.AsyncClient(base_url=url, timeout=30, transport=transport) as http:
        while time.monotonic() < until:
            try:
                response = await http.post("/sparql", data={"query": query})
                outcome = str(response.status_code)
                if response.status_code != 200:  # which problem: busy, too-many-queries, query-preempted, ...
                    outcome += " " + str(response.json().get("type", "")).rsplit("/", 1)[-1]
                outcomes[outcome] += 1
            except httpx.HTTPError as exc:
                outcomes[type(exc).__name__] += 1


async def flood(url: str, address: str, until: float, outcomes: collections.Counter[str]) -> None:
    await asyncio.gather(*(abuse(url, address, ASK, until, outcomes) for _ in range(40)))


async def attack(url: str, seconds: float) -> dict[str, int]:
    """The abusers (run in a process of their own, so that their event loop never delays the measured clients)."""
    until = time.monotonic() + seconds
    outcomes: collections.Counter[str] = collections.Counter()
    bombs = [MEMORY_BOMB, CPU_BOMB, MEMORY_BOMB, CPU_BOMB]
    tasks = [abuse(url, f"127.0.0.{10 + i}", bomb, until, outcomes) for i, bomb in enumerate(bombs)]
    tasks.append(flood(url, "127.0.0.20", until, outcomes))
    await asyncio.gather(*tasks)
    return dict(outcomes)


def _attack_process(url: str, seconds: float, queue: multiprocessing.Queue[dict[str, int]]) -> None:
    queue.put(asyncio.run(attack(url, seconds)))


async def phase(url: str, seconds: float, hostile: bool) -> dict[str, object]:
    latencies: dict[str, list[float]] = {"rest": [], "sparql": []}
    failures: list[str] = []
    outcomes: dict[str, int] = {}
    attacker = None
    queue: multiprocessing.Queue[dict[str, int]] = multiprocessing.Queue()
    if hostile:
        attacker = multiprocessing.Process(target=_attack_process, args=(url, seconds + 1.0, queue))
        attacker.start()
        await asyncio.sleep(1.0)  # the bombs are running before the first measured request
    until = time.monotonic() + seconds
    await asyncio.gather(*(behave(url, until, latencies, failures) for _ in range(4)))
    if attacker is not None:
        outcomes = queue.get(timeout=60)
        attacker.join(timeout=30)

    def pct(values: list[float], q: float) -> float:
        return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else float("nan")

    return {
        "requests": {k: len(v) for k, v in latencies.items()},
        "p50": {k: round(pct(v, 50), 2) for k, v in latencies.items()},
        "p99": {k: round(pct(v, 99), 2) for k, v in latencies.items()},
        "failures": failures,
        "abusers": outcomes,
    }


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _hammer(
    port: int, address: str, request: bytes, seconds: float, connections: int = 8
) -> collections.Counter[int]:
    """Keep-alive connections from ``address`` sending ``request`` back to back; status counts."""
    statuses: collections.Counter[int] = collections.Counter()
    until = time.monotonic() + seconds

    async def one() -> None:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(address, 0))
        try:
            while time.monotonic() < until:
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                length = int(head.lower().split(b"content-length:", 1)[1].split(b"\r\n", 1)[0])
                await reader.readexactly(length)
                statuses[int(head[9:12])] += 1
                if b"connection: close" in head.lower():
                    break
        finally:
            writer.close()

    await asyncio.gather(*(one() for _ in range(connections)))
    return statuses


async def flood_cost(url: str, port: int, server_pid: int, seconds: float) -> dict[str, object]:
    """Server CPU per refused query (one bomb holds the client's only slot and its line is full) and per /health."""
    address, host = "127.0.0.30", f"127.0.0.1:{port}"
    transport = httpx.AsyncHTTPTransport(local_address=address)
    async with httpx.AsyncClient(base_url=url, timeout=30, transport=transport) as http:
        # the client's slots (half the workers) and its line (4) taken by bombs, so that every further query is refused
        held = [asyncio.ensure_future(http.post("/sparql", data={"query": CPU_BOMB})) for _ in range(8)]
        await asyncio.sleep(1.0)
        ask = f"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n"
        health = f"GET /health HTTP/1.1\r\nHost: {host}\r\n\r\n"
        result: dict[str, object] = {}
        for name, request, source in (("refused", ask, address), ("health", health, "127.0.0.31")):
            before = cpu_seconds(server_pid)
            statuses = await _hammer(port, source, request.encode(), seconds)
            used = cpu_seconds(server_pid) - before
            result[name] = {"requests": sum(statuses.values()), "statuses": dict(statuses),
                            "cpu_ms_per_request": round(1000 * used / max(1, sum(statuses.values())), 3)}  # fmt: skip
        for task in held:
            task.cancel()
        await asyncio.gather(*held, return_exceptions=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8.0, help="seconds per phase (default 8)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "app", "serve", "--port", str(port), "--log-level", "warning", "--no-shacl"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ},
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(url + "/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        calm = asyncio.run(phase(url, args.seconds, hostile=False))
        hostile = asyncio.run(phase(url, args.seconds, hostile=True))
        memory = {
            "server_peak_mib": round(peak_rss_mib(server.pid), 1),
            "worker_peak_mib": [round(peak_rss_mib(p), 1) for p in children(server.pid)],
        }
        flood = asyncio.run(flood_cost(url, port, server.pid, min(4.0, args.seconds)))
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
    result = {"calm": calm, "under_abuse": hostile, "memory": memory, "flood_cost": flood,
              "seconds_per_phase": args.seconds, "load_average": os.getloadavg()}  # fmt: skip
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"{'metric':38} {'calm':>10} {'under abuse':>12} {'ratio':>7}")
    for kind in ("rest", "sparql"):
        for q in ("p50", "p99"):
            a, b = calm[q][kind], hostile[q][kind]  # type: ignore[index]
            print(f"{kind + ' ' + q + ' ms':38} {a:>10} {b:>12} {b / a if a else float('nan'):>7.2f}")
        print(f"{kind + ' requests answered':38} {calm['requests'][kind]:>10} {hostile['requests'][kind]:>12}")  # type: ignore[index]
    print(f"{'well-behaved requests failed':38} {len(calm['failures']):>10} {len(hostile['failures']):>12}")  # type: ignore[arg-type]
    print(f"abusers got: {hostile['abusers']}")
    print(f"peak RSS: server {memory['server_peak_mib']} MiB; SPARQL workers {memory['worker_peak_mib']} MiB")
    refused, health = flood["refused"], flood["health"]
    print(f"server CPU per refused query: {refused['cpu_ms_per_request']} ms over {refused['requests']} requests "  # type: ignore[index]
          f"{refused['statuses']}; per GET /health: {health['cpu_ms_per_request']} ms over {health['requests']}")  # type: ignore[index]  # fmt: skip
    print("load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    print("note: clients and server share this machine's CPUs; the target is p99 under abuse within 3x of calm.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
