"""A loop that runs an action every `interval` seconds while it holds its lease.

Each iteration first takes (or renews) the lease in its own short transaction, then runs the
action in a second transaction that it commits. The lease lasts three intervals: a holder that
dies is replaced within that time. The action must be safe to repeat (every loop action is:
the database's constraints and versioned UPDATEs settle any overlap)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable

from ..database.engine import Database
from ..domain.errors import ServiceUnavailable
from ..repository.common import Conn
from ..services import leases

log = logging.getLogger("flowrun.loops")

Action = Callable[[Conn], Awaitable[str | None]]
MIN_LEASE_SECONDS = 2.0


def holder_id() -> str:
    """Names this process in the lease table: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class LeasedLoop:
    def __init__(
        self, name: str, interval: float, db: Database, holder: str, action: Action
    ) -> None:
        self.name = name
        self.interval = interval
        self.db = db
        self.holder = holder
        self.action = action
        self.lease_seconds = max(3 * interval, MIN_LEASE_SECONDS)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run_forever(), name=f"loop:{self.name}")

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        with contextlib.suppress(Exception):
            async with self.db.transaction() as conn:
                await leases.release_lease(conn, name=self.name, holder=self.holder)

    async def _run_forever(self) -> None:
        while True:
            await self.run_once()
            await asyncio.sleep(self.interval)

    async def act(self) -> str | None:
        """The action, in a transaction of its own that commits when it returns."""
        async with self.db.transaction() as conn:
            return await self.action(conn)

    async def run_once(self) -> bool:
        """One iteration; True when this process held the lease and ran the action."""
        try:
            async with self.db.transaction() as conn:
                held = await leases.take_lease(
                    conn, name=self.name, holder=self.holder, ttl_seconds=self.lease_seconds
                )
            if not held:
                return False
            summary = await self.act()
            if summary:
                log.info("%s: %s", self.name, summary)
            return True
        except ServiceUnavailable as exc:
            log.warning("%s: database unavailable, retrying next time (%s)", self.name, exc)
        except Exception:
            log.exception("%s: iteration failed", self.name)
        return False
