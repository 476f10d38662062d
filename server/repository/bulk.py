"""What bulk actions on flow runs read: the runs a Hasura-style `where` matches, locked, and
the task runs a restart sends back to Pending.

`matching` locks the matched rows `FOR UPDATE` in id order on PostgreSQL (a fixed order, so two
bulk actions over overlapping runs queue behind each other instead of deadlocking); on SQLite
the write transaction began IMMEDIATE and holds the database. Inside that transaction every
row is moved with the versioned UPDATE of `flow_runs.set_state`."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from ..database.models import flow_run, task_run
from ..domain.states import FINISHED_TYPES, StateType
from .common import Conn, Row
from .entities import ENTITIES
from .filters import compile_where

# Task-run states a restart sends back to Pending: failed or cancelled ones, and any that had
# started but never finished (the run died under them).
RESTARTED_TASK_TYPES = [StateType.FAILED.value, StateType.CANCELLED.value,
                        StateType.CRASHED.value, StateType.RUNNING.value,
                        StateType.CANCELLING.value, StateType.PAUSED.value]


async def matching(conn: Conn, where: dict[str, Any], limit: int) -> Sequence[Row]:
    """Up to `limit` runs matching `where`, locked: rows of (id, version, state, state_type)."""
    clause = compile_where(ENTITIES["flow_run"], where, conn.dialect.name)
    stmt = (
        sa.select(flow_run.c.id, flow_run.c.version, flow_run.c.state, flow_run.c.state_type)
        .where(clause)
        .order_by(flow_run.c.id)
        .limit(limit)
    )
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=flow_run)
    return (await conn.execute(stmt)).all()


async def delete_runs(conn: Conn, ids: Sequence[uuid.UUID]) -> int:
    if not ids:
        return 0
    result = await conn.execute(flow_run.delete().where(flow_run.c.id.in_(list(ids))))
    return int(result.rowcount or 0)


async def task_runs_to_restart(conn: Conn, flow_run_id: uuid.UUID) -> Sequence[Row]:
    """Task runs of the run that did not succeed, and the mapped parents of any such child,
    ordered by map index (parents first): rows of (id, version)."""
    failed = sa.and_(task_run.c.flow_run_id == flow_run_id,
                     task_run.c.state_type.in_(RESTARTED_TASK_TYPES))
    failed_child_tasks = sa.select(task_run.c.task_id).where(failed, task_run.c.map_index >= 0)
    parent = sa.and_(task_run.c.flow_run_id == flow_run_id, task_run.c.map_index == -1,
                     task_run.c.task_id.in_(failed_child_tasks))
    stmt = (
        sa.select(task_run.c.id, task_run.c.version)
        .where(sa.or_(failed, parent))
        .order_by(task_run.c.map_index, task_run.c.id)
    )
    return (await conn.execute(stmt)).all()


def is_finished(state_type: str) -> bool:
    return state_type in {t.value for t in FINISHED_TYPES}
