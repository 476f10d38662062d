"""What changing a flow group's schedule reads and writes: the group (locked), its unarchived
flows, and their auto-scheduled runs that have not started.

`lock_group` takes the group row `FOR UPDATE` on PostgreSQL; the scheduler reads schedules
with `FOR SHARE` on the same rows (repository/schedules.py), so a change and a scheduler pass
never interleave: whichever comes second sees what the first committed. On SQLite writers run
one at a time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa

from ..database.models import flow, flow_group, flow_run
from .common import Conn, Row


async def lock_group(conn: Conn, flow_group_id: uuid.UUID) -> Row | None:
    """The group's (id, settings, schedule), locked until the caller commits."""
    stmt = sa.select(flow_group.c.id, flow_group.c.settings, flow_group.c.schedule).where(
        flow_group.c.id == flow_group_id)
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return (await conn.execute(stmt)).first()


async def group_flows(conn: Conn, flow_group_id: uuid.UUID) -> Sequence[Row]:
    """The group's unarchived flows: (id, name, schedule, is_schedule_active)."""
    stmt = sa.select(flow.c.id, flow.c.name, flow.c.schedule, flow.c.is_schedule_active).where(
        flow.c.flow_group_id == flow_group_id, flow.c.archived.is_(False))
    return (await conn.execute(stmt)).all()


async def future_auto_runs(conn: Conn, flow_ids: Sequence[uuid.UUID], now: datetime
                           ) -> Sequence[Row]:
    """Auto-scheduled runs of these flows still Scheduled for later than `now`:
    (id, flow_id, scheduled_start_time)."""
    stmt = sa.select(flow_run.c.id, flow_run.c.flow_id, flow_run.c.scheduled_start_time).where(
        flow_run.c.flow_id.in_(list(flow_ids)), flow_run.c.auto_scheduled.is_(True),
        flow_run.c.state == "Scheduled", flow_run.c.scheduled_start_time > now)
    return (await conn.execute(stmt)).all()


async def set_active(conn: Conn, flow_ids: Sequence[uuid.UUID], active: bool, now: datetime
                     ) -> None:
    await conn.execute(flow.update().where(flow.c.id.in_(list(flow_ids)))
                       .values(is_schedule_active=active, updated=now))
