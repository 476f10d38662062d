"""Database errors no service anticipated still leave the boundary as domain errors with a
code (never a 500): a reference to a row that is gone, a duplicate, a refused value."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime

import psycopg
import pytest
from sqlalchemy.exc import OperationalError

from server.database.engine import Database
from server.database.errors import is_transient
from server.database.models import DEFAULT_TENANT_ID, log, project
from server.domain.errors import Conflict, InvalidInput, NotFound

NOW = datetime(2030, 1, 1, tzinfo=UTC)


async def test_a_reference_to_a_row_that_is_gone_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound) as caught:
        async with db.transaction() as conn:
            await conn.execute(log.insert(), {
                "id": uuid.uuid4(), "tenant_id": DEFAULT_TENANT_ID, "flow_run_id": uuid.uuid4(),
                "timestamp": NOW, "level": "INFO", "message": "orphan", "created": NOW,
            })
    assert caught.value.code == "NOT_FOUND"


async def test_a_duplicate_no_service_expected_is_a_conflict(db: Database) -> None:
    row = {"tenant_id": DEFAULT_TENANT_ID, "name": "twice", "created": NOW, "updated": NOW}
    with pytest.raises(Conflict) as caught:
        async with db.transaction() as conn:
            await conn.execute(project.insert(), {"id": uuid.uuid4(), **row})
            await conn.execute(project.insert(), {"id": uuid.uuid4(), **row})
    assert caught.value.code == "CONFLICT"


async def test_a_null_where_one_is_required_is_bad_input(db: Database) -> None:
    with pytest.raises(InvalidInput) as caught:
        async with db.transaction() as conn:
            await conn.execute(project.insert(), {
                "id": uuid.uuid4(), "tenant_id": DEFAULT_TENANT_ID, "name": None,
                "created": NOW, "updated": NOW,
            })
    assert caught.value.code == "BAD_USER_INPUT"


def test_a_postgresql_connection_that_cannot_be_opened_is_retryable() -> None:
    refused = psycopg.OperationalError(
        'connection failed: connection to server at "127.0.0.1", port 5432 failed: '
        "FATAL:  sorry, too many clients already")
    assert is_transient(OperationalError("connect", None, refused))


def test_a_sqlite_error_other_than_busy_or_locked_is_not_retryable() -> None:
    locked = sqlite3.OperationalError("database is locked")
    missing = sqlite3.OperationalError("no such table: x")
    assert is_transient(OperationalError("select", None, locked))
    assert not is_transient(OperationalError("select", None, missing))
