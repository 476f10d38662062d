"""Bulk actions and restart over the GraphQL API (the CLI's `flow-run cancel --where ...`)."""

from __future__ import annotations

from typing import Any

from .client import Client

COUNT = """query($where: flow_run_bool_exp) {
  flow_run_aggregate(where: $where) { aggregate { count } } }"""
_ACTION = """mutation($input: %(input)s!) {
  %(name)s(input: $input) { ids skipped { id state reason } } }"""
RESTART = """mutation($input: restart_flow_run_input!) {
  restart_flow_run(input: $input) { id version task_run_ids } }"""
RUN_VERSION = "query($id: uuid!) { flow_run_by_pk(id: $id) { version } }"


def where_for(*, flow: str | None = None, state: str | None = None,
              where: dict[str, Any] | None = None) -> dict[str, Any]:
    """A flow_run filter from the CLI's options: all of them must hold."""
    parts: list[dict[str, Any]] = [where] if where else []
    if flow:
        parts.append({"flow": {"name": {"_eq": flow}}})
    if state:
        parts.append({"state": {"_eq": state}})
    return parts[0] if len(parts) == 1 else {"_and": parts} if parts else {}


def count_flow_runs(client: Client, where: dict[str, Any]) -> int:
    data = client.graphql(COUNT, {"where": where}, idempotent=True)
    return int(data["flow_run_aggregate"]["aggregate"]["count"])


def bulk_action(client: Client, name: str, where: dict[str, Any],
                state: dict[str, Any] | None = None) -> dict[str, Any]:
    """Run cancel_flow_runs, delete_flow_runs or set_flow_run_states_by_filter."""
    input_type = ("set_flow_run_states_by_filter_input" if state is not None
                  else "flow_runs_where_input")
    variables: dict[str, Any] = {"where": where}
    if state is not None:
        variables["state"] = state
    data = client.graphql(_ACTION % {"input": input_type, "name": name}, {"input": variables})
    return dict(data[name])


def restart_flow_run(client: Client, flow_run_id: str, version: int | None = None
                     ) -> dict[str, Any]:
    """Restart a failed or cancelled run (at its current version unless one is given)."""
    if version is None:
        run = client.graphql(RUN_VERSION, {"id": flow_run_id}, idempotent=True)
        if run["flow_run_by_pk"] is not None:
            version = int(run["flow_run_by_pk"]["version"])
    data = client.graphql(RESTART, {"input": {"flow_run_id": flow_run_id,
                                              "version": version if version is not None else 0}})
    return dict(data["restart_flow_run"])
