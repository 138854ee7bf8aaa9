"""The comment header of a query file in data/ (``# Title: ...``, a field going on over indented comment lines).

The SPARQL examples (data/sparql-examples) and the explorer's browse groups (data/browse) are both a header of
named fields followed by the query; one reader keeps their format one format.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["QueryHeader", "read_query_header"]

_FIELD = re.compile(r"^(?P<name>[A-Z][a-z]+):\s*(?P<text>.*)$")


class QueryHeader:
    """The fields of a header (each field's lines joined by spaces), the query after it, and the header's length."""

    def __init__(self, fields: dict[str, str], query: str, lines: int) -> None:
        self.fields, self.query, self.lines = fields, query, lines

    def missing(self, required: tuple[str, ...]) -> list[str]:
        return [name for name in required if name not in self.fields]


def read_query_header(text: str) -> QueryHeader:
    """Split a query file into its comment header's fields and the query that follows."""
    lines = text.splitlines()
    header = list(itertools.takewhile(lambda line: line.startswith("#"), lines))
    fields: dict[str, list[str]] = {}
    for line in header:
        content = line.lstrip("#").strip()
        if field := _FIELD.match(content):
            fields[field["name"]] = [field["text"]]
        elif fields and content:
            fields[next(reversed(fields))].append(content)
    joined = {name: " ".join(parts) for name, parts in fields.items()}
    return QueryHeader(joined, "\n".join(lines[len(header) :]), len(header))
