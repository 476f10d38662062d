"""Loop leases: one API process runs each server loop at a time."""

from __future__ import annotations

from datetime import timedelta

from ..domain import clock
from ..repository import loop_leases as repo
from ..repository.common import Conn


async def take_lease(conn: Conn, *, name: str, holder: str, ttl_seconds: float) -> bool:
    """Take or renew the lease on loop `name` for `ttl_seconds`; False when another live
    holder has it."""
    now = clock.now()
    return await repo.take(conn, name=name, holder=holder, now=now,
                           expires_at=now + timedelta(seconds=ttl_seconds))


async def release_lease(conn: Conn, *, name: str, holder: str) -> None:
    await repo.release(conn, name=name, holder=holder, now=clock.now())


async def lease_holder(conn: Conn, *, name: str) -> str | None:
    return await repo.holder_of(conn, name)
