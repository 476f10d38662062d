"""Who may do what: the one access table (operation -> scope) that every door consults.

Scopes are ordered: a key of a scope may do everything the scopes below it may.

    read    queries (every read, GraphQL and REST) and subscriptions
    write   also what an agent and a flow runner do: create runs, set and cancel states,
            write logs, claim runs, heartbeats, task runs
    admin   also register and delete flows, projects and deployments, change a flow's
            configuration (schedule, default parameters, labels), delete runs, manage keys

An operation is named `Query.<field>`, `Mutation.<field>`, `Subscription.<field>` (GraphQL
root fields) or `<METHOD> /api<path>` (REST routes, as routed). OPEN operations need no key:
they hold no data. A GraphQL field or REST route missing from ACCESS is refused by every door
(and fails tests/auth/test_access_table.py)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from .errors import Forbidden, InvalidInput


class Scope(enum.IntEnum):
    OPEN = 0
    READ = 1
    WRITE = 2
    ADMIN = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Scope:
        scope = cls.__members__.get(text.strip().upper(), cls.OPEN)
        if scope is cls.OPEN:
            raise InvalidInput(f"Unknown scope {text!r}: use read, write or admin",
                               field="scope")
        return scope


KEY_SCOPES = (Scope.READ, Scope.WRITE, Scope.ADMIN)


# Who acted, as audit columns record it (flow_run.created_by, <run>_state.created_by):
# Prefect 3's CreatedBy shape {"id", "type": "API_KEY", "display_value": <key name>}, or None.
Actor = dict[str, str] | None


@dataclass(frozen=True)
class Principal:
    """Who is asking: a key's name and scope. `name` None is nobody in particular (auth is
    off and no key was sent)."""

    name: str | None
    scope: Scope
    key_id: str | None = None

    def created_by(self) -> Actor:
        """What audit columns record: Prefect 3's CreatedBy shape, naming the key."""
        if self.name is None:
            return None
        return {"id": self.key_id or "", "type": "API_KEY", "display_value": self.name}


ANONYMOUS = Principal(None, Scope.ADMIN)

_ENTITIES = ("tenant", "project", "flow_group", "flow", "flow_run", "flow_run_state", "log",
             "agent", "deployment", "task", "edge", "task_run", "task_run_state",
             "flow_concurrency_limit", "task_tag_limit")


def _reads(*entities: str) -> dict[str, Scope]:
    return {f"Query.{entity}{suffix}": Scope.READ
            for entity in entities for suffix in ("", "_by_pk", "_aggregate")}


def _each(scope: Scope, *operations: str) -> dict[str, Scope]:
    return dict.fromkeys(operations, scope)


ACCESS: dict[str, Scope] = {
    **_reads(*_ENTITIES),
    **_each(Scope.READ, "Query.hello", "Query.get_task_run_info",
            "Query.flow_concurrency_limits"),
    **_each(Scope.ADMIN, "Query.api_keys"),
    # Runs in motion: what the CLI, agents and flow runners do.
    **_each(
        Scope.WRITE,
        "Mutation.create_flow_run", "Mutation.set_flow_run_state",
        "Mutation.set_flow_run_states", "Mutation.cancel_flow_run",
        "Mutation.set_flow_run_name", "Mutation.set_flow_run_labels",
        "Mutation.write_run_logs", "Mutation.register_agent", "Mutation.get_runs_in_queue",
        "Mutation.claim_flow_runs", "Mutation.update_flow_run_heartbeat",
        "Mutation.update_agent_heartbeat", "Mutation.get_or_create_task_run_info",
        "Mutation.set_task_run_states", "Mutation.set_task_run_name",
        # Issue 13: steering many runs (what the web UI's bulk actions do)
        "Mutation.cancel_flow_runs", "Mutation.set_flow_run_states_by_filter",
        "Mutation.restart_flow_run",
    ),
    # What flows are, where they live and who may call the API.
    **_each(
        Scope.ADMIN,
        "Mutation.delete_flow_run", "Mutation.create_flow", "Mutation.archive_flow",
        "Mutation.unarchive_flow", "Mutation.delete_flow",
        "Mutation.set_flow_group_default_parameters", "Mutation.set_flow_group_labels",
        "Mutation.create_project", "Mutation.delete_project", "Mutation.create_deployment",
        "Mutation.delete_deployment", "Mutation.create_flow_from_compressed_string",
        "Mutation.register_tasks", "Mutation.register_edges", "Mutation.set_schedule_active",
        "Mutation.set_schedule_inactive", "Mutation.create_tenant",
        "Mutation.create_api_key", "Mutation.revoke_api_key",
        # Issue 13: deleting runs in bulk, limits, schedules and the late-run setting
        "Mutation.delete_flow_runs", "Mutation.set_flow_concurrency_limit",
        "Mutation.delete_flow_concurrency_limit", "Mutation.update_task_tag_limit",
        "Mutation.delete_task_tag_limit", "Mutation.set_flow_group_skip_late_runs",
        "Mutation.set_flow_group_schedule", "Mutation.delete_flow_group_schedule",
        "Mutation.set_flow_group_schedule_active",
    ),
    # The REST door (mounted at /api).
    **_each(Scope.OPEN, "GET /api/openapi.json", "GET /api/csrf-token"),
    **_each(
        Scope.READ,
        "POST /api/deployments/filter", "GET /api/deployments/{id}",
        "POST /api/flow_runs/filter", "GET /api/flow_runs/{id}",
    ),
    **_each(
        Scope.WRITE,
        "POST /api/deployments/{id}/create_flow_run", "POST /api/flow_runs/{id}/set_state",
    ),
    **_each(Scope.ADMIN, "POST /api/deployments/", "DELETE /api/deployments/{id}"),
}


# Subscriptions: every query field's live twin needs what the query needs; streams are reads.
ACCESS.update({f"Subscription.{op.split('.', 1)[1]}": scope
               for op, scope in list(ACCESS.items()) if op.startswith("Query.")})
ACCESS.update(_each(Scope.READ, "Subscription.log_stream", "Subscription.flow_run_state_stream",
                    "Subscription.task_run_state_stream"))


def required_scope(operations: Iterable[str]) -> Scope:
    """The highest scope the operations need (ADMIN for one missing from the table)."""
    return max((ACCESS.get(op, Scope.ADMIN) for op in operations), default=Scope.OPEN)


def authorize(principal: Principal, operations: Iterable[str]) -> None:
    """Raise Forbidden, naming each operation above the principal's scope and the scope it
    needs, unless the principal may do them all. An operation missing from the table is
    refused to everyone: a new field without an entry is a closed door, never an open one."""
    missing = [op for op in operations if op not in ACCESS]
    if missing:
        raise Forbidden(f"No access rule for {', '.join(missing)}; nobody may call it",
                        operations=missing)
    above = [op for op in operations if ACCESS[op] > principal.scope]
    if above:
        needed = max(ACCESS[op] for op in above)
        raise Forbidden(
            f"{', '.join(_short(op) for op in above)} needs the {needed.label} scope; "
            f"this key has {principal.scope.label}",
            operations=[_short(op) for op in above], required_scope=needed.label,
        )


def _short(operation: str) -> str:
    return operation.split(".", 1)[1] if "." in operation and " " not in operation else operation
