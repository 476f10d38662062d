"""Last-resort error handling: whatever escapes a door becomes a JSON 500 with a request id,
logged with its traceback; the caller never sees a stack trace.

Installed as Starlette's handler for `Exception`, which its outermost ServerErrorMiddleware
calls, so it costs nothing on requests that succeed."""

from __future__ import annotations

import logging
import uuid

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

log = logging.getLogger("flowrun")


async def internal_error(request: Request, exc: Exception) -> Response:
    request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
    log.error("request %s failed", request_id, exc_info=exc)
    body = {"errors": [{
        "message": f"Internal server error (request id {request_id})",
        "extensions": {"code": "INTERNAL_SERVER_ERROR", "request_id": request_id},
    }]}
    return JSONResponse(body, status_code=500, headers={"x-request-id": request_id})
