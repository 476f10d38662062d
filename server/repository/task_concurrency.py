"""Task-run concurrency by tag (Prefect Cloud v1's task tag limits): the task run about to
run, and how many task runs hold a slot of each tag.

A task run holds a slot of each of its task's tags while it is in a RUNNING state and its
flow run is Running with a heartbeat newer than the cutoff: a task run that ends, or whose
flow run ends or stops beating (the zombie killer will fail it), frees its slots at once."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

import sqlalchemy as sa

from ..database.models import flow_run, task, task_run
from ..domain.states import StateType
from .common import Conn, Row, first
from .concurrency import json_elements
from .run_queue import names_of


async def task_run_tags(conn: Conn, task_run_id: uuid.UUID) -> Row | None:
    """(id, version, state_type, tags) of a task run, its tags from its task."""
    stmt = (sa.select(task_run.c.id, task_run.c.version, task_run.c.state_type, task.c.tags)
            .join(task, task.c.id == task_run.c.task_id).where(task_run.c.id == task_run_id))
    return await first(conn, stmt)


async def slots_in_use(conn: Conn, tags: Iterable[str], *, alive_after: datetime,
                       other_than: uuid.UUID) -> dict[str, int]:
    wanted = list(tags)
    each = json_elements(conn, task.c.tags)
    alive = sa.func.coalesce(flow_run.c.heartbeat, flow_run.c.state_timestamp,
                             type_=flow_run.c.state_timestamp.type)
    stmt = (
        sa.select(each.c.value, sa.func.count())
        .select_from(task_run.join(task, task.c.id == task_run.c.task_id)
                     .join(flow_run, flow_run.c.id == task_run.c.flow_run_id)
                     .join(each, sa.true()))
        .where(task_run.c.state.in_(names_of(StateType.RUNNING)),
               flow_run.c.state_type == StateType.RUNNING.value, alive > alive_after,
               task_run.c.id != other_than, each.c.value.in_(wanted))
        .group_by(each.c.value)
    )
    return {str(value): int(count) for value, count in (await conn.execute(stmt)).all()}
