"""`flowrun register path/to/file.py:func` (or `module.name:func`)."""

from __future__ import annotations

from typing import Annotated

import typer

from ..client.flows import flow_options, load_target
from ..domain.schedules import describe, schedule_from_text
from .common import client, console, handled


@handled
def register(
    target: str = typer.Argument(..., help="file.py:function, package.module:function, or a "
                                           "file/module holding one flow"),
    project: str = typer.Option("default", "--project", help="The project (created when "
                                                             "missing)"),
    name: str | None = typer.Option(None, "--name", "-n", help="The flow's name (default: "
                                                               "the function's)"),
    label: Annotated[list[str] | None, typer.Option("--label", "-l", help="A label agents must "
                                           "carry to run it; repeatable")] = None,
    schedule: str | None = typer.Option(None, "--schedule", help="A cron expression "
                                        "('*/5 * * * *') or an interval ('30s', '10m', '1h')"),
) -> None:
    """Register a Python function as a flow: its signature gives the parameters and their
    JSON schema. Registering again makes the next version."""
    function = load_target(target, name)
    text = schedule or flow_options(function).get("schedule")
    document = schedule_from_text(str(text)) if text else None
    with client() as api:
        flow_id = api.register(function, project, name=name, labels=label or None,
                               schedule=document)
        flow = api.get_flow(flow_id)
    assert flow is not None
    console.print(f"Registered flow {flow.name} version {flow.version} in project "
                  f"{flow.project_name} ({flow.id})")
    if document:
        console.print(f"Schedule: {describe(document)} (active)")
