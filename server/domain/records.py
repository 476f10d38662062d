"""Typed records: what the repository returns and the services hand to the doors.

Frozen dataclasses with slots, built from a stored row without re-validation (the database
already holds valid values), so no SQLAlchemy type travels above the repository and a column
renamed without its record is a failing test (tests/database/test_records.py), not an
AttributeError in a door. A record names every column of its table; a door renders the
fields it speaks of."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

JSONObject = dict[str, Any]


@dataclass(frozen=True, slots=True)
class FlowRunRecord:
    """A row of flow_run."""

    id: uuid.UUID
    tenant_id: uuid.UUID
    flow_id: uuid.UUID
    deployment_id: uuid.UUID | None
    name: str
    parameters: JSONObject | None
    context: JSONObject | None
    labels: list[str] | None
    run_config: JSONObject | None
    scheduled_start_time: datetime
    start_time: datetime | None
    end_time: datetime | None
    heartbeat: datetime | None
    state: str
    state_type: str
    state_message: str | None
    state_timestamp: datetime
    state_start_time: datetime | None
    serialized_state: JSONObject | None
    version: int
    idempotency_key: str | None
    auto_scheduled: bool
    run_count: int
    state_id: uuid.UUID | None
    agent_id: uuid.UUID | None
    tags: list[str] | None
    work_queue_name: str | None
    job_variables: JSONObject | None
    empirical_policy: JSONObject | None
    infrastructure_document_id: uuid.UUID | None
    parent_task_run_id: uuid.UUID | None
    created_by: JSONObject | None
    late: bool
    wait_reason: str | None
    created: datetime
    updated: datetime


@dataclass(frozen=True, slots=True)
class FlowRunView(FlowRunRecord):
    """A flow run with the versions the REST door reports beside it."""

    flow_version: int
    deployment_version: str | None

    @classmethod
    def of(cls, run: FlowRunRecord, flow_version: int,
           deployment_version: str | None) -> FlowRunView:
        """The view of a run already read (or just written), without reading it again."""
        columns = {f.name: getattr(run, f.name) for f in fields(FlowRunRecord)}
        return cls(**columns, flow_version=flow_version, deployment_version=deployment_version)


@dataclass(frozen=True, slots=True)
class DeploymentRecord:
    """A row of deployment, with `flow_id`: the flow its runs would go to now."""

    id: uuid.UUID
    tenant_id: uuid.UUID
    flow_group_id: uuid.UUID
    name: str
    description: str | None
    version: str | None
    parameters: JSONObject | None
    parameter_openapi_schema: JSONObject | None
    enforce_parameter_schema: bool
    tags: list[str] | None
    labels: JSONObject | None
    work_queue_name: str | None
    job_variables: JSONObject | None
    created: datetime
    updated: datetime
    flow_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class RunTarget:
    """What a new run needs to know about its flow: the flow, its group's defaults and labels,
    and whether the flow has tasks (Prefect 1 flows: their runs get task runs)."""

    id: uuid.UUID
    name: str
    archived: bool
    version: int
    flow_group_id: uuid.UUID
    parameters: list[JSONObject] | None
    parameter_schema: JSONObject | None
    labels: list[str] | None
    run_config: JSONObject | None
    group_default_parameters: JSONObject | None
    group_labels: list[str] | None
    has_tasks: bool
