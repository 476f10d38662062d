"""Fixtures for the access tests (the live server that requires keys, `auth_server`, is in
tests/conftest.py): keys of every scope (plus an expired and a revoked one) made through the
service, and a snapshot of every row to prove a refused request changed nothing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from server.database.engine import Database
from server.domain import clock
from server.domain.access import Scope
from server.services import api_keys
from tests.databases import empty
from tests.graphql.conftest import snapshot as every_row


@dataclass(frozen=True)
class Keys:
    read: str
    write: str
    admin: str
    expired: str
    revoked: str

    def of(self, scope: Scope) -> str:
        return {Scope.READ: self.read, Scope.WRITE: self.write, Scope.ADMIN: self.admin}[scope]


async def make_keys(db: Database) -> Keys:
    suffix = uuid.uuid4().hex[:6]
    made = {}
    async with db.transaction() as conn:
        for scope in (Scope.READ, Scope.WRITE, Scope.ADMIN):
            created = await api_keys.create_key(conn, name=f"{scope.label}-{suffix}",
                                                scope=scope)
            made[scope.label] = created.key
        with clock.frozen(clock.now().subtract(days=2)):
            expired = await api_keys.create_key(conn, name=f"expired-{suffix}",
                                                scope=Scope.ADMIN, expires_in_seconds=86400)
        revoked = await api_keys.create_key(conn, name=f"revoked-{suffix}", scope=Scope.ADMIN)
        await api_keys.revoke_key(conn, name=f"revoked-{suffix}")
    return Keys(made["read"], made["write"], made["admin"], expired.key, revoked.key)


@pytest.fixture(scope="module")
async def keys(session_db: Database) -> Keys:
    """Keys of every scope in an emptied database, made once per module and engine."""
    await empty(session_db)
    return await make_keys(session_db)


def bearer(key: str | None) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"} if key else {}


async def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, keys' last_used aside (each use of a key is recorded)."""
    rows = await every_row(db)
    rows["api_key"] = [{k: v for k, v in row.items() if k != "last_used"}
                       for row in rows["api_key"]]
    return rows
