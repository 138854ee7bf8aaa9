"""The commands that run or prepare the service: ``serve``, ``validate`` and ``build``."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..loader import validated_report, validation_stamp
from ..ontology.load import load_store
from ..reasoning.rules import load_rules
from ..version import __version__
from .common import EXIT_INVALID, EXIT_USAGE, load_kg, reading_data, settings_of


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..api.connections import ConnectionLimits, guarded_protocol
    from ..api.main import create_app

    settings = settings_of(args, host=args.host, port=args.port)
    kg = load_kg(settings)
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
    from ..learn.browse import BROWSE_DIR_NAME, check_browse_groups
    from ..ontology.validation import validate

    settings = settings_of(args)
    with reading_data():
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
    from ..snapshot import Snapshot

    overrides: dict[str, object] = {"cache_dir": Path(args.cache_dir)} if args.cache_dir else {}
    settings = settings_of(args, **overrides)
    if settings.cache_dir is None:
        print("anklekg: no cache folder is set (ANKLEKG_CACHE_DIR): nothing to build into", file=sys.stderr)
        return EXIT_USAGE
    with reading_data():
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
    kg = load_kg(settings.model_copy(update={"cache_dir": None}))  # in full, whatever snapshot exists
    answers: Iterator[tuple[str, str, bytes]] | None = None
    compress: Callable[[bytes], bytes] | None = None
    if not args.no_impact_answers:  # the REST API's single-injury impact answers (app/api/stored.py)
        from ..api import stored

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

    package = Path(__file__).resolve().parent.parent  # app/, not app/cli/
    try:
        compiled = compileall.compile_dir(package, quiet=2, force=False)
    except OSError:
        compiled = False
    print(f"bytecode {'compiled' if compiled else 'not written (read-only?)'}: {package}")
