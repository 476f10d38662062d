"""A function's signature as flow parameters: Prefect 1's [{name, required, default}] list and
a JSON Schema built from the type annotations, which the server checks parameters against.

    def hello(name: str = "world", times: int = 1, tags: list[str] | None = None): ...

gives parameters [{"name": "name", "required": false, "default": "world"}, ...] and the schema
{"type": "object", "properties": {"name": {"type": "string", "default": "world"},
 "times": {"type": "integer", "default": 1}, "tags": {"anyOf": [{"type": "array", "items":
 {"type": "string"}}, {"type": "null"}], "default": null}}, "additionalProperties": false}."""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import json
import pathlib
import types
import typing
import uuid
from collections.abc import Callable, Mapping, Sequence
from typing import Any

JSONSchema = dict[str, Any]

_SCALARS: dict[Any, JSONSchema] = {
    bool: {"type": "boolean"},
    int: {"type": "integer"},
    float: {"type": "number"},
    str: {"type": "string"},
    type(None): {"type": "null"},
    dt.datetime: {"type": "string", "format": "date-time"},
    dt.date: {"type": "string", "format": "date"},
    dt.time: {"type": "string", "format": "time"},
    uuid.UUID: {"type": "string", "format": "uuid"},
    pathlib.Path: {"type": "string"},
}
_ARRAYS = (list, tuple, set, frozenset, Sequence)
_OBJECTS = (dict, Mapping)


class SignatureError(ValueError):
    """The function cannot be a flow as written (a default that is not JSON, ...)."""


def parameters_of(func: Callable[..., Any]) -> tuple[list[dict[str, Any]], JSONSchema]:
    """The declared parameters and the JSON Schema of a function's keyword parameters."""
    signature = inspect.signature(func)
    hints = _hints(func)
    declared: list[dict[str, Any]] = []
    properties: dict[str, JSONSchema] = {}
    required: list[str] = []
    open_ended = False
    for param in signature.parameters.values():
        if param.kind is param.VAR_KEYWORD:
            open_ended = True
            continue
        if param.kind in (param.VAR_POSITIONAL, param.POSITIONAL_ONLY):
            continue
        schema = schema_of(hints.get(param.name, param.annotation))
        if param.default is param.empty:
            required.append(param.name)
            declared.append({"name": param.name, "required": True, "default": None})
        else:
            default = _json_default(func, param.name, param.default)
            schema = {**schema, "default": default}
            declared.append({"name": param.name, "required": False, "default": default})
        properties[param.name] = schema
    document: JSONSchema = {"type": "object", "properties": properties,
                            "additionalProperties": open_ended}
    if required:
        document["required"] = required
    return declared, document


def schema_of(annotation: Any) -> JSONSchema:
    """The JSON Schema of one annotation; {} (anything) when it has no JSON equivalent."""
    if annotation is inspect.Parameter.empty or annotation is Any:
        return {}
    if annotation in _SCALARS:
        return dict(_SCALARS[annotation])
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return schema_of(args[0])
    if origin in (typing.Union, types.UnionType):
        options = [schema_of(a) for a in args]
        return {} if {} in options else {"anyOf": options}
    if origin is typing.Literal:
        return {"enum": list(args)}
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return {"enum": [member.value for member in annotation]}
    if annotation in _ARRAYS or origin in _ARRAYS:
        items = schema_of(args[0]) if args else {}
        return {"type": "array", **({"items": items} if items else {})}
    if annotation in _OBJECTS or origin in _OBJECTS:
        values = schema_of(args[1]) if len(args) == 2 else {}
        return {"type": "object", **({"additionalProperties": values} if values else {})}
    return {}


def _hints(func: Callable[..., Any]) -> dict[str, Any]:
    """Resolved annotations (strings under `from __future__ import annotations` included);
    annotations that do not resolve are treated as absent."""
    try:
        return typing.get_type_hints(func, include_extras=True)
    except Exception:
        return {}


def _json_default(func: Callable[..., Any], name: str, value: Any) -> Any:
    if isinstance(value, tuple):
        value = list(value)
    if isinstance(value, enum.Enum):
        value = value.value
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError):
        raise SignatureError(
            f"The default of parameter {name!r} of {func.__name__} is not JSON "
            f"({type(value).__name__}); use a JSON value (string, number, list, dict, None)"
        ) from None
    return value
