"""`flowrun schedule set | pause | resume | ls`: a flow group's schedule, changed without
registering again (through the HTTP client)."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from ..client import schedules as api_schedules
from ..domain.schedules import describe, parse_schedule, schedule_from_text
from .common import UsageProblem, client, console, handled

schedule = typer.Typer(no_args_is_help=True, help="Change flow schedules")
PROJECT = typer.Option(None, "--project", "-p", help="The flow's project, when several have "
                                                     "a flow of that name")


def _interval_seconds(text: str) -> float:
    document = schedule_from_text(text)
    clock = document["clocks"][0]
    if clock["type"] != "IntervalClock":
        raise UsageProblem(f"--interval {text!r} is not an interval such as 30s, 10m, 1h, 2d")
    return float(clock["interval"]) / 1_000_000


def _changed(name: str, result: dict[str, Any], what: str) -> None:
    console.print(f"{name}: {what} ({result['created']} runs created, "
                  f"{result['deleted']} not-yet-started runs deleted)")


@schedule.command("set")
@handled
def set_schedule(
    flow: str = typer.Argument(..., help="The flow's name"),
    cron: Annotated[list[str] | None, typer.Option(
        "--cron", "-c", help="A cron clock, such as '30 2 * * *' (repeat for several)")] = None,
    interval: Annotated[list[str] | None, typer.Option(
        "--interval", "-i", help="An interval clock: 30s, 10m, 1h, 2d (repeatable)")] = None,
    timezone: str | None = typer.Option(None, "--timezone", "--tz", help="Cron times are "
                                        "wall-clock times in this zone, e.g. Europe/Berlin"),
    project: str | None = PROJECT,
) -> None:
    """Give a flow (its flow group) a new schedule and turn it on. Runs the new schedule does
    not produce, and that have not started, are deleted."""
    if not cron and not interval:
        raise UsageProblem("Give at least one --cron or --interval clock")
    seconds = [_interval_seconds(text) for text in interval or []]
    with client() as api:
        group = api_schedules.flow_group_of(api, flow, project)
        result = api_schedules.set_schedule(api, group, cron=cron or [],
                                            interval_seconds=seconds, timezone=timezone)
    _changed(flow, result, "schedule set")


def _set_active(flow: str, project: str | None, active: bool) -> None:
    with client() as api:
        group = api_schedules.flow_group_of(api, flow, project)
        result = api_schedules.set_active(api, group, active)
    _changed(flow, result, "schedule resumed" if active else "schedule paused")


@schedule.command("pause")
@handled
def pause(flow: str = typer.Argument(..., help="The flow's name"),
          project: str | None = PROJECT) -> None:
    """Stop scheduling a flow; its future scheduled runs are deleted."""
    _set_active(flow, project, False)


@schedule.command("resume")
@handled
def resume(flow: str = typer.Argument(..., help="The flow's name"),
           project: str | None = PROJECT) -> None:
    """Schedule a paused flow again."""
    _set_active(flow, project, True)


def _zone(schedule_document: Any) -> str:
    clocks = schedule_document.get("clocks") or [{}]
    start = clocks[0].get("start_date")
    return str(start.get("tz")) if isinstance(start, dict) else "UTC"


@schedule.command("ls")
@handled
def list_schedules() -> None:
    """List flows that have a schedule, and whether it is on."""
    with client() as api:
        rows = api_schedules.scheduled_flows(api)
    table = Table("FLOW", "PROJECT", "SCHEDULE", "TIME ZONE", "ACTIVE", box=None)
    for row in rows:
        document = (row["flow_group"] or {}).get("schedule") or row["schedule"]
        if not document:
            continue
        parse_schedule(document)
        table.add_row(row["name"], row["project"]["name"], describe(document),
                      _zone(document), "yes" if row["is_schedule_active"] else "paused")
    console.print(table)
