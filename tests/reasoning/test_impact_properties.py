"""Properties of the impact engine over the bundled data (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from app.kg import AnkleKG
from app.reasoning.impact import ImpactReport
from tests.datafacts import select

RESTRAINERS = sorted(
    {row["s"] for row in select("SELECT ?s WHERE { ?r a akg:Restraint ; akg:restrainingStructure ?s }")}
)
structures = st.sampled_from(RESTRAINERS)
grades = st.sampled_from([1, 2, 3])


def losses(report: ImpactReport) -> dict[tuple[str, str, str], float]:
    return {(d.joint.id, d.motion.id, d.position.id): d.fraction_lost for d in report.destabilised_motions}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(structures, grades), min_size=1, max_size=4), st.tuples(structures, grades))
def test_adding_an_injury_never_reduces_any_loss(kg: AnkleKG, injuries: list, extra: tuple) -> None:
    before = losses(kg.impact(injuries))
    after = losses(kg.impact([*injuries, extra]))
    for key, lost in before.items():
        assert after[key] >= lost - 1e-9


@settings(max_examples=60, deadline=None)
@given(structures, st.sampled_from([(1, 2), (2, 3), (1, 3)]))
def test_a_higher_grade_never_reduces_loss(kg: AnkleKG, structure: str, pair: tuple[int, int]) -> None:
    low, high = (losses(kg.impact([(structure, g)])) for g in pair)
    assert low.keys() == high.keys()
    assert all(high[k] >= low[k] for k in low)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(structures, grades), min_size=1, max_size=5))
def test_answers_are_deterministic_and_consistent(kg: AnkleKG, injuries: list) -> None:
    first = kg.impact(injuries)
    assert first == kg.impact(list(reversed(injuries)))
    for item in first.destabilised_motions:
        assert 0.0 < item.fraction_lost <= 1.0
        assert abs(item.fraction_lost + item.restraint_remaining - 1.0) < 1e-9
        assert item.because and all(f.sources for f in item.because)
