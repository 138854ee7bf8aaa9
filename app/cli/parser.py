"""The command line's options: one sub-parser per command, each calling its ``cmd_*`` function."""

from __future__ import annotations

import argparse

from ..version import __version__
from .common import EXIT_STATUSES, FORMATS_FOR_CLI
from .data import cmd_export, cmd_sparql
from .questions import cmd_differential, cmd_entity, cmd_impact, cmd_paths, cmd_search
from .service import cmd_build, cmd_serve, cmd_validate


def _dataset_option(value: str) -> str:
    """Check FILE=GRAPH_IRI when parsing, so a typo fails before the graph is loaded."""
    from ..sparql.dataset import parse_dataset_option

    try:
        parse_dataset_option(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).removeprefix(f"--dataset {value!r}: ")) from exc
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="anklekg",
        description="AnkleKG: a sourced knowledge graph of the ankle.",
        epilog=EXIT_STATUSES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"anklekg {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    def data_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--data-dir", help="folder with schema.ttl, ankle_ontology.ttl, qc/ and rules/")

    serve = sub.add_parser("serve", help="start the REST API on the bundled ontology")
    data_options(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1; 0.0.0.0: all)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000; 0: any free one)")
    serve.add_argument(
        "--allowed-host",
        action="append",
        metavar="NAME",
        help="a host name requests may carry in Host (repeatable; '*' for any). Default: the bind address and "
        "localhost, or any host when binding 0.0.0.0",
    )
    serve.add_argument("--no-validate", action="store_true", help="skip QC and SHACL at start-up")
    serve.add_argument("--no-shacl", action="store_true", help="run the QC queries but not SHACL at start-up")
    serve.add_argument("--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"],
                       help="how much the server logs (default: info)")  # fmt: skip
    serve.add_argument(
        "--dataset",
        action="append",
        metavar="FILE=GRAPH_IRI",
        type=_dataset_option,
        help="also serve this RDF file over SPARQL as the named graph GRAPH_IRI; repeatable",
    )
    serve.add_argument("--sparql-timeout", type=float, metavar="SECONDS", help="deadline per SPARQL query (10)")
    serve.add_argument("--sparql-workers", type=int, metavar="N", help="SPARQL queries run at once: worker processes, "
                       "or connections to --sparql-endpoint (CPU count, max 4)")
    serve.add_argument("--sparql-max-rows", type=int, metavar="N", help="result-row cap, reported when hit (10000)")
    serve.add_argument("--sparql-endpoint", metavar="URL", help="answer /sparql from this external SPARQL 1.1 "
                       "query endpoint (no SPARQL workers are started); our limits still apply in front of it")
    serve.add_argument("--sparql-endpoint-results", choices=["tsv", "xml"], help="how that store sends SELECT "
                       "rows: tsv (default), or xml for a store whose TSV is not SPARQL 1.1's (Virtuoso 7)")
    serve.set_defaults(func=cmd_serve)

    check = sub.add_parser(
        "validate", help="run the QC checks and SHACL shapes; exit 2 on a data file that does not parse, 3 on any ERROR"
    )
    data_options(check)
    check.add_argument("--no-shacl", action="store_true", help="run the QC queries but not the SHACL shapes")
    check.add_argument("--json", action="store_true", help="print the report as JSON")
    check.set_defaults(func=cmd_validate)

    build = sub.add_parser(
        "build",
        help="validate the data in full and store the report, so that starts on unchanged data skip validation",
    )
    data_options(build)
    build.add_argument("--no-shacl", action="store_true", help="store a report made without SHACL")
    build.add_argument("--cache-dir", help="where to store it (default: ANKLEKG_CACHE_DIR or ~/.cache/anklekg)")
    build.add_argument("--no-impact-answers", action="store_true",
                       help="do not store the single-injury impact answers (the service then computes them on a miss; "
                            "the build is ~10 s faster and the snapshot ~30 MB smaller)")  # fmt: skip
    build.set_defaults(func=cmd_build)

    impact = sub.add_parser("impact", help="what destabilises if these structures are injured")
    data_options(impact)
    impact.add_argument("structures", nargs="+", help="names, abbreviations or CURIEs (ATFL CFL)")
    impact.add_argument("--grade", type=int, choices=[1, 2, 3], default=None, help="injury grade of every "
                        "structure named: 1 stretched, 2 partial, 3 complete (default: a structure complete; a "
                        "condition at every grade its name covers, keeping what all conclude)")  # fmt: skip
    impact.add_argument("--position", help="plantarflexion, neutral or dorsiflexion")
    impact.add_argument("--json", action="store_true", help="print the report as JSON (as GET /v1/impact does)")
    impact.set_defaults(func=cmd_impact)

    diff = sub.add_parser("differential", help="which injured structure best explains these findings")
    data_options(diff)
    diff.add_argument("--positive", action="append", metavar="TEST", help="a positive clinical test or decision rule, e.g. 'Ottawa ankle rules' (repeatable)")
    diff.add_argument("--negative", action="append", metavar="TEST", help="a negative clinical test or decision rule (repeatable)")
    diff.add_argument("--symptom", action="append", help="a symptom (repeatable)")
    diff.add_argument("--numb", action="append", metavar="AREA", help="a numb skin area (repeatable)")
    diff.add_argument("--weak", action="append", metavar="MOTION", help="a weak motion (repeatable)")
    diff.add_argument("--unstable", action="append", metavar="MOTION", help="an unstable motion (repeatable)")
    diff.add_argument("--strong", action="append", metavar="MOTION",
                      help="a motion of normal strength: counts against candidates that predict it weak (repeatable)")
    diff.add_argument("--normal-sensation", action="append", metavar="AREA",
                      help="a skin area of normal sensation: counts against candidates that predict it numb "
                      "(repeatable)")
    diff.add_argument("--tender", action="append", metavar="STRUCTURE",
                      help="a structure tender on palpation, e.g. 'anterior talofibular ligament' (repeatable)")
    diff.add_argument("--mechanism", help="'MOTION in POSITION', e.g. 'inversion in plantarflexion'")
    diff.add_argument("--limit", type=int, default=5, help="most candidates shown (default: 5)")
    diff.add_argument("--json", action="store_true", help="print the report as JSON (as POST /v1/differential does)")
    diff.set_defaults(func=cmd_differential)

    search = sub.add_parser("search", help="find entities by any name, typos tolerated (as GET /v1/search)")
    data_options(search)
    search.add_argument("query", help="a name, abbreviation, synonym, Latin name or xref, e.g. 'talofibular'")
    search.add_argument("--type", action="append", metavar="CLASS",
                        help="only entities of this class or its subclasses, e.g. Ligament (repeatable)")  # fmt: skip
    search.add_argument("--limit", type=int, default=10, help="most hits shown (default: 10)")
    search.add_argument("--offset", type=int, default=0, help="hits to skip, for the next page (default: 0)")
    search.add_argument("--json", action="store_true", help="print the hits as JSON (as GET /v1/search does)")
    search.set_defaults(func=cmd_search)

    entity = sub.add_parser("entity", help="everything about one entity, with sources (as GET /v1/entities/REF)")
    data_options(entity)
    entity.add_argument("ref", help="any name, abbreviation or CURIE of the entity (ATFL, ANKLE:0000016)")
    entity.add_argument("--json", action="store_true", help="print the entity as JSON (as the REST API does)")
    entity.set_defaults(func=cmd_entity)

    paths = sub.add_parser("paths", help="the shortest connections between two entities (as GET /v1/paths)")
    data_options(paths)
    paths.add_argument("source", metavar="FROM", help="where the paths start: any name of an entity")
    paths.add_argument("target", metavar="TO", help="where they end: any name of an entity")
    paths.add_argument("--max-length", type=int, default=4, help="most steps in a path (default: 4)")
    paths.add_argument("--predicate", action="append", metavar="NAME",
                       help="follow only edges of this predicate, e.g. partOf (repeatable)")  # fmt: skip
    paths.add_argument("--limit", type=int, default=10, help="most paths shown (default: 10)")
    paths.add_argument("--json", action="store_true", help="print the paths as JSON (as GET /v1/paths does)")
    paths.set_defaults(func=cmd_paths)

    sparql = sub.add_parser("sparql", help="run a read-only SPARQL query over the bundled data (no server)")
    data_options(sparql)
    sparql.add_argument("query", help="the query, @FILE to read it from a file, or - for standard input")
    sparql.add_argument("--format", choices=sorted(FORMATS_FOR_CLI), help="csv (default for rows), tsv, json, xml; "
                        "turtle (default for graphs), nt, jsonld, rdfxml")  # fmt: skip
    sparql.add_argument("--graph", action="append", metavar="IRI",
                        help="the default graph is this graph (repeatable), e.g. the inferred graph")  # fmt: skip
    sparql.add_argument("--max-rows", type=int, default=1_000_000, help="stop after this many rows (reported)")
    sparql.add_argument("--dataset", action="append", metavar="FILE=GRAPH_IRI", type=_dataset_option,
                        help="also query this RDF file as the named graph GRAPH_IRI (e.g. a local copy of UBERON "
                        "classes, to join by IRI); repeatable")  # fmt: skip
    sparql.set_defaults(func=cmd_sparql)

    export = sub.add_parser(
        "export", help="write the release artefacts (Turtle, N-Triples, OWL, OBO-style OWL, SSSOM, JSON-LD, GraphML, CSV)"
    )
    data_options(export)
    export.add_argument("--out", default="export", help="output folder (default: ./export)")
    export.add_argument(
        "--only", nargs="+", metavar="NAME", help="only these artefacts (e.g. anklekg.ttl entities.csv)"
    )
    export.set_defaults(func=cmd_export)
    return parser
