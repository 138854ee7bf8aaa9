"""Benchmark our /sparql against rdflib-endpoint (FastAPI + rdflib) and Oxigraph's own server.

All three serve the same asserted AnkleKG triples in their default graph, on loopback, in the same
run. For each of about ten fixed queries the script checks that the three agree on the number of
results, then measures sequential latency (p50) and throughput with concurrent keep-alive clients
(scripts/loadgen.py, a light asyncio client: a threaded httpx client saturated at ~800 req/s and
made every server look alike), and prints the ratios: warm (the same text repeated: our GETs are then answered
from the answer cache) and, for us and Oxigraph, cold (every request a text never sent before: the query with a
numbered comment, so each is parsed, planned and evaluated). A benchmark, not a test: numbers depend on the
machine, and the client still shares the CPUs with the server under test.

    python scripts/bench_sparql.py                 # defaults: 1.5 s per throughput run, 8 clients
    python scripts/bench_sparql.py --seconds 3 --clients 16
    python scripts/bench_sparql.py --external      # in process vs through AnkleKG to Oxigraph vs Oxigraph direct

``--external`` measures ``anklekg serve --sparql-endpoint``: the same Oxigraph server answered directly,
and through AnkleKG (checks, deadline, caps, fairness, re-serialisation), beside our in-process workers.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loadgen import load  # noqa: E402

from app.ontology.load import load_store  # noqa: E402
from app.settings import Settings  # noqa: E402
from app.vocab import ANKLE_BASE, sparql_prologue  # noqa: E402

P = sparql_prologue("akg", "rdfs", "owl", "dcterms")


@dataclass(frozen=True)
class BenchQuery:
    name: str
    join: bool
    text: str


QUERIES = (
    BenchQuery("ask", False, "ASK { ?s ?p ?o }"),
    BenchQuery("lookup-abbreviation", False, P + 'SELECT ?x ?l WHERE { ?x akg:abbreviation "ATFL" ; rdfs:label ?l }'),
    BenchQuery("label-prefix", False, P + 'SELECT ?x ?l WHERE { ?x rdfs:label ?l FILTER(STRSTARTS(?l, "lateral")) }'),
    BenchQuery("ligaments", True, P + "SELECT ?x ?l WHERE { ?x a akg:Ligament ; rdfs:label ?l } ORDER BY ?l"),
    BenchQuery(
        "evertors-nerves",
        True,
        P
        + """SELECT DISTINCT ?ml ?nl ?roots WHERE {
  ?ev rdfs:label "eversion" . ?a a akg:MuscleAction ; akg:motion ?ev ; akg:actingMuscle ?m .
  ?m rdfs:label ?ml . OPTIONAL { ?m akg:innervatedBy ?n . ?n rdfs:label ?nl .
  OPTIONAL { ?ax owl:annotatedSource ?m ; owl:annotatedProperty akg:innervatedBy ; owl:annotatedTarget ?n ;
             akg:spinalRootLevels ?roots } } }""",
    ),
    BenchQuery(
        "restraints-5way",
        True,
        P
        + """SELECT ?sl ?jl ?ml ?pl ?rl WHERE {
  ?r a akg:Restraint ; akg:restrainingStructure ?s ; akg:joint ?j ; akg:motion ?m ; akg:position ?p ;
     akg:restraintRole ?role . ?s rdfs:label ?sl . ?j rdfs:label ?jl . ?m rdfs:label ?ml . ?p rdfs:label ?pl .
  ?role rdfs:label ?rl }""",
    ),
    BenchQuery(
        "two-hops-sural",
        True,
        P
        + """SELECT DISTINCT ?t WHERE { ?s rdfs:label "sural nerve" .
  { ?s ?p ?m } UNION { ?m ?p ?s } ?p a owl:ObjectProperty .
  { ?m ?q ?t } UNION { ?t ?q ?m } ?q a owl:ObjectProperty . }""",
    ),
    BenchQuery(
        "sources-per-fact",
        True,
        P
        + """SELECT ?s ?p ?o (COUNT(?src) AS ?n) WHERE {
  ?ax owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ; dcterms:source ?src }
  GROUP BY ?s ?p ?o""",
    ),
    BenchQuery(
        "class-counts",
        True,
        P + "SELECT ?c (COUNT(?x) AS ?n) WHERE { ?x a ?c . ?c rdfs:label ?l } GROUP BY ?c ORDER BY DESC(?n)",
    ),
    BenchQuery(
        "conditions-symptoms",
        True,
        P
        + """SELECT ?cl (COUNT(DISTINCT ?sy) AS ?n) WHERE {
  ?c akg:hasSymptom ?sy ; rdfs:label ?cl . ?c akg:affects ?st . ?st a ?k } GROUP BY ?cl""",
    ),
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(url: str, process: subprocess.Popen[bytes], timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: server exited with {process.returncode}")
        try:
            httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=2, headers={"accept": "application/json"})
            return
        except httpx.TransportError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not start")


RDFLIB_APP = """
import sys, rdflib, uvicorn
from rdflib_endpoint import SparqlEndpoint
graph = rdflib.Graph()
graph.parse(sys.argv[1], format="nt")
uvicorn.run(SparqlEndpoint(graph=graph, path="/sparql"), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning")
"""


SCALED_GRAPH = "https://w3id.org/anklekg/bench/scaled"


def scaled(store: ox.Store, copies: int) -> ox.Store:
    """The asserted triples ``copies`` times, each copy with its own AnkleKG IRIs, blank nodes and
    strings (ANKLE_0000016 -> ANKLE_0000016_2, "sural nerve" -> "sural nerve (2)"; schema terms and
    numbers shared): a bigger graph of the same shape, where a query anchored on a name still finds
    one entity and a query over a class finds ``copies`` times as many, as on a larger ontology."""
    quads = list(store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    out = ox.Store()
    for k in range(copies):
        out.extend(ox.Quad(_renamed(q.subject, k), q.predicate, _renamed(q.object, k)) for q in quads)  # type: ignore[arg-type]
    return out


_STRING_TYPES = {"http://www.w3.org/2001/XMLSchema#string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}


def _renamed(term: object, copy: int) -> object:
    if isinstance(term, ox.BlankNode):
        return ox.BlankNode(f"{term.value}x{copy}")
    if not copy:
        return term
    if isinstance(term, ox.NamedNode) and term.value.startswith(ANKLE_BASE):
        return ox.NamedNode(f"{term.value}_{copy}")
    if isinstance(term, ox.Literal) and term.datatype.value in _STRING_TYPES:  # labels stay unique per copy
        return (
            ox.Literal(f"{term.value} ({copy})", language=term.language)
            if term.language
            else (ox.Literal(f"{term.value} ({copy})"))
        )
    return term


def start_servers(
    store: ox.Store, work: Path, workers: int, scale: int, clients: int, external: bool = False
) -> dict[str, tuple[str, subprocess.Popen[bytes]]]:
    """Our service, rdflib-endpoint and `oxigraph serve-read-only`, each on a free loopback port.
    With ``scale`` > 1 all three serve the scaled triples (ours as a named graph chosen as the default
    graph with the protocol's default-graph-uri, so the query texts stay identical). With ``external``,
    our service forwarding to that Oxigraph server instead of rdflib-endpoint."""
    data = work / "anklekg.nt"
    store.dump(output=str(data), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    servers: dict[str, tuple[str, subprocess.Popen[bytes]]] = {}
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    # every load client comes from 127.0.0.1: lift the per-client limit, or most would get 429
    env = {**os.environ, "ANKLEKG_SPARQL_CLIENT_LIMIT": str(clients), "ANKLEKG_SPARQL_CLIENT_QUEUE": str(clients)}

    def serve(*options: str) -> tuple[int, subprocess.Popen[bytes]]:
        port = free_port()
        command = [sys.executable, "-m", "app", "serve", "--no-validate", "--port", str(port), "--log-level",
                   "warning", "--sparql-workers", str(workers), *options]  # fmt: skip
        return port, subprocess.Popen(command, cwd=ROOT, env=env, **quiet)  # type: ignore[call-overload]

    port, process = serve(*(["--dataset", f"{data}={SCALED_GRAPH}"] if scale > 1 else []))
    endpoint = f"http://127.0.0.1:{port}/sparql"
    if scale > 1:
        endpoint += "?" + urllib.parse.urlencode({"default-graph-uri": SCALED_GRAPH})
    servers["anklekg"] = (endpoint, process)

    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    location = work / "oxigraph"
    subprocess.run([oxigraph, "load", "--location", str(location), "--file", str(data)], check=True, **quiet)  # type: ignore[call-overload]
    port = free_port()
    command = [oxigraph, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    servers["oxigraph"] = (f"http://127.0.0.1:{port}/query", subprocess.Popen(command, **quiet))  # type: ignore[call-overload]

    if external:  # Oxigraph holds the (scaled) triples in its default graph: no default-graph-uri here
        port, process = serve("--sparql-endpoint", servers["oxigraph"][0])
        servers["anklekg-external"] = (f"http://127.0.0.1:{port}/sparql", process)
    else:
        port = free_port()
        command = [sys.executable, "-c", RDFLIB_APP, str(data), str(port)]
        servers["rdflib-endpoint"] = (f"http://127.0.0.1:{port}/sparql", subprocess.Popen(command, **quiet))  # type: ignore[call-overload]
    for url, process in servers.values():
        wait_for(url, process)
    return servers


def with_query(url: str, query: str) -> str:
    """The endpoint URL (which may carry protocol parameters already) with ``query`` added."""
    parts = urllib.parse.urlsplit(url)
    params = [*urllib.parse.parse_qsl(parts.query), ("query", query)]
    return f"{parts.path}?{urllib.parse.urlencode(params)}"


def answer_of(client: httpx.Client, url: str, query: str) -> bytes:
    """The body a server answers ``query`` with, as SPARQL JSON results."""
    parts = urllib.parse.urlsplit(url)
    response = client.get(f"{parts.scheme}://{parts.netloc}{with_query(url, query)}",
                          headers={"accept": "application/sparql-results+json"})  # fmt: skip
    response.raise_for_status()
    return response.content


def same_answer(ours: bytes, theirs: bytes) -> str:
    """"yes" for the same bytes, "same rows" for the same solutions in another order, else "no"."""
    if ours == theirs:
        return "yes"
    a, b = json.loads(ours), json.loads(theirs)
    if "boolean" in a or "boolean" in b:
        return "no"
    rows = [sorted(json.dumps(row, sort_keys=True) for row in x["results"]["bindings"]) for x in (a, b)]
    return "same rows" if rows[0] == rows[1] and a["head"]["vars"] == b["head"]["vars"] else "no"


def result_count(body: bytes) -> int:
    answer = json.loads(body)
    return 1 if "boolean" in answer else len(answer["results"]["bindings"])


@dataclass
class Measure:
    median_ms: float
    p99_ms: float
    rps: float
    estimated: bool = False


def measure(url: str, query: str, seconds: float, clients: int, samples: int, distinct: bool = False) -> Measure:
    """Sequential latency (one connection) and throughput (``clients`` keep-alive connections). ``distinct``: every
    request a query text no request sent before (the query and a numbered comment), so no answer cache helps: the
    cost of a query seen for the first time ("cold"); else the same text repeated ("warm": our answer cache)."""
    path: str | Callable[[int], str] = with_query(url, query)
    if distinct:
        path = lambda n: with_query(url, f"{query}\n# request {n}")  # noqa: E731
    accept = "application/sparql-results+json"
    port = urllib.parse.urlsplit(url).port or 80
    sequential = load(port, path, 1, seconds, samples, warmup_s=0.2, accept=accept)
    if sequential.errors:
        raise RuntimeError(f"{url}: {sequential.errors} non-200 answers")
    if sequential.p50_ms > seconds * 1000 / 4:
        # Too slow for a concurrent run within the time box: one request at a time is what such a
        # server sustains anyway (rdflib-endpoint evaluates under the GIL), so estimate from latency.
        return Measure(sequential.p50_ms, sequential.p99_ms, 1000 / sequential.p50_ms, estimated=True)
    concurrent = load(port, path, clients, seconds, 10**9, warmup_s=0.3, accept=accept)
    if concurrent.errors:
        raise RuntimeError(f"{url}: {concurrent.errors} non-200 answers")
    return Measure(sequential.p50_ms, sequential.p99_ms, concurrent.rps)


def engine_ms(store: ox.Store, query: str, repeats: int = 50) -> float:
    """Median in-process time of pyoxigraph alone: evaluate and walk every solution, nothing else
    (no HTTP, no checks, no serialisation). cpus / this is a ceiling no server on this engine passes."""
    timings = []
    for _ in range(repeats + 5):
        started = time.perf_counter()
        result = store.query(query)
        if isinstance(result, ox.QuerySolutions | ox.QueryTriples):
            for _ in result:
                pass
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings[5:])


def compare_external(
    servers: dict[str, tuple[str, subprocess.Popen[bytes]]], chosen: list[BenchQuery], args: argparse.Namespace
) -> None:
    """In process vs through AnkleKG to Oxigraph vs Oxigraph direct: what forwarding costs, per query."""
    print(
        f"{len(chosen)} queries; latency = p50 of up to {args.samples} sequential GETs; throughput = "
        f"{args.clients} concurrent clients for {args.seconds:g} s; cpus = {os.cpu_count()}; "
        f"{args.workers} AnkleKG workers (in process) or connections to the store (external)"
    )
    print("| query | join | in-process ms | external ms | oxigraph ms | in-process req/s | external req/s "
          "| oxigraph req/s | external vs oxigraph | external vs in-process | in-process vs oxigraph |")  # fmt: skip
    print("|" + "---|" * 11)
    joins: dict[str, list[float]] = {"ext-ox": [], "ext-in": [], "in-ox": []}
    for q in chosen:
        m = {n: measure(servers[n][0], q.text, args.seconds, args.clients, args.samples)
             for n in ("anklekg", "anklekg-external", "oxigraph")}  # fmt: skip
        ours, external, oxigraph = m["anklekg"], m["anklekg-external"], m["oxigraph"]
        ratios = {"ext-ox": external.rps / oxigraph.rps, "ext-in": external.rps / ours.rps,
                  "in-ox": ours.rps / oxigraph.rps}  # fmt: skip
        if q.join:
            for key, value in ratios.items():
                joins[key].append(value)
        print(
            f"| {q.name} | {'yes' if q.join else 'no'} | {ours.median_ms:.2f} | {external.median_ms:.2f} | "
            f"{oxigraph.median_ms:.2f} | {ours.rps:.0f} | {external.rps:.0f} | {oxigraph.rps:.0f} | "
            f"{ratios['ext-ox']:.2f}x | {ratios['ext-in']:.2f}x | {ratios['in-ox']:.2f}x |",
            flush=True,
        )
    if joins["ext-ox"]:
        mean = {key: statistics.geometric_mean(values) for key, values in joins.items()}
        print(
            f"join queries, geometric mean of throughput ratios: external (through AnkleKG) {mean['ext-ox']:.2f}x "
            f"Oxigraph direct and {mean['ext-in']:.2f}x in-process; in-process {mean['in-ox']:.2f}x Oxigraph direct"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=1.5, help="duration of each throughput run")
    parser.add_argument("--clients", type=int, default=8, help="concurrent clients in throughput runs")
    parser.add_argument("--samples", type=int, default=200, help="sequential requests for latency")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="our SPARQL worker processes")
    parser.add_argument("--only", default="", help="comma-separated query names to run (default: all)")
    parser.add_argument("--scale", type=int, default=1, help="serve N renamed copies of the asserted triples")
    parser.add_argument("--external", action="store_true", help="compare in-process, through AnkleKG to Oxigraph "
                        "(--sparql-endpoint) and Oxigraph direct")  # fmt: skip
    args = parser.parse_args()
    chosen = [q for q in QUERIES if not args.only or q.name in args.only.split(",")]
    names = ("anklekg", "anklekg-external", "oxigraph") if args.external else ("anklekg", "oxigraph", "rdflib-endpoint")
    with tempfile.TemporaryDirectory(prefix="anklekg-bench-") as tmp:
        store = load_store(Settings().ontology_paths)
        if args.scale > 1:
            store = scaled(store, args.scale)
        servers = start_servers(store, Path(tmp), args.workers, args.scale, args.clients, args.external)
        try:
            same_bytes: dict[str, str] = {}
            with httpx.Client(timeout=900) as client:
                for q in chosen:
                    bodies = {n: answer_of(client, servers[n][0], q.text) for n in names}
                    counts = {n: result_count(body) for n, body in bodies.items()}
                    if len(set(counts.values())) != 1:
                        print(f"warning: {q.name}: the servers disagree on the result count: {counts}")
                    # a fair race: ours and Oxigraph's server send the same answer (without ORDER BY, the two stores
                    # may list the same solutions in another order)
                    same_bytes[q.name] = same_answer(bodies["anklekg"], bodies["oxigraph"])
            if args.external:
                compare_external(servers, chosen, args)
                return 0
            print(
                f"{len(chosen)} queries; latency = p50 of up to {args.samples} sequential GETs; throughput = "
                f"{args.clients} concurrent clients for {args.seconds:g} s; cpus = {os.cpu_count()}; "
                f"{len(store)} triples ({args.scale} cop{'y' if args.scale == 1 else 'ies'}); "
                "~ = estimated from sequential latency (too slow for a concurrent run); warm = the same text repeated: "
                "ours answered from its answer cache (finished answers kept by query and release), Oxigraph's server "
                "evaluating each time; cold = every request a text never sent before: both evaluate every request"
            )
            header = (
                "| query | join | anklekg ms | oxigraph ms | rdflib-endpoint ms | anklekg req/s "
                "| oxigraph req/s | rdflib-endpoint req/s | vs oxigraph | vs rdflib-endpoint "
                "| oxigraph vs rdflib-endpoint | engine-only ms | engine ceiling vs rdflib-endpoint "
                "| cold: anklekg ms | cold: oxigraph ms | cold: anklekg req/s | cold: oxigraph req/s "
                "| cold: vs oxigraph | same bytes as oxigraph |"
            )
            print(header)
            print("|" + "---|" * 19)
            cpus = os.cpu_count() or 1
            joins: dict[str, list[float]] = {"ox": [], "rdflib": [], "ox-rdflib": [], "ceiling": [], "cold": []}
            for q in chosen:
                m = {n: measure(servers[n][0], q.text, args.seconds, args.clients, args.samples) for n in names}
                # interleaved with the warm runs: the same query, every request a text no cache has seen
                cold = {n: measure(servers[n][0], q.text, args.seconds, args.clients, args.samples, distinct=True)
                        for n in ("anklekg", "oxigraph")}  # fmt: skip
                engine = engine_ms(store, q.text)
                ratios = {
                    "cold": cold["anklekg"].rps / cold["oxigraph"].rps,
                    "ox": m["anklekg"].rps / m["oxigraph"].rps,
                    "rdflib": m["anklekg"].rps / m["rdflib-endpoint"].rps,
                    "ox-rdflib": m["oxigraph"].rps / m["rdflib-endpoint"].rps,
                    "ceiling": cpus * 1000 / engine / m["rdflib-endpoint"].rps,
                }
                if q.join:
                    for key, value in ratios.items():
                        joins[key].append(value)
                print(
                    f"| {q.name} | {'yes' if q.join else 'no'} | {m['anklekg'].median_ms:.2f} | "
                    f"{m['oxigraph'].median_ms:.2f} | {m['rdflib-endpoint'].median_ms:.2f} | "
                    f"{m['anklekg'].rps:.0f} | {m['oxigraph'].rps:.0f} | "
                    f"{'~' if m['rdflib-endpoint'].estimated else ''}{m['rdflib-endpoint'].rps:.2f} | "
                    f"{ratios['ox']:.2f}x | {ratios['rdflib']:.1f}x | {ratios['ox-rdflib']:.1f}x | "
                    f"{engine:.3f} | {ratios['ceiling']:.0f}x | {cold['anklekg'].median_ms:.2f} | "
                    f"{cold['oxigraph'].median_ms:.2f} | {cold['anklekg'].rps:.0f} | {cold['oxigraph'].rps:.0f} | "
                    f"{ratios['cold']:.2f}x | {same_bytes[q.name]} |",
                    flush=True,
                )
            if joins["ox"]:
                mean = {key: statistics.geometric_mean(values) for key, values in joins.items()}
                print(
                    f"join queries, geometric mean of throughput ratios: warm (repeated; ours from the answer cache) "
                    f"{mean['ox']:.2f}x Oxigraph server, cold (distinct; both evaluate) {mean['cold']:.2f}x (target "
                    f">= 1.0x at 1 copy, issue 12); "
                    f"{mean['rdflib']:.1f}x rdflib-endpoint; Oxigraph server "
                    f"itself: {mean['ox-rdflib']:.1f}x rdflib-endpoint; engine ceiling ({cpus} cpus doing nothing "
                    f"but pyoxigraph evaluation, no HTTP, no serialisation, no client): {mean['ceiling']:.0f}x"
                )
        finally:
            for _, process in servers.values():
                process.terminate()
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    process.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
