"""How AnkleKG's costs grow with the size of the graph: 1, 10 and 100 copies of the bundled ontology.

Each copy k >= 1 renames every ANKLE entity (ANKLE_nnnnnnn -> ANKLE_ + n + k x 10,000, still seven digits),
gives its blank nodes fresh names and suffixes its text literals with " (copy k)", so that the copies are as
many distinct terms, names and facts as a graph N times larger would have; the schema (akg:) and the rules
are shared. Then, in this process, for each size: load time (unvalidated, and validated up to --validate-max
copies), RSS, and the per-call cost (median and p99 of repeated calls, after warm-up) of the answers: entity,
search (exact and fuzzy), paths, single and five-injury impact, and the differential (first call, which builds
its per-structure profiles, and then warm). Then a start from the snapshot ``anklekg build`` would store
(app/snapshot.py), in a fresh process: its load time and the RSS it adds to the process, against the size of the
serialised graph (the snapshot's N-Quads of the asserted triples). The last columns give the growth exponent:
cost ~ size^e, so e = 0 is flat, e = 1 is linear.

Usage: ``python scripts/bench_scale.py [--sizes 1,10,100] [--calls 200] [--validate-max 10] [--json]``
(100 copies take a few minutes and about 3 GiB.)
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO, cast

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from app.kg import AnkleKG  # noqa: E402
from app.ontology.validation import ValidationReport  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.snapshot import ASSERTED, DATASET, Snapshot  # noqa: E402

#: Run in a fresh process: a start from the snapshot, its load time and the RSS it adds (imports excluded).
_SNAPSHOT_START = '''
import json, sys, time
sys.path.insert(0, sys.argv[1])
from app.kg import AnkleKG
from app.settings import Settings
def rss():
    return int(next(l for l in open("/proc/self/status") if l.startswith("VmRSS:")).split()[1]) / 1024
settings = Settings(data_dir=sys.argv[2], ontology_files=tuple(sys.argv[3].split(",")), validate_on_start=False,
                    cache_dir=sys.argv[4])
before = rss()
started = time.perf_counter()
kg = AnkleKG.load(settings)
loaded = time.perf_counter() - started
after = rss()
started = time.perf_counter()
kg.warm()
warm = time.perf_counter() - started
print(json.dumps({"source": kg.source, "load_s": loaded, "rss_mib": after - before, "warm_s": warm,
                  "rss_warm_mib": rss() - before}))
'''

ANKLE = "https://w3id.org/anklekg/ANKLE_"
_ID = re.compile(r"ANKLE_(\d{7})$")
ID_STRIDE = 10_000  # the bundled ids are all below this (checked), so copies never collide
FIVE = ["ATFL", "CFL", "PTFL", "AITFL", "deltoid ligament"]


#: Literals that name or define a term get the copy's suffix (labels, synonyms, abbreviations, definitions);
#: identifiers, xrefs, notes and numbers stay as they are.
_NAMING = re.compile(r"(label|Label|Synonym|abbreviation|IAO_0000115)$")


def _rename(term: Any, copy: int, blanks: dict[str, ox.BlankNode], naming: bool = False) -> Any:
    if isinstance(term, ox.NamedNode):
        match = _ID.search(term.value) if term.value.startswith(ANKLE) else None
        if match is None:
            return term
        number = int(match.group(1))
        if number >= ID_STRIDE:
            raise SystemExit(f"id {term.value} is above {ID_STRIDE}: raise ID_STRIDE in {__file__}")
        return ox.NamedNode(f"{ANKLE}{number + copy * ID_STRIDE:07d}")
    if isinstance(term, ox.BlankNode):
        return blanks.setdefault(term.value, ox.BlankNode())
    if naming and isinstance(term, ox.Literal) and term.datatype.value.endswith(("#string", "#langString")):
        suffixed = f"{term.value} (copy {copy})"
        return ox.Literal(suffixed, language=term.language) if term.language else ox.Literal(suffixed)
    return term


def scaled_data_dir(copies: int, into: Path) -> Path:
    """A data folder like data/ whose ontology holds ``copies`` renamed copies of the bundled one."""
    target = into / f"data-x{copies}"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("sparql-examples"))
    if copies == 1:
        return target
    source = ox.Store()
    source.bulk_load(path=str(ROOT / "data" / "ankle_ontology.ttl"), format=ox.RdfFormat.TURTLE)
    triples = [(q.subject, q.predicate, q.object) for q in source]
    out = ox.Store()
    out.bulk_extend(ox.Quad(s, p, o) for s, p, o in triples)
    for copy in range(1, copies):
        blanks: dict[str, ox.BlankNode] = {}
        out.bulk_extend(
            ox.Quad(_rename(s, copy, blanks), p, _rename(o, copy, blanks, bool(_NAMING.search(p.value))))
            for s, p, o in triples
        )
    (target / "ankle_ontology.ttl").unlink()
    with open(target / "ankle_ontology.nt", "wb") as handle:
        out.dump(handle, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return target


def ontology_files(data_dir: Path) -> tuple[str, ...]:
    name = "ankle_ontology.nt" if (data_dir / "ankle_ontology.nt").exists() else "ankle_ontology.ttl"
    return ("schema.ttl", name)


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def timed(fn: Callable[[], object], calls: int) -> tuple[float, float]:
    """Median and p99 in ms of ``calls`` calls after a tenth as many warm-up calls."""
    for _ in range(max(1, calls // 10)):
        fn()
    samples = []
    for _ in range(calls):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.99))]


def measure(copies: int, tmp: Path, calls: int, validate: bool) -> dict[str, Any]:
    data_dir = scaled_data_dir(copies, tmp)
    files = ontology_files(data_dir)
    row: dict[str, Any] = {"copies": copies}
    gc.collect()
    before = rss_mib()
    started = time.perf_counter()
    kg = AnkleKG.load(Settings(data_dir=data_dir, ontology_files=files, validate_on_start=False, cache_dir=None))
    row["load_s"] = time.perf_counter() - started
    row["triples"] = len(kg.store)
    row["rss_graph_mib"] = rss_mib() - before
    row.update(answer_costs(kg, calls))
    row.update(snapshot_start(kg, data_dir, files, tmp / f"cache-x{copies}"))
    if validate:
        settings = Settings(data_dir=data_dir, ontology_files=files, cache_dir=None, reference_csv=None)
        started = time.perf_counter()
        AnkleKG.load(settings)
        row["load_validated_s"] = time.perf_counter() - started
    return row


def snapshot_start(kg: AnkleKG, data_dir: Path, files: tuple[str, ...], cache: Path) -> dict[str, Any]:
    """Store the snapshot of this loaded graph (as `anklekg build` would, unvalidated), then time a start from it."""
    settings = Settings(data_dir=data_dir, ontology_files=files, validate_on_start=False, cache_dir=cache)
    snapshot = Snapshot.of(settings)
    assert snapshot is not None
    started = time.perf_counter()
    snapshot.write(kg.kb, ValidationReport(()), kg.differential_engine.profiles, kg.dataset)
    written = time.perf_counter() - started
    argv = [sys.executable, "-c", _SNAPSHOT_START, str(ROOT), str(data_dir), ",".join(files), str(cache)]
    measured = json.loads(subprocess.run(argv, capture_output=True, text=True, check=True).stdout)
    if not measured["source"].startswith("snapshot"):
        raise RuntimeError(f"the start did not use the snapshot: {measured['source']}")
    serialised = (snapshot.directory / ASSERTED).stat().st_size / 2**20
    workers = worker_memory(snapshot.directory / DATASET)
    return {
        **workers,
        "snapshot_write_s": written, "snapshot_load_s": measured["load_s"], "snapshot_warm_s": measured["warm_s"],
        "snapshot_rss_mib": measured["rss_mib"], "snapshot_rss_warm_mib": measured["rss_warm_mib"],
        "serialised_mib": serialised, "rss_per_serialised": measured["rss_warm_mib"] / serialised,
    }  # fmt: skip


_JOIN = (
    "SELECT ?c (COUNT(?x) AS ?n) WHERE { ?x a ?c . ?c <http://www.w3.org/2000/01/rdf-schema#label> ?l } "
    "GROUP BY ?c ORDER BY DESC(?n)"
)


def worker_memory(dataset: Path) -> dict[str, Any]:
    """RSS of one SPARQL worker (``python -m app.sparql.worker``, as the pool starts it) once ready and after a join
    over the whole graph: holding the dataset in memory (its N-Quads parsed, what a worker does below
    ``sparql_on_disk_bytes``) against opening the snapshot's on-disk store read-only (from it; written here for
    every size so that both are measured)."""
    from app.sparql.dataset import on_disk_copy, write_on_disk_copy
    from app.sparql.worker import FRAME_LENGTH, read_frame

    if not on_disk_copy(dataset).is_dir():
        write_on_disk_copy(dataset, 0)
    out: dict[str, Any] = {}
    for name, source in (("memory", dataset), ("disk", on_disk_copy(dataset))):
        started = time.perf_counter()
        argv = [sys.executable, "-m", "app.sparql.worker", str(source), "0"]
        process = subprocess.Popen(argv, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        assert process.stdin is not None and process.stdout is not None
        try:
            if read_frame(cast(BinaryIO, process.stdout)) is None:
                raise RuntimeError(f"worker over {source} exited")
            out[f"worker_{name}_ready_s"] = time.perf_counter() - started
            out[f"worker_{name}_rss_mib"] = _rss_of(process.pid)
            request = json.dumps({"query": _JOIN, "accept": [["application/sparql-results+json", 1.0]],
                                  "max_rows": 100_000}).encode()  # fmt: skip
            process.stdin.write(FRAME_LENGTH.pack(len(request)) + request)
            process.stdin.flush()
            if read_frame(cast(BinaryIO, process.stdout)) is None:
                raise RuntimeError(f"worker over {source} died on a query")
            out[f"worker_{name}_rss_queried_mib"] = _rss_of(process.pid)
        finally:
            process.kill()
            process.wait()
    return out


def _rss_of(pid: int) -> float:
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        return int(next(line for line in status if line.startswith("VmRSS:")).split()[1]) / 1024


def answer_costs(kg: AnkleKG, calls: int) -> dict[str, Any]:
    row: dict[str, Any] = {}
    started = time.perf_counter()
    kg.differential(positive_tests=["anterior drawer test"])
    row["differential_first_ms"] = (time.perf_counter() - started) * 1000
    cases: dict[str, Callable[[], object]] = {
        "entity ATFL": lambda: kg.entity("ATFL"),
        "search 'talofib'": lambda: kg.search("talofib"),
        "search typo 'talofibullar ligamnt'": lambda: kg.search("talofibullar ligamnt"),
        "paths sural nerve -> ATFL": lambda: kg.paths("sural nerve", "ATFL"),
        "impact ATFL": lambda: kg.impact(["ATFL"]),
        "impact 5 injuries": lambda: kg.impact(FIVE),
        "differential drawer+": lambda: kg.differential(positive_tests=["anterior drawer test"]),
    }
    for name, fn in cases.items():
        row[name] = timed(fn, calls)
    return row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1,10,100", help="copies of the graph, comma-separated")
    parser.add_argument("--calls", type=int, default=200, help="timed calls per answer and size")
    parser.add_argument("--validate-max", type=int, default=10, help="also time a validated load up to this size")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    load_before = os.getloadavg()
    rows = []
    with tempfile.TemporaryDirectory(prefix="anklekg-scale-") as tmp:
        for copies in sizes:
            print(f"... {copies} copies", file=sys.stderr, flush=True)
            rows.append(measure(copies, Path(tmp), args.calls, copies <= args.validate_max))
            gc.collect()
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    first, last = rows[0], rows[-1]
    span = math.log(last["copies"] / first["copies"]) if last["copies"] != first["copies"] else float("nan")

    def exponent(a: float, b: float) -> str:
        return f"{math.log(b / a) / span:.2f}" if a > 0 and b > 0 and span == span else "-"

    head = f"{'measure':40}" + "".join(f"{str(r['copies']) + 'x':>16}" for r in rows) + f"{'exponent':>10}"
    print(head)
    print(f"{'triples':40}" + "".join(f"{r['triples']:>16,}" for r in rows))
    for key, unit in (("load_s", "s"), ("load_validated_s", "s"), ("rss_graph_mib", "MiB"),
                      ("differential_first_ms", "ms"), ("snapshot_write_s", "s"), ("snapshot_load_s", "s"),
                      ("snapshot_warm_s", "s"), ("snapshot_rss_mib", "MiB"), ("snapshot_rss_warm_mib", "MiB"),
                      ("serialised_mib", "MiB"), ("rss_per_serialised", "x"), ("worker_memory_ready_s", "s"),
                      ("worker_disk_ready_s", "s"), ("worker_memory_rss_mib", "MiB"), ("worker_disk_rss_mib", "MiB"),
                      ("worker_memory_rss_queried_mib", "MiB"), ("worker_disk_rss_queried_mib", "MiB")):  # fmt: skip
        cells = "".join(f"{r[key]:>15.2f}{unit[0]}" if key in r else f"{'-':>16}" for r in rows)
        e = exponent(first[key], last[key]) if key in first and key in last else "-"
        print(f"{key + ' (' + unit + ')':40}{cells}{e:>10}")
    for key in [k for k in first if isinstance(first[k], tuple)]:
        cells = "".join(f"{r[key][0]:>8.3f}/{r[key][1]:<7.2f}" for r in rows)
        print(f"{key + ' p50/p99 ms':40}{cells}{exponent(first[key][0], last[key][0]):>10}")
    print(f"\n{args.calls} calls per answer after warm-up; exponent from the medians of the first and last size.")
    # the machine is shared: figures taken under load are slower, and say so
    print("load average (1/5/15 min) at the start {:.2f} {:.2f} {:.2f}, at the end {:.2f} {:.2f} {:.2f}".format(
        *load_before, *os.getloadavg()))  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
