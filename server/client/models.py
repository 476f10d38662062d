"""What the client returns: small typed records built from GraphQL answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pendulum

FINISHED = frozenset({"Success", "Failed", "Cancelled", "TimedOut", "TriggerFailed",
                      "ValidationFailed", "Finished", "Cached", "Mapped", "Skipped",
                      "Completed", "Crashed"})
SUCCESSFUL = frozenset({"Success", "Finished", "Cached", "Mapped", "Skipped", "Completed"})


def parse_time(value: Any) -> pendulum.DateTime | None:
    if value is None:
        return None
    parsed = pendulum.parse(str(value))
    assert isinstance(parsed, pendulum.DateTime)
    return parsed.in_timezone("UTC")


def is_finished(state: str) -> bool:
    return state in FINISHED


def is_successful(state: str) -> bool:
    return state in SUCCESSFUL


@dataclass(frozen=True)
class CreatedRun:
    id: str
    created: bool  # False when the idempotency key named an existing run


@dataclass(frozen=True)
class FlowInfo:
    id: str
    name: str
    version: int
    flow_group_id: str
    project_name: str | None
    archived: bool
    labels: list[str]
    run_config: dict[str, Any] | None
    schedule: dict[str, Any] | None
    is_schedule_active: bool

    @classmethod
    def from_graphql(cls, data: dict[str, Any]) -> FlowInfo:
        return cls(
            id=data["id"], name=data["name"], version=data["version"],
            flow_group_id=data["flow_group_id"],
            project_name=(data.get("project") or {}).get("name"),
            archived=bool(data.get("archived")), labels=list(data.get("labels") or []),
            run_config=data.get("run_config"), schedule=data.get("schedule"),
            is_schedule_active=bool(data.get("is_schedule_active")),
        )


@dataclass(frozen=True)
class FlowRunInfo:
    id: str
    name: str
    version: int
    state: str
    state_message: str | None
    flow_id: str
    flow_name: str
    project_name: str | None
    parameters: dict[str, Any]
    context: dict[str, Any]
    labels: list[str]
    scheduled_start_time: pendulum.DateTime | None
    start_time: pendulum.DateTime | None
    end_time: pendulum.DateTime | None
    heartbeat: pendulum.DateTime | None
    state_timestamp: pendulum.DateTime | None
    created: pendulum.DateTime | None
    idempotency_key: str | None = None
    auto_scheduled: bool = False
    run_config: dict[str, Any] | None = None
    created_by: str | None = None  # the name of the API key that created the run

    @property
    def is_finished(self) -> bool:
        return is_finished(self.state)

    @property
    def is_successful(self) -> bool:
        return is_successful(self.state)

    @classmethod
    def from_graphql(cls, data: dict[str, Any]) -> FlowRunInfo:
        flow = data.get("flow") or {}
        return cls(
            id=data["id"], name=data["name"], version=data["version"], state=data["state"],
            state_message=data.get("state_message"), flow_id=flow.get("id", ""),
            flow_name=flow.get("name", ""),
            project_name=(flow.get("project") or {}).get("name"),
            parameters=data.get("parameters") or {}, context=data.get("context") or {},
            labels=list(data.get("labels") or []),
            scheduled_start_time=parse_time(data.get("scheduled_start_time")),
            start_time=parse_time(data.get("start_time")),
            end_time=parse_time(data.get("end_time")),
            heartbeat=parse_time(data.get("heartbeat")),
            state_timestamp=parse_time(data.get("state_timestamp")),
            created=parse_time(data.get("created")),
            idempotency_key=data.get("idempotency_key"),
            created_by=(data.get("created_by") or {}).get("display_value"),
            auto_scheduled=bool(data.get("auto_scheduled")),
            run_config=data.get("run_config"),
        )


@dataclass(frozen=True)
class LogRecord:
    id: str
    flow_run_id: str
    timestamp: pendulum.DateTime
    level: str
    message: str
    name: str | None = None
    task_run_id: str | None = None
    info: dict[str, Any] | None = None
    created: pendulum.DateTime | None = None

    @classmethod
    def from_graphql(cls, data: dict[str, Any]) -> LogRecord:
        timestamp = parse_time(data["timestamp"])
        assert timestamp is not None
        return cls(
            id=data["id"], flow_run_id=data["flow_run_id"], timestamp=timestamp,
            level=data["level"], message=data["message"], name=data.get("name"),
            task_run_id=data.get("task_run_id"), info=data.get("info"),
            created=parse_time(data.get("created")),
        )


@dataclass(frozen=True)
class RunToExecute:
    """A run an agent (or `flowrun run --execute`) is about to execute."""

    id: str
    version: int
    name: str
    flow_id: str
    flow_name: str
    storage: dict[str, Any] | None
    parameters: dict[str, Any] = field(default_factory=dict)
    context: dict[str, Any] = field(default_factory=dict)
    run_config: dict[str, Any] | None = None
    scheduled_start_time: str | None = None
    state: str | None = None
    state_start_time: str | None = None

    @property
    def start_at(self) -> pendulum.DateTime | None:
        """When the run is due: its Scheduled state's start time, else its scheduled one."""
        return parse_time(self.state_start_time or self.scheduled_start_time)

    @classmethod
    def from_graphql(cls, run_id: str, version: int, data: dict[str, Any]) -> RunToExecute:
        flow = data.get("flow") or {}
        return cls(
            id=run_id, version=version, name=data.get("name") or "", flow_id=flow.get("id", ""),
            flow_name=flow.get("name", ""), storage=flow.get("storage"),
            parameters=data.get("parameters") or {}, context=data.get("context") or {},
            run_config=data.get("run_config"),
            scheduled_start_time=data.get("scheduled_start_time"), state=data.get("state"),
            state_start_time=data.get("state_start_time"),
        )
