"""Command line: ``anklekg serve | validate | build | impact | differential | search | entity | paths | sparql |
export`` (also ``python -m anklekg``, or ``python -m app`` in a checkout).

One module per concern: common.py (exit statuses, settings, loading, errors), service.py (serve, validate, build),
questions.py (the questions the REST API answers), data.py (sparql, export), parser.py (the options)."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence

from .common import EXIT_PIPE
from .parser import build_parser
from .service import cmd_serve

__all__ = ["build_parser", "main"]


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
