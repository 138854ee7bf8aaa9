"""What every command shares: exit statuses, settings from options, loading the graph, and one line per error."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from ..errors import AmbiguousTerm, InvalidArgument, OntologyInvalid, OntologyLoadError, UnknownTerm
from ..kg import AnkleKG
from ..reasoning.rules import RuleConfigurationError
from ..settings import Settings

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


def settings_of(args: argparse.Namespace, **overrides: object) -> Settings:
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
def reading_data() -> Iterator[None]:
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


def load_kg(settings: Settings) -> AnkleKG:
    """Load or exit with the file, line and column (unreadable data) or the QC report (invalid data)."""
    try:
        with reading_data():
            return AnkleKG.load(settings)
    except OntologyInvalid as exc:
        print("anklekg: the ontology has ERROR-level violations; not starting.", file=sys.stderr)
        print(exc.report.render_text(), file=sys.stderr)
        raise SystemExit(EXIT_INVALID) from exc


def usage_errors(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A name the graph does not know, or an argument it cannot take, ends any command with one line and
    EXIT_USAGE."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        try:
            return command(args)
        except (UnknownTerm, AmbiguousTerm, InvalidArgument) as exc:
            # the error's own message: an unknown name's carries the suggestions ("did you mean"), an ambiguous
            # one's the candidates, so the CLI, a notebook's traceback and the library say the same
            print(f"anklekg: {exc}", file=sys.stderr)
            return EXIT_USAGE

    return run
