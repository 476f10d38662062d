"""Server loops: work the API process does on its own, on a timer.

    scheduler       creates the next runs of flows with an active schedule
    zombie_killer   fails runs whose heartbeat stopped
    late_runs       flags late runs, cancels those later than their flow group allows
    retention       deletes old logs and finished runs (FLOWRUN_*_RETENTION_DAYS)

Each loop is guarded by a lease in the database, so when several API processes share one
PostgreSQL only one of them runs a given loop at a time; if it dies, another takes over when
the lease expires. `running_loops` starts them for the app's lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from ..database.engine import Database
from ..settings import Settings
from .retention import RetentionLoop
from .runner import LeasedLoop, holder_id
from .tasks import late_runs_action, scheduler_action, zombie_killer_action

__all__ = ["LeasedLoop", "build_loops", "running_loops"]


def build_loops(db: Database, settings: Settings, holder: str | None = None) -> list[LeasedLoop]:
    holder = holder or holder_id()
    return [
        LeasedLoop("scheduler", settings.scheduler_interval_seconds, db, holder,
                   scheduler_action(settings)),
        LeasedLoop("zombie_killer", settings.zombie_killer_interval_seconds, db, holder,
                   zombie_killer_action(settings)),
        LeasedLoop("late_runs", settings.late_runs_interval_seconds, db, holder,
                   late_runs_action(settings)),
        RetentionLoop(db, settings, holder),
    ]


@asynccontextmanager
async def running_loops(db: Database, settings: Settings) -> AsyncIterator[list[LeasedLoop]]:
    """Run the loops in the background for the duration of the block (none when disabled)."""
    loops = build_loops(db, settings) if settings.loops_enabled else []
    for loop in loops:
        loop.start()
    try:
        yield loops
    finally:
        for loop in loops:
            await loop.stop()
