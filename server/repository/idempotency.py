"""Idempotency keys: one live key per flow group, settled by a unique constraint.

`claim` is a single INSERT ... ON CONFLICT DO UPDATE ... RETURNING. Whoever inserts (or finds
the key expired) binds it to their new run; everyone else gets the bound run back, and every
claim pushes the expiry out by the window. On PostgreSQL a concurrent claimer waits on the
row lock of the first one's insert and then reads its committed run id; on SQLite writers are
serialised by BEGIN IMMEDIATE. No read-then-write happens in Python."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

import sqlalchemy as sa

from ..database.models import idempotency_key as table
from ..database.types import UTCDateTime, dialect_module
from .common import TENANT_ID, Conn, new_id


@dataclass(frozen=True)
class Claim:
    flow_run_id: uuid.UUID
    request: dict[str, Any]


async def claim(
    conn: Conn,
    *,
    flow_group_id: uuid.UUID,
    key: str,
    flow_run_id: uuid.UUID,
    request: dict[str, Any],
    now: datetime,
    expires_at: datetime,
) -> Claim:
    params = {
        "id": new_id(), "tenant_id": TENANT_ID, "flow_group_id": flow_group_id, "key": key,
        "flow_run_id": flow_run_id, "request": request, "expires_at": expires_at,
        "created": now, "updated": now, "now": now,
    }
    row = (await conn.execute(_claim_statement(conn.dialect.name), params)).one()
    return Claim(row.flow_run_id, row.request)


@cache
def _claim_statement(dialect: str) -> Any:
    insert = dialect_module(dialect).insert(table)
    expired = table.c.expires_at <= sa.bindparam("now", type_=UTCDateTime())
    return insert.on_conflict_do_update(
        index_elements=["flow_group_id", "key"],
        set_={
            "flow_run_id": sa.case((expired, insert.excluded.flow_run_id),
                                   else_=table.c.flow_run_id),
            "request": sa.case((expired, insert.excluded.request), else_=table.c.request),
            "expires_at": insert.excluded.expires_at,
            "updated": insert.excluded.updated,
        },
    ).returning(table.c.flow_run_id, table.c.request)


async def forget_run(conn: Conn, flow_run_id: uuid.UUID) -> None:
    await conn.execute(table.delete().where(table.c.flow_run_id == flow_run_id))
