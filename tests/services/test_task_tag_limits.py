"""Task-run concurrency limits by tag on both engines: a task run whose tag is at its limit
does not start and is told QUEUED (its state and version untouched); slots free when task
runs end, when their flow run ends or stops beating; concurrent starts never exceed a limit."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import pendulum
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import task, task_run
from server.domain import clock
from server.domain.errors import InvalidInput, NotFound
from server.services import flow_runs, flows, task_concurrency, task_runs
from server.services.task_runs import StateChange
from tests.factories import make_project, make_run, set_run_state

NOW = pendulum.datetime(2030, 2, 1, 8, tz="UTC")
TIMEOUT = 120.0


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def _running_flow_run(db: Database, tags: list[str]) -> tuple[uuid.UUID, uuid.UUID]:
    """A Running flow run of a flow with one task tagged `tags`: (flow run id, task id)."""
    document = {"name": f"tagged-{uuid.uuid4().hex[:6]}", "parameters": [],
                "tasks": [{"slug": "work", "name": "work", "tags": tags}]}
    flow_id = await call(db, flows.create_flow, serialized_flow=document,
                         project_id=await make_project(db))
    run_id = await make_run(db, flow_id)
    await set_run_state(db, run_id, {"type": "Running"})
    async with db.read() as conn:
        task_id = (await conn.execute(sa.select(task.c.id).where(task.c.flow_id == flow_id))
                   ).scalar_one()
    return run_id, task_id


async def _children(db: Database, run_id: uuid.UUID, task_id: uuid.UUID, count: int
                    ) -> list[Any]:
    return [await call(db, task_runs.get_or_create_task_run, flow_run_id=run_id,
                       task_id=task_id, map_index=i) for i in range(count)]


async def _start(db: Database, row: Any, state: str = "Running") -> task_concurrency.Outcome:
    outcomes: list[task_concurrency.Outcome] = await call(
        db, task_concurrency.set_task_run_states, changes=[
            StateChange(row.id, {"type": state}, row.version)],
        heartbeat_timeout_seconds=TIMEOUT)
    return outcomes[0]


async def _state(db: Database, task_run_id: uuid.UUID) -> tuple[str, int]:
    async with db.read() as conn:
        row = (await conn.execute(sa.select(task_run.c.state, task_run.c.version)
                                  .where(task_run.c.id == task_run_id))).one()
    return row.state, row.version


async def test_a_task_run_at_its_tags_limit_is_queued_and_starts_once_a_slot_frees(
    db: Database,
) -> None:
    await call(db, task_concurrency.update_task_tag_limit, tag="db", limit=1)
    run_id, task_id = await _running_flow_run(db, ["db", "other"])
    first, second = await _children(db, run_id, task_id, 2)
    assert (await _start(db, first)).queued is None
    waiting = await _start(db, second)
    assert waiting.queued == "Queued: concurrency limit reached for tag(s) 'db' (1)"
    assert waiting.version == second.version
    assert await _state(db, second.id) == ("Pending", second.version)
    await call(db, task_runs.set_task_run_state, task_run_id=first.id, state={"type": "Success"})
    assert (await _start(db, second)).queued is None
    assert (await _state(db, second.id))[0] == "Running"


async def test_slots_free_when_the_flow_run_ends_or_stops_beating(db: Database) -> None:
    await call(db, task_concurrency.update_task_tag_limit, tag="db", limit=1)
    with clock.frozen(NOW) as frozen:
        ended, task_a = await _running_flow_run(db, ["db"])
        (holder,) = await _children(db, ended, task_a, 1)
        assert (await _start(db, holder)).queued is None
        silent, task_b = await _running_flow_run(db, ["db"])
        (waiter,) = await _children(db, silent, task_b, 1)
        assert (await _start(db, waiter)).queued is not None
        await set_run_state(db, ended, {"type": "Failed"})
        assert (await _start(db, waiter)).queued is None  # the ended run's slot is free
        third, task_c = await _running_flow_run(db, ["db"])
        (late,) = await _children(db, third, task_c, 1)
        assert (await _start(db, late)).queued is not None
        frozen.advance(seconds=TIMEOUT + 1)  # "silent" never sent a heartbeat
        await call(db, flow_runs.update_flow_run_heartbeat, flow_run_id=third)
        assert (await _start(db, late)).queued is None


async def test_untagged_tasks_and_other_states_are_never_held(db: Database) -> None:
    await call(db, task_concurrency.update_task_tag_limit, tag="db", limit=0)
    run_id, task_id = await _running_flow_run(db, [])
    (free,) = await _children(db, run_id, task_id, 1)
    assert (await _start(db, free)).queued is None
    tagged_run, tagged_task = await _running_flow_run(db, ["db"])
    (held,) = await _children(db, tagged_run, tagged_task, 1)
    assert (await _start(db, held, "Failed")).queued is None  # only running states wait


async def test_limits_are_updated_in_place_and_bad_input_is_refused(db: Database) -> None:
    first = await call(db, task_concurrency.update_task_tag_limit, tag="db", limit=1)
    again = await call(db, task_concurrency.update_task_tag_limit, tag="db", limit=3)
    assert (again.id, again.limit) == (first.id, 3)
    for tag, limit in (("", 1), ("db", -1), ("db", 1.5)):
        with pytest.raises(InvalidInput):
            await call(db, task_concurrency.update_task_tag_limit, tag=tag, limit=limit)
    await call(db, task_concurrency.delete_task_tag_limit, limit_id=first.id)
    with pytest.raises(NotFound):
        await call(db, task_concurrency.delete_task_tag_limit, limit_id=first.id)


async def test_eight_task_runs_starting_at_once_never_exceed_a_limit_of_two(
    db: Database,
) -> None:
    await call(db, task_concurrency.update_task_tag_limit, tag="db", limit=2)
    run_id, task_id = await _running_flow_run(db, ["db"])
    children = await _children(db, run_id, task_id, 8)
    outcomes = await asyncio.gather(*(_start(db, child) for child in children))
    assert sum(outcome.queued is None for outcome in outcomes) == 2
    states = [(await _state(db, child.id))[0] for child in children]
    assert states.count("Running") == 2 and states.count("Pending") == 6
