import uuid
from typing import Annotated

import strawberry

from ...services import projects as service
from .. import reads
from . import done, in_transaction, snake_input, snake_type, success_payload

Project = Annotated["project", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821


@snake_input
class create_project_input:
    name: str
    description: str | None = None
    tenant_id: uuid.UUID | None = strawberry.field(
        default=None, description="Accepted for Prefect 1 clients and ignored")


@snake_input
class delete_project_input:
    project_id: uuid.UUID


@snake_type
class project_id_payload:
    id: uuid.UUID

    @strawberry.field
    async def project(self, info: strawberry.Info) -> Project | None:
        return await reads.load_by_id(info, "project", self.id)


@strawberry.type
class ProjectMutations:
    @strawberry.mutation
    async def create_project(
        self, info: strawberry.Info, input: create_project_input
    ) -> project_id_payload:
        project_id = await in_transaction(info, lambda conn: service.create_project(
            conn, name=input.name, description=input.description))
        return project_id_payload(id=project_id)

    @strawberry.mutation
    async def delete_project(
        self, info: strawberry.Info, input: delete_project_input
    ) -> success_payload:
        return done(await in_transaction(
            info, lambda conn: service.delete_project(conn, project_id=input.project_id)))


