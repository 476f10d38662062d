"""Changing a flow group's schedule without registering again, as Prefect Server v1's
`set_flow_group_schedule` / `delete_flow_group_schedule`, and pausing or resuming it.

A change is one transaction on the locked group: it stores the schedule (Prefect 1's
serialized shape, so Prefect 1 flows and the scheduler read it as any other), deletes the
group's auto-scheduled runs that have not started and that the new schedule no longer
produces, and creates the next runs at once. Runs it keeps are not touched, and the partial
unique index on (flow, start time) of auto-scheduled runs means none is ever created twice."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

import pendulum

from ..domain import clock
from ..domain.errors import InvalidInput, NotFound
from ..domain.schedules import INTERVAL_ANCHOR, next_events, parse_schedule
from ..repository import bulk
from ..repository import flows as flow_repo
from ..repository import schedule_changes as repo
from ..repository.common import Conn
from . import scheduler

MAX_EVENTS = 10_000


@dataclass(frozen=True)
class ClockInput:
    cron: str | None = None
    interval_seconds: Any = None
    parameter_defaults: Any = None
    labels: list[str] | None = None


@dataclass(frozen=True)
class Horizon:
    """How far ahead the scheduler creates runs (the app's FLOWRUN_SCHEDULER_* settings)."""

    seconds: float
    max_runs: int


@dataclass(frozen=True)
class ScheduleChange:
    created: int
    deleted: int


def schedule_document(clocks: list[ClockInput], timezone: str | None) -> dict[str, Any]:
    """Prefect 1's serialized schedule for these clocks, read in `timezone` (UTC if none):
    a cron clock's times are wall-clock times there; an interval clock keeps a fixed spacing
    counted from 2019-01-01 00:00 in that zone."""
    zone = _zone(timezone or "UTC")
    anchor = {"dt": INTERVAL_ANCHOR.naive().isoformat(), "tz": zone}
    out: list[dict[str, Any]] = []
    for i, given in enumerate(clocks):
        clock_doc: dict[str, Any] = {"start_date": anchor}
        if (given.cron is None) == (given.interval_seconds is None):
            raise InvalidInput(f"clock {i} needs exactly one of cron or interval")
        if given.cron is not None:
            clock_doc.update(type="CronClock", cron=given.cron)
        else:
            seconds = given.interval_seconds
            if isinstance(seconds, bool) or not isinstance(seconds, int | float) or seconds <= 0:
                raise InvalidInput(f"clock {i}: interval must be a positive number of seconds")
            clock_doc.update(type="IntervalClock", interval=round(seconds * 1_000_000))
        if given.parameter_defaults is not None:
            clock_doc["parameter_defaults"] = given.parameter_defaults
        if given.labels is not None:
            clock_doc["labels"] = given.labels
        out.append(clock_doc)
    if not out:
        raise InvalidInput("A schedule needs at least one clock (cron or interval)")
    document = {"type": "Schedule", "clocks": out}
    parse_schedule(document)  # the same validation every stored schedule gets
    return document


def _zone(name: str) -> str:
    try:
        return str(pendulum.timezone(name).name)
    except Exception:
        raise InvalidInput(f"{name!r} is not a time zone name such as 'Europe/Berlin'",
                           field="timezone") from None


async def set_flow_group_schedule(
    conn: Conn, *, flow_group_id: uuid.UUID, clocks: list[ClockInput], timezone: str | None,
    horizon: Horizon,
) -> ScheduleChange:
    """Give the group this schedule and turn it on for the group's flows."""
    document = schedule_document(clocks, timezone)
    return await _change(conn, flow_group_id, document, True, horizon)


async def delete_flow_group_schedule(
    conn: Conn, *, flow_group_id: uuid.UUID, horizon: Horizon
) -> ScheduleChange:
    """Remove the group's schedule: its flows fall back to their own (registered) schedule."""
    return await _change(conn, flow_group_id, None, None, horizon)


async def set_flow_group_schedule_active(
    conn: Conn, *, flow_group_id: uuid.UUID, active: bool, horizon: Horizon
) -> ScheduleChange:
    """Pause (False) or resume (True) the group's schedule; pausing deletes the runs it had
    scheduled that have not started, resuming creates the next ones."""
    group = await _locked(conn, flow_group_id)
    return await _change(conn, flow_group_id, group.schedule, active, horizon)


async def _locked(conn: Conn, flow_group_id: uuid.UUID) -> Any:
    group = await repo.lock_group(conn, flow_group_id)
    if group is None:
        raise NotFound(f"No flow group with id {flow_group_id}", field="flow_group_id")
    return group


async def _change(conn: Conn, flow_group_id: uuid.UUID, document: dict[str, Any] | None,
                  active: bool | None, horizon: Horizon) -> ScheduleChange:
    await _locked(conn, flow_group_id)
    now = clock.now()
    await flow_repo.update_group(conn, flow_group_id, {"schedule": document}, now)
    flows = await repo.group_flows(conn, flow_group_id)
    if active is not None:
        await repo.set_active(conn, [f.id for f in flows], active and _has_schedule(document,
                              flows), now)
    runs = await repo.future_auto_runs(conn, [f.id for f in flows], now)
    stale: list[uuid.UUID] = []
    for flow in flows:
        starts = {pendulum.instance(r.scheduled_start_time): r.id
                  for r in runs if r.flow_id == flow.id}
        kept = _produced(document if document is not None else flow.schedule, starts, now)
        stale.extend(run_id for start, run_id in starts.items() if start not in kept)
    await bulk.delete_runs(conn, stale)
    result = await scheduler.schedule_flow_runs(
        conn, horizon_seconds=horizon.seconds, max_runs=horizon.max_runs,
        flow_group_id=flow_group_id)
    return ScheduleChange(created=result.created, deleted=len(stale) + result.deleted)


def _has_schedule(document: dict[str, Any] | None, flows: Any) -> bool:
    return document is not None or any(f.schedule for f in flows)


def _produced(schedule: Any, starts: Any, now: pendulum.DateTime) -> set[pendulum.DateTime]:
    """Which of the start times `schedule` asks for (all later than `now`)."""
    if not schedule or not starts:
        return set()
    events = next_events(schedule, after=now, until=max(starts), limit=MAX_EVENTS)
    return {event.start_time for event in events}
