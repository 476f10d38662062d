"""One LISTEN connection per API process. The database's triggers (migration 0005) NOTIFY
`flowrun_change` with a table's name when a transaction that changed it commits; this
listener hands the names to the process's `Changes`. When the connection is lost (the database
restarted) it reconnects with backoff and then rings every subscriber once, since
notifications sent meanwhile were lost."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator

import psycopg
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from .hub import ALL, Changes

CHANNEL = "flowrun_change"
APPLICATION_NAME = "flowrun-change-listener"
log = logging.getLogger("flowrun.events")


def libpq_url(url: sa.URL | str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


class PostgresListener:
    def __init__(self, url: sa.URL | str, changes: Changes, *, check_seconds: float = 10.0,
                 max_backoff: float = 5.0) -> None:
        self.url = libpq_url(url)
        self.changes = changes
        self.check_seconds = check_seconds
        self.max_backoff = max_backoff
        self.connected = asyncio.Event()
        self.connections = 0  # how many times it connected (1 + reconnects)

    async def run(self) -> None:
        failures = 0
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    self.url, autocommit=True, connect_timeout=5,
                    application_name=APPLICATION_NAME,
                ) as conn:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    failures = 0
                    self._on_connected()
                    await self._listen(conn)
            except (psycopg.Error, OSError) as exc:
                self.connected.clear()
                failures += 1
                delay = min(self.max_backoff, 0.1 * 2**failures)
                log.warning("change listener lost the database (%s); retrying in %.1fs",
                            exc, delay)
                await asyncio.sleep(delay)

    def _on_connected(self) -> None:
        self.connections += 1
        self.connected.set()
        if self.connections > 1:
            log.info("change listener reconnected; every live subscription re-reads")
        self.changes.publish([ALL])

    async def _listen(self, conn: psycopg.AsyncConnection[tuple[object, ...]]) -> None:
        while True:
            async for notify in conn.notifies(timeout=self.check_seconds):
                self.changes.publish([notify.payload or ALL])
            await conn.execute("SELECT 1")  # a quiet connection may be a dead one


@contextlib.asynccontextmanager
async def listening(url: sa.URL | str, changes: Changes) -> AsyncIterator[PostgresListener]:
    listener = PostgresListener(url, changes)
    task = asyncio.create_task(listener.run(), name="flowrun-change-listener")
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(listener.connected.wait(), 10)
        yield listener
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
