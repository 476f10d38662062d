"""Requests generated from the schema and the REST routes: for each operation in the access
table, the smallest request that calls it (required arguments filled with the simplest value
of their type; ids random, so most answer NOT_FOUND or BAD_USER_INPUT, which is past the
access check)."""

from __future__ import annotations

import uuid
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLSchema,
    get_named_type,
)

_SCALARS: dict[str, Any] = {
    "String": "x", "Int": 0, "Float": 0.0, "Boolean": False, "JSON": {}, "jsonb": {},
    "DateTime": "2030-01-01T00:00:00+00:00", "timestamptz": "2030-01-01T00:00:00+00:00",
}


def minimal(type_: GraphQLInputType) -> Any:
    if isinstance(type_, GraphQLNonNull):
        return minimal(type_.of_type)
    if isinstance(type_, GraphQLList):
        return []
    if isinstance(type_, GraphQLInputObjectType):
        return {name: minimal(field.type) for name, field in type_.fields.items()
                if isinstance(field.type, GraphQLNonNull) and field.default_value is None}
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if type_.name in ("UUID", "uuid", "ID"):
        return str(uuid.uuid4())
    return _SCALARS[type_.name]


def graphql_request(schema: GraphQLSchema, operation: str) -> dict[str, Any]:
    """{"query", "variables"} calling one root field, e.g. "Mutation.create_flow_run"."""
    root_name, field_name = operation.split(".", 1)
    root = {"Query": schema.query_type, "Mutation": schema.mutation_type,
            "Subscription": schema.subscription_type}[root_name]
    assert root is not None
    field: GraphQLField = root.fields[field_name]
    required = {name: arg for name, arg in field.args.items()
                if isinstance(arg.type, GraphQLNonNull)}
    declared = ", ".join(f"${name}: {arg.type}" for name, arg in required.items())
    passed = ", ".join(f"{name}: ${name}" for name in required)
    selection = " { __typename }" if isinstance(get_named_type(field.type),
                                                 GraphQLObjectType) else ""
    call = f"{field_name}({passed})" if passed else field_name
    keyword = root_name.lower()
    query = f"{keyword}{f'({declared})' if declared else ''} {{ {call}{selection} }}"
    return {"query": query,
            "variables": {name: minimal(arg.type) for name, arg in required.items()}}


def rest_request(operation: str) -> tuple[str, str, Any]:
    """(method, path under the server, JSON body or None) for "POST /api/flow_runs/filter"."""
    method, path = operation.split(" ", 1)
    path = path.replace("{id}", str(uuid.uuid4()))
    return method, path, {} if method == "POST" else None
