"""Domain errors: the one table every door maps the same way.

    FlowrunError                 INTERNAL_SERVER_ERROR   500
    ├── NotFound                 NOT_FOUND               404
    ├── InvalidInput             BAD_USER_INPUT          422
    ├── Conflict                 CONFLICT                409
    ├── VersionMismatch          VERSION_LOCKING_ERROR   409
    ├── Unauthenticated          UNAUTHENTICATED         401
    ├── Forbidden                FORBIDDEN               403
    └── ServiceUnavailable       SERVICE_UNAVAILABLE     503  (retryable)

Services raise these; doors read `code` and `http_status` and never inspect the message.
"""

from __future__ import annotations

from typing import Any, ClassVar


class FlowrunError(Exception):
    code: ClassVar[str] = "INTERNAL_SERVER_ERROR"
    http_status: ClassVar[int] = 500
    retryable: ClassVar[bool] = False

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class NotFound(FlowrunError):
    code = "NOT_FOUND"
    http_status = 404


class InvalidInput(FlowrunError):
    code = "BAD_USER_INPUT"
    http_status = 422


class Conflict(FlowrunError):
    code = "CONFLICT"
    http_status = 409


class VersionMismatch(FlowrunError):
    code = "VERSION_LOCKING_ERROR"
    http_status = 409


class Unauthenticated(FlowrunError):
    code = "UNAUTHENTICATED"
    http_status = 401


class Forbidden(FlowrunError):
    code = "FORBIDDEN"
    http_status = 403


class ServiceUnavailable(FlowrunError):
    code = "SERVICE_UNAVAILABLE"
    http_status = 503
    retryable = True
