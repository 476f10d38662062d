"""`python -m tests.faults.crashing ARGS...`: the `flowrun ARGS...` command, in a process that
SIGKILLs itself at the crash point named by FLOWRUN_TEST_CRASH_AT. The points are patched in
here, inside this child process, before the command starts; production code has no hook.

    scheduler_before_insert   the scheduler's first insert of a tick is about to run
    scheduler_after_insert    a tick inserted its runs; its transaction is not committed
    scheduler_after_commit    a tick that created runs has committed
    agent_after_claim         an agent claimed a run (it is Submitted) and has not started it

The process prints `CRASH AT <point>` (to its log) just before it dies."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import Any

from server.agent import agent
from server.cli.main import app
from server.loops import runner
from server.repository import schedules
from server.services import scheduler


def die(point: str) -> None:
    print(f"CRASH AT {point}", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def before_insert() -> None:
    async def insert(*_: Any, **__: Any) -> bool:
        die("scheduler_before_insert")
        return False

    schedules.insert_auto_scheduled = insert


def after_insert() -> None:
    original = scheduler.schedule_flow_runs

    async def schedule(conn: Any, **options: Any) -> scheduler.SchedulerResult:
        result = await original(conn, **options)
        if result.created:
            die("scheduler_after_insert")
        return result

    scheduler.schedule_flow_runs = schedule


def after_commit() -> None:
    original_schedule, original_run_once = scheduler.schedule_flow_runs, runner.LeasedLoop.run_once
    created = [0]

    async def schedule(conn: Any, **options: Any) -> scheduler.SchedulerResult:
        result = await original_schedule(conn, **options)
        created[0] = result.created
        return result

    async def run_once(self: runner.LeasedLoop) -> bool:
        held = await original_run_once(self)  # the tick's transaction commits in here
        if self.name == "scheduler" and created[0]:
            die("scheduler_after_commit")
        return held

    scheduler.schedule_flow_runs = schedule
    runner.LeasedLoop.run_once = run_once  # type: ignore[method-assign]


def after_claim() -> None:
    def start(self: agent.Agent, run: Any) -> None:
        die("agent_after_claim")

    agent.Agent._start = start  # type: ignore[method-assign]


POINTS: dict[str, Callable[[], None]] = {
    "scheduler_before_insert": before_insert,
    "scheduler_after_insert": after_insert,
    "scheduler_after_commit": after_commit,
    "agent_after_claim": after_claim,
}

def serve_here() -> None:
    """`flowrun server start` execs a fresh interpreter (server/serve.py), which would drop
    the patches: migrate and serve in this process instead, as that interpreter would."""
    from server.database import migrate
    from server.serve import main
    from server.settings import get_settings

    migrate.upgrade_if_behind(get_settings().database_url)
    main()


if __name__ == "__main__":
    POINTS[os.environ["FLOWRUN_TEST_CRASH_AT"]]()
    if sys.argv[1:3] == ["server", "start"] and len(sys.argv) == 3:
        serve_here()
    else:
        sys.argv = ["flowrun", *sys.argv[1:]]
        app()
