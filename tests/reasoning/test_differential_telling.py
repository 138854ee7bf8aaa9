"""What would tell tied candidates apart (blinded review r31 C19-C24: the tie note named no finding to look for)."""

from __future__ import annotations

from app.kg import AnkleKG


def test_a_tie_lists_unreported_findings_that_some_tied_candidates_predict_and_others_do_not(kg: AnkleKG) -> None:
    # numbness alone (with an inversion in plantarflexion the superficial fibular nerve's entrapment, recorded to
    # arise from inversion sprains, now explains both and leads alone: editor38)
    report = kg.differential(numbness_areas=("skin of dorsum of foot",))
    top = [c.structure.label for c in report.candidates if c.score == report.candidates[0].score]
    assert report.tied_at_top > 1 and report.telling_findings
    telling = {t.finding.label: {c.label for c in t.predicted_by} for t in report.telling_findings}
    # the first web space: numb after a common fibular nerve lesion (its deep branch), not a superficial one's
    assert "common fibular nerve" in telling["skin of first web space of foot"]
    assert "superficial fibular nerve" not in telling["skin of first web space of foot"]
    for t in report.telling_findings:
        assert t.finding.label != "skin of dorsum of foot"  # nothing already reported
        assert 0 < len({c.id for c in t.predicted_by}) < len(top)  # some of the tied, not all


def test_no_tie_lists_nothing(kg: AnkleKG) -> None:
    report = kg.differential(positive_tests=("Thompson test",))
    assert report.tied_at_top <= 1 and report.telling_findings == []


def test_a_negative_test_a_partial_tear_only_may_make_positive_counts_half_and_says_so(kg: AnkleKG) -> None:
    """Review r31 C19 (re-score): the differential said a grade II sprain 'predicts' the drawer positive while the
    impact answer said it may be positive; the evidence now carries its weight."""
    report = kg.differential(symptoms=("pain", "swelling"), negative_tests=("anterior drawer test",),
                             mechanism=("inversion", "plantarflexion"))
    atfl = next(c for c in report.candidates if c.structure.label == "anterior talofibular ligament")
    by = {r.condition.label: r for r in atfl.ruled_out if r.condition is not None}
    partial, complete = by["lateral ankle sprain grade II"], by["lateral ankle sprain grade III"]
    assert [e.weight for e in partial.contradicted_by if e.finding.label == "anterior drawer test"] == [0.5]
    assert [e.weight for e in complete.contradicted_by if e.finding.label == "anterior drawer test"] == [1.0]
    assert partial.score > complete.score
