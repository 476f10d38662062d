"""Finding runs that are due, and runs whose heartbeat stopped.

`due` and `stale` select candidates `FOR UPDATE SKIP LOCKED` on PostgreSQL: inside the caller's
transaction the selected rows stay locked until it commits, and a concurrent caller (another
agent's claim, another API process) skips them instead of waiting, so two claimers never get
the same run. On SQLite a write transaction begins IMMEDIATE, which serialises writers
outright. The caller then moves each row with the versioned UPDATE of `flow_runs.set_state`,
so a run that changed meanwhile is never overwritten."""

from __future__ import annotations

from collections.abc import Sequence

import orjson
import pendulum
import sqlalchemy as sa

from ..database.models import flow_run
from ..database.types import jsonb
from ..domain.states import STATE_TYPES, StateType
from .common import Conn, Row

Clause = sa.ColumnElement[bool]


def names_of(*types: StateType) -> list[str]:
    """Every state name of these types (so the (state, scheduled_start_time) index applies)."""
    return [name for name, kind in STATE_TYPES.items() if kind in types]


def start_time() -> sa.ColumnElement[pendulum.DateTime]:
    """When a scheduled run is due: its Scheduled state's start time, else its scheduled one."""
    return sa.func.coalesce(flow_run.c.state_start_time, flow_run.c.scheduled_start_time,
                            type_=flow_run.c.scheduled_start_time.type)


def labels_within(conn: Conn, labels: Sequence[str]) -> Clause:
    """The run's labels are all among `labels` (a run without labels matches everyone)."""
    if conn.dialect.name == "postgresql":
        as_array = sa.case(
            (sa.func.jsonb_typeof(flow_run.c.labels) == "array", flow_run.c.labels),
            else_=sa.cast(sa.literal("[]"), jsonb()),
        )
        offered = sa.cast(sa.literal(orjson.dumps(list(labels)).decode()), jsonb())
        return as_array.op("<@")(offered)
    each = sa.func.json_each(flow_run.c.labels).table_valued("value")
    outside = sa.select(sa.literal(1)).select_from(each).where(each.c.value.not_in(list(labels)))
    return ~sa.exists(outside)


async def due(
    conn: Conn,
    *,
    before: pendulum.DateTime,
    labels: Sequence[str],
    limit: int,
    lock: bool,
) -> Sequence[Row]:
    """Scheduled runs whose start time has come and whose labels are all in `labels`, earliest
    first: rows of (id, version, labels). With `lock`, the rows stay locked for this
    transaction."""
    stmt = (
        sa.select(flow_run.c.id, flow_run.c.version, flow_run.c.labels)
        .where(
            flow_run.c.state.in_(names_of(StateType.SCHEDULED)),
            start_time() <= before,
            labels_within(conn, labels),
        )
        .order_by(start_time(), flow_run.c.id)
        .limit(limit)
    )
    if lock:
        stmt = stmt.with_for_update(skip_locked=True, of=flow_run)
    return (await conn.execute(stmt)).all()


async def stale(
    conn: Conn, *, states: Sequence[str], cutoff: pendulum.DateTime, limit: int,
    claimed_only: bool = False,
) -> Sequence[Row]:
    """Runs in one of `states` whose last sign of life (heartbeat, else the time they entered
    their state) is older than `cutoff`, locked for this transaction: (id, version, state)."""
    alive = sa.func.coalesce(flow_run.c.heartbeat, flow_run.c.state_timestamp,
                             type_=flow_run.c.state_timestamp.type)
    stmt = sa.select(flow_run.c.id, flow_run.c.version, flow_run.c.state).where(
        flow_run.c.state.in_(list(states)), alive < cutoff
    )
    if claimed_only:
        stmt = stmt.where(flow_run.c.agent_id.is_not(None))
    stmt = stmt.order_by(alive).limit(limit).with_for_update(skip_locked=True, of=flow_run)
    return (await conn.execute(stmt)).all()
