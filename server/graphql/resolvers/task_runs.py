"""Task runs as Prefect 1's CloudTaskRunner calls them: get_or_create_task_run_info when a
task starts, set_task_run_states for each transition, get_task_run_info after a version lock.
Reads of task runs go through the generated `task_run` query and `flow_run.task_runs`."""

import uuid
from typing import Annotated

import strawberry

from ...services import task_concurrency
from ...services import task_runs as service
from .. import reads
from ..scalars import JSON
from . import actor, done, in_transaction, snake_input, snake_type, success_payload

TaskRun = Annotated["task_run", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821


@snake_input
class get_or_create_task_run_info_input:
    flow_run_id: uuid.UUID
    task_id: uuid.UUID
    map_index: int | None = strawberry.field(default=None, description="-1 when not mapped")


@snake_input
class set_task_run_state_input:
    task_run_id: uuid.UUID
    state: JSON
    version: int | None = None
    flow_run_version: int | None = strawberry.field(
        default=None, description="Accepted for Prefect 1 clients and ignored")


@snake_input
class set_task_run_states_input:
    states: list[set_task_run_state_input]


@snake_input
class set_task_run_name_input:
    task_run_id: uuid.UUID
    name: str


@snake_type
class get_or_create_task_run_info_payload:
    id: uuid.UUID
    version: int
    state: str
    serialized_state: JSON | None

    @strawberry.field
    async def task_run(self, info: strawberry.Info) -> TaskRun | None:
        return await reads.load_by_id(info, "task_run", self.id)


@snake_type
class set_task_run_state_payload:
    id: uuid.UUID
    version: int
    status: str = "SUCCESS"
    message: str | None = None

    @strawberry.field
    async def task_run(self, info: strawberry.Info) -> TaskRun | None:
        return await reads.load_by_id(info, "task_run", self.id)


@snake_type
class set_task_run_states_payload:
    states: list[set_task_run_state_payload]


@strawberry.type
class TaskRunMutations:
    @strawberry.mutation(description="The task run of a task in a flow run (at a map index), "
                                      "created Pending if it does not exist yet")
    async def get_or_create_task_run_info(
        self, info: strawberry.Info, input: get_or_create_task_run_info_input
    ) -> get_or_create_task_run_info_payload:
        row = await in_transaction(info, lambda conn: service.get_or_create_task_run(
            conn, flow_run_id=input.flow_run_id, task_id=input.task_id,
            map_index=input.map_index))
        return get_or_create_task_run_info_payload(
            id=row.id, version=row.version, state=row.state,
            serialized_state=row.serialized_state)

    @strawberry.mutation(description="Set task runs' states, all or nothing; a given version "
                                      "must match the current one. A task run whose tag is at "
                                      "its limit does not start: its status is QUEUED")
    async def set_task_run_states(
        self, info: strawberry.Info, input: set_task_run_states_input
    ) -> set_task_run_states_payload:
        info.context.limits.state_changes([item.state for item in input.states])
        changes = [service.StateChange(item.task_run_id, item.state, item.version, actor(info))
                   for item in input.states]
        timeout = info.context.settings.heartbeat_timeout_seconds
        outcomes = await in_transaction(info, lambda conn: task_concurrency.set_task_run_states(
            conn, changes=changes, heartbeat_timeout_seconds=timeout))
        return set_task_run_states_payload(states=[
            set_task_run_state_payload(id=change.task_run_id, version=outcome.version,
                                       status="QUEUED" if outcome.queued else "SUCCESS",
                                       message=outcome.queued)
            for change, outcome in zip(changes, outcomes, strict=True)
        ])

    @strawberry.mutation
    async def set_task_run_name(
        self, info: strawberry.Info, input: set_task_run_name_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_task_run_name(
            conn, task_run_id=input.task_run_id, name=input.name)))


@strawberry.type
class TaskRunQueries:
    @strawberry.field(description="One task run by id (Prefect 1's Client.get_task_run_state)")
    async def get_task_run_info(
        self, info: strawberry.Info, task_run_id: uuid.UUID
    ) -> TaskRun | None:
        async with info.context.db.read() as conn:
            return await service.get_task_run(conn, task_run_id=task_run_id)
