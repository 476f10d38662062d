import uuid
from typing import Annotated

import strawberry

from ...services import deployments as service
from .. import reads
from ..scalars import JSON
from . import done, in_transaction, snake_input, snake_type, success_payload

Deployment = Annotated["deployment", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821


@snake_input
class create_deployment_input:
    name: str
    flow_group_id: uuid.UUID | None = None
    flow_id: uuid.UUID | None = None
    description: str | None = None
    version: str | None = None
    parameters: JSON | None = None
    parameter_openapi_schema: JSON | None = None
    enforce_parameter_schema: bool = True
    tags: list[str] | None = None
    labels: JSON | None = None
    work_queue_name: str | None = None
    job_variables: JSON | None = None


@snake_input
class deployment_id_input:
    deployment_id: uuid.UUID


@snake_type
class deployment_id_payload:
    id: uuid.UUID

    @strawberry.field
    async def deployment(self, info: strawberry.Info) -> Deployment | None:
        return await reads.load_by_id(info, "deployment", self.id)


@strawberry.type
class DeploymentMutations:
    @strawberry.mutation(description="Create a deployment: a named, reusable way to run a flow "
                                     "group (give flow_group_id, or flow_id for its group)")
    async def create_deployment(
        self, info: strawberry.Info, input: create_deployment_input
    ) -> deployment_id_payload:
        spec = service.DeploymentSpec(
            name=input.name, flow_group_id=input.flow_group_id, flow_id=input.flow_id,
            description=input.description, version=input.version, parameters=input.parameters,
            parameter_openapi_schema=input.parameter_openapi_schema,
            enforce_parameter_schema=input.enforce_parameter_schema, tags=input.tags,
            labels=input.labels, work_queue_name=input.work_queue_name,
            job_variables=input.job_variables,
        )
        row = await in_transaction(info, lambda conn: service.create_deployment(conn, spec))
        return deployment_id_payload(id=row.id)

    @strawberry.mutation(description="Delete a deployment; its runs stay")
    async def delete_deployment(
        self, info: strawberry.Info, input: deployment_id_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.delete_deployment(
            conn, deployment_id=input.deployment_id)))
