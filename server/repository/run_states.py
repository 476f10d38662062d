"""What a state does to a run, shared by flow runs and task runs (the same columns on both
tables): the columns of its current state, the SET clause of a versioned state change, and
the history row. Entering Running starts the run (once), counts it and beats its heart;
a finished state ends it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from ..database.types import JSONType, UTCDateTime
from ..domain.states import NewState
from . import driver
from .common import TENANT_ID, Conn
from .driver import DriverStatement

_STATE_BINDS: dict[str, Any] = {
    "state": sa.String(),
    "state_type": sa.String(),
    "state_message": sa.String(),
    "state_start_time": UTCDateTime(),
    "state_result": JSONType,
    "serialized_state": JSONType,
}


def _state_values(state: NewState) -> dict[str, Any]:
    return {
        "state": state.name, "state_type": state.type.value, "state_message": state.message,
        "state_start_time": state.start_time, "state_result": state.document.get("_result"),
        "serialized_state": state.document,
    }


def first_state_columns(table: sa.Table, state: NewState, now: datetime) -> dict[str, Any]:
    """The columns of a run inserted in `state` (version 1)."""
    columns = {k: v for k, v in _state_values(state).items() if k in table.c}
    columns.update(version=1, state_timestamp=now, run_count=0)
    if state.is_running:
        columns.update(run_count=1, start_time=now, heartbeat=now)
    if state.is_finished:
        columns["end_time"] = now
    return columns


def transition_values(table: sa.Table, *, running: bool, finished: bool) -> dict[str, Any]:
    """The SET clause of a state change; its parameters come from `transition_params`."""
    now = sa.bindparam("now", type_=UTCDateTime())
    values: dict[str, Any] = {
        "version": table.c.version + 1,
        "updated": now,
        "state_timestamp": now,
        "state_id": sa.bindparam("state_id", type_=sa.Uuid()),
        **{name: sa.bindparam(name, type_=kind)
           for name, kind in _STATE_BINDS.items() if name in table.c},
    }
    if "late" in table.c:  # a flow run that moves is no longer late, nor waiting for a slot
        values.update(late=False, wait_reason=None)
    if running:
        values.update(
            run_count=table.c.run_count + 1,
            start_time=sa.func.coalesce(table.c.start_time, now),
            end_time=None,
            heartbeat=now,
        )
    if finished:
        values["end_time"] = now
    return values


def transition_params(
    table: sa.Table, state: NewState, now: datetime, state_id: uuid.UUID
) -> dict[str, Any]:
    values = {k: v for k, v in _state_values(state).items() if k in table.c}
    return {"now": now, "state_id": state_id, **values}


def history_row(
    owner: str, owner_id: uuid.UUID, state_id: uuid.UUID, version: int, state: NewState,
    now: datetime, created_by: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A row of flow_run_state (owner "flow_run_id") or task_run_state ("task_run_id");
    `created_by` names the API key that set the state (audit), None for nobody's."""
    return {"id": state_id, owner: owner_id, "version": version,
            **history_values(state, now, created_by)}


def history_values(state: NewState, now: datetime,
                   created_by: dict[str, Any] | None = None) -> dict[str, Any]:
    """A history row's columns but its ids and version."""
    return {"tenant_id": TENANT_ID, "state": state.name, "type": state.type.value,
            "message": state.message, "result": state.document.get("_result"),
            "start_time": state.start_time, "serialized_state": state.document,
            "timestamp": now, "created": now, "created_by": created_by}


HISTORY_COLUMNS = ("id", "tenant_id", "version", "state", "type", "message", "result",
                    "start_time", "serialized_state", "timestamp", "created", "created_by")


def history_params(history: dict[str, Any], prefix: str = "h_") -> dict[str, Any]:
    """A history row as the parameters of `history_from` (<prefix><column>)."""
    return {f"{prefix}{name}": value for name, value in history.items()}


def history_from(state_table: sa.Table, owner_column: str, source: Any,
                 owner: sa.ColumnElement[Any], version: sa.ColumnElement[Any], *,
                 state_id: sa.ColumnElement[Any] | None = None, prefix: str = "h_") -> Any:
    """INSERT INTO <state_table> ... SELECT from `source`, a CTE of the runs just written
    (PostgreSQL's data-modifying WITH): the owner id, version (and state id, when given) from
    those rows, every other column from the <prefix><column> parameters of `history_params`.
    No row written, no history."""
    names = [*HISTORY_COLUMNS, owner_column]
    values = [version if name == "version"
              else state_id if name == "id" and state_id is not None
              else sa.bindparam(f"{prefix}{name}", type_=state_table.c[name].type)
              for name in HISTORY_COLUMNS]
    return state_table.insert().from_select(
        names, sa.select(*values, owner).select_from(source))


def move_with_history(update: Any, table: sa.Table, state_table: sa.Table,
                      owner_column: str) -> Any:
    """A state change's conditional UPDATE (returning the new version) and, from the row it
    moved, its history row: one statement on PostgreSQL, returning the version."""
    moved = update.returning(table.c.id).cte("moved")
    return (history_from(state_table, owner_column, moved, moved.c.id, moved.c.version)
            .returning(state_table.c.version).add_cte(moved, nest_here=True))


def history_insert(state_table: sa.Table, owner_column: str) -> DriverStatement:
    """INSERT of one history row (the columns of `history_row`), built once, for the driver."""
    return DriverStatement(state_table.insert().values(
        {name: sa.bindparam(name, type_=state_table.c[name].type)
         for name in (owner_column, *HISTORY_COLUMNS)}))


async def move_then_record(conn: Conn, move: DriverStatement, params: dict[str, Any],
                           record: DriverStatement,
                           history: Callable[[int], dict[str, Any]]) -> int | None:
    """SQLite's state change: the conditional UPDATE (returning the new version), then its
    history row (`history(version)`), both through the driver; None when no row moved."""
    row = await driver.first(conn, move, params)
    if row is None:
        return None
    await driver.execute(conn, record, history(row.version))
    return int(row.version)
