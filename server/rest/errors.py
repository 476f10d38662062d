"""REST errors: the one table of domain/errors.py, rendered as JSON.

    request that does not parse or validate      422  {"detail": [{loc, msg, type, input, ctx}]}
    InvalidInput (a service refused a value)     422  the same shape, code BAD_USER_INPUT
    any other FlowrunError                        its http_status  {"detail", "code", "details"}
    anything else (server/masking.py)             500  the same shape, details.request_id

The 422 shape is seed 003's HTTPValidationError; pydantic's errors map onto it directly."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import orjson
from pydantic import BaseModel
from pydantic_core import ErrorDetails
from starlette.requests import Request
from starlette.responses import Response

from ..domain.errors import FlowrunError, InvalidInput
from ..masking import MaskedError


class JSONResponse(Response):
    media_type = "application/json"

    def render(self, content: Any) -> bytes:
        if isinstance(content, BaseModel):  # straight to bytes, as model_dump_json would say
            return content.__pydantic_serializer__.to_json(content)
        try:
            return orjson.dumps(content, default=str)
        except TypeError:  # an integer beyond 64 bits, echoed back from a refused input
            return json.dumps(content, default=str, ensure_ascii=False).encode()


class RequestInvalid(Exception):
    """A request whose path, query or body does not match its model (a 422)."""

    def __init__(self, errors: Sequence[dict[str, Any]]) -> None:
        super().__init__(f"{len(errors)} validation error(s)")
        self.errors = list(errors)


def from_pydantic(errors: Sequence[ErrorDetails], where: str) -> RequestInvalid:
    """Pydantic's errors with their location prefixed by where they were found ("body")."""
    return RequestInvalid([_entry(error, where) for error in errors])


def _entry(error: ErrorDetails, where: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "loc": [where, *error["loc"]],
        "msg": error["msg"],
        "type": error["type"],
        "input": _plain(error.get("input")),
    }
    if "ctx" in error:
        entry["ctx"] = {key: _plain(value) for key, value in error["ctx"].items()}
    return entry


def _plain(value: Any) -> Any:
    """A JSON-safe form of an error's input or context value."""
    if isinstance(value, bytes):
        return value.decode(errors="replace")
    if value is None or isinstance(value, str | int | float | bool | list | dict):
        return value
    return str(value)


async def request_invalid(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestInvalid)
    return JSONResponse({"detail": exc.errors, "code": InvalidInput.code}, status_code=422)


async def domain_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, FlowrunError)
    if isinstance(exc, InvalidInput):
        return JSONResponse({"detail": [_invalid_entry(exc)], "code": exc.code}, status_code=422)
    headers = {"retry-after": "1"} if exc.retryable else None
    if exc.http_status == 401:
        headers = {"www-authenticate": "Bearer"}
    body = {"detail": exc.message, "code": exc.code, "details": _details(exc)}
    return JSONResponse(body, status_code=exc.http_status, headers=headers)


def internal_error(masked: MaskedError) -> Response:
    body = {"detail": masked.message, "code": masked.code,
            "details": {"request_id": masked.request_id}}
    return JSONResponse(body, status_code=masked.status, headers=masked.headers)


def _invalid_entry(exc: InvalidInput) -> dict[str, Any]:
    field = exc.details.get("field")
    loc = ["body", *str(field).split(".")] if field else ["body"]
    return {"loc": loc, "msg": exc.message, "type": "bad_user_input", "input": None,
            "ctx": _details(exc)}


def _details(exc: FlowrunError) -> dict[str, Any]:
    return {key: _plain(value) for key, value in exc.details.items()}
