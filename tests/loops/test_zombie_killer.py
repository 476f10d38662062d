"""The zombie killer ends runs whose heartbeat stopped, with a message saying so."""

from __future__ import annotations

import uuid

import pendulum
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import log
from server.domain import clock
from server.domain.records import FlowRunRecord
from server.repository import flow_runs as run_repo
from server.services import agents, flow_runs, zombies
from tests.factories import make_flow, make_run, set_run_state

NOW = pendulum.datetime(2024, 3, 1, 12, tz="UTC")


async def _set(db: Database, run_id: uuid.UUID, state: str) -> None:
    await set_run_state(db, run_id, {"type": state})


async def _kill(db: Database, timeout: float = 60) -> zombies.ZombieResult:
    async with db.transaction() as conn:
        return await zombies.kill_zombies(conn, timeout_seconds=timeout)


async def _run(db: Database, run_id: uuid.UUID) -> FlowRunRecord:
    async with db.read() as conn:
        row = await run_repo.get(conn, run_id)
    assert row is not None
    return row


async def test_a_running_run_without_heartbeats_is_failed_with_a_message_and_a_log(
    db: Database,
) -> None:
    run_id = await make_run(db, await make_flow(db))
    with clock.frozen(NOW) as frozen:
        await _set(db, run_id, "Running")
        frozen.advance(seconds=61)
        result = await _kill(db, timeout=60)
    assert result.failed == [run_id]
    run = await _run(db, run_id)
    assert run.state == "Failed"
    assert run.state_message is not None
    assert "No heartbeat for more than 60 seconds" in run.state_message
    async with db.read() as conn:
        logs = (await conn.execute(sa.select(log).where(log.c.flow_run_id == run_id))).all()
    assert [(r.level, r.name) for r in logs] == [("ERROR", zombies.LOGGER_NAME)]


async def test_a_run_whose_heartbeat_is_recent_is_left_running(db: Database) -> None:
    run_id = await make_run(db, await make_flow(db))
    with clock.frozen(NOW) as frozen:
        await _set(db, run_id, "Running")
        frozen.advance(seconds=50)
        async with db.transaction() as conn:
            await flow_runs.update_flow_run_heartbeat(conn, flow_run_id=run_id)
        frozen.advance(seconds=50)
        result = await _kill(db, timeout=60)
    assert result.failed == []
    assert (await _run(db, run_id)).state == "Running"


async def test_a_cancelling_run_whose_agent_died_ends_cancelled(db: Database) -> None:
    run_id = await make_run(db, await make_flow(db))
    with clock.frozen(NOW) as frozen:
        await _set(db, run_id, "Running")
        async with db.transaction() as conn:
            assert await flow_runs.cancel_flow_run(conn, flow_run_id=run_id) == "Cancelling"
        frozen.advance(minutes=5)
        result = await _kill(db)
    assert result.cancelled == [run_id]
    assert (await _run(db, run_id)).state == "Cancelled"


async def test_a_run_claimed_by_an_agent_that_died_before_starting_it_is_rescheduled(
    db: Database,
) -> None:
    flow_id = await make_flow(db)
    with clock.frozen(NOW) as frozen:
        claimed = await make_run(db, flow_id)
        async with db.transaction() as conn:
            agent_id = await agents.register_agent(conn, type="test", name="gone")
            got = await agents.claim_flow_runs(conn, agent_id=agent_id, limit=5)
        assert [c.id for c in got] == [claimed]
        by_hand = await make_run(db, flow_id)
        await _set(db, by_hand, "Submitted")  # a Prefect 1 agent's way: no agent_id
        frozen.advance(minutes=5)
        result = await _kill(db)
    assert result.rescheduled == [claimed]
    run = await _run(db, claimed)
    assert (run.state, run.agent_id) == ("Scheduled", None)
    assert (await _run(db, by_hand)).state == "Submitted"
