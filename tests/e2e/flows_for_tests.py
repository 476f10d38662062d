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
