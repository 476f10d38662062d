"""`flowrun flow-run ls | get | logs | cancel | set-state`."""

from __future__ import annotations

import json
import time
import uuid

import typer
from rich.table import Table
from rich.text import Text

from ..client import Client
from ..client.errors import LiveUnavailable
from . import bulk_runs
from .common import UsageProblem, client, console, handled, state_text, when
from .watch import POLL_SECONDS, LogFollower
from .watch_live import follow_live

flow_run = typer.Typer(no_args_is_help=True, help="Inspect and steer flow runs")


def _run_id(value: str) -> str:
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise UsageProblem(f"{value!r} is not a flow run id (a UUID)") from None


@flow_run.command("ls")
@handled
def list_runs(
    flow: str | None = typer.Option(None, "--flow", "-f", help="Only runs of this flow"),
    project: str | None = typer.Option(None, "--project", help="Only runs in this project"),
    state: str | None = typer.Option(None, "--state", "-s", help="Only runs in this state"),
    limit: int = typer.Option(20, "--limit", "-l", min=1, help="How many, newest first"),
) -> None:
    """List flow runs, newest first."""
    with client() as api:
        runs = api.list_flow_runs(limit=limit, flow_name=flow, state=state,
                                  project_name=project)
    table = Table("ID", "NAME", "FLOW", "STATE", "SCHEDULED", "START", "END", box=None)
    for run in runs:
        table.add_row(run.id, run.name, run.flow_name, state_text(run.state),
                      when(run.scheduled_start_time), when(run.start_time), when(run.end_time))
    console.print(table)


@flow_run.command("get")
@handled
def get_run(flow_run_id: str = typer.Argument(..., help="The flow run id")) -> None:
    """Show one flow run."""
    with client() as api:
        run = api.get_flow_run_info(_run_id(flow_run_id))
    table = Table(show_header=False, box=None)
    rows: list[tuple[str, Text | str]] = [
        ("id", run.id), ("name", run.name), ("flow", f"{run.flow_name} ({run.flow_id})"),
        ("project", run.project_name or "-"), ("state", state_text(run.state)),
        ("message", run.state_message or "-"), ("version", str(run.version)),
        ("labels", ", ".join(run.labels) or "-"),
        ("parameters", json.dumps(run.parameters)), ("context", json.dumps(run.context)),
        ("scheduled", when(run.scheduled_start_time)), ("started", when(run.start_time)),
        ("ended", when(run.end_time)), ("heartbeat", when(run.heartbeat)),
        ("auto-scheduled", "yes" if run.auto_scheduled else "no"),
        ("created by", run.created_by or "-"),
    ]
    for key, value in rows:
        table.add_row(Text(key, style="bold"), value)
    console.print(table)


@flow_run.command("logs")
@handled
def run_logs(
    flow_run_id: str = typer.Argument(..., help="The flow run id"),
    follow: bool = typer.Option(False, "--follow", "-f", help="Keep printing new logs until "
                                                              "the run ends"),
) -> None:
    """Print a flow run's logs."""
    run_id = _run_id(flow_run_id)
    with client() as api:
        api.get_flow_run_info(run_id)  # NOT_FOUND for an unknown run
        follower = LogFollower(api, run_id)
        if follow:
            _follow(api, run_id, follower)
        else:
            follower.print_new()
        if not follower.seen:
            console.print(Text("(no logs)", style="dim"))


def _follow(api: Client, run_id: str, follower: LogFollower) -> None:
    """Every line until the run ends: over a subscription, else by polling."""
    try:
        follow_live(api, run_id, on_state=lambda *_: None, on_log=follower.show)
        return
    except LiveUnavailable:
        pass
    follower.print_new()
    while not api.get_flow_run_info(run_id).is_finished:
        time.sleep(POLL_SECONDS)
        follower.print_new()
    follower.print_new()


@flow_run.command("cancel")
@handled
def cancel_run(
    flow_run_id: str | None = typer.Argument(None, help="The flow run id (or use a filter)"),
    where: str | None = bulk_runs.WHERE, state: str | None = bulk_runs.STATE,
    flow: str | None = bulk_runs.FLOW, yes: bool = bulk_runs.YES,
) -> None:
    """Cancel a flow run, or every run a filter matches (after a confirmation): a running one
    is stopped by its agent (Cancelling, then Cancelled); one that has not started is
    Cancelled at once; finished runs are skipped."""
    if flow_run_id is None:
        condition = bulk_runs.where_from_options(where, state, flow)
        with client() as api:
            bulk_runs.run_bulk(api, "cancel_flow_runs", condition, yes)
        return
    if where or state or flow:
        raise UsageProblem("Give a flow run id or a filter (--where, --state, --flow), not both")
    with client() as api:
        new_state = api.cancel_flow_run(_run_id(flow_run_id))
    console.print(Text(f"Flow run {flow_run_id}: ") + state_text(new_state))


@flow_run.command("set-state")
@handled
def set_state(
    flow_run_id: str = typer.Argument(..., help="The flow run id"),
    state: str = typer.Argument(..., help="The new state: Scheduled, Running, Success, "
                                          "Failed, Cancelled, ..."),
    message: str | None = typer.Option(None, "--message", "-m", help="The state's message"),
    version: int | None = typer.Option(None, "--version", help="Only if the run is still at "
                                                               "this version"),
) -> None:
    """Set a flow run's state by hand."""
    with client() as api:
        new_version = api.set_flow_run_state(_run_id(flow_run_id), state, version=version,
                                             message=message)
    console.print(Text(f"Flow run {flow_run_id}: ") + state_text(state, message)
                  + Text(f" (version {new_version})", style="dim"))



bulk_runs.register(flow_run)
