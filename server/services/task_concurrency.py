"""Task-run concurrency limits by tag, as Prefect Cloud v1 offered them.

When a task run asks to enter a RUNNING state and one of its task's tags is at its limit, the
state is not stored: the answer's status is "QUEUED" with a message, which is what Cloud
answered the Prefect 1.4.1 flow runner (`Client.set_task_run_state` turns it into a Queued
state starting `cloud.queue_interval` seconds later; the task runner sleeps and asks again,
with the same version, as nothing changed). The tags' limit rows are locked (PostgreSQL,
`FOR UPDATE` in tag order) before counting, so two task runs never both take the last slot;
SQLite runs one writer at a time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from ..domain import clock
from ..domain.errors import InvalidInput, NotFound
from ..domain.jsonvalues import json_object
from ..domain.states import parse_state
from ..repository import concurrency as limits_repo
from ..repository import task_concurrency as repo
from ..repository.common import Conn
from . import task_runs
from .concurrency import check_limit

KIND = limits_repo.TASK_LIMITS


@dataclass(frozen=True)
class TaskTagLimit:
    id: uuid.UUID
    tag: str
    limit: int


@dataclass(frozen=True)
class Outcome:
    version: int
    queued: str | None = None  # why the task run must wait, when it must


async def update_task_tag_limit(conn: Conn, *, tag: str, limit: int) -> TaskTagLimit:
    tag = (tag or "").strip()
    if not tag:
        raise InvalidInput("A task tag limit needs a tag", field="tag")
    check_limit(limit)
    row = await limits_repo.upsert_limit(conn, KIND, key=tag, limit=limit, now=clock.now())
    return TaskTagLimit(row.id, row.tag, int(row.limit))


async def delete_task_tag_limit(conn: Conn, *, limit_id: uuid.UUID) -> None:
    if not await limits_repo.delete_limit(conn, KIND, KIND.table.c.id == limit_id):
        raise NotFound(f"No task tag limit with id {limit_id}", field="limit_id")


async def set_task_run_states(conn: Conn, *, changes: list[task_runs.StateChange],
                              heartbeat_timeout_seconds: float) -> list[Outcome]:
    """Apply each change in order, all or nothing, except that a task run whose tag is at its
    limit does not enter a running state and is told to wait (Outcome.queued)."""
    outcomes = []
    for change in changes:
        message = await _must_wait(conn, change, heartbeat_timeout_seconds)
        if message is not None:
            outcomes.append(Outcome(version=message[0], queued=message[1]))
            continue
        version = await task_runs.set_task_run_state(
            conn, task_run_id=change.task_run_id, state=change.state, version=change.version,
            actor=change.actor)
        outcomes.append(Outcome(version=version))
    return outcomes


async def _must_wait(conn: Conn, change: task_runs.StateChange, timeout: float
                     ) -> tuple[int, str] | None:
    document = json_object(change.state, "state")
    if document is None or not parse_state(document).is_running:
        return None  # the state change itself validates and reports bad input
    run = await repo.task_run_tags(conn, change.task_run_id)
    if run is None or not run.tags:
        return None
    tags = sorted(set(run.tags))
    limits = await limits_repo.lock_limits(conn, KIND, tags)
    if not limits:
        return None
    used = await repo.slots_in_use(conn, list(limits), other_than=run.id,
                                   alive_after=clock.now() - timedelta(seconds=timeout))
    full = [tag for tag in sorted(limits) if used.get(tag, 0) >= limits[tag]]
    if not full:
        return None
    names = ", ".join(f"{tag!r} ({limits[tag]})" for tag in full)
    return int(run.version), f"Queued: concurrency limit reached for tag(s) {names}"
