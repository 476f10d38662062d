"""The scheduler: creates the next runs of every flow whose schedule is active.

Each run it creates is `auto_scheduled`, and a partial unique index on (flow_id,
scheduled_start_time) among auto-scheduled runs turns a second attempt at the same run into
nothing (INSERT ... ON CONFLICT DO NOTHING). So the scheduler may run again after a restart,
or in two API processes at once, and still never create the same run twice."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import timedelta

import pendulum

from ..domain import clock, parameters
from ..domain.errors import InvalidInput
from ..domain.labels import run_labels
from ..domain.names import random_run_name
from ..domain.schedules import Event, next_events
from ..domain.states import server_state
from ..repository import schedules as repo
from ..repository.common import Conn, Row
from . import task_runs

log = logging.getLogger("flowrun.scheduler")


@dataclass(frozen=True)
class SchedulerResult:
    created: int
    deleted: int


async def schedule_flow_runs(
    conn: Conn, *, horizon_seconds: float, max_runs: int, flow_group_id: uuid.UUID | None = None
) -> SchedulerResult:
    """Create every flow's next runs (at most `max_runs` each, starting within the horizon)
    and delete the future runs of flows whose schedule was turned off or that were archived.
    With `flow_group_id`, only that group's flows get new runs."""
    now = clock.now()
    deleted = await repo.delete_orphaned_runs(conn, now)
    until = now + timedelta(seconds=horizon_seconds)
    created = 0
    for flow in await repo.scheduled_flows(conn, flow_group_id):
        try:
            events = next_events(flow.schedule, after=now, until=until, limit=max_runs)
            for event in events:
                created += await _create(conn, flow, event, now)
        except InvalidInput as exc:
            log.warning("not scheduling flow %s (%s): %s", flow.name, flow.id, exc.message)
    return SchedulerResult(created=created, deleted=deleted)


async def _create(conn: Conn, flow: Row, event: Event, now: pendulum.DateTime) -> int:
    declared = flow.parameters or []
    merged = parameters.merge(
        declared, {**(flow.group_default_parameters or {}), **event.parameter_defaults}, None
    )
    parameters.check(declared, flow.parameter_schema, merged)
    flow_run_id = uuid.uuid4()
    inserted = await repo.insert_auto_scheduled(
        conn,
        flow_run_id=flow_run_id,
        now=now,
        state=server_state("Scheduled", "Flow run scheduled.", event.start_time),
        values={
            "flow_id": flow.id,
            "name": random_run_name(),
            "parameters": merged,
            "context": {},
            "labels": run_labels(event.labels, flow.group_labels, flow.labels),
            "run_config": flow.run_config,
            "scheduled_start_time": event.start_time,
        },
    )
    if inserted:  # Prefect 1 flow runners learn their tasks' ids from the run's task runs
        await task_runs.create_for_flow_run(conn, flow_run_id=flow_run_id, flow_id=flow.id)
    return int(inserted)
