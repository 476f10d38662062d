"""The schema: generated Hasura-style reads plus the mutations, snake_case as in Prefect."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig

from .generated import Query as GeneratedQuery
from .resolvers.agents import AgentMutations
from .resolvers.api_keys import ApiKeyMutations, ApiKeyQueries
from .resolvers.bulk_actions import BulkActionMutations
from .resolvers.concurrency import ConcurrencyMutations, ConcurrencyQueries
from .resolvers.deployments import DeploymentMutations
from .resolvers.flow_runs import FlowRunMutations
from .resolvers.flows import FlowMutations
from .resolvers.late_runs import LateRunMutations
from .resolvers.logs import LogMutations
from .resolvers.prefect1 import Prefect1Mutations, Prefect1Queries
from .resolvers.projects import ProjectMutations
from .resolvers.schedules import ScheduleMutations
from .resolvers.task_runs import TaskRunMutations, TaskRunQueries
from .scalars import SCALARS
from .subscriptions import build_subscription_type


@strawberry.type
class Query(GeneratedQuery, TaskRunQueries, Prefect1Queries, ApiKeyQueries,
            ConcurrencyQueries):
    pass


@strawberry.type
class Mutation(
    FlowRunMutations, FlowMutations, ProjectMutations, LogMutations, AgentMutations,
    DeploymentMutations, TaskRunMutations, Prefect1Mutations, ApiKeyMutations,
    BulkActionMutations, ConcurrencyMutations, LateRunMutations, ScheduleMutations,
):
    pass


# Every query root field is also a live subscription; plus the <table>_stream fields.
Subscription = build_subscription_type(Query)


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        config=StrawberryConfig(auto_camel_case=False, scalar_map=SCALARS),
    )
