"""`flowrun flow-run cancel|delete|mark --where JSON | --state S --flow NAME`, `restart`:
bulk actions with a confirmation (skipped with --yes), through the HTTP client."""

from __future__ import annotations

from typing import Any

import typer
from rich.text import Text

from ..client import Client, bulk
from .common import UsageProblem, client, console, handled, json_object_text

VERBS = {"cancel_flow_runs": ("Cancel", "cancelled"), "delete_flow_runs": ("Delete", "deleted"),
         "set_flow_run_states_by_filter": ("Mark", "marked")}


def where_from_options(where: str | None, state: str | None, flow: str | None) -> dict[str, Any]:
    given = json_object_text(where, "--where") if where else None
    condition = bulk.where_for(flow=flow, state=state, where=given)
    if not condition:
        raise UsageProblem("Say which runs: --where JSON, --state STATE and/or --flow NAME")
    return condition


def run_bulk(api: Client, name: str, condition: dict[str, Any], yes: bool,
             state: dict[str, Any] | None = None) -> None:
    """Show how many runs match, ask, act, and print what happened to which run."""
    matched = bulk.count_flow_runs(api, condition)
    verb, done = VERBS[name]
    target = f" as {state['type']}" if state else ""
    if matched == 0:
        console.print("No flow runs match.")
        return
    if not yes and not typer.confirm(f"{verb} {matched} flow run(s){target}?", default=False):
        console.print("Nothing done.")
        raise typer.Exit(1)
    result = bulk.bulk_action(api, name, condition, state)
    for run_id in result["ids"]:
        console.print(f"{run_id}  {done}{target}")
    for skipped in result["skipped"]:
        console.print(Text(f"{skipped['id']}  skipped: {skipped['reason']}", style="dim"))
    console.print(f"{len(result['ids'])} flow run(s) {done}{target}, "
                  f"{len(result['skipped'])} skipped.")


WHERE_HELP = 'A flow_run filter as JSON, e.g. \'{"labels": {"_contains": ["etl"]}}\''
# The filter options every bulk command takes (typer reads these defaults as metadata).
WHERE = typer.Option(None, "--where", help=WHERE_HELP)
STATE = typer.Option(None, "--state", "-s", help="Only runs in this state")
FLOW = typer.Option(None, "--flow", "-f", help="Only runs of this flow")
YES = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation")


def register(app: typer.Typer) -> None:
    """Add delete, mark and restart to `flowrun flow-run` (cancel lives beside get)."""
    @app.command("delete")
    @handled
    def delete_runs(
        where: str | None = WHERE, state: str | None = STATE, flow: str | None = FLOW,
        yes: bool = YES,
    ) -> None:
        """Delete every flow run the filter matches, with its logs and task runs."""
        condition = where_from_options(where, state, flow)
        with client() as api:
            run_bulk(api, "delete_flow_runs", condition, yes)

    @app.command("mark")
    @handled
    def mark_runs(
        new_state: str = typer.Argument(..., help="The state to set: Failed, Cancelled, ..."),
        message: str | None = typer.Option(None, "--message", "-m", help="The state's message"),
        where: str | None = WHERE, state: str | None = STATE, flow: str | None = FLOW,
        yes: bool = YES,
    ) -> None:
        """Set the state of every flow run the filter matches."""
        condition = where_from_options(where, state, flow)
        with client() as api:
            run_bulk(api, "set_flow_run_states_by_filter", condition, yes,
                     {"type": new_state, "message": message})

    @app.command("restart")
    @handled
    def restart(
        flow_run_id: str = typer.Argument(..., help="The flow run id"),
        version: int | None = typer.Option(None, "--version", help="Only if the run is still "
                                                                   "at this version"),
    ) -> None:
        """Run a Failed or Cancelled flow run again, from the task runs that did not succeed."""
        with client() as api:
            result = bulk.restart_flow_run(api, flow_run_id, version)
        console.print(f"Flow run {result['id']}: Scheduled (version {result['version']}), "
                      f"{len(result['task_run_ids'])} task run(s) reset to Pending")
