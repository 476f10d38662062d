"""Last-resort error handling: whatever escapes a door becomes a JSON 500 with a request id,
logged with its traceback; the caller never sees a stack trace.

Installed as Starlette's handler for `Exception`, which its outermost ServerErrorMiddleware
calls, so it costs nothing on requests that succeed."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .masking import mask, request_id


async def internal_error(request: Request, exc: Exception) -> Response:
    masked = mask(exc, request_id(request.headers))
    body = {"errors": [{
        "message": masked.message,
        "extensions": {"code": masked.code, "request_id": masked.request_id},
    }]}
    return JSONResponse(body, status_code=masked.status, headers=masked.headers)
