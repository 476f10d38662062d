"""Claiming runs: the database settles which agent gets a run, never two."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter

import pendulum
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import agent, flow_run, flow_run_state
from server.domain import clock
from server.domain.errors import NotFound
from server.services import agents, flow_runs
from tests.factories import make_flow, make_run

NOW = pendulum.datetime(2024, 3, 1, 12, tz="UTC")


async def _agent(db: Database, labels: list[str] | None = None) -> uuid.UUID:
    async with db.transaction() as conn:
        return await agents.register_agent(conn, type="test", name="a", labels=labels)


async def _claim(db: Database, agent_id: uuid.UUID, limit: int = 10,
                 labels: list[str] | None = None) -> list[uuid.UUID]:
    async with db.transaction() as conn:
        got = await agents.claim_flow_runs(conn, agent_id=agent_id, limit=limit, labels=labels)
    return [c.id for c in got]


async def test_a_claim_moves_a_due_run_to_submitted_for_the_agent_with_a_heartbeat(
    db: Database,
) -> None:
    with clock.frozen(NOW):
        run_id = await make_run(db, await make_flow(db))
        agent_id = await _agent(db)
        assert await _claim(db, agent_id) == [run_id]
    async with db.read() as conn:
        run = (await conn.execute(sa.select(flow_run))).one()
        states = (await conn.execute(sa.select(flow_run_state.c.state)
                                     .order_by(flow_run_state.c.version))).scalars().all()
    assert (run.state, run.version, run.agent_id, run.heartbeat) == (
        "Submitted", 2, agent_id, NOW)
    assert states == ["Scheduled", "Submitted"]


async def test_runs_that_are_not_due_or_not_scheduled_are_not_claimed(db: Database) -> None:
    flow_id = await make_flow(db)
    with clock.frozen(NOW):
        later = await make_run(db, flow_id, scheduled_start_time=NOW.add(minutes=1))
        cancelled = await make_run(db, flow_id)
        async with db.transaction() as conn:
            await flow_runs.cancel_flow_run(conn, flow_run_id=cancelled)
        agent_id = await _agent(db)
        assert await _claim(db, agent_id) == []
    with clock.frozen(NOW.add(minutes=1)):
        assert await _claim(db, agent_id) == [later]


async def test_an_agent_gets_runs_whose_labels_it_all_carries_and_unlabelled_runs(
    db: Database,
) -> None:
    flow_id = await make_flow(db)
    with clock.frozen(NOW):
        plain = await make_run(db, flow_id, labels=[])
        gpu = await make_run(db, flow_id, labels=["gpu"])
        both = await make_run(db, flow_id, labels=["gpu", "big"])
        cpu_agent, gpu_agent = await _agent(db, ["cpu"]), await _agent(db, ["gpu", "x"])
        assert await _claim(db, cpu_agent) == [plain]
        assert await _claim(db, gpu_agent) == [gpu]
        assert await _claim(db, gpu_agent, labels=["big", "gpu"]) == [both]


async def test_many_agents_claiming_at_once_never_get_the_same_run(db: Database) -> None:
    flow_id = await make_flow(db)
    with clock.frozen(NOW):
        runs = {await make_run(db, flow_id) for _ in range(40)}
        agent_ids = [await _agent(db) for _ in range(8)]

        async def drain(agent_id: uuid.UUID) -> list[uuid.UUID]:
            got: list[uuid.UUID] = []
            while batch := await _claim(db, agent_id, limit=3):
                got.extend(batch)
            return got

        results = await asyncio.gather(*(drain(a) for a in agent_ids))
    counts = Counter(run for got in results for run in got)
    assert set(counts) == runs
    assert max(counts.values()) == 1


async def test_the_queue_lists_due_runs_without_claiming_them(db: Database) -> None:
    with clock.frozen(NOW):
        run_id = await make_run(db, await make_flow(db), labels=["gpu"])
        agent_id = await _agent(db, ["gpu"])
    with clock.frozen(NOW.add(seconds=5)):
        async with db.transaction() as conn:
            assert await agents.get_runs_in_queue(conn, agent_id=agent_id) == [run_id]
            assert await agents.get_runs_in_queue(conn, labels=[]) == []
            assert await agents.get_runs_in_queue(conn, labels=["gpu"],
                                                  before=NOW.subtract(seconds=1)) == []
    async with db.read() as conn:
        row = (await conn.execute(sa.select(agent.c.last_queried))).one()
        run = (await conn.execute(sa.select(flow_run.c.state))).one()
    assert row.last_queried == NOW.add(seconds=5)
    assert run.state == "Scheduled"


async def test_an_unknown_agent_cannot_claim(db: Database) -> None:
    with pytest.raises(NotFound) as caught:
        await _claim(db, uuid.uuid4())
    assert caught.value.code == "NOT_FOUND"
