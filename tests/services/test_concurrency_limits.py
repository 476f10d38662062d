"""Flow-run concurrency limits by label on both engines: claims admit only runs that fit,
waiting runs say why, ended runs free their slot, and concurrent claimers never exceed a limit
(the limit rows are locked in the claim's transaction)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run
from server.domain.errors import InvalidInput, NotFound
from server.services import agents, concurrency
from tests.factories import make_flow, make_run, set_run_state


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def _agent(db: Database, labels: list[str]) -> uuid.UUID:
    agent_id: uuid.UUID = await call(db, agents.register_agent, type="test", name="limited",
                                     labels=labels)
    return agent_id


async def _claim(db: Database, agent_id: uuid.UUID, limit: int = 10) -> list[uuid.UUID]:
    return [c.id for c in await call(db, agents.claim_flow_runs, agent_id=agent_id,
                                     limit=limit)]


async def _runs(db: Database, count: int, labels: list[str]) -> list[uuid.UUID]:
    flow_id = await make_flow(db)
    return [await make_run(db, flow_id, labels=labels) for _ in range(count)]


async def _reason(db: Database, run_id: uuid.UUID) -> str | None:
    async with db.read() as conn:
        reason: str | None = (await conn.execute(sa.select(flow_run.c.wait_reason)
                                                 .where(flow_run.c.id == run_id))).scalar_one()
        return reason


async def test_a_claim_takes_only_as_many_runs_as_the_label_has_free_slots(db: Database) -> None:
    await call(db, concurrency.set_flow_concurrency_limit, name="db", limit=2)
    limited = await _runs(db, 4, ["db"])
    free = await _runs(db, 2, ["web"])
    agent_id = await _agent(db, ["db", "web"])
    claimed = await _claim(db, agent_id)
    assert set(claimed) == {*limited[:2], *free}
    assert await _claim(db, agent_id) == []
    assert await _reason(db, limited[2]) == \
        "Waiting for a concurrency slot: label 'db' is at its limit of 2"
    assert await _reason(db, limited[0]) is None
    (limit,) = await call(db, concurrency.flow_concurrency_limits)
    assert (limit.name, limit.limit, limit.in_use) == ("db", 2, 2)


async def test_a_run_that_ends_frees_its_slot_and_the_next_claim_takes_a_waiting_run(
    db: Database,
) -> None:
    await call(db, concurrency.set_flow_concurrency_limit, name="db", limit=1)
    runs = await _runs(db, 2, ["db", "extra"])
    agent_id = await _agent(db, ["db", "extra"])
    assert await _claim(db, agent_id) == [runs[0]]
    await set_run_state(db, runs[0], {"type": "Running"})
    assert await _claim(db, agent_id) == []
    await set_run_state(db, runs[0], {"type": "Failed"})
    assert await _claim(db, agent_id) == [runs[1]]
    assert await _reason(db, runs[1]) is None


async def test_a_limit_of_zero_holds_every_run_and_deleting_the_limit_releases_them(
    db: Database,
) -> None:
    await call(db, concurrency.set_flow_concurrency_limit, name="db", limit=0)
    runs = await _runs(db, 2, ["db"])
    agent_id = await _agent(db, ["db"])
    assert await _claim(db, agent_id) == []
    await call(db, concurrency.delete_flow_concurrency_limit, name="db")
    assert sorted(await _claim(db, agent_id)) == sorted(runs)


async def test_bad_limits_are_refused_and_deleting_an_unknown_limit_is_not_found(
    db: Database,
) -> None:
    for name, limit in (("db", -1), ("", 2), ("  ", 2), ("db", True)):
        with pytest.raises(InvalidInput):
            await call(db, concurrency.set_flow_concurrency_limit, name=name, limit=limit)
    with pytest.raises(NotFound):
        await call(db, concurrency.delete_flow_concurrency_limit, name="nope")
    assert await call(db, concurrency.flow_concurrency_limits) == []


async def test_setting_a_limit_again_changes_it_in_place(db: Database) -> None:
    first = await call(db, concurrency.set_flow_concurrency_limit, name="db", limit=2)
    again = await call(db, concurrency.set_flow_concurrency_limit, name="db", limit=5)
    assert (again.id, again.limit) == (first.id, 5)


async def test_twelve_concurrent_claims_never_take_more_runs_than_the_limit(db: Database) -> None:
    """Four agents see disjoint runs (a second label each), so SKIP LOCKED alone would let
    each take its own runs: only the locked limit row keeps the total at the limit."""
    await call(db, concurrency.set_flow_concurrency_limit, name="db", limit=3)
    agent_ids = []
    for team in ("a", "b", "c", "d"):
        await _runs(db, 5, ["db", team])
        agent_ids.append(await _agent(db, ["db", team]))
    results = await asyncio.gather(*(_claim(db, agent_ids[i % 4], limit=2) for i in range(12)))
    claimed = [run_id for got in results for run_id in got]
    assert len(claimed) == len(set(claimed)) == 3


async def test_the_prefect1_queue_offers_only_the_runs_that_fit_the_limit(db: Database) -> None:
    await call(db, concurrency.set_flow_concurrency_limit, name="db", limit=1)
    runs = await _runs(db, 3, ["db"])
    agent_id = await _agent(db, ["db"])
    offered = await call(db, agents.get_runs_in_queue, agent_id=agent_id)
    assert offered == [runs[0]]
    await set_run_state(db, runs[0], {"type": "Submitted"})
    assert await call(db, agents.get_runs_in_queue, agent_id=agent_id) == []
