"""Scalars. Reads speak Hasura's names (uuid, timestamptz, jsonb); mutation inputs speak
Prefect Server's (UUID, DateTime, JSON). A value that does not parse is a clear error."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, NewType

import strawberry
from graphql import ValueNode, value_from_ast_untyped

from ..domain.errors import InvalidInput

Uuid = NewType("Uuid", uuid.UUID)
Timestamptz = NewType("Timestamptz", datetime)
Jsonb = NewType("Jsonb", object)
JSON = NewType("JSON", object)
DateTime = NewType("DateTime", object)


def parse_uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput(f"{value!r} is not a valid UUID") from None


def _literal(node: ValueNode, variables: dict[str, Any] | None = None) -> Any:
    return value_from_ast_untyped(node, variables)


def _uuid_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> uuid.UUID:
    return parse_uuid(_literal(node, variables))


def _serialize_time(value: datetime) -> str:
    return value.isoformat()


def _time_value(value: Any) -> Any:
    if not isinstance(value, str):
        raise InvalidInput(f"{value!r} is not a date and time string")
    return value


def _time_literal(node: ValueNode, variables: dict[str, Any] | None = None) -> Any:
    return _time_value(_literal(node, variables))


def _identity(value: Any) -> Any:
    return value


SCALARS: dict[object, Any] = {
    Uuid: strawberry.scalar(
        name="uuid", serialize=str, parse_value=parse_uuid, parse_literal=_uuid_literal
    ),
    uuid.UUID: strawberry.scalar(
        name="UUID", serialize=str, parse_value=parse_uuid, parse_literal=_uuid_literal
    ),
    Timestamptz: strawberry.scalar(
        name="timestamptz",
        serialize=_serialize_time,
        parse_value=_time_value,
        parse_literal=_time_literal,
    ),
    DateTime: strawberry.scalar(
        name="DateTime",
        description="ISO 8601 with an offset, or 'YYYY-MM-DD HH:MM:SS' read as UTC",
        serialize=_serialize_time,
        parse_value=_time_value,
        parse_literal=_time_literal,
    ),
    Jsonb: strawberry.scalar(
        name="jsonb", serialize=_identity, parse_value=_identity, parse_literal=_literal
    ),
    JSON: strawberry.scalar(
        name="JSON",
        description="Any JSON value; object fields also accept a string holding JSON",
        serialize=_identity,
        parse_value=_identity,
        parse_literal=_literal,
    ),
}
