"""The tables. Naming follows Prefect Server v1 (and so the Hasura API its clients speak).

The serving process uses only their `__table__`s, so each model is built for a start that
costs the least: the annotations are objects, not strings (no `from __future__ import
annotations`: Pydantic would evaluate each), and Pydantic builds a model's validator only when
one is first used (`defer_build`)."""

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


def postgresql_only(index: sa.Index) -> sa.Index:
    """Mark an index that exists on PostgreSQL only (GIN over JSONB): `create_all` and the
    migration environment skip it on other engines (see `belongs_to_dialect`)."""
    index.info["dialects"] = ("postgresql",)
    return index.ddl_if(dialect="postgresql")


def add_dialect_indexes() -> None:
    """Add to the models the indexes whose definitions carry dialect options. Any
    `postgresql_*` option imports SQLAlchemy's PostgreSQL dialect (2.3 MiB and 70 ms), which
    a SQLite server never needs; the running server builds no DDL, so only the schema's
    tools call this: the migration environment and the test that compares models and
    migrations. Calling it again adds nothing."""
    table = flow_run
    if any(index.name == "uq_flow_run__auto_scheduled" for index in table.indexes):
        return
    # `_contains` / `_has_key` on labels and parameters (jsonb_ops serves @> and ?).
    for column in ("labels", "parameters"):
        postgresql_only(sa.Index(f"ix_flow_run__{column}", table.c[column],
                                 postgresql_using="gin"))
    # The scheduler never creates the same auto-scheduled run twice, across processes.
    sa.Index("uq_flow_run__auto_scheduled", table.c.flow_id, table.c.scheduled_start_time,
             unique=True, postgresql_where=sa.text("auto_scheduled"),
             sqlite_where=sa.text("auto_scheduled"))


def belongs_to_dialect(obj: Any, dialect: str) -> bool:
    """False for an index of the models that another engine's database does not have."""
    return dialect in getattr(obj, "info", {}).get("dialects", (dialect,))


class _Table(SQLModel):
    """The base of every table (no table itself): its validator is built on first use."""

    model_config = {"defer_build": True}


def _ts(nullable: bool = True, index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=nullable, index=index)


def _json(nullable: bool = True) -> Any:
    return Field(default=None, sa_type=JSONType, nullable=nullable)


def _fk(target: str, ondelete: str = "CASCADE", index: bool = True) -> Any:
    return Field(
        sa_column_args=[sa.ForeignKey(target, ondelete=ondelete)], index=index, nullable=False
    )


class Tenant(_Table, table=True):
    __tablename__ = "tenant"
    id: uuid.UUID = Field(primary_key=True)
    name: str
    slug: str = Field(unique=True)
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class Project(_Table, table=True):
    __tablename__ = "project"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "name"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    name: str
    description: str | None = None
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class FlowGroup(_Table, table=True):
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


class Flow(_Table, table=True):
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
    # The key the registration that made this version carried (Prefect 1's `prefect register`
    # sends a hash of the flow): the same key again returns this version instead of a new one.
    idempotency_key: str | None = None
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class FlowRun(_Table, table=True):
    __tablename__ = "flow_run"
    __table_args__ = (
        sa.Index("ix_flow_run__state_scheduled", "state", "scheduled_start_time"),
        sa.Index("ix_flow_run__end_time", "end_time"),  # retention finds finished runs by it
        # The list a frontend shows first: one state, newest first (scanned backwards).
        sa.Index("ix_flow_run__state_created", "state", "created"),
        # The late-runs loop: Scheduled runs not flagged yet, by when they are due (0008).
        sa.Index("ix_flow_run__late_due", "state", "late", "state_start_time",
                 "scheduled_start_time"),
        # and the indexes with dialect options: add_dialect_indexes()
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
    # Issue 13: set by the late-runs loop while a Scheduled run is overdue (cleared by any state
    # change), and the reason a due run is not claimed yet (a concurrency limit is full).
    late: bool = Field(default=False, sa_column_kwargs={"server_default": sa.false()})
    wait_reason: str | None = None
    created: datetime = _ts(nullable=False, index=True)
    updated: datetime = _ts(nullable=False)


def _stream_index(table: str) -> sa.Index:
    return sa.Index(f"ix_{table}__xid_seq", "xid", "seq")


def _position() -> Any:
    """A stream table's position, (xid, seq), set by the database on insert (migration 0005):
    streaming subscriptions read rows in this order, and only rows no in-flight writer can
    still precede (see repository/streams.py)."""
    return Field(default=None, sa_type=sa.BigInteger, nullable=True)


class FlowRunState(_Table, table=True):
    __tablename__ = "flow_run_state"
    __table_args__ = (_stream_index("flow_run_state"),)
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
    xid: int | None = _position()
    seq: int | None = _position()
    created_by: dict[str, Any] | None = _json()  # the API key that set it (audit)
    created: datetime = _ts(nullable=False)


class FlowRunIdempotencyKey(_Table, table=True):
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


class Log(_Table, table=True):
    __tablename__ = "log"
    __table_args__ = (
        sa.Index("ix_log__flow_run_id_timestamp", "flow_run_id", "timestamp"),
        sa.Index("ix_log__timestamp", "timestamp"),  # retention deletes the oldest first
        _stream_index("log"),
    )
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_run_id: uuid.UUID = _fk("flow_run.id", index=False)
    task_run_id: uuid.UUID | None = Field(default=None, index=True)
    timestamp: datetime = _ts(nullable=False)
    level: str  # upper-case name: DEBUG, INFO, WARNING, ERROR, CRITICAL
    name: str | None = None
    message: str
    info: dict[str, Any] | None = _json()
    xid: int | None = _position()
    seq: int | None = _position()
    created: datetime = _ts(nullable=False)


class Agent(_Table, table=True):
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


class Deployment(_Table, table=True):
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


class StreamCounter(_Table, table=True):
    """SQLite only: the last `seq` given to a stream table's row (PostgreSQL uses a sequence).
    A counter, not max(seq), so deleting the newest rows never lets a number be given twice."""

    __tablename__ = "stream_counter"
    name: str = Field(primary_key=True)
    value: int = Field(sa_type=sa.BigInteger)


class LoopLease(_Table, table=True):
    """Which process runs a server loop now; taken and renewed by a conditional UPDATE."""

    __tablename__ = "loop_lease"
    name: str = Field(primary_key=True)
    holder: str
    expires_at: datetime = _ts(nullable=False)


tenant: sa.Table = Tenant.__table__  # type: ignore[attr-defined]
project: sa.Table = Project.__table__  # type: ignore[attr-defined]
flow_group: sa.Table = FlowGroup.__table__  # type: ignore[attr-defined]
flow: sa.Table = Flow.__table__  # type: ignore[attr-defined]
flow_run: sa.Table = FlowRun.__table__  # type: ignore[attr-defined]
flow_run_state: sa.Table = FlowRunState.__table__  # type: ignore[attr-defined]
idempotency_key: sa.Table = FlowRunIdempotencyKey.__table__  # type: ignore[attr-defined]
log: sa.Table = Log.__table__  # type: ignore[attr-defined]
agent: sa.Table = Agent.__table__  # type: ignore[attr-defined]
deployment: sa.Table = Deployment.__table__  # type: ignore[attr-defined]
loop_lease: sa.Table = LoopLease.__table__  # type: ignore[attr-defined]
stream_counter: sa.Table = StreamCounter.__table__  # type: ignore[attr-defined]


class ApiKey(_Table, table=True):
    """An API key: only the SHA-256 of the key is stored, never the key."""

    __tablename__ = "api_key"
    id: uuid.UUID = Field(primary_key=True)
    name: str = Field(unique=True)
    scope: str  # read, write or admin
    key_hash: str = Field(unique=True)  # hex SHA-256 of the whole key
    created: datetime = _ts(nullable=False)
    expires: datetime | None = _ts()
    last_used: datetime | None = _ts()
    revoked: datetime | None = _ts()


api_key: sa.Table = ApiKey.__table__  # type: ignore[attr-defined]


# Prefect 1's task graph and task runs (issue 4). A flow's tasks and edges are registered with
# it; every flow run gets a task run per task (map_index -1), mapped children are created on
# demand by get_or_create_task_run_info, settled by the unique (flow_run, task, map_index).


class Task(_Table, table=True):
    __tablename__ = "task"
    __table_args__ = (sa.UniqueConstraint("flow_id", "slug"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_id: uuid.UUID = _fk("flow.id", index=False)
    name: str | None = None
    slug: str
    description: str | None = None
    type: str | None = None
    max_retries: int = Field(default=0)
    retry_delay: str | None = None  # an ISO 8601 duration or Prefect 1's timedelta text
    trigger: str | None = None
    mapped: bool = Field(default=False)
    auto_generated: bool = Field(default=False)
    cache_key: str | None = None
    is_root_task: bool = Field(default=False)
    is_terminal_task: bool = Field(default=False)
    is_reference_task: bool = Field(default=False)
    tags: list[str] | None = _json()
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class Edge(_Table, table=True):
    __tablename__ = "edge"
    __table_args__ = (sa.Index("ix_edge__flow_id", "flow_id"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_id: uuid.UUID = _fk("flow.id", index=False)
    upstream_task_id: uuid.UUID = _fk("task.id")
    downstream_task_id: uuid.UUID = _fk("task.id")
    key: str | None = None
    mapped: bool = Field(default=False)
    flattened: bool = Field(default=False)
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class TaskRun(_Table, table=True):
    __tablename__ = "task_run"
    __table_args__ = (sa.UniqueConstraint("flow_run_id", "task_id", "map_index"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    flow_run_id: uuid.UUID = _fk("flow_run.id", index=False)  # the unique constraint leads
    task_id: uuid.UUID = _fk("task.id")
    map_index: int = Field(default=-1)
    name: str | None = None
    cache_key: str | None = None
    version: int = Field(default=1)
    state: str
    state_type: str
    state_message: str | None = None
    state_result: dict[str, Any] | None = _json()
    state_timestamp: datetime = _ts(nullable=False)
    state_start_time: datetime | None = _ts()
    serialized_state: dict[str, Any] | None = _json()
    state_id: uuid.UUID | None = None  # the latest task_run_state row
    run_count: int = Field(default=0)
    start_time: datetime | None = _ts()
    end_time: datetime | None = _ts()
    heartbeat: datetime | None = _ts()
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class TaskRunState(_Table, table=True):
    __tablename__ = "task_run_state"
    __table_args__ = (_stream_index("task_run_state"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    task_run_id: uuid.UUID = _fk("task_run.id")
    version: int
    state: str
    type: str
    message: str | None = None
    result: dict[str, Any] | None = _json()
    start_time: datetime | None = _ts()
    serialized_state: dict[str, Any] | None = _json()
    timestamp: datetime = _ts(nullable=False)
    xid: int | None = _position()
    seq: int | None = _position()
    created_by: dict[str, Any] | None = _json()  # the API key that set it (audit)
    created: datetime = _ts(nullable=False)


task: sa.Table = Task.__table__  # type: ignore[attr-defined]
edge: sa.Table = Edge.__table__  # type: ignore[attr-defined]
task_run: sa.Table = TaskRun.__table__  # type: ignore[attr-defined]
task_run_state: sa.Table = TaskRunState.__table__  # type: ignore[attr-defined]


# Issue 13: concurrency limits. Slots are not stored: a limit's usage is counted from the runs
# that hold one, so a run that ends (or is failed by the zombie killer) frees its slot at once.


class FlowConcurrencyLimit(_Table, table=True):
    """At most `limit` flow runs carrying the label `name` are claimed or running at once."""

    __tablename__ = "flow_concurrency_limit"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "name"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    name: str
    limit: int
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


class TaskTagLimit(_Table, table=True):
    """At most `limit` task runs whose task has the tag `tag` run at once (Prefect Cloud v1)."""

    __tablename__ = "task_tag_limit"
    __table_args__ = (sa.UniqueConstraint("tenant_id", "tag"),)
    id: uuid.UUID = Field(primary_key=True)
    tenant_id: uuid.UUID = _fk("tenant.id", index=False)
    tag: str
    limit: int
    created: datetime = _ts(nullable=False)
    updated: datetime = _ts(nullable=False)


flow_concurrency_limit: sa.Table = FlowConcurrencyLimit.__table__  # type: ignore[attr-defined]
task_tag_limit: sa.Table = TaskTagLimit.__table__  # type: ignore[attr-defined]
