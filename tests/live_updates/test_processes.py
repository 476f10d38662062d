"""Across API processes on one database: a write through one process reaches subscribers on
another (LISTEN/NOTIFY on PostgreSQL; on SQLite, PRAGMA data_version, well within the
subscriptions' 2 s safety re-read); a process whose listening connection is lost reconnects
and re-reads every live query, and one whose NOTIFY session is lost reconnects and sends what
it had not yet told."""

from __future__ import annotations

import asyncio
import uuid

import httpx
import psycopg

from server.database.engine import Database
from server.domain.states import parse_state
from server.events.postgres import APPLICATION_NAME, PUBLISHER_NAME, libpq_url
from server.services import flow_runs
from tests.factories import make_flow, make_run
from tests.live import GraphQL, start_server
from tests.live_updates.conftest import live_stat, set_state
from tests.ws import Subscriber, ws_url

BY_PK = "subscription($id: uuid!) { flow_run_by_pk(id: $id) { state } }"


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
                    before = await live_stat(b.url, "notifications")
                    await set_state(gql, run_id, state)
                    assert await sub.data(op) == {"flow_run_by_pk": {"state": state}}
                    # b was told (NOTIFY; on SQLite, data_version), not only re-reading on
                    # its safety timer
                    async with asyncio.timeout(10):
                        while await live_stat(b.url, "notifications") == before:
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
            assert await live_stat(server.url, "listener_connections") == 1
            killed = _terminate(postgresql_url, APPLICATION_NAME)
            # Every listener on this database, the session's other live servers' included.
            assert killed and all(killed)
            # Written by this test process while the server may not be listening: the
            # notification can be lost, the re-read after reconnecting still finds it.
            async with pg.transaction() as conn:
                await flow_runs.set_flow_run_state(conn, flow_runs.SetFlowRunState(
                    flow_run_id=uuid.UUID(run_id), state=parse_state({"type": "Running"})))
            assert await sub.data(op) == {"flow_run_by_pk": {"state": "Running"}}
            async with asyncio.timeout(60):
                while await live_stat(server.url, "listener_connections") < 2:
                    await asyncio.sleep(0.1)
        finally:
            await sub.close()


async def test_a_process_whose_publishing_connection_is_lost_reconnects_and_tells_the_change(
    postgresql_url: str, pg: Database
) -> None:
    run_id = str(await make_run(pg, await make_flow(pg)))
    with start_server(postgresql_url) as a, start_server(postgresql_url) as b:
        sub = await Subscriber.connect(ws_url(b.url))
        try:
            op = await sub.subscribe(BY_PK, {"id": run_id})
            assert await sub.data(op) == {"flow_run_by_pk": {"state": "Scheduled"}}
            killed = _terminate(postgresql_url, PUBLISHER_NAME)
            # a's and b's, and those of the session's other live servers on this database
            assert len(killed) >= 2 and all(killed)
            async with httpx.AsyncClient(timeout=60) as client:
                # the first NOTIFY after the loss fails; the tables wait for the new session
                await set_state(GraphQL(client, a.graphql_url), run_id, "Running")
                assert await sub.data(op) == {"flow_run_by_pk": {"state": "Running"}}
                assert "change publisher lost the database" in a.log()
        finally:
            await sub.close()


def _terminate(postgresql_url: str, application_name: str) -> list[bool]:
    """End every session of this database with `application_name`; whether each ended."""
    with psycopg.connect(libpq_url(postgresql_url), autocommit=True) as admin:
        rows = admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE "
            "datname = current_database() AND application_name = %s",
            [application_name]).fetchall()
    return [bool(ok) for (ok,) in rows]
