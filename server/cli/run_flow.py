"""`flowrun run flow`: the deprecated form of seed 002, kept working.

Either --id, --version-group-id, or both --name and --project name the flow. When both
--parameters-file and --parameters-string are given, the string's values override the file's:
file {"a": 1, "b": 2} and string '{"a": 3}' run with {"a": 3, "b": 2}."""

from __future__ import annotations

from typing import Annotated

import typer

from ..client import Client
from .common import (
    UsageProblem,
    client,
    console,
    err_console,
    handled,
    json_object_file,
    json_object_text,
)
from .watch import watch

DEPRECATED = "DEPRECATED: Use `flowrun run` instead of `flowrun run flow`"


@handled
def run_flow(
    id: str | None = typer.Option(None, "--id", "-i", help="The ID of a flow to run"),
    version_group_id: str | None = typer.Option(None, "--version-group-id",
                                                help="The ID of a flow version group to run"),
    name: str | None = typer.Option(None, "--name", "-n", help="The name of a flow to run"),
    project: str | None = typer.Option(None, "--project", "-p",
                                       help="The name of a project that contains the flow"),
    version: int | None = typer.Option(None, "--version", "-v", help="A flow version to run"),
    parameters_file: str | None = typer.Option(None, "--parameters-file", "-pf",
                                               help="A JSON file of parameters"),
    parameters_string: str | None = typer.Option(None, "--parameters-string", "-ps",
                                                 help="A string of JSON parameters"),
    run_name: str | None = typer.Option(None, "--run-name", "-rn",
                                        help="A name to assign for this run"),
    context: str | None = typer.Option(None, "--context", "-c",
                                       help="A string of JSON key / value pairs for context"),
    watch_run: bool = typer.Option(False, "--watch", "-w", help="Watch the state of the flow "
                                   "run until it ends"),
    label: Annotated[list[str] | None, typer.Option("--label", help="Set labels on the flow run; "
                                           "use multiple times to set multiple labels.")] = None,
    logs: bool = typer.Option(False, "--logs", "-l", help="Stream the flow run's logs until "
                                                          "it ends"),
    no_url: bool = typer.Option(False, "--no-url", help="Only output the flow run id instead "
                                                        "of a link"),
) -> None:
    err_console.print(DEPRECATED)
    if not (id or version_group_id or (name and project)):
        raise UsageProblem("Either --id, --version-group-id, or both --name and --project "
                           "must be provided to run a flow")
    parameters = {
        **(json_object_file(parameters_file, "--parameters-file") if parameters_file else {}),
        **(json_object_text(parameters_string, "--parameters-string")
           if parameters_string else {}),
    }
    run_context = json_object_text(context, "--context") if context else None
    with client() as api:
        target = _target(api, id, version_group_id, name, project, version)
        run_id = api.create_flow_run(flow_id=target.get("flow_id"),
                                     version_group_id=target.get("version_group_id"),
                                     parameters=parameters or None,
                                     context=run_context, run_name=run_name,
                                     labels=label or None)
        console.print(run_id if no_url else f"Flow Run: {run_id}")
        if not (watch_run or logs):
            return
        info = watch(api, run_id, logs=logs, quiet=False)
    raise typer.Exit(0 if info.is_successful else 1)


def _target(api: Client, flow_id: str | None, version_group_id: str | None,
            name: str | None, project: str | None, version: int | None) -> dict[str, str]:
    if flow_id:
        return {"flow_id": flow_id}
    if version_group_id:
        return {"version_group_id": version_group_id}
    assert name is not None and project is not None
    flows = api.find_flows(name, project, include_archived=version is not None)
    if version is not None:
        flows = [f for f in flows if f.version == version]
    if not flows:
        which = f" version {version}" if version is not None else ""
        raise UsageProblem(f"No flow named {name!r}{which} in project {project!r}")
    return {"flow_id": max(flows, key=lambda f: f.version).id}
