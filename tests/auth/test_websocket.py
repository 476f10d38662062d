"""The WebSocket door checks keys exactly as HTTP does, on both engines: the key travels in
connection_init; none, a wrong, an expired or a revoked key closes the connection (4403, as
graphql-transport-ws closes a refused connection_init); each subscription (and each query or
mutation sent over the socket) is authorized by the one access table, and one refused
operation is an error on that operation only, with nothing run."""

from __future__ import annotations

import asyncio
from typing import Any

import orjson
import pytest
import websockets

from server.database.engine import Database
from server.domain.access import ACCESS, Scope
from server.graphql.schema import build_schema
from tests.auth.conftest import Keys, bearer, snapshot
from tests.auth.documents import graphql_request
from tests.live import LiveServer
from tests.ws import TIMEOUT, TRANSPORT_WS, Subscriber, ws_url

pytestmark = pytest.mark.e2e

RUNS = "subscription { flow_run(limit: 1) { id } }"
KEYS = "subscription { api_keys { name } }"
CREATE_PROJECT = 'mutation { create_project(input: {name: "over-the-socket"}) { id } }'


async def _refused_at_init(url: str, payload: dict[str, str]) -> int | None:
    """The close code of a connection whose connection_init carried `payload`."""
    async with websockets.connect(url, subprotocols=[TRANSPORT_WS],  # type: ignore[list-item]
                                  open_timeout=TIMEOUT) as ws:
        await ws.send(orjson.dumps({"type": "connection_init", "payload": payload}).decode())
        try:
            message = await asyncio.wait_for(ws.recv(), TIMEOUT)
        except websockets.ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd else None
        raise AssertionError(f"the connection was not refused: {message!r}")


async def test_a_connection_without_a_valid_key_is_refused_at_connection_init(
    auth_server: LiveServer, keys: Keys
) -> None:
    url = ws_url(auth_server.url)
    for key in (None, "flowrun_not-a-key", keys.expired, keys.revoked):
        assert await _refused_at_init(url, bearer(key)) == 4403, key
    # The key may also come as the headers a browser cannot set on a WebSocket.
    sub = await Subscriber.connect(url, payload={"headers": bearer(keys.read)})
    await sub.ws.close()


async def test_a_read_key_subscribes_and_a_field_above_it_is_refused_on_that_operation_only(
    auth_server: LiveServer, keys: Keys, session_db: Database
) -> None:
    sub = await Subscriber.connect(ws_url(auth_server.url), payload=bearer(keys.read))
    try:
        before = await snapshot(session_db)
        refused = await sub.subscribe(KEYS)
        message = await sub.message(refused)
        assert message["type"] == "error", message
        assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
        assert "admin" in message["payload"][0]["message"]

        mutation = await sub.subscribe(CREATE_PROJECT)
        message = await sub.message(mutation)
        assert message["type"] == "error", message
        assert message["payload"][0]["extensions"]["code"] == "FORBIDDEN"
        assert await snapshot(session_db) == before

        live = await sub.subscribe(RUNS)  # the same socket still serves what the key may read
        assert await sub.data(live) == {"flow_run": []}
    finally:
        await sub.ws.close()


async def test_an_admin_key_may_subscribe_to_the_list_of_keys(
    auth_server: LiveServer, keys: Keys
) -> None:
    sub = await Subscriber.connect(ws_url(auth_server.url), payload=bearer(keys.admin))
    try:
        op = await sub.subscribe(KEYS)
        names = {row["name"] for row in (await sub.data(op))["api_keys"]}
        assert any(name.startswith("admin-") for name in names)
    finally:
        await sub.ws.close()


SCHEMA = build_schema()._schema
SUBSCRIPTIONS = sorted(op for op in ACCESS if op.startswith("Subscription."))


@pytest.mark.parametrize("operation", SUBSCRIPTIONS)
async def test_each_subscription_admits_its_scope_and_refuses_the_scope_below(
    operation: str, auth_server: LiveServer, keys: Keys
) -> None:
    """Generated from the one table: a subscription without an entry fails
    test_access_table; each one here answers a key of its scope with a result (or a domain
    error about its random arguments, past the access check) and a key below with FORBIDDEN."""
    request = graphql_request(SCHEMA, operation)
    needed = ACCESS[operation]
    sub = await Subscriber.connect(ws_url(auth_server.url), payload=bearer(keys.of(needed)))
    try:
        admitted = await sub.message(await sub.subscribe(request["query"],
                                                         request["variables"]))
        assert _codes(admitted) & {"FORBIDDEN", "UNAUTHENTICATED"} == set(), admitted
    finally:
        await sub.ws.close()
    if needed > Scope.READ:
        sub = await Subscriber.connect(ws_url(auth_server.url),
                                       payload=bearer(keys.of(Scope(needed - 1))))
        try:
            refused = await sub.message(await sub.subscribe(request["query"],
                                                            request["variables"]))
            assert _codes(refused) == {"FORBIDDEN"}, refused
        finally:
            await sub.ws.close()


def _codes(message: dict[str, Any]) -> set[str]:
    payload = message.get("payload")
    errors = payload if isinstance(payload, list) else (payload or {}).get("errors") or []
    return {e.get("extensions", {}).get("code") for e in errors}
