"""The schema: generated Hasura-style reads plus the mutations, snake_case as in Prefect."""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig

from .generated import Query
from .resolvers.flow_runs import FlowRunMutations
from .resolvers.flows import FlowMutations
from .resolvers.projects import ProjectMutations
from .scalars import SCALARS


@strawberry.type
class Mutation(FlowRunMutations, FlowMutations, ProjectMutations):
    pass


def build_schema() -> strawberry.Schema:
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        config=StrawberryConfig(auto_camel_case=False, scalar_map=SCALARS),
    )
