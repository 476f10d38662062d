"""Retention on both engines: exactly what is older than the periods goes (logs by their
timestamp, finished runs by when they ended, with their states, task runs and logs), also
while runs and logs are being written; nothing goes with a period of 0; the dry run counts
what a prune deletes; the loop prunes under its lease; `flowrun db prune` does it by hand."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import uuid
from typing import Any

import pendulum
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state, log, task_run
from server.domain import clock
from server.loops.retention import RetentionLoop
from server.services import logs, retention
from server.settings import Settings
from tests.factories import make_flow, make_run, set_run_state
from tests.live import ROOT

NOW = pendulum.datetime(2030, 9, 1, 12, tz="UTC")
POLICY = retention.Policy(log_retention_days=30, run_retention_days=20)


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def _finished_run(db: Database, flow_id: uuid.UUID, at: pendulum.DateTime,
                        state: str = "Success") -> uuid.UUID:
    with clock.frozen(at):
        run_id = await make_run(db, flow_id)
        await set_run_state(db, run_id, {"type": "Running"})
        await set_run_state(db, run_id, {"type": state})
    return run_id


async def _log(db: Database, run_id: uuid.UUID, at: pendulum.DateTime, message: str) -> None:
    await call(db, logs.write_run_logs, logs=[{"flow_run_id": str(run_id), "message": message,
                                               "timestamp": at.isoformat()}])


async def _messages(db: Database) -> set[str]:
    async with db.read() as conn:
        return set((await conn.execute(sa.select(log.c.message))).scalars())


async def _run_ids(db: Database) -> set[uuid.UUID]:
    async with db.read() as conn:
        return set((await conn.execute(sa.select(flow_run.c.id))).scalars())


async def test_exactly_what_is_older_than_the_periods_is_deleted(db: Database) -> None:
    flow_id = await make_flow(db, tasks=[{"slug": "t", "name": "t"}])
    old = await _finished_run(db, flow_id, NOW.subtract(days=21))
    recent = await _finished_run(db, flow_id, NOW.subtract(days=19), state="Failed")
    with clock.frozen(NOW.subtract(days=40)):
        running = await make_run(db, flow_id)  # started long ago, never finished
        await set_run_state(db, running, {"type": "Running"})
    await _log(db, old, NOW.subtract(days=21), "old run's log")
    for run_id, name in ((recent, "recent"), (running, "running")):
        await _log(db, run_id, NOW.subtract(days=30, seconds=1), f"{name} expired")
        await _log(db, run_id, NOW.subtract(days=29, hours=23), f"{name} kept")
    with clock.frozen(NOW):
        async with db.read() as conn:
            preview = await retention.preview(conn, POLICY)
        result = await retention.prune(db, POLICY)
    assert (preview.runs, preview.run_logs, preview.logs) == (1, 1, 2)
    assert (result.runs, result.logs) == (1, 2)  # and the old run took its own log along
    assert await _run_ids(db) == {recent, running}
    assert await _messages(db) == {"recent kept", "running kept"}
    async with db.read() as conn:
        for table, column in ((flow_run_state, "flow_run_id"), (task_run, "flow_run_id")):
            left = (await conn.execute(sa.select(table.c[column]).distinct())).scalars()
            assert set(left) == {recent, running}, table.name


async def test_a_period_of_zero_keeps_everything(db: Database) -> None:
    flow_id = await make_flow(db)
    run_id = await _finished_run(db, flow_id, NOW.subtract(days=400))
    await _log(db, run_id, NOW.subtract(days=400), "ancient")
    with clock.frozen(NOW):
        result = await retention.prune(db, retention.Policy(0, 0))
    assert (result.runs, result.logs) == (0, 0) and await _messages(db) == {"ancient"}


async def test_retention_deletes_exactly_the_old_rows_while_runs_are_being_created(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(retention, "LOG_BATCH", 7)  # many short batches, interleaved
    monkeypatch.setattr(retention, "RUN_BATCH", 3)
    flow_id = await make_flow(db)
    old_runs = [await _finished_run(db, flow_id, NOW.subtract(days=25)) for _ in range(12)]
    keeper = await make_run(db, flow_id)
    await call(db, logs.write_run_logs, logs=[
        {"flow_run_id": str(keeper), "message": f"old {i}",
         "timestamp": NOW.subtract(days=31).isoformat()} for i in range(120)])
    created: list[uuid.UUID] = []

    async def write_while_pruning() -> None:
        for i in range(15):
            run_id = await _finished_run(db, flow_id, NOW.subtract(days=1))
            created.append(run_id)
            await _log(db, run_id, NOW, f"new {i}")
            await asyncio.sleep(0)

    with clock.frozen(NOW):
        result, _ = await asyncio.gather(retention.prune(db, POLICY), write_while_pruning())
    assert result.runs == len(old_runs) and result.logs == 120
    assert await _run_ids(db) == {keeper, *created}
    assert await _messages(db) == {f"new {i}" for i in range(15)}


async def test_the_retention_loop_prunes_under_its_lease(db: Database) -> None:
    flow_id = await make_flow(db)
    run_id = await make_run(db, flow_id)
    await _log(db, run_id, NOW.subtract(days=3), "three days old")
    settings = Settings(database_url=db.url.render_as_string(hide_password=False),
                        log_retention_days=2, retention_interval_seconds=5)
    loop = RetentionLoop(db, settings, holder="tests")
    rival = RetentionLoop(db, settings, holder="rival")
    with clock.frozen(NOW):
        assert await loop.run_once() is True
        assert await rival.run_once() is False
    assert await _messages(db) == set()


def test_db_prune_dry_run_counts_and_prune_deletes(tmp_path: Any) -> None:
    url = f"sqlite:///{tmp_path}/prune.db"
    env = {**os.environ, "FLOWRUN_DATABASE_URL": url, "FLOWRUN_LOG_RETENTION_DAYS": "1"}

    def flowrun(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "server", *args], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    flowrun("db", "upgrade")
    database = Database(url)

    async def seed() -> None:
        run_id = await make_run(database, await make_flow(database))
        await _log(database, run_id, pendulum.now("UTC").subtract(days=2), "old")
        await _log(database, run_id, pendulum.now("UTC"), "new")
        await database.dispose()

    asyncio.run(seed())
    assert flowrun("db", "prune", "--dry-run") == (
        "Would delete 1 logs and 0 finished runs (with 0 logs of their own); keeping logs "
        "1 days, finished runs forever\n")
    assert flowrun("db", "prune", "--run-days", "5").startswith("Deleted 1 logs and 0 finished")
    assert flowrun("db", "prune", "--dry-run").startswith("Would delete 0 logs")
