"""What the scheduler reads and tidies: flows with an active schedule, and the future
auto-scheduled runs of flows that no longer have one."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import pendulum
import sqlalchemy as sa

from ..database.models import flow, flow_group, flow_run, flow_run_state
from ..domain.states import NewState
from .common import TENANT_ID, Conn, Row, first, new_id, upsert
from .run_states import first_state_columns, history_row


async def scheduled_flows(conn: Conn, flow_group_id: uuid.UUID | None = None) -> Sequence[Row]:
    """Unarchived flows whose schedule is active (of one group, when given), with what their
    runs need from the flow and its group (a group's schedule, when set, takes precedence over
    the flow's, as in Prefect 1). On PostgreSQL the groups are read `FOR SHARE`, so a schedule
    change (which locks its group) and this pass never interleave."""
    stmt: sa.Select[Any] = (
        sa.select(
            flow.c.id,
            flow.c.name,
            flow.c.parameters,
            flow.c.parameter_schema,
            flow.c.labels,
            flow.c.run_config,
            sa.func.coalesce(flow_group.c.schedule, flow.c.schedule,
                             type_=flow.c.schedule.type).label("schedule"),
            flow_group.c.default_parameters.label("group_default_parameters"),
            flow_group.c.labels.label("group_labels"),
        )
        .join(flow_group, flow_group.c.id == flow.c.flow_group_id)
        .where(flow.c.archived.is_(False), flow.c.is_schedule_active.is_(True))
        .order_by(flow.c.id)
    )
    if flow_group_id is not None:
        stmt = stmt.where(flow.c.flow_group_id == flow_group_id)
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(read=True, of=flow_group)
    rows: Sequence[Row] = (await conn.execute(stmt)).all()
    return rows


async def delete_orphaned_runs(conn: Conn, now: pendulum.DateTime) -> int:
    """Delete future auto-scheduled runs that have not started, of flows that are archived or
    whose schedule was turned off (Prefect 1 does the same). Returns how many."""
    unscheduled = sa.select(flow.c.id).where(
        sa.or_(flow.c.archived.is_(True), flow.c.is_schedule_active.is_(False))
    )
    result = await conn.execute(
        flow_run.delete().where(
            flow_run.c.auto_scheduled.is_(True),
            flow_run.c.state == "Scheduled",
            flow_run.c.scheduled_start_time > now,
            flow_run.c.flow_id.in_(unscheduled),
        )
    )
    return int(result.rowcount or 0)


async def insert_auto_scheduled(
    conn: Conn,
    *,
    flow_run_id: uuid.UUID,
    values: dict[str, Any],
    state: NewState,
    now: pendulum.DateTime,
) -> bool:
    """Insert a run the scheduler asks for (in its Scheduled state, version 1), unless its
    flow already has an auto-scheduled run at that start time: the partial unique index
    settles it across processes and restarts (INSERT ... ON CONFLICT DO NOTHING).
    True when the run was inserted."""
    state_id = new_id()
    stmt = (
        upsert(conn, flow_run)
        .values(
            id=flow_run_id, tenant_id=TENANT_ID, state_id=state_id, auto_scheduled=True,
            created=now, updated=now, **first_state_columns(flow_run, state, now), **values,
        )
        .on_conflict_do_nothing(
            index_elements=["flow_id", "scheduled_start_time"],
            index_where=flow_run.c.auto_scheduled,
        )
        .returning(flow_run.c.id)
    )
    if await first(conn, stmt) is None:
        return False
    await conn.execute(flow_run_state.insert(),
                       history_row("flow_run_id", flow_run_id, state_id, 1, state, now))
    return True
