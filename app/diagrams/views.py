"""Schematic views built from the graph and the layout: each band is a ligament, tendon or retinaculum of the graph
drawn between the view positions of the attachments the graph records for it.

The layout (app.diagrams.layout) says where things are drawn; the graph says what is drawn and between what:

* a ligament or retinaculum runs from each proximal to each distal attachment (akg:proximalAttachment,
  akg:distalAttachment); a tendon from its muscle (akg:tendonOf; the layout places the muscle where the tendon
  leaves the view towards it) to each insertion (akg:insertion);
* an attachment the view has no position for is drawn at the bone it is part of (akg:partOf), unless the layout
  says it is out of sight in that view;
* a band is bent through what it passes beneath or lies in (akg:passesThrough, akg:liesIn) when the view draws it,
  several tendons under one retinaculum side by side;
* a structure each of whose attachments is one of its parts' (or kinds') is drawn as those parts;
* whatever a view cannot place is listed in it, with the reason, never silently left out.

Everything is built once, at load: the graph and the layout do not change while the service runs.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..errors import UnknownView
from ..knowledge import schema
from ..knowledge.base import KnowledgeBase
from ..knowledge.model import Statement
from ..models import EntityRef
from .layout import BAND_CLASSES, Layout, ViewLayout
from .models import (
    AppearsAs,
    Band,
    BandEnd,
    BandKind,
    BoneShape,
    Caption,
    Diagram,
    DiagramList,
    DiagramSummary,
    Group,
    JointMark,
    Landmark,
    LeftOut,
    MotionArrow,
    NotDrawn,
    Point,
    Strand,
    StrandPiece,
)

__all__ = ["Diagrams", "UnknownView"]

PROXIMAL = (schema.PROXIMAL_ATTACHMENT, schema.TENDON_OF)
DISTAL = (schema.DISTAL_ATTACHMENT, schema.INSERTION)
ROUTE = (schema.PASSES_THROUGH, schema.LIES_IN)
MEMBERSHIP = (schema.PART_OF, schema.KIND_OF)
_KINDS: dict[str, BandKind] = {schema.LIGAMENT: "ligament", schema.TENDON: "tendon", schema.RETINACULUM: "retinaculum"}
#: Spacing, in view units, between tendons under one retinaculum and between bands drawn on the same line.
TENDON_SPACING = 11.0
LANE_SPACING = 9.0
LABEL_OFFSET = 14.0
#: Where strands from one start to several ends fork: this share of the way from the trunk's base to the ends.
FORK_AT = 0.7


@dataclass
class _Placed:
    """Where a site is drawn: the entity whose position is used, the position, and the facts that led there."""

    drawn_at: str
    at: Point
    hidden: bool
    facts: list[Statement]


@dataclass
class _Draft:
    """A band being placed: its ends (as statements and placements) and the facts behind them."""

    entity: str
    kind: BandKind
    starts: list[tuple[Statement, _Placed]]
    ends: list[tuple[Statement, _Placed]]
    facts: list[Statement] = field(default_factory=list)
    strands: list[Strand] = field(default_factory=list)


class Diagrams:
    """Every view, built once from the knowledge base and the checked layout."""

    def __init__(self, kb: KnowledgeBase, layout: Layout) -> None:
        self.kb = kb
        self.layout = layout
        self._parts: dict[str, list[Statement]] = defaultdict(list)  # whole -> its parts' and kinds' statements
        self._wholes: dict[str, list[Statement]] = defaultdict(list)  # part -> its partOf statements
        for st in kb.statements:
            if st.inferred or st.predicate not in MEMBERSHIP:
                continue
            self._parts[st.object].append(st)
            if st.predicate == schema.PART_OF:
                self._wholes[st.subject].append(st)
        self.bands = sorted(c for c, t in kb.terms.items() if not t.deprecated and self.kind(c) is not None)
        self.groups = {band: members for band in self.bands if (members := self._drawn_as_members(band))}
        self._views = {view.id: _ViewBuilder(self, view).build() for view in layout.views}
        drawn = {vid: self._drawn_ids(d) for vid, d in self._views.items()}
        for vid, diagram in self._views.items():
            for item in diagram.not_drawn:
                item.drawn_in = [other for other in self._views if other != vid and item.entity.id in drawn[other]]

    # -- answers -------------------------------------------------------------------------------------------
    def view(self, view_id: str) -> Diagram:
        try:
            return self._views[view_id]
        except KeyError:
            raise UnknownView(view_id, list(self._views)) from None

    def summaries(self, entity: str | None = None) -> DiagramList:
        """Every view; with ``entity``, only the views it appears in, with what to highlight for it."""
        views, left_out = [], []
        for diagram in self._views.values():
            summary = DiagramSummary(
                id=diagram.id,
                title=diagram.title,
                description=diagram.description,
                href=f"/v1/diagrams/{diagram.id}",
                bands=len(diagram.bands),
                not_drawn=len(diagram.not_drawn),
            )
            if entity is not None:
                found = _appearance(diagram, entity)
                if found is None:
                    left_out += [LeftOut(view=diagram.id, reason=n.reason) for n in diagram.not_drawn
                                 if n.entity.id == entity]  # fmt: skip
                    continue
                summary.appears_as, summary.highlight = found[0], [self.kb.ref(c) for c in found[1]]
            views.append(summary)
        return DiagramList(entity=self.kb.ref(entity) if entity else None, views=views, not_drawn=left_out)

    # -- the graph's side ------------------------------------------------------------------------------------
    def kind(self, curie: str) -> BandKind | None:
        for cls in BAND_CLASSES:
            if self.kb.is_a(curie, cls):
                return _KINDS[cls]
        return None

    def anchors(self, curie: str, predicates: Iterable[str]) -> list[Statement]:
        wanted = set(predicates)
        found = [st for st in self.kb.by_subject.get(curie, ()) if st.predicate in wanted and not st.inferred]
        return sorted(found, key=lambda st: (st.predicate, st.object))

    def wholes_of(self, curie: str) -> list[Statement]:
        return sorted(self._wholes.get(curie, ()), key=lambda st: st.object)

    def members(self, curie: str) -> list[tuple[str, list[Statement]]]:
        """The bands that are parts or kinds of ``curie`` at any depth, each with the facts that make it so."""
        out: dict[str, list[Statement]] = {}
        pending = [(curie, list[Statement]())]
        while pending:
            whole, chain = pending.pop()
            for st in sorted(self._parts.get(whole, ()), key=lambda s: s.subject):
                if st.subject in out or st.subject == curie or self.kind(st.subject) is None:
                    continue
                out[st.subject] = [*chain, st]
                pending.append((st.subject, out[st.subject]))
        return sorted(out.items())

    def _within(self, part: str, whole: str) -> bool:
        """``part`` is ``whole`` or part of it (akg:partOf, at any depth)."""
        seen, pending = set(), [part]
        while pending:
            current = pending.pop()
            if current == whole:
                return True
            if current not in seen:
                seen.add(current)
                pending.extend(st.object for st in self._wholes.get(current, ()))
        return False

    def _drawn_as_members(self, band: str) -> list[tuple[str, list[Statement]]]:
        """The members that draw ``band`` when every attachment of it is one of theirs (or contains one)."""
        members = self.members(band)
        if not members:
            return []
        own = {st.object for st in self.anchors(band, (*PROXIMAL, *DISTAL))}
        theirs = {st.object for m, _ in members for st in self.anchors(m, (*PROXIMAL, *DISTAL))}
        if all(any(self._within(t, site) for t in theirs) for site in own):
            return members
        return []

    def _drawn_ids(self, diagram: Diagram) -> set[str]:
        return {b.entity.id for b in diagram.bands} | {g.entity.id for g in diagram.groups}


def _appearance(diagram: Diagram, entity: str) -> tuple[AppearsAs, list[str]] | None:
    for band in diagram.bands:
        if band.entity.id == entity:
            return "band", [entity]
    for group in diagram.groups:
        if group.entity.id == entity:
            return "group", [m.id for m in group.members]
    if any(b.entity.id == entity for b in diagram.bones):
        return "bone", [entity]
    if any(lm.entity.id == entity for lm in diagram.landmarks):
        return "landmark", [entity]
    return None


class _ViewBuilder:
    """Builds one view: places every band it can, and says why for each one it cannot."""

    def __init__(self, diagrams: Diagrams, view: ViewLayout) -> None:
        self.d = diagrams
        self.kb = diagrams.kb
        self.view = view

    def ref(self, curie: str) -> EntityRef:
        return self.kb.ref(curie)

    def build(self) -> Diagram:
        view = self.view
        drafts: dict[str, _Draft] = {}
        not_drawn: dict[str, str] = {}
        for band in self.d.bands:
            if band in self.d.groups:
                continue
            draft = self.place(band)
            if isinstance(draft, str):
                not_drawn[band] = draft
            else:
                drafts[band] = draft
        # retinacula and ligaments first: tendons are routed beneath the retinacula as drawn
        for draft in sorted(drafts.values(), key=lambda dr: dr.kind == "tendon"):
            if draft.kind != "tendon":
                draft.strands = self.strands(draft, {})
        self.route_tendons([dr for dr in drafts.values() if dr.kind == "tendon"], drafts)
        _separate_lanes([s for dr in drafts.values() for s in dr.strands])
        bands = [self.band(dr) for dr in sorted(drafts.values(), key=lambda dr: dr.entity)]
        groups = []
        for whole, members in sorted(self.d.groups.items()):
            drawn = [(m, chain) for m, chain in members if m in drafts]
            kind = self.d.kind(whole)
            assert kind is not None
            if drawn:
                facts = _unique(st for _, chain in drawn for st in chain)
                groups.append(Group(entity=self.ref(whole), kind=kind, members=[self.ref(m) for m, _ in drawn],
                                    placed_from=[self.kb.statement_fact(st) for st in facts]))  # fmt: skip
            else:
                names = ", ".join(self.kb.label(m) for m, _ in members)
                not_drawn[whole] = f"it is drawn as its parts ({names}), and this view draws none of them"
        return Diagram(
            id=view.id,
            title=view.title,
            description=view.description,
            width=view.size[0],
            height=view.size[1],
            captions=[Caption(text=c.text, x=c.at[0], y=c.at[1], anchor=c.anchor) for c in view.captions],  # type: ignore[arg-type]
            outline=list(view.outline),
            context=list(view.context),
            bones=[BoneShape(entity=self.ref(b.entity), d=b.d, label_at=b.label_at) for b in view.bones],
            landmarks=[
                Landmark(entity=self.ref(s.entity), x=s.at[0], y=s.at[1], hidden=s.hidden, label_at=s.label_at)
                for s in view.sites.values()
                if s.mark
            ],
            bands=bands,
            groups=groups,
            joints=[JointMark(entity=self.ref(j), x=at[0], y=at[1]) for j, at in view.joints.items()],
            arrows=[MotionArrow(motion=self.ref(a.motion), joint=self.ref(a.joint), d=a.d) for a in view.arrows],
            not_drawn=[
                NotDrawn(entity=self.ref(c), kind=self.d.kind(c) or "ligament", reason=why, drawn_in=[])
                for c, why in sorted(not_drawn.items(), key=lambda item: self.kb.label(item[0]))
            ],
        )

    # -- placing -------------------------------------------------------------------------------------------
    def locate(self, band: str, site: str) -> _Placed | str:
        """Where the band's end at ``site`` is drawn, or why it cannot be (a sentence)."""
        end = self.view.ends.get((band, site))
        if end is not None:
            return _Placed(site, end.at, end.hidden, [])
        chain: list[Statement] = []
        current = site
        seen: set[str] = set()
        while True:
            if current in self.view.unseen:
                whose = "" if current == site else f" (part of the {self.kb.label(current)})"
                return f"the {self.kb.label(site)}{whose} is out of sight in this view"
            placed = self.view.sites.get(current)
            if placed is not None:
                return _Placed(current, placed.at, placed.hidden, chain)
            seen.add(current)
            wholes = [st for st in self.d.wholes_of(current) if st.object not in seen]
            if not wholes:
                return f"the {self.kb.label(site)} is not in this view"
            chain = [*chain, wholes[0]]
            current = wholes[0].object

    def place(self, band: str) -> _Draft | str:
        """The band's ends placed in this view, or why it is not drawn."""
        kind = self.d.kind(band)
        assert kind is not None
        if band in self.view.omit:
            return self.view.omit[band]
        starts, ends = self.d.anchors(band, PROXIMAL), self.d.anchors(band, DISTAL)
        if not starts and not ends:
            return "the graph records no attachment for it"
        if not starts or not ends:
            side, known = ("distal", ends) if ends else ("proximal", starts)
            names = ", ".join(self.kb.label(st.object) for st in known)
            return f"only its {side} attachment is recorded ({names}): there is nothing to draw it between"
        located = [(st, self.locate(band, st.object)) for st in [*starts, *ends]]
        placed = [(st, p) for st, p in located if isinstance(p, _Placed)]
        placed_starts = [(st, p) for st, p in placed if st in starts]
        if kind == "tendon":
            # a tendon is drawn from wherever the view places one of its muscles (they share one belly's course);
            # an insertion out of sight says more about why it is not drawn than its muscle's place does
            missing = [p for st, p in located if st in ends and isinstance(p, str)]
            if missing:
                return missing[0]
            if not placed_starts:
                unseen = [p for st, p in located if st in starts and isinstance(p, str) and "out of sight" in p]
                muscles = ", ".join(self.kb.label(st.object) for st in starts)
                return unseen[0] if unseen else f"its muscle ({muscles}) has no place in this view to come from"
            placed_starts = _one_per_position(placed_starts)
            located = [(st, p) for st, p in located if st in ends]
        for _, p in located:
            if isinstance(p, str):
                return p
        draft = _Draft(band, kind, placed_starts, [(st, p) for st, p in placed if st in ends])
        draft.facts = _unique([st for st, p in [*draft.starts, *draft.ends] for st in (st, *p.facts)])
        return draft

    def end(self, st: Statement, placed: _Placed) -> BandEnd:
        return BandEnd(site=self.ref(st.object), drawn_at=self.ref(placed.drawn_at), x=placed.at[0],
                       y=placed.at[1], hidden=placed.hidden)  # fmt: skip

    def strands(self, draft: _Draft, waypoints: dict[tuple[str, str], list[tuple[str, Point]]]) -> list[Strand]:
        """A strand from each start to each end, through the waypoints given for that pair; the strands from one
        start to several ends share a trunk and fork near the ends (the bifurcate ligament's Y)."""
        out = []
        for s_st, s_p in draft.starts:
            routes = [(e_st, e_p, waypoints.get((s_st.object, e_st.object), [])) for e_st, e_p in draft.ends]
            fork: Point | None = None
            if len(routes) > 1:
                bases = {through[-1][1] if through else s_p.at for _, _, through in routes}
                if len(bases) == 1:
                    (bx, by) = bases.pop()
                    cx = sum(e_p.at[0] for _, e_p, _ in routes) / len(routes)
                    cy = sum(e_p.at[1] for _, e_p, _ in routes) / len(routes)
                    fork = (round(bx + (cx - bx) * FORK_AT, 1), round(by + (cy - by) * FORK_AT, 1))
            fork_hidden = all(e_p.hidden for _, e_p, _ in routes)
            for e_st, e_p, through in routes:
                points = [s_p.at, *(at for _, at in through), *([fork] if fork else []), e_p.at]
                hidden = [s_p.hidden, *(False for _ in through), *([fork_hidden] if fork else []), e_p.hidden]
                start, end = self.end(s_st, s_p), self.end(e_st, e_p)
                via = [self.ref(c) for c, _ in through]
                out.append(Strand(start=start, end=end, through=via, pieces=_pieces(points, hidden)))
        return out

    def route_tendons(self, tendons: list[_Draft], drafts: dict[str, _Draft]) -> None:
        """Bends each tendon through the retinacula and spaces it passes, side by side under a shared one."""
        routes: dict[str, list[Statement]] = {t.entity: self.d.anchors(t.entity, ROUTE) for t in tendons}
        users: dict[str, list[_Draft]] = defaultdict(list)
        for t in tendons:
            for st in routes[t.entity]:
                users[st.object].append(t)
        offsets: dict[tuple[str, str], Point] = {}
        for target, passing in users.items():
            axis = self.axis(target, drafts)
            if axis is None:
                continue
            (x, y), (ux, uy) = axis
            passing.sort(key=lambda t: t.starts[0][1].at[0] * ux + t.starts[0][1].at[1] * uy)
            for i, t in enumerate(passing):
                shift = (i - (len(passing) - 1) / 2) * TENDON_SPACING
                offsets[(t.entity, target)] = (x + ux * shift, y + uy * shift)
        for t in tendons:
            waypoints: dict[tuple[str, str], list[tuple[str, Point]]] = {}
            used = [st for st in routes[t.entity] if (t.entity, st.object) in offsets]
            for s_st, s_p in t.starts:
                for e_st, e_p in t.ends:
                    via = [(st.object, offsets[(t.entity, st.object)]) for st in used]
                    via.sort(key=lambda item: _along(s_p.at, e_p.at, item[1]))
                    waypoints[(s_st.object, e_st.object)] = via
            t.facts = _unique([*t.facts, *used])
            t.strands = self.strands(t, waypoints)

    def axis(self, target: str, drafts: dict[str, _Draft]) -> tuple[Point, Point] | None:
        """The point a tendon is routed through at ``target`` and the direction tendons line up along there."""
        draft = drafts.get(target)
        if draft is not None and draft.strands:
            points = [p for piece in draft.strands[0].pieces for p in piece.points]
            (x0, y0), (x1, y1) = points[0], points[-1]
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            return _midpoint(points), ((x1 - x0) / length, (y1 - y0) / length)
        site = self.view.sites.get(target)
        if site is not None:
            return site.at, (1.0, 0.0)
        return None

    def band(self, draft: _Draft) -> Band:
        term = self.kb.terms[draft.entity]
        style = self.view.bands.get(draft.entity)
        label_at = (style.label_at if style else None) or _label_point(draft.strands)
        return Band(
            entity=self.ref(draft.entity),
            kind=draft.kind,
            short_label=(style.name if style and style.name else None)
            or (term.abbreviations[0] if term.abbreviations else term.label),
            strands=draft.strands,
            label_at=label_at,
            wide=bool(style and style.wide),
            placed_from=[self.kb.statement_fact(st) for st in draft.facts],
        )


# -- geometry ---------------------------------------------------------------------------------------------------


def _unique(statements: Iterable[Statement]) -> list[Statement]:
    return list(dict.fromkeys(statements))


def _one_per_position(found: list[tuple[Statement, _Placed]]) -> list[tuple[Statement, _Placed]]:
    """Muscles drawn at one position (a muscle and the group it is part of) give one strand, not several."""
    seen: dict[Point, tuple[Statement, _Placed]] = {}
    for st, p in found:
        seen.setdefault(p.at, (st, p))
    return list(seen.values())


def _pieces(points: list[Point], hidden: list[bool]) -> list[StrandPiece]:
    """Runs of segments drawn alike: a segment is hidden when either of its ends is."""
    pieces: list[StrandPiece] = []
    for i in range(len(points) - 1):
        behind = hidden[i] or hidden[i + 1]
        if pieces and pieces[-1].hidden == behind:
            pieces[-1].points.append(points[i + 1])
        else:
            pieces.append(StrandPiece(points=[points[i], points[i + 1]], hidden=behind))
    return pieces


def _along(start: Point, end: Point, point: Point) -> float:
    dx, dy = end[0] - start[0], end[1] - start[1]
    return ((point[0] - start[0]) * dx + (point[1] - start[1]) * dy) / ((dx * dx + dy * dy) or 1.0)


def _midpoint(points: Sequence[Point]) -> Point:
    """The point halfway along a polyline."""
    lengths = [math.dist(a, b) for a, b in itertools.pairwise(points)]
    half = sum(lengths) / 2
    for (a, b), length in zip(itertools.pairwise(points), lengths, strict=True):
        if half <= length and length:
            t = half / length
            return (round(a[0] + (b[0] - a[0]) * t, 1), round(a[1] + (b[1] - a[1]) * t, 1))
        half -= length
    return points[0]


def _label_point(strands: list[Strand]) -> Point:
    points = [p for piece in strands[0].pieces for p in piece.points]
    (x, y) = _midpoint(points)
    (x0, y0), (x1, y1) = points[0], points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    return (round(x - (y1 - y0) / length * LABEL_OFFSET, 1), round(y + (x1 - x0) / length * LABEL_OFFSET, 1))


def _separate_lanes(strands: list[Strand]) -> None:
    """Strands of different bands drawn between the same two points are moved apart, side by side."""
    lanes: dict[tuple[Point, Point], list[Strand]] = defaultdict(list)
    for strand in strands:
        a: Point = (float(round(strand.start.x)), float(round(strand.start.y)))
        b: Point = (float(round(strand.end.x)), float(round(strand.end.y)))
        lanes[(min(a, b), max(a, b))].append(strand)
    for (a, b), shared in lanes.items():
        if len(shared) < 2:
            continue
        length = math.dist(a, b) or 1.0
        nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
        for i, strand in enumerate(shared):
            shift = (i - (len(shared) - 1) / 2) * LANE_SPACING
            for piece in strand.pieces:
                piece.points = [(round(x + nx * shift, 1), round(y + ny * shift, 1)) for x, y in piece.points]
