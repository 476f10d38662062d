"""The scheduler creates the next runs of flows with an active schedule, never twice."""

from __future__ import annotations

import asyncio

import pendulum
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run
from server.domain import clock
from server.domain.schedules import schedule_from_text
from server.services import flows, scheduler
from tests.factories import make_flow, make_project, make_run

NOW = pendulum.datetime(2024, 3, 1, 12, 0, 7, tz="UTC")
EVERY_10M = schedule_from_text("10m")


async def _schedule(db: Database, horizon: float = 3600, max_runs: int = 10) -> int:
    async with db.transaction() as conn:
        result = await scheduler.schedule_flow_runs(conn, horizon_seconds=horizon,
                                                    max_runs=max_runs)
    return result.created


async def _runs(db: Database) -> list[sa.Row[tuple[object, ...]]]:
    async with db.read() as conn:
        stmt = sa.select(flow_run).order_by(flow_run.c.scheduled_start_time)
        return list((await conn.execute(stmt)).all())


async def test_a_flow_with_an_active_schedule_gets_its_next_runs_within_the_horizon(
    db: Database,
) -> None:
    await make_flow(db, schedule=EVERY_10M)
    with clock.frozen(NOW):
        assert await _schedule(db, horizon=3600) == 6
    runs = await _runs(db)
    assert [r.scheduled_start_time for r in runs][:2] == [
        NOW.replace(minute=10, second=0), NOW.replace(minute=20, second=0)]
    assert all(r.auto_scheduled and r.state == "Scheduled" for r in runs)


async def test_scheduling_again_and_concurrently_never_creates_a_run_twice(db: Database) -> None:
    await make_flow(db, schedule=EVERY_10M)
    with clock.frozen(NOW):
        await _schedule(db)
        created = await asyncio.gather(*(_schedule(db) for _ in range(8)))
    assert sum(created) == 0
    assert len(await _runs(db)) == 6


async def test_runs_take_the_clock_defaults_and_labels_over_the_flows(db: Database) -> None:
    schedule = {"type": "Schedule", "clocks": [{
        "type": "IntervalClock", "interval": 3_600_000_000,
        "parameter_defaults": {"who": "clock"}, "labels": ["night"]}]}
    await make_flow(db, schedule=schedule, run_config={"labels": ["day"]},
                    parameters=[{"name": "who", "required": True}, {"name": "n", "default": 2}])
    with clock.frozen(NOW):
        assert await _schedule(db, horizon=7200) == 2
    run = (await _runs(db))[0]
    assert run.parameters == {"who": "clock", "n": 2}
    assert run.labels == ["night"]


async def test_a_flow_whose_schedule_misses_a_required_parameter_is_skipped(
    db: Database,
) -> None:
    await make_flow(db, name="needy", schedule=EVERY_10M,
                    parameters=[{"name": "who", "required": True}])
    await make_flow(db, name="fine", schedule=EVERY_10M)
    with clock.frozen(NOW):
        assert await _schedule(db) == 6


async def test_turning_a_schedule_off_deletes_the_future_runs_that_have_not_started(
    db: Database,
) -> None:
    flow_id = await make_flow(db, schedule=EVERY_10M)
    manual = await make_run(db, flow_id, scheduled_start_time=NOW.add(hours=1))
    with clock.frozen(NOW):
        await _schedule(db)
        async with db.transaction() as conn:
            await flows.set_archived(conn, flow_id=flow_id, archived=True)
        await _schedule(db)
    assert [r.id for r in await _runs(db)] == [manual]


async def test_a_new_version_takes_over_the_schedule_without_duplicating_it(
    db: Database,
) -> None:
    project_id = await make_project(db)
    await make_flow(db, project_id, schedule=EVERY_10M)
    with clock.frozen(NOW):
        await _schedule(db)
        await make_flow(db, project_id, schedule=EVERY_10M)
        await _schedule(db)
    runs = await _runs(db)
    assert len(runs) == 6
    assert len({r.scheduled_start_time for r in runs}) == 6
