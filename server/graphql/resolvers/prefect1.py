"""What Prefect 1's Client needs beyond the core API: registering a flow as a compressed
string with its tasks and edges in batches, schedules on and off, a tenant, an agent
heartbeat, and `hello`."""

import uuid

import strawberry

from ...services import agents as agent_service
from ...services import flows as flow_service
from ...services import tasks as task_service
from ...services import tenants as tenant_service
from ..scalars import JSON
from . import done, in_transaction, snake_input, snake_type, success_payload
from .flows import flow_id_payload


@snake_input
class create_flow_from_compressed_string_input:
    serialized_flow: str = strawberry.field(
        description="base64 of gzip of the flow's JSON (prefect.utilities.graphql.compress)")
    project_id: uuid.UUID
    version_group_id: str | None = None
    set_schedule_active: bool | None = None
    description: str | None = None
    idempotency_key: str | None = strawberry.field(
        default=None, description="The same key as the newest version's returns that version")


@snake_input
class register_tasks_input:
    flow_id: uuid.UUID
    serialized_tasks: list[JSON] | None = None


@snake_input
class register_edges_input:
    flow_id: uuid.UUID
    serialized_edges: list[JSON] | None = None


@snake_input
class set_schedule_active_input:
    flow_id: uuid.UUID


@snake_input
class set_schedule_inactive_input:
    flow_id: uuid.UUID


@snake_input
class create_tenant_input:
    name: str
    slug: str | None = None


@snake_input
class update_agent_heartbeat_input:
    agent_id: uuid.UUID


@snake_type
class tenant_id_payload:
    id: uuid.UUID


@strawberry.type
class Prefect1Mutations:
    @strawberry.mutation(description="Register a flow sent as Prefect 1's compressed string")
    async def create_flow_from_compressed_string(
        self, info: strawberry.Info, input: create_flow_from_compressed_string_input
    ) -> flow_id_payload:
        flow_id = await in_transaction(info, lambda conn: (
            flow_service.create_flow_from_compressed_string(
                conn, serialized_flow=input.serialized_flow, project_id=input.project_id,
                version_group_id=input.version_group_id,
                set_schedule_active=input.set_schedule_active,
                description=input.description, idempotency_key=input.idempotency_key)))
        return flow_id_payload(id=flow_id)

    @strawberry.mutation(description="Add serialized tasks to a flow (a known slug is kept)")
    async def register_tasks(
        self, info: strawberry.Info, input: register_tasks_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: task_service.register_tasks(
            conn, flow_id=input.flow_id, serialized_tasks=input.serialized_tasks)))

    @strawberry.mutation(description="Add serialized edges between a flow's tasks (by slug)")
    async def register_edges(
        self, info: strawberry.Info, input: register_edges_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: task_service.register_edges(
            conn, flow_id=input.flow_id, serialized_edges=input.serialized_edges)))

    @strawberry.mutation(description="Turn a flow's schedule on (a flow without one stays off)")
    async def set_schedule_active(
        self, info: strawberry.Info, input: set_schedule_active_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: flow_service.set_schedule_active(
            conn, flow_id=input.flow_id, active=True)))

    @strawberry.mutation(description="Turn a flow's schedule off")
    async def set_schedule_inactive(
        self, info: strawberry.Info, input: set_schedule_inactive_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: flow_service.set_schedule_active(
            conn, flow_id=input.flow_id, active=False)))

    @strawberry.mutation(description="flowrun serves one tenant: returns its id")
    async def create_tenant(
        self, info: strawberry.Info, input: create_tenant_input
    ) -> tenant_id_payload:
        tenant_id = await in_transaction(info, lambda conn: tenant_service.create_tenant(
            conn, name=input.name, slug=input.slug))
        return tenant_id_payload(id=tenant_id)

    @strawberry.mutation(description="Record that an agent is alive (sets its last_queried)")
    async def update_agent_heartbeat(
        self, info: strawberry.Info, input: update_agent_heartbeat_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: agent_service.update_agent_heartbeat(
            conn, agent_id=input.agent_id)))


@strawberry.type
class Prefect1Queries:
    @strawberry.field(description="A greeting: Prefect 1 agents send `query { hello }` to "
                                  "check their connection")
    def hello(self) -> str:
        return "👋"
