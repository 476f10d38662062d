"""Live queries over a real WebSocket against the live server, on both engines: every query
field is a subscription that sends its result at once and again on each change."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from server.database.engine import Database
from server.events import Changes
from server.events import sqlite as sqlite_events
from tests.factories import make_flow, make_run
from tests.live import GraphQL, LiveServer
from tests.live_updates.conftest import set_state
from tests.ws import LEGACY_WS, TRANSPORT_WS, Subscriber, ws_url

BY_PK = "subscription($id: uuid!) { flow_run_by_pk(id: $id) { state version } }"


async def test_a_live_flow_run_by_pk_gets_each_state_another_client_sets(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        op = await sub.subscribe(BY_PK, {"id": run_id})
        assert await sub.data(op) == {"flow_run_by_pk": {"state": "Scheduled", "version": 1}}
        for version, state in enumerate(["Submitted", "Running", "Success"], start=1):
            await set_state(gql, run_id, state, version)
            assert await sub.data(op) == {
                "flow_run_by_pk": {"state": state, "version": version + 1}}
    finally:
        await sub.close()


async def test_the_legacy_graphql_ws_protocol_serves_live_queries_on_the_root_path_too(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    sub = await Subscriber.connect(ws_url(server.url, "/"), protocol=LEGACY_WS)
    try:
        op = await sub.subscribe(BY_PK, {"id": run_id})
        assert (await sub.data(op))["flow_run_by_pk"]["state"] == "Scheduled"
        await set_state(gql, run_id, "Running")
        assert (await sub.data(op))["flow_run_by_pk"]["state"] == "Running"
    finally:
        await sub.close()


async def test_a_change_that_leaves_the_result_as_it_was_sends_nothing(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        op = await sub.subscribe("subscription($id: uuid!) { flow_run_by_pk(id: $id) { state } }",
                                 {"id": run_id})
        assert await sub.data(op) == {"flow_run_by_pk": {"state": "Scheduled"}}
        await gql.data('mutation($id: UUID!) { set_flow_run_name(input: {flow_run_id: $id, '
                       'name: "renamed"}) { success } }', {"id": run_id})
        await set_state(gql, run_id, "Running")
        # Had the rename re-sent the unchanged result, this would still say Scheduled.
        assert await sub.data(op) == {"flow_run_by_pk": {"state": "Running"}}
    finally:
        await sub.close()


async def test_a_live_list_with_relations_and_an_aggregate_follow_new_rows(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        states = await sub.subscribe(
            "subscription($id: uuid!) { flow_run(where: {id: {_eq: $id}}) "
            "{ states(order_by: {version: asc}) { state } flow { name } } }", {"id": run_id})
        count = await sub.subscribe("subscription { flow_run_aggregate(where: {state: "
                                    '{_eq: "Running"}}) { aggregate { count } } }')
        first = await sub.data(states)
        assert [s["state"] for s in first["flow_run"][0]["states"]] == ["Scheduled"]
        assert await sub.data(count) == {"flow_run_aggregate": {"aggregate": {"count": 0}}}
        await set_state(gql, run_id, "Running")
        after = await sub.data(states)
        assert [s["state"] for s in after["flow_run"][0]["states"]] == ["Scheduled", "Running"]
        assert await sub.data(count) == {"flow_run_aggregate": {"aggregate": {"count": 1}}}
    finally:
        await sub.close()


async def test_two_hundred_concurrent_subscribers_all_see_the_change(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    subs = await asyncio.gather(*(Subscriber.connect(ws_url(server.url)) for _ in range(200)))
    try:
        ops = await asyncio.gather(*(s.subscribe(BY_PK, {"id": run_id}) for s in subs))
        firsts = await asyncio.gather(*(s.data(op) for s, op in zip(subs, ops, strict=True)))
        assert all(f["flow_run_by_pk"]["state"] == "Scheduled" for f in firsts)
        await set_state(gql, run_id, "Running")
        seen = await asyncio.gather(*(s.data(op) for s, op in zip(subs, ops, strict=True)))
        assert [d["flow_run_by_pk"]["state"] for d in seen] == ["Running"] * 200
    finally:
        await asyncio.gather(*(s.close() for s in subs))


async def test_closing_the_socket_ends_its_subscriptions_on_the_server(
    server: LiveServer, run_id: str
) -> None:
    async def live() -> dict[str, int]:
        async with httpx.AsyncClient(timeout=30) as client:
            return (await client.get(f"{server.url}/health")).json()["live"]  # type: ignore[no-any-return]

    before = await live()
    sub = await Subscriber.connect(ws_url(server.url), protocol=TRANSPORT_WS)
    op = await sub.subscribe(BY_PK, {"id": run_id})
    await sub.data(op)
    await sub.subscribe("subscription($run: uuid!) { log_stream(batch_size: 10, cursor: "
                        "{initial_value: {}}, where: {flow_run_id: {_eq: $run}}) { id } }",
                        {"run": run_id})
    during = await live()
    assert during["live_subscribers"] == before["live_subscribers"] + 1
    await sub.close()
    async with asyncio.timeout(60):
        while (now := await live())["signals"] > before["signals"] or \
                now["live_subscribers"] > before["live_subscribers"]:
            await asyncio.sleep(0.1)
    assert now["live_queries"] == before["live_queries"]


async def test_a_create_tells_this_process_s_sqlite_listeners_that_flow_run_changed(
    db: Database
) -> None:
    """On SQLite a commit publishes the tables its statements wrote (events/sqlite.py); a
    create's INSERTs go through the driver (repository/driver.py), not SQLAlchemy's execution,
    and must be counted all the same, or live lists wait for the 2 s safety re-read."""
    if not db.is_sqlite:
        pytest.skip("PostgreSQL's triggers NOTIFY of every write (events/postgres.py)")
    own = Database(str(db.url), pool_size=1)
    flow_id = await make_flow(own)
    changes = Changes()
    sqlite_events.install(own, changes)
    runs, logs = changes.signal({"flow_run"}), changes.signal({"log"})
    try:
        await make_run(own, flow_id)
    finally:
        await own.dispose()
    assert runs.event.is_set() and not logs.event.is_set()


CREATE = """mutation($flow: UUID!) {
  create_flow_run(input: {flow_id: $flow}) { id }
}"""


async def test_a_live_list_sees_a_run_another_client_creates(
    server: LiveServer, gql: GraphQL, db: Database
) -> None:
    """A live list follows a run created over GraphQL, end to end. (On SQLite it would also
    see it at the 2 s safety re-read without the commit's signal; the test above pins the
    signal itself.)"""
    flow_id = str(await make_flow(db))
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        runs = await sub.subscribe(
            "subscription($flow: uuid!) { flow_run(where: {flow_id: {_eq: $flow}}) { id } }",
            {"flow": flow_id})
        assert await sub.data(runs) == {"flow_run": []}
        created = (await gql.data(CREATE, {"flow": flow_id}))["create_flow_run"]["id"]
        assert await sub.data(runs) == {"flow_run": [{"id": created}]}
    finally:
        await sub.close()
