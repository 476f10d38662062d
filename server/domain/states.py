"""One state model for every door.

Every stored state has a *name* (Prefect 1's class name, such as "Success" or "Retrying", or a
Prefect 3 name such as "Completed") and a *type* (the StateType of the REST API, seed 003).
`STATE_TYPES` is the one table that maps names to types; README documents it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pendulum

from .errors import InvalidInput
from .jsonvalues import json_object
from .times import parse_time

SERIALIZER_VERSION = "1.4.1"


class StateType(StrEnum):
    """Enumeration of state types."""

    SCHEDULED = "SCHEDULED"
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    COMPLETED = "COMPLETED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"
    CRASHED = "CRASHED"
    PAUSED = "PAUSED"
    CANCELLING = "CANCELLING"


# name -> type. Prefect 1 names first, then the Prefect 3 names that differ.
STATE_TYPES: dict[str, StateType] = {
    "Scheduled": StateType.SCHEDULED,
    "Resume": StateType.SCHEDULED,
    "Retrying": StateType.SCHEDULED,
    "Pending": StateType.PENDING,
    "Submitted": StateType.PENDING,
    "Queued": StateType.PENDING,
    "ClientFailed": StateType.PENDING,
    "Running": StateType.RUNNING,
    "Looped": StateType.RUNNING,
    "Paused": StateType.PAUSED,
    "Cancelling": StateType.CANCELLING,
    "Success": StateType.COMPLETED,
    "Finished": StateType.COMPLETED,
    "Cached": StateType.COMPLETED,
    "Mapped": StateType.COMPLETED,
    "Skipped": StateType.COMPLETED,
    "Failed": StateType.FAILED,
    "TriggerFailed": StateType.FAILED,
    "ValidationFailed": StateType.FAILED,
    "TimedOut": StateType.FAILED,
    "Cancelled": StateType.CANCELLED,
    # Prefect 3 names
    "Completed": StateType.COMPLETED,
    "Crashed": StateType.CRASHED,
    "Late": StateType.SCHEDULED,
    "AwaitingRetry": StateType.SCHEDULED,
}

# The name a state gets when only its type is given (REST callers send a type).
DEFAULT_NAMES: dict[StateType, str] = {
    StateType.SCHEDULED: "Scheduled",
    StateType.PENDING: "Pending",
    StateType.RUNNING: "Running",
    StateType.COMPLETED: "Completed",
    StateType.FAILED: "Failed",
    StateType.CANCELLED: "Cancelled",
    StateType.CRASHED: "Crashed",
    StateType.PAUSED: "Paused",
    StateType.CANCELLING: "Cancelling",
}

FINISHED_TYPES = frozenset(
    {StateType.COMPLETED, StateType.FAILED, StateType.CANCELLED, StateType.CRASHED}
)
_VALID = ", ".join(STATE_TYPES)


@dataclass(frozen=True)
class NewState:
    """A validated state about to be stored."""

    name: str
    type: StateType
    message: str | None
    start_time: pendulum.DateTime | None
    document: dict[str, Any]

    @property
    def is_finished(self) -> bool:
        return self.type in FINISHED_TYPES

    @property
    def is_running(self) -> bool:
        return self.type is StateType.RUNNING


def resolve_name(value: Any, field: str = "state.type") -> tuple[str, StateType]:
    """Accept a Prefect 1 name ("Success"), a Prefect 3 name, or a StateType ("COMPLETED")."""
    if isinstance(value, str):
        if value in STATE_TYPES:
            return value, STATE_TYPES[value]
        if value in StateType.__members__:
            state_type = StateType(value)
            return DEFAULT_NAMES[state_type], state_type
    raise InvalidInput(
        f"{field} {value!r} is not a known state; valid states are: {_VALID} "
        f"(or a state type: {', '.join(StateType)})",
        field=field,
    )


def parse_state(document: dict[str, Any], field: str = "state") -> NewState:
    """Validate a state document such as {"type": "Success", "message": "It worked!"}.

    The whole document is kept (Prefect 1 sends `_result`, `context`, `cached_inputs`...)."""
    if "type" not in document:
        raise InvalidInput(f"{field} needs a 'type', one of: {_VALID}", field=field)
    name, state_type = resolve_name(document["type"], f"{field}.type")
    message = document.get("message")
    if message is not None and not isinstance(message, str):
        raise InvalidInput(f"{field}.message must be a string", field=field)
    start_time = None
    raw_start = document.get("start_time") or (document.get("state") or {}).get("start_time")
    if raw_start is not None:
        if not isinstance(raw_start, str):
            raise InvalidInput(f"{field}.start_time must be an ISO 8601 string", field=field)
        start_time = parse_time(raw_start, f"{field}.start_time")
    return NewState(name, state_type, message, start_time, dict(document, type=name))


def state_from_document(value: Any, field: str = "state") -> NewState:
    """A state as a GraphQL door receives it: a JSON object (or a string holding one)."""
    document = json_object(value, field)
    if document is None:
        raise InvalidInput(f"{field} is required", field=field)
    return parse_state(document, field)


def server_state(
    name: str, message: str | None, start_time: pendulum.DateTime | None = None
) -> NewState:
    """A state the server creates itself, in Prefect 1's serialized shape."""
    document: dict[str, Any] = {
        "type": name,
        "message": message,
        "_result": {"type": "NoResultType", "__version__": SERIALIZER_VERSION},
        "context": {},
        "cached_inputs": {},
        "__version__": SERIALIZER_VERSION,
    }
    if start_time is not None:
        document["start_time"] = start_time.isoformat()
    return NewState(name, STATE_TYPES[name], message, start_time, document)


def typed_state(
    state_type: StateType,
    name: str | None = None,
    message: str | None = None,
    start_time: pendulum.DateTime | None = None,
    field: str = "state",
) -> NewState:
    """A state as the REST API sends it: a StateType and, optionally, a name of that type.

    Without a name the type's default name is used. A name must be one of STATE_TYPES and of
    the given type ("Retrying" is SCHEDULED in Prefect 1, so a RUNNING "Retrying" is refused):
    every stored state keeps a name and a type that agree with the one table."""
    name = name or DEFAULT_NAMES[state_type]
    if STATE_TYPES.get(name) is not state_type:
        valid = ", ".join(n for n, t in STATE_TYPES.items() if t is state_type)
        raise InvalidInput(
            f"{field}.name {name!r} is not a name of a {state_type.value} state; "
            f"use one of: {valid} (or leave the name out)",
            field=f"{field}.name",
        )
    return server_state(name, message, start_time)
