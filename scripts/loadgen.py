"""A small keep-alive HTTP/1.1 load generator for the benchmarks (asyncio, uvloop when installed).

Why not httpx in threads: on two cores a threaded httpx client saturates at ~800 requests/s and then
measures itself, not the server (every server, Oxigraph's Rust one included, looked equally fast).
This client writes a pre-encoded request and reads the response by Content-Length or chunks, a few
microseconds of Python per request, so the server under test is what runs out of CPU.
Every run is bounded by time and by request count.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = ["LoadResult", "load", "percentiles"]

HOST = "127.0.0.1"
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)
_CHUNKED = re.compile(rb"\r\ntransfer-encoding:\s*chunked", re.IGNORECASE)


@dataclass
class LoadResult:
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    bytes_per_response: int


def percentiles(samples_s: Sequence[float]) -> tuple[float, float]:
    """(p50, p99) in milliseconds, nearest rank."""
    if not samples_s:
        return float("nan"), float("nan")
    ordered = sorted(samples_s)
    pick = lambda q: ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))] * 1000  # noqa: E731
    return pick(0.50), pick(0.99)


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    match = _CONTENT_LENGTH.search(head)
    if match:
        body = await reader.readexactly(int(match.group(1)))
        return status, len(body)
    if _CHUNKED.search(head):
        size_total = 0
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            await reader.readexactly(size + 2)
            size_total += size
            if size == 0:
                return status, size_total
    raise RuntimeError("response without Content-Length or chunked encoding")


#: A request target: one path for every request, or a function of the request's number (distinct requests, e.g.
#: SPARQL queries no cache has seen)
Target = str | Callable[[int], str]


async def _load(port: int, path: Target, accept: str, clients: int, seconds: float, max_requests: int) -> LoadResult:
    def request_for(target: str) -> bytes:
        return f"GET {target} HTTP/1.1\r\nHost: {HOST}:{port}\r\nAccept: {accept}\r\n\r\n".encode()

    fixed = request_for(path) if isinstance(path, str) else None
    numbered = None if isinstance(path, str) else path
    latencies: list[float] = []
    budget = {"left": max_requests, "errors": 0, "bytes": 0, "sent": 0}
    connections = [await asyncio.open_connection(HOST, port, limit=2**24) for _ in range(clients)]
    started = time.perf_counter()
    deadline = started + seconds

    async def worker(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while budget["left"] > 0 and time.perf_counter() < deadline:
            budget["left"] -= 1
            budget["sent"] += 1
            request = request_for(numbered(budget["sent"])) if numbered is not None else fixed or b""
            sent = time.perf_counter()
            writer.write(request)
            status, size = await _read_response(reader)
            latencies.append(time.perf_counter() - sent)
            budget["bytes"] = size
            if status != 200:
                budget["errors"] += 1

    try:
        await asyncio.wait_for(asyncio.gather(*(worker(r, w) for r, w in connections)), timeout=seconds + 60)
    finally:
        for _, writer in connections:
            writer.close()
    elapsed = time.perf_counter() - started
    p50, p99 = percentiles(latencies)
    return LoadResult(len(latencies), budget["errors"], elapsed, len(latencies) / elapsed, p50, p99, budget["bytes"])


def load(
    port: int,
    path: Target,
    clients: int,
    seconds: float,
    max_requests: int,
    warmup_s: float,
    accept: str = "application/json",
) -> LoadResult:
    """Warm up for ``warmup_s``, then measure for at most ``seconds`` or ``max_requests``. A ``path`` function is
    called with a number that grows across the warm-up and the run, so no two requests of the call repeat."""
    if not isinstance(path, str):
        numbers, numbered = itertools.count(1), path
        path = lambda _: numbered(next(numbers))  # noqa: E731 (one count across the warm-up and the run)
    runner: Callable[[Any], Any] = asyncio.run
    with contextlib.suppress(ImportError):
        import uvloop

        runner = uvloop.run  # a faster client leaves more of the machine to the server
    if warmup_s > 0:
        runner(_load(port, path, accept, clients, warmup_s, max_requests))
    return runner(_load(port, path, accept, clients, seconds, max_requests))  # type: ignore[no-any-return]
