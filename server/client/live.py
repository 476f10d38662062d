"""GraphQL subscriptions over WebSocket (graphql-transport-ws), for the CLI and agents:

    with client.live() as live:
        op = live.subscribe("subscription($id: uuid!) { flow_run_by_pk(id: $id) { state } }",
                            {"id": run_id})
        for op_id, data in live.results(timeout=1.0): ...

A connection that cannot be opened (a proxy that refuses the upgrade, an old server) or that
is lost raises LiveUnavailable: the caller falls back to polling over HTTP. The API key, when
there is one, goes in connection_init as {"Authorization": "Bearer <key>"}."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import orjson
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.sync.client import ClientConnection, connect

from .errors import ClientError, LiveUnavailable

PROTOCOL = "graphql-transport-ws"


def ws_url(api_url: str) -> str:
    if api_url.startswith("https://"):
        return "wss://" + api_url.removeprefix("https://")
    return "ws://" + api_url.removeprefix("http://")


class LiveConnection:
    def __init__(self, api_url: str, *, api_key: str | None = None,
                 open_timeout: float = 5.0) -> None:
        self.url = ws_url(api_url)
        self.api_key = api_key
        self.open_timeout = open_timeout
        self._ws: ClientConnection | None = None
        self._ids = itertools.count(1)

    def __enter__(self) -> LiveConnection:
        try:
            ws = connect(self.url, subprotocols=[PROTOCOL],  # type: ignore[list-item]
                         open_timeout=self.open_timeout, max_size=None)
            # Held open across calls, so entered by hand (websockets >= 17.1 warns when a
            # connection is used without entering it); close() closes it.
            self._ws = ws.__enter__()
            payload = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
            self._send({"type": "connection_init", "payload": payload})
            ack = self._receive(self.open_timeout)
        except (OSError, InvalidHandshake, InvalidURI, TimeoutError) as exc:
            self.close()
            raise LiveUnavailable(f"No GraphQL WebSocket at {self.url}: {exc}") from exc
        if ack is None or ack.get("type") != "connection_ack":
            self.close()
            raise LiveUnavailable(f"The server at {self.url} did not accept the connection")
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None

    def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        op_id = str(next(self._ids))
        self._send({"id": op_id, "type": "subscribe",
                    "payload": {"query": query, "variables": variables or {}}})
        return op_id

    def results(self, timeout: float) -> Iterator[tuple[str, dict[str, Any]]]:
        """(operation id, data) of each result that arrives within `timeout` of the last;
        ends after `timeout` without one. An operation's error raises ClientError."""
        while (message := self._receive(timeout)) is not None:
            kind = message.get("type")
            if kind == "next":
                payload = message.get("payload") or {}
                if payload.get("errors"):
                    raise _error(payload["errors"])
                yield str(message["id"]), payload.get("data") or {}
            elif kind == "error":
                raise _error(message.get("payload") or [])

    def _send(self, message: dict[str, Any]) -> None:
        assert self._ws is not None
        try:
            self._ws.send(orjson.dumps(message).decode())
        except ConnectionClosed as exc:
            raise LiveUnavailable(f"The WebSocket to {self.url} closed: {exc}") from exc

    def _receive(self, timeout: float) -> dict[str, Any] | None:
        assert self._ws is not None
        while True:
            try:
                raw = self._ws.recv(timeout)
            except TimeoutError:
                return None
            except ConnectionClosed as exc:
                raise LiveUnavailable(f"The WebSocket to {self.url} closed: {exc}") from exc
            message: dict[str, Any] = orjson.loads(raw)
            if message.get("type") == "ping":
                self._send({"type": "pong"})
                continue
            if message.get("type") != "pong":
                return message


def _error(errors: list[dict[str, Any]]) -> ClientError:
    first = errors[0] if errors else {}
    code = str((first.get("extensions") or {}).get("code") or "SUBSCRIPTION_ERROR")
    return ClientError(str(first.get("message") or "subscription failed"), code, errors)
