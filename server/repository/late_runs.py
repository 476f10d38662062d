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
    """Flag every Scheduled run due before `cutoff` that is not flagged yet; how many.

    A run is due at coalesce(state_start_time, scheduled_start_time); that is split in two
    UPDATEs (a state start before the cutoff; no state start and a scheduled one before it)
    so that each is a range of ix_flow_run__late_due instead of a scan of every Scheduled
    run (190 ms at a million runs, every few seconds)."""
    scheduled = [flow_run.c.state.in_(names_of(StateType.SCHEDULED)),
                 flow_run.c.late == sa.false()]  # `=`, which an index serves; IS does not
    flagged = 0
    for due in (flow_run.c.state_start_time < cutoff,
                sa.and_(flow_run.c.state_start_time.is_(None),
                        flow_run.c.scheduled_start_time < cutoff)):
        result = await conn.execute(flow_run.update().where(*scheduled, due).values(late=True))
        flagged += int(result.rowcount or 0)
    return flagged


async def skippable(conn: Conn, *, limit: int) -> Sequence[Row]:
    """Late runs whose flow group has a skip setting: rows of (id, version, start, after).

    The few flows whose group has the setting come first (usually none, and then nothing
    else is read); their late runs then come by flow_id, so the planner never starts from
    the late runs of every flow (170 ms at a million runs)."""
    after = flow_group.c.settings[SKIP_SETTING].as_float()
    flows = (await conn.execute(
        sa.select(flow.c.id, after.label("after"))
        .join(flow_group, flow_group.c.id == flow.c.flow_group_id)
        .where(after.is_not(None))
    )).all()
    if not flows:
        return []
    after_of = sa.case({row.id: row.after for row in flows}, value=flow_run.c.flow_id)
    stmt = (
        sa.select(flow_run.c.id, flow_run.c.version, start_time().label("start"),
                  after_of.label("after"))
        .where(flow_run.c.flow_id.in_([row.id for row in flows]),
               flow_run.c.late.is_(True), flow_run.c.state.in_(names_of(StateType.SCHEDULED)))
        .order_by(start_time())
        .limit(limit)
    )
    return (await conn.execute(stmt)).all()
