"""Flows the fault scenarios run on agents (imported by path, so nothing from tests/): each
execution appends the run's id to a file, so the tests count executions, not states."""

from __future__ import annotations

import time
from pathlib import Path

from server.agent import context


def record_and_sleep(path: str, seconds: float = 0.0) -> None:
    """Record this execution (one short append), then take `seconds`."""
    with Path(path).open("a") as out:
        out.write(f"{context.get()['flow_run_id']}\n")
    time.sleep(seconds)
