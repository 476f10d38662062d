"""What the client raises.

    ClientError                  the server answered with an error; `.code` is its
    |                            extensions.code (NOT_FOUND, BAD_USER_INPUT, CONFLICT,
    |                            VERSION_LOCKING_ERROR, SERVICE_UNAVAILABLE, ...)
    +-- ConnectionFailed         the server could not be reached, after the retries
    |                            (code CONNECTION_FAILED)
    +-- LiveUnavailable          no GraphQL WebSocket to be had (refused by a proxy, the
                                 connection lost): poll over HTTP instead (LIVE_UNAVAILABLE)
"""

from __future__ import annotations

from typing import Any

CONNECTION_FAILED = "CONNECTION_FAILED"
HTTP_ERROR = "HTTP_ERROR"
LIVE_UNAVAILABLE = "LIVE_UNAVAILABLE"


class ClientError(Exception):
    def __init__(
        self, message: str, code: str, errors: list[dict[str, Any]] | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.errors = errors or []

    @property
    def extensions(self) -> dict[str, Any]:
        """The first error's extensions (details such as `current_version`)."""
        if not self.errors:
            return {}
        return dict(self.errors[0].get("extensions") or {})


class ConnectionFailed(ClientError):
    def __init__(self, message: str, *, sent: bool = True) -> None:
        super().__init__(message, CONNECTION_FAILED)
        self.sent = sent  # False: the request never left, so any call may be retried


class LiveUnavailable(ClientError):
    def __init__(self, message: str) -> None:
        super().__init__(message, LIVE_UNAVAILABLE)
