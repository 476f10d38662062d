"""SQLite statements run inline on the event loop (server/database/sqlite_inline.py); the wait
for a write lock held elsewhere must not hold the loop: while a writer waits, reads and other
requests go on, the writer proceeds once the lock is released, and after the engine's
timeout it fails with the retryable "database is locked"."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from server.database import migrate
from server.database.engine import Database
from server.database.models import project
from server.domain.errors import ServiceUnavailable


@pytest.fixture
async def sqlite_file(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'inline.db'}"
    migrate.upgrade(url)
    first = Database(url)  # a server has made it a WAL database by its first connection
    async with first.read() as conn:
        await conn.execute(sa.text("SELECT 1"))
    await first.dispose()
    return url


def hold_write_lock(url: str) -> sqlite3.Connection:
    """Another writer (as another process would be) holding SQLite's write lock."""
    other = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


async def test_a_writer_waiting_for_the_lock_leaves_the_event_loop_free(sqlite_file: str) -> None:
    db = Database(sqlite_file, timeout=30)
    other = hold_write_lock(sqlite_file)
    try:
        async def write() -> None:
            async with db.transaction() as conn:
                await conn.execute(sa.text("UPDATE tenant SET name = name"))

        writer = asyncio.create_task(write())
        await asyncio.sleep(0.2)  # the writer is waiting for the lock by now
        assert not writer.done()
        reads = 0
        for _ in range(20):  # the loop serves reads meanwhile
            async with db.read() as conn:
                reads += len((await conn.execute(sa.select(project.c.id))).all()) + 1
        assert reads == 20 and not writer.done()
        other.execute("COMMIT")
        await asyncio.wait_for(writer, 10)
    finally:
        other.close()
        await db.dispose()


async def test_a_lock_held_past_the_timeout_is_a_retryable_error(sqlite_file: str) -> None:
    db = Database(sqlite_file, timeout=0.5)
    other = hold_write_lock(sqlite_file)
    try:
        with pytest.raises(ServiceUnavailable):  # Database.transaction translates it
            async with db.transaction() as conn:
                await conn.execute(sa.text("UPDATE tenant SET name = name"))
    finally:
        other.close()
        await db.dispose()

