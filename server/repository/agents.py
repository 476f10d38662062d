"""Agents: the processes that execute runs, as they registered themselves."""

from __future__ import annotations

import uuid

import pendulum
import sqlalchemy as sa

from ..database.models import agent
from .common import TENANT_ID, Conn, Row, first, new_id


async def insert(
    conn: Conn,
    *,
    name: str | None,
    type: str | None,
    labels: list[str],
    core_version: str | None,
    agent_config_id: uuid.UUID | None,
    now: pendulum.DateTime,
) -> uuid.UUID:
    agent_id = new_id()
    await conn.execute(
        agent.insert().values(
            id=agent_id, tenant_id=TENANT_ID, name=name, type=type, labels=labels,
            core_version=core_version, agent_config_id=agent_config_id, last_queried=now,
            created=now, updated=now,
        )
    )
    return agent_id


async def get(conn: Conn, agent_id: uuid.UUID) -> Row | None:
    return await first(conn, sa.select(agent).where(agent.c.id == agent_id))


async def touch(conn: Conn, agent_id: uuid.UUID, now: pendulum.DateTime) -> bool:
    """Record that the agent asked for work now."""
    result = await conn.execute(
        agent.update().where(agent.c.id == agent_id).values(last_queried=now, updated=now)
    )
    return result.rowcount > 0
