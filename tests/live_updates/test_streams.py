"""Streaming subscriptions: `log_stream` and the state streams deliver rows in commit order,
and a client that resumes from the last position it saw gets every later row exactly once:
after closing its socket, after a server restart, and under concurrent writers whose
transactions commit out of order."""

from __future__ import annotations

import asyncio
import random
import uuid
from typing import Any

import pendulum

from server.database.engine import Database
from server.repository import logs as log_repo
from tests.live import GraphQL, LiveServer, start_server
from tests.live_updates.conftest import LOG_STREAM, http_caller, set_state, write_logs
from tests.ws import Subscriber, ws_url


async def take(sub: Subscriber, op: str, count: int) -> list[dict[str, Any]]:
    """At least `count` rows from a stream (whole batches)."""
    rows: list[dict[str, Any]] = []
    while len(rows) < count:
        rows += (await sub.data(op))["log_stream"]
    return rows


async def test_a_log_stream_cut_by_closing_its_socket_resumes_from_its_cursor_exactly_once(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    expected = [f"line-{i}" for i in range(40)]
    await write_logs(gql, run_id, expected[:30])
    sub = await Subscriber.connect(ws_url(server.url))
    op = await sub.subscribe(LOG_STREAM, {"run": run_id, "after": None, "size": 4})
    seen = await take(sub, op, 12)
    await sub.close()  # mid-stream: 30 lines are there, 12 or so were read
    await write_logs(gql, run_id, expected[30:])
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        op = await sub.subscribe(LOG_STREAM, {"run": run_id, "after": seen[-1]["position"],
                                              "size": 4})
        seen += await take(sub, op, 40 - len(seen))
    finally:
        await sub.close()
    assert [row["message"] for row in seen] == expected


async def test_a_log_stream_resumes_exactly_once_across_a_server_restart(
    database_url: str, db: Database, run_id: str
) -> None:
    expected = [f"line-{i}" for i in range(30)]
    with start_server(database_url) as first:
        async with http_caller(first) as gql:
            await write_logs(gql, run_id, expected[:20])
        sub = await Subscriber.connect(ws_url(first.url))
        op = await sub.subscribe(LOG_STREAM, {"run": run_id, "after": None, "size": 3})
        seen = await take(sub, op, 9)
    await sub.close()
    await _insert_logs(db, run_id, expected[20:])  # written while no server runs
    with start_server(database_url) as second:
        sub = await Subscriber.connect(ws_url(second.url))
        try:
            op = await sub.subscribe(LOG_STREAM, {"run": run_id,
                                                  "after": seen[-1]["position"], "size": 3})
            seen += await take(sub, op, 30 - len(seen))
        finally:
            await sub.close()
    assert [row["message"] for row in seen] == expected


async def test_rows_committed_out_of_order_by_concurrent_writers_are_streamed_exactly_once(
    server: LiveServer, db: Database, run_id: str
) -> None:
    """Writers hold their transactions open for random times after inserting, so rows are
    numbered in one order and committed in another; the consumer reconnects from its last
    position again and again. A cursor that let a late commit land behind it would lose rows."""
    writers, per_writer = 8, 6
    expected = {f"w{w}-{i}" for w in range(writers) for i in range(per_writer)}
    rng = random.Random(9)

    async def writer(w: int) -> None:
        for i in range(per_writer):
            async with db.transaction() as conn:
                await log_repo.insert_many(conn, [_row(run_id, f"w{w}-{i}")], pendulum.now("UTC"))
                await asyncio.sleep(rng.uniform(0, 0.08))

    async def consumer() -> list[str]:
        seen: list[dict[str, Any]] = []
        while len(seen) < len(expected):
            sub = await Subscriber.connect(ws_url(server.url))
            try:
                after = seen[-1]["position"] if seen else None
                op = await sub.subscribe(LOG_STREAM, {"run": run_id, "after": after, "size": 2})
                seen += (await sub.data(op, timeout=120))["log_stream"]
            finally:
                await sub.close()
        return [row["message"] for row in seen]

    reading = asyncio.create_task(consumer())
    await asyncio.gather(*(writer(w) for w in range(writers)))
    messages = await asyncio.wait_for(reading, 180)
    assert len(messages) == len(set(messages))
    assert set(messages) == expected


async def test_a_flow_run_state_stream_sends_each_new_state_once(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        op = await sub.subscribe(
            "subscription($run: uuid!) { flow_run_state_stream(batch_size: 10, cursor: "
            "{initial_value: {}, ordering: ASC}, where: {flow_run_id: {_eq: $run}}) "
            "{ state version position } }", {"run": run_id})
        states = [s["state"] for s in (await sub.data(op))["flow_run_state_stream"]]
        assert states == ["Scheduled"]
        for state in ("Running", "Success"):
            await set_state(gql, run_id, state)
            batch = (await sub.data(op))["flow_run_state_stream"]
            assert [s["state"] for s in batch] == [state]
    finally:
        await sub.close()


def _row(run_id: str, message: str) -> dict[str, Any]:
    return {"flow_run_id": uuid.UUID(run_id), "task_run_id": None, "level": "INFO",
            "timestamp": pendulum.now("UTC"), "name": "test", "message": message, "info": None}


async def _insert_logs(db: Database, run_id: str, messages: list[str]) -> None:
    async with db.transaction() as conn:
        await log_repo.insert_many(conn, [_row(run_id, m) for m in messages],
                                   pendulum.now("UTC"))

