"""How a live query re-runs, in process, with an execution that the test controls: a burst of
changes gives one re-execution, a change during an execution gives another, an unchanged
result reaches nobody, and the last subscriber leaving stops the query."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from graphql import parse

from server.database.engine import Database
from server.events import Changes
from server.graphql.live import LiveQueries
from server.settings import Settings

DOCUMENT = parse("query { flow_run { id } }")


class Execution:
    """Counts executions; each returns `result` once `gate` is open."""

    def __init__(self) -> None:
        self.count = 0
        self.result: dict[str, Any] = {"data": {"n": 0}}
        self.gate = asyncio.Event()
        self.gate.set()
        self.started = asyncio.Event()

    async def __call__(self, *_: Any) -> dict[str, Any]:
        self.count += 1
        self.started.set()
        await self.gate.wait()
        return dict(self.result)


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0.15)  # more than the 0.1 s window


async def _setup(tmp_path: Path) -> tuple[Changes, Execution, LiveQueries, Any]:
    """A live query whose execution is `Execution` (the database is never read)."""
    changes, execution = Changes(), Execution()
    url = f"sqlite:///{tmp_path / 'unused.db'}"
    live = LiveQueries(Database(url), Settings(database_url=url), changes, execution, window=0.1)
    results = live.results("q", DOCUMENT, None, None, frozenset({"flow_run"}))
    assert await anext(results) == {"data": {"n": 0}}
    return changes, execution, live, results


async def test_a_burst_of_changes_gives_one_re_execution(tmp_path: Path) -> None:
    changes, execution, live, results = await _setup(tmp_path)
    for _ in range(50):
        changes.publish(["flow_run"])
    await _settle()
    assert execution.count == 2
    await results.aclose()
    await live.close()


async def test_a_change_that_lands_during_an_execution_runs_it_again(tmp_path: Path) -> None:
    changes, execution, live, results = await _setup(tmp_path)
    execution.gate.clear()
    execution.started.clear()
    changes.publish(["flow_run"])
    await asyncio.wait_for(execution.started.wait(), 10)  # the re-execution is running
    execution.result = {"data": {"n": 1}}
    changes.publish(["flow_run"])  # committed after that execution began to read
    execution.gate.set()
    await _settle()
    assert execution.count == 3
    assert await asyncio.wait_for(anext(results), 10) == {"data": {"n": 1}}
    await results.aclose()
    await live.close()


async def test_changes_to_other_tables_and_unchanged_results_send_nothing(tmp_path: Path) -> None:
    changes, execution, live, results = await _setup(tmp_path)
    changes.publish(["log"])
    await _settle()
    assert execution.count == 1
    changes.publish(["flow_run"])
    await _settle()
    assert execution.count == 2
    pending = asyncio.ensure_future(anext(results))
    await asyncio.sleep(0.3)
    assert not pending.done()  # the same result was not sent again
    pending.cancel()
    await live.close()


async def test_the_last_subscriber_leaving_stops_the_live_query(tmp_path: Path) -> None:
    changes, _, live, results = await _setup(tmp_path)
    assert len(live.queries) == 1 and changes.listeners == 1
    await results.aclose()
    await asyncio.sleep(0.1)
    assert live.queries == {} and changes.listeners == 0
