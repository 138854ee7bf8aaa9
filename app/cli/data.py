"""The commands that hand out the data itself: ``sparql`` and ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_SYNTAX, EXIT_USAGE, load_kg, settings_of


def cmd_sparql(args: argparse.Namespace) -> int:
    """A read-only SPARQL query over the same dataset as /sparql, without a server."""
    from ..sparql.engine import InvalidQuery, QueryRefused, QueryRequest, execute
    from ..sparql.protocol import FORMATS
    from ..sparql.results import NotAcceptable

    query = args.query
    if query.startswith("@"):
        try:
            query = Path(query[1:]).read_text(encoding="utf-8")
        except OSError as exc:
            print(f"anklekg: cannot read the query file {query[1:]!r}: {exc.strerror}", file=sys.stderr)
            return EXIT_USAGE
    if query == "-":
        query = sys.stdin.read()
    kg = load_kg(settings_of(args, validate_on_start=False))
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
    from ..exports import ARTEFACTS, write_all

    unknown = [name for name in args.only or () if name not in ARTEFACTS]
    if unknown:
        print(f"anklekg: unknown artefact(s) {', '.join(unknown)}; choose from {', '.join(ARTEFACTS)}", file=sys.stderr)
        return EXIT_USAGE
    kg = load_kg(settings_of(args))
    for path in write_all(kg, Path(args.out), args.only):
        print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0
