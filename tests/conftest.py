"""Fixtures shared by the whole suite.

Every test that takes `database_url` (or anything built on it) runs twice: on a real SQLite
file and on a real PostgreSQL database. Each pytest session creates its own PostgreSQL
database (from FLOWRUN_TEST_DATABASE_URL, default the local server) and drops it at the end,
so concurrent sessions never share rows. Without PostgreSQL the PostgreSQL half is skipped with
the reason shown, except under CI (CI=true), where it fails."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from server.database import migrate
from server.database.engine import Database
from server.database.models import SQLModel
from tests.live import LiveServer, start_server

PG_URL = os.environ.get(
    "FLOWRUN_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
BACKENDS = ["sqlite", "postgresql"]


def _admin_dsn(url: str) -> str:
    parsed = make_url(url).set(drivername="postgresql", database="postgres")
    return parsed.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    name = f"flowrun_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    try:
        admin = psycopg.connect(_admin_dsn(PG_URL), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI but is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {PG_URL} is unreachable: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    migrate.upgrade(url)
    yield url
    with psycopg.connect(_admin_dsn(PG_URL), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    path: Path = tmp_path_factory.mktemp("sqlite") / "flowrun.db"
    url = f"sqlite:///{path}"
    migrate.upgrade(url)
    return url


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(request: pytest.FixtureRequest) -> str:
    return str(request.getfixturevalue(f"{request.param}_url"))


@pytest.fixture(scope="session")
async def session_db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url, pool_size=40, timeout=30)
    yield database
    await database.dispose()


@pytest.fixture
async def db(session_db: Database) -> AsyncIterator[Database]:
    """The migrated database, emptied of everything but the default tenant."""
    await _truncate(session_db)
    yield session_db


async def _truncate(database: Database) -> None:
    tables = [t for t in reversed(SQLModel.metadata.sorted_tables) if t.name != "tenant"]
    async with database.transaction() as conn:
        if database.is_sqlite:
            for table in tables:
                await conn.execute(table.delete())
        else:
            names = ", ".join(f'"{t.name}"' for t in tables)
            await conn.execute(sa.text(f"TRUNCATE {names} CASCADE"))


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[LiveServer]:
    """A real `flowrun server start` process on a free port, over the session's database."""
    with start_server(database_url) as server:
        yield server


@pytest.fixture
async def server(live_server: LiveServer, db: Database) -> LiveServer:
    """The live server, with the database emptied first."""
    return live_server
