"""Late runs on both engines: Scheduled runs not started `late_after_seconds` after their
start time are flagged (and unflagged when they move); a flow group's skip setting cancels
runs later than it allows, with a message, and leaves the rest for the agents."""

from __future__ import annotations

import uuid
from typing import Any

import pendulum
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run
from server.domain import clock
from server.domain.errors import InvalidInput, NotFound
from server.repository import flows as flow_repo
from server.services import late_runs
from tests.factories import make_flow, make_run, set_run_state

NOW = pendulum.datetime(2030, 5, 1, 12, tz="UTC")


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def _runs_at(db: Database, flow_id: uuid.UUID, *minutes_ago: int) -> list[uuid.UUID]:
    return [await make_run(db, flow_id, scheduled_start_time=NOW.subtract(minutes=m))
            for m in minutes_ago]


async def _late(db: Database) -> dict[uuid.UUID, tuple[bool, str, str | None]]:
    async with db.read() as conn:
        rows = (await conn.execute(sa.select(flow_run.c.id, flow_run.c.late, flow_run.c.state,
                                             flow_run.c.state_message))).all()
    return {row.id: (row.late, row.state, row.state_message) for row in rows}


async def _group(db: Database, flow_id: uuid.UUID) -> uuid.UUID:
    async with db.read() as conn:
        row = await flow_repo.get(conn, flow_id)
    assert row is not None
    return uuid.UUID(str(row.flow_group_id))


async def test_runs_overdue_by_more_than_the_threshold_are_late_until_they_move(
    db: Database,
) -> None:
    flow_id = await make_flow(db)
    with clock.frozen(NOW):
        overdue, recent, future = await _runs_at(db, flow_id, 5, 0, -10)
        result = await call(db, late_runs.handle_late_runs, late_after_seconds=60)
        assert (result.marked, result.skipped) == (1, [])
        assert {k: v[0] for k, v in (await _late(db)).items()} == {
            overdue: True, recent: False, future: False}
        assert (await call(db, late_runs.handle_late_runs, late_after_seconds=60)).marked == 0
        await set_run_state(db, overdue, {"type": "Running"})
    assert (await _late(db))[overdue][0] is False


async def test_a_group_that_skips_runs_late_by_more_than_ten_minutes_cancels_only_those(
    db: Database,
) -> None:
    flow_id = await make_flow(db)
    other_flow = await make_flow(db, name="keeps-all")
    await call(db, late_runs.set_flow_group_skip_late_runs,
               flow_group_id=await _group(db, flow_id), after_seconds=600)
    with clock.frozen(NOW):
        stale, fresh = await _runs_at(db, flow_id, 30, 5)
        (kept,) = await _runs_at(db, other_flow, 30)
        result = await call(db, late_runs.handle_late_runs, late_after_seconds=60)
    assert result.skipped == [stale]
    runs = await _late(db)
    assert runs[stale][1] == "Cancelled"
    assert runs[stale][2] == ("Skipped: the run was 1800 seconds late, more than the 600 "
                              "seconds its flow group allows (skip_late_runs_after_seconds).")
    assert runs[fresh][:2] == (True, "Scheduled") and runs[kept][:2] == (True, "Scheduled")


async def test_clearing_the_skip_setting_keeps_other_group_settings(db: Database) -> None:
    flow_id = await make_flow(db)
    group_id = await _group(db, flow_id)
    async with db.transaction() as conn:
        await flow_repo.update_group(conn, group_id, {"settings": {"heartbeat_enabled": True}},
                                     NOW)
    await call(db, late_runs.set_flow_group_skip_late_runs, flow_group_id=group_id,
               after_seconds=60)
    await call(db, late_runs.set_flow_group_skip_late_runs, flow_group_id=group_id,
               after_seconds=None)
    async with db.read() as conn:
        group = await flow_repo.get_group(conn, group_id)
    assert group is not None and group.settings == {"heartbeat_enabled": True}


async def test_bad_skip_settings_are_refused(db: Database) -> None:
    group_id = await _group(db, await make_flow(db))
    for value in (-1, "ten", True):
        with pytest.raises(InvalidInput):
            await call(db, late_runs.set_flow_group_skip_late_runs, flow_group_id=group_id,
                       after_seconds=value)
    with pytest.raises(NotFound):
        await call(db, late_runs.set_flow_group_skip_late_runs, flow_group_id=uuid.uuid4(),
                   after_seconds=5)
