"""Concurrency limits by flow-run label: the limit rows, and how many runs hold a slot.

A slot is not stored: a run holds one for each limited label it carries while it is Submitted,
Running or Cancelling (or in another state of those types), so a run that ends, or that the
zombie killer fails, frees its slots at once and a dead process leaks none.

`lock_flow_limits` locks the limit rows a claim may need `FOR UPDATE`, in name order (one order
for every claimer, so claims queue instead of deadlocking); under that lock a claimer counts the
slots in use and claims only runs that fit, and the next claimer counts after it commits. On
SQLite the claim's write transaction began IMMEDIATE: writers run one at a time anyway."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from ..database.models import flow_concurrency_limit, flow_run
from ..domain.states import StateType
from .common import TENANT_ID, Conn, Row, first, upsert
from .run_queue import names_of

# Submitted (claimed by an agent), and every RUNNING and CANCELLING state. Pending and Queued
# runs have not been taken by an agent, and hold nothing.
OCCUPYING = ["Submitted", *names_of(StateType.RUNNING, StateType.CANCELLING)]


async def upsert_limit(conn: Conn, *, name: str, limit: int, now: datetime) -> Row:
    stmt = upsert(conn, flow_concurrency_limit).values(
        id=uuid.uuid4(), tenant_id=TENANT_ID, name=name, limit=limit, created=now, updated=now)
    stmt = stmt.on_conflict_do_update(
        index_elements=["tenant_id", "name"],
        set_={"limit": stmt.excluded.limit, "updated": stmt.excluded.updated},
    ).returning(*flow_concurrency_limit.c)
    row = await first(conn, stmt)
    assert row is not None
    return row


async def delete_limit(conn: Conn, name: str) -> bool:
    result = await conn.execute(
        flow_concurrency_limit.delete().where(flow_concurrency_limit.c.name == name))
    return bool(result.rowcount)


async def all_limits(conn: Conn) -> Sequence[Row]:
    stmt = sa.select(flow_concurrency_limit).order_by(flow_concurrency_limit.c.name)
    return (await conn.execute(stmt)).all()


async def lock_flow_limits(conn: Conn, labels: Iterable[str]) -> dict[str, int]:
    """The limits on any of `labels`, locked for this transaction in name order."""
    stmt = (
        sa.select(flow_concurrency_limit.c.name, flow_concurrency_limit.c.limit)
        .where(flow_concurrency_limit.c.name.in_(list(labels)))
        .order_by(flow_concurrency_limit.c.name)
    )
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update()
    return {row.name: int(row.limit) for row in (await conn.execute(stmt)).all()}


def _label_values(conn: Conn) -> sa.TableValuedAlias:
    if conn.dialect.name == "postgresql":
        as_array = sa.case(
            (sa.func.jsonb_typeof(flow_run.c.labels) == "array", flow_run.c.labels),
            else_=sa.cast(sa.literal("[]"), postgresql.JSONB),
        )
        return sa.func.jsonb_array_elements_text(as_array).table_valued("value")
    return sa.func.json_each(flow_run.c.labels).table_valued("value")


async def slots_in_use(conn: Conn, labels: Iterable[str]) -> dict[str, int]:
    """How many runs hold a slot of each of `labels` now."""
    wanted = list(labels)
    if not wanted:
        return {}
    each = _label_values(conn)
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
