"""The engine and transactions.

`Database.transaction(write=...)` is the one way to talk to the database. On SQLite a write
transaction begins IMMEDIATE, so concurrent writers queue on SQLite's busy handler (they wait,
never fail) instead of failing when a deferred read lock cannot be upgraded. On PostgreSQL both
kinds are plain READ COMMITTED transactions over a pool kept in autocommit; races are settled
by constraints and conditional UPDATEs in the repository."""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from ..domain.errors import ServiceUnavailable
from .errors import translated_errors

if TYPE_CHECKING:
    from . import sqlite_inline

# sqlite_inline (and with it sqlite3 and SQLAlchemy's SQLite dialect, 1.6 MiB of memory) is
# imported only where SQLite is served, as SQLAlchemy's PostgreSQL dialect is only where
# PostgreSQL is (types.dialect_module).

AfterTransaction = Callable[[AsyncConnection], None]


def async_url(url: str) -> sa.URL:
    """Accept the URLs people type (sqlite:///x.db, postgresql://...) and pick async drivers."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        from . import sqlite_inline  # registers the dialect

        return parsed.set(drivername=sqlite_inline.NAME.replace(".", "+"))
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    raise ValueError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")


def sync_url(url: str) -> sa.URL:
    parsed = async_url(url)
    return parsed.set(drivername="sqlite" if parsed.get_backend_name() == "sqlite" else
                      "postgresql+psycopg")


def ensure_sqlite_directory(url: sa.URL) -> None:
    """Create the folder of a SQLite file (the user data directory on a fresh machine)."""
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)


class Database:
    def __init__(self, url: str, *, pool_size: int = 10, timeout: float = 30.0,
                 overflow: int = 0) -> None:
        """`overflow`: connections opened above `pool_size` for a burst and closed as soon as
        they are handed back (0 for a server; the test suite's shared database uses it so
        that one burst does not keep PostgreSQL sessions open for the rest of the run)."""
        self.url = async_url(url)
        self.dialect = self.url.get_backend_name()
        self.engine = self._create_engine(pool_size, timeout, overflow)
        # Called after a write transaction commits / rolls back (events/sqlite.py).
        self.after_commit: AfterTransaction | None = None
        self.after_rollback: AfterTransaction | None = None
        self.checkpointer: sqlite_inline.Checkpointer | None = None
        self._timeout = timeout
        self._write_turns: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary())
        if self.is_sqlite:
            # SQLite has one writer, so each process gives it one write connection: writers
            # queue in order on the pool instead of polling SQLite's busy handler. Across
            # processes BEGIN IMMEDIATE and busy_timeout still make a writer wait, not fail.
            from . import sqlite_inline

            self.write_engine = _sqlite_engine(self.url, 1, timeout, writer=True)
            self.read_engine = self.engine
            database = self.url.database
            self.checkpointer = (sqlite_inline.Checkpointer(database)
                                 if database and database != ":memory:" else None)
        else:
            # The pool's connections stay in autocommit, so a read (and a one-statement write)
            # costs no BEGIN/COMMIT round trips and no isolation switch at checkout and
            # return; only a transaction sets READ COMMITTED, for its connection's turn.
            self.read_engine = self.engine
            self.write_engine = self.engine.execution_options(isolation_level="READ COMMITTED")

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def _create_engine(self, pool_size: int, timeout: float, overflow: int) -> AsyncEngine:
        if self.is_sqlite:
            ensure_sqlite_directory(self.url)
            return _sqlite_engine(self.url, pool_size, timeout, overflow=overflow)
        return create_async_engine(
            self.url,
            json_serializer=_json_dumps,
            json_deserializer=orjson.loads,
            # A fixed pool, no overflow: above pool_size concurrent transactions a request
            # waits for a connection (up to `timeout`, then a 503) instead of opening and
            # closing a session per request, which cost more than the wait (bench: pool churn).
            pool_size=pool_size,
            max_overflow=overflow,
            pool_timeout=timeout,
            isolation_level="AUTOCOMMIT",
            connect_args={"connect_timeout": max(1, int(timeout)), "options": "-c timezone=UTC"},
        )

    @asynccontextmanager
    async def transaction(
        self, *, write: bool = True, one_statement: bool = False
    ) -> AsyncIterator[AsyncConnection]:
        """Open a transaction; commit when the block ends, roll back when it raises.

        `one_statement`: the caller promises that the block writes with at most one statement
        on PostgreSQL (reads before it are allowed), as the services that say so do. There the
        block runs in autocommit, without the BEGIN and COMMIT round trips: one statement is
        atomic by itself, and READ COMMITTED reads see what they would inside a transaction.
        On SQLite, where the same work takes several statements, it is a transaction as ever."""
        if one_statement and not self.is_sqlite:
            async with self.read() as conn:
                yield conn
            return
        if write and self.is_sqlite:
            async with self._writers_turn(), self._transaction(write=True) as conn:
                yield conn
            return
        async with self._transaction(write=write) as conn:
            yield conn

    @asynccontextmanager
    async def _writers_turn(self) -> AsyncIterator[None]:
        """SQLite: the process's one write connection goes to writers in the order they asked.
        The pool alone is not fair: a connection put back is taken by whichever task asks
        next, and with statements inline that is often a newcomer, while a writer already
        woken goes to the back of the queue (seconds at c=8). asyncio.Lock queues in order.
        This orders this process's writers; across processes SQLite's lock decides."""
        lock = self._write_turns.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        try:
            async with asyncio.timeout(self._timeout):  # no task per wait, unlike wait_for
                await lock.acquire()
        except TimeoutError:
            raise ServiceUnavailable("The database is busy; retry the request") from None
        try:
            yield
        finally:
            lock.release()

    @asynccontextmanager
    async def _transaction(self, *, write: bool) -> AsyncIterator[AsyncConnection]:
        with translated_errors():
            # SQLite: the one write connection or the read pool; PostgreSQL: READ COMMITTED
            # over the autocommit pool, for reads and writes alike.
            engine = self.write_engine if write or not self.is_sqlite else self.engine
            async with self._connected(engine) as conn:
                try:
                    async with conn.begin():
                        yield conn
                except BaseException:
                    if write and self.after_rollback is not None:
                        self.after_rollback(conn)
                    raise
                if write and self.after_commit is not None:
                    self.after_commit(conn)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A connection for reads only (autocommit on PostgreSQL, a deferred read on SQLite)."""
        with translated_errors():
            async with self._connected(self.read_engine) as conn:
                yield conn

    @asynccontextmanager
    async def _connected(self, engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
        """A pooled connection for the block. On PostgreSQL as `async with engine.connect()`,
        which hands the connection back from a task of its own, shielded, so that a request
        cancelled then cannot leave it half returned. On SQLite (inline, sqlite_inline.py)
        handing it back never waits, so nothing can interrupt it: it is closed directly,
        without that task and its turns of the event loop (a fifth of an empty transaction)."""
        if not self.is_sqlite:
            async with engine.connect() as conn:
                yield conn
            return
        conn = await engine.connect()
        try:
            yield conn
        finally:
            await conn.close()

    async def data_version(self) -> int:
        """SQLite: `PRAGMA data_version` of this process's write connection, which changes
        when another connection commits. This process writes through that connection only,
        so a change means another process (an API worker, a `flowrun db` command) wrote."""
        async with self._writers_turn(), self.write_engine.connect() as conn:
            driver: Any = (await conn.get_raw_connection()).driver_connection
            row = driver.execute("PRAGMA data_version").fetchone()
        return int(row[0])

    async def dispose(self) -> None:
        await self.engine.dispose()
        if self.is_sqlite:  # on PostgreSQL write_engine is a view of the same pool
            await self.write_engine.dispose()
        if self.checkpointer is not None:
            self.checkpointer.stop()


def _json_dumps(value: Any) -> str:
    return orjson.dumps(value).decode()


def _sqlite_engine(url: sa.URL, pool_size: int, timeout: float, *, writer: bool = False,
                   overflow: int = 0) -> AsyncEngine:
    from . import sqlite_inline

    engine = create_async_engine(
        url,
        json_serializer=_json_dumps,
        json_deserializer=orjson.loads,
        pool_size=pool_size,
        max_overflow=overflow,
        pool_timeout=timeout,
        # A short busy timeout: a statement waits this long at most with the event loop held;
        # the wait for another process's write lock is begin_immediate's, asynchronous.
        connect_args={"timeout": sqlite_inline.BUSY_SLICE_MS / 1000,
                      "check_same_thread": False},
    )
    _configure_sqlite(engine, timeout, writer)
    return engine


def _configure_sqlite(engine: AsyncEngine, timeout: float, writer: bool) -> None:
    from . import sqlite_inline

    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (below) emit BEGIN, not the driver, so we choose its kind.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        # Turning a database to WAL (once, on its first connection ever) waits for the lock
        # as long as the engine's timeout; every statement after waits a slice at most.
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA wal_autocheckpoint=0")  # the Checkpointer's thread does it
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA case_sensitive_like=ON")  # _like means the same as on PostgreSQL
        # The write connection never waits inside SQLite: its one wait, for another
        # process's write lock, is begin_immediate's (asynchronous); once BEGIN IMMEDIATE
        # holds the lock, nothing in a WAL transaction waits. Readers wait a slice at most.
        cursor.execute(f"PRAGMA busy_timeout={0 if writer else sqlite_inline.BUSY_SLICE_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        # the write engine's one connection begins IMMEDIATE: it takes the write lock first
        if writer:
            sqlite_inline.begin_immediate(conn, timeout)
        else:
            sqlite_inline.begin(conn, "BEGIN")
