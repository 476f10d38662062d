"""Reads for streaming subscriptions over the append-only tables (log, flow_run_state,
task_run_state), in position order (xid, seq), resumable from any position sent.

The rule that makes a resumed stream exact (no gap, no duplicate, across restarts): a row is
read only once no transaction that could still commit a row before it is running. On
PostgreSQL each row carries the id of the transaction that wrote it (xid, set by a trigger,
migration 0005), and a read returns only rows with xid below `pg_snapshot_xmin` of its own
snapshot: every transaction older than that has ended, so any row that commits later has a
larger xid and sorts after every position already sent. Writers are never serialized; a
reader waits at most for the oldest running writer. On SQLite writers are serialized by the
database (BEGIN IMMEDIATE), so xid is 0 and seq, given inside the writing transaction, is in
commit order already."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from ..domain.errors import InvalidInput
from .common import Conn, Row
from .entities import ENTITIES, Entity
from .filters import compile_where

STREAMS = {"log_stream": "log", "flow_run_state_stream": "flow_run_state",
           "task_run_state_stream": "task_run_state"}
MAX_BATCH = 1000
Position = tuple[int, int]
START: Position = (-1, -1)

_HORIZON = sa.cast(sa.cast(sa.func.pg_snapshot_xmin(sa.func.pg_current_snapshot()), sa.Text),
                   sa.BigInteger)


def render_position(xid: int | None, seq: int | None) -> str | None:
    return None if seq is None else f"{xid or 0}.{seq}"


def parse_position(value: str | None) -> Position:
    """A position as `render_position` wrote it; None or "" is the start of the stream."""
    if value is None or value == "":
        return START
    xid, dot, seq = value.partition(".")
    if not (dot and xid.isdigit() and seq.isdigit()):
        raise InvalidInput(f"{value!r} is not a stream position: use a `position` the stream "
                           "sent, or omit it to start from the beginning", field="position")
    return int(xid), int(seq)


def check_batch_size(batch_size: int) -> int:
    if not 1 <= batch_size <= MAX_BATCH:
        raise InvalidInput(f"batch_size must be between 1 and {MAX_BATCH}, not {batch_size}",
                           field="batch_size")
    return batch_size


def stream_entity(field_name: str) -> Entity:
    return ENTITIES[STREAMS[field_name]]


async def read_after(
    conn: Conn, entity: Entity, after: Position, limit: int, where: dict[str, Any] | None,
) -> tuple[Sequence[Row], bool]:
    """Up to `limit` rows after `after`, in position order, and whether later rows exist that
    are held back because an older writer is still running (read again soon)."""
    table = entity.table
    condition = sa.and_(
        sa.tuple_(table.c.xid, table.c.seq) > sa.tuple_(sa.literal(after[0]),
                                                         sa.literal(after[1])),
        compile_where(entity, where, conn.dialect.name),
    )
    if conn.dialect.name != "postgresql":
        stmt = sa.select(table).where(condition).order_by(table.c.xid, table.c.seq).limit(limit)
        return (await conn.execute(stmt)).all(), False
    settled = sa.select(table).where(condition, table.c.xid < _HORIZON)
    rows = (await conn.execute(settled.order_by(table.c.xid, table.c.seq).limit(limit))).all()
    if len(rows) == limit:
        return rows, False
    pending = sa.select(sa.exists().where(condition, table.c.xid >= _HORIZON))
    return rows, bool((await conn.execute(pending)).scalar())
