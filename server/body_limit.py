"""The request body limit (FLOWRUN_MAX_BODY_BYTES), for every door: a body over it is
refused with HTTP 413 naming the limit, whether its Content-Length says so up front or a
chunked body grows past it while a door reads it. Nothing of such a request runs."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SETTING = "FLOWRUN_MAX_BODY_BYTES"


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, send)
            return
        received = 0
        started = False

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise BodyTooLarge
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, watched)
        except BodyTooLarge:
            if started:
                raise
            await self._refuse(scope, send)

    async def _refuse(self, scope: Scope, send: Send) -> None:
        message = f"The request body is over the limit of {self.max_bytes} bytes ({SETTING})"
        details = {"limit": SETTING, "value": self.max_bytes}
        body: dict[str, Any]
        if str(scope.get("path", "")).startswith("/api"):
            body = {"detail": message, "code": "BAD_USER_INPUT", "details": details}
        else:
            body = {"errors": [{"message": message,
                                "extensions": {"code": "BAD_USER_INPUT", **details}}]}
        payload = orjson.dumps(body)
        await send({"type": "http.response.start", "status": 413, "headers": [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(payload)).encode()),
            (b"connection", b"close"),
        ]})
        await send({"type": "http.response.body", "body": payload})


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
