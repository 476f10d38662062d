"""Concurrency limits: flow runs by label (and, below, task runs by tag, as Prefect Cloud v1)."""

import uuid

import strawberry

from ...services import concurrency as service
from ...services import task_concurrency
from . import done, in_transaction, snake_input, snake_type, success_payload


@snake_input
class set_flow_concurrency_limit_input:
    name: str = strawberry.field(description="The flow-run label the limit applies to")
    limit: int = strawberry.field(description="At most this many such runs claimed or "
                                              "running at once (0 holds them all)")


@snake_input
class delete_flow_concurrency_limit_input:
    name: str


@snake_input
class update_task_tag_limit_input:
    tag: str
    limit: int = strawberry.field(description="At most this many task runs with the tag run "
                                              "at once (0 holds them all)")


@snake_input
class delete_task_tag_limit_input:
    limit_id: uuid.UUID


@snake_type
class update_task_tag_limit_payload:
    id: uuid.UUID


@snake_type
class flow_concurrency_limit_info:
    id: uuid.UUID
    name: str
    limit: int
    in_use: int = strawberry.field(description="Runs with the label that are Submitted, "
                                               "Running or Cancelling now")


def _info(limit: service.FlowConcurrencyLimit) -> flow_concurrency_limit_info:
    return flow_concurrency_limit_info(id=limit.id, name=limit.name, limit=limit.limit,
                                       in_use=limit.in_use)


@strawberry.type
class ConcurrencyMutations:
    @strawberry.mutation(description="Limit how many flow runs with a label run at once "
                                     "(settled when agents claim runs)")
    async def set_flow_concurrency_limit(
        self, info: strawberry.Info, input: set_flow_concurrency_limit_input
    ) -> flow_concurrency_limit_info:
        return _info(await in_transaction(info, lambda conn: service.set_flow_concurrency_limit(
            conn, name=input.name, limit=input.limit)))

    @strawberry.mutation(description="Remove a label's concurrency limit")
    async def delete_flow_concurrency_limit(
        self, info: strawberry.Info, input: delete_flow_concurrency_limit_input
    ) -> success_payload:
        return done(await in_transaction(
            info, lambda conn: service.delete_flow_concurrency_limit(conn, name=input.name)))

    @strawberry.mutation(description="Limit how many task runs with a tag run at once "
                                     "(Prefect Cloud v1's task tag limits)")
    async def update_task_tag_limit(
        self, info: strawberry.Info, input: update_task_tag_limit_input
    ) -> update_task_tag_limit_payload:
        limit = await in_transaction(info, lambda conn: task_concurrency.update_task_tag_limit(
            conn, tag=input.tag, limit=input.limit))
        return update_task_tag_limit_payload(id=limit.id)

    @strawberry.mutation(description="Remove a task tag limit")
    async def delete_task_tag_limit(
        self, info: strawberry.Info, input: delete_task_tag_limit_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: task_concurrency.delete_task_tag_limit(
            conn, limit_id=input.limit_id)))


@strawberry.type
class ConcurrencyQueries:
    @strawberry.field(description="Every flow-run concurrency limit with its slots in use")
    async def flow_concurrency_limits(
        self, info: strawberry.Info
    ) -> list[flow_concurrency_limit_info]:
        async with info.context.db.read() as conn:
            return [_info(limit) for limit in await service.flow_concurrency_limits(conn)]
