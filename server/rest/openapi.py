"""The OpenAPI 3.1 document, generated from the operations and the pydantic models that
validate their requests and render their responses (nothing here is written by hand)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema
from starlette.requests import Request
from starlette.responses import Response

from .api_schemas import ErrorResponse
from .schemas import HTTPValidationError

REF = "#/components/schemas/{model}"
Handler = Callable[[Request], Awaitable[Response]]


@dataclass(frozen=True)
class Many:
    """A response that is a JSON array of `model`."""

    model: type[BaseModel]


Body = type[BaseModel] | Many | None
Responses = dict[int, tuple[Body, str]]
Refs = dict[Any, dict[str, Any]]  # (model, mode) -> {"$ref": ...}
_API_VERSION_HEADER = {
    "name": "x-prefect-api-version",
    "in": "header",
    "required": False,
    "schema": {"type": "string", "title": "X-Prefect-Api-Version"},
}
_ERROR_TEXT = {
    401: "No API key, or a wrong, expired or revoked one",
    403: "The API key's scope is below the operation's",
    413: "The request body is over FLOWRUN_MAX_BODY_BYTES",
    404: "Not Found", 409: "Conflict", 422: "Validation Error", 503: "Service Unavailable",
}

_ALWAYS = (401, 403, 413)  # any route may answer these (auth on; a body over the limit)


@dataclass(frozen=True)
class Operation:
    method: Literal["GET", "POST", "DELETE"]
    path: str
    handler: Handler
    operation_id: str
    summary: str
    tag: str
    responses: Responses
    body: type[BaseModel] | None = None
    path_params: dict[str, str] = field(default_factory=dict)  # name -> description
    errors: Sequence[int] = (422, 503)
    query: Sequence[dict[str, Any]] = ()
    description: str | None = None


def build_document(operations: Sequence[Operation], version: str) -> dict[str, Any]:
    refs, components = _components(operations)
    paths: dict[str, dict[str, Any]] = {}
    for op in operations:
        paths.setdefault(op.path, {})[op.method.lower()] = _operation(op, refs)
    return {
        "openapi": "3.1.0",
        "info": {"title": "flowrun REST API", "version": version,
                 "description": "Prefect 3's REST API for deployments and flow runs, served "
                                "over flowrun's flow runs (seed 003)."},
        "servers": [{"url": "/api"}],
        "paths": paths,
        "components": {"schemas": components},
    }


def _components(operations: Sequence[Operation]) -> tuple[Refs, dict[str, Any]]:
    pairs: dict[tuple[type[BaseModel], JsonSchemaMode], None] = {}
    for op in operations:
        if op.body is not None:
            pairs[(op.body, "validation")] = None
        for body, _ in _responses(op).values():
            if body is not None:
                pairs[(_model(body), "serialization")] = None
    refs, top = models_json_schema(list(pairs), ref_template=REF)
    return dict(refs.items()), top.get("$defs", {})


def _responses(op: Operation) -> Responses:
    errors: Responses = {
        status: (HTTPValidationError if status == 422 else ErrorResponse, _ERROR_TEXT[status])
        for status in (*op.errors, *_ALWAYS)
    }
    return {**op.responses, **errors}


def _operation(op: Operation, refs: Refs) -> Any:
    parameters: list[dict[str, Any]] = [
        {"name": name, "in": "path", "required": True, "description": text,
         "schema": {"type": "string", "format": "uuid", "title": name.title(),
                    "description": text}}
        for name, text in op.path_params.items()
    ]
    parameters += [*op.query, _API_VERSION_HEADER]
    document: dict[str, Any] = {
        "tags": [op.tag],
        "summary": op.summary,
        "operationId": op.operation_id,
        "parameters": parameters,
        "responses": {
            str(status): _response(body, text, refs, "serialization")
            for status, (body, text) in sorted(_responses(op).items())
        },
    }
    if op.description:
        document["description"] = op.description
    if op.body is not None:
        document["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": refs[(op.body, "validation")]}},
        }
    return document


def _model(body: type[BaseModel] | Many) -> type[BaseModel]:
    return body.model if isinstance(body, Many) else body


def _response(
    body: Body,
    text: str,
    refs: Refs,
    mode: JsonSchemaMode,
) -> dict[str, Any]:
    if body is None:
        return {"description": text}
    schema = refs[(_model(body), mode)]
    if isinstance(body, Many):
        schema = {"type": "array", "items": schema}
    return {"description": text, "content": {"application/json": {"schema": schema}}}
