"""Migrations on fresh SQLite and PostgreSQL databases: empty -> head -> base -> head, and the
models agree with the migrations (autogenerate finds nothing to do)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

from server.database import migrate
from server.database.engine import sync_url
from server.database.models import DEFAULT_TENANT_ID

PG_URL = os.environ.get(
    "FLOWRUN_TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
TABLES = {table.name for table in SQLModel.metadata.sorted_tables}


def _admin_dsn() -> str:
    """The `postgres` maintenance database on FLOWRUN_TEST_DATABASE_URL's server."""
    url = make_url(PG_URL).set(drivername="postgresql", database="postgres")
    return url.render_as_string(hide_password=False)


@pytest.fixture
def fresh_postgresql() -> Iterator[str]:
    name = f"flowrun_migrations_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    try:
        admin = psycopg.connect(_admin_dsn(), autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required under CI but is unreachable: {exc}")
        pytest.skip(f"PostgreSQL at {PG_URL} is unreachable: {exc}")
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(_admin_dsn(), autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def fresh_sqlite(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'fresh.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_url(request: pytest.FixtureRequest) -> str:
    """The URL of a brand-new, empty database."""
    return str(request.getfixturevalue(f"fresh_{request.param}"))


def engine_for(url: str) -> sa.Engine:
    return sa.create_engine(sync_url(url), poolclass=sa.NullPool)


def tables_of(url: str) -> set[str]:
    engine = engine_for(url)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def current_revision(url: str) -> str | None:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def head_revision() -> str:
    head = ScriptDirectory.from_config(migrate.alembic_config("sqlite://")).get_current_head()
    assert head is not None
    return head


def default_tenants(url: str) -> list[uuid.UUID]:
    engine = engine_for(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(sa.text("SELECT id FROM tenant")).scalars().all()
    finally:
        engine.dispose()
    return [uuid.UUID(str(r)) for r in rows]


def test_an_empty_database_migrates_up_down_and_up_again(empty_url: str) -> None:
    assert tables_of(empty_url) == set()
    assert current_revision(empty_url) is None

    migrate.upgrade(empty_url)
    assert tables_of(empty_url) == TABLES | {"alembic_version"}
    assert current_revision(empty_url) == head_revision()
    assert default_tenants(empty_url) == [DEFAULT_TENANT_ID]

    migrate.downgrade(empty_url, "base")
    assert tables_of(empty_url) <= {"alembic_version"}
    assert current_revision(empty_url) is None

    migrate.upgrade(empty_url)
    assert tables_of(empty_url) == TABLES | {"alembic_version"}
    assert default_tenants(empty_url) == [DEFAULT_TENANT_ID]


def test_upgrading_a_database_already_at_head_changes_nothing(empty_url: str) -> None:
    migrate.upgrade(empty_url)
    migrate.upgrade(empty_url)
    assert current_revision(empty_url) == head_revision()
    assert default_tenants(empty_url) == [DEFAULT_TENANT_ID]


def test_the_models_and_the_migrations_agree(empty_url: str) -> None:
    migrate.upgrade(empty_url)
    engine = engine_for(empty_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={
                "compare_type": True,
                "target_metadata": SQLModel.metadata,
                "render_as_batch": conn.dialect.name == "sqlite",
            })
            differences = compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_alembic_check_through_the_migration_environment_finds_nothing(empty_url: str) -> None:
    migrate.upgrade(empty_url)
    command.check(migrate.alembic_config(empty_url))


def test_alembic_check_notices_a_database_behind_the_models(empty_url: str) -> None:
    from alembic.util.exc import AutogenerateDiffsDetected

    migrate.upgrade(empty_url)
    engine = engine_for(empty_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE loop_lease"))
    finally:
        engine.dispose()
    with pytest.raises(AutogenerateDiffsDetected):
        command.check(migrate.alembic_config(empty_url))
