"""The flowrun Python client: `from server.client import Client`.

Names are imported on first use, so `from server.client import flow` (the decorator, used in
flow files that agents' child processes import) does not pull in the HTTP stack."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import Client
    from .errors import ClientError, ConnectionFailed
    from .flows import FlowLoadError, flow
    from .models import FlowRunInfo, LogRecord

_HOMES = {
    "Client": ".client",
    "ClientError": ".errors",
    "ConnectionFailed": ".errors",
    "FlowLoadError": ".flows",
    "flow": ".flows",
    "FlowRunInfo": ".models",
    "LogRecord": ".models",
}

__all__ = ["Client", "ClientError", "ConnectionFailed", "FlowLoadError", "FlowRunInfo",
           "LogRecord", "flow"]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_HOMES[name], __name__), name)
