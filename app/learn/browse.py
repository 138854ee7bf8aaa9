"""Browse groups for the explorer's front page: the ankle by region (lateral ligaments, the syndesmosis, the
compartments of the leg...) and by kind (tendons, nerves, conditions...), each group a SPARQL query over the graph.

The groups are data, like the QC checks and the query page's examples: ``data/browse/NN-<id>.rq`` in page order
(``NN``), each opening with ``# Title:``, ``# By:`` (``region`` or ``kind``) and ``# Description:`` comment lines,
then a SELECT with ``?entity`` (a member) and optionally ``?heading`` (the entity it is listed under: its
compartment, its ligament complex). The query's row order is the page's order. Each query declares its prefixes
and reads the asserted triples only, so the text in the answer runs unchanged at /sparql.

A group that matches nothing (a label renamed in the data) stops the load, naming the file: an empty group on
the page would look like a region without structures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import OntologyLoadError
from ..knowledge.base import KnowledgeBase
from ..ontology.curies import compress
from ..ontology.query_header import read_query_header
from .models import BrowseAxis, BrowseGroup, BrowseGroups, BrowseMember, BrowseSubgroup

__all__ = ["BROWSE_DIR_NAME", "browse_groups", "check_browse_groups"]

#: The folder of the group queries under the data directory.
BROWSE_DIR_NAME = "browse"
_FILE_NAME = re.compile(r"^\d+-(?P<id>[a-z0-9]+(?:-[a-z0-9]+)*)\.rq$")
_FIELDS = ("Title", "By", "Description")


def _header(path: Path) -> tuple[dict[str, str], str, int]:
    """The comment header's fields (a field may go on over indented comment lines), the query and its first line."""
    try:
        header = read_query_header(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise OntologyLoadError(str(path), None, None, f"cannot read the browse group: {exc}") from exc
    missing = header.missing(_FIELDS)
    if missing:
        raise OntologyLoadError(str(path), 1, 1, f"the comment header has no {' or '.join(missing)} line")
    return header.fields, header.query, header.lines


@dataclass(frozen=True)
class _Read:
    """One group file read and run: its header, its query and its members under their headings (CURIEs)."""

    id: str
    fields: dict[str, str]
    query: str
    subgroups: dict[str | None, list[str]]


def _read(store: ox.Store, path: Path, is_entity: Callable[[str], bool]) -> _Read:
    name = _FILE_NAME.match(path.name)
    if name is None:
        raise OntologyLoadError(str(path), None, None, "a browse group file is named NN-<id>.rq, <id> in lower case")
    fields, query, header_lines = _header(path)
    axes = [axis.value for axis in BrowseAxis]
    if fields["By"] not in axes:
        raise OntologyLoadError(str(path), None, None, f"'By: {fields['By']}' is not one of: {', '.join(axes)}")
    try:
        solutions = store.query(query)
    except SyntaxError as exc:
        # the query starts after the header: the parser's line is counted from there
        raise OntologyLoadError.from_syntax_error(path, exc, line_offset=-header_lines) from exc
    if not isinstance(solutions, ox.QuerySolutions) or "entity" not in [v.value for v in solutions.variables]:
        raise OntologyLoadError(str(path), None, None, "a browse group is a SELECT query with an ?entity variable")
    subgroups: dict[str | None, list[str]] = {}
    for row in solutions:
        entity, heading = _curie(path, row["entity"], is_entity), row["heading"]  # None: unbound or not selected
        members = subgroups.setdefault(None if heading is None else _curie(path, heading, is_entity), [])
        if entity not in members:
            members.append(entity)
    if not subgroups:
        raise OntologyLoadError(str(path), None, None, "the browse group matches nothing: was a label renamed?")
    return _Read(name["id"], fields, query.strip(), subgroups)


def _curie(path: Path, term: object, is_entity: Callable[[str], bool]) -> str:
    curie = compress(term.value) if isinstance(term, ox.NamedNode) else None
    if curie is None or not is_entity(curie):
        raise OntologyLoadError(str(path), None, None, f"the browse group lists {term}, which is no entity")
    return curie


def _paths(directory: Path) -> list[Path]:
    paths = sorted(directory.glob("*.rq"))
    if not paths:
        raise OntologyLoadError(str(directory), None, None, "no browse groups (NN-<id>.rq files) in this folder")
    return paths


def check_browse_groups(store: ox.Store, directory: Path) -> int:
    """Read and run every group as :func:`browse_groups` does, without an index (for ``anklekg validate``);
    returns how many groups there are. Members need only be entities of the data (an ANKLE: CURIE)."""
    entity = re.compile(r"^[A-Z]+:\d+$")
    return len([_read(store, path, lambda c: bool(entity.match(c))) for path in _paths(directory)])


def _member(kb: KnowledgeBase, curie: str) -> BrowseMember:
    return BrowseMember(entity=kb.ref(curie), types=[kb.ref(t) for t in sorted(kb.terms[curie].types)])


def browse_groups(kb: KnowledgeBase, directory: Path) -> BrowseGroups:
    """Every group of ``directory`` in page order, its members read from the graph.

    Raises OntologyLoadError (file, and line and column for a syntax error) for a group the service cannot use.
    """
    groups = []
    for path in _paths(directory):
        read = _read(kb.store, path, lambda c: c in kb.terms)
        groups.append(
            BrowseGroup(
                id=read.id,
                title=read.fields["Title"],
                by=BrowseAxis(read.fields["By"]),
                description=read.fields["Description"],
                count=len({m for members in read.subgroups.values() for m in members}),
                subgroups=[
                    BrowseSubgroup(heading=None if h is None else kb.ref(h), members=[_member(kb, m) for m in ms])
                    for h, ms in read.subgroups.items()
                ],
                query=read.query,
            )
        )
    return BrowseGroups(groups=groups)
