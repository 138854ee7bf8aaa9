"""The answers of /v1/diagrams: schematic views of the ankle whose every band is an entity of the graph.

Coordinates are SVG user units in the view's box (x to the right, y downwards). They are drawing data from the
layout file (data/diagrams/views.json), not anatomical facts: the facts are in ``placed_from``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ..models import DEFERRED, EntityRef, Fact

#: What the page must say about every view.
SCHEMATIC_NOTICE = (
    "Schematic drawing, not to scale: bone outlines are simplified, and each band is drawn as a straight or "
    "bent line between the attachment sites that the knowledge graph records for it."
)

BandKind = Literal["ligament", "tendon", "retinaculum"]
AppearsAs = Literal["band", "group", "bone", "landmark"]
Point = tuple[float, float]


class Caption(BaseModel):
    """A word of orientation on the view ("front", "lateral")."""

    model_config = DEFERRED

    text: str
    x: float
    y: float
    anchor: Literal["start", "middle", "end"] = "middle"


class BoneShape(BaseModel):
    """A bone's schematic outline, drawn once per view."""

    model_config = DEFERRED

    entity: EntityRef
    d: str = Field(description="SVG path data of the outline.")
    label_at: Point | None = Field(default=None, description="Where the bone's name is written, if anywhere.")


class Landmark(BaseModel):
    """A bone part or bony landmark marked on the view (a dot that names it)."""

    model_config = DEFERRED

    entity: EntityRef
    x: float
    y: float
    hidden: bool = Field(description="On the far side of the view (drawn faint).")
    label_at: Point | None = None


class BandEnd(BaseModel):
    """One end of a strand: the attachment the graph records and the position it is drawn at."""

    model_config = DEFERRED

    site: EntityRef = Field(description="The attachment (or, for a tendon's proximal end, its muscle) as stated.")
    drawn_at: EntityRef = Field(
        description="Whose position in this view is used: the site itself, or the bone it is part of (akg:partOf) "
        "when the view has no position for the site."
    )
    x: float
    y: float
    hidden: bool = Field(description="The end lies on the far side of the view: the strand runs to it unseen.")


class StrandPiece(BaseModel):
    """A run of a strand drawn one way: in sight, or dashed where it passes behind the bones."""

    model_config = DEFERRED

    points: list[Point]
    hidden: bool


class Strand(BaseModel):
    """One line of a band, from one proximal site to one distal site (a band with two distal attachments, like
    the bifurcate ligament, has two strands)."""

    model_config = DEFERRED

    start: BandEnd
    end: BandEnd
    through: list[EntityRef] = Field(
        default_factory=list,
        description="What the strand is routed through on its way, in order: retinacula it passes beneath "
        "(akg:passesThrough) and spaces it lies in (akg:liesIn) that the view draws.",
    )
    pieces: list[StrandPiece]


class Band(BaseModel):
    """A ligament, tendon or retinaculum drawn between the view positions of its attachment sites."""

    model_config = DEFERRED

    entity: EntityRef
    kind: BandKind
    short_label: str = Field(
        description="The name written on the view: one of its names in the graph (the layout may choose a synonym "
        "that fits), else its abbreviation, else its label."
    )
    strands: list[Strand]
    label_at: Point
    wide: bool = Field(default=False, description="Drawn wider than others of its kind (a thick tendon).")
    placed_from: list[Fact] = Field(
        description="The sourced facts the band is placed from: its attachments (or its muscle and insertions), "
        "the part-of facts behind a fallback to a whole, and what it passes through."
    )


class Group(BaseModel):
    """A structure drawn as its parts or kinds (the lateral collateral ligament complex as the ATFL, PTFL and CFL):
    each of its attachments is one of a part's, so drawing it as a band would lie on top of them."""

    model_config = DEFERRED

    entity: EntityRef
    kind: BandKind
    members: list[EntityRef] = Field(description="The drawn bands that make it up in this view.")
    placed_from: list[Fact] = Field(description="The part-of and kind-of facts that make them its members.")


class JointMark(BaseModel):
    """Where a joint is in the view: motions of it are marked there."""

    model_config = DEFERRED

    entity: EntityRef
    x: float
    y: float


class MotionArrow(BaseModel):
    """An arrow showing a joint motion in this view (drawing data), to mark the motion when it is destabilised."""

    model_config = DEFERRED

    motion: EntityRef
    joint: EntityRef
    d: str = Field(description="SVG path data of the arrow's shaft; its head is at the path's end.")


class NotDrawn(BaseModel):
    """A ligament, tendon or retinaculum of the graph that this view does not draw, and why."""

    model_config = DEFERRED

    entity: EntityRef
    kind: BandKind
    reason: str
    drawn_in: list[str] = Field(description="The other views that draw it (ids).")


class Diagram(BaseModel):
    """One schematic view: bones, bands placed by their attachments, and what it leaves out."""

    model_config = DEFERRED

    id: str = Field(examples=["lateral"])
    title: str
    description: str
    notice: str = Field(default=SCHEMATIC_NOTICE)
    width: float
    height: float
    captions: list[Caption]
    outline: list[str] = Field(description="SVG path data of the limb's silhouette, for orientation only.")
    context: list[str] = Field(
        description="SVG path data of bones the graph does not name (the other metatarsals, the cuneiforms it "
        "lacks), drawn for orientation only and not linked."
    )
    bones: list[BoneShape]
    landmarks: list[Landmark]
    bands: list[Band]
    groups: list[Group]
    joints: list[JointMark]
    arrows: list[MotionArrow]
    not_drawn: list[NotDrawn]


class DiagramSummary(BaseModel):
    """A view as listed: what it shows and, when the list was asked about one entity, how that entity appears."""

    model_config = DEFERRED

    id: str = Field(examples=["lateral"])
    title: str
    description: str
    href: str = Field(examples=["/v1/diagrams/lateral"])
    bands: int = Field(description="How many bands the view draws.")
    not_drawn: int = Field(description="How many ligaments, tendons and retinacula it leaves out (listed in it).")
    highlight: list[EntityRef] = Field(
        default_factory=list,
        description="With ?entity=: what to highlight for it in this view (the entity itself, or the bands that "
        "draw it when it is drawn as its parts).",
    )
    appears_as: AppearsAs | None = None


class LeftOut(BaseModel):
    """A view that lists the entity asked about as not drawn, and why."""

    model_config = DEFERRED

    view: str = Field(examples=["medial"])
    reason: str


class DiagramList(BaseModel):
    """The schematic views, or those an entity appears in."""

    model_config = DEFERRED

    notice: str = Field(default=SCHEMATIC_NOTICE)
    entity: EntityRef | None = None
    views: list[DiagramSummary]
    not_drawn: list[LeftOut] = Field(
        default_factory=list,
        description="With ?entity=: the views that leave it out, each with the reason (a ligament, tendon or "
        "retinaculum that a view cannot place is listed in it, never silently missing).",
    )
