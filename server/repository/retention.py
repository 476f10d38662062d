"""Retention: deleting logs, and finished runs (with their states, task runs and logs, by the
foreign keys' ON DELETE CASCADE), older than a cutoff, one small batch per statement.

Each batch picks the oldest rows by an indexed time (log.timestamp, flow_run.end_time) and
deletes them by primary key, so a batch is short and the caller commits between batches: a
writer waits at most one batch. Runs are picked `FOR UPDATE SKIP LOCKED` on PostgreSQL, so a
run someone is changing right now (a restart) is left for the next batch, and the DELETE
re-checks that each run is still finished and old."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa

from ..database.models import flow_run, idempotency_key, log
from ..domain.states import FINISHED_TYPES
from .common import Conn

FINISHED = sorted(t.value for t in FINISHED_TYPES)


def _old_run(cutoff: datetime) -> sa.ColumnElement[bool]:
    return sa.and_(flow_run.c.state_type.in_(FINISHED), flow_run.c.end_time < cutoff)


async def delete_logs(conn: Conn, *, cutoff: datetime, batch: int) -> int:
    """Delete up to `batch` of the oldest logs stamped before `cutoff`; how many."""
    oldest = sa.select(log.c.id).where(log.c.timestamp < cutoff).order_by(
        log.c.timestamp).limit(batch)
    result = await conn.execute(log.delete().where(log.c.id.in_(oldest.scalar_subquery())))
    return int(result.rowcount or 0)


async def delete_runs(conn: Conn, *, cutoff: datetime, batch: int) -> int:
    """Delete up to `batch` of the runs that finished longest ago, before `cutoff`, with
    everything that belongs to them; how many runs."""
    pick = sa.select(flow_run.c.id).where(_old_run(cutoff)).order_by(
        flow_run.c.end_time).limit(batch)
    if conn.dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    ids = list((await conn.execute(pick)).scalars())
    if not ids:
        return 0
    result = await conn.execute(flow_run.delete().where(flow_run.c.id.in_(ids),
                                                        _old_run(cutoff)))
    await conn.execute(idempotency_key.delete().where(idempotency_key.c.flow_run_id.in_(ids)))
    return int(result.rowcount or 0)


async def count_logs(conn: Conn, *, cutoff: datetime) -> int:
    stmt = sa.select(sa.func.count()).select_from(log).where(log.c.timestamp < cutoff)
    return int((await conn.execute(stmt)).scalar_one())


async def count_runs(conn: Conn, *, cutoff: datetime) -> tuple[int, int]:
    """Finished runs older than `cutoff`, and the logs that would go with them."""
    runs = sa.select(sa.func.count()).select_from(flow_run).where(_old_run(cutoff))
    old_ids = sa.select(flow_run.c.id).where(_old_run(cutoff))
    logs = sa.select(sa.func.count()).select_from(log).where(log.c.flow_run_id.in_(old_ids))
    run_count = (await conn.execute(runs)).scalar_one()
    return int(run_count), int((await conn.execute(logs)).scalar_one())
