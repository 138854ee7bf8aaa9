"""The Python API (app.kg): what a notebook user calls, and what loading it does not do."""

from __future__ import annotations

import asyncio
import gc

import pytest

from app.kg import AnkleKG
from app.settings import Settings


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
