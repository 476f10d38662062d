"""Late runs: a flow group's setting to skip runs that are too late (flow_run.late, and
`flow_run_aggregate(where: {late: {_eq: true}})` for the count, come from the generated API)."""

import uuid

import strawberry

from ...services import late_runs as service
from . import done, in_transaction, snake_input, success_payload


@snake_input
class set_flow_group_skip_late_runs_input:
    flow_group_id: uuid.UUID
    after_seconds: float | None = strawberry.field(
        default=None, description="Cancel the group's runs more than this many seconds late; "
                                  "null: never skip")


@strawberry.type
class LateRunMutations:
    @strawberry.mutation(description="Skip (cancel, saying why) a flow group's runs that are "
                                     "more than after_seconds late")
    async def set_flow_group_skip_late_runs(
        self, info: strawberry.Info, input: set_flow_group_skip_late_runs_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: service.set_flow_group_skip_late_runs(
            conn, flow_group_id=input.flow_group_id, after_seconds=input.after_seconds)))
