"""Request limits: each a setting (FLOWRUN_<NAME>) and a check that refuses, naming the
limit and its value, before any work is done."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import orjson

from .errors import InvalidInput


class LimitExceeded(InvalidInput):
    """A request over one of the limits: BAD_USER_INPUT (HTTP 413 for the body size, 422
    elsewhere), with `limit` (the setting) and `value` (its value) in the details."""

    def __init__(self, setting: str, value: int, what: str, http_status: int = 422) -> None:
        super().__init__(f"{what} is over the limit of {value} ({setting})",
                         limit=setting, value=value)
        self.status = http_status


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int = 5_000_000
    max_state_bytes: int = 1_000_000
    max_log_message_bytes: int = 1_000_000
    max_log_batch: int = 10_000
    max_state_batch: int = 1_000
    max_page_size: int = 10_000
    graphql_max_depth: int = 15
    graphql_max_fields: int = 5_000
    graphql_max_aliases: int = 1_000

    @classmethod
    def of(cls, settings: Any) -> Limits:
        """The limits of a Settings object (every field of this class is one of its)."""
        return cls(**{name: getattr(settings, name) for name in cls.__dataclass_fields__})

    def page(self, limit: int | None) -> None:
        if limit is not None and limit > self.max_page_size:
            raise LimitExceeded("FLOWRUN_MAX_PAGE_SIZE", self.max_page_size,
                                f"limit {limit}")

    def log_batch(self, count: int) -> None:
        if count > self.max_log_batch:
            raise LimitExceeded("FLOWRUN_MAX_LOG_BATCH", self.max_log_batch,
                                f"A batch of {count} log records")

    def state_batch(self, count: int) -> None:
        if count > self.max_state_batch:
            raise LimitExceeded("FLOWRUN_MAX_STATE_BATCH", self.max_state_batch,
                                f"A batch of {count} state changes")

    def state_changes(self, documents: list[Any]) -> None:
        """A batch of state changes: how many, and each state document's size."""
        self.state_batch(len(documents))
        for document in documents:
            self.state(document)

    def logs(self, messages: list[Any]) -> None:
        """A batch of log records: how many, and each message's size."""
        self.log_batch(len(messages))
        for message in messages:
            self.log_message(message)

    def log_message(self, message: Any) -> None:
        if isinstance(message, str) and len(message) > self.max_log_message_bytes // 4 and \
                len(message.encode()) > self.max_log_message_bytes:
            raise LimitExceeded("FLOWRUN_MAX_LOG_MESSAGE_BYTES", self.max_log_message_bytes,
                                f"A log message of {len(message.encode())} bytes")

    def state(self, document: Any) -> None:
        try:
            size = len(orjson.dumps(document, default=str))
        except TypeError:  # an integer beyond 64 bits
            size = len(json.dumps(document, default=str).encode())
        if size > self.max_state_bytes:
            raise LimitExceeded("FLOWRUN_MAX_STATE_BYTES", self.max_state_bytes,
                                f"A state document of {size} bytes")


DEFAULT_LIMITS = Limits()
