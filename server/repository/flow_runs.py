"""Flow runs and their state history."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from functools import cache
from typing import Any

import orjson
import sqlalchemy as sa

from ..database.models import deployment, flow, flow_run, flow_run_state, task_run
from ..database.types import JSONColumn, UTCDateTime, plain_utc
from ..domain.records import FlowRunRecord, FlowRunView
from ..domain.states import NewState, StateType
from ..domain.times import parse_time
from . import driver
from . import task_runs as task_run_repo
from . import tasks as task_repo
from .common import TENANT_ID, Conn, first, new_id
from .driver import DriverStatement
from .filters import Clause, json_contains
from .run_states import (
    first_state_columns,
    history_from,
    history_insert,
    history_params,
    history_row,
    move_then_record,
    move_with_history,
    transition_params,
    transition_values,
)

_VIEW = sa.select(
    flow_run,
    flow.c.version.label("flow_version"),
    deployment.c.version.label("deployment_version"),
).select_from(
    flow_run.join(flow, flow.c.id == flow_run.c.flow_id).outerjoin(
        deployment, deployment.c.id == flow_run.c.deployment_id
    )
)

# The orders a REST caller may ask runs in (named as Prefect 3 names them); id breaks ties.
RUN_SORTS: dict[str, list[sa.ColumnElement[Any]]] = {
    "ID_DESC": [flow_run.c.id.desc()],
    "NAME_ASC": [flow_run.c.name.asc()],
    "NAME_DESC": [flow_run.c.name.desc()],
    "EXPECTED_START_TIME_ASC": [flow_run.c.scheduled_start_time.asc()],
    "EXPECTED_START_TIME_DESC": [flow_run.c.scheduled_start_time.desc()],
    "START_TIME_ASC": [flow_run.c.start_time.asc().nulls_last()],
    "START_TIME_DESC": [flow_run.c.start_time.desc().nulls_last()],
    "END_TIME_DESC": [flow_run.c.end_time.desc().nulls_last()],
}
DEFAULT_RUN_SORT = "EXPECTED_START_TIME_DESC"


@dataclass(frozen=True, slots=True)
class DeploymentRunFields:
    """The columns of a run made from a deployment (the REST door's fields, seed 003)."""

    deployment_id: uuid.UUID
    tags: list[str]
    work_queue_name: str | None
    job_variables: dict[str, Any]
    empirical_policy: dict[str, Any] | None
    infrastructure_document_id: uuid.UUID | None
    parent_task_run_id: uuid.UUID | None


@dataclass(frozen=True, slots=True)
class NewFlowRun:
    """The columns a new run is given (its state columns come from its first state)."""

    flow_id: uuid.UUID
    name: str
    parameters: dict[str, Any]
    context: dict[str, Any]
    labels: list[str]
    run_config: dict[str, Any] | None
    scheduled_start_time: datetime
    idempotency_key: str | None
    deployment: DeploymentRunFields | None = None
    created_by: dict[str, Any] | None = None  # the API key that asked (audit)


_DEPLOYMENT_FIELDS = tuple(f.name for f in fields(DeploymentRunFields))
_NEW_RUN_FIELDS = tuple(f.name for f in fields(NewFlowRun) if f.name != "deployment")
_NO_DEPLOYMENT = dict.fromkeys(_DEPLOYMENT_FIELDS)


@dataclass(frozen=True, slots=True)
class RunFilter:
    """Which runs to list; every condition given must hold (None: no condition)."""

    ids: Sequence[uuid.UUID] | None = None
    names: Sequence[str] | None = None
    deployment_ids: Sequence[uuid.UUID] | None = None
    deployment_is_null: bool | None = None
    state_types: Sequence[StateType] | None = None
    state_names: Sequence[str] | None = None
    tags_all: Sequence[str] | None = None
    expected_start_after: datetime | None = None
    expected_start_before: datetime | None = None
    start_after: datetime | None = None
    start_before: datetime | None = None
    sort: str = DEFAULT_RUN_SORT
    limit: int = 200
    offset: int = 0


async def get(conn: Conn, flow_run_id: uuid.UUID) -> FlowRunRecord | None:
    row = await first(conn, sa.select(flow_run).where(flow_run.c.id == flow_run_id))
    return None if row is None else FlowRunRecord(**row._mapping)


_VIEW_BY_ID = DriverStatement(
    _VIEW.where(flow_run.c.id == sa.bindparam("flow_run_id", type_=sa.Uuid())))


async def view(conn: Conn, flow_run_id: uuid.UUID) -> FlowRunView | None:
    row = await driver.first(conn, _VIEW_BY_ID, {"flow_run_id": flow_run_id})
    return None if row is None else FlowRunView(**row._mapping)


async def views(conn: Conn, run_filter: RunFilter) -> list[FlowRunView]:
    """Runs matching the filter, in its RUN_SORTS order (the caller checked the sort)."""
    stmt = (
        _VIEW.where(*_conditions(run_filter, conn.dialect.name))
        .order_by(*RUN_SORTS[run_filter.sort], flow_run.c.id)
        .limit(run_filter.limit)
        .offset(run_filter.offset)
    )
    return [FlowRunView(**row._mapping) for row in await conn.execute(stmt)]


def _conditions(f: RunFilter, dialect: str) -> list[Clause]:
    c = flow_run.c
    out: list[Clause] = [c.tenant_id == TENANT_ID]
    for column, values in ((c.id, f.ids), (c.name, f.names), (c.deployment_id, f.deployment_ids),
                           (c.state, f.state_names)):
        if values is not None:
            out.append(column.in_(list(values)))
    if f.state_types is not None:
        out.append(c.state_type.in_([t.value for t in f.state_types]))
    if f.deployment_is_null is not None:
        out.append(c.deployment_id.is_(None) if f.deployment_is_null
                   else c.deployment_id.is_not(None))
    if f.tags_all:
        out.append(json_contains(c.tags, list(f.tags_all), dialect))
    for column, moment, later in ((c.scheduled_start_time, f.expected_start_after, True),
                                  (c.scheduled_start_time, f.expected_start_before, False),
                                  (c.start_time, f.start_after, True),
                                  (c.start_time, f.start_before, False)):
        if moment is not None:
            when = parse_time(moment, column.name)
            out.append(column >= when if later else column <= when)
    return out


async def current_version(conn: Conn, flow_run_id: uuid.UUID) -> int | None:
    row = await first(conn, sa.select(flow_run.c.version).where(flow_run.c.id == flow_run_id))
    return None if row is None else int(row.version)


async def insert(
    conn: Conn,
    *,
    flow_run_id: uuid.UUID,
    run: NewFlowRun,
    state: NewState,
    now: datetime,
    task_state: NewState | None = None,
    returning: bool = True,
) -> FlowRunRecord | None:
    """Insert a run in its first state (version 1) and that state's history row, and with a
    `task_state`, one task run per task of its flow in that state (a Prefect 1 flow runner
    learns its tasks' ids from these); returns the run as written, or with `returning=False`
    (a caller that answers with the id it chose) None, and the row is not sent back: reading
    36 columns back, 9 of them JSON, was a twentieth of a create. On PostgreSQL all of it is
    one statement (data-modifying CTEs), so it is atomic without a transaction around it.

    Hot statements here are built once and executed with parameter dicts, every column given
    (so each is one cached, prepared statement): building `.values(**literals)` per call cost
    a fifth of a create's CPU in SQLAlchemy."""
    state_id = new_id()
    now = plain_utc(now)  # once: a pendulum instant is converted again by every column bound
    row = {
        **_INSERT_DEFAULTS,
        "id": flow_run_id, "tenant_id": TENANT_ID, "state_id": state_id,
        "created": now, "updated": now, **first_state_columns(flow_run, state, now),
        **{name: getattr(run, name) for name in _NEW_RUN_FIELDS},
        **_deployment_columns(run.deployment),
    }
    history = history_row("flow_run_id", flow_run_id, state_id, 1, state, now, run.created_by)
    if conn.dialect.name == "postgresql":
        params = {**row, **history_params(history)}
        if task_state is None:  # the run as written: the row sent (see below)
            await driver.execute(conn, _INSERT_WITH_STATE_ID, params)
            return FlowRunRecord(**_as_read(row)) if returning else None
        task_params = task_run_repo.first_task_run_params(task_state, now, run.created_by)
        statement = _insert_with_task_runs(tuple(sorted(
            first_state_columns(task_run, task_state, now))))
        return _record((await conn.execute(statement, {**params, **task_params})).one())
    # The run as written is the row sent, as a read gives it back (_as_read), not a RETURNING
    # of its 36 columns (a seventh of a REST create's CPU on SQLite, which answers with the
    # whole run).
    await driver.execute(conn, _INSERT_ONLY, row)
    await driver.execute(conn, _INSERT_HISTORY, history)
    if task_state is not None:
        tasks = await task_repo.of_flow(conn, run.flow_id)
        await task_run_repo.insert_many(conn, flow_run_id, tasks, task_state, now,
                                        run.created_by)
    return FlowRunRecord(**_as_read(row)) if returning else None


def _as_read(row: dict[str, Any]) -> dict[str, Any]:
    """The values of an inserted row as reading it back gives them: timestamps as plain
    datetimes in UTC, JSON as its round trip through the column's serializer gives it (orjson
    writes a datetime, a UUID or a tuple inside as a string or a list), the rest as given
    (UUIDs, strings, numbers, booleans: the database gives back what was bound, through
    types that turn them back). tests/database/test_driver.py holds it to a read of the row,
    on both engines. (PostgreSQL's JSONB gives an object's keys back in its own order, and
    -0 as 0: the same values, as Python compares them.)"""
    read = dict(row)
    for name in _TIMESTAMPS:
        value = read[name]
        if value is not None:
            read[name] = plain_utc(value)
    for name in _JSON_COLUMNS:
        value = read[name]
        if value is not None:
            read[name] = orjson.loads(orjson.dumps(value))
    return read


_TIMESTAMPS = tuple(c.name for c in flow_run.c if isinstance(c.type, UTCDateTime))
_JSON_COLUMNS = tuple(c.name for c in flow_run.c if isinstance(c.type, JSONColumn))


def _record(row: Any) -> FlowRunRecord:
    return FlowRunRecord(**row._mapping)


# Every column an insert gives, so that one statement serves every run; what a run does not
# set is its column's default.
_INSERT_DEFAULTS = {c.name: getattr(c.default, "arg", None) for c in flow_run.c}
_INSERT_VALUES = flow_run.insert().values(
    {name: sa.bindparam(name, type_=flow_run.c[name].type) for name in _INSERT_DEFAULTS})
_INSERT_STATEMENT = _INSERT_VALUES.returning(*flow_run.c)
_INSERT_ONLY = DriverStatement(_INSERT_VALUES)
_INSERT_HISTORY = history_insert(flow_run_state, "flow_run_id")


def _insert_with_state() -> Any:
    written = _INSERT_STATEMENT.cte("written")
    history = history_from(flow_run_state, "flow_run_id", written, written.c.id,
                           sa.literal(1)).cte("history")
    return sa.select(written.c.id).add_cte(history)


_INSERT_WITH_STATE_ID = DriverStatement(_insert_with_state())


@cache
def _insert_with_task_runs(task_state_columns: tuple[str, ...]) -> Any:
    written = _INSERT_STATEMENT.cte("written")
    history = history_from(flow_run_state, "flow_run_id", written, written.c.id,
                           sa.literal(1)).cte("history")
    task_runs, task_history = task_run_repo.first_task_runs_from(written, task_state_columns)
    return sa.select(*written.c).add_cte(history, task_runs, task_history)


def _deployment_columns(fields: DeploymentRunFields | None) -> dict[str, Any]:
    if fields is None:
        return _NO_DEPLOYMENT
    return {name: getattr(fields, name) for name in _DEPLOYMENT_FIELDS}


async def set_state(
    conn: Conn,
    *,
    flow_run_id: uuid.UUID,
    state: NewState,
    expected_version: int | None,
    now: datetime,
    created_by: dict[str, Any] | None = None,
) -> int | None:
    """Move a run to `state` with one conditional UPDATE; returns the new version, or None
    when no row matched (missing run, or `expected_version` is stale). The history row
    records `created_by`, the API key that asked."""
    state_id = new_id()
    now = plain_utc(now)  # once, not per column bound
    kind = (expected_version is not None, state.is_running, state.is_finished)
    params = {"flow_run_id": flow_run_id, "expected_version": expected_version,
              **transition_params(flow_run, state, now, state_id)}
    if conn.dialect.name == "postgresql":  # one statement: the UPDATE and its history row
        history = history_row("flow_run_id", flow_run_id, state_id, 0, state, now, created_by)
        row = await driver.first(conn, _set_state_cte(*kind),
                                 {**params, **history_params(history)})
        return None if row is None else int(row.version)
    return await move_then_record(conn, _set_state_driven(*kind), params, _INSERT_HISTORY,
                                  lambda version: history_row("flow_run_id", flow_run_id,
                                                              state_id, version, state, now,
                                                              created_by))


@cache
def _set_state_driven(versioned: bool, running: bool, finished: bool) -> DriverStatement:
    # a statement of its own (DriverStatement): the CTE below builds on its own copy
    return DriverStatement(_set_state_statement(versioned, running, finished))


@cache
def _set_state_cte(versioned: bool, running: bool, finished: bool) -> DriverStatement:
    return DriverStatement(move_with_history(_set_state_statement(versioned, running, finished),
                                             flow_run, flow_run_state, "flow_run_id"))


def _set_state_statement(versioned: bool, running: bool, finished: bool) -> Any:
    conditions = [flow_run.c.id == sa.bindparam("flow_run_id", type_=sa.Uuid())]
    if versioned:
        conditions.append(flow_run.c.version == sa.bindparam("expected_version"))
    values = transition_values(flow_run, running=running, finished=finished)
    return flow_run.update().where(*conditions).values(values).returning(flow_run.c.version)


async def update(
    conn: Conn, flow_run_id: uuid.UUID, values: dict[str, Any], now: datetime
) -> bool:
    result = await conn.execute(
        flow_run.update().where(flow_run.c.id == flow_run_id).values(updated=now, **values)
    )
    return result.rowcount > 0


async def delete(conn: Conn, flow_run_id: uuid.UUID) -> bool:
    result = await conn.execute(flow_run.delete().where(flow_run.c.id == flow_run_id))
    return result.rowcount > 0
