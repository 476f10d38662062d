"""Task runs: created with their flow run, found or created by a flow runner, moved through
states with optional version locking (Prefect 1's CloudTaskRunner sends a version only with
Running states, and null otherwise)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from ..domain import clock
from ..domain.access import Actor
from ..domain.errors import Conflict, InvalidInput, NotFound, VersionMismatch
from ..domain.jsonvalues import json_object
from ..domain.states import NewState, StateType, parse_state, server_state
from ..repository import flow_runs as flow_run_repo
from ..repository import task_runs as repo
from ..repository import tasks as task_repo
from ..repository.common import Conn, Row

CREATED_MESSAGE = "Task run created"


def first_state() -> NewState:
    """The state a flow run's task runs are created in."""
    return server_state("Pending", CREATED_MESSAGE)


async def create_for_flow_run(
    conn: Conn, *, flow_run_id: uuid.UUID, flow_id: uuid.UUID, actor: Actor = None
) -> None:
    """Give a new flow run one Pending task run per task of its flow (map_index -1): a Prefect
    1 flow runner learns its tasks' ids from these."""
    tasks = await task_repo.of_flow(conn, flow_id)
    if tasks:
        await repo.insert_many(
            conn, flow_run_id, tasks, first_state(), clock.now(),
            actor,
        )


async def get_or_create_task_run(
    conn: Conn, *, flow_run_id: uuid.UUID, task_id: uuid.UUID, map_index: int | None = None
) -> Row:
    """The task run of this task in this flow run at this map index (-1: not mapped)."""
    index = -1 if map_index is None else map_index
    if index < -1:
        raise InvalidInput("map_index must be -1 (not mapped) or an index from 0",
                           field="map_index")
    run = await flow_run_repo.get(conn, flow_run_id)
    if run is None:
        raise NotFound(f"No flow run with id {flow_run_id}", field="flow_run_id")
    task = await task_repo.belongs_to_flow(conn, task_id, run.flow_id)
    if task is None:
        raise NotFound(f"No task with id {task_id} in the flow of flow run {flow_run_id}",
                       field="task_id")
    return await repo.get_or_create(
        conn, flow_run_id=flow_run_id, task_id=task_id, map_index=index,
        cache_key=task.cache_key, state=server_state("Pending", CREATED_MESSAGE),
        now=clock.now(),
    )


async def get_task_run(conn: Conn, *, task_run_id: uuid.UUID) -> Row:
    run = await repo.get(conn, task_run_id)
    if run is None:
        raise NotFound(f"No task run with id {task_run_id}", field="task_run_id")
    return run


@dataclass(frozen=True)
class StateChange:
    task_run_id: uuid.UUID
    state: Any
    version: int | None = None
    actor: Actor = None  # who asks (audit): recorded on the state's history row


async def set_task_run_states(conn: Conn, *, changes: list[StateChange]) -> list[int]:
    """Apply each change in order, all or nothing; returns each task run's new version."""
    return [await set_task_run_state(conn, task_run_id=change.task_run_id,
                                     state=change.state, version=change.version,
                                     actor=change.actor)
            for change in changes]


async def set_task_run_state(
    conn: Conn, *, task_run_id: uuid.UUID, state: Any, version: int | None = None,
    actor: Actor = None,
) -> int:
    """Move a task run to a new state; with a version, only if it is still the current one.
    A task run enters a running state only while its flow run is Running."""
    document = json_object(state, "state")
    if document is None:
        raise InvalidInput("state is required", field="state")
    new_state = parse_state(document)
    new_version = await repo.set_state(
        conn, task_run_id=task_run_id, state=new_state, expected_version=version,
        now=clock.now(), created_by=actor,
    )
    if new_version is not None:
        return new_version
    found = await repo.why_not_moved(conn, task_run_id)
    if found is None:
        raise NotFound(f"No task run with id {task_run_id}", field="task_run_id")
    if version is not None and found.version != version:
        raise VersionMismatch(
            f"State update failed for task run {task_run_id}: version {version} was given "
            f"but the task run is at version {found.version}; read it again and retry",
            current_version=found.version,
        )
    if new_state.is_running and found.flow_run_state_type != StateType.RUNNING.value:
        raise Conflict(
            f"State update failed for task run {task_run_id}: it cannot enter "
            f"{new_state.name} while its flow run is {found.flow_run_state}, not Running",
            flow_run_state=found.flow_run_state,
        )
    raise Conflict(f"State update failed for task run {task_run_id}; retry")


async def set_task_run_name(conn: Conn, *, task_run_id: uuid.UUID, name: str) -> None:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A task run name cannot be empty", field="name")
    if not await repo.set_name(conn, task_run_id, name, clock.now()):
        raise NotFound(f"No task run with id {task_run_id}", field="task_run_id")
