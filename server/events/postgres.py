"""Change notifications across processes on PostgreSQL: channel `flowrun_change`.

Telling: the database's triggers (migration 0005) NOTIFY with a table's name when a
transaction that changed it commits, so every writer (psql, `flowrun db prune`, another tool)
is heard. But a NOTIFY makes its transaction's commit take a lock of the whole cluster and
hold it through the commit's WAL flush, so writers that notify commit one at a time (bench:
with triggers on, most busy sessions waited on `Lock:object`; with this module's way, set
state went from 1,315 to 1,513 requests/s at c=8 and creates from 970 to 1,070, README).
So an API process turns the triggers off for its own sessions (`flowrun.notify = off`, a
startup option; migration 0010) and tells the others itself: its
writes' tables are collected as they run (collect.py), told to this process's subscribers
when the connection is handed back (after commit or rollback: a rolled back write costs a
needless re-read, never a missed one), and sent to the other processes by `Publisher`, one
NOTIFY per burst (at most one every `interval` seconds), from a session of its own with
synchronous_commit off. Its payload is "<sender> <table>,<table>..."; a process ignores its
own. What this gives up: writes committed in the last few milliseconds before a process dies
are not told to the other processes (their subscribers see them with the next change).

Listening: one LISTEN connection per API process hands the names to the process's
`Changes`. When the connection is lost (the database restarted) it reconnects with backoff
and then rings every subscriber once, since notifications sent meanwhile were lost."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Any

import psycopg
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url

from ..database.engine import Database
from .collect import TOUCHED, collect
from .hub import ALL, Changes

CHANNEL = "flowrun_change"
APPLICATION_NAME = "flowrun-change-listener"
PUBLISHER_NAME = "flowrun-change-publisher"
log = logging.getLogger("flowrun.events")


Session = psycopg.AsyncConnection[tuple[object, ...]]


def libpq_url(url: sa.URL | str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def install(db: Database, changes: Changes, publisher: Publisher) -> None:
    """Collect what this process's sessions write, turn the triggers off for them, and tell
    `changes` and `publisher` when a connection that wrote is handed back."""
    engine = db.engine.sync_engine
    event.listen(engine, "before_execute", collect)

    @event.listens_for(engine, "do_connect")
    def _quiet_triggers(_dialect: Any, _record: Any, _args: Any, params: dict[str, Any]
                        ) -> None:
        # a startup option: no round trip, and every session the pool opens from now on
        params["options"] = f"{params.get('options', '')} -c flowrun.notify=off".strip()

    @event.listens_for(engine, "checkin")
    def _handed_back(_dbapi_connection: Any, record: Any) -> None:
        touched = record.info.pop(TOUCHED, None)
        if touched:
            changes.publish(touched)
            publisher.add(touched)


class Publisher:
    """Sends this process's changes to the others: what `add` collected, one NOTIFY at a time
    and at most one every `interval` seconds, so a burst of writes costs one."""

    def __init__(self, url: sa.URL | str, *, interval: float = 0.005,
                 max_backoff: float = 5.0) -> None:
        self.url = libpq_url(url)
        self.interval = interval
        self.max_backoff = max_backoff
        self.sender = uuid.uuid4().hex[:12]
        self.sent = 0  # NOTIFYs sent
        self._pending: set[str] = set()
        self._wake = asyncio.Event()
        self._idle = asyncio.Event()
        self._idle.set()

    def add(self, tables: Iterable[str]) -> None:
        self._pending.update(tables)
        self._idle.clear()
        self._wake.set()

    async def run(self) -> None:
        # Nothing waits for a notification's own commit record to reach the disk, so the
        # lock it holds is released sooner (a crash loses nothing of worth).
        await _keep_connected("change publisher", self.url, self._send_all, self.max_backoff,
                              application_name=PUBLISHER_NAME,
                              options="-c synchronous_commit=off")

    async def _send_all(self, conn: Session) -> None:
        while True:
            if not self._pending:
                self._idle.set()
                await self._wake.wait()
            self._wake.clear()
            tables, self._pending = self._pending, set()
            try:
                await conn.execute("SELECT pg_notify(%s, %s)",
                                   [CHANNEL, f"{self.sender} {','.join(sorted(tables))}"])
            except BaseException:
                self._pending |= tables  # sent again once connected
                raise
            self.sent += 1
            await asyncio.sleep(self.interval)

    async def flush(self, timeout: float = 2.0) -> None:
        """Wait until what was added has been sent (a server shutting down)."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._idle.wait(), timeout)


def tables_of(payload: str, sender: str | None) -> list[str]:
    """The tables a notification names: a trigger's "<table>", or a process's "<sender>
    <table>,..." (nothing when the sender is this process: it told itself already)."""
    if not payload:
        return [ALL]
    origin, _, tables = payload.rpartition(" ")
    if not origin:
        return [payload]
    return [] if origin == sender else tables.split(",")


class PostgresListener:
    def __init__(self, url: sa.URL | str, changes: Changes, *, check_seconds: float = 10.0,
                 max_backoff: float = 5.0, sender: str | None = None) -> None:
        self.url = libpq_url(url)
        self.changes = changes
        self.sender = sender  # this process's publisher: its notifications are skipped
        self.check_seconds = check_seconds
        self.max_backoff = max_backoff
        self.connected = asyncio.Event()
        self.connections = 0  # how many times it connected (1 + reconnects)

    async def run(self) -> None:
        await _keep_connected("change listener", self.url, self._listen, self.max_backoff,
                              lost=self.connected.clear, application_name=APPLICATION_NAME)

    def _on_connected(self) -> None:
        self.connections += 1
        self.connected.set()
        if self.connections > 1:
            log.info("change listener reconnected; every live subscription re-reads")
        self.changes.publish([ALL])

    async def _listen(self, conn: Session) -> None:
        await conn.execute(f"LISTEN {CHANNEL}")
        self._on_connected()
        while True:
            async for notify in conn.notifies(timeout=self.check_seconds):
                self.changes.publish(tables_of(notify.payload, self.sender))
            await conn.execute("SELECT 1")  # a quiet connection may be a dead one


async def _keep_connected(what: str, url: str, use: Callable[[Session], Awaitable[None]],
                          max_backoff: float, *, lost: Callable[[], None] | None = None,
                          **options: Any) -> None:
    """Run `use` on a session of its own for ever: when the database is lost (restarted),
    connect again with backoff and run it again."""
    failures = 0
    while True:
        try:
            async with await psycopg.AsyncConnection.connect(
                url, autocommit=True, connect_timeout=5, **options) as conn:
                failures = 0
                await use(conn)
        except (psycopg.Error, OSError) as exc:
            if lost is not None:
                lost()
            failures += 1
            delay = min(max_backoff, 0.1 * 2**failures)
            log.warning("%s lost the database (%s); retrying in %.1fs", what, exc, delay)
            await asyncio.sleep(delay)


@contextlib.asynccontextmanager
async def listening(url: sa.URL | str, changes: Changes, publisher: Publisher | None = None
                    ) -> AsyncIterator[PostgresListener]:
    """Listen (and publish, given a publisher) while the block runs."""
    listener = PostgresListener(url, changes,
                                sender=publisher.sender if publisher is not None else None)
    tasks = [asyncio.create_task(listener.run(), name="flowrun-change-listener")]
    if publisher is not None:
        tasks.append(asyncio.create_task(publisher.run(), name="flowrun-change-publisher"))
    try:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(listener.connected.wait(), 10)
        yield listener
        if publisher is not None:
            await publisher.flush()
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
