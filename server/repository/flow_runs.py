"""Flow runs and their state history."""

from __future__ import annotations

import uuid
from typing import Any

import pendulum
import sqlalchemy as sa

from ..database.models import flow_run, flow_run_state
from ..database.types import UTCDateTime
from ..domain.states import NewState
from .common import TENANT_ID, Conn, Row, first, new_id


async def get(conn: Conn, flow_run_id: uuid.UUID) -> Row | None:
    return await first(conn, sa.select(flow_run).where(flow_run.c.id == flow_run_id))


async def exists(conn: Conn, flow_run_id: uuid.UUID) -> bool:
    return await first(conn, sa.select(flow_run.c.id).where(flow_run.c.id == flow_run_id)) is not None


async def current_version(conn: Conn, flow_run_id: uuid.UUID) -> int | None:
    row = await first(conn, sa.select(flow_run.c.version).where(flow_run.c.id == flow_run_id))
    return None if row is None else int(row.version)


async def insert(
    conn: Conn,
    *,
    flow_run_id: uuid.UUID,
    values: dict[str, Any],
    state: NewState,
    now: pendulum.DateTime,
) -> None:
    """Insert a run in its first state (version 1) and that state's history row."""
    state_id = new_id()
    await conn.execute(
        flow_run.insert().values(
            id=flow_run_id, tenant_id=TENANT_ID, version=1, state_id=state_id,
            created=now, updated=now, **values, **_state_columns(state, now, first_state=True),
        )
    )
    await _insert_history(conn, state_id, flow_run_id, 1, state, now)


async def set_state(
    conn: Conn,
    *,
    flow_run_id: uuid.UUID,
    state: NewState,
    expected_version: int | None,
    now: pendulum.DateTime,
) -> int | None:
    """Move a run to `state` with one conditional UPDATE; returns the new version, or None
    when no row matched (missing run, or `expected_version` is stale)."""
    state_id = new_id()
    conditions = [flow_run.c.id == flow_run_id]
    if expected_version is not None:
        conditions.append(flow_run.c.version == expected_version)
    stmt = (
        flow_run.update()
        .where(*conditions)
        .values(
            version=flow_run.c.version + 1,
            state_id=state_id,
            updated=now,
            **_state_columns(state, now, first_state=False),
        )
        .returning(flow_run.c.version)
    )
    row = await first(conn, stmt)
    if row is None:
        return None
    await _insert_history(conn, state_id, flow_run_id, row.version, state, now)
    return int(row.version)


def _state_columns(state: NewState, now: pendulum.DateTime, *, first_state: bool) -> dict[str, Any]:
    columns: dict[str, Any] = {
        "state": state.name,
        "state_type": state.type.value,
        "state_message": state.message,
        "state_timestamp": now,
        "state_start_time": state.start_time,
        "serialized_state": state.document,
    }
    if state.is_running:
        columns["run_count"] = 1 if first_state else flow_run.c.run_count + 1
        columns["start_time"] = (
            now if first_state
            else sa.func.coalesce(flow_run.c.start_time, sa.literal(now, UTCDateTime()))
        )
        columns["end_time"] = None
        columns["heartbeat"] = now
    if state.is_finished:
        columns["end_time"] = now
    return columns


async def _insert_history(
    conn: Conn,
    state_id: uuid.UUID,
    flow_run_id: uuid.UUID,
    version: int,
    state: NewState,
    now: pendulum.DateTime,
) -> None:
    await conn.execute(
        flow_run_state.insert().values(
            id=state_id, tenant_id=TENANT_ID, flow_run_id=flow_run_id, version=version,
            state=state.name, type=state.type.value, message=state.message,
            result=state.document.get("_result"), start_time=state.start_time,
            serialized_state=state.document, timestamp=now, created=now,
        )
    )


async def update(
    conn: Conn, flow_run_id: uuid.UUID, values: dict[str, Any], now: pendulum.DateTime
) -> bool:
    result = await conn.execute(
        flow_run.update().where(flow_run.c.id == flow_run_id).values(updated=now, **values)
    )
    return result.rowcount > 0


async def delete(conn: Conn, flow_run_id: uuid.UUID) -> bool:
    result = await conn.execute(flow_run.delete().where(flow_run.c.id == flow_run_id))
    return result.rowcount > 0
