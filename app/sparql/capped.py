"""Answers within the row cap and the byte cap; a cut answer says where it was cut.

The caps apply in the worker, where the answer is written, so an oversized body never crosses the
pipe to the server (a 100-row GROUP_CONCAT cross join once answered 475 MB). pyoxigraph writes every
format; what it cannot do is stop at a cap and say so:

* Rows (SELECT) are first written by pyoxigraph as TSV, one solution per line, into a sink that
  stops the query once one line more than the row cap arrives, or once the bytes pass the byte cap
  (the kept lines end at the last whole row within it). Those lines are sent as they are for TSV,
  else parsed back and written by pyoxigraph in the negotiated format. JSON and XML are larger than
  TSV: while the body is still over the byte cap, rows are dropped in proportion and it is written
  again (once, in practice).
* Triples (CONSTRUCT, DESCRIBE) are taken from the iterator up to the row cap and while their
  N-Triples size fits the byte cap, then written and fitted the same way.
* The notice: ``head.link`` in JSON and XML results, a comment in Turtle, N-Triples and RDF/XML;
  the HTTP headers carry it for every format.

An external store's answer (:mod:`app.sparql.upstream`) goes through the same pieces: its TSV rows
stream into :class:`CappedLines`, its N-Triples into :class:`TripleBudget`, and the kept part is
written by :func:`solutions_within_caps` / :func:`triples_within_caps`, so a cut answer is cut and
reported the same way whichever engine produced it.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Literal, NamedTuple
from xml.sax.saxutils import quoteattr

import pyoxigraph as ox

from .results import RESULT_FORMATS, RESULT_TYPES, TRUNCATED_LINK, serialise_triples

__all__ = ["JSON_RESULTS", "Cap", "CapReached", "Capped", "CappedLines", "JsonRows", "TripleBudget",
           "serialise_solutions", "serialise_triples_capped", "solutions_as_json", "solutions_within_caps",
           "triples_within_caps"]  # fmt: skip

Cap = Literal["rows", "bytes"]
_SHRINK = 0.95  # fitting aims a little under the byte cap, so one more pass is rare


class Capped(NamedTuple):
    """A body within the caps, the rows (or triples) it holds, and which cap cut it, if one did."""

    body: bytes
    rows: int
    truncated_by: Cap | None


class CapReached(Exception):
    """Raised from the sink to stop pyoxigraph (and the query) once a cap is passed."""


class CappedLines:
    """A binary sink for TSV results: the header line and at most ``limit`` row lines, within ``max_bytes``.

    TSV escapes line breaks inside terms, so one line is one solution. A byte past the last line
    kept means one more solution exists: the result is truncated, and the sink stops the writer
    (pyoxigraph's, or the read of an upstream answer). Chunks may split lines anywhere.
    """

    def __init__(self, limit: int, max_bytes: int) -> None:
        self.chunks: list[bytes] = []
        self.lines_left = limit + 1  # the header, then the rows
        self.bytes_left = max_bytes
        self.truncated_by: Cap | None = None

    def write(self, data: bytes) -> int:
        if self.truncated_by:  # pyoxigraph's buffered writer flushes what it holds even after an error
            raise CapReached
        if not data:
            return 0
        lines = data.count(b"\n")
        rows_over = lines > self.lines_left or (lines == self.lines_left and not data.endswith(b"\n"))
        if not rows_over and len(data) <= self.bytes_left:
            self.chunks.append(data)
            self.lines_left -= lines
            self.bytes_left -= len(data)
            return len(data)
        end = 0  # past the last whole line within both caps
        for _ in range(self.lines_left):
            newline = data.find(b"\n", end)
            if newline < 0 or newline >= self.bytes_left:
                break
            end = newline + 1
        self.chunks.append(data[:end])
        self.truncated_by = "rows" if data.count(b"\n", 0, end) == self.lines_left else "bytes"
        raise CapReached

    def flush(self) -> None:
        pass

    def kept(self, header: bytes) -> bytes:
        """The whole lines kept (a row begun in an earlier chunk may have been cut short by the byte cap);
        ``header`` when not even it fitted."""
        tsv = b"".join(self.chunks)
        if self.truncated_by == "bytes":
            tsv = tsv[: tsv.rfind(b"\n") + 1]
        return tsv or header


def _link(cap: Cap, limit: int, max_bytes: int | None) -> str:
    return f"{TRUNCATED_LINK}?limit={limit}" if cap == "rows" else f"{TRUNCATED_LINK}?max-bytes={max_bytes}"


def _render_solutions(tsv: bytes, media_type: str, link: str | None) -> bytes:
    if media_type == "text/tab-separated-values":
        return tsv
    body = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV).serialize(format=RESULT_FORMATS[media_type]) or b""
    if link and media_type == "application/sparql-results+json":
        # pyoxigraph writes no head.link: add it as the head's first key.
        head = b'{"head":{'
        body = head + b'"link":' + json.dumps([link]).encode() + b"," + body.removeprefix(head)
    elif link and media_type == "application/sparql-results+xml":
        # The results schema puts <link> after the <variable> elements, at the end of <head>.
        body = body.replace(b"</head>", f"<link href={quoteattr(link)}/></head>".encode(), 1)
    return body


def _first_lines(text: bytes, count: int) -> bytes:
    end = 0
    for _ in range(count):
        end = text.index(b"\n", end) + 1
    return text[:end]


class JsonRows:
    """A binary sink for pyoxigraph's JSON results that counts the solutions as they are written and stops the writer
    (and the query) once there are more than ``limit`` or more than ``max_bytes`` bytes (keeping the chunk that went
    past, so that the rows before it are whole).

    The count is exact for pyoxigraph's compact JSON: inside a JSON string a quote is always escaped, so ``,{"``
    and ``[{"`` can only be where an object with members opens in an array, and the only array of objects is
    ``results.bindings`` (``head.vars`` holds strings; a term's members are never in an array). An empty solution
    (``{}``, no variable bound) is not counted that way: a body holding ``{}`` is counted again by reading it.
    """

    def __init__(self, limit: int, max_bytes: int) -> None:
        self.chunks: list[bytes] = []
        self.rows = 0
        self.limit, self.bytes_left = limit, max_bytes
        self.over = False
        self._tail = b""  # the end of the previous chunk: a pattern may straddle two

    def write(self, data: bytes) -> int:
        if self.over:  # pyoxigraph's buffered writer flushes what it holds even after an error
            raise CapReached
        self.chunks.append(data)
        self.bytes_left -= len(data)
        seen = self._tail + data
        self.rows += seen.count(b',{"') + seen.count(b'[{"')
        self._tail = seen[-2:]
        if self.bytes_left < 0 or self.rows > self.limit:
            self.over = True
            raise CapReached
        return len(data)

    def flush(self) -> None:
        pass


def solutions_as_json(solutions: ox.QuerySolutions, limit: int, max_bytes: int | None = None) -> Capped:
    """SELECT rows as SPARQL JSON written once, straight from the query, instead of as TSV first (to cut them at the
    caps), then read back and written again as JSON: a fifth of a cheap join's time in the worker. The same bytes
    and count as :func:`serialise_solutions` when the rows fit both caps; past a cap, the rows written before it,
    cut and marked as that function cuts and marks them (at the row cap the same rows; at the byte cap the rows
    whose JSON fits, where the TSV way kept those whose TSV fit, then dropped rows until their JSON did). The query
    runs once, as before."""
    sink = JsonRows(limit, sys.maxsize if max_bytes is None else max_bytes)
    with contextlib.suppress(CapReached):
        solutions.serialize(sink, format=ox.QueryResultsFormat.JSON)  # type: ignore[arg-type]  # only write()
    body = b"".join(sink.chunks)
    empty = b"{}" in body  # maybe empty solutions (or those bytes in a literal): not counted by the sink
    if not sink.over and not empty:
        return Capped(body, sink.rows, None)
    header = ("\t".join(str(v) for v in solutions.variables) + "\n").encode()
    if not sink.over:  # whole, within the byte cap: counted by reading it, and cut as TSV if over the row cap
        tsv = ox.parse_query_results(body, ox.QueryResultsFormat.JSON).serialize(format=ox.QueryResultsFormat.TSV)
        rows = (tsv or header).count(b"\n") - 1
        if rows <= limit:
            return Capped(body, rows, None)
        return solutions_within_caps(_first_lines(tsv or header, limit + 1), "rows", JSON_RESULTS, limit, max_bytes)
    # Past a cap: the whole rows before it, as TSV for the writer that cuts and marks (row k ends where row k + 1
    # opens, at the k-th ',{"'; the last row begun may be cut short). Empty solutions are not found that way:
    # the TSV lines of the rows kept are cut at the row cap again.
    keep, end = min(limit, body.count(b',{"')), -1
    for _ in range(keep):
        end = body.index(b',{"', end + 1)
    tsv = header
    if keep:
        kept = ox.parse_query_results(body[:end] + b"]}}", ox.QueryResultsFormat.JSON)
        tsv = kept.serialize(format=ox.QueryResultsFormat.TSV) or header
    over_rows = sink.rows > limit or tsv.count(b"\n") - 1 > limit
    if over_rows:
        tsv = _first_lines(tsv, min(limit, tsv.count(b"\n") - 1) + 1)
    return solutions_within_caps(tsv, "rows" if over_rows else "bytes", JSON_RESULTS, limit, max_bytes)


JSON_RESULTS = RESULT_TYPES[0]  # application/sparql-results+json


def serialise_solutions(
    solutions: ox.QuerySolutions, media_type: str, limit: int, max_bytes: int | None = None
) -> Capped:
    """SELECT rows in one of the result types, at most ``limit`` of them and ``max_bytes`` bytes."""
    header = ("\t".join(str(v) for v in solutions.variables) + "\n").encode()
    sink = CappedLines(limit, sys.maxsize if max_bytes is None else max_bytes)
    with contextlib.suppress(CapReached):
        solutions.serialize(sink, format=ox.QueryResultsFormat.TSV)  # type: ignore[arg-type]  # only write()
    return solutions_within_caps(sink.kept(header), sink.truncated_by, media_type, limit, max_bytes)


def solutions_within_caps(
    tsv: bytes, cap: Cap | None, media_type: str, limit: int, max_bytes: int | None, *, verbatim: bool = True
) -> Capped:
    """Kept TSV lines (header and whole rows) written in ``media_type`` and fitted under ``max_bytes``.

    ``verbatim`` sends TSV as it is (pyoxigraph wrote it); an upstream store's TSV is read and written
    again (``verbatim=False``), so what leaves is checked and in one canonical form; SyntaxError if it
    is not TSV results."""
    rows = tsv.count(b"\n") - 1
    while True:
        link = cap and _link(cap, limit, max_bytes)
        if verbatim or media_type != "text/tab-separated-values":
            body = _render_solutions(tsv, media_type, link)
        else:
            body = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV).serialize(
                format=ox.QueryResultsFormat.TSV
            ) or b""
        if max_bytes is None or len(body) <= max_bytes or rows == 0:
            return Capped(body, rows, cap)
        rows = min(rows - 1, int(rows * max_bytes / len(body) * _SHRINK))
        tsv, cap = _first_lines(tsv, rows + 1), "bytes"


def _with_note(body: bytes, media_type: str, note: str) -> bytes:
    if media_type in ("text/turtle", "application/n-triples"):
        return f"# {note}\n".encode() + body
    if media_type == "application/rdf+xml" and body.startswith(b"<?xml"):
        end = body.index(b"?>") + 2
        return body[:end] + f"\n<!-- {note} -->".encode() + body[end:]
    return body


class TripleBudget:
    """Triples taken in order up to the row cap and while their N-Triples size fits the byte cap."""

    def __init__(self, limit: int, max_bytes: int | None) -> None:
        self.limit, self.max_bytes = limit, max_bytes
        self.kept: list[ox.Triple] = []
        self.size = 0
        self.cap: Cap | None = None

    def take(self, triples: Iterable[ox.Triple]) -> bool:
        """Keep what fits; False once a cap is reached (one more triple was offered than fits)."""
        for triple in triples:
            if len(self.kept) == self.limit:
                self.cap = "rows"
                return False
            self.size += len(str(triple)) + 3  # its N-Triples line: " .\n"
            if self.max_bytes is not None and self.size > self.max_bytes:
                self.cap = "bytes"
                return False
            self.kept.append(triple)
        return True


def serialise_triples_capped(
    triples: Iterator[ox.Triple], media_type: str, limit: int, max_bytes: int | None = None
) -> Capped:
    """CONSTRUCT/DESCRIBE triples, at most ``limit`` of them and ``max_bytes`` bytes."""
    budget = TripleBudget(limit, max_bytes)
    budget.take(triples)
    return triples_within_caps(budget.kept, budget.cap, media_type, limit, max_bytes)


def triples_within_caps(
    kept: list[ox.Triple], cap: Cap | None, media_type: str, limit: int, max_bytes: int | None
) -> Capped:
    """Kept triples written in ``media_type``, with the notice when cut, and fitted under ``max_bytes``."""
    while True:
        body = serialise_triples(kept, media_type)
        if cap == "rows":
            note = f"AnkleKG: result truncated at the row cap of {limit} triples"
        else:
            note = f"AnkleKG: result truncated at the byte cap of {max_bytes} bytes"
        if cap:
            body = _with_note(body, media_type, note + "; see the X-AnkleKG-Result-* headers")
        if max_bytes is None or len(body) <= max_bytes or not kept:
            return Capped(body, len(kept), cap)
        kept, cap = kept[: min(len(kept) - 1, int(len(kept) * max_bytes / len(body) * _SHRINK))], "bytes"
