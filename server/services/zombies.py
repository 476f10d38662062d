"""The zombie killer: runs whose heartbeat stopped are ended, with a message saying so.

    Running (or Looped) with no heartbeat for the timeout -> Failed
    Cancelling with no heartbeat for the timeout           -> Cancelled
    Submitted to one of our agents that stopped before
    starting it (no heartbeat for the timeout)             -> Scheduled again, for another agent

Each run is moved by a versioned UPDATE of a row locked for this transaction, so a run that an
agent moved meanwhile is left alone. A log line on the run says what happened."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import pendulum

from ..domain import clock
from ..domain.states import NewState, StateType, server_state
from ..repository import flow_runs as run_repo
from ..repository import logs as log_repo
from ..repository import run_queue
from ..repository.common import Conn

BATCH = 500
LOGGER_NAME = "flowrun.zombie_killer"


@dataclass(frozen=True)
class ZombieResult:
    failed: list[uuid.UUID]
    cancelled: list[uuid.UUID]
    rescheduled: list[uuid.UUID]


async def kill_zombies(conn: Conn, *, timeout_seconds: float) -> ZombieResult:
    now = clock.now()
    cutoff = now - timedelta(seconds=timeout_seconds)
    silent = f"No heartbeat for more than {timeout_seconds:g} seconds"
    failed = await _move(
        conn, run_queue.names_of(StateType.RUNNING), cutoff, now,
        server_state("Failed", f"{silent}: the process running this flow run stopped; "
                               "marked Failed by the zombie killer."),
    )
    cancelled = await _move(
        conn, run_queue.names_of(StateType.CANCELLING), cutoff, now,
        server_state("Cancelled", f"{silent} while cancelling; marked Cancelled by the "
                                  "zombie killer."),
    )
    rescheduled = await _move(
        conn, ["Submitted"], cutoff, now,
        server_state("Scheduled", f"{silent}: the agent that claimed this run stopped before "
                                  "starting it; rescheduled by the zombie killer.", now),
        claimed_only=True,
    )
    for run_id in rescheduled:
        await run_repo.update(conn, run_id, {"agent_id": None}, now)
    return ZombieResult(failed, cancelled, rescheduled)


async def _move(
    conn: Conn, states: Sequence[str], cutoff: pendulum.DateTime, now: pendulum.DateTime,
    state: NewState, claimed_only: bool = False,
) -> list[uuid.UUID]:
    rows = await run_queue.stale(conn, states=states, cutoff=cutoff, limit=BATCH,
                                 claimed_only=claimed_only)
    moved = []
    for row in rows:
        version = await run_repo.set_state(
            conn, flow_run_id=row.id, state=state, expected_version=row.version, now=now
        )
        if version is not None:
            moved.append(row.id)
    level = "ERROR" if state.type is StateType.FAILED else "WARNING"
    await log_repo.insert_many(conn, [
        {"flow_run_id": run_id, "task_run_id": None, "timestamp": now, "level": level,
         "name": LOGGER_NAME, "message": state.message or "", "info": None}
        for run_id in moved
    ], now)
    return moved
