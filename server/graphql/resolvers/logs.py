"""write_run_logs: Prefect 1's batch log mutation. Reads go through the generated `log`
query and the `flow_run.logs` relation."""

import uuid

import strawberry

from ...services import logs as service
from ..inputs import plain
from ..scalars import JSON, DateTime
from . import in_transaction, snake_input, success_payload


@snake_input
class write_run_log_input:
    flow_run_id: uuid.UUID
    task_run_id: uuid.UUID | None = None
    timestamp: DateTime | None = None
    name: str | None = None
    message: str | None = None
    level: str | None = None
    info: JSON | None = None


@snake_input
class write_run_logs_input:
    logs: list[write_run_log_input]


@strawberry.type
class LogMutations:
    @strawberry.mutation(description="Write a batch of run logs (levels are stored upper-case)")
    async def write_run_logs(
        self, info: strawberry.Info, input: write_run_logs_input
    ) -> success_payload:
        info.context.limits.logs([item.message for item in input.logs])
        records = [plain(item) for item in input.logs]
        await in_transaction(info, lambda conn: service.write_run_logs(conn, logs=records))
        return success_payload(success=True)
