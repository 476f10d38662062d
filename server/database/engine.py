"""The engine and transactions.

`Database.transaction(write=...)` is the one way to talk to the database. On SQLite a write
transaction begins IMMEDIATE, so concurrent writers queue on SQLite's busy handler (they wait,
never fail) instead of failing when a deferred read lock cannot be upgraded. On PostgreSQL both
kinds are plain READ COMMITTED transactions; races are settled by constraints and conditional
UPDATEs in the repository."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine

from ..domain.errors import ServiceUnavailable

_WRITE = "flowrun_write"


def async_url(url: str) -> sa.URL:
    """Accept the URLs people type (sqlite:///x.db, postgresql://...) and pick async drivers."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return parsed.set(drivername="sqlite+aiosqlite")
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    raise ValueError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")


def sync_url(url: str) -> sa.URL:
    parsed = async_url(url)
    return parsed.set(drivername="sqlite" if parsed.get_backend_name() == "sqlite" else
                      "postgresql+psycopg")


class Database:
    def __init__(self, url: str, *, pool_size: int = 10, timeout: float = 30.0) -> None:
        self.url = async_url(url)
        self.dialect = self.url.get_backend_name()
        self.engine = self._create_engine(pool_size, timeout)
        # Reads on PostgreSQL run in autocommit: no BEGIN/COMMIT round trips for a SELECT.
        self.read_engine = (
            self.engine if self.is_sqlite
            else self.engine.execution_options(isolation_level="AUTOCOMMIT")
        )

    @property
    def is_sqlite(self) -> bool:
        return self.dialect == "sqlite"

    def _create_engine(self, pool_size: int, timeout: float) -> AsyncEngine:
        if self.is_sqlite:
            if self.url.database and self.url.database != ":memory:":
                Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
            engine = create_async_engine(
                self.url,
                pool_size=pool_size,
                max_overflow=0,
                connect_args={"timeout": timeout, "check_same_thread": False},
            )
            _configure_sqlite(engine, timeout)
            return engine
        return create_async_engine(
            self.url,
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_timeout=timeout,
            pool_pre_ping=False,
            connect_args={"connect_timeout": max(1, int(timeout))},
        )

    @asynccontextmanager
    async def transaction(self, *, write: bool = True) -> AsyncIterator[AsyncConnection]:
        """Open a transaction; commit when the block ends, roll back when it raises."""
        try:
            async with self.engine.connect() as conn:
                if write:
                    await conn.execution_options(**{_WRITE: True})
                async with conn.begin():
                    yield conn
        except (OperationalError, DBAPIError) as exc:
            if is_transient(exc):
                raise ServiceUnavailable(
                    "The database is busy or unreachable; retry the request"
                ) from exc
            raise

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncConnection]:
        """A connection for reads only (autocommit on PostgreSQL, a deferred read on SQLite)."""
        try:
            async with self.read_engine.connect() as conn:
                yield conn
        except (OperationalError, DBAPIError) as exc:
            if is_transient(exc):
                raise ServiceUnavailable(
                    "The database is busy or unreachable; retry the request"
                ) from exc
            raise

    async def dispose(self) -> None:
        await self.engine.dispose()


def is_transient(exc: DBAPIError) -> bool:
    """Busy, locked, serialization failure, lost connection: worth a retry."""
    if exc.connection_invalidated or isinstance(exc, OperationalError):
        return True
    sqlstate = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
    return sqlstate.startswith(("08", "40", "53", "57P"))


def _configure_sqlite(engine: AsyncEngine, timeout: float) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy (below) emit BEGIN, not the driver, so we choose its kind.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get(_WRITE, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
