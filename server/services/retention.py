"""Retention: how long logs and finished runs are kept.

Logs older than `log_retention_days` (the log's own timestamp) are deleted; finished runs
(Success, Failed, Cancelled, Crashed, ...) that ended more than `run_retention_days` ago are
deleted with their states, task runs and logs. 0 keeps them forever (runs are kept until the
operator sets a period). `prune` works in batches, each in its own short transaction, so
writers wait at most one batch; `preview` counts what a prune would delete now."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..database.engine import Database
from ..domain import clock
from ..repository import retention as repo
from ..repository.common import Conn

LOG_BATCH = 1000
RUN_BATCH = 100


@dataclass(frozen=True)
class Policy:
    log_retention_days: float
    run_retention_days: float


@dataclass(frozen=True)
class PruneResult:
    logs: int
    runs: int
    run_logs: int = 0  # in a preview: the logs the runs would take with them


def _cutoff(days: float, now: datetime) -> datetime | None:
    return now - timedelta(days=days) if days > 0 else None


async def preview(conn: Conn, policy: Policy) -> PruneResult:
    now = clock.now()
    log_cutoff = _cutoff(policy.log_retention_days, now)
    run_cutoff = _cutoff(policy.run_retention_days, now)
    logs = await repo.count_logs(conn, cutoff=log_cutoff) if log_cutoff else 0
    runs, run_logs = await repo.count_runs(conn, cutoff=run_cutoff) if run_cutoff else (0, 0)
    return PruneResult(logs=logs, runs=runs, run_logs=run_logs)


async def prune(db: Database, policy: Policy, *, budget_seconds: float | None = None
                ) -> PruneResult:
    """Delete what the policy no longer keeps, batch by batch (each committed), until nothing
    is left or `budget_seconds` have passed (the rest waits for the next call). The cutoffs
    are fixed when it starts."""
    deadline = None if budget_seconds is None else time.monotonic() + budget_seconds
    now = clock.now()
    runs = logs = 0
    run_cutoff = _cutoff(policy.run_retention_days, now)
    if run_cutoff is not None:
        runs = await _batches(db, lambda conn: repo.delete_runs(
            conn, cutoff=run_cutoff, batch=RUN_BATCH), RUN_BATCH, deadline)
    log_cutoff = _cutoff(policy.log_retention_days, now)
    if log_cutoff is not None:
        logs = await _batches(db, lambda conn: repo.delete_logs(
            conn, cutoff=log_cutoff, batch=LOG_BATCH), LOG_BATCH, deadline)
    return PruneResult(logs=logs, runs=runs)


async def _batches(db: Database, step: Callable[[Conn], Awaitable[int]], size: int,
                   deadline: float | None) -> int:
    total = 0
    while deadline is None or time.monotonic() < deadline:
        async with db.transaction() as conn:
            deleted = await step(conn)
        total += deleted
        if deleted < size:
            break
    return total
