"""The actions of the server loops: each calls one service and describes what it did."""

from __future__ import annotations

import time

from ..repository.common import Conn
from ..services import late_runs, scheduler, zombies
from ..settings import Settings
from .runner import Action


def scheduler_action(settings: Settings) -> Action:
    async def action(conn: Conn) -> str | None:
        result = await scheduler.schedule_flow_runs(
            conn, horizon_seconds=settings.scheduler_horizon_seconds,
            max_runs=settings.scheduler_max_runs,
        )
        if not (result.created or result.deleted):
            return None
        return f"created {result.created} runs, deleted {result.deleted} unscheduled runs"

    return action


def zombie_killer_action(settings: Settings) -> Action:
    """Fails runs whose heartbeat stopped, but only once this process has been up for a whole
    heartbeat timeout: heartbeats that could not arrive because the server was down (a
    restart, a redeploy) are not an agent's fault, and its runs must not be failed for them."""
    started = time.monotonic()

    async def action(conn: Conn) -> str | None:
        if time.monotonic() - started < settings.heartbeat_timeout_seconds:
            return None
        result = await zombies.kill_zombies(
            conn, timeout_seconds=settings.heartbeat_timeout_seconds
        )
        parts = [f"{len(ids)} {what}" for what, ids in (
            ("failed", result.failed), ("cancelled", result.cancelled),
            ("rescheduled", result.rescheduled)) if ids]
        return ", ".join(parts) or None

    return action


def late_runs_action(settings: Settings) -> Action:
    async def action(conn: Conn) -> str | None:
        result = await late_runs.handle_late_runs(
            conn, late_after_seconds=settings.late_after_seconds)
        if not (result.marked or result.skipped):
            return None
        return f"{result.marked} runs late, {len(result.skipped)} skipped as too late"

    return action
