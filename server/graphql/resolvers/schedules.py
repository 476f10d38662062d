"""Flow group schedules, in Prefect Server v1's shapes: set_flow_group_schedule (cron and
interval clocks, a time zone) and delete_flow_group_schedule; plus pausing and resuming."""

import uuid

import strawberry

from ...services import schedules as service
from ..scalars import JSON
from . import in_transaction, snake_input, snake_type


@snake_input
class cron_clock_input:
    cron: str
    parameter_defaults: JSON | None = None
    labels: list[str] | None = None


@snake_input
class interval_clock_input:
    interval: int = strawberry.field(description="Seconds between runs")
    parameter_defaults: JSON | None = None
    labels: list[str] | None = None


@snake_input
class set_flow_group_schedule_input:
    flow_group_id: uuid.UUID
    cron_clocks: list[cron_clock_input] | None = None
    interval_clocks: list[interval_clock_input] | None = None
    timezone: str | None = strawberry.field(
        default=None, description="IANA name; cron times are wall-clock times there (UTC)")


@snake_input
class delete_flow_group_schedule_input:
    flow_group_id: uuid.UUID


@snake_input
class set_flow_group_schedule_active_input:
    flow_group_id: uuid.UUID
    active: bool


@snake_type
class flow_group_schedule_payload:
    success: bool
    created: int = strawberry.field(description="Runs the new schedule created at once")
    deleted: int = strawberry.field(description="Not-yet-started auto-scheduled runs the "
                                                "schedule no longer produces, deleted")
    error: str | None = None


def _horizon(info: strawberry.Info) -> service.Horizon:
    settings = info.context.settings
    return service.Horizon(settings.scheduler_horizon_seconds, settings.scheduler_max_runs)


def _payload(change: service.ScheduleChange) -> flow_group_schedule_payload:
    return flow_group_schedule_payload(success=True, created=change.created,
                                       deleted=change.deleted)


@strawberry.type
class ScheduleMutations:
    @strawberry.mutation(description="Set a flow group's schedule (several clocks) without "
                                     "registering again, and turn it on")
    async def set_flow_group_schedule(
        self, info: strawberry.Info, input: set_flow_group_schedule_input
    ) -> flow_group_schedule_payload:
        clocks = [service.ClockInput(cron=c.cron, parameter_defaults=c.parameter_defaults,
                                     labels=c.labels) for c in input.cron_clocks or []]
        clocks += [service.ClockInput(interval_seconds=c.interval,
                                      parameter_defaults=c.parameter_defaults, labels=c.labels)
                   for c in input.interval_clocks or []]
        return _payload(await in_transaction(info, lambda conn: service.set_flow_group_schedule(
            conn, flow_group_id=input.flow_group_id, clocks=clocks, timezone=input.timezone,
            horizon=_horizon(info))))

    @strawberry.mutation(description="Remove a flow group's schedule")
    async def delete_flow_group_schedule(
        self, info: strawberry.Info, input: delete_flow_group_schedule_input
    ) -> flow_group_schedule_payload:
        return _payload(await in_transaction(
            info, lambda conn: service.delete_flow_group_schedule(
                conn, flow_group_id=input.flow_group_id, horizon=_horizon(info))))

    @strawberry.mutation(description="Pause (active: false) or resume a flow group's schedule")
    async def set_flow_group_schedule_active(
        self, info: strawberry.Info, input: set_flow_group_schedule_active_input
    ) -> flow_group_schedule_payload:
        return _payload(await in_transaction(
            info, lambda conn: service.set_flow_group_schedule_active(
                conn, flow_group_id=input.flow_group_id, active=input.active,
                horizon=_horizon(info))))
