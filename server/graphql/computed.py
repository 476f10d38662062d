"""Computed fields of the generated types, beyond their table's columns and relations."""

from __future__ import annotations

from typing import Any

import strawberry

from ..repository.streams import render_position
from . import reads
from .scalars import Jsonb


async def _flow_settings(root: Any, info: strawberry.Info) -> Jsonb | None:
    """Prefect Server's `flow.settings` (heartbeat_enabled, ...): the flow group's settings,
    {} when it has none. Prefect 1's flow runner reads it before each run."""
    group = await reads.load_by_id(info, "flow_group", root.flow_group_id)
    settings = (group.settings if group is not None else None) or {}
    return Jsonb(settings)


def _position(root: Any) -> str | None:
    return render_position(root.xid, root.seq)


def _position_field() -> Any:
    return strawberry.field(resolver=_position, description=(
        "Where this row stands in its table's stream (`<table>_stream`): a client that "
        "resumes from it gets every row after it exactly once. Opaque; compare for equality."))


# entity -> field name -> strawberry field
EXTRA_FIELDS: dict[str, dict[str, Any]] = {
    "flow": {"settings": strawberry.field(resolver=_flow_settings)},
    "log": {"position": _position_field()},
    "flow_run_state": {"position": _position_field()},
    "task_run_state": {"position": _position_field()},
}
