"""The private Strawberry attributes flowrun reads (server/graphql/strawberry_private.py) still
exist with the types it expects: this fails loudly on a Strawberry upgrade that moves them."""

from __future__ import annotations

import strawberry
from graphql import GraphQLSchema

from server.graphql.schema import build_schema
from server.graphql.strawberry_private import core_schema, resolve_info


def test_a_strawberry_schema_still_wraps_a_graphql_core_schema() -> None:
    schema = build_schema()
    assert isinstance(core_schema(schema), GraphQLSchema)
    assert core_schema(schema).query_type is not None


def test_a_strawberry_info_still_holds_its_graphql_core_resolve_info() -> None:
    @strawberry.type
    class Query:
        @strawberry.field
        def probe(self, info: strawberry.Info) -> str:
            raw = resolve_info(info)  # selection.py reads these two
            return f"{raw.field_nodes[0].name.value}:{sorted(raw.fragments)}"

    result = strawberry.Schema(query=Query).execute_sync("{ probe }")
    assert result.errors is None
    assert result.data == {"probe": "probe:[]"}
