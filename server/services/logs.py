"""Run logs: written in batches by agents and flow runners, read through the `log` query."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Any

from ..domain import clock
from ..domain.errors import InvalidInput, NotFound
from ..domain.jsonvalues import json_object
from ..domain.times import parse_time
from ..repository import logs as repo
from ..repository.common import Conn

LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
_ALIASES = {"WARN": "WARNING", "FATAL": "CRITICAL", "NOTSET": "DEBUG", "EXCEPTION": "ERROR"}
MAX_BATCH = 10_000


async def write_run_logs(conn: Conn, *, logs: list[Any]) -> int:
    """Store a batch of log records; all or nothing. Returns how many were stored."""
    if len(logs) > MAX_BATCH:
        raise InvalidInput(f"At most {MAX_BATCH} logs per call; {len(logs)} were sent")
    now = clock.now()
    rows = [_record(item, f"logs[{i}]", now) for i, item in enumerate(logs)]
    missing = await repo.missing_runs(conn, {row["flow_run_id"] for row in rows})
    if missing:
        raise NotFound(f"No flow run with id {', '.join(map(str, missing))}",
                       field="flow_run_id")
    await repo.insert_many(conn, rows, now)
    return len(rows)


def level_name(value: Any, field: str = "level") -> str:
    """An upper-case level name from a name in any case ("info", "WARN") or a number (20)."""
    if value is None:
        return "INFO"
    if isinstance(value, int) and not isinstance(value, bool):
        return _level_from_number(value)
    if isinstance(value, str):
        name = value.strip().upper()
        name = _ALIASES.get(name, name)
        if name in LEVELS:
            return name
        if name.isdigit():
            return _level_from_number(int(name))
    raise InvalidInput(f"{field} {value!r} is not a log level; use one of {', '.join(LEVELS)}",
                       field=field)


def _level_from_number(number: int) -> str:
    """The highest standard level at or below `number` (25 -> INFO)."""
    for name in reversed(LEVELS):
        if number >= logging.getLevelName(name):
            return name
    return "DEBUG"


def _record(item: Any, where: str, now: Any) -> dict[str, Any]:
    record = item if isinstance(item, dict) else None
    if record is None:
        raise InvalidInput(f"{where} must be an object")
    message = record.get("message")
    if message is not None and not isinstance(message, str):
        raise InvalidInput(f"{where}.message must be a string", field="message")
    name = record.get("name")
    if name is not None and not isinstance(name, str):
        raise InvalidInput(f"{where}.name must be a string", field="name")
    return {
        "flow_run_id": _uuid(record.get("flow_run_id"), f"{where}.flow_run_id", required=True),
        "task_run_id": _uuid(record.get("task_run_id"), f"{where}.task_run_id"),
        "timestamp": _timestamp(record.get("timestamp"), f"{where}.timestamp", now),
        "level": level_name(record.get("level"), f"{where}.level"),
        "name": name,
        "message": message or "",
        "info": json_object(record.get("info"), f"{where}.info"),
    }


def _uuid(value: Any, field: str, required: bool = False) -> uuid.UUID | None:
    if value is None:
        if required:
            raise InvalidInput(f"{field} is required", field=field)
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidInput(f"{field} {value!r} is not a valid UUID", field=field) from None


def _timestamp(value: Any, field: str, now: Any) -> Any:
    if value is None:
        return now
    if isinstance(value, str | datetime):
        return parse_time(value, field)
    raise InvalidInput(f"{field} must be an ISO 8601 date and time", field=field)
