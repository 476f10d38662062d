"""Registering flows as Prefect 1 does: an idempotency key equal to the newest version's
returns that version (what keeps `prefect register` from versioning an unchanged flow)."""

from __future__ import annotations

import uuid
from typing import Any

from server.database.engine import Database
from server.repository import flows as repo
from server.services import flows
from tests.factories import make_project


async def _register(db: Database, project_id: uuid.UUID, key: str | None, **doc: Any) -> Any:
    async with db.transaction() as conn:
        return await flows.create_flow(
            conn, serialized_flow={"name": "keyed", "parameters": [], **doc},
            project_id=project_id, idempotency_key=key)


async def _version(db: Database, flow_id: uuid.UUID) -> tuple[int, bool]:
    async with db.read() as conn:
        row = await repo.get(conn, flow_id)
    assert row is not None
    return row.version, row.archived


async def test_the_same_key_as_the_newest_version_returns_that_version(db: Database) -> None:
    project_id = await make_project(db)
    first = await _register(db, project_id, "k1")
    assert await _register(db, project_id, "k1") == first
    assert await _version(db, first) == (1, False)


async def test_another_key_or_no_key_makes_a_new_version(db: Database) -> None:
    project_id = await make_project(db)
    first = await _register(db, project_id, "k1")
    second = await _register(db, project_id, "k2")
    third = await _register(db, project_id, None)
    fourth = await _register(db, project_id, None)
    assert len({first, second, third, fourth}) == 4
    assert await _version(db, fourth) == (4, False)


async def test_only_the_newest_version_is_matched(db: Database) -> None:
    project_id = await make_project(db)
    first = await _register(db, project_id, "a")
    await _register(db, project_id, "b")
    again = await _register(db, project_id, "a")
    assert again != first
    assert await _version(db, again) == (3, False)


async def test_an_archived_newest_version_is_not_returned(db: Database) -> None:
    project_id = await make_project(db)
    first = await _register(db, project_id, "k")
    async with db.transaction() as conn:
        await flows.set_archived(conn, flow_id=first, archived=True)
    again = await _register(db, project_id, "k")
    assert again != first
    assert await _version(db, again) == (2, False)
