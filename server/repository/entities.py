"""The queryable entities: each table with its relations and the kind of each column.

This one registry drives the SQL filter compiler (repository/filters.py) and, through the
GraphQL door's own vocabulary (graphql/vocabulary.py names each kind as Hasura does), the
generated GraphQL types (graphql/generated.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

import sqlalchemy as sa

from ..database import models as m
from ..database.types import JSONColumn, UTCDateTime


class ColumnKind(StrEnum):
    """What a column holds, as far as filtering and decoding care."""

    UUID = "uuid"
    STRING = "string"
    INT = "integer"
    FLOAT = "number"
    BOOLEAN = "boolean"
    TIMESTAMP = "timestamp"
    JSON = "JSON"


UUID, STRING, INT, FLOAT, BOOLEAN, TIMESTAMP, JSON = ColumnKind


@dataclass(frozen=True)
class Relation:
    name: str
    target: str  # entity name
    local: str  # column on this entity
    remote: str  # column on the target
    many: bool  # one-to-many (a list) or many-to-one (an object)


@dataclass
class Entity:
    name: str
    table: sa.Table
    relations: dict[str, Relation] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset({"tenant_id", "xid", "seq"})

    @cached_property
    def key(self) -> str:
        """The column that names a row: `id`, else the primary key's first column."""
        return "id" if "id" in self.table.c else next(iter(self.table.primary_key.columns)).name

    @cached_property
    def columns(self) -> dict[str, ColumnKind]:
        return {
            c.name: column_kind(c) for c in self.table.columns if c.name not in self.hidden
        }


def column_kind(column: sa.Column[object]) -> ColumnKind:
    col_type = column.type
    if isinstance(col_type, UTCDateTime):
        return TIMESTAMP
    if isinstance(col_type, sa.JSON | JSONColumn):
        return JSON
    if isinstance(col_type, sa.Uuid):
        return UUID
    if isinstance(col_type, sa.Boolean):
        return BOOLEAN
    if isinstance(col_type, sa.Integer):
        return INT
    if isinstance(col_type, sa.Float | sa.Numeric):
        return FLOAT
    return STRING


def _rel(name: str, target: str, local: str, remote: str, many: bool) -> tuple[str, Relation]:
    return name, Relation(name, target, local, remote, many)


ENTITIES: dict[str, Entity] = {
    e.name: e
    for e in [
        Entity("tenant", m.tenant, hidden=frozenset()),
        Entity("project", m.project, dict([_rel("flows", "flow", "id", "project_id", True)])),
        Entity("flow_group", m.flow_group, dict([
            _rel("flows", "flow", "id", "flow_group_id", True),
            _rel("deployments", "deployment", "id", "flow_group_id", True),
        ])),
        Entity("flow", m.flow, dict([
            _rel("project", "project", "project_id", "id", False),
            _rel("flow_group", "flow_group", "flow_group_id", "id", False),
            _rel("flow_runs", "flow_run", "id", "flow_id", True),
            _rel("tasks", "task", "id", "flow_id", True),
            _rel("edges", "edge", "id", "flow_id", True),
        ])),
        Entity("flow_run", m.flow_run, dict([
            _rel("flow", "flow", "flow_id", "id", False),
            _rel("states", "flow_run_state", "id", "flow_run_id", True),
            _rel("logs", "log", "id", "flow_run_id", True),
            _rel("deployment", "deployment", "deployment_id", "id", False),
            _rel("task_runs", "task_run", "id", "flow_run_id", True),
        ])),
        Entity("flow_run_state", m.flow_run_state, dict([
            _rel("flow_run", "flow_run", "flow_run_id", "id", False),
        ])),
        Entity("log", m.log, dict([
            _rel("flow_run", "flow_run", "flow_run_id", "id", False),
            _rel("task_run", "task_run", "task_run_id", "id", False),
        ])),
        Entity("agent", m.agent),
        Entity("deployment", m.deployment, dict([
            _rel("flow_group", "flow_group", "flow_group_id", "id", False),
            _rel("flow_runs", "flow_run", "id", "deployment_id", True),
        ])),
        # Prefect 1's task graph and task runs
        Entity("task", m.task, dict([
            _rel("flow", "flow", "flow_id", "id", False),
            _rel("task_runs", "task_run", "id", "task_id", True),
            _rel("upstream_edges", "edge", "id", "downstream_task_id", True),
            _rel("downstream_edges", "edge", "id", "upstream_task_id", True),
        ])),
        Entity("edge", m.edge, dict([
            _rel("flow", "flow", "flow_id", "id", False),
            _rel("upstream_task", "task", "upstream_task_id", "id", False),
            _rel("downstream_task", "task", "downstream_task_id", "id", False),
        ])),
        Entity("task_run", m.task_run, dict([
            _rel("flow_run", "flow_run", "flow_run_id", "id", False),
            _rel("task", "task", "task_id", "id", False),
            _rel("states", "task_run_state", "id", "task_run_id", True),
            _rel("logs", "log", "id", "task_run_id", True),
        ])),
        Entity("task_run_state", m.task_run_state, dict([
            _rel("task_run", "task_run", "task_run_id", "id", False),
        ])),
        # Concurrency limits (issue 13; task_tag_limit is what Prefect 1's Client reads)
        Entity("flow_concurrency_limit", m.flow_concurrency_limit),
        Entity("task_tag_limit", m.task_tag_limit),
    ]
}
