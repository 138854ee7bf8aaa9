"""What a change that alters answers costs per `kg.impact` call: this checkout against another, question by question.

`bench_miss.py` compares speed-only changes and refuses two checkouts that answer differently; a change to what the
engine concludes (a second reading, a graded form read instead of its condition) is measured here instead. Each
checkout runs in its own process (its own `app`), one after the other, on the same machine state; the figure is CPU
time per call (`time.process_time`), the median of the rounds, with their range.

    python scripts/bench_answers.py --against ../other-checkout [--rounds 5] [--calls 20]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: names as a user asks them; a pair is a name asked at a grade
QUESTIONS: list[list[str | list[str | int]]] = [
    ["ATFL"], ["lateral ankle sprain"], [["lateral ankle sprain", 3]], ["high ankle sprain"],
    [["high ankle sprain", 3]], ["Weber C fracture"], ["trimalleolar fracture"],
]
#: run inside each checkout's process: prints {question: [ms per call, per round]}
MEASURE = """
import json, sys, time
from app.kg import AnkleKG
from app.settings import Settings
questions, rounds, calls = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
kg = AnkleKG.load(Settings())
out = {}
for q in questions:
    asked = [tuple(x) if isinstance(x, list) else x for x in q]
    kg.impact(asked)
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for _ in range(calls):
            kg.impact(asked)
        times.append((time.process_time() - start) / calls * 1000)
    out[json.dumps(q)] = times
print(json.dumps(out))
"""


def measure(checkout: Path, rounds: int, calls: int) -> dict[str, list[float]]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    done = subprocess.run(
        [sys.executable, "-c", MEASURE, json.dumps(QUESTIONS), str(rounds), str(calls)],
        cwd=checkout, env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="the other checkout (its app/ is measured)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=20)
    args = parser.parse_args()
    base = measure(args.against.resolve(), args.rounds, args.calls)
    this = measure(ROOT, args.rounds, args.calls)
    print(f"{'question':45s} {'against':>22s} {'this':>22s} {'ratio':>6s}")
    for q in QUESTIONS:
        key = json.dumps(q)
        b, t = base[key], this[key]
        spread = [f"{median(v):7.2f} ms ({min(v):.2f}-{max(v):.2f})" for v in (b, t)]
        print(f"{key:45s} {spread[0]} {spread[1]} {median(t) / median(b):5.2f}x")


if __name__ == "__main__":
    main()
