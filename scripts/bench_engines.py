"""The numbers behind choosing pyoxigraph as AnkleKG's SPARQL and parse engine.

What is measured, on the real data (data/schema.ttl + data/ankle_ontology.ttl), in one run:

* parse time: rdflib's Turtle parser into an in-memory rdflib Graph; pyoxigraph ``Store.load`` and
  ``Store.bulk_load`` (what app/ontology/load.py uses); and, if ``oxrdflib`` is importable, an rdflib
  Graph backed by the "Oxigraph" store parsed with oxrdflib's ``ox-turtle`` parser;
* query time: seven representative SPARQL queries (a join chain, an n-ary fact lookup with labels,
  a transitive property path, COUNT/GROUP BY, a regex FILTER, an OPTIONAL-heavy entity description,
  an owl:Axiom reification join) on each engine, after warm-up, as the median of repeated runs with
  every result row materialised.

Each figure is printed beside pyoxigraph's, with the ratio (engine / pyoxigraph); the row counts of
every engine are compared so a fast wrong answer cannot pass for a fast right one.

Usage: ``python scripts/bench_engines.py [--quick] [--json] [--repeat N] [--budget SECONDS]``
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import rdflib

ROOT = Path(__file__).resolve().parents[1]
DATA_FILES = (ROOT / "data" / "schema.ttl", ROOT / "data" / "ankle_ontology.ttl")

PROLOGUE = """\
PREFIX ANKLE: <https://w3id.org/anklekg/ANKLE_>
PREFIX akg: <https://w3id.org/anklekg/schema#>
PREFIX obo: <http://purl.obolibrary.org/obo/>
PREFIX oboInOwl: <http://www.geneontology.org/formats/oboInOwl#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

#: name -> (what it exercises, query body)
QUERIES: dict[str, tuple[str, str]] = {
    "join_innervation": (
        "3-pattern join muscle -> innervatedBy -> nerve -> branchOf, with labels",
        """SELECT ?muscle ?ml ?nerve ?nl ?parent ?pl WHERE {
  ?muscle a akg:Muscle ; akg:innervatedBy ?nerve .
  ?nerve akg:branchOf ?parent .
  ?muscle rdfs:label ?ml . ?nerve rdfs:label ?nl . ?parent rdfs:label ?pl .
}""",
    ),
    "restraints_of_atfl": (
        "n-ary restraints of one ligament (ATFL) with joint/motion/position/role labels",
        """SELECT ?r ?jl ?ml ?pl ?role WHERE {
  ?r a akg:Restraint ; akg:restrainingStructure ANKLE:0000016 ;
     akg:joint ?j ; akg:motion ?m ; akg:position ?p ; akg:restraintRole ?role .
  ?j rdfs:label ?jl . ?m rdfs:label ?ml . ?p rdfs:label ?pl .
} ORDER BY ?ml ?pl""",
    ),
    "part_of_closure": (
        "property path akg:partOf+ over all structures (transitive closure)",
        """SELECT ?part ?whole WHERE { ?part akg:partOf+ ?whole }""",
    ),
    "count_by_type": (
        "COUNT ... GROUP BY over rdf:type, ordered",
        """SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n) ?type""",
    ),
    "regex_labels": (
        "FILTER regex (case-insensitive) over every rdfs:label",
        """SELECT ?s ?label WHERE { ?s rdfs:label ?label FILTER regex(str(?label), "talo|fibul", "i") }""",
    ),
    "describe_optional": (
        "entity description: 8 OPTIONALs around one entity (ATFL)",
        """SELECT ?label ?def ?defsrc ?latin ?abbr ?syn ?xref ?type ?comment WHERE {
  BIND(ANKLE:0000016 AS ?e)
  OPTIONAL { ?e rdfs:label ?label }
  OPTIONAL { ?e obo:IAO_0000115 ?def }
  OPTIONAL { ?e akg:definitionSource ?defsrc }
  OPTIONAL { ?e akg:latinName ?latin }
  OPTIONAL { ?e akg:abbreviation ?abbr }
  OPTIONAL { ?e oboInOwl:hasExactSynonym ?syn }
  OPTIONAL { ?e oboInOwl:hasDbXref ?xref }
  OPTIONAL { ?e a ?type . ?type rdfs:label ?comment }
}""",
    ),
    "axiom_sources": (
        "owl:Axiom reification join: every sourced partOf triple with its source label",
        """SELECT ?s ?o ?srcl WHERE {
  ?s akg:partOf ?o .
  ?ax owl:annotatedSource ?s ; owl:annotatedProperty akg:partOf ; owl:annotatedTarget ?o ;
      dcterms:source ?src .
  ?src rdfs:label ?srcl .
}""",
    ),
}


# ---------------------------------------------------------------------------------------------------
# Engines: each gives a loader (returns a queryable object) and a runner (query -> materialised rows)
# ---------------------------------------------------------------------------------------------------
def load_rdflib() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in DATA_FILES:
        graph.parse(path, format="turtle")
    return graph


def load_oxigraph(bulk: bool = False) -> ox.Store:
    store = ox.Store()
    for path in DATA_FILES:
        loader = store.bulk_load if bulk else store.load
        loader(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.as_uri())
    return store


def load_oxrdflib() -> rdflib.Graph:
    graph = rdflib.Graph(store="Oxigraph")
    for path in DATA_FILES:
        graph.parse(path, format="ox-turtle")
    return graph


def run_rdflib(graph: rdflib.Graph, query: str) -> int:
    return sum(1 for row in graph.query(query) for _ in row)  # type: ignore[union-attr, misc]


def run_oxigraph(store: ox.Store, query: str) -> int:
    result = store.query(query)
    assert isinstance(result, ox.QuerySolutions)
    return sum(1 for solution in result for _ in solution)


def oxrdflib_available() -> str | None:
    """None when oxrdflib works here, else why it does not."""
    try:
        import oxrdflib  # noqa: F401
    except ImportError as exc:
        return f"oxrdflib is not installed ({exc}); `pip install oxrdflib` to add the column"
    try:
        graph = load_oxrdflib()
        run_rdflib(graph, PROLOGUE + QUERIES["count_by_type"][1])
    except Exception as exc:  # any failure means: skip the column, say why
        return f"oxrdflib failed with rdflib {rdflib.__version__}: {type(exc).__name__}: {exc}"
    return None


# ---------------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------------
@dataclass
class Timing:
    median_ms: float
    min_ms: float
    runs: int
    rows: int | None = None


def time_call(fn: Callable[[], Any], *, warmup: int, repeat: int, budget_s: float) -> tuple[Timing, Any]:
    """Median of up to ``repeat`` timed calls after ``warmup`` untimed ones; at least 3 runs, stops
    early once ``budget_s`` seconds of timed calls have been spent (slow engines get fewer runs)."""
    result: Any = None
    for _ in range(warmup):
        result = fn()
    samples: list[float] = []
    spent = 0.0
    gc.collect()
    while len(samples) < repeat and (len(samples) < 3 or spent < budget_s):
        started = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - started
        samples.append(elapsed * 1000)
        spent += elapsed
    return Timing(statistics.median(samples), min(samples), len(samples)), result


@dataclass
class Report:
    triples: int
    rdflib_version: str
    pyoxigraph_version: str
    oxrdflib: str  # "ok" or why the column is missing
    parse: dict[str, Timing] = field(default_factory=dict)
    queries: dict[str, dict[str, Timing]] = field(default_factory=dict)
    row_mismatches: list[str] = field(default_factory=list)


def run(repeat: int, budget_s: float, warmup: int) -> Report:
    skip_reason = oxrdflib_available()
    store = load_oxigraph()
    report = Report(
        triples=len(store),
        rdflib_version=rdflib.__version__,
        pyoxigraph_version=ox.__version__,
        oxrdflib="ok" if skip_reason is None else skip_reason,
    )

    # parse: what it costs to get each engine ready to answer
    parse_cases: dict[str, Callable[[], Any]] = {
        "pyoxigraph Store.load": load_oxigraph,
        "pyoxigraph Store.bulk_load": lambda: load_oxigraph(bulk=True),
        "rdflib Graph.parse (turtle)": load_rdflib,
    }
    if skip_reason is None:
        parse_cases["oxrdflib Graph.parse (ox-turtle)"] = load_oxrdflib
    for name, loader in parse_cases.items():
        report.parse[name], _ = time_call(loader, warmup=1, repeat=max(3, repeat // 4), budget_s=budget_s)

    engines: dict[str, Callable[[str], int]] = {}
    rdflib_graph = load_rdflib()
    engines["pyoxigraph"] = lambda q: run_oxigraph(store, q)
    engines["rdflib"] = lambda q: run_rdflib(rdflib_graph, q)
    if skip_reason is None:
        oxrdflib_graph = load_oxrdflib()
        engines["oxrdflib"] = lambda q: run_rdflib(oxrdflib_graph, q)

    for name, (_, body) in QUERIES.items():
        query = PROLOGUE + body
        per_engine: dict[str, Timing] = {}
        for engine, runner in engines.items():
            timing, cells = time_call(partial(runner, query), warmup=warmup, repeat=repeat, budget_s=budget_s)
            timing.rows = cells
            per_engine[engine] = timing
        report.queries[name] = per_engine
        counts = {engine: t.rows for engine, t in per_engine.items()}
        if len(set(counts.values())) != 1:
            report.row_mismatches.append(f"{name}: result cells differ between engines {counts}")
    return report


# ---------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------
def _ratio(value: float, base: float) -> str:
    return f"{value / base:,.1f}x" if base > 0 else "n/a"


def render(report: Report) -> str:
    lines = [
        f"AnkleKG engine benchmark: {report.triples} triples from {', '.join(p.name for p in DATA_FILES)}",
        f"rdflib {report.rdflib_version}, pyoxigraph {report.pyoxigraph_version}, oxrdflib: {report.oxrdflib}",
        "",
        "Parse (median ms; ratio to pyoxigraph Store.load)",
        f"  {'loader':36} {'median ms':>10} {'min ms':>9} {'runs':>5} {'ratio':>9}",
    ]
    base = report.parse["pyoxigraph Store.load"].median_ms
    for name, t in report.parse.items():
        lines.append(f"  {name:36} {t.median_ms:10.2f} {t.min_ms:9.2f} {t.runs:5d} {_ratio(t.median_ms, base):>9}")
    engines = list(next(iter(report.queries.values())))
    lines += ["", "Queries (median ms per engine; ratio = engine / pyoxigraph; cells = result values returned)"]
    header = f"  {'query':20} {'cells':>6}" + "".join(f" {e + ' ms':>14}" for e in engines)
    header += "".join(f" {e + ' ratio':>16}" for e in engines if e != "pyoxigraph")
    lines.append(header)
    for name, per_engine in report.queries.items():
        base = per_engine["pyoxigraph"].median_ms
        row = f"  {name:20} {per_engine['pyoxigraph'].rows or 0:6d}"
        row += "".join(f" {per_engine[e].median_ms:14.3f}" for e in engines)
        row += "".join(f" {_ratio(per_engine[e].median_ms, base):>16}" for e in engines if e != "pyoxigraph")
        lines.append(row)
    totals = {e: sum(q[e].median_ms for q in report.queries.values()) for e in engines}
    row = f"  {'(sum of medians)':20} {'':6}" + "".join(f" {totals[e]:14.3f}" for e in engines)
    row += "".join(f" {_ratio(totals[e], totals['pyoxigraph']):>16}" for e in engines if e != "pyoxigraph")
    lines.append(row)
    lines += ["", "Queries:"] + [f"  {name:20} {what}" for name, (what, _) in QUERIES.items()]
    if report.row_mismatches:
        lines += ["", "WARNING: engines disagree on results:"] + [f"  {m}" for m in report.row_mismatches]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats (about 10 s)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--repeat", type=int, help="timed runs per cell (default 50, --quick 10)")
    parser.add_argument("--budget", type=float, help="seconds of timed runs per cell (default 3, --quick 0.5)")
    args = parser.parse_args(argv)
    repeat = args.repeat or (10 if args.quick else 50)
    budget = args.budget or (0.5 if args.quick else 3.0)
    report = run(repeat=repeat, budget_s=budget, warmup=1 if args.quick else 3)
    if args.json:
        print(json.dumps(asdict(report), indent=2))
    else:
        print(render(report))
    return 1 if report.row_mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
