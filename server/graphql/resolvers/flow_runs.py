import uuid
from typing import Annotated

import strawberry

from ...domain.states import state_from_document
from ...services import flow_runs as service
from .. import reads
from ..scalars import JSON, DateTime
from . import actor, done, in_transaction, snake_input, snake_type, success_payload

FlowRun = Annotated["flow_run", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821


@snake_input
class create_flow_run_input:
    flow_id: uuid.UUID | None = None
    flow_group_id: uuid.UUID | None = None
    version_group_id: str | None = None
    parameters: JSON | None = None
    context: JSON | None = None
    scheduled_start_time: DateTime | None = None
    flow_run_name: str | None = None
    labels: list[str] | None = None
    run_config: JSON | None = None
    idempotency_key: str | None = None


@snake_input
class set_flow_run_state_input:
    flow_run_id: uuid.UUID
    state: JSON
    version: int | None = None


@snake_input
class set_flow_run_states_input:
    states: list[set_flow_run_state_input]


@snake_input
class flow_run_id_input:
    flow_run_id: uuid.UUID


@snake_input
class cancel_flow_run_input:
    flow_run_id: uuid.UUID


@snake_input
class set_flow_run_name_input:
    flow_run_id: uuid.UUID
    name: str


@snake_input
class set_flow_run_labels_input:
    flow_run_id: uuid.UUID
    labels: list[str]


@snake_type
class flow_run_id_payload:
    id: uuid.UUID
    created: bool = strawberry.field(description="False when an idempotency key named an "
                                                 "existing run")

    @strawberry.field
    async def flow_run(self, info: strawberry.Info) -> FlowRun | None:
        return await reads.load_by_id(info, "flow_run", self.id)


@snake_type
class set_flow_run_state_payload:
    id: uuid.UUID
    version: int
    status: str = "SUCCESS"
    message: str | None = None

    @strawberry.field
    async def flow_run(self, info: strawberry.Info) -> FlowRun | None:
        return await reads.load_by_id(info, "flow_run", self.id)


@snake_type
class set_flow_run_states_payload:
    states: list[set_flow_run_state_payload]


@snake_type
class cancel_flow_run_payload:
    state: str


def _moment(value: object) -> str | None:
    """The DateTime scalar hands over the string it was given (scalars.py); the service
    parses it."""
    assert value is None or isinstance(value, str)
    return value


def _state_change(item: set_flow_run_state_input, info: strawberry.Info
                  ) -> service.SetFlowRunState:
    return service.SetFlowRunState(item.flow_run_id, state_from_document(item.state),
                                   item.version, actor(info))


@strawberry.type
class FlowRunMutations:
    @strawberry.mutation(description="Create a run of a flow, or of a flow group's unique "
                                     "unarchived flow")
    async def create_flow_run(
        self, info: strawberry.Info, input: create_flow_run_input
    ) -> flow_run_id_payload:
        request = service.CreateFlowRun(
            flow_id=input.flow_id, flow_group_id=input.flow_group_id,
            version_group_id=input.version_group_id, parameters=input.parameters,
            context=input.context, scheduled_start_time=_moment(input.scheduled_start_time),
            flow_run_name=input.flow_run_name, labels=input.labels,
            run_config=input.run_config, idempotency_key=input.idempotency_key,
            actor=actor(info),
        )
        window = info.context.settings.idempotency_window
        run = await in_transaction(info, lambda conn: service.create_flow_run(
            conn, request, idempotency_window=window, returning=False),
            one_statement=request.writes_once)
        return flow_run_id_payload(id=run.id, created=run.created)

    @strawberry.mutation(description="Set a run's state; a version must match the current one")
    async def set_flow_run_state(
        self, info: strawberry.Info, input: set_flow_run_state_input
    ) -> set_flow_run_state_payload:
        info.context.limits.state(input.state)
        change = _state_change(input, info)
        version = await in_transaction(
            info, lambda conn: service.set_flow_run_state(conn, change), one_statement=True)
        return set_flow_run_state_payload(id=input.flow_run_id, version=version)

    @strawberry.mutation(description="Set several runs' states at once: all or nothing")
    async def set_flow_run_states(
        self, info: strawberry.Info, input: set_flow_run_states_input
    ) -> set_flow_run_states_payload:
        info.context.limits.state_changes([item.state for item in input.states])
        changes = [_state_change(item, info) for item in input.states]
        versions = await in_transaction(
            info, lambda conn: service.set_flow_run_states(conn, changes))
        return set_flow_run_states_payload(states=[
            set_flow_run_state_payload(id=change.flow_run_id, version=version)
            for change, version in zip(changes, versions, strict=True)
        ])

    @strawberry.mutation
    async def cancel_flow_run(
        self, info: strawberry.Info, input: cancel_flow_run_input
    ) -> cancel_flow_run_payload:
        state = await in_transaction(
            info, lambda conn: service.cancel_flow_run(conn, flow_run_id=input.flow_run_id,
                                                       actor=actor(info)))
        return cancel_flow_run_payload(state=state)

    @strawberry.mutation
    async def set_flow_run_name(
        self, info: strawberry.Info, input: set_flow_run_name_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_flow_run_name(
            conn, flow_run_id=input.flow_run_id, name=input.name)))

    @strawberry.mutation
    async def set_flow_run_labels(
        self, info: strawberry.Info, input: set_flow_run_labels_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_flow_run_labels(
            conn, flow_run_id=input.flow_run_id, labels=input.labels)))

    @strawberry.mutation
    async def delete_flow_run(
        self, info: strawberry.Info, input: flow_run_id_input
    ) -> success_payload:
        return done(await in_transaction(
            info, lambda conn: service.delete_flow_run(conn, flow_run_id=input.flow_run_id)))
