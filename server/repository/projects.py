from __future__ import annotations

import uuid

import pendulum
import sqlalchemy as sa

from ..database.models import project
from .common import TENANT_ID, Conn, Row, first, insert_unique, new_id


async def insert(
    conn: Conn, *, name: str, description: str | None, now: pendulum.DateTime
) -> uuid.UUID:
    project_id = new_id()
    stmt = project.insert().values(
        id=project_id, tenant_id=TENANT_ID, name=name, description=description,
        created=now, updated=now,
    )
    await insert_unique(conn, stmt, f"A project named {name!r}")
    return project_id


async def get(conn: Conn, project_id: uuid.UUID) -> Row | None:
    return await first(conn, sa.select(project).where(project.c.id == project_id))


async def get_by_name(conn: Conn, name: str) -> Row | None:
    return await first(
        conn, sa.select(project).where(project.c.tenant_id == TENANT_ID, project.c.name == name)
    )


async def delete(conn: Conn, project_id: uuid.UUID) -> bool:
    result = await conn.execute(project.delete().where(project.c.id == project_id))
    return result.rowcount > 0
