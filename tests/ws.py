"""A GraphQL-over-WebSocket client for tests, on the `websockets` library: both protocols
(graphql-transport-ws and the legacy graphql-ws), messages sorted by operation id."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
from collections import defaultdict
from typing import Any

import orjson
import websockets

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"
TIMEOUT = 60.0  # the machine is loaded: generous


def ws_url(http_url: str, path: str = "/graphql") -> str:
    return http_url.replace("http://", "ws://", 1).rstrip("/") + path


class Subscriber:
    def __init__(self, ws: Any, protocol: str) -> None:
        self.ws = ws
        self.protocol = protocol
        self.queues: dict[str, asyncio.Queue[dict[str, Any]]] = defaultdict(asyncio.Queue)
        self.control: asyncio.Queue[dict[str, Any]] = asyncio.Queue()  # ka, ping, ack
        self._ids = itertools.count(1)
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def connect(cls, url: str, protocol: str = TRANSPORT_WS,
                      payload: dict[str, Any] | None = None) -> Subscriber:
        ws = await websockets.connect(url, subprotocols=[protocol],  # type: ignore[list-item]
                                      open_timeout=TIMEOUT, max_size=None)
        client = cls(ws, protocol)
        await client.send({"type": "connection_init", "payload": payload or {}})
        ack = await asyncio.wait_for(client.control.get(), TIMEOUT)
        assert ack["type"] == "connection_ack", ack
        return client

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(orjson.dumps(message).decode())

    async def _read(self) -> None:
        with contextlib.suppress(websockets.ConnectionClosed):
            async for raw in self.ws:
                message = orjson.loads(raw)
                if message["type"] == "ping" and self.protocol == TRANSPORT_WS:
                    await self.send({"type": "pong"})
                if "id" in message:
                    await self.queues[message["id"]].put(message)
                else:
                    await self.control.put(message)

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        op_id = str(next(self._ids))
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        payload: dict[str, Any] = {"query": query}
        if variables is not None:
            payload["variables"] = variables
        await self.send({"id": op_id, "type": kind, "payload": payload})
        return op_id

    async def stop(self, op_id: str) -> None:
        await self.send({"id": op_id, "type": "complete" if self.protocol == TRANSPORT_WS
                         else "stop"})

    async def message(self, op_id: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        return await asyncio.wait_for(self.queues[op_id].get(), timeout)

    async def data(self, op_id: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """The data of the next result of `op_id`, which must have no errors."""
        message = await self.message(op_id, timeout)
        assert message["type"] in ("next", "data"), message
        assert "errors" not in message["payload"], message
        return message["payload"]["data"]  # type: ignore[no-any-return]

    async def until(self, op_id: str, predicate: Any, timeout: float = TIMEOUT
                    ) -> dict[str, Any]:
        """Results of `op_id` until one satisfies `predicate`; that one's data."""
        async with asyncio.timeout(timeout):
            while True:
                data = await self.data(op_id)
                if predicate(data):
                    return data

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._reader
