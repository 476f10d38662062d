"""Robust connections: input checked as on HTTP, errors confined to their subscription, the
per-connection limit, keep-alive pings, and a consumer that never reads."""

from __future__ import annotations

import asyncio
import base64
import os
import socket
from pathlib import Path
from typing import Any

import orjson

from tests.live import GraphQL, LiveServer, start_server
from tests.live_updates.conftest import LOG_STREAM, http_caller, set_state, write_logs
from tests.ws import LEGACY_WS, TRANSPORT_WS, Subscriber, ws_url

BY_PK = "subscription($id: uuid!) { flow_run_by_pk(id: $id) { state } }"


async def test_a_subscription_with_an_invalid_field_is_rejected_like_the_same_query(
    server: LiveServer, gql: GraphQL
) -> None:
    http = await gql("query { flow_run { id bogus } }")
    assert gql.last_status == 400
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        message = await sub.message(await sub.subscribe("subscription { flow_run { id bogus } }"))
        assert message["type"] == "error"
        errors = message["payload"]
        assert [e["extensions"]["code"] for e in errors] == ["GRAPHQL_VALIDATION_FAILED"]
        assert [e["message"] for e in errors] == [e["message"] for e in http["errors"]]
    finally:
        await sub.close()


async def test_a_bad_where_is_an_error_on_that_subscription_and_the_socket_stays_open(
    server: LiveServer, gql: GraphQL, run_id: str
) -> None:
    sub = await Subscriber.connect(ws_url(server.url))
    try:
        good = await sub.subscribe(BY_PK, {"id": run_id})
        await sub.data(good)
        bad_live = await sub.subscribe(
            'subscription { flow_run(where: {scheduled_start_time: {_gt: "soon"}}) { id } }')
        bad_stream = await sub.subscribe(
            "subscription($w: log_bool_exp) { log_stream(batch_size: 5, cursor: "
            "{initial_value: {}}, where: $w) { id } }", {"w": {"level": {"_like": 3}}})
        bad_cursor = await sub.subscribe(LOG_STREAM, {"run": run_id, "after": "x", "size": 5})
        for op in (bad_live, bad_stream, bad_cursor):
            message = await sub.message(op)
            assert message["type"] == "error", message
            assert message["payload"][0]["extensions"]["code"] == "BAD_USER_INPUT", message
        await set_state(gql, run_id, "Running")
        assert await sub.data(good) == {"flow_run_by_pk": {"state": "Running"}}
    finally:
        await sub.close()


async def test_one_subscription_more_than_the_limit_is_refused_and_idle_sockets_are_pinged(
    database_url: str, run_id: str
) -> None:
    env = {"FLOWRUN_SUBSCRIPTIONS_PER_CONNECTION": "2", "FLOWRUN_WS_KEEPALIVE_SECONDS": "0.3"}
    with start_server(database_url, extra_env=env) as server:
        sub = await Subscriber.connect(ws_url(server.url))
        legacy = await Subscriber.connect(ws_url(server.url), protocol=LEGACY_WS)
        try:
            ops = [await sub.subscribe(BY_PK, {"id": run_id}) for _ in range(3)]
            await sub.data(ops[0])
            await sub.data(ops[1])
            refused = await sub.message(ops[2])
            assert refused["type"] == "error"
            assert "limit" in refused["payload"][0]["message"].lower()
            assert (await asyncio.wait_for(sub.control.get(), 30))["type"] == "ping"
            assert (await asyncio.wait_for(legacy.control.get(), 30))["type"] == "ka"
        finally:
            await sub.close()
            await legacy.close()


async def test_a_subscriber_that_never_reads_leaves_the_servers_memory_bounded(
    database_url: str, run_id: str
) -> None:
    """Rounds of 8 MB of log lines stream to a client that reads nothing. The stream waits
    on the socket (back-pressure), so the server holds about one batch: after the first
    round (allocator warm-up) its memory stops growing, where buffering for the client would
    add another 8 MB and more each round."""
    with start_server(database_url) as server:
        async with http_caller(server) as gql:
            await write_logs(gql, run_id, ["warm-up"])
            idle = await _live_stats(gql)
            stalled = _never_reading_client(server, run_id)
            async with asyncio.timeout(60):
                while (await _live_stats(gql))["signals"] <= idle["signals"]:
                    await asyncio.sleep(0.1)  # until its stream runs on the server
            rounds = []
            for round_ in range(3):
                await _write_megabytes(gql, run_id, 8, f"r{round_}")
                await asyncio.sleep(1)
                rounds.append(_rss_mb(server.process.pid))
            stalled.close()
        print("server RSS after each round (MB):", rounds)
        assert rounds[2] - rounds[1] < 5, rounds


async def _live_stats(gql: GraphQL) -> dict[str, Any]:
    health = await gql.client.get(gql.url.rsplit("/", 1)[0] + "/health")
    return health.json()["live"]  # type: ignore[no-any-return]


async def _write_megabytes(gql: GraphQL, run_id: str, megabytes: int, tag: str) -> None:
    line = "x" * 1000
    for batch in range(megabytes * 2):
        await write_logs(gql, run_id, [f"{tag}-{batch}-{i}-{line}" for i in range(500)])


def _never_reading_client(server: LiveServer, run_id: str) -> socket.socket:
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    port = int(server.url.rsplit(":", 1)[1])
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall((f"GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                  f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                  f"Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: {TRANSPORT_WS}\r\n"
                  "\r\n").encode())
    response = b""
    while b"\r\n\r\n" not in response:
        response += sock.recv(1)
    assert b" 101 " in response, response
    sock.sendall(_frame({"type": "connection_init", "payload": {}}))
    sock.sendall(_frame({"id": "1", "type": "subscribe", "payload": {
        "query": LOG_STREAM, "variables": {"run": run_id, "after": None, "size": 1000}}}))
    return sock


def _frame(message: dict[str, Any]) -> bytes:
    """A masked text frame, as a client must send."""
    payload = orjson.dumps(message)
    mask = os.urandom(4)
    header = bytes([0x81])
    length = len(payload)
    if length < 126:
        header += bytes([0x80 | length])
    else:
        header += bytes([0x80 | 126]) + length.to_bytes(2, "big")
    return header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload))


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")

