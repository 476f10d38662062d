"""SQLite: an in-process signal after each commit does what NOTIFY does on PostgreSQL. The
tables a write transaction touched are collected from the statements it executed
(collect.py); `Database.transaction` hands them to `Changes` once it committed.

Other processes may write to the same file (more API workers, `flowrun db prune`). SQLite
tells a connection that another one committed through `PRAGMA data_version`; `watching` asks
this process's write connection every `interval` seconds and, when it changed, tells every
subscriber of this process to re-read (which tables changed it cannot say)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from typing import Any

from sqlalchemy import event

from ..database.engine import Database
from .collect import TOUCHED, collect
from .hub import ALL, Changes

WATCH_SECONDS = 0.1
log = logging.getLogger("flowrun.events")


def install(db: Database, changes: Changes) -> None:
    event.listen(db.write_engine.sync_engine, "before_execute", collect)

    def _committed(conn: Any) -> None:
        touched = conn.info.pop(TOUCHED, None)
        if touched:
            changes.publish(touched)

    def _rolled_back(conn: Any) -> None:
        conn.info.pop(TOUCHED, None)

    db.after_commit = _committed
    db.after_rollback = _rolled_back


@contextlib.asynccontextmanager
async def watching(db: Database, changes: Changes, interval: float = WATCH_SECONDS
                   ) -> AsyncIterator[None]:
    """While the block runs, publish ALL whenever another process has committed."""
    task = asyncio.create_task(_watch(db, changes, interval), name="sqlite-data-version")
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _watch(db: Database, changes: Changes, interval: float) -> None:
    last: int | None = None
    while True:
        try:
            version = await db.data_version()
        except Exception:  # the database away for now: try again next time
            log.debug("PRAGMA data_version failed", exc_info=True)
        else:
            if last is not None and version != last:
                changes.publish([ALL])
            last = version
        await asyncio.sleep(interval)
