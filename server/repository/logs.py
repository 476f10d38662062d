"""Run logs."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

import pendulum
import sqlalchemy as sa

from ..database.models import flow_run, log
from .common import TENANT_ID, Conn, new_id


async def insert_many(conn: Conn, rows: list[dict[str, Any]], now: pendulum.DateTime) -> None:
    """Insert log rows (flow_run_id, task_run_id, timestamp, level, name, message, info)."""
    if rows:
        await conn.execute(
            log.insert(), [{"id": new_id(), "tenant_id": TENANT_ID, "created": now, **row}
                           for row in rows],
        )


async def missing_runs(conn: Conn, flow_run_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """Which of these run ids name no run."""
    wanted = set(flow_run_ids)
    found = (await conn.execute(sa.select(flow_run.c.id).where(flow_run.c.id.in_(wanted)))).all()
    return sorted(wanted - {row.id for row in found}, key=str)
