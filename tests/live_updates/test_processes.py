"""Across API processes on one database: a write through one process reaches subscribers on
another (LISTEN/NOTIFY on PostgreSQL; on SQLite, PRAGMA data_version, well within the
subscriptions' 2 s safety re-read), and a process whose listening connection is lost reconnects
and re-reads every live query."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import httpx
import psycopg
import pytest

from server.database.engine import Database
from server.domain.states import parse_state
from server.events.postgres import APPLICATION_NAME, libpq_url
from server.services import flow_runs
from tests.factories import make_flow, make_run
from tests.live import GraphQL, start_server
from tests.live_updates.conftest import set_state
from tests.ws import Subscriber, ws_url

BY_PK = "subscription($id: uuid!) { flow_run_by_pk(id: $id) { state } }"


@pytest.fixture
async def pg(postgresql_url: str) -> AsyncIterator[Database]:
    database = Database(postgresql_url)
    yield database
    await database.dispose()


async def test_a_state_set_through_process_a_reaches_a_subscriber_on_process_b(
    database_url: str, db: Database
) -> None:
    run_id = str(await make_run(db, await make_flow(db)))
    with start_server(database_url) as a, start_server(database_url) as b:
        sub = await Subscriber.connect(ws_url(b.url))
        try:
            op = await sub.subscribe(BY_PK, {"id": run_id})
            assert await sub.data(op) == {"flow_run_by_pk": {"state": "Scheduled"}}
            async with httpx.AsyncClient(timeout=60) as client:
                gql = GraphQL(client, a.graphql_url)
                for state in ("Running", "Success"):
                    before = await _live(b.url, "notifications")
                    await set_state(gql, run_id, state)
                    assert await sub.data(op) == {"flow_run_by_pk": {"state": state}}
                    # b was told (NOTIFY; on SQLite, data_version), not only re-reading on
                    # its safety timer
                    async with asyncio.timeout(10):
                        while await _live(b.url, "notifications") == before:
                            await asyncio.sleep(0.05)
        finally:
            await sub.close()


async def test_after_losing_its_listening_connection_a_process_reconnects_and_re_reads(
    postgresql_url: str, pg: Database
) -> None:
    run_id = str(await make_run(pg, await make_flow(pg)))
    with start_server(postgresql_url) as server:
        sub = await Subscriber.connect(ws_url(server.url))
        try:
            op = await sub.subscribe(BY_PK, {"id": run_id})
            await sub.data(op)
            assert await _live(server.url, "listener_connections") == 1
            with psycopg.connect(libpq_url(postgresql_url), autocommit=True) as admin:
                killed = admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
                    "datname = current_database() AND application_name = %s",
                    [APPLICATION_NAME]).fetchall()
            # Every listener on this database, the session's other live servers' included.
            assert killed and all(ok for (ok,) in killed)
            # Written by this test process while the server may not be listening: the
            # notification can be lost, the re-read after reconnecting still finds it.
            async with pg.transaction() as conn:
                await flow_runs.set_flow_run_state(conn, flow_runs.SetFlowRunState(
                    flow_run_id=uuid.UUID(run_id), state=parse_state({"type": "Running"})))
            assert await sub.data(op) == {"flow_run_by_pk": {"state": "Running"}}
            async with asyncio.timeout(60):
                while await _live(server.url, "listener_connections") < 2:
                    await asyncio.sleep(0.1)
        finally:
            await sub.close()


async def _live(url: str, name: str) -> int:
    async with httpx.AsyncClient(timeout=60) as client:
        return int((await client.get(f"{url}/health")).json()["live"][name])
