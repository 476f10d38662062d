"""Runs in motion at scale, on PostgreSQL with two API processes sharing one database:
200 runs drained by three agents, each executed exactly once; the server loops run in one
process at a time and the scheduler never creates a run twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest

from server.client import Client
from server.domain.schedules import schedule_from_text
from tests.e2e.motion import FAST_LOOPS, agents, fresh_database, wait_for
from tests.live import LiveServer, start_server

pytestmark = pytest.mark.e2e
RUNS = 200
FLOWS_FILE = Path(__file__).resolve().parent / "flows_for_tests.py"


@pytest.fixture(scope="module")
def pg_database() -> Iterator[str]:
    """A PostgreSQL database of its own, so no other test's runs are in the queue."""
    with fresh_database("postgresql") as url:
        yield url


@pytest.fixture(scope="module")
def two_processes(pg_database: str) -> Iterator[LiveServer]:
    with start_server(pg_database, extra_env=FAST_LOOPS, workers=2) as server:
        yield server


def _create_runs(api: Client, flow_id: str, count: int, path: Path) -> list[str]:
    """`count` runs in one request (aliased mutations), all due now."""
    fields = "\n".join(
        f'r{i}: create_flow_run(input: {{flow_id: $flow, parameters: $params}}) {{ id }}'
        for i in range(count))
    data = api.graphql(f"mutation($flow: UUID!, $params: JSON) {{ {fields} }}",
                       {"flow": flow_id, "params": {"path": str(path)}})
    return [data[f"r{i}"]["id"] for i in range(count)]


def _finished(api: Client, flow_id: str) -> int:
    data = api.graphql("""query($flow: uuid!) { flow_run_aggregate(where: {flow_id: {_eq: $flow},
        state: {_in: ["Success", "Failed", "Cancelled"]}}) { aggregate { count } } }""",
                       {"flow": flow_id}, idempotent=True)
    return int(data["flow_run_aggregate"]["aggregate"]["count"])


async def test_two_hundred_runs_drained_by_three_agents_are_each_executed_exactly_once(
    two_processes: LiveServer, pg_database: str, tmp_path: Path
) -> None:
    record = tmp_path / "executions.txt"
    with Client(two_processes.graphql_url) as api:
        flow_id = api.register({"name": "record", "parameters": [{"name": "path"}],
                                "storage": {"type": "Local", "path": str(FLOWS_FILE),
                                            "function": "record"}}, "scale")
        run_ids = _create_runs(api, flow_id, RUNS, record)
        with agents(two_processes.graphql_url, 3, "--concurrency", "4", log_dir=tmp_path):
            wait_for(lambda: _finished(api, flow_id) == RUNS, timeout=150, every=0.5)
    executions = Counter(record.read_text().split())
    assert set(executions) == set(run_ids)
    assert max(executions.values()) == 1
    with psycopg.connect(pg_database) as conn:
        states: dict[str, int] = dict(conn.execute(
            "SELECT state, count(*) FROM flow_run GROUP BY state").fetchall())
        history: dict[str, int] = dict(conn.execute(
            "SELECT state, count(*) FROM flow_run_state GROUP BY state").fetchall())
        agents_used = conn.execute(
            "SELECT count(DISTINCT agent_id) FROM flow_run").fetchone()
    assert states == {"Success": RUNS}
    assert (history["Submitted"], history["Running"]) == (RUNS, RUNS)
    assert agents_used is not None and agents_used[0] >= 2


async def test_the_scheduler_in_two_processes_creates_each_scheduled_run_once(
    two_processes: LiveServer, pg_database: str
) -> None:
    with Client(two_processes.graphql_url) as api:
        document = {"name": "ticking", "parameters": [], "schedule": schedule_from_text("1s"),
                    "run_config": {"labels": ["no-agent-has-this"]}}
        flow_id = api.register(document, "scale")
        wait_for(lambda: len(api.list_flow_runs(flow_name="ticking")) >= 10, timeout=15)
    with psycopg.connect(pg_database) as conn:
        rows = conn.execute("SELECT scheduled_start_time, count(*) FROM flow_run "
                            "WHERE flow_id = %s GROUP BY 1", (flow_id,)).fetchall()
        holders = conn.execute("SELECT name, holder FROM loop_lease").fetchall()
    assert rows and {count for _, count in rows} == {1}
    assert sorted(name for name, _ in holders) == ["late_runs", "retention", "scheduler",
                                                   "zombie_killer"]
