"""Where a computed (cache-miss) single-injury impact's CPU goes, this code against another checkout, in one process.

On a machine shared with other work, runs of two versions minutes apart differ by more than a change does
(docs/performance.md, fifth to eighth passes). This script loads both versions side by side (the other checkout's
``app`` imported under another name from a temporary folder, through a symbolic link) and alternates them call by
call, so that the load falls on both alike:

- ``GET /v1/impact?injured=ATFL`` through each version's ASGI app with the answer cache off (every request resolves,
  computes, encodes and hashes: a miss), and a bare FastAPI route returning the same bytes in the same rotation;
  inside it, by timers around the named functions: the reasoning (``AnkleKG.impact``), the encoding
  (``encoder.dump_json``), the ETag's hash (``release_etag``), and the rest (routing, parameters, name resolution,
  the response); rounds of calls, median and range of the rounds;
- ``kg.impact`` alone, call by call: the ATFL, five injuries, and every injurable structure at grade III (the median
  structure, and the per-structure ratio's median and deciles).

CPU time per call (``time.process_time_ns``). The answers' bytes are checked equal first.

Usage: ``python scripts/bench_miss.py --against /path/to/other/checkout [--rounds 7] [--calls 200]``
(``--injured X`` once or more: the GET asks for those injuries instead of the ATFL, e.g. the five of ``FIVE``;
``--position P``: in that position, named as a user would, e.g. ``plantarflexion``)
(a detached worktree of main: ``git worktree add --detach /tmp/main-wt main``).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import statistics
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench import IMPACT_PATH, _asgi_get  # scripts/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parents[1]
FIVE = ["ATFL", "CFL", "PTFL", "AITFL", "deltoid ligament"]
STAGES = ("reasoning (kg.impact)", "encoding (encoder.dump_json)", "ETag (sha256 of the body)")
REST = "the rest: routing, parameters, resolution, response"
clock = time.process_time_ns


def load(package: str, spent: dict[tuple[str, str], int]) -> tuple[Any, Any]:
    """The knowledge graph and a computing ASGI app (answer cache off) of one version, its stages timed."""
    kg_module = importlib.import_module(f"{package}.kg")
    settings = importlib.import_module(f"{package}.settings")
    main = importlib.import_module(f"{package}.api.main")
    answers = importlib.import_module(f"{package}.api.answer_cache")

    def timed(stage: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            started = clock()
            try:
                return function(*args, **kwargs)
            finally:
                spent[package, stage] = spent.get((package, stage), 0) + clock() - started

        return call

    kg = kg_module.AnkleKG.load(settings.Settings(validate_on_start=False, cache_dir=None))
    app = main.create_app(kg)
    app.state.kg = kg
    app.state.answer_cache = answers.AnswerCache(0)
    kg_module.AnkleKG.impact = timed(STAGES[0], kg_module.AnkleKG.impact)
    for stage, name in ((STAGES[1], "dump_json"), (STAGES[2], "release_etag")):  # the names answer_cache calls
        setattr(answers, name, timed(stage, getattr(answers, name)))
    return kg, app


def alternate(first: Callable[[], object], second: Callable[[], object], calls: int) -> tuple[list[int], list[int]]:
    """CPU per call of each, the two called in turn (which goes first alternates)."""
    a: list[int] = []
    b: list[int] = []
    for i in range(calls):
        for fn, out in ((first, a), (second, b)) if i % 2 == 0 else ((second, b), (first, a)):
            started = clock()
            fn()
            out.append(clock() - started)
    return a, b


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--against", required=True, type=Path, help="the other checkout (its app/ is compared)")
    parser.add_argument("--rounds", type=int, default=7, help="rounds of GETs (default 7)")
    parser.add_argument("--calls", type=int, default=200, help="GETs per version per round (default 200)")
    parser.add_argument("--passes", type=int, default=3, help="passes over every injurable structure (default 3)")
    parser.add_argument("--injured", action="append", help="the GET's injuries (default: the ATFL alone)")
    parser.add_argument("--position", help="the GET's position (default: none)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "app_base").symlink_to((args.against / "app").resolve(), target_is_directory=True)
        sys.path[:0] = [str(ROOT), folder]
        return run(args)


def run(args: argparse.Namespace) -> int:
    from fastapi import FastAPI, Response

    spent: dict[tuple[str, str], int] = {}
    versions = {"base": load("app_base", spent), "this": load("app", spent)}
    packages = {"base": "app_base", "this": "app"}
    injured = args.injured or ["ATFL"]
    at = [("position", args.position)] if args.position else []
    query = urllib.parse.urlencode([*(("injured", i) for i in injured), *at])
    path = IMPACT_PATH if injured == ["ATFL"] and not at else f"/v1/impact?{query}"
    bodies = {name: kg.impact(injured, position=args.position).model_dump_json().encode()
              for name, (kg, _) in versions.items()}  # fmt: skip
    if len(set(bodies.values())) != 1:
        print(f"the two versions answer {injured} differently: not a speed-only change", file=sys.stderr)
        return 1
    body = bodies["this"]
    floor = FastAPI()

    @floor.get("/v1/impact")
    async def impact() -> Response:
        return Response(body, media_type="application/json")

    loop = asyncio.new_event_loop()
    gets = {name: _asgi_get(app, path) for name, (_, app) in versions.items()}
    gets["floor"] = _asgi_get(floor, path)
    for get in gets.values():
        for _ in range(30):
            loop.run_until_complete(get())
    names = list(gets)
    figures: dict[tuple[str, str], list[float]] = {}
    loads = []
    for _ in range(args.rounds):
        loads.append(os.getloadavg()[0])
        spent.clear()
        whole = dict.fromkeys(names, 0)
        for i in range(args.calls):  # the versions and the floor in turn, the order rotating
            for k in range(len(names)):
                name = names[(i + k) % len(names)]
                started = clock()
                loop.run_until_complete(gets[name]())
                whole[name] += clock() - started
        for name in names:
            per_call = whole[name] / args.calls / 1e6
            figures.setdefault((name, "whole computed GET"), []).append(per_call)
            if name == "floor":
                continue
            staged = 0.0
            for stage in STAGES:
                ms = spent.get((packages[name], stage), 0) / args.calls / 1e6
                figures.setdefault((name, stage), []).append(ms)
                staged += ms
            figures.setdefault((name, REST), []).append(per_call - staged)
    print(f"computed GET {path} ({len(body):,} bytes), CPU per request, {args.rounds} rounds x {args.calls} "
          f"calls each, median (range); load average {min(loads):.2f}-{max(loads):.2f}")  # fmt: skip
    for stage in ("whole computed GET", *STAGES, REST):
        base, this = figures[("base", stage)], figures[("this", stage)]
        ratio = statistics.median(this) / statistics.median(base)
        print(f"  {stage:55} base {statistics.median(base):7.3f} ({min(base):.3f}-{max(base):.3f})  this "
              f"{statistics.median(this):7.3f} ({min(this):.3f}-{max(this):.3f})  {ratio:.2f}x")  # fmt: skip
    fl = figures[("floor", "whole computed GET")]
    print(f"  {'same-bytes FastAPI route, in the same rotation':55} {statistics.median(fl):.3f} ({min(fl):.3f}-"
          f"{max(fl):.3f})")  # fmt: skip

    base_kg, this_kg = versions["base"][0], versions["this"][0]
    from app.knowledge.schema import INJURABLE_TYPES

    kb = this_kg.kb
    injurable = sorted(t.id for t in kb.terms.values() if any(kb.is_a(t.id, c) for c in INJURABLE_TYPES))
    for kg in (base_kg, this_kg):
        for curie in injurable:
            kg.impact([(curie, 3)])
    print(f"kg.impact call by call (load average {os.getloadavg()[0]:.2f}), p50 base / this:")
    def asking(kg: Any, question: Any) -> Callable[[], object]:
        return lambda: kg.impact(question)

    for label, question, calls in (("the ATFL", ["ATFL"], args.calls * 2), ("five injuries", FIVE, args.calls)):
        a, b = alternate(asking(base_kg, question), asking(this_kg, question), calls)
        print(f"  {label:55} {statistics.median(a) / 1e6:.3f} / {statistics.median(b) / 1e6:.3f} ms  "
              f"{statistics.median(b) / statistics.median(a):.2f}x")  # fmt: skip
    ratios: list[float] = []
    medians: tuple[list[float], list[float]] = ([], [])
    for _ in range(args.passes):
        per: tuple[list[int], list[int]] = ([], [])
        for curie in injurable:
            a, b = alternate(asking(base_kg, [(curie, 3)]), asking(this_kg, [(curie, 3)]), 1)
            per[0].append(a[0])
            per[1].append(b[0])
            ratios.append(b[0] / a[0])
        medians[0].append(statistics.median(per[0]) / 1e6)
        medians[1].append(statistics.median(per[1]) / 1e6)
    deciles = statistics.quantiles(ratios, n=10)
    print(f"  {f'median over the {len(injurable)} injurable structures':55} {statistics.median(medians[0]):.3f} / "
          f"{statistics.median(medians[1]):.3f} ms; per-structure ratio {statistics.median(ratios):.2f} "
          f"(p10 {deciles[0]:.2f}, p90 {deciles[-1]:.2f}), {args.passes} passes")  # fmt: skip
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
