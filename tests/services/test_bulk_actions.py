"""Restart and bulk actions in the service layer, on both engines: which task runs a restart
resets, and bulk actions racing each other and agents' claims (the database settles it)."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from typing import Any

import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state, task, task_run
from server.domain.errors import Conflict
from server.services import agents, bulk_actions, flow_runs, flows, task_runs
from tests.factories import make_project, make_run, set_run_state

TASKS = [{"slug": "ok", "name": "ok"}, {"slug": "boom", "name": "boom"},
         {"slug": "after", "name": "after"}, {"slug": "each", "name": "each"}]
EDGES = [{"upstream_task": {"slug": "boom"}, "downstream_task": {"slug": "after"}}]


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def _graph_flow(db: Database) -> uuid.UUID:
    document = {"name": "graph", "parameters": [], "tasks": TASKS, "edges": EDGES}
    flow_id: uuid.UUID = await call(db, flows.create_flow, serialized_flow=document,
                                    project_id=await make_project(db))
    return flow_id


async def _task_states(db: Database, run_id: uuid.UUID) -> dict[tuple[str, int], str]:
    async with db.read() as conn:
        rows = (await conn.execute(
            sa.select(task.c.slug, task_run.c.map_index, task_run.c.state)
            .join(task, task.c.id == task_run.c.task_id)
            .where(task_run.c.flow_run_id == run_id))).all()
    return {(row.slug, row.map_index): row.state for row in rows}


async def _failed_run(db: Database) -> tuple[uuid.UUID, int]:
    """A run that failed at "boom": ok succeeded, after TriggerFailed, mapped "each" has one
    child that succeeded and one that failed."""
    run_id = await make_run(db, await _graph_flow(db))
    await set_run_state(db, run_id, {"type": "Running"})
    async with db.read() as conn:
        ids = {r.slug: r.task_id for r in (await conn.execute(
            sa.select(task.c.slug, task.c.id.label("task_id")))).all()}
    final = {"ok": "Success", "boom": "Failed", "after": "TriggerFailed", "each": "Mapped"}
    for slug, state in final.items():
        row = await call(db, task_runs.get_or_create_task_run, flow_run_id=run_id,
                         task_id=ids[slug])
        await call(db, task_runs.set_task_run_state, task_run_id=row.id, state={"type": state})
    for index, state in ((0, "Success"), (1, "Failed")):
        row = await call(db, task_runs.get_or_create_task_run, flow_run_id=run_id,
                         task_id=ids["each"], map_index=index)
        await call(db, task_runs.set_task_run_state, task_run_id=row.id, state={"type": state})
    version = await set_run_state(db, run_id, {"type": "Failed"})
    return run_id, version


async def test_a_restart_resets_the_failed_task_runs_and_the_parent_of_a_failed_child(
    db: Database,
) -> None:
    run_id, version = await _failed_run(db)
    result = await call(db, bulk_actions.restart_flow_run, flow_run_id=run_id, version=version)
    assert result.version == version + 1 and len(result.task_run_ids) == 4
    assert await _task_states(db, run_id) == {
        ("ok", -1): "Success", ("boom", -1): "Pending", ("after", -1): "Pending",
        ("each", -1): "Pending", ("each", 0): "Success", ("each", 1): "Pending",
    }
    run = await call(db, flow_runs.get_flow_run, flow_run_id=run_id)
    assert (run.state, run.state_message) == ("Scheduled", "Flow run restarted.")


async def test_a_run_restarted_once_cannot_be_restarted_again_with_the_same_version(
    db: Database,
) -> None:
    run_id, version = await _failed_run(db)
    await call(db, bulk_actions.restart_flow_run, flow_run_id=run_id, version=version)
    with pytest.raises(Conflict):
        await call(db, bulk_actions.restart_flow_run, flow_run_id=run_id, version=version)


async def test_bulk_cancels_racing_each_other_and_claims_cancel_each_run_once(
    db: Database,
) -> None:
    flow_id = (await _graph_flow(db))
    run_ids = [await make_run(db, flow_id) for _ in range(20)]
    agent_id = await call(db, agents.register_agent, type="test", name="racer")
    where = {"id": {"_in": [str(i) for i in run_ids]}}

    async def cancel() -> list[uuid.UUID]:
        ids: list[uuid.UUID] = (await call(db, bulk_actions.cancel_flow_runs, where=where)).ids
        return ids

    async def claim() -> list[uuid.UUID]:
        return [c.id for c in await call(db, agents.claim_flow_runs, agent_id=agent_id,
                                         limit=5)]

    results = await asyncio.gather(cancel(), cancel(), claim(), cancel(), claim())
    cancelled = results[0] + results[1] + results[3]
    claimed = results[2] + results[4]
    assert len(cancelled) == len(set(cancelled))  # no run cancelled by two callers
    async with db.read() as conn:
        history = Counter((await conn.execute(
            sa.select(flow_run_state.c.flow_run_id)
            .where(flow_run_state.c.state.in_(["Cancelled", "Cancelling"])))).scalars())
        final = dict((await conn.execute(
            sa.select(flow_run.c.id, flow_run.c.state))).all())
    assert all(count == 1 for count in history.values())
    assert set(history) == set(run_ids)
    assert {final[i] for i in claimed} <= {"Cancelling", "Cancelled"}
