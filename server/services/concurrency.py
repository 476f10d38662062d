"""Flow-run concurrency limits by label: setting them, and admitting due runs at claim time.

`admit` is called by `agents.claim_flow_runs` inside the claim's transaction, after the limit
rows were locked: it counts the slots in use, takes the due runs that fit in order, and writes
on each run that does not fit why it waits ("label 'db' is at its limit of 2"). The run keeps
that reason until it moves (any state change clears it)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from ..domain import clock
from ..domain.errors import InvalidInput, NotFound
from ..repository import concurrency as repo
from ..repository.common import Conn, Row


@dataclass(frozen=True)
class FlowConcurrencyLimit:
    id: uuid.UUID
    name: str
    limit: int
    in_use: int


def _name(name: str) -> str:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A concurrency limit needs a label name", field="name")
    return name


async def set_flow_concurrency_limit(conn: Conn, *, name: str, limit: int) -> FlowConcurrencyLimit:
    """Allow at most `limit` runs carrying label `name` to be claimed or run at once (0 holds
    every such run). Setting it again changes the limit; runs already running keep going."""
    check_limit(limit)
    row = await repo.upsert_limit(conn, repo.FLOW_LIMITS, key=_name(name), limit=limit,
                                  now=clock.now())
    used = await repo.slots_in_use(conn, [row.name])
    return FlowConcurrencyLimit(row.id, row.name, int(row.limit), used.get(row.name, 0))


def check_limit(limit: object) -> None:
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 0:
        raise InvalidInput("limit must be a whole number of runs, 0 or more", field="limit")


async def delete_flow_concurrency_limit(conn: Conn, *, name: str) -> None:
    condition = repo.FLOW_LIMITS.table.c.name == _name(name)
    if not await repo.delete_limit(conn, repo.FLOW_LIMITS, condition):
        raise NotFound(f"No concurrency limit on label {name!r}", field="name")


async def flow_concurrency_limits(conn: Conn) -> list[FlowConcurrencyLimit]:
    """Every limit with the slots in use now, by name."""
    rows = await repo.all_limits(conn, repo.FLOW_LIMITS)
    used = await repo.slots_in_use(conn, [row.name for row in rows])
    return [FlowConcurrencyLimit(row.id, row.name, int(row.limit), used.get(row.name, 0))
            for row in rows]


async def limits_for(conn: Conn, labels: Sequence[str]) -> dict[str, int]:
    """The limits an agent with these labels may meet, locked until the claim commits."""
    return await repo.lock_limits(conn, repo.FLOW_LIMITS, labels)


async def admit(conn: Conn, rows: Sequence[Row], limits: dict[str, int], wanted: int
                ) -> list[Row]:
    """Of the due `rows` (locked, earliest first, with their labels), the first `wanted` whose
    every limited label has a free slot; the others that do not fit are told why they wait."""
    used = await repo.slots_in_use(conn, list(limits))
    admitted: list[Row] = []
    waiting: dict[uuid.UUID, str] = {}
    for row in rows:
        limited = sorted({label for label in row.labels or [] if label in limits})
        full = [label for label in limited if used.get(label, 0) >= limits[label]]
        if full:
            waiting[row.id] = wait_reason(full, limits)
        elif len(admitted) < wanted:
            admitted.append(row)
            for label in limited:
                used[label] = used.get(label, 0) + 1
    await repo.set_wait_reasons(conn, waiting)
    return admitted


def wait_reason(full: Sequence[str], limits: dict[str, int]) -> str:
    parts = [f"label {label!r} is at its limit of {limits[label]}" for label in full]
    return "Waiting for a concurrency slot: " + "; ".join(parts)
