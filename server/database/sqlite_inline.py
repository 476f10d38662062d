"""SQLite for the asyncio engine without a thread per connection.

aiosqlite runs every call (execute, fetch, close of a cursor) on a thread of its own and
wakes the event loop for each answer: a create made about a dozen such hops, which cost more
CPU than SQLite's own work (a statement on a point row takes microseconds). This dialect runs
the standard sqlite3 module inline instead, inside SQLAlchemy's greenlet, as the synchronous
pysqlite dialect does; the engine, its pool (asyncio-aware: a request waiting for the write
connection awaits, it does not block) and everything above stay the same.

A commit could also hold the loop: SQLite moves the WAL back into the database file (a
checkpoint, with an fsync) inside the commit that fills it. So automatic checkpoints are off
on these connections and a `Checkpointer` thread makes them, passively, once a second.

The one wait SQLite has is for another process's write lock. A blocking wait would stop the
event loop, so the write connection's busy timeout is 0 (a reader's is BUSY_SLICE_MS, for the
rare moments a WAL reader waits) and `begin_immediate` retries BEGIN IMMEDIATE with short
asyncio sleeps until the engine's timeout, after which the "database is locked" error goes up
as before (a retryable 503). Several API processes can so share one SQLite file: their writes
take turns on SQLite's lock, and events/sqlite.py tells each process of the others' writes."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from typing import Any

import sqlalchemy as sa
from sqlalchemy import pool
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL
from sqlalchemy.util import await_

from .listening import statements_listened

BUSY_SLICE_MS = 20  # the longest a read may hold the event loop waiting for a lock
POLL_SECONDS = 0.0002  # begin_immediate's first sleep while another process writes
POLL_MAX_SECONDS = 0.002
RESTART_FRAMES = 4096  # a WAL this long (16 MiB of 4 KiB pages) is emptied (Checkpointer)
NAME = "sqlite.flowrun_inline"


class SQLiteDialect_inline(SQLiteDialect_pysqlite):
    driver = "flowrun_inline"
    is_async = True
    supports_statement_cache = True

    def create_connect_args(self, url: URL) -> Any:
        args, options = super().create_connect_args(url)
        return args, {**options, "factory": InlineConnection}

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        return pool.AsyncAdaptedQueuePool if cls._is_url_file_db(url) else pool.StaticPool

    def get_driver_connection(self, connection: Any) -> Any:
        return connection

    # SQLAlchemy's asyncio layer checks that a statement awaited something (catching a sync
    # driver by mistake); one switch to the event loop's side that returns at once says so.
    def do_execute(self, cursor: Any, statement: Any, parameters: Any, context: Any = None
                   ) -> None:
        cursor.execute(statement, parameters)
        await_(_done())

    def do_execute_no_params(self, cursor: Any, statement: Any, context: Any = None) -> None:
        cursor.execute(statement)
        await_(_done())

    def do_executemany(self, cursor: Any, statement: Any, parameters: Any,
                       context: Any = None) -> None:
        cursor.executemany(statement, parameters)
        await_(_done())


async def _done() -> None:
    return None


class InlineCursor(sqlite3.Cursor):
    async def _async_soft_close(self) -> None:  # what AsyncResult calls on a cursor it ends
        return None


class InlineConnection(sqlite3.Connection):
    def cursor(self, factory: Any = InlineCursor) -> Any:
        return super().cursor(factory)


registry.register(NAME, __name__, "SQLiteDialect_inline")


def begin_immediate(conn: sa.Connection, timeout: float) -> None:
    """BEGIN IMMEDIATE on `conn` (a connection whose busy timeout is 0), waiting without
    blocking the event loop up to `timeout` seconds for another process to release the write
    lock. Runs inside SQLAlchemy's greenlet, from the engine's "begin" event.

    Another process holds the lock for about a millisecond per write, so the lock is tried
    again after short sleeps (POLL_SECONDS, growing to POLL_MAX_SECONDS), while this process's
    other requests go on. SQLite's own busy handler sleeps 1, 2, 5, 10 ms with the event loop
    held: its reads stopped too, for the whole wait."""
    deadline = time.monotonic() + timeout
    delay = POLL_SECONDS
    while True:
        try:
            begin(conn, "BEGIN IMMEDIATE")
            return
        except sa.exc.OperationalError as exc:
            message = str(exc.orig)
            if ("locked" not in message and "busy" not in message) or \
                    time.monotonic() + delay > deadline:
                raise
        await_(asyncio.sleep(delay))
        delay = min(delay * 1.5, POLL_MAX_SECONDS)


def begin(conn: sa.Connection, statement: str) -> None:
    """Send BEGIN (or BEGIN IMMEDIATE) on the sqlite3 connection itself: through SQLAlchemy's
    execution (`exec_driver_sql`) it cost about as much as the rest of an empty transaction.
    Where something listens for the statements sent (`before_cursor_execute`: tracing, the
    tests that count BEGINs), it goes through SQLAlchemy, which tells them, by the test the
    driver statements use (database/listening.py). A refusal is the `OperationalError`
    SQLAlchemy would raise."""
    if statements_listened(conn):
        conn.exec_driver_sql(statement)
        return
    try:
        conn.connection.driver_connection.execute(statement)  # type: ignore[union-attr]
    except sqlite3.Error as exc:
        raise sa.exc.DBAPIError.instance(statement, (), exc, sqlite3.Error,
                                         dialect=conn.dialect) from exc


class Checkpointer:
    """Checkpoints a WAL database from a thread and connection of its own every `interval`
    seconds. PASSIVE first: it never waits for, nor blocks, readers and writers. But under a
    steady stream of writes a passive checkpoint never catches up with the last commit, and
    SQLite starts the WAL over only when a write finds it wholly checkpointed: the file grew
    without end (1.7 GB after 22,000 creates, each request slower than the one before as the
    WAL's index grew). So once the WAL holds `restart_frames` frames, a RESTART checkpoint
    follows: it takes the write lock for the few frames the passive one left (writers wait
    for it as for another process, in begin_immediate, without holding their event loop),
    and the next write starts the WAL over from its first frame, overwriting the file rather
    than growing it. The file keeps the size it reached (about what is written in one
    interval: 90 MB at 1,100 creates a second); a round that finds nothing written since the
    last empties it (TRUNCATE), when no writer is there to wait. TRUNCATE under load cost
    writers a 25-40 ms wait each second (bench p99 33 ms at c=8, 15 ms with RESTART): freeing
    the file's pages is slow, and it held the lock meanwhile."""

    def __init__(self, path: str, interval: float = 1.0, *,
                 restart_frames: int = RESTART_FRAMES) -> None:
        self.path = path
        self.interval = interval
        self.restart_frames = restart_frames
        self.restarts = 0
        self.truncations = 0
        self._frames = 0  # the WAL's length at the last round
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqlite-checkpoint",
                                        daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(self.path, timeout=BUSY_SLICE_MS / 1000,
                                         check_same_thread=False)
        except sqlite3.Error:
            return
        try:
            while not self._stop.wait(self.interval):
                try:
                    self._checkpoint(connection)
                except sqlite3.Error:
                    continue  # busy or gone for now: the next round tries again
        finally:
            connection.close()

    def _checkpoint(self, connection: sqlite3.Connection) -> None:
        _busy, frames, copied = connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        idle = frames > 0 and frames == copied == self._frames  # nothing new since last round
        self._frames = frames
        if idle:
            busy, _, _ = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            self.truncations += not busy
        elif frames >= self.restart_frames:
            busy, _, _ = connection.execute("PRAGMA wal_checkpoint(RESTART)").fetchone()
            self.restarts += not busy

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
