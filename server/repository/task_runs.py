"""Task runs and their state history.

A run's task runs are created with it (one per task, map_index -1); mapped children are
created on demand with INSERT ... ON CONFLICT DO NOTHING on the unique (flow_run_id, task_id,
map_index), so several runners asking at once all get the one row. States move with one
conditional UPDATE, as flow runs do."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

import sqlalchemy as sa

from ..database.models import flow_run, task, task_run, task_run_state
from ..database.types import plain_utc
from ..domain.states import NewState, StateType
from . import driver
from .common import TENANT_ID, Conn, Row, first, new_id, upsert
from .driver import DriverStatement
from .run_states import (
    first_state_columns,
    history_from,
    history_insert,
    history_params,
    history_row,
    history_values,
    move_then_record,
    move_with_history,
    transition_params,
    transition_values,
)


async def insert_many(
    conn: Conn, flow_run_id: uuid.UUID, tasks: Sequence[Row], state: NewState, now: datetime,
    created_by: dict[str, Any] | None = None,
) -> None:
    """One task run per task (map_index -1) in `state`, with its history row."""
    if not tasks:
        return
    runs, history = [], []
    for item in tasks:
        run_id, state_id = new_id(), new_id()
        runs.append({**first_state_columns(task_run, state, now), "id": run_id,
                     "tenant_id": TENANT_ID, "flow_run_id": flow_run_id, "task_id": item.id,
                     "map_index": -1, "cache_key": item.cache_key, "state_id": state_id,
                     "created": now, "updated": now})
        history.append(history_row("task_run_id", run_id, state_id, 1, state, now, created_by))
    await conn.execute(task_run.insert(), runs)
    await conn.execute(task_run_state.insert(), history)


def first_task_runs_from(written: Any, state_columns: tuple[str, ...]) -> tuple[Any, Any]:
    """PostgreSQL: two CTEs giving the flow run in `written` (a CTE of the row just inserted)
    one task run per task of its flow (map_index -1) and each its history row, as `insert_many`
    does: the task runs' state columns from the t_<column> parameters (`state_columns`, the
    keys of first_state_columns), their history from th_<column> (`history_params`)."""
    new_uuid = sa.func.gen_random_uuid(type_=sa.Uuid())
    values: dict[str, Any] = {
        "id": new_uuid, "state_id": new_uuid, "flow_run_id": written.c.id,
        "task_id": task.c.id, "map_index": sa.literal(-1), "cache_key": task.c.cache_key,
        "tenant_id": sa.bindparam("t_tenant_id", type_=sa.Uuid()),
        "created": sa.bindparam("t_now", type_=task_run.c.created.type),
        "updated": sa.bindparam("t_now", type_=task_run.c.created.type),
        **{name: sa.bindparam(f"t_{name}", type_=task_run.c[name].type)
           for name in state_columns},
    }
    runs = task_run.insert().from_select(
        list(values), sa.select(*values.values()).select_from(written).join(
            task, task.c.flow_id == written.c.flow_id)
    ).returning(task_run.c.id, task_run.c.state_id).cte("task_runs")
    history = history_from(task_run_state, "task_run_id", runs, runs.c.id, sa.literal(1),
                           state_id=runs.c.state_id, prefix="th_").cte("task_run_history")
    return runs, history


def first_task_run_params(state: NewState, now: datetime,
                          created_by: dict[str, Any] | None) -> dict[str, Any]:
    """The parameters of `first_task_runs_from`."""
    columns = first_state_columns(task_run, state, now)
    history = history_values(state, now, created_by)
    return {"t_tenant_id": TENANT_ID, "t_now": now,
            **{f"t_{name}": value for name, value in columns.items()},
            **history_params(history, "th_")}


async def get_or_create(
    conn: Conn,
    *,
    flow_run_id: uuid.UUID,
    task_id: uuid.UUID,
    map_index: int,
    cache_key: str | None,
    state: NewState,
    now: datetime,
) -> Row:
    """The task run for (flow run, task, map index), created in `state` if missing."""
    run_id, state_id = new_id(), new_id()
    values = {**first_state_columns(task_run, state, now), "id": run_id,
              "tenant_id": TENANT_ID, "flow_run_id": flow_run_id, "task_id": task_id,
              "map_index": map_index, "cache_key": cache_key, "state_id": state_id,
              "created": now, "updated": now}
    stmt = (
        upsert(conn, task_run).values(values)
        .on_conflict_do_nothing(index_elements=["flow_run_id", "task_id", "map_index"])
        .returning(task_run.c.id)
    )
    if await first(conn, stmt) is not None:  # this call inserted it
        await conn.execute(task_run_state.insert(),
                           history_row("task_run_id", run_id, state_id, 1, state, now))
    row = await first(conn, sa.select(task_run).where(
        task_run.c.flow_run_id == flow_run_id, task_run.c.task_id == task_id,
        task_run.c.map_index == map_index,
    ))
    assert row is not None
    return row


async def get(conn: Conn, task_run_id: uuid.UUID) -> Row | None:
    return await first(conn, sa.select(task_run).where(task_run.c.id == task_run_id))


async def why_not_moved(conn: Conn, task_run_id: uuid.UUID) -> Row | None:
    """After a refused state update: the task run's version and its flow run's state."""
    stmt = (
        sa.select(task_run.c.version, flow_run.c.state.label("flow_run_state"),
                  flow_run.c.state_type.label("flow_run_state_type"))
        .join(flow_run, flow_run.c.id == task_run.c.flow_run_id)
        .where(task_run.c.id == task_run_id)
    )
    return await first(conn, stmt)


async def set_state(
    conn: Conn,
    *,
    task_run_id: uuid.UUID,
    state: NewState,
    expected_version: int | None,
    now: datetime,
    created_by: dict[str, Any] | None = None,
) -> int | None:
    """Move a task run to `state` with one conditional UPDATE; returns the new version, or
    None when no row matched: a missing run, a stale `expected_version`, or a Running state
    while the flow run is not Running."""
    state_id = new_id()
    now = plain_utc(now)  # once, not per column bound
    kind = (expected_version is not None, state.is_running, state.is_finished)
    params = {"task_run_id": task_run_id, "expected_version": expected_version,
              **transition_params(task_run, state, now, state_id)}
    if conn.dialect.name == "postgresql":  # one statement: the UPDATE and its history row
        history = history_row("task_run_id", task_run_id, state_id, 0, state, now, created_by)
        row = await driver.first(conn, _set_state_cte(*kind),
                                 {**params, **history_params(history)})
        return None if row is None else int(row.version)
    # SQLite: the UPDATE and the history row's INSERT through the driver
    return await move_then_record(conn, _set_state_driven(*kind), params, _INSERT_HISTORY,
                                  lambda version: history_row("task_run_id", task_run_id,
                                                              state_id, version, state, now,
                                                              created_by))


_INSERT_HISTORY = history_insert(task_run_state, "task_run_id")


@cache
def _set_state_driven(versioned: bool, running: bool, finished: bool) -> DriverStatement:
    # a statement of its own (DriverStatement): the CTE below builds on its own copy
    return DriverStatement(_set_state_statement(versioned, running, finished))


@cache
def _set_state_cte(versioned: bool, running: bool, finished: bool) -> DriverStatement:
    return DriverStatement(move_with_history(_set_state_statement(versioned, running, finished),
                                             task_run, task_run_state, "task_run_id"))


def _set_state_statement(versioned: bool, running: bool, finished: bool) -> Any:
    conditions = [task_run.c.id == sa.bindparam("task_run_id", type_=sa.Uuid())]
    if versioned:
        conditions.append(task_run.c.version == sa.bindparam("expected_version"))
    if running:
        # A task only starts while its flow run runs (a cancelled run starts no new task).
        conditions.append(sa.exists(
            sa.select(sa.literal(1)).where(
                flow_run.c.id == task_run.c.flow_run_id,
                flow_run.c.state_type == StateType.RUNNING.value,
            )
        ))
    values = transition_values(task_run, running=running, finished=finished)
    return task_run.update().where(*conditions).values(values).returning(task_run.c.version)


async def set_name(conn: Conn, task_run_id: uuid.UUID, name: str, now: datetime) -> bool:
    result = await conn.execute(
        task_run.update().where(task_run.c.id == task_run_id).values(name=name, updated=now)
    )
    return result.rowcount > 0
