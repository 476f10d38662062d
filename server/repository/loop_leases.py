"""Loop leases: which API process runs a server loop now.

`take` is one INSERT ... ON CONFLICT DO UPDATE ... WHERE: the lease goes to the caller when
nobody holds it, when the caller already holds it (a renewal), or when the holder let it
expire. The row that comes back names the holder, so the caller learns in one statement
whether it won, on SQLite and on PostgreSQL alike."""

from __future__ import annotations

import pendulum
import sqlalchemy as sa

from ..database.models import loop_lease
from .common import Conn, first, upsert


async def take(
    conn: Conn, *, name: str, holder: str, now: pendulum.DateTime, expires_at: pendulum.DateTime
) -> bool:
    insert = upsert(conn, loop_lease).values(name=name, holder=holder, expires_at=expires_at)
    stmt = insert.on_conflict_do_update(
        index_elements=["name"],
        set_={"holder": insert.excluded.holder, "expires_at": insert.excluded.expires_at},
        where=sa.or_(loop_lease.c.holder == insert.excluded.holder, loop_lease.c.expires_at < now),
    ).returning(loop_lease.c.holder)
    row = await first(conn, stmt)
    return row is not None and row.holder == holder


async def release(conn: Conn, *, name: str, holder: str, now: pendulum.DateTime) -> None:
    """Let the lease go now (on shutdown), so another process takes it at once."""
    await conn.execute(
        loop_lease.update()
        .where(loop_lease.c.name == name, loop_lease.c.holder == holder)
        .values(expires_at=now)
    )


async def holder_of(conn: Conn, name: str) -> str | None:
    row = await first(conn, sa.select(loop_lease.c.holder).where(loop_lease.c.name == name))
    return None if row is None else str(row.holder)
