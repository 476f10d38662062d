"""Coercion of JSON-ish input: an object, or a string holding a JSON object (as in the seeds)."""

from __future__ import annotations

from typing import Any

import orjson

from .errors import InvalidInput


def json_object(value: Any, field: str) -> dict[str, Any] | None:
    """Return `value` as a dict; a string is parsed as JSON. None stays None."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = orjson.loads(value)
        except orjson.JSONDecodeError as exc:
            raise InvalidInput(
                f"{field} is not valid JSON ({exc.msg} at position {exc.pos}); "
                'send an object such as {"a": 2} or a string holding one',
                field=field,
            ) from None
        if value is None:
            return None
    if not isinstance(value, dict):
        raise InvalidInput(
            f"{field} must be a JSON object, not {json_type_name(value)}", field=field
        )
    return value


def string_list(value: Any, field: str) -> list[str] | None:
    """Return `value` as a list of strings (labels); a string is parsed as JSON."""
    if value is None:
        return None
    if isinstance(value, str):
        try:
            value = orjson.loads(value)
        except orjson.JSONDecodeError:
            raise InvalidInput(f"{field} must be a list of strings", field=field) from None
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InvalidInput(f"{field} must be a list of strings", field=field)
    return list(dict.fromkeys(value))


def json_type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"
