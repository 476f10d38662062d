"""Databases for tests: throwaway PostgreSQL databases, and emptying a migrated one.

Without a reachable PostgreSQL the tests that need one are skipped with the reason shown,
except under CI (CI=true), where they fail."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from server.database import models  # noqa: F401  (registers the tables)
from server.database.engine import Database

PG_URL = os.environ.get(
    "FLOWRUN_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def admin_dsn() -> str:
    """The `postgres` maintenance database on FLOWRUN_TEST_DATABASE_URL's server."""
    url = make_url(PG_URL).set(drivername="postgresql", database="postgres")
    return url.render_as_string(hide_password=False)


@contextmanager
def fresh_postgresql(prefix: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped when the block ends."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    try:
        admin = psycopg.connect(admin_dsn(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI but is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {PG_URL} is unreachable: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin_dsn(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def empty(database: Database) -> None:
    """Delete every row but the default tenant's."""
    tables = [t for t in reversed(SQLModel.metadata.sorted_tables) if t.name != "tenant"]
    async with database.transaction() as conn:
        if database.is_sqlite:
            for table in tables:
                await conn.execute(table.delete())
        else:
            names = ", ".join(f'"{t.name}"' for t in tables)
            await conn.execute(sa.text(f"TRUNCATE {names} CASCADE"))
