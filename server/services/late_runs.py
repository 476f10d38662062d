"""Late runs: flag Scheduled runs that did not start `late_after_seconds` after their start
time, and cancel those more than their flow group's `skip_late_runs_after_seconds` late, with
a message saying why, so a backlog does not stampede when agents come back."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from ..domain import clock
from ..domain.errors import InvalidInput, NotFound
from ..domain.states import server_state
from ..repository import flow_runs as run_repo
from ..repository import flows as flow_repo
from ..repository import late_runs as repo
from ..repository import schedule_changes
from ..repository.common import Conn

BATCH = 500


@dataclass(frozen=True)
class LateResult:
    marked: int
    skipped: list[uuid.UUID]


async def handle_late_runs(conn: Conn, *, late_after_seconds: float) -> LateResult:
    now = clock.now()
    marked = await repo.mark_late(conn, cutoff=now - timedelta(seconds=late_after_seconds))
    skipped = []
    for row in await repo.skippable(conn, limit=BATCH):
        late_by = (now - row.start).total_seconds()
        if late_by <= row.after:
            continue
        state = server_state("Cancelled", (
            f"Skipped: the run was {late_by:.0f} seconds late, more than the "
            f"{row.after:g} seconds its flow group allows (skip_late_runs_after_seconds)."))
        if await run_repo.set_state(conn, flow_run_id=row.id, state=state,
                                    expected_version=row.version, now=now) is not None:
            skipped.append(row.id)
    return LateResult(marked, skipped)


async def set_flow_group_skip_late_runs(
    conn: Conn, *, flow_group_id: uuid.UUID, after_seconds: Any
) -> None:
    """Skip (cancel) this group's runs more than `after_seconds` late; None: never skip."""
    if after_seconds is not None and (
        isinstance(after_seconds, bool) or not isinstance(after_seconds, int | float)
        or after_seconds < 0
    ):
        raise InvalidInput("after_seconds must be a number of seconds, 0 or more, or null",
                           field="after_seconds")
    group = await schedule_changes.lock_group(conn, flow_group_id)
    if group is None:
        raise NotFound(f"No flow group with id {flow_group_id}", field="flow_group_id")
    settings = dict(group.settings or {})
    if after_seconds is None:
        settings.pop(repo.SKIP_SETTING, None)
    else:
        settings[repo.SKIP_SETTING] = after_seconds
    await flow_repo.update_group(conn, flow_group_id, {"settings": settings}, clock.now())
