"""Acting on many flow runs at once, and restarting one.

Each bulk action takes a Hasura-style `where` on flow runs, locks what it matches and acts on
all of it in the caller's one transaction: it happens to every matched run or to none, and
returns the ids it changed. A run whose state forbids the action is not an error: cancelling
skips runs that have already finished or are being cancelled, and reports them as `skipped`
with their state, so "cancel every run of flow X" works while some of them are done.

An empty `where` is refused (it would match every run); to mean "every run", say so:
{"id": {"_is_null": false}}. At most BULK_LIMIT runs are matched per call."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from ..domain import clock
from ..domain.access import Actor
from ..domain.errors import Conflict, InvalidInput, NotFound
from ..domain.jsonvalues import json_object
from ..domain.states import NewState, StateType, parse_state, server_state
from ..repository import bulk as repo
from ..repository import flow_runs as run_repo
from ..repository import idempotency
from ..repository import task_runs as task_run_repo
from ..repository.common import Conn, Row
from .flow_runs import SetFlowRunState, set_flow_run_state

BULK_LIMIT = 1000
RESTARTABLE = frozenset({StateType.FAILED.value, StateType.CANCELLED.value,
                         StateType.CRASHED.value})


@dataclass(frozen=True)
class Skipped:
    id: uuid.UUID
    state: str
    reason: str


@dataclass(frozen=True)
class BulkResult:
    ids: list[uuid.UUID]
    skipped: list[Skipped] = field(default_factory=list)


@dataclass(frozen=True)
class RestartResult:
    id: uuid.UUID
    version: int
    task_run_ids: list[uuid.UUID]


async def cancel_flow_runs(conn: Conn, *, where: Any, actor: Actor = None) -> BulkResult:
    """Cancel every matched run: a running one goes to Cancelling (its agent stops it), one
    that has not started to Cancelled; finished and cancelling runs are skipped."""
    done, skipped = [], []
    for row in await _matching(conn, where):
        target = cancel_target(row.state_type)
        if target is None:
            skipped.append(Skipped(row.id, row.state, f"the run is {row.state} already"))
            continue
        await _move(conn, row, server_state(target, "Flow run was cancelled."), actor)
        done.append(row.id)
    return BulkResult(done, skipped)


def cancel_target(state_type: str) -> str | None:
    """The state cancelling a run in this state type leads to; None when it cannot be."""
    if repo.is_finished(state_type) or state_type == StateType.CANCELLING.value:
        return None
    return "Cancelling" if state_type == StateType.RUNNING.value else "Cancelled"


async def delete_flow_runs(conn: Conn, *, where: Any) -> BulkResult:
    """Delete every matched run with its states, task runs and logs, whatever its state."""
    ids = [row.id for row in await _matching(conn, where)]
    await repo.delete_runs(conn, ids)
    for flow_run_id in ids:
        await idempotency.forget_run(conn, flow_run_id)
    return BulkResult(ids)


async def set_flow_run_states_by_filter(
    conn: Conn, *, where: Any, state: Any, actor: Actor = None
) -> BulkResult:
    """Move every matched run to `state` (as set_flow_run_state would, without a version)."""
    document = json_object(state, "state")
    if document is None:
        raise InvalidInput("state is required", field="state")
    new_state = parse_state(document)
    rows = await _matching(conn, where)
    for row in rows:
        await _move(conn, row, new_state, actor)
    return BulkResult([row.id for row in rows])


async def _matching(conn: Conn, where: Any) -> list[Row]:
    condition = json_object(where, "where")
    if not condition:
        raise InvalidInput('where is empty and would match every flow run; give a filter '
                           '(for every run, {"id": {"_is_null": false}})', field="where")
    rows = list(await repo.matching(conn, condition, BULK_LIMIT + 1))
    if len(rows) > BULK_LIMIT:
        raise InvalidInput(f"where matches more than {BULK_LIMIT} flow runs, the most one bulk "
                           "action takes; narrow the filter and repeat", field="where",
                           limit=BULK_LIMIT)
    return rows


async def _move(conn: Conn, row: Row, state: NewState, actor: Actor) -> int:
    return await set_flow_run_state(conn, SetFlowRunState(row.id, state, row.version, actor))


async def restart_flow_run(
    conn: Conn, *, flow_run_id: uuid.UUID, version: int, actor: Actor = None
) -> RestartResult:
    """Send a Failed, Cancelled or Crashed run back to Scheduled (due now) if it is still at
    `version`, and its task runs that did not succeed back to Pending, as Prefect Server v1's
    UI did; a Prefect 1 flow runner then runs only those tasks again."""
    run = await run_repo.get(conn, flow_run_id)
    if run is None:
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")
    if run.state_type not in RESTARTABLE:
        raise Conflict(f"Flow run {flow_run_id} is {run.state}; only a Failed, Cancelled or "
                       "Crashed run can be restarted", state=run.state)
    now = clock.now()
    new_version = await set_flow_run_state(conn, SetFlowRunState(
        flow_run_id, server_state("Scheduled", "Flow run restarted.", now), version, actor))
    pending = server_state("Pending", "Task run reset by a restart of its flow run.")
    task_run_ids = []
    for task in await repo.task_runs_to_restart(conn, flow_run_id):
        await task_run_repo.set_state(conn, task_run_id=task.id, state=pending,
                                      expected_version=None, now=now, created_by=actor)
        task_run_ids.append(task.id)
    return RestartResult(flow_run_id, new_version, task_run_ids)
