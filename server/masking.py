"""The masked 500: what every door answers for an error nobody anticipated.

`mask(exc, request_id)` logs the exception with its traceback under the request id and returns
the masked error; each door renders it in its own shape (GraphQL's `errors` list, REST's
`detail`), so a caller never sees a stack trace and can quote the id."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from dataclasses import dataclass

log = logging.getLogger("flowrun")

INTERNAL = "INTERNAL_SERVER_ERROR"
REQUEST_ID_HEADER = "x-request-id"


@dataclass(frozen=True)
class MaskedError:
    request_id: str
    code: str = INTERNAL
    status: int = 500

    @property
    def message(self) -> str:
        return f"Internal server error (request id {self.request_id})"

    @property
    def headers(self) -> dict[str, str]:
        return {REQUEST_ID_HEADER: self.request_id}


def request_id(headers: Mapping[str, str]) -> str:
    """The caller's x-request-id, else a new one."""
    return headers.get(REQUEST_ID_HEADER) or uuid.uuid4().hex


def mask(exc: BaseException, request_id: str) -> MaskedError:
    """Log an unexpected error with its traceback and request id; the masked error to send."""
    log.error("request %s failed", request_id, exc_info=exc)
    return MaskedError(request_id)
