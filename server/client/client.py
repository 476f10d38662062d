"""The Python client: everything the CLI and the agent do, over the GraphQL API only.

    client = Client()                                   # FLOWRUN_API_URL or 127.0.0.1:4200
    run_id = client.create_flow_run(flow_id="...", parameters={"a": 2},
                                    scheduled_start_time=pendulum.now().add(minutes=10))

Every create carries an idempotency key (a fresh one when none is given), so a create that is
retried after a timeout never makes two runs."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import httpx

from . import documents as gql
from .config import default_api_key, default_api_url
from .errors import ClientError
from .flows import flow_document
from .live import LiveConnection
from .models import CreatedRun, FlowInfo, FlowRunInfo, LogRecord, RunToExecute
from .transport import RetryPolicy, Transport

NOT_FOUND = "NOT_FOUND"
CONFLICT = "CONFLICT"


class Client:
    def __init__(
        self,
        api_url: str | None = None,
        api_key: str | None = None,
        *,
        timeout: float = 30.0,
        retry: RetryPolicy | None = None,
        http_transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.api_url = api_url or default_api_url()
        api_key = api_key or default_api_key()
        self._transport = Transport(self.api_url, api_key=api_key, timeout=timeout,
                                    retry=retry, http_transport=http_transport)

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        self._transport.close()

    def live(self, *, open_timeout: float = 5.0) -> LiveConnection:
        """A GraphQL-over-WebSocket connection to the same server (subscriptions)."""
        return LiveConnection(self.api_url, api_key=self._transport.api_key,
                              open_timeout=open_timeout)

    def graphql(
        self, query: str, variables: dict[str, Any] | None = None, *, idempotent: bool = False
    ) -> dict[str, Any]:
        """Send any GraphQL document; returns `data`, raises ClientError on `errors`.
        Pass idempotent=True for reads so they are retried after any network error."""
        return self._transport.execute(query, variables, idempotent=idempotent)

    def _read(self, query: str, **variables: Any) -> dict[str, Any]:
        return self.graphql(query, variables, idempotent=True)

    # -- projects -------------------------------------------------------------------------
    def create_project(self, project_name: str, description: str | None = None) -> str:
        data = self.graphql(gql.CREATE_PROJECT,
                            {"input": {"name": project_name, "description": description}})
        return str(data["create_project"]["id"])

    def get_project_id(self, project_name: str) -> str | None:
        rows = self._read(gql.PROJECT_BY_NAME, name=project_name)["project"]
        return str(rows[0]["id"]) if rows else None

    def ensure_project(self, project_name: str) -> str:
        """The project's id, creating the project when it does not exist."""
        project_id = self.get_project_id(project_name)
        if project_id is not None:
            return project_id
        try:
            return self.create_project(project_name)
        except ClientError as exc:  # created meanwhile (or by our own retried request)
            project_id = self.get_project_id(project_name) if exc.code == CONFLICT else None
            if project_id is None:
                raise
            return project_id

    # -- flows ----------------------------------------------------------------------------
    def register(
        self,
        flow: Callable[..., Any] | dict[str, Any],
        project_name: str = "default",
        *,
        name: str | None = None,
        labels: list[str] | None = None,
        schedule: dict[str, Any] | None = None,
        set_schedule_active: bool | None = None,
        description: str | None = None,
        idempotency_key: str | None = None,
    ) -> str:
        """Register a function (or a flow document) in a project, created when missing.
        Registering a flow of the same name again makes the next version. Returns its id."""
        document = flow if isinstance(flow, dict) else flow_document(
            flow, name=name, labels=labels, schedule=schedule)
        project_id = self.ensure_project(project_name)
        data = self.graphql(gql.CREATE_FLOW, {"input": {
            "project_id": project_id, "serialized_flow": document,
            "set_schedule_active": set_schedule_active, "description": description,
            "idempotency_key": idempotency_key or str(uuid.uuid4()),
        }})
        return str(data["create_flow"]["id"])

    def find_flows(
        self, name: str, project_name: str | None = None, *, include_archived: bool = False
    ) -> list[FlowInfo]:
        """Flows with this name (in this project), newest version first; unarchived only
        unless `include_archived`."""
        where: dict[str, Any] = {"name": {"_eq": name}}
        if not include_archived:
            where["archived"] = {"_eq": False}
        if project_name is not None:
            where["project"] = {"name": {"_eq": project_name}}
        return [FlowInfo.from_graphql(f) for f in self._read(gql.FLOWS, where=where)["flow"]]

    def get_flow(self, flow_id: str) -> FlowInfo | None:
        data = self._read(gql.FLOW_BY_ID, id=str(flow_id))["flow_by_pk"]
        return FlowInfo.from_graphql(data) if data else None

    def get_flow_group_flows(self, flow_group_id: str) -> list[FlowInfo] | None:
        """The unarchived flows of a flow group (None when there is no such group)."""
        data = self._read(gql.FLOW_GROUP_BY_ID, id=str(flow_group_id))["flow_group_by_pk"]
        return None if data is None else [FlowInfo.from_graphql(f) for f in data["flows"]]

    # -- flow runs ------------------------------------------------------------------------
    def create_flow_run(
        self,
        flow_id: str | None = None,
        flow_group_id: str | None = None,
        version_group_id: str | None = None,
        parameters: dict[str, Any] | None = None,
        context: dict[str, Any] | None = None,
        scheduled_start_time: datetime | str | None = None,
        run_name: str | None = None,
        labels: list[str] | None = None,
        run_config: dict[str, Any] | None = None,
        idempotency_key: str | None = None,
    ) -> str:
        """Create a run of a flow (or of a flow group's unarchived flow); returns its id."""
        return self.create_flow_run_with_status(
            flow_id=flow_id, flow_group_id=flow_group_id, version_group_id=version_group_id,
            parameters=parameters, context=context, scheduled_start_time=scheduled_start_time,
            run_name=run_name, labels=labels, run_config=run_config,
            idempotency_key=idempotency_key,
        ).id

    def create_flow_run_with_status(self, **options: Any) -> CreatedRun:
        """As create_flow_run, and say whether the run is new (False: an idempotency key
        named an existing run)."""
        start = options.get("scheduled_start_time")
        fields = {
            "flow_id": options.get("flow_id"), "flow_group_id": options.get("flow_group_id"),
            "version_group_id": options.get("version_group_id"),
            "parameters": options.get("parameters"), "context": options.get("context"),
            "scheduled_start_time": start.isoformat() if isinstance(start, datetime) else start,
            "flow_run_name": options.get("run_name"), "labels": options.get("labels"),
            "run_config": options.get("run_config"),
            "idempotency_key": options.get("idempotency_key") or str(uuid.uuid4()),
        }
        data = self.graphql(gql.CREATE_FLOW_RUN,
                            {"input": {k: v for k, v in fields.items() if v is not None}},
                            idempotent=True)
        return CreatedRun(str(data["create_flow_run"]["id"]),
                          bool(data["create_flow_run"]["created"]))

    def get_flow_run_info(self, flow_run_id: str) -> FlowRunInfo:
        data = self._read(gql.FLOW_RUN, id=str(flow_run_id))["flow_run_by_pk"]
        if data is None:
            raise ClientError(f"No flow run with id {flow_run_id}", NOT_FOUND)
        return FlowRunInfo.from_graphql(data)

    def list_flow_runs(
        self, *, limit: int = 20, flow_name: str | None = None, state: str | None = None,
        project_name: str | None = None,
    ) -> list[FlowRunInfo]:
        where: dict[str, Any] = {}
        if flow_name is not None:
            where["flow"] = {"name": {"_eq": flow_name}}
        if project_name is not None:
            where.setdefault("flow", {})["project"] = {"name": {"_eq": project_name}}
        if state is not None:
            where["state"] = {"_eq": state}
        rows = self._read(gql.FLOW_RUNS, where=where, limit=limit)["flow_run"]
        return [FlowRunInfo.from_graphql(r) for r in rows]

    def get_flow_run_states(self, flow_run_ids: Iterable[str]) -> dict[str, tuple[str, int]]:
        """{run id: (state, version)} for the runs that exist."""
        ids = [str(i) for i in flow_run_ids]
        if not ids:
            return {}
        rows = self._read(gql.FLOW_RUN_STATES, ids=ids)["flow_run"]
        return {r["id"]: (r["state"], r["version"]) for r in rows}

    def get_state_history(
        self, flow_run_id: str, *, after_version: int = 0
    ) -> list[tuple[int, str, str | None]]:
        """(version, state, message) of every state the run entered after `after_version`,
        oldest first."""
        rows = self._read(gql.STATE_HISTORY, id=str(flow_run_id), after=after_version)
        return [(r["version"], r["state"], r["message"]) for r in rows["flow_run_state"]]

    def set_flow_run_state(
        self, flow_run_id: str, state: str | dict[str, Any], version: int | None = None,
        message: str | None = None,
    ) -> int:
        """Set a run's state ("Success" or a state document); with `version`, only if the run
        is still at that version (else VERSION_LOCKING_ERROR). Returns the new version."""
        document = {"type": state, "message": message} if isinstance(state, str) else state
        data = self.graphql(gql.SET_FLOW_RUN_STATE, {"input": {
            "flow_run_id": str(flow_run_id), "version": version, "state": document}})
        return int(data["set_flow_run_state"]["version"])

    def cancel_flow_run(self, flow_run_id: str) -> str:
        """Cancel a run; returns its state (Cancelling while its agent stops it)."""
        data = self.graphql(gql.CANCEL_FLOW_RUN, {"input": {"flow_run_id": str(flow_run_id)}})
        return str(data["cancel_flow_run"]["state"])

    # -- logs -----------------------------------------------------------------------------
    def write_run_logs(self, logs: list[dict[str, Any]]) -> None:
        """Write log records: {flow_run_id, message, level?, name?, timestamp?, info?,
        task_run_id?}."""
        if logs:
            self.graphql(gql.WRITE_RUN_LOGS, {"input": {"logs": logs}})

    def get_logs(
        self, flow_run_id: str, *, since: datetime | None = None, level: str | None = None,
        limit: int | None = None,
    ) -> list[LogRecord]:
        """A run's logs in time order; `since` keeps those the server stored at or after it."""
        where: dict[str, Any] = {"flow_run_id": {"_eq": str(flow_run_id)}}
        if since is not None:
            where["created"] = {"_gte": since.isoformat()}
        if level is not None:
            where["level"] = {"_eq": level.upper()}
        rows = self._read(gql.LOGS, where=where, limit=limit)["log"]
        return [LogRecord.from_graphql(r) for r in rows]

    # -- agents ---------------------------------------------------------------------------
    def register_agent(
        self, name: str | None = None, labels: list[str] | None = None, type: str = "flowrun"
    ) -> str:
        data = self.graphql(gql.REGISTER_AGENT, {"input": {
            "type": type, "name": name, "labels": labels or []}})
        return str(data["register_agent"]["id"])

    def get_runs_in_queue(
        self, *, labels: list[str] | None = None, before: datetime | None = None,
        agent_id: str | None = None,
    ) -> list[str]:
        data = self.graphql(gql.GET_RUNS_IN_QUEUE, {"input": {
            "labels": labels, "agent_id": agent_id,
            "before": before.isoformat() if before else None}}, idempotent=True)
        return [str(i) for i in data["get_runs_in_queue"]["flow_run_ids"]]

    def claim_flow_runs(
        self, agent_id: str, *, limit: int = 1, labels: list[str] | None = None,
        before: datetime | None = None,
    ) -> list[RunToExecute]:
        """Atomically take up to `limit` runs due by `before` (default now) for this agent;
        they become Submitted."""
        data = self.graphql(gql.CLAIM_FLOW_RUNS, {"input": {
            "agent_id": agent_id, "limit": limit, "labels": labels,
            "before": before.isoformat() if before else None}})
        return [RunToExecute.from_graphql(c["id"], c["version"], c["flow_run"] or {})
                for c in data["claim_flow_runs"]["flow_runs"]]

    def get_run_to_execute(self, flow_run_id: str) -> RunToExecute:
        data = self._read(gql.RUN_FOR_EXECUTION, id=str(flow_run_id))["flow_run_by_pk"]
        if data is None:
            raise ClientError(f"No flow run with id {flow_run_id}", NOT_FOUND)
        return RunToExecute.from_graphql(data["id"], data["version"], data)

    def update_flow_run_heartbeat(self, flow_run_id: str) -> None:
        self.graphql(gql.HEARTBEAT, {"input": {"flow_run_id": str(flow_run_id)}},
                     idempotent=True)
