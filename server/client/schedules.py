"""Flow group schedules over the GraphQL API (the CLI's `flowrun schedule ...`)."""

from __future__ import annotations

from typing import Any

from .client import Client
from .errors import ClientError

GROUPS = """query($where: flow_bool_exp) {
  flow(where: $where, order_by: [{name: asc}]) {
    id name flow_group_id is_schedule_active schedule project { name }
    flow_group { schedule }
  } }"""
SET = """mutation($input: set_flow_group_schedule_input!) {
  set_flow_group_schedule(input: $input) { success created deleted } }"""
ACTIVE = """mutation($input: set_flow_group_schedule_active_input!) {
  set_flow_group_schedule_active(input: $input) { success created deleted } }"""


def scheduled_flows(client: Client, name: str | None = None, project: str | None = None
                    ) -> list[dict[str, Any]]:
    """Unarchived flows (of this name and project, when given), with their schedules."""
    where: dict[str, Any] = {"archived": {"_eq": False}}
    if name:
        where["name"] = {"_eq": name}
    if project:
        where["project"] = {"name": {"_eq": project}}
    return list(client.graphql(GROUPS, {"where": where}, idempotent=True)["flow"])


def flow_group_of(client: Client, name: str, project: str | None = None) -> str:
    """The flow group of the unarchived flow named `name` (NOT_FOUND, or CONFLICT when flows
    of that name are in several projects and no project is given)."""
    groups = {row["flow_group_id"]: row for row in scheduled_flows(client, name, project)}
    if not groups:
        where = f" in project {project!r}" if project else ""
        raise ClientError(f"No flow named {name!r}{where}", code="NOT_FOUND")
    if len(groups) > 1:
        projects = ", ".join(sorted(row["project"]["name"] for row in groups.values()))
        raise ClientError(f"Flows named {name!r} are in several projects ({projects}); "
                          "say which with --project", code="CONFLICT")
    return str(next(iter(groups)))


def set_schedule(client: Client, flow_group_id: str, *, cron: list[str],
                 interval_seconds: list[float], timezone: str | None) -> dict[str, Any]:
    payload = {"flow_group_id": flow_group_id, "timezone": timezone,
               "cron_clocks": [{"cron": c} for c in cron],
               "interval_clocks": [{"interval": round(s)} for s in interval_seconds]}
    return dict(client.graphql(SET, {"input": payload})["set_flow_group_schedule"])


def set_active(client: Client, flow_group_id: str, active: bool) -> dict[str, Any]:
    data = client.graphql(ACTIVE, {"input": {"flow_group_id": flow_group_id, "active": active}})
    return dict(data["set_flow_group_schedule_active"])
