"""Reading a request into its model: the body, path parameters. Whatever does not fit raises
RequestInvalid (a 422 with every problem listed), never a 500."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from typing import Any, TypeVar

import pydantic
from pydantic import BaseModel, TypeAdapter
from starlette.requests import Request

from .errors import RequestInvalid, from_pydantic

M = TypeVar("M", bound=BaseModel)
_UUID: TypeAdapter[uuid.UUID] = TypeAdapter(uuid.UUID)
_NUL = "\x00"
_INT64 = -(2**63)
# What a body must hold for _unstorable to find anything: U+0000 can only be written in JSON
# as the escape \u0000, and an integer beyond 64 bits has at least 19 digits. A body without
# either is not walked (the walk over the whole model was a twentieth of a REST create).
_MAYBE_UNSTORABLE = re.compile(rb"\\u0000|[0-9]{19}")


async def body(request: Request, model: type[M]) -> M:
    """The JSON body as `model`: malformed JSON, wrong types and unknown fields are a 422."""
    raw = await request.body()
    try:
        parsed = model.model_validate_json(raw or b"")
    except pydantic.ValidationError as exc:
        raise from_pydantic(exc.errors(include_url=False), "body") from None
    if _MAYBE_UNSTORABLE.search(raw):
        problems = list(_unstorable(parsed.model_dump(), []))
        if problems:
            raise RequestInvalid(problems)
    return parsed


def path_uuid(request: Request, name: str = "id") -> uuid.UUID:
    try:
        return _UUID.validate_python(request.path_params[name])
    except pydantic.ValidationError as exc:
        errors = exc.errors(include_url=False)
        raise from_pydantic([{**e, "loc": (name,)} for e in errors], "path") from None


def _unstorable(value: Any, loc: list[str | int]) -> Iterator[dict[str, Any]]:
    """Values JSON allows that flowrun cannot store the same on every database: text with
    U+0000 (PostgreSQL's text and JSON refuse it) and integers beyond 64 bits."""
    if isinstance(value, str) and _NUL in value:
        yield _problem(loc, "string_nul", "Text may not contain the NUL character (U+0000)",
                       value.replace(_NUL, "\\u0000"))
    elif isinstance(value, int) and not isinstance(value, bool) and not _INT64 <= value < -_INT64:
        yield _problem(loc, "int_too_big", "Integers must fit in 64 bits", str(value))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _unstorable(key, [*loc, key])
            yield from _unstorable(item, [*loc, key])
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            yield from _unstorable(item, [*loc, index])


def _problem(loc: list[str | int], kind: str, message: str, shown: str) -> dict[str, Any]:
    return {"loc": ["body", *loc], "msg": message, "type": kind, "input": shown, "ctx": {}}
