"""The per-client gate on its own: limits, its queue in arrival order, deadlines, and cancellation that always wins."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

import pytest

from app.sparql.admission import ClientGate, Standing, TooManyQueries


def run(scenario: Callable[[ClientGate], Coroutine[Any, Any, None]], limit: int = 1, queue: int = 2) -> ClientGate:
    gate = ClientGate(limit=limit, queue=queue)
    asyncio.run(scenario(gate))
    return gate


async def hold(gate: ClientGate, client: str, release: asyncio.Event, order: list[str], name: str) -> None:
    deadline = asyncio.get_running_loop().time() + 5
    async with gate.admit(client, deadline):
        order.append(name)
        await release.wait()


def test_one_client_waits_in_its_own_line_and_others_do_not() -> None:
    order: list[str] = []

    async def scenario(gate: ClientGate) -> None:
        release = asyncio.Event()
        tasks = [asyncio.create_task(hold(gate, "a", release, order, f"a{i}")) for i in range(3)]
        other = asyncio.create_task(hold(gate, "b", asyncio.Event(), order, "b0"))
        await asyncio.sleep(0.01)
        assert order == ["a0", "b0"] and gate.running("a") == 1
        with pytest.raises(TooManyQueries) as refused:  # a's line (2) is full
            await hold(gate, "a", release, order, "a3")
        assert not refused.value.timed_out
        release.set()
        await asyncio.gather(*tasks)
        other.cancel()
        await asyncio.gather(other, return_exceptions=True)

    gate = run(scenario)
    assert order == ["a0", "b0", "a1", "a2"]  # in arrival order
    assert gate._clients == {}  # nothing kept once a client is idle


def test_a_query_that_waits_past_its_deadline_is_turned_away() -> None:
    async def scenario(gate: ClientGate) -> None:
        release = asyncio.Event()
        holder = asyncio.create_task(hold(gate, "a", release, [], "a0"))
        await asyncio.sleep(0)
        with pytest.raises(TooManyQueries) as refused:
            async with gate.admit("a", asyncio.get_running_loop().time() + 0.05):
                pass
        assert refused.value.timed_out
        release.set()
        await holder

    assert run(scenario)._clients == {}


def test_a_waiter_cancelled_as_the_slot_reaches_it_passes_the_slot_on_and_stays_cancelled() -> None:
    """The client of the waiting query left just as the running one finished: it must not run."""
    order: list[str] = []

    async def scenario(gate: ClientGate) -> None:
        release = asyncio.Event()
        first = asyncio.create_task(hold(gate, "a", release, order, "first"))
        await asyncio.sleep(0)
        second = asyncio.create_task(hold(gate, "a", release, order, "second"))
        third = asyncio.create_task(hold(gate, "a", release, order, "third"))
        await asyncio.sleep(0.01)
        release.set()
        await first  # its release hands the slot to ``second``...
        second.cancel()  # ...whose client leaves in the same loop iteration
        await asyncio.gather(second, return_exceptions=True)
        await third
        assert second.cancelled()

    gate = run(scenario)
    assert order == ["first", "third"]
    assert gate._clients == {}


def test_a_client_is_heavy_for_one_memory_after_a_query_past_the_fair_share() -> None:
    standing = Standing(share=0.5, memory=10)
    standing.record("short", 0.4, now=100)
    standing.record("long", 0.5, now=100)
    standing.record("oom", 0.1, now=100, heavy=True)
    assert not standing.heavy("short", 101)
    assert standing.heavy("long", 109.9) and standing.heavy("oom", 101)
    assert standing.remaining("long", 105) == 5 and standing.remaining("short", 105) == 0
    assert not standing.heavy("long", 110)
    assert "long" not in standing._until  # forgotten once it has expired


def test_the_standing_table_drops_expired_clients_as_it_grows() -> None:
    standing = Standing(share=0.5, memory=1)
    for i in range(300):
        standing.record(f"10.0.{i // 256}.{i % 256}", 1.0, now=float(i))
    assert len(standing._until) <= 257  # only the clients of the last second or so remain


def test_no_fair_share_means_nobody_is_heavy_for_running_long() -> None:
    standing = Standing(share=0, memory=10)
    standing.record("a", 100.0, now=0)
    assert not standing.heavy("a", 1)


def test_the_gate_is_full_only_when_a_client_runs_its_limit_and_its_line_is_taken() -> None:
    async def scenario(gate: ClientGate) -> None:
        release = asyncio.Event()
        assert not gate.full("a")
        tasks = [asyncio.create_task(hold(gate, "a", release, [], f"a{i}")) for i in range(3)]
        await asyncio.sleep(0.01)
        assert gate.full("a") and not gate.full("b")
        with pytest.raises(TooManyQueries):  # what the endpoint answers early, the gate answers the same
            await hold(gate, "a", release, [], "a3")
        release.set()
        await asyncio.gather(*tasks)
        assert not gate.full("a")

    run(scenario)
