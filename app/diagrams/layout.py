"""The layout file of the schematic views (data/diagrams/views.json): drawing data keyed by the graph's own ids.

Positions are not anatomical facts, so they live apart from the ontology; but every id in the file must name an
entity of the graph, of the kind its place in the file expects, and an ``ends`` entry must be an attachment the
graph records. Anything else is an :class:`~app.errors.OntologyLoadError` with the file and line, at load, so a
renamed or retired id stops the service instead of silently dropping a band from a picture.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import OntologyLoadError
from ..knowledge import schema
from ..knowledge.base import KnowledgeBase

__all__ = [
    "BAND_CLASSES",
    "SITE_CLASSES",
    "Arrow",
    "BandStyle",
    "Bone",
    "End",
    "Layout",
    "Site",
    "ViewLayout",
    "load_layout",
]

#: What a band can be, and what a position can be given for (a tendon's proximal end is its muscle).
BAND_CLASSES = (schema.LIGAMENT, schema.TENDON, schema.RETINACULUM)
SITE_CLASSES = (schema.BONE, schema.BONE_PART, schema.MUSCLE, schema.MUSCLE_GROUP, schema.ANATOMICAL_SPACE)
#: The predicates that say where a band is anchored: an ``ends`` entry must name one of these targets.
ANCHORS = (schema.PROXIMAL_ATTACHMENT, schema.DISTAL_ATTACHMENT, schema.INSERTION, schema.TENDON_OF)
_VIEW_ID = re.compile(r"^[a-z][a-z-]{0,30}$")
_PATH_DATA = re.compile(r"^[MmLlHhVvCcSsQqTtAaZz0-9 ,.\-]+$")

Coordinate = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Bone:
    entity: str
    d: str
    label_at: Coordinate | None


@dataclass(frozen=True, slots=True)
class Site:
    """Where an entity is drawn in a view; ``hidden``: on the far side; ``mark``: drawn as a named dot."""

    entity: str
    at: Coordinate
    hidden: bool = False
    mark: bool = False
    label_at: Coordinate | None = None


@dataclass(frozen=True, slots=True)
class End:
    """Where one band's end at one of its attachment sites is drawn, when the site's own position would misplace
    it (a large bone such as the talus anchors bands at several places)."""

    band: str
    site: str
    at: Coordinate
    hidden: bool = False


@dataclass(frozen=True, slots=True)
class BandStyle:
    """How one band is drawn in a view: which of its names (in the graph) is written where, and whether it is drawn
    wide (a thick tendon)."""

    label_at: Coordinate | None = None
    wide: bool = False
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Arrow:
    motion: str
    joint: str
    d: str


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    at: Coordinate
    anchor: str


@dataclass(frozen=True)
class ViewLayout:
    id: str
    title: str
    description: str
    size: Coordinate
    captions: tuple[Caption, ...]
    outline: tuple[str, ...]
    context: tuple[str, ...]
    bones: tuple[Bone, ...]
    sites: dict[str, Site]
    unseen: frozenset[str]
    ends: dict[tuple[str, str], End]
    bands: dict[str, BandStyle]
    joints: dict[str, Coordinate]
    arrows: tuple[Arrow, ...]
    omit: dict[str, str]


@dataclass(frozen=True)
class Layout:
    path: Path
    views: tuple[ViewLayout, ...]


class _Lined(dict[str, Any]):
    """A JSON object that remembers the line it starts on."""

    line: int = 0


def _parse(path: Path) -> Any:
    """The JSON document, each object a :class:`_Lined` (the C scanner gives no positions; the file is small)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise OntologyLoadError(str(path), None, None, exc.strerror or str(exc)) from exc
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    decoder = json.JSONDecoder()

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[_Lined, int]:
        pairs, end = json.decoder.JSONObject(s_and_end, *args)  # type: ignore[attr-defined]
        lined = _Lined(pairs)
        lined.line = bisect.bisect_right(starts, s_and_end[1] - 1)
        return lined, end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise OntologyLoadError(str(path), exc.lineno, exc.colno, exc.msg) from exc


class _Reader:
    """Reads one layout file against the knowledge base, raising at the first problem with its line."""

    def __init__(self, path: Path, kb: KnowledgeBase) -> None:
        self.path = path
        self.kb = kb

    def fail(self, obj: _Lined | None, message: str) -> OntologyLoadError:
        return OntologyLoadError(str(self.path), obj.line if obj is not None else None, None, message)

    def obj(
        self, value: Any, where: str, parent: _Lined | None, keys: Collection[str], required: Collection[str]
    ) -> _Lined:
        if not isinstance(value, _Lined):
            raise self.fail(parent, f"{where} must be a JSON object")
        unknown = sorted(set(value) - set(keys))
        if unknown:
            raise self.fail(value, f"{where}: unknown key {unknown[0]!r}; the keys are {', '.join(sorted(keys))}")
        missing = sorted(set(required) - set(value))
        if missing:
            raise self.fail(value, f"{where}: missing key {missing[0]!r}")
        return value

    def items(self, obj: _Lined, key: str) -> list[Any]:
        value = obj.get(key, [])
        if not isinstance(value, list):
            raise self.fail(obj, f"{key!r} must be a list")
        return value

    def text(self, obj: _Lined, key: str) -> str:
        value = obj.get(key)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(obj, f"{key!r} must be a non-empty string")
        return value

    def point(self, obj: _Lined, key: str, size: Coordinate | None) -> Coordinate:
        value = obj.get(key)
        if not (isinstance(value, list) and len(value) == 2 and all(_number(v) for v in value)):
            raise self.fail(obj, f"{key!r} must be [x, y], two numbers")
        x, y = float(value[0]), float(value[1])
        if size is not None and not (0 <= x <= size[0] and 0 <= y <= size[1]):
            raise self.fail(obj, f"{key!r} {value} lies outside the view's size {list(size)}")
        return x, y

    def path_data(self, obj: _Lined, key: str) -> str:
        d = self.text(obj, key)
        if not _PATH_DATA.match(d):
            raise self.fail(obj, f"{key!r} is not SVG path data (letters MLHVCSQTAZ, numbers, commas, spaces)")
        return d

    def entity(self, obj: _Lined, key: str, classes: Collection[str], what: str) -> str:
        """The id under ``key``: an entity of the graph, of one of ``classes``."""
        curie = self.text(obj, key)
        term = self.kb.terms.get(curie)
        if term is None:
            raise self.fail(obj, f"unknown id {curie!r}: no entity of the graph has it (use the ids of "
                                 "data/ankle_ontology.ttl; never invent one)")  # fmt: skip
        if term.deprecated:
            raise self.fail(obj, f"{curie} ({term.label}) is deprecated; use its replacement")
        if not any(self.kb.is_a(curie, cls) for cls in classes):
            kinds = ", ".join(self.kb.label(c) for c in classes)
            raise self.fail(obj, f"{curie} ({term.label}) cannot be {what}: it must be a {kinds}")
        return curie

    def anchors(self, band: str) -> set[str]:
        return {st.object for st in self.kb.by_subject.get(band, ()) if st.predicate in ANCHORS and not st.inferred}

    # -- the file ------------------------------------------------------------------------------------------
    def layout(self, document: Any) -> Layout:
        top = self.obj(document, "the file", None, ("about", "views"), ("views",))
        views: list[ViewLayout] = []
        for value in self.items(top, "views"):
            view = self.view(value)
            if any(v.id == view.id for v in views):
                raise self.fail(value, f"a second view with id {view.id!r}")
            views.append(view)
        if not views:
            raise self.fail(top, "no views")
        return Layout(self.path, tuple(views))

    def view(self, value: Any) -> ViewLayout:
        keys = ("id", "title", "description", "size", "captions", "outline", "context", "bones", "sites", "unseen",
                "ends", "bands", "joints", "arrows", "omit")  # fmt: skip
        v = self.obj(value, "a view", None, keys, ("id", "title", "description", "size"))
        view_id = self.text(v, "id")
        if not _VIEW_ID.match(view_id):
            raise self.fail(v, f"view id {view_id!r} must be lower-case letters and hyphens")
        size = self.point(v, "size", None)
        where = f"view {view_id!r}"
        captions = tuple(self.caption(c, where, size) for c in self.items(v, "captions"))
        outline = tuple(self.path_data(self.obj(o, f"{where}: an outline", v, ("d",), ("d",)), "d")
                        for o in self.items(v, "outline"))  # fmt: skip
        context = tuple(self.path_data(self.obj(o, f"{where}: an unnamed bone", v, ("d", "note"), ("d",)), "d")
                        for o in self.items(v, "context"))  # fmt: skip
        bones = []
        for b in self.items(v, "bones"):
            b = self.obj(b, f"{where}: a bone", v, ("id", "d", "label"), ("id", "d"))
            label = self.point(b, "label", size) if "label" in b else None
            bones.append(Bone(self.entity(b, "id", (schema.BONE,), "a bone outline"), self.path_data(b, "d"), label))
        sites = self.unique(v, "sites", lambda s: self.site(s, where, size, v), lambda s: s.entity)
        unseen = self.unique(
            v, "unseen",
            lambda u: self.entity(self.obj(u, f"{where}: an unseen site", v, ("id",), ("id",)), "id", SITE_CLASSES,
                                  "a site"),
            lambda u: u,
        )  # fmt: skip
        both = sorted(set(sites) & set(unseen))
        if both:
            raise self.fail(v, f"{where}: {both[0]} is both placed and unseen")
        ends = self.unique(v, "ends", lambda e: self.end(e, where, size, v), lambda e: (e.band, e.site))
        styles = self.unique(v, "bands", lambda b: self.band_style(b, where, size, v), lambda b: b[0])
        joints = self.unique(v, "joints", lambda j: self.joint(j, where, size, v), lambda j: j[0])
        arrows = tuple(self.arrow(a, where, v) for a in self.items(v, "arrows"))
        omit = self.unique(v, "omit", lambda o: self.omission(o, where, v), lambda o: o[0])
        return ViewLayout(
            id=view_id,
            title=self.text(v, "title"),
            description=self.text(v, "description"),
            size=size,
            captions=captions,
            outline=outline,
            context=context,
            bones=tuple(bones),
            sites=sites,
            unseen=frozenset(unseen),
            ends=ends,
            bands={k: style for k, (_, style) in styles.items()},
            joints={k: at for k, (_, at) in joints.items()},
            arrows=arrows,
            omit={k: why for k, (_, why) in omit.items()},
        )

    def unique(self, v: _Lined, key: str, read: Callable[[Any], Any], key_of: Callable[[Any], Any]) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        for value in self.items(v, key):
            item = read(value)
            k = key_of(item)
            if k in out:
                raise self.fail(value if isinstance(value, _Lined) else v, f"{key!r}: {k} is listed twice")
            out[k] = item
        return out

    def caption(self, value: Any, where: str, size: Coordinate) -> Caption:
        c = self.obj(value, f"{where}: a caption", None, ("text", "at", "anchor"), ("text", "at"))
        anchor = c.get("anchor", "middle")
        if anchor not in ("start", "middle", "end"):
            raise self.fail(c, "'anchor' must be start, middle or end")
        return Caption(self.text(c, "text"), self.point(c, "at", size), anchor)

    def site(self, value: Any, where: str, size: Coordinate, v: _Lined) -> Site:
        s = self.obj(value, f"{where}: a site", v, ("id", "at", "hidden", "mark", "label"), ("id", "at"))
        return Site(
            self.entity(s, "id", SITE_CLASSES, "a site"),
            self.point(s, "at", size),
            hidden=self.flag(s, "hidden"),
            mark=self.flag(s, "mark"),
            label_at=self.point(s, "label", size) if "label" in s else None,
        )

    def flag(self, obj: _Lined, key: str) -> bool:
        value = obj.get(key, False)
        if not isinstance(value, bool):
            raise self.fail(obj, f"{key!r} must be true or false")
        return value

    def end(self, value: Any, where: str, size: Coordinate, v: _Lined) -> End:
        e = self.obj(value, f"{where}: an end", v, ("band", "site", "at", "hidden"), ("band", "site", "at"))
        band = self.entity(e, "band", BAND_CLASSES, "a band")
        site = self.text(e, "site")
        anchors = self.anchors(band)
        if site not in anchors:
            recorded = ", ".join(f"{a} ({self.kb.label(a)})" for a in sorted(anchors)) or "none"
            raise self.fail(e, f"{band} ({self.kb.label(band)}) is not anchored at {site!r} in the graph; its "
                               f"recorded attachments are: {recorded}")  # fmt: skip
        return End(band, site, self.point(e, "at", size), hidden=self.flag(e, "hidden"))

    def band_style(self, value: Any, where: str, size: Coordinate, v: _Lined) -> tuple[str, BandStyle]:
        b = self.obj(value, f"{where}: a band", v, ("id", "label", "wide", "name"), ("id",))
        band = self.entity(b, "id", BAND_CLASSES, "a band")
        label = self.point(b, "label", size) if "label" in b else None
        name = self.text(b, "name") if "name" in b else None
        term = self.kb.terms[band]
        if name is not None and name not in (term.label, *term.abbreviations, *term.synonyms):
            raise self.fail(b, f"{name!r} is not a name of {band} ({term.label}) in the graph; use its label, an "
                               "abbreviation or a synonym")  # fmt: skip
        return band, BandStyle(label, self.flag(b, "wide"), name)

    def joint(self, value: Any, where: str, size: Coordinate, v: _Lined) -> tuple[str, Coordinate]:
        j = self.obj(value, f"{where}: a joint", v, ("id", "at"), ("id", "at"))
        return self.entity(j, "id", (schema.JOINT,), "a joint"), self.point(j, "at", size)

    def arrow(self, value: Any, where: str, v: _Lined) -> Arrow:
        a = self.obj(value, f"{where}: an arrow", v, ("motion", "joint", "d"), ("motion", "joint", "d"))
        return Arrow(
            self.entity(a, "motion", (schema.MOTION,), "an arrow's motion"),
            self.entity(a, "joint", (schema.JOINT,), "an arrow's joint"),
            self.path_data(a, "d"),
        )

    def omission(self, value: Any, where: str, v: _Lined) -> tuple[str, str]:
        o = self.obj(value, f"{where}: an omission", v, ("id", "why"), ("id", "why"))
        return self.entity(o, "id", BAND_CLASSES, "omitted"), self.text(o, "why")


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def load_layout(path: Path, kb: KnowledgeBase) -> Layout:
    """Read and check the layout file against the graph; raises OntologyLoadError (file:line: message)."""
    return _Reader(path, kb).layout(_parse(path))
