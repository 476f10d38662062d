import uuid
from typing import Annotated

import strawberry

from ...services import flows as service
from .. import reads
from ..scalars import JSON
from . import done, in_transaction, snake_input, snake_type, success_payload

Flow = Annotated["flow", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821


@snake_input
class create_flow_input:
    serialized_flow: JSON
    project_id: uuid.UUID
    version_group_id: str | None = None
    set_schedule_active: bool | None = None
    description: str | None = None
    idempotency_key: str | None = None


@snake_input
class flow_id_input:
    flow_id: uuid.UUID


@snake_input
class set_flow_group_default_parameters_input:
    flow_group_id: uuid.UUID
    parameters: JSON


@snake_input
class set_flow_group_labels_input:
    flow_group_id: uuid.UUID
    labels: list[str] | None = None


@snake_type
class flow_id_payload:
    id: uuid.UUID

    @strawberry.field
    async def flow(self, info: strawberry.Info) -> Flow | None:
        return await reads.load_by_id(info, "flow", self.id)


@strawberry.type
class FlowMutations:
    @strawberry.mutation(description="Register a flow; a new version archives the older ones")
    async def create_flow(
        self, info: strawberry.Info, input: create_flow_input
    ) -> flow_id_payload:
        flow_id = await in_transaction(info, lambda conn: service.create_flow(
            conn, serialized_flow=input.serialized_flow, project_id=input.project_id,
            version_group_id=input.version_group_id,
            set_schedule_active=input.set_schedule_active, description=input.description,
            idempotency_key=input.idempotency_key))
        return flow_id_payload(id=flow_id)

    @strawberry.mutation
    async def archive_flow(
        self, info: strawberry.Info, input: flow_id_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_archived(
            conn, flow_id=input.flow_id, archived=True)))

    @strawberry.mutation
    async def unarchive_flow(
        self, info: strawberry.Info, input: flow_id_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_archived(
            conn, flow_id=input.flow_id, archived=False)))

    @strawberry.mutation
    async def delete_flow(
        self, info: strawberry.Info, input: flow_id_input
    ) -> success_payload:
        return done(await in_transaction(
            info, lambda conn: service.delete_flow(conn, flow_id=input.flow_id)))

    @strawberry.mutation
    async def set_flow_group_default_parameters(
        self, info: strawberry.Info, input: set_flow_group_default_parameters_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_group_default_parameters(
            conn, flow_group_id=input.flow_group_id, parameters=input.parameters)))

    @strawberry.mutation
    async def set_flow_group_labels(
        self, info: strawberry.Info, input: set_flow_group_labels_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_group_labels(
            conn, flow_group_id=input.flow_group_id, labels=input.labels)))
