"""Bulk actions on flow runs (cancel, delete, mark as) by a `where` filter, and restart.

Each mutation runs in one write transaction: all matched runs change, or none. The payloads
return the ids changed, so a caller (the web UI, `flowrun flow-run cancel --where`) can say
what happened to which run."""

import uuid
from typing import Annotated

import strawberry

from ...services import bulk_actions as service
from .. import reads
from ..inputs import plain
from ..scalars import JSON
from . import actor, in_transaction, snake_input, snake_type

FlowRun = Annotated["flow_run", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821
FlowRunWhere = Annotated["flow_run_bool_exp", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821


@snake_input
class flow_runs_where_input:
    where: FlowRunWhere = strawberry.field(description="Which runs: the flow_run query's "
                                                       "filter; an empty one is refused")


@snake_input
class set_flow_run_states_by_filter_input:
    where: FlowRunWhere
    state: JSON = strawberry.field(description='The new state, e.g. {"type": "Failed", '
                                               '"message": "Marked by hand"}')


@snake_input
class restart_flow_run_input:
    flow_run_id: uuid.UUID
    version: int = strawberry.field(description="The run's current version (optimistic lock)")


@snake_type
class skipped_flow_run:
    id: uuid.UUID
    state: str
    reason: str


@snake_type
class flow_runs_action_payload:
    ids: list[uuid.UUID] = strawberry.field(description="The runs the action changed")
    skipped: list[skipped_flow_run] = strawberry.field(
        description="Matched runs whose state forbids the action, left as they were")

    @strawberry.field(description="How many runs the action changed")
    def count(self) -> int:
        return len(self.ids)


@snake_type
class restart_flow_run_payload:
    id: uuid.UUID
    version: int
    task_run_ids: list[uuid.UUID] = strawberry.field(
        description="The task runs sent back to Pending")

    @strawberry.field
    async def flow_run(self, info: strawberry.Info) -> FlowRun | None:
        return await reads.load_by_id(info, "flow_run", self.id)


def _payload(result: service.BulkResult) -> flow_runs_action_payload:
    return flow_runs_action_payload(
        ids=result.ids,
        skipped=[skipped_flow_run(id=s.id, state=s.state, reason=s.reason)
                 for s in result.skipped])


@strawberry.type
class BulkActionMutations:
    @strawberry.mutation(description="Cancel every run the filter matches (running ones go to "
                                     "Cancelling); finished runs are skipped")
    async def cancel_flow_runs(
        self, info: strawberry.Info, input: flow_runs_where_input
    ) -> flow_runs_action_payload:
        return _payload(await in_transaction(info, lambda conn: service.cancel_flow_runs(
            conn, where=plain(input.where), actor=actor(info))))

    @strawberry.mutation(description="Delete every run the filter matches, with its states, "
                                     "task runs and logs")
    async def delete_flow_runs(
        self, info: strawberry.Info, input: flow_runs_where_input
    ) -> flow_runs_action_payload:
        return _payload(await in_transaction(info, lambda conn: service.delete_flow_runs(
            conn, where=plain(input.where))))

    @strawberry.mutation(description="Set the state of every run the filter matches")
    async def set_flow_run_states_by_filter(
        self, info: strawberry.Info, input: set_flow_run_states_by_filter_input
    ) -> flow_runs_action_payload:
        return _payload(await in_transaction(
            info, lambda conn: service.set_flow_run_states_by_filter(
                conn, where=plain(input.where), state=input.state, actor=actor(info))))

    @strawberry.mutation(description="Send a Failed, Cancelled or Crashed run back to "
                                     "Scheduled and its failed task runs to Pending")
    async def restart_flow_run(
        self, info: strawberry.Info, input: restart_flow_run_input
    ) -> restart_flow_run_payload:
        result = await in_transaction(info, lambda conn: service.restart_flow_run(
            conn, flow_run_id=input.flow_run_id, version=input.version, actor=actor(info)))
        return restart_flow_run_payload(id=result.id, version=result.version,
                                        task_run_ids=result.task_run_ids)
