"""Example SPARQL queries that answer real questions; shown on the query page and tested.

The queries are data, like the QC queries: ``data/sparql-examples/NN-<id>.rq``, in page order
(``NN``), each opening with ``# Title:`` and ``# Question:`` comment lines (a field may go on over
indented comment lines), then the query. Each declares its prefixes, so it runs unchanged with curl,
SPARQLWrapper or any SPARQL client. Names are matched by label so the queries read as the questions do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..ontology.query_header import read_query_header
from ..settings import default_data_dir

__all__ = ["EXAMPLES", "EXAMPLES_DIR", "Example", "load_examples"]

EXAMPLES_DIR = default_data_dir() / "sparql-examples"
_FILE_NAME = re.compile(r"^\d+-(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.rq$")


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    question: str
    query: str


def _read_example(path: Path) -> Example:
    name = _FILE_NAME.match(path.name)
    if name is None:
        raise ValueError(f"{path}: an example file is named NN-<id>.rq, <id> in lower case and hyphens")
    header = read_query_header(path.read_text(encoding="utf-8"))
    missing = header.missing(("Title", "Question"))
    if missing:
        raise ValueError(f"{path}: the comment header has no {' or '.join(missing)} line")
    return Example(name["id"], header.fields["Title"], header.fields["Question"], header.query.strip())


def load_examples(directory: Path = EXAMPLES_DIR) -> tuple[Example, ...]:
    """The examples of ``directory`` in page order; a badly named or headed file raises ValueError."""
    return tuple(_read_example(path) for path in sorted(directory.glob("*.rq")))


EXAMPLES: tuple[Example, ...] = load_examples()
