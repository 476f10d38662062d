"""A flow-run concurrency limit holds across agents and API processes: three agents (four
slots each) over two API processes sharing PostgreSQL (one process on SQLite) with a limit of
2 on the runs' label never run more than 2 of 50 runs at once, sampled throughout from the API
and measured from what the flows themselves recorded, and all 50 finish."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from server.client import Client
from tests.e2e.motion import FAST_LOOPS, agents, fresh_database, wait_for
from tests.live import LiveServer, start_server

pytestmark = pytest.mark.e2e
RUNS = 50
LIMIT = 2
FLOWS_FILE = Path(__file__).resolve().parent / "flows_for_tests.py"
HOLDING = ["Submitted", "Running", "Cancelling"]


@pytest.fixture(params=["sqlite", "postgresql"])
def limited_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    workers = 2 if request.param == "postgresql" else 1
    with fresh_database(request.param) as url, \
            start_server(url, extra_env=FAST_LOOPS, workers=workers) as server:
        yield server


def _count(api: Client, where: dict[str, Any]) -> int:
    data = api.graphql("query($w: flow_run_bool_exp) { flow_run_aggregate(where: $w) "
                       "{ aggregate { count } } }", {"w": where}, idempotent=True)
    return int(data["flow_run_aggregate"]["aggregate"]["count"])


class Sampler(threading.Thread):
    """Counts the labelled runs holding a slot, as often as the API answers, until stopped."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.url, self.stop = url, threading.Event()
        self.samples: list[int] = []

    def run(self) -> None:
        where = {"labels": {"_contains": ["db"]}, "state": {"_in": HOLDING}}
        with Client(self.url) as api:
            while not self.stop.is_set():
                self.samples.append(_count(api, where))


def most_at_once(record: Path) -> int:
    events = sorted((float(t), kind) for kind, t, _ in
                    (line.split() for line in record.read_text().splitlines()))
    running = peak = 0
    for _, kind in events:
        running += 1 if kind == "start" else -1
        peak = max(peak, running)
    return peak


async def test_three_agents_never_run_more_than_the_limit_and_every_run_finishes(
    limited_server: LiveServer, tmp_path: Path
) -> None:
    record = tmp_path / "slots.txt"
    with Client(limited_server.graphql_url) as api:
        api.graphql("mutation { set_flow_concurrency_limit(input: {name: \"db\", limit: 2}) "
                    "{ id } }")
        flow_id = api.register({"name": "hold", "parameters": [{"name": "path"}],
                                "storage": {"type": "Local", "path": str(FLOWS_FILE),
                                            "function": "hold_slot"}}, "limits")
        for _ in range(RUNS):
            api.create_flow_run(flow_id=flow_id, parameters={"path": str(record)},
                                labels=["db"])
        sampler = Sampler(limited_server.graphql_url)
        sampler.start()
        try:
            with agents(limited_server.graphql_url, 3, "--label", "db", "--concurrency", "4",
                        log_dir=tmp_path):
                wait_for(lambda: _count(api, {"state": {"_eq": "Success"}}) == RUNS,
                         timeout=300, every=0.5)
        finally:
            sampler.stop.set()
            sampler.join(10)
    assert len(sampler.samples) > 20 and max(sampler.samples) == LIMIT
    assert most_at_once(record) <= LIMIT
    assert len(record.read_text().splitlines()) == 2 * RUNS
