"""Last-resort error handling: whatever escapes a door becomes a JSON 500 with a request id,
logged with its traceback, never a stack trace sent to the caller."""

from __future__ import annotations

import logging
import uuid

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("flowrun")


class CatchAll:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            request_id = uuid.uuid4().hex
            log.exception("request %s failed", request_id)
            if started:
                raise
            body = orjson.dumps({"errors": [{
                "message": f"Internal server error (request id {request_id})",
                "extensions": {"code": "INTERNAL_SERVER_ERROR", "request_id": request_id},
            }]})
            await send({"type": "http.response.start", "status": 500, "headers": [
                (b"content-type", b"application/json"), (b"x-request-id", request_id.encode())]})
            await send({"type": "http.response.body", "body": body})
