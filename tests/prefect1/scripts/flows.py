"""Prefect 1 flows the compatibility tests register and run (imported by the Prefect 1 venv).

Registration pickles a flow into Local storage under PREFECT__HOME_DIR; the agent's flow runner
unpickles it, importing this module by name (the tests put this folder on PYTHONPATH)."""

from __future__ import annotations

import time
from datetime import timedelta

import prefect
from prefect import Flow, Parameter, task, unmapped
from prefect.run_configs import LocalRun
from prefect.schedules import IntervalSchedule
from prefect.storage import Local


@task
def add(x: int, y: int) -> int:
    prefect.context.get("logger").info("adding %s and %s", x, y)
    return x + y


@task
def double(x: int) -> int:
    prefect.context.get("logger").info("doubling %s", x)
    return 2 * x


@task
def report(value: int) -> None:
    prefect.context.get("logger").info("the answer is %s", value)


@task
def explode(value: int) -> None:
    raise RuntimeError(f"task failed on purpose with {value}")


@task
def nap(seconds: int) -> None:
    prefect.context.get("logger").info("napping for %s seconds", seconds)
    time.sleep(seconds)


def _flow(name: str, labels: list[str]) -> Flow:
    return Flow(
        name,
        storage=Local(add_default_labels=False),
        run_config=LocalRun(labels=labels),
    )


def arithmetic_flow(name: str, labels: list[str]) -> Flow:
    """a -> add(a, 1) -> double -> report: four tasks, three edges into report's chain."""
    with _flow(name, labels) as flow:
        a = Parameter("a", default=1)
        total = add(a, 1)
        report(double(total))
    return flow


def failing_flow(name: str, labels: list[str]) -> Flow:
    with _flow(name, labels) as flow:
        a = Parameter("a", default=1)
        explode(add(a, 1))
    return flow


def sleepy_flow(name: str, labels: list[str]) -> Flow:
    with _flow(name, labels) as flow:
        seconds = Parameter("seconds", default=60)
        nap(seconds)
    return flow


@task
def total(values: list[int]) -> int:
    prefect.context.get("logger").info("the total is %s", sum(values))
    return sum(values)


@task(max_retries=1, retry_delay=timedelta(seconds=1))
def flaky(value: int) -> int:
    """Fails its first run, succeeds on the retry."""
    if prefect.context.get("task_run_count", 1) < 2:
        raise RuntimeError("flaky the first time")
    return value


def mapped_flow(name: str, labels: list[str]) -> Flow:
    """add mapped over the numbers, their total, then a task that succeeds on its retry."""
    with _flow(name, labels) as flow:
        numbers = Parameter("numbers", default=[1, 2, 3])
        flaky(total(add.map(numbers, unmapped(10))))
    return flow


def scheduled_flow(name: str, labels: list[str]) -> Flow:
    """The arithmetic flow on an hourly schedule (Client.register turns schedules on)."""
    flow = arithmetic_flow(name, labels)
    flow.schedule = IntervalSchedule(interval=timedelta(hours=1))
    return flow


@task
def count_run(marker: str) -> str:
    """Append a line to `marker`: how the restart test sees which tasks ran again."""
    with open(marker, "a") as out:
        out.write("first\n")
    return marker


@task
def fail_once(marker: str) -> None:
    """Fail while `marker` + ".ok" does not exist (the test creates it before restarting)."""
    import os

    with open(marker, "a") as out:
        out.write("second\n")
    if not os.path.exists(marker + ".ok"):
        raise RuntimeError("failing until the marker says otherwise")


def restartable_flow(name: str, labels: list[str]) -> Flow:
    """count_run -> fail_once: fails until the test says otherwise, then a restart finishes
    it without running count_run again."""
    from prefect.engine.results import LocalResult

    flow = _flow(name, labels)
    flow.result = LocalResult()  # checkpointed: the restart reads count_run's result back
    with flow:
        marker = Parameter("marker")
        fail_once(count_run(marker))
    return flow


LIMITED_TAG = "flowrun-tag-limit"


@task(tags=[LIMITED_TAG])
def hold(value: int, path: str) -> int:
    """Record when this mapped child starts and ends (it holds its tag's slot a second)."""
    with open(path, "a") as out:
        out.write(f"start {time.time():.6f} {value}\n")
    time.sleep(1)
    with open(path, "a") as out:
        out.write(f"end {time.time():.6f} {value}\n")
    return value


def tag_limited_flow(name: str, labels: list[str]) -> Flow:
    """Four mapped children of a tagged task on four threads: only the tag limit keeps them
    from running at once. The flow runner asks again a second after it is told to wait."""
    from prefect.executors import LocalDaskExecutor

    flow = Flow(name, storage=Local(add_default_labels=False),
                run_config=LocalRun(labels=labels, env={"PREFECT__CLOUD__QUEUE_INTERVAL": "1"}),
                executor=LocalDaskExecutor(scheduler="threads", num_workers=4))
    with flow:
        path = Parameter("path")
        hold.map([1, 2, 3, 4], unmapped(path))
    return flow


BUILDERS = {"arithmetic": arithmetic_flow, "failing": failing_flow, "sleepy": sleepy_flow,
            "mapped": mapped_flow, "scheduled": scheduled_flow, "tag_limited": tag_limited_flow,
            "restartable": restartable_flow}

