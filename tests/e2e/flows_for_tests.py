"""Flows the end-to-end tests run (agents import this file by path)."""

from __future__ import annotations

import os

from server.agent import context


def record(path: str) -> None:
    """Append this run's id to `path`: how the tests count executions."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, f"{context.get()['flow_run_id']}\n".encode())
    finally:
        os.close(fd)


def hold_slot(path: str, seconds: float = 0.3) -> None:
    """Append "start <time>" and, `seconds` later, "end <time>" to `path` (with this run's id):
    how the concurrency-limit test measures how many runs ran at once."""
    import time

    run_id = context.get()["flow_run_id"]
    for event in ("start", "end"):
        if event == "end":
            time.sleep(seconds)
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"{event} {time.time():.6f} {run_id}\n".encode())
        finally:
            os.close(fd)
