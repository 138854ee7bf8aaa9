"""What a balancer in front of replicas costs: one replica direct vs two behind nginx vs nginx in front of one.

House rule: performance is measured, not asserted. The baseline is the strongest fair one, measured in the same
run on the same machine: one replica answering the load generator directly. The same requests (an entity, and
the ATFL impact answer, 124 KB) are sent to

a. one replica, direct;
b. nginx (deploy/nginx/anklekg.conf.template, rendered as the tests render it) in front of two replicas;
c. the same nginx template in front of one replica;

in interleaved rounds (each round runs the three in a rotated order), and for each the medians over rounds are
printed with their spread (min-max): requests/s, p50 and p99 latency, and the CPU time per request of each
replica's server process and of nginx (master and worker), read from /proc. The resident memory of every replica
(server and SPARQL workers) is printed at the end: the figures deploy/ sizes its limits from.

Two replicas on a 2-core machine cannot show scaling: the load generator, nginx and both replicas share the same
two CPUs, so (b) measures the balancer's cost and how the work spreads, not the throughput of two machines.

Usage: ``python scripts/bench_replicas.py [--rounds N] [--seconds S] [--clients C] [--json]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench import Server, anklekg_argv, free_port, serving  # scripts/ is on sys.path when run as a script
from loadgen import load

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.balancer import Nginx, children  # noqa: E402  (the project's nginx template, rendered as the tests do)

PATHS = {"entity": "/v1/entities/ATFL", "impact": "/v1/impact?injured=ATFL"}
CONFIGS = ("1 replica direct", "nginx + 2 replicas", "nginx + 1 replica")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process so far, from /proc."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mib(pid: int) -> dict[str, float]:
    values: dict[str, float] = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


@dataclass
class Sample:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    body: int
    cpu_ms: dict[str, float]  # per request, by process


@dataclass
class Results:
    config: dict[str, Any]
    samples: dict[tuple[str, str], list[Sample]] = field(default_factory=dict)
    memory: dict[str, Any] = field(default_factory=dict)


def measure(port: int, path: str, args: argparse.Namespace, processes: dict[str, Callable[[], float]]) -> Sample:
    """One load run against ``port``; CPU per request of each named process over the measured part."""
    load(port, path, args.clients, args.warmup, 10**7, 0)
    before = {name: read() for name, read in processes.items()}
    result = load(port, path, args.clients, args.seconds, 10**7, 0)
    per_request = {name: (read() - before[name]) / max(1, result.requests) * 1000 for name, read in processes.items()}
    return Sample(result.rps, result.p50_ms, result.p99_ms, result.errors, result.bytes_per_response, per_request)


def run(args: argparse.Namespace) -> Results:
    res = Results(config={
        "rounds": args.rounds, "seconds": args.seconds, "clients": args.clients, "cpus": os.cpu_count(),
        "log_level": args.log_level, "python": sys.version.split()[0],
    })  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="anklekg-bench-replicas-") as tmp, contextlib.ExitStack() as stack:
        logs = Path(tmp)
        replicas: list[Server] = []
        for name in ("replica A", "replica B"):
            port = free_port()
            argv = anklekg_argv(port, validate=True, log_level=args.log_level)
            starting = serving(name, argv, port, PATHS["entity"], logs, 120.0, logs / "cache")  # one validation, shared
            replicas.append(stack.enter_context(starting))
        a, b = replicas
        both = Nginx.start(free_port(), [f"127.0.0.1:{a.port}", f"127.0.0.1:{b.port}"])
        stack.callback(both.stop)
        one = Nginx.start(free_port(), [f"127.0.0.1:{a.port}"])
        stack.callback(one.stop)

        def nginx_cpu(nginx: Nginx) -> Callable[[], float]:
            return lambda: sum(cpu_seconds(pid) for pid in nginx.pids())

        setups: dict[str, tuple[int, dict[str, Callable[[], float]]]] = {
            CONFIGS[0]: (a.port, {"replica A": lambda: cpu_seconds(a.process.pid)}),
            CONFIGS[1]: (both.port, {"replica A": lambda: cpu_seconds(a.process.pid),
                                     "replica B": lambda: cpu_seconds(b.process.pid), "nginx": nginx_cpu(both)}),
            CONFIGS[2]: (one.port, {"replica A": lambda: cpu_seconds(a.process.pid), "nginx": nginx_cpu(one)}),
        }  # fmt: skip
        for round_no in range(args.rounds):
            order = CONFIGS[round_no % 3 :] + CONFIGS[: round_no % 3]  # rotated: no config always runs first
            for key, path in PATHS.items():
                for config in order:
                    port, processes = setups[config]
                    sample = measure(port, path, args, processes)
                    res.samples.setdefault((key, config), []).append(sample)
                    print(f"round {round_no + 1}/{args.rounds} {key:6} {config:18} {sample.rps:8,.0f} req/s",
                          file=sys.stderr, flush=True)  # fmt: skip
        for server in replicas:
            workers = children(server.process.pid)
            res.memory[server.name] = {
                "server": rss_mib(server.process.pid),
                "sparql_workers": [rss_mib(pid) for pid in workers],
                "total_rss_mib": round(sum(rss_mib(pid)["VmRSS"] for pid in [server.process.pid, *workers]), 1),
            }
        res.memory["nginx"] = {"total_rss_mib": round(sum(rss_mib(pid)["VmRSS"] for pid in both.pids()), 1)}
    return res


def spread(values: Sequence[float], digits: int = 2) -> str:
    """Median and min-max of the rounds."""
    return f"{statistics.median(values):,.{digits}f} ({min(values):,.{digits}f}-{max(values):,.{digits}f})"


def render(res: Results) -> str:
    c = res.config
    lines = [
        f"AnkleKG replicas behind nginx (Python {c['python']}, {c['cpus']} CPUs, loopback; {c['rounds']} interleaved "
        f"rounds of {c['seconds']} s, {c['clients']} keep-alive clients; uvicorn log level {c['log_level']})",
        f"NOTE: {c['cpus']} CPUs are shared by the load generator, nginx and every replica: two replicas here cannot",
        "show scaling, only what the balancer costs and how the work spreads. Medians, (min-max) over rounds.",
        "",
    ]
    for key, path in PATHS.items():
        base = statistics.median(s.rps for s in res.samples[(key, CONFIGS[0])])
        body = res.samples[(key, CONFIGS[0])][0].body
        lines.append(f"GET {path} ({body / 1000:.0f} KB body)")
        lines.append(f"  {'configuration':20} {'req/s':>22} {'vs direct':>9} {'p50 ms':>20} {'p99 ms':>20}  "
                     "CPU ms per request: each process, total")  # fmt: skip
        for config in CONFIGS:
            samples = res.samples[(key, config)]
            rps = [s.rps for s in samples]
            names = list(samples[0].cpu_ms)
            cpu = ", ".join(f"{n} {spread([s.cpu_ms[n] for s in samples])}" for n in names)
            total = spread([sum(s.cpu_ms.values()) for s in samples])
            errors = sum(s.errors for s in samples)
            lines.append(
                f"  {config:20} {spread(rps, 0):>22} {statistics.median(rps) / base:9.2f} "
                f"{spread([s.p50_ms for s in samples]):>20} {spread([s.p99_ms for s in samples]):>20}  "
                f"{cpu}; total {total}" + (f"; NON-200: {errors}" if errors else "")
            )
        lines.append("")
    lines.append("Resident memory after the runs (MiB; VmHWM is the peak):")
    for name, figures in res.memory.items():
        lines.append(f"  {name}: {json.dumps(figures)}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds per load run (default 3)")
    parser.add_argument("--warmup", type=float, default=0.5, help="seconds of warm-up before each run")
    parser.add_argument("--clients", type=int, default=16, help="concurrent keep-alive connections (default 16)")
    parser.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"])
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON instead of the table")
    args = parser.parse_args()
    res = run(args)
    if args.json:
        samples = {f"{k} | {c}": [s.__dict__ for s in v] for (k, c), v in res.samples.items()}
        print(json.dumps({"config": res.config, "samples": samples, "memory": res.memory}, indent=2))
    else:
        print(render(res))


if __name__ == "__main__":
    main()
