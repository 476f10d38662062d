"""API keys: rows by name or by the hash of the key (the key itself is never stored)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

import pendulum
import sqlalchemy as sa

from ..database.models import api_key
from .common import Conn, Row, all_rows, first, insert_unique, new_id


async def insert(
    conn: Conn, *, name: str, scope: str, key_hash: str, now: pendulum.DateTime,
    expires: pendulum.DateTime | None,
) -> uuid.UUID:
    key_id = new_id()
    stmt = api_key.insert().values(
        id=key_id, name=name, scope=scope, key_hash=key_hash, created=now, expires=expires,
    )
    await insert_unique(conn, stmt, f"An API key named {name!r}")
    return key_id


async def get_by_hash(conn: Conn, key_hash: str) -> Row | None:
    return await first(conn, sa.select(api_key).where(api_key.c.key_hash == key_hash))


async def get_by_name(conn: Conn, name: str) -> Row | None:
    return await first(conn, sa.select(api_key).where(api_key.c.name == name))


async def list_all(conn: Conn) -> Sequence[Row]:
    return await all_rows(conn, sa.select(api_key).order_by(api_key.c.created, api_key.c.name))


async def revoke(conn: Conn, name: str, now: pendulum.DateTime) -> bool:
    """Revoke a live key; False when there is no such key or it was revoked already."""
    result = await conn.execute(
        api_key.update()
        .where(api_key.c.name == name, api_key.c.revoked.is_(None))
        .values(revoked=now)
    )
    return result.rowcount > 0


async def touch(conn: Conn, key_id: uuid.UUID, now: pendulum.DateTime,
                stale_before: pendulum.DateTime) -> None:
    """Record a use, at most once per staleness window (a conditional UPDATE, so concurrent
    requests never write it twice)."""
    await conn.execute(
        api_key.update()
        .where(api_key.c.id == key_id,
               sa.or_(api_key.c.last_used.is_(None), api_key.c.last_used < stale_before))
        .values(last_used=now)
    )
