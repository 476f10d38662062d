"""How a write is told: the tables each statement writes (events/collect.py), and on
PostgreSQL an API process's writes told by the process itself, one NOTIFY per burst, while
every other session's writes are still told by the triggers (events/postgres.py)."""

from __future__ import annotations

import asyncio
import uuid
from types import SimpleNamespace
from typing import Any

import httpx
import psycopg
import pytest
import sqlalchemy as sa

from server.database import models
from server.database.engine import Database
from server.domain.states import parse_state
from server.events import ALL
from server.events.collect import TOUCHED, cascades_to, collect
from server.events.postgres import CHANNEL, libpq_url, tables_of
from server.repository import flow_runs as flow_run_repo
from server.repository import task_runs as task_run_repo
from server.services import flow_runs
from tests.factories import make_flow, make_run
from tests.live import GraphQL, start_server
from tests.live_updates.conftest import live_stat, set_state
from tests.ws import Subscriber, ws_url


def _written(statement: Any) -> set[str]:
    conn = SimpleNamespace(info={})
    collect(conn, statement)  # type: ignore[arg-type]
    return set(conn.info.get(TOUCHED, ()))


def test_each_kind_of_statement_names_the_tables_it_writes() -> None:
    # PostgreSQL's one-statement create and state changes: SELECT / INSERT over DML CTEs
    assert _written(flow_run_repo._INSERT_WITH_STATE_ID.statement) == {
        "flow_run", "flow_run_state"}
    assert _written(flow_run_repo._set_state_cte(True, False, False).statement) == {
        "flow_run", "flow_run_state"}
    assert _written(task_run_repo._set_state_cte(False, True, False).statement) == {
        "task_run", "task_run_state"}
    assert _written(flow_run_repo._insert_with_task_runs(("id",))) == {
        "flow_run", "flow_run_state", "task_run", "task_run_state"}
    # SQLite's: one table each
    assert _written(flow_run_repo._INSERT_ONLY.statement) == {"flow_run"}
    assert _written(models.flow_run.update().values(name="x")) == {"flow_run"}
    # a DELETE: its table and every table its foreign keys' ON DELETE reach
    flow_delete = _written(models.flow.delete())
    assert {"flow", "flow_run", "flow_run_state", "task", "task_run", "task_run_state",
            "log"} <= flow_delete
    assert "project" not in flow_delete and "tenant" not in flow_delete
    assert _written(models.flow_concurrency_limit.delete()) == {"flow_concurrency_limit"}
    assert cascades_to(models.log) == frozenset()
    # reads write nothing; SQL text could write anything
    assert _written(sa.select(models.flow_run)) == set()
    assert _written(sa.text("DELETE FROM flow_run")) == {ALL}


def test_a_notification_names_its_tables_and_a_process_skips_its_own() -> None:
    assert tables_of("flow_run", "me") == ["flow_run"]  # a trigger's
    assert tables_of("other flow_run,flow_run_state", "me") == ["flow_run", "flow_run_state"]
    assert tables_of("me flow_run", "me") == []
    assert tables_of("", "me") == [ALL]


async def _notifications(url: str, started: asyncio.Event, into: list[str]) -> None:
    async with await psycopg.AsyncConnection.connect(libpq_url(url), autocommit=True) as conn:
        await conn.execute(f"LISTEN {CHANNEL}")
        started.set()
        async for notify in conn.notifies():
            into.append(notify.payload)


async def test_an_api_process_tells_its_writes_itself_and_other_sessions_triggers_tell_theirs(
    postgresql_url: str, pg: Database
) -> None:
    runs = [str(await make_run(pg, await make_flow(pg))) for _ in range(20)]
    heard: list[str] = []
    started = asyncio.Event()
    listening = asyncio.create_task(_notifications(postgresql_url, started, heard))
    try:
        await asyncio.wait_for(started.wait(), 10)
        # no loops: nothing but these requests writes through the server
        with start_server(postgresql_url, {"FLOWRUN_LOOPS_ENABLED": "false"}) as server:
            async with httpx.AsyncClient(timeout=60) as client:
                gql = GraphQL(client, server.graphql_url)
                await asyncio.gather(*(set_state(gql, run, "Running") for run in runs))
                # the last of them is told, after it committed
                async with asyncio.timeout(10):
                    while not any("flow_run_state" in payload for payload in heard):
                        await asyncio.sleep(0.02)
                from_api = list(heard)
                # every one from the process, none from a trigger; never more than one
                # per write (a burst shares them)
                assert from_api and all(" " in payload for payload in from_api)
                assert len({payload.split(" ")[0] for payload in from_api}) == 1
                assert len(from_api) <= len(runs)
                # once the last connections are back and their NOTIFY sent (after the
                # responses), reads (the health check's own SELECT among them) tell nothing
                sent = await _settled(server.url)
                assert sent >= len(from_api)
                for _ in range(5):
                    await gql.data("query($id: uuid!) { flow_run_by_pk(id: $id) { id } }",
                                   {"id": runs[0]})
                await asyncio.sleep(0.2)
                assert await live_stat(server.url, "notifies_sent") == sent
        # a session that is not an API process's (this test's own): its trigger tells
        heard.clear()
        async with pg.transaction() as conn:
            await flow_runs.set_flow_run_state(conn, flow_runs.SetFlowRunState(
                flow_run_id=uuid.UUID(runs[0]), state=parse_state({"type": "Success"})))
        async with asyncio.timeout(10):
            while "flow_run_state" not in heard:
                await asyncio.sleep(0.02)
        assert "flow_run" in heard
    finally:
        listening.cancel()
        with pytest.raises(asyncio.CancelledError):
            await listening


async def _settled(url: str) -> int:
    """notifies_sent once it has not moved for half a second."""
    last = -1
    async with asyncio.timeout(10):
        while (sent := await live_stat(url, "notifies_sent")) != last:
            last = sent
            await asyncio.sleep(0.5)
    return last


LIST = """subscription($ids: [uuid!]) {
  flow_run(where: {id: {_in: $ids}}, order_by: {id: asc}) { id state }
}"""
DELETE_FLOW = """mutation($id: UUID!) { delete_flow(input: {flow_id: $id}) { success } }"""


async def test_a_burst_of_writes_and_a_cascading_delete_reach_both_processes(
    database_url: str, db: Database
) -> None:
    """Written through a; subscribers on a (told in-process) and on b (told by a's NOTIFY on
    PostgreSQL, data_version on SQLite)."""
    flow_id = await make_flow(db)
    runs = sorted([str(await make_run(db, flow_id)) for _ in range(20)])
    with start_server(database_url) as a, start_server(database_url) as b:
        subs = [await Subscriber.connect(ws_url(server.url)) for server in (a, b)]
        try:
            ops = [await sub.subscribe(LIST, {"ids": runs}) for sub in subs]
            for sub, op in zip(subs, ops, strict=True):
                assert len((await sub.data(op))["flow_run"]) == len(runs)
            async with httpx.AsyncClient(timeout=60) as client:
                gql = GraphQL(client, a.graphql_url)
                await asyncio.gather(*(set_state(gql, run, "Running") for run in runs))
                for sub, op in zip(subs, ops, strict=True):
                    async with asyncio.timeout(20):  # re-read until the last one is seen
                        while not all(row["state"] == "Running"
                                      for row in (await sub.data(op))["flow_run"]):
                            pass
                # deleting the flow deletes its runs: the lists of runs are told (cascade)
                assert (await gql.data(DELETE_FLOW, {"id": str(flow_id)}))[
                    "delete_flow"]["success"]
                for sub, op in zip(subs, ops, strict=True):
                    async with asyncio.timeout(20):
                        while (await sub.data(op))["flow_run"]:
                            pass
        finally:
            for sub in subs:
                await sub.close()

