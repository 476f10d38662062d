"""`flowrun run`: every option and example of seed 002, under our name.

    flowrun run -p hello.py                          run a function locally (no server)
    flowrun run -m examples.hello --param name=Marvin
    flowrun run -n hello --watch                     a registered flow, followed to its end
    flowrun run -n hello --label example --label hello
    flowrun run -i <flow or flow group id>           create the run and exit
    flowrun run -n hello --quiet | post_run.sh       print only the run id
    flowrun run -n hello --execute                   run it in this process, without an agent

`flowrun run flow ...` is the deprecated form (see run_flow.py)."""

from __future__ import annotations

import hashlib
import uuid
from enum import StrEnum
from typing import Annotated, Any

import typer

from ..client import Client
from ..client.models import FlowInfo
from . import local, run_flow
from .common import (
    UsageProblem,
    client,
    console,
    handled,
    json_object_file,
    parse_pairs,
)
from .watch import execute, summary, watch

run_app = typer.Typer(help="Run a flow", no_args_is_help=False)
run_app.command("flow", help="DEPRECATED: use `flowrun run`. Run a registered flow.")(
    run_flow.run_flow
)


EXAMPLES = "\b\nExamples:\n" + "\n".join(
    "  " + line.strip() for line in (__doc__ or "").split("\n\n")[1].splitlines())


class LogLevel(StrEnum):
    DEBUG = "DEBUG"
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"
    CRITICAL = "CRITICAL"


Opt = typer.Option
FlowId = Annotated[str | None, Opt("--id", "-i", help="The UUID of a flow or flow group to run. "
                                   "If a flow group id is given, the latest flow id will be "
                                   "used for the run.")]
Project = Annotated[str | None, Opt("--project", help="The name of the project containing the "
                                    "flow to run.")]
FilePath = Annotated[str | None, Opt("--path", "-p", help="The path to a file containing the flow "
                                 "to run.")]
Module = Annotated[str | None, Opt("--module", "-m", help="The python module name containing "
                                   "the flow to run.")]
Name = Annotated[str | None, Opt("--name", "-n", help="The name of a flow to run from the "
                                 "specified file/module/project. If the source contains "
                                 "multiple flows, this must be provided.")]
Labels = Annotated[list[str] | None, Opt("--label", help="A label to add to the flow run; "
                                         "repeatable. If not passed, the labels from the flow "
                                         "group will be used.")]
RunName = Annotated[str | None, Opt("--run-name", help="A name to assign to the flow run.")]
Context = Annotated[list[str] | None, Opt("--context", help="A key=value flow context "
                                          "variable, the value read as JSON; repeatable. "
                                          "Nested values may be set by passing a dict.")]
Params = Annotated[list[str] | None, Opt("--param", help="A key=value flow parameter, the "
                                         "value read as JSON; repeatable.")]
Level = Annotated[LogLevel | None, Opt("--log-level", case_sensitive=False, help="The log "
                                       "level to set for the flow run.")]
ParamFile = Annotated[str | None, Opt("--param-file", help="The path to a JSON file of "
                                      "parameter keys and values; --param takes precedence.")]
Key = Annotated[str | None, Opt("--idempotency-key", help="A key to prevent duplicate flow "
                                "runs: an existing run with this key is shown instead. With "
                                "--execute, a duplicate is an error.")]
Execute = Annotated[bool, Opt("--execute", help="Execute the flow run in-process without an "
                              "agent. If this process exits, the flow run will be marked as "
                              "'Failed'.")]
Schedule = Annotated[bool, Opt("--schedule", "-s", help="Run according to the flow's schedule, "
                               "waiting between runs (local runs only).")]
Quiet = Annotated[bool, Opt("--quiet", "-q", help="Print only the flow run id.")]
NoLogs = Annotated[bool, Opt("--no-logs", help="Do not stream the run's logs, only its state "
                             "changes; applies with --watch.")]
Watch = Annotated[bool, Opt("--watch", "-w", help="Wait for the flow run to finish, showing its "
                            "states and logs; the exit code is 0 only for a successful run.")]


@run_app.callback(invoke_without_command=True, epilog=EXAMPLES)
@handled
def run(
    ctx: typer.Context, id: FlowId = None, project: Project = None, path: FilePath = None,
    module: Module = None, name: Name = None, label: Labels = None, run_name: RunName = None,
    context: Context = None, param: Params = None, log_level: Level = None,
    param_file: ParamFile = None, idempotency_key: Key = None, execute_here: Execute = False,
    schedule: Schedule = False, quiet: Quiet = False, no_logs: NoLogs = False,
    watch_run: Watch = False,
) -> None:
    """Run a flow: locally from a file or module, or a registered flow through the API."""
    if ctx.invoked_subcommand is not None:
        return
    parameters = {**(json_object_file(param_file, "--param-file") if param_file else {}),
                  **parse_pairs(param, "--param")}
    run_context = parse_pairs(context, "--context")
    level = log_level.value if log_level else None
    if path or module:
        if id:
            raise UsageProblem("Give --id for a registered flow, or --path/--module for a "
                               "local run, not both")
        target = path or module
        assert target is not None
        raise typer.Exit(local.run_locally(target, name, parameters, run_context, level,
                                           schedule=schedule, quiet=quiet))
    if schedule:
        raise UsageProblem("--schedule runs a local flow on its schedule; it needs --path or "
                           "--module (a registered flow is scheduled by the server)")
    if not id and not name:
        raise UsageProblem("Say which flow to run: --id or --name for a registered flow, "
                           "--path or --module for a local one")
    with client() as api:
        flow = resolve_flow(api, id, name, project)
        code = _run_registered(api, flow, parameters, run_context, label, run_name, level,
                               idempotency_key, execute_here, quiet, watch_run, not no_logs)
    raise typer.Exit(code)


def _run_registered(
    api: Client, flow: FlowInfo, parameters: dict[str, Any], run_context: dict[str, Any],
    labels: list[str] | None, run_name: str | None, level: str | None,
    idempotency_key: str | None, execute_here: bool, quiet: bool, follow: bool, logs: bool,
) -> int:
    if execute_here:  # a label no agent has, so no agent picks the run up meanwhile
        labels = [*(labels or flow.labels), _agentless_label(idempotency_key)]
    run_config = {**(flow.run_config or {}), "log_level": level} if level else None
    created = api.create_flow_run_with_status(
        flow_id=flow.id, parameters=parameters or None, context=run_context or None,
        run_name=run_name, labels=labels or None, run_config=run_config,
        idempotency_key=idempotency_key,
    )
    if not created.created and execute_here:
        raise UsageProblem(f"A flow run with idempotency key {idempotency_key!r} already "
                           f"exists ({created.id}); it is not executed again")
    info = api.get_flow_run_info(created.id)
    if quiet:
        console.print(info.id)
    else:
        if not created.created:
            console.print(f"A flow run with idempotency key {idempotency_key!r} already exists:")
        console.print(summary(info))
    if execute_here:
        info = execute(api, info.id, logs=logs, quiet=quiet)
    elif follow:
        info = watch(api, info.id, logs=logs, quiet=quiet)
    else:
        return 0
    return 0 if info.is_successful else 1


def _agentless_label(idempotency_key: str | None) -> str:
    """Random, or derived from the idempotency key so that repeating the command names the
    same run (and is refused as a duplicate) instead of conflicting on its labels."""
    if idempotency_key is None:
        return f"agentless-run-{uuid.uuid4().hex[:8]}"
    return f"agentless-run-{hashlib.sha256(idempotency_key.encode()).hexdigest()[:8]}"


def resolve_flow(api: Client, flow_id: str | None, name: str | None,
                 project: str | None) -> FlowInfo:
    """The flow named by --id (a flow or flow group id) or --name (and --project)."""
    if flow_id:
        return _by_id(api, flow_id)
    assert name is not None
    flows = api.find_flows(name, project)
    where = f" in project {project!r}" if project else ""
    if not flows:
        raise UsageProblem(f"No flow named {name!r}{where}; `flowrun register` it first")
    groups = {f.flow_group_id for f in flows}
    if len(groups) > 1:
        projects = ", ".join(sorted({repr(f.project_name) for f in flows}))
        hint = "give --project" if not project else "run it by --id"
        raise UsageProblem(f"Several flows are named {name!r}{where} (projects {projects}); "
                           f"{hint}")
    return max(flows, key=lambda f: f.version)


def _by_id(api: Client, flow_id: str) -> FlowInfo:
    try:
        uuid.UUID(flow_id)
    except ValueError:
        raise UsageProblem(f"--id {flow_id!r} is not a UUID") from None
    flow = api.get_flow(flow_id)
    if flow is not None:
        return flow
    flows = api.get_flow_group_flows(flow_id)
    if flows is None:
        raise UsageProblem(f"No flow or flow group with id {flow_id}")
    if not flows:
        raise UsageProblem(f"The flow group {flow_id} has no unarchived flow")
    return max(flows, key=lambda f: f.version)
