"""Agents: registering them, showing them their queue, and letting them claim runs.

`get_runs_in_queue` is Prefect 1's read-only look at the queue (a Prefect 1 agent then moves
each run to Submitted itself, with a versioned set_flow_run_states). `claim_flow_runs` is the
race-free way our own agent takes work: in one transaction it locks due runs (skipping rows
another claimer holds) and moves each from Scheduled to Submitted with a versioned UPDATE,
recording the agent and a first heartbeat. No two claimers ever get the same run."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pendulum

from ..domain import clock
from ..domain.access import Actor
from ..domain.errors import InvalidInput, NotFound
from ..domain.jsonvalues import string_list
from ..domain.states import server_state
from ..domain.times import parse_time
from ..repository import agents as repo
from ..repository import flow_runs as run_repo
from ..repository import run_queue
from ..repository.common import Conn, Row
from . import concurrency

QUEUE_LIMIT = 100
MAX_CLAIM = 100


@dataclass(frozen=True)
class ClaimedRun:
    id: uuid.UUID
    version: int


async def register_agent(
    conn: Conn,
    *,
    type: str | None = None,
    name: str | None = None,
    labels: Any = None,
    core_version: str | None = None,
    agent_config_id: uuid.UUID | None = None,
) -> uuid.UUID:
    return await repo.insert(
        conn, name=name, type=type, labels=string_list(labels, "labels") or [],
        core_version=core_version, agent_config_id=agent_config_id, now=clock.now(),
    )


async def get_runs_in_queue(
    conn: Conn,
    *,
    before: str | datetime | None = None,
    labels: Any = None,
    agent_id: uuid.UUID | None = None,
    limit: int = QUEUE_LIMIT,
) -> list[uuid.UUID]:
    """Ids of Scheduled runs due by `before` (default now) whose labels are all in `labels`,
    and that fit the concurrency limits now (a Prefect 1 agent then submits each itself, so
    this holds a limit for one such agent; our agents' claim_flow_runs holds it for any
    number)."""
    now = clock.now()
    agent_labels = string_list(labels, "labels")
    if agent_id is not None:
        agent = await _touch(conn, agent_id, now)
        agent_labels = agent_labels if agent_labels is not None else list(agent.labels or [])
    due = parse_time(before, "before") if before is not None else now
    rows = await _due_within_limits(conn, due, agent_labels or [], _limit(limit, QUEUE_LIMIT),
                                    lock=False)
    return [row.id for row in rows]


async def _due_within_limits(conn: Conn, due: pendulum.DateTime, labels: list[str], wanted: int,
                             lock: bool) -> list[Row]:
    """Due runs these labels may take, the first `wanted` that fit the concurrency limits on
    the labels (locked first, so claimers count slots in turn)."""
    limits = await concurrency.limits_for(conn, labels)
    rows = await run_queue.due(conn, before=due, labels=labels,
                               limit=MAX_CLAIM if limits else wanted, lock=lock)
    if limits:
        return await concurrency.admit(conn, rows, limits, wanted)
    return list(rows)


async def claim_flow_runs(
    conn: Conn,
    *,
    agent_id: uuid.UUID,
    labels: Any = None,
    before: str | datetime | None = None,
    limit: int = 1,
    actor: Actor = None,
) -> list[ClaimedRun]:
    """Move up to `limit` due runs to Submitted for this agent; returns what it got."""
    now = clock.now()
    agent = await _touch(conn, agent_id, now)
    given = string_list(labels, "labels")
    agent_labels = given if given is not None else list(agent.labels or [])
    due = parse_time(before, "before") if before is not None else now
    rows = await _due_within_limits(conn, due, agent_labels, _limit(limit, MAX_CLAIM),
                                    lock=True)
    state = server_state("Submitted", f"Submitted for execution by agent {agent.name or agent_id}")
    claimed = []
    for row in rows:
        version = await run_repo.set_state(
            conn, flow_run_id=row.id, state=state, expected_version=row.version, now=now,
            created_by=actor,
        )
        if version is None:  # moved meanwhile (cannot happen under the lock; kept as a guard)
            continue
        await run_repo.update(conn, row.id, {"agent_id": agent_id, "heartbeat": now}, now)
        claimed.append(ClaimedRun(row.id, version))
    return claimed


async def update_agent_heartbeat(conn: Conn, *, agent_id: uuid.UUID) -> None:
    """Record that an agent is alive (Prefect Server's update_agent_heartbeat)."""
    await _touch(conn, agent_id, clock.now())


async def _touch(conn: Conn, agent_id: uuid.UUID, now: Any) -> Row:
    """The agent's row, after recording that it asked for work now."""
    if not await repo.touch(conn, agent_id, now):
        raise NotFound(f"No agent with id {agent_id}; register it first", field="agent_id")
    agent = await repo.get(conn, agent_id)
    assert agent is not None
    return agent


def _limit(limit: int, most: int) -> int:
    if limit < 1:
        raise InvalidInput("limit must be at least 1", field="limit")
    return min(limit, most)
