"""Case 3: the scheduler killed at each step of creating a schedule's next runs, then two API
processes started over the same database whose loops compete for the work.

    before insert               nothing was written
    after insert, before commit nothing was kept (the transaction died with the process)
    after commit                the runs of that tick are kept

Afterwards each (flow, scheduled start time) has exactly one run, and every flow has its
FLOWRUN_SCHEDULER_MAX_RUNS next runs."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from server.client import Client
from server.client.errors import ConnectionFailed
from server.client.transport import RetryPolicy
from server.domain.schedules import schedule_from_text
from tests.e2e.motion import FAST_LOOPS, wait_for

from .harness import Restartable, rows, summary

pytestmark = pytest.mark.e2e
FLOWS = 3
MAX_RUNS = 5
LOOPS = {**FAST_LOOPS, "FLOWRUN_SCHEDULER_MAX_RUNS": str(MAX_RUNS)}
POINTS = ["scheduler_before_insert", "scheduler_after_insert", "scheduler_after_commit"]


def _runs_per_slot(database_url: str) -> list[int]:
    return [int(n) for (n,) in rows(database_url, """SELECT count(*) FROM flow_run
        GROUP BY flow_id, scheduled_start_time""")]


def _crash(database_url: str, point: str) -> int:
    """Start a server that dies at `point`, give it scheduled flows; the runs it left."""
    doomed = Restartable(database_url, LOOPS).start(crash_at=point)
    try:
        with Client(doomed.graphql_url, retry=RetryPolicy(attempts=1)) as api:
            for i in range(FLOWS):
                try:
                    api.register({"name": f"ticking-{i}", "parameters": [],
                                  "schedule": schedule_from_text("1h"),
                                  "run_config": {"labels": ["no-agent-has-this"]}}, "faults")
                except ConnectionFailed:  # a tick between two registrations hit the point
                    break
        assert doomed.wait_dead(timeout=60) == -9, doomed.log()
    finally:
        doomed.stop()
    assert f"CRASH AT {point}" in doomed.log()
    return sum(_runs_per_slot(database_url))


@pytest.mark.parametrize("point", POINTS)
async def test_a_scheduler_killed_at_each_step_leaves_one_run_per_flow_and_time(
    fault_db: str, point: str,
) -> None:
    left = _crash(fault_db, point)
    if point == "scheduler_after_commit":
        assert left > 0 and left % MAX_RUNS == 0  # whole ticks of whole flows, committed
    else:
        assert left == 0
    slots = MAX_RUNS * int(rows(fault_db, "SELECT count(*) FROM flow")[0][0])
    servers = [Restartable(fault_db, LOOPS), Restartable(fault_db, LOOPS)]
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(Restartable.start, servers))
    try:
        wait_for(lambda: sum(_runs_per_slot(fault_db)) >= slots, timeout=60)
        per_slot = _runs_per_slot(fault_db)
        holders = rows(fault_db, "SELECT holder FROM loop_lease WHERE name = 'scheduler'")
    finally:
        for server in servers:
            server.stop()
    # (an hour boundary passing meanwhile adds a next slot: still one run each)
    assert set(per_slot) == {1} and len(per_slot) >= slots > 0
    assert len(holders) == 1
    summary(f"scheduler killed at {point} [{fault_db.split(':')[0]}]",
            runs_left_by_the_crash=left, runs_created=sum(per_slot),
            slots=slots, duplicates=0, lost=0)
