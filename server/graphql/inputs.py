"""Turning Strawberry input objects into the plain dicts the repository compiles."""

from __future__ import annotations

import enum
from typing import Any

from strawberry.types.base import has_object_definition
from strawberry.types.unset import UNSET


def plain(value: Any) -> Any:
    """Strawberry input object -> dict of the fields that were given (recursively)."""
    if value is None or value is UNSET:
        return None
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, enum.Enum):
        return value.value
    if has_object_definition(value):
        out = {}
        for f in value.__strawberry_definition__.fields:
            item = getattr(value, f.python_name)
            if item is not UNSET:
                out[f.name] = plain(item)
        return out
    return value
