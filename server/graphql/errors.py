"""GraphQL errors: every domain error maps to `extensions.code` by the one table in
domain/errors.py; anything unexpected is masked and logged with the request id."""

from __future__ import annotations

from typing import Any

from graphql import GraphQLError

from ..domain.errors import FlowrunError
from ..masking import mask

BAD_USER_INPUT = "BAD_USER_INPUT"
PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"


def format_error(error: GraphQLError, request_id: str) -> dict[str, Any]:
    original = error.original_error
    while isinstance(original, GraphQLError):  # graphql-core wraps coercion errors in layers
        original = original.original_error
    extensions: dict[str, Any]
    if isinstance(original, FlowrunError):
        message = error.message if error.path is None else original.message
        extensions = {"code": original.code, **_details(original)}
    elif original is None or (isinstance(original, ValueError | TypeError) and error.path is None):
        # graphql-core's own checks: variables that do not coerce, values of the wrong type.
        message, extensions = error.message, {"code": BAD_USER_INPUT}
    else:
        masked = mask(original, request_id)
        message = masked.message
        extensions = {"code": masked.code, "request_id": masked.request_id}
    out: dict[str, Any] = {"message": message, "extensions": extensions}
    if error.locations:
        out["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    if error.path:
        out["path"] = error.path
    return out


def _details(error: FlowrunError) -> dict[str, Any]:
    details = {k: v for k, v in error.details.items() if _is_json(v)}
    if error.retryable:
        details["retryable"] = True
    return details


def _is_json(value: Any) -> bool:
    return isinstance(value, str | int | float | bool | list | dict) or value is None


def request_error(message: str, code: str) -> dict[str, Any]:
    return {"message": message, "extensions": {"code": code}}


def refused(error: FlowrunError) -> dict[str, Any]:
    """A domain error that refused the whole request before execution (401, 403, 503)."""
    return {"message": error.message, "extensions": {"code": error.code, **_details(error)}}
