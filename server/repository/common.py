"""Helpers shared by the repository modules."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncConnection

from ..database.errors import translated_errors
from ..database.models import DEFAULT_TENANT_ID
from ..database.types import dialect_module
from ..domain.errors import Conflict

Conn = AsyncConnection
Row = sa.Row[*tuple[Any, ...]]  # a row of any width
TENANT_ID = DEFAULT_TENANT_ID


def new_id() -> uuid.UUID:
    return uuid.uuid4()


def upsert(conn: Conn, table: sa.Table) -> Any:
    """INSERT ... ON CONFLICT for the connection's dialect (both speak the same clause)."""
    return dialect_module(conn.dialect.name).insert(table)


async def insert_unique(conn: Conn, stmt: Any, what: str) -> None:
    """Execute an INSERT in a savepoint, a unique violation becoming a Conflict naming `what`.

    `reason` carries Hasura's text: Prefect 1's Client.create_project recognises an existing
    project by it and returns that project's id."""
    with translated_errors(on_duplicate=Conflict(f"{what} already exists",
                                                 reason="Uniqueness violation.")):
        async with conn.begin_nested():
            await conn.execute(stmt)


async def first(conn: Conn, stmt: Any) -> Row | None:
    return (await conn.execute(stmt)).first()


async def all_rows(conn: Conn, stmt: Any) -> Sequence[Row]:
    return (await conn.execute(stmt)).all()
