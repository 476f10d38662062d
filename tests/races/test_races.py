"""Races the database must settle: concurrent idempotent creates and concurrent state changes.

Each runs on SQLite and PostgreSQL, in-process (many connections, truly concurrent
transactions) and over HTTP against live servers, including two API processes sharing one
PostgreSQL, where no in-process lock could help."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import httpx
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state
from server.domain.errors import VersionMismatch
from server.domain.states import parse_state
from server.services import flow_runs
from tests.factories import IDEMPOTENCY_WINDOW, make_flow, make_run
from tests.live import GraphQL, LiveServer, start_server

CREATE = """mutation($input: create_flow_run_input!) {
  create_flow_run(input: $input) { id created } }"""
SET_STATE = """mutation($state: JSON!, $id: UUID!, $version: Int) {
  set_flow_run_state(input: {flow_run_id: $id, version: $version, state: $state}) { id version }
}"""


async def _count(db: Database, table: sa.Table, **where: object) -> int:
    async with db.read() as conn:
        stmt = sa.select(sa.func.count()).select_from(table)
        for column, value in where.items():
            stmt = stmt.where(table.c[column] == value)
        return int((await conn.execute(stmt)).scalar() or 0)


async def test_fifty_concurrent_creates_with_one_key_make_exactly_one_run(db: Database) -> None:
    flow_id = await make_flow(db)

    async def create() -> flow_runs.CreatedRun:
        async with db.transaction() as conn:
            return await flow_runs.create_flow_run(
                conn, flow_runs.CreateFlowRun(flow_id=flow_id, idempotency_key="one-key"),
                idempotency_window=IDEMPOTENCY_WINDOW,
            )

    results = await asyncio.gather(*(create() for _ in range(50)))
    assert len({r.id for r in results}) == 1
    assert sum(r.created for r in results) == 1
    assert await _count(db, flow_run) == 1


async def test_twenty_concurrent_state_changes_with_one_version_let_exactly_one_through(
    db: Database,
) -> None:
    run_id = await make_run(db, await make_flow(db))

    async def set_state(i: int) -> int | str:
        try:
            async with db.transaction() as conn:
                return await flow_runs.set_flow_run_state(conn, flow_runs.SetFlowRunState(
                    run_id, parse_state({"type": "Running", "message": f"attempt {i}"}), 1,
                ))
        except VersionMismatch as exc:
            return exc.code

    results = await asyncio.gather(*(set_state(i) for i in range(20)))
    assert results.count("VERSION_LOCKING_ERROR") == 19
    assert [r for r in results if r != "VERSION_LOCKING_ERROR"] == [2]
    assert await _count(db, flow_run_state, flow_run_id=run_id) == 2  # Scheduled + one Running


@pytest.fixture(scope="module")
def two_process_server(database_url: str) -> Iterator[LiveServer]:
    with start_server(database_url, workers=2) as server:
        yield server


@pytest.fixture(params=["one process", "two processes"])
def racing_server(request: pytest.FixtureRequest, db: Database) -> LiveServer:
    """One API process, or two sharing the database (on SQLite, taking turns on its lock)."""
    if request.param == "one process":
        return request.getfixturevalue("live_server")  # type: ignore[no-any-return]
    return request.getfixturevalue("two_process_server")  # type: ignore[no-any-return]


async def test_fifty_concurrent_http_creates_with_one_key_all_name_the_same_run(
    racing_server: LiveServer, db: Database
) -> None:
    flow_id = await make_flow(db)
    key = f"key-{uuid.uuid4()}"
    limits = httpx.Limits(max_connections=50)
    async with httpx.AsyncClient(timeout=60, limits=limits) as client:
        gql = GraphQL(client, racing_server.graphql_url)
        bodies = await asyncio.gather(*(
            gql.data(CREATE, {"input": {"flow_id": str(flow_id), "idempotency_key": key,
                                        "parameters": {}}})
            for _ in range(50)
        ))
    answers = [b["create_flow_run"] for b in bodies]
    assert len(answers) == 50
    assert len({a["id"] for a in answers}) == 1
    assert sum(a["created"] for a in answers) == 1
    assert await _count(db, flow_run) == 1


async def test_twenty_concurrent_http_state_changes_with_one_version_let_exactly_one_through(
    racing_server: LiveServer, db: Database
) -> None:
    run_id = await make_run(db, await make_flow(db))
    variables = {"id": str(run_id), "version": 1, "state": {"type": "Success"}}
    async with httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=20)) as client:
        gql = GraphQL(client, racing_server.graphql_url)
        bodies = await asyncio.gather(*(gql(SET_STATE, variables) for _ in range(20)))
    codes = [b["errors"][0]["extensions"]["code"] for b in bodies if "errors" in b]
    winners = [b["data"]["set_flow_run_state"] for b in bodies if "errors" not in b]
    assert codes == ["VERSION_LOCKING_ERROR"] * 19
    assert winners == [{"id": str(run_id), "version": 2}]
    assert await _count(db, flow_run_state, flow_run_id=run_id) == 2


async def test_the_same_edges_registered_twice_at_once_are_stored_once(db: Database) -> None:
    from server.database.models import edge
    from server.services import tasks

    flow_id = await make_flow(db, tasks=[{"slug": "a-1"}, {"slug": "b-1"}, {"slug": "c-1"}])
    edges = [
        {"upstream_task": {"slug": "a-1"}, "downstream_task": {"slug": "b-1"}, "key": "x"},
        {"upstream_task": {"slug": "b-1"}, "downstream_task": {"slug": "c-1"}, "key": None},
    ]

    async def register() -> int:
        async with db.transaction() as conn:
            return await tasks.register_edges(conn, flow_id=flow_id, serialized_edges=edges)

    assert await asyncio.gather(*(register() for _ in range(10))) == [2] * 10
    assert await _count(db, edge, flow_id=flow_id) == 2


async def test_a_new_flow_registered_ten_times_at_once_makes_one_flow_group(db: Database) -> None:
    from server.database.models import flow as flow_table
    from server.domain.errors import Conflict
    from server.services import flows
    from tests.factories import make_project

    project_id = await make_project(db)

    async def register() -> str:
        try:
            async with db.transaction() as conn:
                await flows.create_flow(conn, serialized_flow={"name": "fresh"},
                                        project_id=project_id)
            return "registered"
        except Conflict as exc:  # two versions numbered at the same moment: retry-able
            return exc.code

    results = await asyncio.gather(*(register() for _ in range(10)))
    assert "registered" in results and set(results) <= {"registered", "CONFLICT"}
    async with db.read() as conn:
        rows = (await conn.execute(sa.select(flow_table.c.flow_group_id, flow_table.c.version,
                                             flow_table.c.archived))).all()
    assert len({r.flow_group_id for r in rows}) == 1
    assert sorted(r.version for r in rows) == list(range(1, results.count("registered") + 1))
    assert [r.archived for r in rows].count(False) == 1
