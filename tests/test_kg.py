"""The Python API (app.kg): what a notebook user calls, and what loading it does not do."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable

import pytest

from app.errors import AmbiguousTerm, AnkleKGError, InvalidArgument, TermNotResolved, UnknownTerm
from app.kg import AnkleKG
from app.knowledge.lookup import TermIndex
from app.knowledge.model import Term
from app.settings import Settings


def test_impact_takes_one_name_as_it_takes_a_list(kg: AnkleKG) -> None:
    one = kg.impact("ATFL")
    assert one == kg.impact(["ATFL"])
    assert [i.structure.label for i in one.injuries if i.via is None] == ["anterior talofibular ligament"]


def test_impact_of_nothing_is_refused_with_the_parameter(kg: AnkleKG) -> None:
    with pytest.raises(InvalidArgument) as refused:
        kg.impact([])
    assert refused.value.parameter == "injured"


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda kg: kg.resolve("ATFX"), "ref"),
        (lambda kg: kg.entity("ATFX"), "ref"),
        (lambda kg: kg.paths("ATFX", "talus"), "from"),
        (lambda kg: kg.paths("talus", "ATFX"), "to"),
        (lambda kg: kg.impact("ATFX"), "injured"),
        (lambda kg: kg.impact("ATFL", position="ATFX"), "position"),
        (lambda kg: kg.differential(symptoms=["ATFX"]), "symptoms"),
    ],
)
def test_an_unknown_name_says_which_parameter_held_it(
    kg: AnkleKG, call: Callable[[AnkleKG], object], parameter: str
) -> None:
    with pytest.raises(UnknownTerm) as unknown:
        call(kg)
    assert unknown.value.parameter == parameter
    assert unknown.value.ref == "ATFX"


def test_term_errors_share_one_base_that_carries_the_parameter() -> None:
    term = Term(id="ANKLE:0000001", iri="https://w3id.org/anklekg/ANKLE_0000001", label="x", types=())
    index = TermIndex(
        [term, Term(id="ANKLE:0000002", iri="https://w3id.org/anklekg/ANKLE_0000002", label="x", types=())]
    )
    with pytest.raises(AmbiguousTerm) as ambiguous:
        index.resolve("x", parameter="to")
    with pytest.raises(UnknownTerm) as unknown:
        index.resolve("nothing like it")
    for error in (ambiguous.value, unknown.value):
        assert isinstance(error, TermNotResolved) and isinstance(error, AnkleKGError)
    assert ambiguous.value.parameter == "to" and unknown.value.parameter is None
    assert {t.id for t in ambiguous.value.candidates} == {"ANKLE:0000001", "ANKLE:0000002"}


def test_the_term_index_is_a_mapping_by_id(kg: AnkleKG) -> None:
    term = kg.resolve("ATFL")
    assert kg.kb.terms[term.id] is term and term.id in kg.kb.terms
    assert len(list(kg.kb.terms.values())) == len(kg.kb.terms) == kg.counts()["entities"]


def test_loading_leaves_the_garbage_collector_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    """Freezing the heap is the server's business (app.api.main), not a notebook's."""
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    AnkleKG.load(Settings(validate_on_start=False))
    assert not frozen


def test_starting_the_server_freezes_the_loaded_graph(kg: AnkleKG, monkeypatch: pytest.MonkeyPatch) -> None:
    """Full collections must not walk the graph under load (p99 of impact: ~37 ms unfrozen, ~4 ms frozen)."""
    from app.api.main import create_app

    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    app = create_app(kg)

    async def start_and_stop() -> None:
        async with app.router.lifespan_context(app):
            assert frozen == [True]

    asyncio.run(start_and_stop())
