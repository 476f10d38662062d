"""The task graph and task run services on both databases, including the races the database
settles: many runners creating one mapped task run, many setting one versioned state."""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import edge, flow_run, task, task_run, task_run_state
from server.domain.errors import Conflict, FlowrunError, InvalidInput, NotFound, VersionMismatch
from server.services import flows, scheduler, task_runs, tasks
from tests.factories import make_project, make_run, set_run_state

TASKS = [
    {"slug": "a", "name": "a", "type": "prefect.core.parameter.Parameter", "tags": []},
    {"slug": "add-1", "name": "add", "max_retries": 2, "tags": ["math"],
     "trigger": {"fn": "prefect.triggers.all_successful", "kwargs": {}}},
    {"slug": "show-1", "name": "show", "tags": []},
]
EDGES = [
    {"upstream_task": {"slug": "a"}, "downstream_task": {"slug": "add-1"}, "key": "x",
     "mapped": True},
    {"upstream_task": {"slug": "add-1"}, "downstream_task": {"slug": "show-1"}, "key": "v"},
]


def _document(name: str = "graph", **extra: Any) -> dict[str, Any]:
    return {"name": name, "parameters": [], "tasks": TASKS, "edges": EDGES, **extra}


async def _flow(db: Database, **extra: Any) -> uuid.UUID:
    project_id = await make_project(db)
    async with db.transaction() as conn:
        return await flows.create_flow(conn, serialized_flow=_document(**extra),
                                       project_id=project_id)


async def _rows(db: Database, stmt: Any) -> list[Any]:
    async with db.read() as conn:
        return list((await conn.execute(stmt)).all())


async def _task_ids(db: Database, flow_id: uuid.UUID) -> dict[str, uuid.UUID]:
    rows = await _rows(db, sa.select(task.c.slug, task.c.id).where(task.c.flow_id == flow_id))
    return {row.slug: row.id for row in rows}


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def test_a_flow_document_with_tasks_and_edges_registers_its_graph(db: Database) -> None:
    flow_id = await _flow(db)
    rows = {r.slug: r for r in await _rows(db, sa.select(task).where(task.c.flow_id == flow_id))}
    assert set(rows) == {"a", "add-1", "show-1"}
    assert rows["add-1"].max_retries == 2 and rows["add-1"].tags == ["math"]
    assert rows["add-1"].trigger == "prefect.triggers.all_successful"
    assert rows["a"].is_root_task and not rows["a"].is_terminal_task
    assert rows["add-1"].mapped and not rows["show-1"].mapped
    assert rows["show-1"].is_terminal_task and rows["show-1"].is_reference_task
    assert len(await _rows(db, sa.select(edge).where(edge.c.flow_id == flow_id))) == 2


async def test_declared_reference_tasks_are_the_reference_tasks(db: Database) -> None:
    flow_id = await _flow(db, reference_tasks=[{"slug": "add-1"}])
    rows = await _rows(db, sa.select(task.c.slug).where(task.c.flow_id == flow_id,
                                                        task.c.is_reference_task))
    assert [r.slug for r in rows] == ["add-1"]


async def test_registering_the_same_batch_again_adds_nothing(db: Database) -> None:
    flow_id = await _flow(db)
    await call(db, tasks.register_tasks, flow_id=flow_id, serialized_tasks=TASKS)
    await call(db, tasks.register_edges, flow_id=flow_id, serialized_edges=EDGES)
    assert len(await _rows(db, sa.select(task).where(task.c.flow_id == flow_id))) == 3
    assert len(await _rows(db, sa.select(edge).where(edge.c.flow_id == flow_id))) == 2


async def test_an_edge_naming_an_unknown_task_is_refused(db: Database) -> None:
    flow_id = await _flow(db)
    bad = [{"upstream_task": {"slug": "a"}, "downstream_task": {"slug": "nope-1"}}]
    with pytest.raises(InvalidInput) as caught:
        await call(db, tasks.register_edges, flow_id=flow_id, serialized_edges=bad)
    assert caught.value.code == "BAD_USER_INPUT"
    assert "nope-1" in caught.value.message


@pytest.mark.parametrize("text", ["", "not base64!", base64.b64encode(b"not gzip").decode(),
                                  base64.b64encode(gzip.compress(b"[1, 2]", mtime=0)).decode()])
async def test_a_compressed_flow_that_is_not_one_is_bad_input(db: Database, text: str) -> None:
    project_id = await make_project(db)
    with pytest.raises(InvalidInput):
        await call(db, flows.create_flow_from_compressed_string, serialized_flow=text,
                   project_id=project_id)


async def test_a_compressed_flow_registers_like_its_document(db: Database) -> None:
    project_id = await make_project(db)
    text = base64.b64encode(gzip.compress(json.dumps(_document("zipped")).encode())).decode()
    flow_id = await call(db, flows.create_flow_from_compressed_string, serialized_flow=text,
                         project_id=project_id)
    assert set(await _task_ids(db, flow_id)) == {"a", "add-1", "show-1"}


async def test_a_new_flow_run_gets_a_pending_task_run_per_task(db: Database) -> None:
    flow_id = await _flow(db)
    run_id = await make_run(db, flow_id)
    rows = await _rows(db, sa.select(task_run).where(task_run.c.flow_run_id == run_id))
    assert len(rows) == 3
    assert {(r.state, r.state_type, r.version, r.map_index) for r in rows} == {
        ("Pending", "PENDING", 1, -1)}
    assert all(r.serialized_state["type"] == "Pending" for r in rows)
    history = await _rows(db, sa.select(task_run_state).where(
        task_run_state.c.task_run_id.in_([r.id for r in rows])))
    assert len(history) == 3


async def test_an_idempotent_repeat_creates_no_second_set_of_task_runs(db: Database) -> None:
    flow_id = await _flow(db)
    first = await make_run(db, flow_id, idempotency_key="k")
    again = await make_run(db, flow_id, idempotency_key="k")
    assert first == again
    assert len(await _rows(db, sa.select(task_run))) == 3


async def test_get_or_create_finds_the_run_created_with_the_flow_run(db: Database) -> None:
    flow_id = await _flow(db)
    run_id = await make_run(db, flow_id)
    ids = await _task_ids(db, flow_id)
    found = await call(db, task_runs.get_or_create_task_run, flow_run_id=run_id,
                       task_id=ids["add-1"], map_index=None)
    assert (found.map_index, found.version, found.state) == (-1, 1, "Pending")


async def test_get_or_create_refuses_a_task_of_another_flow(db: Database) -> None:
    run_id = await make_run(db, await _flow(db))
    other = await _task_ids(db, await _flow(db))
    with pytest.raises(NotFound):
        await call(db, task_runs.get_or_create_task_run, flow_run_id=run_id,
                   task_id=other["a"], map_index=0)


async def test_twenty_runners_creating_one_mapped_task_run_get_one_row(db: Database) -> None:
    flow_id = await _flow(db)
    run_id = await make_run(db, flow_id)
    task_id = (await _task_ids(db, flow_id))["add-1"]
    results = await asyncio.gather(*(
        call(db, task_runs.get_or_create_task_run, flow_run_id=run_id, task_id=task_id,
             map_index=4)
        for _ in range(20)
    ))
    assert len({r.id for r in results}) == 1
    rows = await _rows(db, sa.select(task_run).where(task_run.c.map_index == 4))
    assert len(rows) == 1
    history = await _rows(db, sa.select(task_run_state).where(
        task_run_state.c.task_run_id == rows[0].id))
    assert len(history) == 1


async def _running_task_run(db: Database) -> uuid.UUID:
    flow_id = await _flow(db)
    run_id = await make_run(db, flow_id)
    await set_run_state(db, run_id, {"type": "Running"}, version=1)
    row = await call(db, task_runs.get_or_create_task_run, flow_run_id=run_id,
                     task_id=(await _task_ids(db, flow_id))["add-1"])
    return row.id  # type: ignore[no-any-return]


async def test_twenty_versioned_running_states_let_exactly_one_through(db: Database) -> None:
    task_run_id = await _running_task_run(db)

    async def start(i: int) -> int | str:
        try:
            version: int = await call(db, task_runs.set_task_run_state,
                                      task_run_id=task_run_id, version=1,
                                      state={"type": "Running", "message": f"try {i}"})
            return version
        except VersionMismatch as exc:
            return exc.code

    results = await asyncio.gather(*(start(i) for i in range(20)))
    assert results.count("VERSION_LOCKING_ERROR") == 19
    assert [r for r in results if r != "VERSION_LOCKING_ERROR"] == [2]


async def test_a_state_without_a_version_is_not_locked(db: Database) -> None:
    task_run_id = await _running_task_run(db)
    versions = [await call(db, task_runs.set_task_run_state, task_run_id=task_run_id,
                           version=None, state={"type": name})
                for name in ("Running", "Success")]
    assert versions == [2, 3]
    row = (await _rows(db, sa.select(task_run).where(task_run.c.id == task_run_id)))[0]
    assert (row.state, row.state_type, row.run_count) == ("Success", "COMPLETED", 1)
    assert row.start_time and row.end_time and row.heartbeat


async def test_a_task_run_cannot_start_while_its_flow_run_is_not_running(
    db: Database,
) -> None:
    flow_id = await _flow(db)
    run_id = await make_run(db, flow_id)  # Scheduled
    row = await call(db, task_runs.get_or_create_task_run, flow_run_id=run_id,
                     task_id=(await _task_ids(db, flow_id))["add-1"])
    with pytest.raises(Conflict) as caught:
        await call(db, task_runs.set_task_run_state, task_run_id=row.id, version=1,
                   state={"type": "Running"})
    assert caught.value.code == "CONFLICT"
    assert "State update failed" in caught.value.message
    # A state that is not running needs no running flow run.
    assert await call(db, task_runs.set_task_run_state, task_run_id=row.id, version=1,
                      state={"type": "Skipped"}) == 2


@pytest.mark.parametrize("state", [None, {"message": "no type"}, {"type": "Bogus"}])
async def test_a_bad_task_run_state_is_bad_input(db: Database, state: Any) -> None:
    task_run_id = await _running_task_run(db)
    with pytest.raises(InvalidInput):
        await call(db, task_runs.set_task_run_state, task_run_id=task_run_id, state=state)


async def test_an_unknown_task_run_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        await call(db, task_runs.set_task_run_state, task_run_id=uuid.uuid4(),
                   state={"type": "Running"})
    with pytest.raises(FlowrunError):
        await call(db, task_runs.set_task_run_name, task_run_id=uuid.uuid4(), name="x")


async def test_runs_the_scheduler_creates_get_their_task_runs_too(db: Database) -> None:
    # As Prefect 1.4.1 serializes IntervalSchedule(interval=timedelta(hours=1)).
    schedule = {"adjustments": [], "filters": [], "not_filters": [], "or_filters": [],
                "__version__": "1.4.1",
                "clocks": [{"type": "IntervalClock", "interval": 3_600_000_000,
                            "start_date": None, "end_date": None, "parameter_defaults": {},
                            "labels": None, "__version__": "1.4.1"}]}
    flow_id = await _flow(db, schedule=schedule)
    async with db.transaction() as conn:
        await scheduler.schedule_flow_runs(conn, horizon_seconds=4 * 3600, max_runs=3)
    runs = await _rows(db, sa.select(flow_run.c.id).where(flow_run.c.flow_id == flow_id))
    assert len(runs) == 3
    for run in runs:
        rows = await _rows(db, sa.select(task_run).where(task_run.c.flow_run_id == run.id))
        assert len(rows) == 3
