"""Fixtures shared by the whole suite.

Every test that takes `database_url` (or anything built on it) runs twice: on a real SQLite
file and on a real PostgreSQL database. Each pytest session creates its own PostgreSQL
database (from FLOWRUN_TEST_DATABASE_URL, default the local server) and drops it at the end,
so concurrent sessions never share rows. Without PostgreSQL the PostgreSQL half is skipped with
the reason shown, except under CI (CI=true), where it fails."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from server.app import create_app
from server.database import migrate
from server.database.engine import Database
from server.settings import Settings
from tests.databases import empty, fresh_postgresql
from tests.live import LiveServer, start_server

BACKENDS = ["sqlite", "postgresql"]
IN_PROCESS_URL = "http://flowrun.test"


@pytest.fixture(scope="session")
def postgresql_url() -> Iterator[str]:
    with fresh_postgresql("flowrun_test") as url:
        migrate.upgrade(url)
        yield url


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
    # Up to 40 at once for the race tests, but only 4 kept open between them: PostgreSQL's
    # connections are shared with every server the suite's workers start (max 100).
    database = Database(database_url, pool_size=4, overflow=36, timeout=30)
    yield database
    await database.dispose()


@pytest.fixture
async def db(session_db: Database) -> AsyncIterator[Database]:
    """The migrated database, emptied of everything but the default tenant."""
    await empty(session_db)
    yield session_db


@pytest.fixture(scope="session")
def live_server(database_url: str) -> Iterator[LiveServer]:
    """A real `flowrun server start` process on a free port, over the session's database."""
    with start_server(database_url) as server:
        yield server


@pytest.fixture
async def server(live_server: LiveServer, db: Database) -> LiveServer:
    """The live server, with the database emptied first."""
    return live_server


@pytest.fixture(scope="session")
async def app(database_url: str) -> AsyncIterator[Starlette]:
    """The app in this process (its lifespan running), over the session's database, for door
    tests that are not about the process boundary."""
    # A small pool: requests come one at a time, and PostgreSQL's connections are shared
    # with the live servers the other tests start.
    application = create_app(Settings(database_url=database_url, loops_enabled=False,
                                      db_pool_size=2))
    async with application.router.lifespan_context(application):
        yield application


@asynccontextmanager
async def in_process(app: Starlette, path: str = "") -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for an in-process app (at `path`, such as "/api"). A request that raises
    reaches the app's own error handling, as over a socket."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url=IN_PROCESS_URL + path,
                                 timeout=30) as http:
        yield http


@pytest.fixture
async def client(app: Starlette, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the in-process app, with the database emptied first."""
    async with in_process(app) as http:
        yield http


@pytest.fixture(scope="session")
def auth_server(database_url: str) -> Iterator[LiveServer]:
    """A live server over the session's database that requires an API key on every door."""
    # A small pool: this server lives as long as the session, beside the others.
    env = {"FLOWRUN_AUTH_REQUIRED": "true", "FLOWRUN_LOG_LEVEL": "debug",
           "FLOWRUN_DB_POOL_SIZE": "2"}
    with start_server(database_url, env) as server:
        yield server
