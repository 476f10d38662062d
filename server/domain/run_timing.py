"""The derived times of a run that the REST API reports (seed 003's FlowRunResponse).

A run keeps its first start and its last end (start_time, end_time): a run that was retried
counts the waits between its tries as run time. Values are seconds, never negative."""

from __future__ import annotations

from datetime import datetime, timedelta


def total_run_time(start_time: datetime | None, end_time: datetime | None) -> float:
    """Seconds between the first start and the end of a finished run; 0 before it ends."""
    if start_time is None or end_time is None:
        return 0.0
    return _seconds(end_time, start_time)


def estimated_run_time(
    start_time: datetime | None, end_time: datetime | None, is_running: bool, now: datetime
) -> float:
    """The total run time, or for a running run, the time it has been running so far."""
    if is_running and start_time is not None and end_time is None:
        return _seconds(now, start_time)
    return total_run_time(start_time, end_time)


def estimated_start_time_delta(
    expected_start_time: datetime | None, start_time: datetime | None, now: datetime
) -> float:
    """How late a run started (start - expected), or, not started yet, how late it is now."""
    if expected_start_time is None:
        return 0.0
    if start_time is not None:
        return _seconds(start_time, expected_start_time)
    return _seconds(now, expected_start_time)


def _seconds(later: datetime, earlier: datetime) -> float:
    # datetime's own subtraction: pendulum's (these are often pendulum values) builds a
    # whole Interval, a tenth of a REST read's CPU.
    delta: timedelta = datetime.__sub__(later, earlier)
    return max(delta.total_seconds(), 0.0)
