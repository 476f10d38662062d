"""Loop leases: one process runs a loop at a time, and another takes over when it stops."""

from __future__ import annotations

import asyncio

import pendulum

from server.database.engine import Database
from server.domain import clock
from server.loops import LeasedLoop
from server.repository.common import Conn
from server.services import leases

NOW = pendulum.datetime(2024, 3, 1, 12, tz="UTC")


async def _take(db: Database, holder: str, ttl: float = 30) -> bool:
    async with db.transaction() as conn:
        return await leases.take_lease(conn, name="loop", holder=holder, ttl_seconds=ttl)


async def test_a_live_lease_is_held_by_one_process_and_renewed_by_it(db: Database) -> None:
    with clock.frozen(NOW) as frozen:
        assert await _take(db, "a")
        assert not await _take(db, "b")
        frozen.advance(seconds=20)
        assert await _take(db, "a")
        frozen.advance(seconds=20)
        assert not await _take(db, "b")


async def test_an_expired_lease_goes_to_the_next_process(db: Database) -> None:
    with clock.frozen(NOW) as frozen:
        assert await _take(db, "a")
        frozen.advance(seconds=31)
        assert await _take(db, "b")
        assert not await _take(db, "a")


async def test_of_many_processes_taking_a_free_lease_at_once_exactly_one_wins(
    db: Database,
) -> None:
    results = await asyncio.gather(*(_take(db, f"p{i}") for i in range(20)))
    assert sum(results) == 1


async def test_a_loop_acts_only_while_it_holds_its_lease_and_lets_go_when_stopped(
    db: Database,
) -> None:
    calls: list[str] = []

    def action(name: str):  # type: ignore[no-untyped-def]
        async def act(_: Conn) -> str | None:
            calls.append(name)
            return None

        return act

    first = LeasedLoop("loop", 30, db, "first", action("first"))
    second = LeasedLoop("loop", 30, db, "second", action("second"))
    assert await first.run_once()
    assert not await second.run_once()
    first.start()
    await first.stop()  # releases the lease
    assert await second.run_once()
    assert calls[0] == "first" and calls[-1] == "second" and "second" in calls
