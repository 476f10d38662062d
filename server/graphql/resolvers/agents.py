"""What agents call: register, look at the queue, claim runs, heartbeat.

The names and input/payload types are Prefect 1's where Prefect 1 has the mutation
(register_agent, get_runs_in_queue, update_flow_run_heartbeat); `claim_flow_runs` is ours:
it moves due runs to Submitted for one agent atomically, so agents never race."""

import uuid
from typing import Annotated

import strawberry

from ...services import agents as service
from ...services import flow_runs as run_service
from .. import reads
from ..scalars import DateTime
from . import actor, done, in_transaction, snake_input, snake_type, success_payload

FlowRun = Annotated["flow_run", strawberry.lazy("server.graphql.generated")]  # type: ignore[name-defined]  # noqa: F821


@snake_input
class register_agent_input:
    type: str
    name: str | None = None
    labels: list[str] | None = None
    tenant_id: uuid.UUID | None = strawberry.field(
        default=None, description="Accepted for Prefect 1 agents and ignored")
    agent_config_id: uuid.UUID | None = None
    core_version: str | None = None


@snake_input
class get_runs_in_queue_input:
    before: DateTime | None = None
    labels: list[str] | None = None
    tenant_id: uuid.UUID | None = strawberry.field(
        default=None, description="Accepted for Prefect 1 agents and ignored")
    agent_id: uuid.UUID | None = None


@snake_input
class claim_flow_runs_input:
    agent_id: uuid.UUID
    labels: list[str] | None = strawberry.field(
        default=None, description="Defaults to the labels the agent registered with")
    before: DateTime | None = strawberry.field(
        default=None, description="Claim runs due by this time (default: now)")
    limit: int = 1


@snake_input
class update_flow_run_heartbeat_input:
    flow_run_id: uuid.UUID


@snake_type
class agent_id_payload:
    id: uuid.UUID


@snake_type
class runs_in_queue_payload:
    flow_run_ids: list[str]


@snake_type
class claimed_flow_run:
    id: uuid.UUID
    version: int = strawberry.field(description="The run's version once it is Submitted")

    @strawberry.field
    async def flow_run(self, info: strawberry.Info) -> FlowRun | None:
        return await reads.load_by_id(info, "flow_run", self.id)


@snake_type
class claim_flow_runs_payload:
    flow_runs: list[claimed_flow_run]


@strawberry.type
class AgentMutations:
    @strawberry.mutation(description="Register an agent; returns its id")
    async def register_agent(
        self, info: strawberry.Info, input: register_agent_input
    ) -> agent_id_payload:
        agent_id = await in_transaction(info, lambda conn: service.register_agent(
            conn, type=input.type, name=input.name, labels=input.labels,
            core_version=input.core_version, agent_config_id=input.agent_config_id))
        return agent_id_payload(id=agent_id)

    @strawberry.mutation(description="Ids of Scheduled runs that are due and whose labels "
                                     "are all among the given (or the agent's) labels")
    async def get_runs_in_queue(
        self, info: strawberry.Info, input: get_runs_in_queue_input
    ) -> runs_in_queue_payload:
        ids = await in_transaction(info, lambda conn: service.get_runs_in_queue(
            conn, before=input.before, labels=input.labels,  # type: ignore[arg-type]
            agent_id=input.agent_id))
        return runs_in_queue_payload(flow_run_ids=[str(i) for i in ids])

    @strawberry.mutation(description="Atomically move up to `limit` due runs from Scheduled "
                                     "to Submitted for this agent; no two agents get one run")
    async def claim_flow_runs(
        self, info: strawberry.Info, input: claim_flow_runs_input
    ) -> claim_flow_runs_payload:
        claimed = await in_transaction(info, lambda conn: service.claim_flow_runs(
            conn, agent_id=input.agent_id, labels=input.labels,
            before=input.before, limit=input.limit, actor=actor(info)))  # type: ignore[arg-type]
        runs = [claimed_flow_run(id=c.id, version=c.version) for c in claimed]
        return claim_flow_runs_payload(flow_runs=runs)

    @strawberry.mutation(description="Record that the process running a flow run is alive")
    async def update_flow_run_heartbeat(
        self, info: strawberry.Info, input: update_flow_run_heartbeat_input
    ) -> success_payload:
        return done(await in_transaction(info, lambda conn: run_service.update_flow_run_heartbeat(
            conn, flow_run_id=input.flow_run_id)))
