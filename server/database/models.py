"""The tables. Naming follows Prefect Server v1 (and so the Hasura API its clients speak)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from .types import JSONType, UTCDateTime

DEFAULT_TENANT_ID = uuid.UUID("00000000-0000-4000-8000-000000000000")

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(table_name)s__%(column_0_N_name)s",
    "uq": "uq_%(table_name)s__%(column_0_N_name)s",
    "ck": "ck_%(table_name)s__%(constraint_name)s",
    "fk": "fk_%(table_name)s__%(column_0_name)s__%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _ts(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


def _json(nullable: bool = True) -> Any:
    return Field(default=None, sa_type=JSONType, nullable=nullable)


def _fk(target: str, ondelete: str = "CASCADE", index: bool = True) -> Any:
    return Field(
        sa_column_args=[sa.ForeignKey(target, ondelete=ondelete)], index=index, nullable=False
    )


class Tenant(SQLModel, table=True):
    __tablename__ = "tenant"
    id: uuid.UUID = Field(primary_key=True)
    name: str
    slug: str = Field(unique=True)
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class Project(SQLModel, table=True):
    __tablename__ = "project"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "name"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    name: str
    description: str | None = None
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class FlowGroup(SQLModel, table=True):
    __tablename__ = "flow_group"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "name"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    name: str  # the version group id
    default_parameters: dict[str, Any] | None = _json()
    labels: list[str] | None = _json()  # None: not set, runs take the flow's labels
    settings: dict[str, Any] | None = _json()
    schedule: dict[str, Any] | None = _json()
    description: str | None = None
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class Flow(SQLModel, table=True):
    __tablename__ = "flow"
    __table_args__ = (
        sa.UniqueConstraint("flow_group_id", "version"),
        sa.Index("ix_flow__project_id_name", "project_id", "name"),
    )
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    project_id: uuid.UUID = _fk("project.id")
    flow_group_id: uuid.UUID = _fk("flow_group.id")
    name: str
    version: int
    version_group_id: str
    archived: bool = Field(default=False)
    description: str | None = None
    serialized_flow: dict[str, Any] | None = _json()
    parameters: list[dict[str, Any]] | None = _json()
    parameter_schema: dict[str, Any] | None = _json()
    labels: list[str] | None = _json()
    schedule: dict[str, Any] | None = _json()
    is_schedule_active: bool = Field(default=False)
    storage: dict[str, Any] | None = _json()
    run_config: dict[str, Any] | None = _json()
    environment: dict[str, Any] | None = _json()
    core_version: str | None = None
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class FlowRun(SQLModel, table=True):
    __tablename__ = "flow_run"
    __table_args__ = (
        sa.Index("ix_flow_run__state_scheduled", "state", "scheduled_start_time"),
        # The scheduler never creates the same auto-scheduled run twice, across processes.
        sa.Index(
            "uq_flow_run__auto_scheduled",
            "flow_id",
            "scheduled_start_time",
            unique=True,
            postgresql_where=sa.text("auto_scheduled"),
            sqlite_where=sa.text("auto_scheduled"),
        ),
    )
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_id: uuid.UUID = _fk("flow.id")
    deployment_id: uuid.UUID | None = Field(
        default=None,
        sa_column_args=[sa.ForeignKey("deployment.id", ondelete="SET NULL")],
        index=True,
    )
    name: str
    parameters: dict[str, Any] | None = _json()
    context: dict[str, Any] | None = _json()
    labels: list[str] | None = _json()
    run_config: dict[str, Any] | None = _json()
    scheduled_start_time: datetime = _ts(nullable=False)
    start_time: datetime | None = _ts()
    end_time: datetime | None = _ts()
    heartbeat: datetime | None = _ts()
    state: str
    state_type: str
    state_message: str | None = None
    state_timestamp: datetime = _ts(nullable=False)
    state_start_time: datetime | None = _ts()
    serialized_state: dict[str, Any] | None = _json()
    version: int = Field(default=1)
    idempotency_key: str | None = None
    auto_scheduled: bool = Field(default=False)
    run_count: int = Field(default=0)
    state_id: uuid.UUID | None = None  # the latest flow_run_state row
    agent_id: uuid.UUID | None = Field(default=None, index=True)  # the agent that claimed it
    tags: list[str] | None = _json()
    work_queue_name: str | None = None
    job_variables: dict[str, Any] | None = _json()
    empirical_policy: dict[str, Any] | None = _json()
    infrastructure_document_id: uuid.UUID | None = None
    parent_task_run_id: uuid.UUID | None = None
    created_by: dict[str, Any] | None = _json()
    created: datetime = _ts(nullable=False, index=True)
    updated: datetime = _ts(nullable=False)


class FlowRunState(SQLModel, table=True):
    __tablename__ = "flow_run_state"
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_run_id: uuid.UUID = _fk("flow_run.id")
    version: int
    state: str
    type: str
    message: str | None = None
    result: dict[str, Any] | None = _json()
    start_time: datetime | None = _ts()
    serialized_state: dict[str, Any] | None = _json()
    timestamp: datetime = _ts(nullable=False)
    created: datetime = _ts(nullable=False)


class FlowRunIdempotencyKey(SQLModel, table=True):
    """One live key per flow group. The unique constraint settles concurrent creates."""

    __tablename__ = "flow_run_idempotency_key"
    __table_args__ = (sa.UniqueConstraint("flow_group_id", "key"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_group_id: uuid.UUID = _fk("flow_group.id", index=False)
    key: str
    flow_run_id: uuid.UUID = Field(index=True)  # no FK: written before the run in one statement
    request: dict[str, Any] = _json(nullable=False)
    expires_at: datetime = _ts(nullable=False)
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class Log(SQLModel, table=True):
    __tablename__ = "log"
    __table_args__ = (sa.Index("ix_log__flow_run_id_timestamp", "flow_run_id", "timestamp"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_run_id: uuid.UUID = _fk("flow_run.id", index=False)
    task_run_id: uuid.UUID | None = None
    timestamp: datetime = _ts(nullable=False)
    level: str  # upper-case name: DEBUG, INFO, WARNING, ERROR, CRITICAL
    name: str | None = None
    message: str
    info: dict[str, Any] | None = _json()
    created: datetime = _ts(nullable=False)


class Agent(SQLModel, table=True):
    __tablename__ = "agent"
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    name: str | None = None
    type: str | None = None
    labels: list[str] | None = _json()
    core_version: str | None = None
    agent_config_id: uuid.UUID | None = None
    last_queried: datetime | None = _ts()
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class Deployment(SQLModel, table=True):
    """A named, reusable way to run a flow group (the REST door, seed 003)."""

    __tablename__ = "deployment"
    __table_args__ = (sa.UniqueConstraint("flow_group_id", "name"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_group_id: uuid.UUID = _fk("flow_group.id")
    name: str
    description: str | None = None
    version: str | None = None
    parameters: dict[str, Any] | None = _json()
    parameter_openapi_schema: dict[str, Any] | None = _json()
    enforce_parameter_schema: bool = Field(default=True)
    tags: list[str] | None = _json()
    labels: dict[str, Any] | None = _json()
    work_queue_name: str | None = None
    job_variables: dict[str, Any] | None = _json()
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class LoopLease(SQLModel, table=True):
    """Which process runs a server loop now; taken and renewed by a conditional UPDATE."""

    __tablename__ = "loop_lease"
    name: str = Field(primary_key=True)
    holder: str
    expires_at: datetime = _ts(nullable=False)


tenant = Tenant.__table__
project = Project.__table__
flow_group = FlowGroup.__table__
flow = Flow.__table__
flow_run = FlowRun.__table__
flow_run_state = FlowRunState.__table__
idempotency_key = FlowRunIdempotencyKey.__table__
log = Log.__table__
agent = Agent.__table__
deployment = Deployment.__table__
loop_lease = LoopLease.__table__
