"""Command line: ``anklekg serve | validate | build | impact | differential | search | entity | paths | sparql |
export`` (also ``python -m anklekg``, or ``python -m app`` in a checkout)."""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from .errors import AmbiguousTerm, InvalidArgument, OntologyInvalid, OntologyLoadError, UnknownTerm
from .kg import AnkleKG
from .loader import validated_report, validation_stamp
from .ontology.load import load_store
from .reasoning.rules import RuleConfigurationError, load_rules
from .render import render_differential, render_entity, render_impact, render_paths, render_search
from .settings import Settings
from .version import __version__

FORMATS_FOR_CLI = ("csv", "tsv", "json", "xml", "turtle", "nt", "jsonld", "rdfxml")
#: Exit statuses (the epilog of ``anklekg --help`` lists them): 0 done; 1 nothing found (search, paths);
#: 2 a data file or SPARQL query that does not parse, or an option argparse refuses; 3 ERROR-level violations;
#: 64 (EX_USAGE) a name that names no entity or several, or a value the graph cannot use; 141 the reader of the
#: output went away (``| head``), 128 + SIGPIPE as a shell reports it, without a traceback.
EXIT_NOT_FOUND = 1
EXIT_SYNTAX = 2
EXIT_INVALID = 3
EXIT_USAGE = 64
EXIT_PIPE = 141
EXIT_STATUSES = """exit status:
  0    done
  1    nothing found (search, paths)
  2    a data file or SPARQL query that does not parse, or an option that is not understood
  3    the data has ERROR-level violations (validate, build, and any command that loads it)
  64   a name that names no entity (the message says what you may have meant) or several, or an unusable value
  141  the output's reader went away (e.g. piped to head): ends quietly, as a shell reports SIGPIPE"""
#: How long `serve` keeps an idle connection open; a balancer's idle upstream connections must close sooner
#: (deploy/nginx/anklekg.conf.template: keepalive_timeout 4s), or it may write a request into a closing one.


def _settings(args: argparse.Namespace, **overrides: object) -> Settings:
    values: dict[str, object] = {}
    if getattr(args, "data_dir", None):
        values["data_dir"] = Path(args.data_dir)
    if getattr(args, "no_validate", False):
        values["validate_on_start"] = False
    if getattr(args, "no_shacl", False):
        values["shacl_on_start"] = False
    if getattr(args, "dataset", None):
        values["sparql_datasets"] = tuple(args.dataset)
    if getattr(args, "allowed_host", None):
        values["allowed_hosts"] = list(args.allowed_host)
    for option in ("sparql_timeout", "sparql_workers", "sparql_max_rows", "sparql_endpoint", "sparql_endpoint_results"):
        if getattr(args, option, None) is not None:
            values[option] = getattr(args, option)
    values.update(overrides)
    try:
        return Settings(**values)  # type: ignore[arg-type]
    except ValidationError as exc:  # one line per bad setting, no traceback
        for error in exc.errors():
            print(f"anklekg: {error['msg'].removeprefix('Value error, ')}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE) from exc


@contextmanager
def _reading_data() -> Iterator[None]:
    """A data file that cannot be used ends the command with one line on stderr and status 2, no traceback.

    The line is ``file:line:column: message`` (the form editors jump to) for every file under data/.
    """
    try:
        yield
    except OntologyLoadError as exc:
        print(exc, file=sys.stderr)
        raise SystemExit(EXIT_SYNTAX) from exc
    except RuleConfigurationError as exc:
        print(f"anklekg: {exc}", file=sys.stderr)
        raise SystemExit(EXIT_SYNTAX) from exc


def _load(settings: Settings) -> AnkleKG:
    """Load or exit with the file, line and column (unreadable data) or the QC report (invalid data)."""
    try:
        with _reading_data():
            return AnkleKG.load(settings)
    except OntologyInvalid as exc:
        print("anklekg: the ontology has ERROR-level violations; not starting.", file=sys.stderr)
        print(exc.report.render_text(), file=sys.stderr)
        raise SystemExit(EXIT_INVALID) from exc


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from .api.connections import ConnectionLimits, guarded_protocol
    from .api.main import create_app

    settings = _settings(args, host=args.host, port=args.port)
    kg = _load(settings)
    print(
        # len(terms), not counts(): counting an on-disk store's triples reads all of them (1.2 s at 100 copies)
        f"AnkleKG {__version__}: {len(kg.kb.terms)} entities loaded in {kg.load_seconds:.2f} s from "
        f"{kg.source}; serving on http://{settings.host}:{settings.port} (docs at /docs)",
        flush=True,
    )
    application = create_app(kg)
    gc.enable()  # off while `python -m app` imported and loaded (app/__main__.py); the lifespan freezes the graph
    uvicorn.run(
        application,
        host=settings.host,
        port=settings.port,
        log_level=args.log_level,
        # read deadlines, bounded heads (a 256 KB SPARQL GET query fits) and problem+json for framework errors
        http=guarded_protocol(ConnectionLimits(settings.header_timeout, settings.body_timeout)),
        limit_concurrency=2 * settings.max_requests_in_flight,  # a backstop: the app answers 503s itself first
        timeout_keep_alive=settings.keep_alive_timeout,
    )
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from .learn.browse import BROWSE_DIR_NAME, check_browse_groups
    from .ontology.validation import validate

    settings = _settings(args)
    with _reading_data():
        store = load_store(settings.ontology_paths)
        load_rules(settings.data_dir / "rules")  # as `serve` reads them: a rule file `serve` refuses fails here too
        check_browse_groups(store, settings.data_dir / BROWSE_DIR_NAME)  # and so does a browse group
        report = validate(
            store, data_dir=settings.data_dir, reference_csv=settings.reference_csv, shacl=not args.no_shacl
        )
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.render_text())
    return 0 if report.ok else EXIT_INVALID


def cmd_build(args: argparse.Namespace) -> int:
    """Validate in full and store the report by its inputs' fingerprint, then (valid data only) the validated,
    indexed snapshot that later starts on the same data and code load instead of parsing (app/snapshot.py)."""
    from .snapshot import Snapshot

    overrides: dict[str, object] = {"cache_dir": Path(args.cache_dir)} if args.cache_dir else {}
    settings = _settings(args, **overrides)
    if settings.cache_dir is None:
        print("anklekg: no cache folder is set (ANKLEKG_CACHE_DIR): nothing to build into", file=sys.stderr)
        return EXIT_USAGE
    with _reading_data():
        store = load_store(settings.ontology_paths)
        load_rules(settings.data_dir / "rules")
        report = validated_report(store, settings.model_copy(update={"cache_dir": None}))
    stamp = validation_stamp(settings)
    if stamp is None or not stamp.save(report):
        print(f"anklekg: could not write into {settings.cache_dir}", file=sys.stderr)
        return EXIT_USAGE
    print(report.render_text())
    print(f"validation report stored: {stamp.path}")
    if not report.ok:
        return EXIT_INVALID
    snapshot = Snapshot.of(settings)
    assert snapshot is not None  # a cache folder is set
    kg = _load(settings.model_copy(update={"cache_dir": None}))  # in full, whatever snapshot exists
    answers: Iterator[tuple[str, str, bytes]] | None = None
    compress: Callable[[bytes], bytes] | None = None
    if not args.no_impact_answers:  # the REST API's single-injury impact answers (app/api/stored.py)
        from .api import stored

        answers, compress = stored.single_injury_answers(kg), stored.compress
    try:
        snapshot.write(kg.kb, report, kg.differential_engine.profiles, kg.dataset, settings.sparql_datasets,
                       on_disk_bytes=settings.sparql_on_disk_bytes, browse=kg.browse_groups, answers=answers,
                       compress=compress)  # fmt: skip
    except OSError as exc:
        print(f"anklekg: could not write the snapshot into {snapshot.directory.parent}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for old in snapshot.remove_others():
        print(f"older snapshot removed: {old}")
    meta = json.loads((snapshot.directory / "meta.json").read_text(encoding="utf-8"))
    if meta["impact_answers"]:
        print(f"impact answers stored: {meta['impact_answers']:,} ({meta['impact_answers_bytes'] / 2**20:.1f} MiB "
              f"gzipped) in {meta['impact_answers_seconds']:.1f} s")  # fmt: skip
    print(f"snapshot stored: {snapshot.directory}")
    _compile_bytecode()
    return 0


def _compile_bytecode() -> None:
    """Byte-compile the app package where that is allowed: an environment that never writes bytecode
    (PYTHONDONTWRITEBYTECODE) otherwise compiles ~100 modules at every start (0.2 s); pip does this for an
    install, not for a checkout."""
    import compileall

    package = Path(__file__).resolve().parent
    try:
        compiled = compileall.compile_dir(package, quiet=2, force=False)
    except OSError:
        compiled = False
    print(f"bytecode {'compiled' if compiled else 'not written (read-only?)'}: {package}")


def _usage_errors(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A name the graph does not know, or an argument it cannot take, ends any command with one line and
    EXIT_USAGE."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except (UnknownTerm, AmbiguousTerm, InvalidArgument) as exc:
            print(f"anklekg: {_explain(exc)}", file=sys.stderr)
            return EXIT_USAGE

    return run


@_usage_errors
def cmd_impact(args: argparse.Namespace) -> int:
    kg = _load(_settings(args))
    report = kg.impact([(name, args.grade) for name in args.structures], position=args.position)
    print(report.model_dump_json(indent=2) if args.json else render_impact(report))
    return 0


def _explain(exc: Exception) -> str:
    """The error's own message: an unknown name's carries the suggestions ("did you mean"), an ambiguous one's the
    candidates, so the CLI, a notebook's traceback and the library say the same."""
    return str(exc)


@_usage_errors
def cmd_search(args: argparse.Namespace) -> int:
    """Ranked hits for a name, typos tolerated: the same answer as GET /v1/search."""
    kg = _load(_settings(args))
    types = kg.resolve_classes(args.type, parameter="--type") if args.type else None
    results = kg.search_results(args.query, types=types, limit=args.limit, offset=args.offset)
    if args.json:
        print(results.model_dump_json(indent=2))
        return 0
    if not results.items:
        print(f"anklekg: nothing matches {args.query!r} ({results.total} hits in all)", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(render_search(results))
    last = results.offset + len(results.items)
    if results.total is not None and last < results.total:
        print(f"anklekg: hits {results.offset + 1}-{last} of {results.total}; --offset {last} for more", file=sys.stderr)
    return 0


@_usage_errors
def cmd_entity(args: argparse.Namespace) -> int:
    """Everything about one entity, each fact with its sources: the same answer as GET /v1/entities/{ref}."""
    kg = _load(_settings(args))
    entity = kg.entity(args.ref)
    print(entity.model_dump_json(indent=2) if args.json else render_entity(entity))
    return 0


@_usage_errors
def cmd_paths(args: argparse.Namespace) -> int:
    """The shortest connections between two entities: the same answer as GET /v1/paths."""
    kg = _load(_settings(args))
    predicates = kg.resolve_predicates(args.predicate, parameter="--predicate") if args.predicate else None
    found = kg.paths(args.source, args.target, max_length=args.max_length, predicates=predicates, limit=args.limit)
    if args.json:
        print(found.model_dump_json(indent=2))
        return 0
    if not found.items:
        print(
            f"anklekg: no path of at most {args.max_length} steps joins {found.source.label} and {found.target.label}"
            " (--max-length for longer ones)",
            file=sys.stderr,
        )
        return EXIT_NOT_FOUND
    print(render_paths(found))
    return 0
@_usage_errors
def cmd_differential(args: argparse.Namespace) -> int:
    kg = _load(_settings(args))
    mechanism = None
    if args.mechanism:
        motion, _, position = args.mechanism.partition(" in ")
        mechanism = (motion.strip(), position.strip() or None)
    report = kg.differential(
        positive_tests=args.positive or (),
        negative_tests=args.negative or (),
        symptoms=args.symptom or (),
        numbness_areas=args.numb or (),
        weak_motions=args.weak or (),
        unstable_motions=args.unstable or (),
        strong_motions=args.strong or (),
        normal_sensation=args.normal_sensation or (),
        tender_sites=args.tender or (),
        mechanism=mechanism,
        limit=args.limit,
    )
    if args.json:
        print(report.model_dump_json(indent=2))
        return 0
    print(render_differential(report))
    return 0


def cmd_sparql(args: argparse.Namespace) -> int:
    """A read-only SPARQL query over the same dataset as /sparql, without a server."""
    from .sparql.engine import InvalidQuery, QueryRefused, QueryRequest, execute
    from .sparql.protocol import FORMATS
    from .sparql.results import NotAcceptable

    query = args.query
    if query.startswith("@"):
        try:
            query = Path(query[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            print(f"anklekg: cannot read the query file {query[1:]!r}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    if query == "-":
        query = sys.stdin.read()
    kg = _load(_settings(args, validate_on_start=False))
    accept = ((FORMATS[args.format], 1.0),) if args.format else (("text/csv", 1.0), ("text/turtle", 0.9))
    request = QueryRequest(query, tuple(args.graph) if args.graph else None, None, accept, args.max_rows)
    try:
        result = execute(kg.dataset, request)
    except InvalidQuery as exc:
        where = f"line {exc.line}, column {exc.column}: " if exc.line is not None else ""
        print(f"anklekg: the query is not valid SPARQL 1.1 ({where}{exc.message})", file=sys.stderr)
        return EXIT_SYNTAX
    except QueryRefused as exc:
        print(f"anklekg: {exc.detail}", file=sys.stderr)
        return EXIT_USAGE
    except NotAcceptable as exc:
        print(f"anklekg: a {exc.form} result can be written as {', '.join(exc.offered)}", file=sys.stderr)
        return EXIT_USAGE
    _write_all(result.body)
    if result.truncated:
        print(f"anklekg: result truncated at {result.limit} rows (--max-rows)", file=sys.stderr)
    return 0


def _write_all(data: bytes) -> None:
    """Write every byte to stdout. A buffered write to a pipe whose reader leaves mid-way returns short, without
    an error; writing the rest meets the closed pipe (BrokenPipeError, handled by :func:`main`)."""
    sys.stdout.flush()
    view = memoryview(data)
    while view:
        view = view[sys.stdout.buffer.write(view) :]
    sys.stdout.buffer.flush()


def cmd_export(args: argparse.Namespace) -> int:
    from .exports import ARTEFACTS, write_all

    unknown = [name for name in args.only or () if name not in ARTEFACTS]
    if unknown:
        print(f"anklekg: unknown artefact(s) {', '.join(unknown)}; choose from {', '.join(ARTEFACTS)}", file=sys.stderr)
        return EXIT_USAGE
    kg = _load(_settings(args))
    for path in write_all(kg, Path(args.out), args.only):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


def _dataset_option(value: str) -> str:
    """Check FILE=GRAPH_IRI when parsing, so a typo fails before the graph is loaded."""
    from .sparql.dataset import parse_dataset_option

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
    impact.add_argument("--grade", type=int, choices=[1, 2, 3], default=3, help="injury grade of every structure "
                        "named: 1 stretched, 2 partial, 3 complete (default: 3)")  # fmt: skip
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.func is not cmd_serve:
        gc.enable()  # app/__main__.py turned it off for the imports; `serve` turns it on once the graph is loaded
    try:
        status = int(args.func(args))
        sys.stdout.flush()  # here, so that a reader gone away is met inside the try
    except BrokenPipeError:
        # `anklekg ... | head`: the reader closed the pipe. Point stdout at /dev/null so that the interpreter's last
        # flush at exit does not fail again, and end quietly with the status a shell gives a process SIGPIPE stops.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE
    return status


if __name__ == "__main__":
    sys.exit(main())
