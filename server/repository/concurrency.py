"""Concurrency limits by flow-run label: the limit rows, and how many runs hold a slot.

A slot is not stored: a run holds one for each limited label it carries while it is Submitted,
Running or Cancelling (or in another state of those types), so a run that ends, or that the
zombie killer fails, frees its slots at once and a dead process leaks none.

`lock_limits` locks the limit rows a claim may need `FOR UPDATE`, in name order (one order
for every claimer, so claims queue instead of deadlocking); under that lock a claimer counts the
slots in use and claims only runs that fit, and the next claimer counts after it commits. On
SQLite the claim's write transaction began IMMEDIATE: writers run one at a time anyway."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from ..database.models import flow_concurrency_limit, flow_run, task_tag_limit
from ..database.types import jsonb
from ..domain.states import StateType
from .common import TENANT_ID, Conn, Row, first, upsert
from .run_queue import names_of

# Submitted (claimed by an agent), and every RUNNING and CANCELLING state. Pending and Queued
# runs have not been taken by an agent, and hold nothing.
OCCUPYING = ["Submitted", *names_of(StateType.RUNNING, StateType.CANCELLING)]


@dataclass(frozen=True)
class LimitTable:
    """A table of limits: flow-run labels (`name`) or task tags (`tag`)."""

    table: sa.Table
    key: str


FLOW_LIMITS = LimitTable(flow_concurrency_limit, "name")
TASK_LIMITS = LimitTable(task_tag_limit, "tag")


async def upsert_limit(conn: Conn, kind: LimitTable, *, key: str, limit: int, now: datetime
                       ) -> Row:
    stmt = upsert(conn, kind.table).values(
        id=uuid.uuid4(), tenant_id=TENANT_ID, limit=limit, created=now, updated=now,
        **{kind.key: key})
    stmt = stmt.on_conflict_do_update(
        index_elements=["tenant_id", kind.key],
        set_={"limit": stmt.excluded.limit, "updated": stmt.excluded.updated},
    ).returning(*kind.table.c)
    row = await first(conn, stmt)
    assert row is not None
    return row


async def delete_limit(conn: Conn, kind: LimitTable, condition: sa.ColumnElement[bool]) -> bool:
    result = await conn.execute(kind.table.delete().where(condition))
    return bool(result.rowcount)


async def all_limits(conn: Conn, kind: LimitTable) -> Sequence[Row]:
    stmt = sa.select(kind.table).order_by(kind.table.c[kind.key])
    return (await conn.execute(stmt)).all()


async def lock_limits(conn: Conn, kind: LimitTable, keys: Iterable[str]) -> dict[str, int]:
    """The limits on any of `keys`, locked for this transaction in key order."""
    column = kind.table.c[kind.key]
    stmt = (
        sa.select(column.label("key"), kind.table.c.limit)
        .where(column.in_(list(keys)))
        .order_by(column)
    )
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return {row.key: int(row.limit) for row in (await conn.execute(stmt)).all()}


def json_elements(conn: Conn, column: sa.ColumnElement[object]) -> sa.TableValuedAlias:
    """The elements of a JSON list column as a table of `value` (nothing for a non-list)."""
    if conn.dialect.name == "postgresql":
        as_array = sa.case(
            (sa.func.jsonb_typeof(column) == "array", column),
            else_=sa.cast(sa.literal("[]"), jsonb()),
        )
        return sa.func.jsonb_array_elements_text(as_array).table_valued("value")
    return sa.func.json_each(column).table_valued("value")


async def slots_in_use(conn: Conn, labels: Iterable[str]) -> dict[str, int]:
    """How many runs hold a slot of each of `labels` now."""
    wanted = list(labels)
    if not wanted:
        return {}
    each = json_elements(conn, flow_run.c.labels)
    stmt = (
        sa.select(each.c.value, sa.func.count())
        .select_from(flow_run.join(each, sa.true()))
        .where(flow_run.c.state.in_(OCCUPYING), each.c.value.in_(wanted))
        .group_by(each.c.value)
    )
    return {str(value): int(count) for value, count in (await conn.execute(stmt)).all()}


async def set_wait_reasons(conn: Conn, reasons: Mapping[uuid.UUID, str]) -> None:
    """Say why each run waits, writing only the rows whose reason changed."""
    if not reasons:
        return
    stmt = (
        flow_run.update()
        .where(flow_run.c.id == sa.bindparam("run_id", type_=sa.Uuid()),
               sa.or_(flow_run.c.wait_reason.is_(None),
                      flow_run.c.wait_reason != sa.bindparam("reason")))
        .values(wait_reason=sa.bindparam("reason"))
    )
    await conn.execute(stmt, [{"run_id": k, "reason": v} for k, v in reasons.items()])
