"""Changing a flow group's schedule on both engines (frozen clock): the runs it no longer
produces go, the ones it still produces stay, none is created twice, pausing and resuming,
bad input, and daylight-saving nights as cron users expect them."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections import Counter
from typing import Any

import pendulum
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run
from server.domain import clock
from server.domain.errors import InvalidInput, NotFound
from server.repository import flows as flow_repo
from server.services import scheduler
from server.services import schedules as service
from server.services.schedules import ClockInput
from tests.factories import make_flow

NOW = pendulum.datetime(2030, 6, 3, 9, 30, tz="UTC")  # a Monday
BERLIN = "Europe/Berlin"


HORIZON = service.Horizon(seconds=7 * 86400, max_runs=10)  # the settings' defaults


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def alter(db: Database, fn: Any, **kwargs: Any) -> Any:
    """A schedule change, with the scheduler's horizon the app would pass."""
    return await call(db, fn, horizon=HORIZON, **kwargs)


async def _group(db: Database) -> uuid.UUID:
    flow_id = await make_flow(db, name=f"sched-{uuid.uuid4().hex[:6]}")
    async with db.read() as conn:
        row = await flow_repo.get(conn, flow_id)
    assert row is not None
    return uuid.UUID(str(row.flow_group_id))


async def _times(db: Database) -> list[str]:
    """Start times (UTC, ISO) of the Scheduled auto-scheduled runs, in order."""
    async with db.read() as conn:
        rows = (await conn.execute(
            sa.select(flow_run.c.scheduled_start_time)
            .where(flow_run.c.auto_scheduled.is_(True), flow_run.c.state == "Scheduled")
            .order_by(flow_run.c.scheduled_start_time))).scalars().all()
    return [pendulum.instance(t).in_timezone("UTC").isoformat() for t in rows]


async def _ids_by_time(db: Database) -> dict[str, uuid.UUID]:
    async with db.read() as conn:
        rows = (await conn.execute(sa.select(flow_run.c.scheduled_start_time, flow_run.c.id)
                                   .where(flow_run.c.auto_scheduled.is_(True)))).all()
    return {pendulum.instance(t).in_timezone("UTC").isoformat(): i for t, i in rows}


async def _hourly_group(db: Database) -> uuid.UUID:
    """A flow group given an hourly schedule at NOW (10 runs, 10:00 to 19:00 UTC)."""
    group_id = await _group(db)
    with clock.frozen(NOW):
        await alter(db, service.set_flow_group_schedule, flow_group_id=group_id,
                   clocks=cron("0 * * * *"), timezone=None)
    return group_id


def cron(expression: str) -> list[ClockInput]:
    return [ClockInput(cron=expression)]


def hours(*values: int, day: int = 3) -> list[str]:
    return [pendulum.datetime(2030, 6, day, h, tz="UTC").isoformat() for h in values]


async def test_setting_a_schedule_turns_it_on_and_creates_the_next_runs_at_once(
    db: Database,
) -> None:
    group_id = await _group(db)
    with clock.frozen(NOW):
        change = await alter(db, service.set_flow_group_schedule, flow_group_id=group_id,
                            clocks=cron("0 * * * *"), timezone=None)
        assert (change.created, change.deleted) == (10, 0)
        assert await _times(db) == hours(*range(10, 20))
        again = await alter(db, service.set_flow_group_schedule, flow_group_id=group_id,
                           clocks=cron("0 * * * *"), timezone=None)
    assert (again.created, again.deleted) == (0, 0)


async def test_a_change_deletes_only_the_runs_the_new_schedule_no_longer_produces(
    db: Database,
) -> None:
    group_id = await _hourly_group(db)
    with clock.frozen(NOW):
        before = await _ids_by_time(db)
        change = await alter(db, service.set_flow_group_schedule, flow_group_id=group_id,
                            clocks=cron("0 */2 * * *"), timezone=None)
    assert await _times(db) == hours(10, 12, 14, 16, 18, 20, 22) + hours(0, 2, 4, day=4)
    assert change.deleted == 5 and change.created == 5
    after = await _ids_by_time(db)
    assert all(after[t] == before[t] for t in hours(10, 12, 14, 16, 18))  # kept, not remade


async def test_several_clocks_with_parameters_make_one_run_per_time(db: Database) -> None:
    group_id = await _group(db)
    clocks = [ClockInput(cron="0 12 * * *", parameter_defaults={"who": "noon"}),
              ClockInput(interval_seconds=12 * 3600, parameter_defaults={"who": "half-day"})]
    with clock.frozen(NOW):
        await alter(db, service.set_flow_group_schedule, flow_group_id=group_id, clocks=clocks,
                   timezone=None)
    async with db.read() as conn:
        rows = (await conn.execute(sa.select(flow_run.c.scheduled_start_time,
                                             flow_run.c.parameters))).all()
    counts = Counter(pendulum.instance(t).isoformat() for t, _ in rows)
    assert set(counts.values()) == {1}
    noon = [p for t, p in rows if pendulum.instance(t).hour == 12]
    assert noon and all(p == {"who": "noon"} for p in noon)  # the first clock wins a tie


async def test_pausing_deletes_the_future_runs_and_resuming_brings_them_back(
    db: Database,
) -> None:
    group_id = await _hourly_group(db)
    with clock.frozen(NOW):
        paused = await alter(db, service.set_flow_group_schedule_active, flow_group_id=group_id,
                            active=False)
        assert paused.deleted == 10 and await _times(db) == []
        assert (await call(db, scheduler.schedule_flow_runs, horizon_seconds=86400,
                           max_runs=10)).created == 0
        resumed = await alter(db, service.set_flow_group_schedule_active, flow_group_id=group_id,
                             active=True)
    assert resumed.created == 10 and await _times(db) == hours(*range(10, 20))


async def test_deleting_the_schedule_deletes_the_runs_it_had_made(db: Database) -> None:
    group_id = await _hourly_group(db)
    with clock.frozen(NOW):
        change = await alter(db, service.delete_flow_group_schedule, flow_group_id=group_id)
    assert change.deleted == 10 and await _times(db) == []


@pytest.mark.parametrize("clocks, timezone", [
    (cron("61 * * * *"), None), (cron("0 * * * *"), "Mars/Olympus"),
    ([ClockInput(interval_seconds=0)], None), ([ClockInput(interval_seconds="1h")], None),
    ([], None), ([ClockInput()], None),
    ([ClockInput(cron="0 * * * *", interval_seconds=60)], None),
])
async def test_a_bad_schedule_is_refused_and_nothing_changes(
    db: Database, clocks: list[ClockInput], timezone: str | None
) -> None:
    group_id = await _group(db)
    with clock.frozen(NOW), pytest.raises(InvalidInput):
        await alter(db, service.set_flow_group_schedule, flow_group_id=group_id, clocks=clocks,
                   timezone=timezone)
    async with db.read() as conn:
        group = await flow_repo.get_group(conn, group_id)
    assert group is not None and group.schedule is None and await _times(db) == []


async def test_an_unknown_group_is_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        await alter(db, service.set_flow_group_schedule, flow_group_id=uuid.uuid4(),
                   clocks=cron("0 * * * *"), timezone=None)


async def _times_from(db: Database, at: str, clocks: list[ClockInput]) -> list[str]:
    group_id = await _group(db)
    with clock.frozen(_datetime(at)):
        await alter(db, service.set_flow_group_schedule, flow_group_id=group_id, clocks=clocks,
                   timezone=BERLIN)
    return (await _times(db))[:5]


async def test_a_daily_0230_cron_in_berlin_runs_at_0300_on_the_spring_forward_night(
    db: Database,
) -> None:
    """02:30 does not exist on 2026-03-29 (02:00 CET -> 03:00 CEST): cron runs it right
    after the gap, at 03:00 CEST, and on every other day at 02:30 local."""
    assert await _times_from(db, "2026-03-26T12:00:00Z", cron("30 2 * * *")) == [
        "2026-03-27T01:30:00+00:00", "2026-03-28T01:30:00+00:00",
        "2026-03-29T01:00:00+00:00",  # 03:00 CEST
        "2026-03-30T00:30:00+00:00", "2026-03-31T00:30:00+00:00"]


async def test_a_daily_0230_cron_in_berlin_runs_once_on_the_fall_back_night(
    db: Database,
) -> None:
    """02:30 happens twice on 2026-10-25 (03:00 CEST -> 02:00 CET): cron runs it once, the
    first time (02:30 CEST)."""
    assert await _times_from(db, "2026-10-22T12:00:00Z", cron("30 2 * * *")) == [
        "2026-10-23T00:30:00+00:00", "2026-10-24T00:30:00+00:00",
        "2026-10-25T00:30:00+00:00",  # 02:30 CEST, and not again at 02:30 CET
        "2026-10-26T01:30:00+00:00", "2026-10-27T01:30:00+00:00"]


async def test_an_hourly_cron_in_berlin_keeps_every_real_hour_on_the_fall_back_night(
    db: Database,
) -> None:
    assert await _times_from(db, "2026-10-24T23:30:00Z", cron("0 * * * *")) == [
        "2026-10-25T00:00:00+00:00", "2026-10-25T01:00:00+00:00",  # 02:00 CEST, 02:00 CET
        "2026-10-25T02:00:00+00:00", "2026-10-25T03:00:00+00:00", "2026-10-25T04:00:00+00:00"]


async def test_an_interval_schedule_keeps_its_fixed_spacing_across_the_spring_forward_night(
    db: Database,
) -> None:
    """Every 6 hours from midnight Berlin time: six real hours apart, so after the change the
    runs fall at 01:00, 07:00, ... local (the wall clock moved, the interval did not)."""
    times = await _times_from(db, "2026-03-28T12:00:00Z", [ClockInput(interval_seconds=6 * 3600)])
    parsed = [_datetime(t) for t in times]
    assert {(b - a).total_seconds() for a, b in itertools.pairwise(parsed)} == {21600}
    assert [t.in_timezone(BERLIN).hour for t in parsed] == [18, 0, 7, 13, 19]


async def test_a_schedule_change_racing_scheduler_passes_leaves_only_the_new_schedules_runs(
    db: Database,
) -> None:
    group_id = await _hourly_group(db)
    with clock.frozen(NOW):
        passes = [call(db, scheduler.schedule_flow_runs, horizon_seconds=86400, max_runs=10)
                  for _ in range(4)]
        change = alter(db, service.set_flow_group_schedule, flow_group_id=group_id,
                      clocks=cron("30 */3 * * *"), timezone=None)
        await asyncio.gather(*passes[:2], change, *passes[2:])
    times = await _times(db)
    assert len(times) == len(set(times))
    assert all(_datetime(t).minute == 30 and _datetime(t).hour % 3 == 0
               for t in times), times


def _datetime(text: str) -> pendulum.DateTime:
    parsed = pendulum.parse(text)
    assert isinstance(parsed, pendulum.DateTime), text
    return parsed
