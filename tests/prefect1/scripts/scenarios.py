"""Calls of the real Prefect 1 Client and views against flowrun (run in the Prefect 1 venv).

    python scenarios.py <scenario> '<json keyword arguments>'

prints one JSON line of what the real package returned or raised, for the tests to check."""

from __future__ import annotations

import json
import sys
from typing import Any

import pendulum
from flows import BUILDERS
from prefect import Client
from prefect.backend import FlowRunView, FlowView
from prefect.engine.state import Pending, Running, Scheduled, Submitted, Success
from prefect.exceptions import ClientError, VersionLockMismatchSignal
from prefect.run_configs import LocalRun
from prefect.utilities.graphql import with_args


def register(
    project: str, kind: str, name: str, labels: list[str], versions: int = 1,
    compressed: bool = True,
) -> Any:
    """create_project (twice: the second finds the first) and register a flow `versions` times."""
    client = Client()
    project_id = client.create_project(project, project_description="Prefect 1 drop-in")
    project_again = client.create_project(project)
    flow = BUILDERS[kind](name, labels)
    flow_ids = [client.register(flow, project_name=project, compressed=compressed)
                for _ in range(versions)]
    return {
        "project_id": project_id,
        "project_id_again": project_again,
        "flow_ids": flow_ids,
        "slugs": sorted(flow.slugs.values()),
        "edges": sorted((e.upstream_task.slug, e.downstream_task.slug, e.key)
                        for e in flow.edges),
    }


def create_runs(flow_id: str, labels: list[str]) -> Any:
    """create_flow_run with every argument, repeated with its idempotency key, repeated with
    other parameters, and by version group."""
    client = Client()
    group = client.graphql({"query": {with_args("flow_by_pk", {"id": flow_id}): {
        "version_group_id": True, "flow_group_id": True}}}).data.flow_by_pk
    start = pendulum.datetime(2031, 5, 7, 15, 9, 16, tz="UTC")
    arguments = dict(
        flow_id=flow_id, context={"who": "prefect1"}, parameters={"a": 5},
        run_config=LocalRun(env={"FROM_CLIENT": "1"}, labels=labels), labels=labels,
        scheduled_start_time=start, idempotency_key="p1-key", run_name="p1-named-run",
    )
    first = client.create_flow_run(**arguments)
    again = client.create_flow_run(**arguments)
    try:
        client.create_flow_run(**{**arguments, "parameters": {"a": 6}})
        conflict = None
    except ClientError as exc:
        conflict = str(exc)
    by_group = client.create_flow_run(version_group_id=group.version_group_id,
                                      parameters={"a": 3}, labels=labels)
    return {"first": first, "again": again, "conflict": conflict, "by_group": by_group,
            "version_group_id": group.version_group_id, "flow_group_id": group.flow_group_id,
            "start": start.isoformat()}


def inspect_run(flow_run_id: str) -> Any:
    client = Client()
    info = client.get_flow_run_info(flow_run_id)
    state = client.get_flow_run_state(flow_run_id)
    return {
        "id": info.id, "name": info.name, "flow_id": info.flow_id, "version": info.version,
        "parameters": info.parameters, "context": info.context,
        "scheduled_start_time": info.scheduled_start_time.isoformat(),
        "project": info.project.name, "state": type(info.state).__name__,
        "state_start_time": str(getattr(info.state, "start_time", None)),
        "get_flow_run_state": type(state).__name__,
        "task_runs": sorted((t.task_slug, t.version, type(t.state).__name__)
                            for t in info.task_runs),
    }


def states(flow_run_id: str) -> Any:
    """set_flow_run_state with the current version, a stale one and none; then cancel."""
    client = Client()
    version = client.get_flow_run_info(flow_run_id).version
    client.set_flow_run_state(flow_run_id, Scheduled("rescheduled"), version=version)
    try:
        client.set_flow_run_state(flow_run_id, Pending("stale"), version=version)
        stale = None
    except VersionLockMismatchSignal as signal:
        stale = type(signal).__name__
    client.set_flow_run_state(flow_run_id, Submitted("no lock", state=Scheduled()),
                              version=None)
    after = client.get_flow_run_info(flow_run_id)
    cancelled = client.cancel_flow_run(flow_run_id)
    final = client.get_flow_run_state(flow_run_id)
    return {"version": version, "stale": stale, "after_state": type(after.state).__name__,
            "after_inner": type(after.state.state).__name__, "after_version": after.version,
            "cancel_answer": cancelled, "final": type(final).__name__,
            "final_message": final.message}


def views(flow_id: str, flow_group_id: str, name: str, project: str, flow_run_id: str) -> Any:
    """FlowView by id, group, name and name plus project; FlowRunView by id."""
    found = {
        "by_id": FlowView.from_flow_id(flow_id),
        "by_group": FlowView.from_flow_group_id(flow_group_id),
        "by_either": FlowView.from_id(flow_group_id),
        "by_name": FlowView.from_flow_name(name),
        "by_name_project": FlowView.from_flow_name(name, project_name=project),
    }
    flows = {key: {"flow_id": v.flow_id, "name": v.name, "project": v.project_name,
                   "storage": type(v.storage).__name__, "labels": sorted(v.flow_group_labels or []),
                   "run_config": type(v.run_config).__name__, "archived": v.archived,
                   "core_version": v.core_version, "tasks": len(v.flow.tasks)}
             for key, v in found.items()}
    run = FlowRunView.from_flow_run_id(flow_run_id, load_static_tasks=True)
    slugs = sorted(t.task_slug for t in run.get_all_task_runs())
    one = run.get_task_run(task_slug=slugs[0])
    return {
        "flows": flows,
        "run": {"id": run.flow_run_id, "name": run.name, "flow_id": run.flow_id,
                "state": type(run.state).__name__, "labels": sorted(run.labels),
                "parameters": run.parameters, "context": run.context,
                "states": [type(s).__name__ for s in run.states],
                "run_config": type(run.run_config).__name__,
                "task_run_slugs": slugs, "task_run_ids": len(run.get_task_run_ids()),
                "one_task_run": [one.task_slug, one.map_index, type(one.state).__name__],
                "flow_name": run.get_flow_metadata().name},
    }


def odds_and_ends(flow_run_id: str) -> Any:
    """The rest of the Client: tenants, names, task runs by hand, logs."""
    client = Client()
    tenant_id = client.create_tenant("Prefect 1 tenant")
    info = client.get_flow_run_info(flow_run_id)
    task = info.task_runs[0]
    found = client.get_task_run_info(flow_run_id, task.task_id, map_index=None)
    child = client.get_task_run_info(flow_run_id, task.task_id, map_index=3)
    client.set_task_run_name(child.id, "child three")
    client.set_flow_run_name(flow_run_id, "renamed-run")
    client.set_flow_run_state(flow_run_id, Running("go"), version=info.version)
    client.set_task_run_state(child.id, Running("child runs"), version=child.version)
    try:
        client.set_task_run_state(child.id, Success("stale"), version=child.version)
        stale = None
    except VersionLockMismatchSignal as signal:
        stale = type(signal).__name__
    client.set_task_run_state(child.id, Success("child done"), version=None)
    client.write_run_logs([{"flow_run_id": flow_run_id, "task_run_id": child.id,
                            "name": "by hand", "message": "a log by hand", "level": "WARNING",
                            "timestamp": pendulum.now("UTC").isoformat()}])
    cached = client.get_latest_cached_states(task.task_id, cache_key=None,
                                             created_after=pendulum.now("UTC").subtract(days=1))
    return {
        "cached_states": len(cached),
        "tenant_id": tenant_id, "client_tenant_id": client.tenant_id,
        "tenants": client.get_available_tenants(),
        "slug": client.get_default_tenant_slug(),
        "found": [found.id, found.version, type(found.state).__name__],
        "parent_id": task.id,
        "child": [child.id, child.version, type(child.state).__name__],
        "stale": stale,
        "child_state": type(client.get_task_run_state(child.id)).__name__,
    }


def tag_limit(tag: str, limit: int) -> Any:
    """update_task_tag_limit, then get_task_tag_limit to read it back."""
    client = Client()
    client.update_task_tag_limit(tag, limit)
    return {"read_back": client.get_task_tag_limit(tag)}


def delete_project(project: str) -> Any:
    return {"deleted": Client().delete_project(project)}


def main() -> None:
    scenario = globals()[sys.argv[1]]
    arguments = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    print(json.dumps(scenario(**arguments), default=str))


if __name__ == "__main__":
    main()
