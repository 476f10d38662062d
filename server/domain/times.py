"""Parsing of user-supplied times. A naive time is never guessed into a zone, except the
seed's documented `YYYY-MM-DD HH:MM:SS` form, which is read as UTC."""

from __future__ import annotations

import re
from datetime import datetime

import pendulum

from .errors import InvalidInput

_PLAIN = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?$")


def parse_time(value: object, field: str) -> pendulum.DateTime:
    """ISO 8601 with an offset, or `YYYY-MM-DD HH:MM:SS` (UTC). Returns a UTC pendulum time."""
    if not isinstance(value, str | datetime):
        raise InvalidInput(f"{field} must be a date and time string, not {value!r}", field=field)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise InvalidInput(f"{field} has no time zone; give an offset such as +00:00")
        return pendulum.instance(value).in_timezone("UTC")
    text = value.strip()
    if _PLAIN.match(text):
        return _parse(text, field, tz="UTC")
    parsed = _parse(text, field, tz=None)
    if parsed.tzinfo is None:
        raise InvalidInput(
            f"{field} {value!r} has no time zone; use ISO 8601 with an offset "
            "(2021-05-07T15:09:16-05:00) or 'YYYY-MM-DD HH:MM:SS' for UTC",
            field=field,
        )
    return parsed.in_timezone("UTC")


def _parse(text: str, field: str, tz: str | None) -> pendulum.DateTime:
    try:
        parsed = pendulum.parse(text, strict=True, tz=tz) if tz else pendulum.parse(text, tz=None)
    except (ValueError, pendulum.parsing.exceptions.ParserError):
        parsed = None
    if not isinstance(parsed, pendulum.DateTime):
        raise InvalidInput(
            f"{field} {text!r} is not a date and time; use ISO 8601 with an offset "
            "(2021-05-07T15:09:16-05:00) or 'YYYY-MM-DD HH:MM:SS' for UTC",
            field=field,
        )
    return parsed
