"""Computed fields of the generated types, beyond their table's columns and relations."""

from __future__ import annotations

from typing import Any

import strawberry

from . import reads
from .scalars import Jsonb


async def _flow_settings(root: Any, info: strawberry.Info) -> Jsonb | None:
    """Prefect Server's `flow.settings` (heartbeat_enabled, ...): the flow group's settings,
    {} when it has none. Prefect 1's flow runner reads it before each run."""
    group = await reads.load_by_id(info, "flow_group", root.flow_group_id)
    settings = (group.settings if group is not None else None) or {}
    return Jsonb(settings)


# entity -> field name -> strawberry field
EXTRA_FIELDS: dict[str, dict[str, Any]] = {
    "flow": {"settings": strawberry.field(resolver=_flow_settings)},
}
