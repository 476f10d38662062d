"""The reads that must stay fast at a million runs use their indexes (migration 0007).

Each test runs the repository's own read (so a change in how filters compile is checked too),
catches the SQL it sent, and asks the database for that statement's plan: EXPLAIN with
sequential scans disabled on PostgreSQL (a tiny table would otherwise be scanned), EXPLAIN
QUERY PLAN on SQLite. Dropping or defeating an index makes these fail; `make bench`
(`--parts million`) measures the same reads over 1,000,000 runs."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from server.database.engine import Database
from server.domain import clock
from server.repository import late_runs, queries
from tests.factories import make_flow, make_run

FLOW_RUN = queries.entity("flow_run")
Read = Callable[[Any], Awaitable[object]]


async def statements_of(db: Database, read: Read, *, write: bool = False
                        ) -> list[tuple[str, Any]]:
    """The statements `read` sends, with their parameters (rolled back when it only reads)."""
    sent: list[tuple[str, Any]] = []
    async with db.transaction(write=write) as conn:

        def catch(_c: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            sent.append((statement, parameters))

        event.listen(conn.sync_connection, "before_cursor_execute", catch)
        try:
            await read(conn)
        finally:
            event.remove(conn.sync_connection, "before_cursor_execute", catch)
    return sent


async def plan_for(db: Database, statement: str, parameters: Any) -> str:
    """The plan of one statement, as text: EXPLAIN with sequential scans disabled on
    PostgreSQL, EXPLAIN QUERY PLAN on SQLite."""
    async with db.transaction(write=False) as conn:
        if not db.is_sqlite:
            await conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        explain = "EXPLAIN QUERY PLAN " if db.is_sqlite else "EXPLAIN "
        rows = (await conn.exec_driver_sql(explain + statement, parameters)).all()
    return "\n".join(str(row[-1]) for row in rows)


async def plan_of(db: Database, read: Read) -> str:
    """The plan of the one statement `read` sends, as text."""
    sent = await statements_of(db, read)
    assert len(sent) == 1, sent
    return await plan_for(db, *sent[0])


@pytest.fixture
async def flow_id(db: Database) -> uuid.UUID:
    flow = await make_flow(db, labels=["team-1"])
    for _ in range(3):
        await make_run(db, flow, labels=["team-1", "prod"], parameters={})
    return flow


async def test_the_default_run_list_reads_the_state_and_created_index(
    db: Database, flow_id: uuid.UUID
) -> None:
    plan = await plan_of(db, lambda conn: queries.select_rows(
        conn, FLOW_RUN, where={"state": {"_eq": "Running"}}, order_by=[{"created": "desc"}],
        limit=20))
    assert "ix_flow_run__state_created" in plan, plan
    if db.is_sqlite:
        # Only the tie-break on id is sorted, never the whole state.
        assert "RIGHT PART OF ORDER BY" in plan or "ORDER BY" not in plan, plan


async def test_a_label_filter_uses_the_gin_index_on_postgresql_and_the_newest_first_scan_on_sqlite(
    db: Database, flow_id: uuid.UUID
) -> None:
    plan = await plan_of(db, lambda conn: queries.select_rows(
        conn, FLOW_RUN, where={"labels": {"_contains": ["team-1"]}},
        order_by=[{"created": "desc"}], limit=20))
    if db.is_sqlite:
        # SQLite has no index for JSON containment: the newest runs are read in order and
        # the scan stops at the 20th match (measured within target at 1M runs, bench).
        assert "SCAN flow_run USING INDEX ix_flow_run__created" in plan, plan
    else:
        assert "ix_flow_run__labels" in plan, plan


def _count_where(where: dict[str, Any], conn: Any) -> Any:
    return queries.count_rows(conn, FLOW_RUN, where=where)


async def test_parameter_filters_use_the_gin_index_on_postgresql(
    db: Database, flow_id: uuid.UUID
) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite has no index for JSON containment or keys")
    for op in ({"_contains": {"x": 1}}, {"_has_key": "x"}):
        plan = await plan_of(db, functools.partial(_count_where, {"parameters": op}))
        assert "ix_flow_run__parameters" in plan, (op, plan)


async def test_a_per_flow_count_reads_only_the_flow_id_index(
    db: Database, flow_id: uuid.UUID
) -> None:
    plan = await plan_of(db, lambda conn: queries.count_rows(
        conn, FLOW_RUN, where={"flow_id": {"_eq": str(flow_id)}}))
    assert "ix_flow_run__flow_id" in plan, plan
    if db.is_sqlite:
        assert "COVERING INDEX" in plan, plan


async def test_a_run_by_id_reads_the_primary_key(db: Database, flow_id: uuid.UUID) -> None:
    plan = await plan_of(db, lambda conn: queries.by_id(conn, FLOW_RUN, uuid.uuid4()))
    assert ("pk_flow_run" in plan) or ("sqlite_autoindex_flow_run" in plan), plan


def test_the_plans_here_name_real_indexes() -> None:
    # A renamed index must fail loudly here rather than make the assertions above vacuous.
    names = {index.name for index in FLOW_RUN.table.indexes}
    assert {"ix_flow_run__state_created", "ix_flow_run__labels", "ix_flow_run__parameters",
            "ix_flow_run__flow_id", "ix_flow_run__created", "ix_flow_run__late_due"} <= names
    assert isinstance(FLOW_RUN.table, sa.Table)


async def test_the_late_runs_loop_flags_runs_through_its_index(
    db: Database, flow_id: uuid.UUID
) -> None:
    sent = await statements_of(
        db, lambda conn: late_runs.mark_late(conn, cutoff=clock.now()), write=True)
    assert len(sent) == 2, sent
    for statement, parameters in sent:
        plan = await plan_for(db, statement, parameters)
        assert "ix_flow_run__late_due" in plan, (statement, plan)
