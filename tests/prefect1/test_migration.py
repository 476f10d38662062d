"""Migration 0003 (Prefect 1's task graph, task runs, and flow.idempotency_key) goes down and
up on both engines, on brand-new databases."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from server.database import migrate
from server.database.engine import sync_url
from tests.databases import fresh_postgresql

PREFECT1_TABLES = {"task", "edge", "task_run", "task_run_state"}


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'fresh.db'}"
        return
    with fresh_postgresql("flowrun_p1_migration") as url:
        yield url


def _tables(url: str) -> set[str]:
    engine = sa.create_engine(sync_url(url), poolclass=sa.NullPool)
    try:
        return set(sa.inspect(engine).get_table_names())
    finally:
        engine.dispose()


def _flow_has_idempotency_key(url: str) -> bool:
    engine = sa.create_engine(sync_url(url), poolclass=sa.NullPool)
    try:
        return "idempotency_key" in {c["name"] for c in sa.inspect(engine).get_columns("flow")}
    finally:
        engine.dispose()


def test_migration_0003_adds_and_removes_only_its_tables_and_column(fresh_url: str) -> None:
    below = ScriptDirectory.from_config(migrate.alembic_config(fresh_url)).get_revision(
        "0003").down_revision
    migrate.upgrade(fresh_url, str(below))
    without = _tables(fresh_url)
    assert not without & PREFECT1_TABLES
    assert not _flow_has_idempotency_key(fresh_url)

    migrate.upgrade(fresh_url, "0003")
    assert _tables(fresh_url) == without | PREFECT1_TABLES
    assert _flow_has_idempotency_key(fresh_url)

    migrate.downgrade(fresh_url, str(below))
    assert _tables(fresh_url) == without
    assert not _flow_has_idempotency_key(fresh_url)

    migrate.upgrade(fresh_url)
    assert _tables(fresh_url) >= without | PREFECT1_TABLES
