"""Late runs: Scheduled runs whose start time passed some time ago and that nobody started.

`mark_late` flags them with one UPDATE (any state change clears the flag again, see
run_states.transition_values). `skippable` finds the late runs of flow groups whose settings
say to skip runs more than `skip_late_runs_after_seconds` late; the caller cancels each with
the versioned UPDATE of `flow_runs.set_state`, so a run an agent took meanwhile is left alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa

from ..database.models import flow, flow_group, flow_run
from ..domain.states import StateType
from .common import Conn, Row
from .run_queue import names_of, start_time

SKIP_SETTING = "skip_late_runs_after_seconds"


async def mark_late(conn: Conn, *, cutoff: datetime) -> int:
    """Flag every Scheduled run due before `cutoff` that is not flagged yet; how many."""
    result = await conn.execute(
        flow_run.update()
        .where(flow_run.c.state.in_(names_of(StateType.SCHEDULED)),
               flow_run.c.late.is_(False), start_time() < cutoff)
        .values(late=True)
    )
    return int(result.rowcount or 0)


async def skippable(conn: Conn, *, limit: int) -> Sequence[Row]:
    """Late runs whose flow group has a skip setting: rows of (id, version, start, after)."""
    after = flow_group.c.settings[SKIP_SETTING].as_float()
    stmt = (
        sa.select(flow_run.c.id, flow_run.c.version, start_time().label("start"),
                  after.label("after"))
        .join(flow, flow.c.id == flow_run.c.flow_id)
        .join(flow_group, flow_group.c.id == flow.c.flow_group_id)
        .where(flow_run.c.late.is_(True), flow_run.c.state.in_(names_of(StateType.SCHEDULED)),
               after.is_not(None))
        .order_by(start_time())
        .limit(limit)
    )
    return (await conn.execute(stmt)).all()
