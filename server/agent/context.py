"""The context of the flow run the current process executes.

Inside a flow function: `from server.agent import context; context.get()["flow_run_id"]`.
It holds the run's context values plus flow_run_id, flow_run_name, flow_id, flow_name,
scheduled_start_time and parameters. Outside a run it is empty."""

from __future__ import annotations

from typing import Any

_current: dict[str, Any] = {}


def get() -> dict[str, Any]:
    return dict(_current)


def set_current(values: dict[str, Any]) -> None:
    _current.clear()
    _current.update(values)
