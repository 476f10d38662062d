"""Flow runs, whichever door asks: creating them, moving their states (one or a batch),
cancelling, the small edits around them, and reading them as the REST door reports them.

Commands in (frozen dataclasses, every field named), records out (domain/records.py)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson

from ..domain import clock, parameters
from ..domain.access import Actor
from ..domain.errors import Conflict, InvalidInput, NotFound, VersionMismatch
from ..domain.jsonvalues import json_object, string_list
from ..domain.labels import run_labels
from ..domain.names import random_run_name
from ..domain.records import FlowRunRecord, FlowRunView, RunTarget
from ..domain.states import NewState, server_state
from ..domain.times import parse_time
from ..repository import flow_runs as repo
from ..repository import flows as flow_repo
from ..repository import idempotency
from ..repository.common import Conn
from ..repository.flow_runs import RUN_SORTS, DeploymentRunFields, NewFlowRun, RunFilter
from . import task_runs as task_run_service

__all__ = ["CreateFlowRun", "CreatedRun", "DeploymentRunFields", "RunFilter", "SetFlowRunState"]

# The fields whose difference makes a repeated idempotency key a CONFLICT.
IDEMPOTENT_FIELDS = ("parameters", "context", "scheduled_start_time", "flow_run_name", "labels")


@dataclass(frozen=True, slots=True)
class CreateFlowRun:
    """Everything a door may ask of a new run. Exactly one target (flow_id, flow_group_id or
    version_group_id) is set. JSON fields are as given; the service validates them."""

    flow_id: uuid.UUID | None = None
    flow_group_id: uuid.UUID | None = None
    version_group_id: str | None = None
    parameters: Any = None
    context: Any = None
    scheduled_start_time: str | datetime | None = None
    flow_run_name: str | None = None
    labels: Any = None
    run_config: Any = None
    idempotency_key: str | None = None
    state: NewState | None = None  # None: Scheduled at scheduled_start_time
    deployment: DeploymentRunFields | None = None  # services/deployments.py fills it
    actor: Actor = None  # who asks (audit): recorded on the run and its first state

    @property
    def writes_once(self) -> bool:
        """Whether create_flow_run writes this run with one statement on PostgreSQL (the door
        may then run it with Database.transaction(one_statement=True)): it does unless an
        idempotency key is claimed first."""
        return not self.idempotency_key


@dataclass(frozen=True, slots=True)
class SetFlowRunState:
    """Move a run to `state`; with a version, only if it is still the run's current one."""

    flow_run_id: uuid.UUID
    state: NewState
    version: int | None = None
    actor: Actor = None  # who asks (audit): recorded on the state's history row


@dataclass(frozen=True)
class CreatedRun:
    id: uuid.UUID
    created: bool
    # The run as written and its flow's version: None when an idempotency key named an
    # earlier run (read it), so a door can answer without reading back what it just wrote;
    # `run` is None too when the caller asked for no row back (returning=False).
    run: FlowRunRecord | None = None
    flow_version: int | None = None


async def create_flow_run(
    conn: Conn, request: CreateFlowRun, *, idempotency_window: timedelta,
    group_flows: Sequence[RunTarget] | None = None, returning: bool = True,
) -> CreatedRun:
    """Create a run; a repeated idempotency key names its run for `idempotency_window`
    (the FLOWRUN_IDEMPOTENCY_WINDOW_SECONDS setting, which the door passes). `group_flows`:
    the flow group's unarchived flows (at most two), when the caller read them already.
    `returning=False`: the door answers with the id only, so the run as written is not read
    back (CreatedRun.run is None)."""
    targets = [request.flow_id, request.flow_group_id, request.version_group_id]
    if sum(t is not None for t in targets) != 1:
        raise InvalidInput(
            "Give exactly one of flow_id, flow_group_id or version_group_id"
        )
    given_parameters = json_object(request.parameters, "parameters")
    context = json_object(request.context, "context") or {}
    labels = string_list(request.labels, "labels")
    run_config = json_object(request.run_config, "run_config")
    now = clock.now()
    start = (
        parse_time(request.scheduled_start_time, "scheduled_start_time")
        if request.scheduled_start_time is not None
        else now
    )
    name = request.flow_run_name.strip() if request.flow_run_name else None
    target = await _resolve_target(conn, request, group_flows)
    merged = parameters.merge(
        target.parameters or [], target.group_default_parameters, given_parameters
    )
    parameters.check(target.parameters or [], target.parameter_schema, merged)
    flow_run_id = uuid.uuid4()
    key = request.idempotency_key
    if key:
        fingerprint = {
            "parameters": given_parameters,
            "context": context,
            "scheduled_start_time": start.isoformat() if request.scheduled_start_time else None,
            "flow_run_name": name,
            "labels": labels,
        }
        claim = await idempotency.claim(
            conn, flow_group_id=target.flow_group_id, key=key, flow_run_id=flow_run_id,
            request=fingerprint, now=now, expires_at=now + idempotency_window,
        )
        if claim.flow_run_id != flow_run_id:
            _check_same_request(key, claim.request, fingerprint)
            return CreatedRun(claim.flow_run_id, created=False)
    state = request.state or server_state("Scheduled", "Flow run scheduled.", start)
    written = await repo.insert(conn, flow_run_id=flow_run_id, now=now, state=state, run=NewFlowRun(
        flow_id=target.id,
        name=name or random_run_name(),
        parameters=merged,
        context=context,
        labels=run_labels(labels, target.group_labels, target.labels),
        run_config=run_config if run_config is not None else target.run_config,
        scheduled_start_time=start,
        idempotency_key=key,
        deployment=request.deployment,
        created_by=request.actor,
    ), task_state=task_run_service.first_state() if target.has_tasks else None,
        returning=returning)
    return CreatedRun(flow_run_id, created=True, run=written, flow_version=target.version)


async def _resolve_target(
    conn: Conn, request: CreateFlowRun, group_flows: Sequence[RunTarget] | None
) -> RunTarget:
    if request.flow_id is not None:
        target = await flow_repo.run_target_by_flow_id(conn, request.flow_id)
        if target is None:
            raise NotFound(f"No flow with id {request.flow_id}", field="flow_id")
        if target.archived:
            raise InvalidInput(
                f"Flow {request.flow_id} is archived; run its flow group to use the "
                "current version, or unarchive it",
                field="flow_id",
            )
        return target
    label = (
        f"flow group {request.flow_group_id}"
        if request.flow_group_id is not None
        else f"version group {request.version_group_id!r}"
    )
    targets = group_flows if group_flows is not None else await flow_repo.unarchived_run_targets(
        conn, flow_group_id=request.flow_group_id, version_group_id=request.version_group_id
    )
    if len(targets) == 1:
        return targets[0]
    if len(targets) > 1:
        raise Conflict(
            f"The {label} has several unarchived flows; archive all but one, "
            "or create the run by flow_id"
        )
    if await flow_repo.group_exists(
        conn, flow_group_id=request.flow_group_id, version_group_id=request.version_group_id
    ):
        raise NotFound(f"The {label} has no unarchived flow")
    raise NotFound(f"No {label}")


def _check_same_request(key: str, stored: dict[str, Any], given: dict[str, Any]) -> None:
    differing = [
        name for name in IDEMPOTENT_FIELDS
        if orjson.dumps(stored.get(name), option=orjson.OPT_SORT_KEYS)
        != orjson.dumps(given.get(name), option=orjson.OPT_SORT_KEYS)
    ]
    if differing:
        raise Conflict(
            f"Idempotency key {key!r} was used for a run with different "
            f"{', '.join(differing)}; use a new key for a different run",
            fields=differing,
        )


async def set_flow_run_state(conn: Conn, change: SetFlowRunState) -> int:
    """Move a run to a new state; returns the run's new version. It writes with one statement
    on PostgreSQL (Database.transaction(one_statement=True) may run it)."""
    return await _apply_state(conn, change.flow_run_id, change.state, change.version,
                              change.actor)


async def set_flow_run_states(conn: Conn, changes: Sequence[SetFlowRunState]) -> list[int]:
    """Several state changes in the caller's transaction: all or nothing."""
    return [await set_flow_run_state(conn, change) for change in changes]


async def set_flow_run_state_and_read(conn: Conn, change: SetFlowRunState) -> FlowRunView:
    """Move a run to a new state and read it back, as the REST door reports it (one write
    statement on PostgreSQL, like set_flow_run_state)."""
    await set_flow_run_state(conn, change)
    return await read_flow_run(conn, flow_run_id=change.flow_run_id)


async def _apply_state(
    conn: Conn, flow_run_id: uuid.UUID, state: NewState, version: int | None,
    actor: Actor = None,
) -> int:
    new_version = await repo.set_state(
        conn, flow_run_id=flow_run_id, state=state, expected_version=version, now=clock.now(),
        created_by=actor,
    )
    if new_version is not None:
        return new_version
    current = await repo.current_version(conn, flow_run_id)
    if current is None:
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")
    raise VersionMismatch(
        f"State update failed for flow run {flow_run_id}: version {version} was given but "
        f"the run is at version {current}; read the run again and retry",
        current_version=current,
    )


async def cancel_flow_run(conn: Conn, *, flow_run_id: uuid.UUID, actor: Actor = None) -> str:
    """Cancel a run: a running one goes to Cancelling (its agent stops it), one that has not
    started goes straight to Cancelled; a finished run is left as it is. Returns the state."""
    run = await repo.get(conn, flow_run_id)
    if run is None:
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")
    if run.state_type in ("COMPLETED", "FAILED", "CANCELLED", "CRASHED", "CANCELLING"):
        return str(run.state)
    name = "Cancelling" if run.state_type == "RUNNING" else "Cancelled"
    # Conditional on the version we read: a run that moved meanwhile is not overwritten.
    await _apply_state(
        conn, flow_run_id, server_state(name, "Flow run was cancelled."), run.version, actor
    )
    return name


async def set_flow_run_name(conn: Conn, *, flow_run_id: uuid.UUID, name: str) -> None:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A flow run name cannot be empty", field="name")
    await _update(conn, flow_run_id, {"name": name})


async def set_flow_run_labels(conn: Conn, *, flow_run_id: uuid.UUID, labels: Any) -> None:
    await _update(conn, flow_run_id, {"labels": string_list(labels, "labels") or []})


async def delete_flow_run(conn: Conn, *, flow_run_id: uuid.UUID) -> None:
    if not await repo.delete(conn, flow_run_id):
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")
    await idempotency.forget_run(conn, flow_run_id)


async def _update(conn: Conn, flow_run_id: uuid.UUID, values: dict[str, Any]) -> None:
    if not await repo.update(conn, flow_run_id, values, clock.now()):
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")


async def get_flow_run(conn: Conn, *, flow_run_id: uuid.UUID) -> FlowRunRecord:
    run = await repo.get(conn, flow_run_id)
    if run is None:
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")
    return run


async def read_flow_run(conn: Conn, *, flow_run_id: uuid.UUID) -> FlowRunView:
    """A run with the versions of its flow and deployment (the REST door's FlowRunResponse)."""
    run = await repo.view(conn, flow_run_id)
    if run is None:
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")
    return run


async def filter_flow_runs(conn: Conn, *, run_filter: RunFilter) -> list[FlowRunView]:
    if run_filter.sort not in RUN_SORTS:
        raise InvalidInput(
            f"sort {run_filter.sort!r} is not one of: {', '.join(RUN_SORTS)}", field="sort"
        )
    return await repo.views(conn, run_filter)


async def update_flow_run_heartbeat(conn: Conn, *, flow_run_id: uuid.UUID) -> None:
    """Record that the process running this run is alive (the zombie killer reads it)."""
    await _update(conn, flow_run_id, {"heartbeat": clock.now()})
