"""The schematic views are built from the graph: each band is an entity drawn between the view positions of the
attachments the graph records for it, every ligament, tendon and retinaculum is either drawn or listed with a reason,
and the facts a band is placed from are the graph's own sourced facts."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from app.diagrams import Diagram, Diagrams, load_layout
from app.diagrams.views import DISTAL, PROXIMAL, TENDON_SPACING
from app.kg import AnkleKG
from app.knowledge import schema

ATFL, PTFL, CFL, LCL = "ANKLE:0000016", "ANKLE:0000017", "ANKLE:0000018", "ANKLE:0000015"
LM, TALUS, LATERAL_TUBERCLE = "ANKLE:0000008", "ANKLE:0000003", "ANKLE:0000127"
PITFL, ITL, DELTOID, BIFURCATE = "ANKLE:0000025", "ANKLE:0000026", "ANKLE:0000019", "ANKLE:0000032"
FB_TENDON, FL_TENDON, SPR, IPR = "ANKLE:0000047", "ANKLE:0000046", "ANKLE:0000053", "ANKLE:0000054"


@pytest.fixture(scope="module")
def views(kg: AnkleKG) -> Diagrams:
    return kg.views


def band(diagram: Diagram, curie: str):  # type: ignore[no-untyped-def]
    return next(b for b in diagram.bands if b.entity.id == curie)


def anchors(kg: AnkleKG, curie: str, predicates: tuple[str, ...]) -> set[str]:
    return {st.object for st in kg.kb.by_subject.get(curie, ()) if st.predicate in predicates and not st.inferred}


def within(kg: AnkleKG, part: str, whole: str) -> bool:
    seen, todo = set(), [part]
    while todo:
        node = todo.pop()
        if node == whole:
            return True
        seen.add(node)
        todo += [st.object for st in kg.kb.by_subject.get(node, ()) if st.predicate == schema.PART_OF
                 and not st.inferred and st.object not in seen]  # fmt: skip
    return False


def test_every_ligament_tendon_and_retinaculum_is_drawn_or_listed_in_every_view(kg: AnkleKG, views: Diagrams) -> None:
    structures = {c for c, t in kg.kb.terms.items() if any(kg.kb.is_a(c, k) for k in
                  (schema.LIGAMENT, schema.TENDON, schema.RETINACULUM)) and not t.deprecated}  # fmt: skip
    assert len(structures) >= 30
    for summary in views.summaries().views:
        diagram = views.view(summary.id)
        drawn = [b.entity.id for b in diagram.bands]
        grouped = [g.entity.id for g in diagram.groups]
        missing = [n.entity.id for n in diagram.not_drawn]
        assert sorted(drawn + grouped + missing) == sorted(structures), summary.id
        assert all(n.reason for n in diagram.not_drawn)
        assert len(diagram.bands) >= 8, f"{summary.id} draws too little to be worth a view"


def test_each_band_is_drawn_between_its_recorded_attachments(kg: AnkleKG, views: Diagrams) -> None:
    for summary in views.summaries().views:
        for b in views.view(summary.id).bands:
            starts, ends = anchors(kg, b.entity.id, PROXIMAL), anchors(kg, b.entity.id, DISTAL)
            assert b.strands, b.entity.label
            facts = {(f.subject.id, f.predicate.id, f.object.id if f.object else None) for f in b.placed_from}
            for strand in b.strands:
                assert strand.start.site.id in starts and strand.end.site.id in ends, b.entity.label
                for end in (strand.start, strand.end):
                    # drawn at the site itself or at the bone it is part of, with the part-of fact behind it
                    assert within(kg, end.site.id, end.drawn_at.id), (b.entity.label, end)
                    if end.drawn_at.id != end.site.id:
                        assert (end.site.id, schema.PART_OF, end.drawn_at.id) in facts or any(
                            f[0] == end.site.id and f[1] == schema.PART_OF for f in facts)
                assert strand.pieces[0].points[0] and strand.pieces[-1].points[-1]
            # the facts it is placed from are the graph's sourced attachment facts
            assert {f.predicate.id for f in b.placed_from} >= ({schema.TENDON_OF, schema.INSERTION}
                                                               if b.kind == "tendon" else
                                                               {schema.PROXIMAL_ATTACHMENT, schema.DISTAL_ATTACHMENT})
            assert all(f.sources for f in b.placed_from), b.entity.label


def test_the_lateral_view_draws_the_atfl_from_the_lateral_malleolus_to_the_talus(views: Diagrams) -> None:
    atfl = band(views.view("lateral"), ATFL)
    assert atfl.kind == "ligament" and atfl.short_label == "ATFL"
    (strand,) = atfl.strands
    assert (strand.start.site.id, strand.end.site.id) == (LM, TALUS)
    assert [p.hidden for p in strand.pieces] == [False]
    sources = {s.label for f in atfl.placed_from for s in f.sources}
    assert sources and all(isinstance(s, str) for s in sources)


def test_a_whole_whose_attachments_are_its_parts_is_drawn_as_them(views: Diagrams) -> None:
    lateral = views.view("lateral")
    lcl = next(g for g in lateral.groups if g.entity.id == LCL)
    assert {m.id for m in lcl.members} == {ATFL, PTFL, CFL}
    assert {f.predicate.id for f in lcl.placed_from} == {schema.PART_OF}
    assert LCL not in {b.entity.id for b in lateral.bands}
    # the ITL is part of the PITFL, but the PITFL also reaches the lateral malleolus, which the ITL does not
    posterior = views.view("posterior")
    assert {PITFL, ITL} <= {b.entity.id for b in posterior.bands}
    deltoid = next(g for g in views.view("medial").groups if g.entity.id == DELTOID)
    assert len(deltoid.members) == 4


def test_tendons_pass_beneath_their_retinacula_side_by_side(views: Diagrams) -> None:
    lateral = views.view("lateral")
    spr = band(lateral, SPR).strands[0]
    spr_mid = ((spr.start.x + spr.end.x) / 2, (spr.start.y + spr.end.y) / 2)
    passing = []
    for tendon in (FB_TENDON, FL_TENDON):
        strand = band(lateral, tendon).strands[0]
        assert [t.id for t in strand.through] == [SPR, IPR]
        points = [p for piece in strand.pieces for p in piece.points]
        passing.append(min(points, key=lambda p: math.dist(p, spr_mid)))
        assert {f.predicate.id for f in band(lateral, tendon).placed_from} >= {schema.PASSES_THROUGH}
    assert all(math.dist(p, spr_mid) <= TENDON_SPACING for p in passing)
    assert passing[0] != passing[1]  # side by side, not on top of each other
    # the fibularis longus runs on into the sole, out of sight from this side
    longus = band(lateral, FL_TENDON)
    assert any(piece.hidden for s in longus.strands for piece in s.pieces)
    assert not any(piece.hidden for piece in band(lateral, FB_TENDON).strands[0].pieces)


def test_a_band_with_two_distal_attachments_forks(views: Diagrams) -> None:
    first, second = band(views.view("lateral"), BIFURCATE).strands
    trunk = [p for piece in first.pieces for p in piece.points]
    other = [p for piece in second.pieces for p in piece.points]
    assert trunk[:2] == other[:2] and trunk[-1] != other[-1] and len(trunk) == 3


def test_what_a_view_leaves_out_says_why_and_where_it_is_drawn(views: Diagrams) -> None:
    lateral = {n.entity.id: n for n in views.view("lateral").not_drawn}
    assert lateral[DELTOID].drawn_in == ["medial", "posterior", "anterior"]
    assert "drawn as its parts" in lateral[DELTOID].reason
    assert lateral["ANKLE:0000052"].reason == "the medial malleolus is out of sight in this view"
    aponeurosis = lateral["ANKLE:0000133"]
    assert aponeurosis.drawn_in == [] and "only its proximal attachment is recorded" in aponeurosis.reason


def test_the_list_says_where_an_entity_appears_and_what_to_highlight(views: Diagrams) -> None:
    atfl = views.summaries(ATFL)
    assert [v.id for v in atfl.views] == ["lateral", "anterior"]
    assert all(v.appears_as == "band" and [h.id for h in v.highlight] == [ATFL] for v in atfl.views)
    assert {n.view for n in atfl.not_drawn} == {"medial", "posterior"}
    lcl = views.summaries(LCL)
    assert lcl.views[0].appears_as == "group" and {h.id for h in lcl.views[0].highlight} == {ATFL, PTFL, CFL}
    assert {v.appears_as for v in views.summaries(TALUS).views} == {"bone"}
    assert views.summaries("ANKLE:0000055").views == []  # a nerve: not drawn, and not a band either


LAYOUT_HEAD = """{"views": [{"id": "test", "title": "Test", "description": "A test view.", "size": [100, 100],
  "sites": [{"id": "ANKLE:0000008", "at": [10, 10]}, {"id": "ANKLE:0000003", "at": [50, 50]}%s],
  "unseen": [%s]}]}
"""


def tiny(kg: AnkleKG, tmp_path: Path, sites: str = "", unseen: str = "") -> Diagram:
    path = tmp_path / "views.json"
    path.write_text(LAYOUT_HEAD % (sites, unseen), encoding="utf-8")
    return Diagrams(kg.kb, load_layout(path, kg.kb)).view("test")


def test_an_attachment_without_a_position_falls_back_to_its_bone(kg: AnkleKG, tmp_path: Path) -> None:
    diagram = tiny(kg, tmp_path)
    ptfl = band(diagram, PTFL)
    end = ptfl.strands[0].end
    assert (end.site.id, end.drawn_at.id, end.x, end.y) == (LATERAL_TUBERCLE, TALUS, 50, 50)
    assert (LATERAL_TUBERCLE, schema.PART_OF, TALUS) in {(f.subject.id, f.predicate.id, f.object.id if f.object else "")
                                                          for f in ptfl.placed_from}  # fmt: skip
    # its own position wins over the bone's
    placed = tiny(kg, tmp_path, sites=', {"id": "ANKLE:0000127", "at": [40, 70]}')
    assert band(placed, PTFL).strands[0].end.drawn_at.id == LATERAL_TUBERCLE


def test_an_unseen_site_is_not_replaced_by_its_bone(kg: AnkleKG, tmp_path: Path) -> None:
    diagram = tiny(kg, tmp_path, unseen='{"id": "ANKLE:0000127"}')
    assert PTFL not in {b.entity.id for b in diagram.bands}
    reason = next(n.reason for n in diagram.not_drawn if n.entity.id == PTFL)
    assert reason == "the lateral tubercle of posterior process of talus is out of sight in this view"
    # the ATFL, attached to the talus itself, is still drawn
    assert band(diagram, ATFL).strands[0].end.drawn_at.id == TALUS
