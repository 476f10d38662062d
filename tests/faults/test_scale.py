"""Case 6: the races at scale, on one PostgreSQL (behind `-m slow_faults`; `make
test-slow-faults` and CI run them as a separate step).

    1,000 concurrent creates with one idempotency key over 4 API processes -> one run,
    1,000 answers naming it, 0 errors
    3 agents over 2 API processes draining 500 runs -> each executed exactly once"""

from __future__ import annotations

import asyncio
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from server.client import Client
from tests.e2e.motion import FAST_LOOPS, agents, wait_for

from .harness import CREATE, Restartable, answer_code, register, rows, runs_by_key, summary

pytestmark = [pytest.mark.e2e, pytest.mark.slow_faults]
CREATES, PROCESSES, CONNECTIONS = 1000, 4, 200
RUNS, AGENTS, BATCH = 500, 3, 100
FLOWS_FILE = Path(__file__).resolve().parent / "flows.py"


def _start(database_url: str, count: int, env: dict[str, str] | None = None) -> list[Restartable]:
    servers = [Restartable(database_url, env or {}) for _ in range(count)]
    with ThreadPoolExecutor(count) as pool:
        list(pool.map(Restartable.start, servers))
    return servers


async def _same_key_creates(servers: list[Restartable], flow_id: str) -> list[httpx.Response]:
    """CONNECTIONS clients at once, each on its own keep-alive connection to one server,
    sending its share of the CREATES one after another. No request waits in a client's
    connection pool: httpx's pool queueing many requests for fewer connections is reported to
    fail some with ReadError by itself (encode/httpx#3348), which says nothing of the server."""
    body = {"query": CREATE, "variables": {"input": {"flow_id": flow_id,
                                                      "idempotency_key": "one-key"}}}

    async def connection(index: int) -> list[httpx.Response]:
        url = servers[index % len(servers)].graphql_url
        limits = httpx.Limits(max_connections=1)
        async with httpx.AsyncClient(timeout=120, limits=limits) as http:
            return [await http.post(url, json=body) for _ in range(CREATES // CONNECTIONS)]

    try:
        shares = await asyncio.gather(*[connection(i) for i in range(CONNECTIONS)])
    except httpx.TransportError as exc:  # say what the servers saw, not only the client
        logs = "\n".join(f"--- server on port {s.port}, exit code "
                         f"{s.server and s.server.process.poll()}:\n{s.log()[-3000:]}"
                         for s in servers)
        raise AssertionError(f"a request failed below HTTP: {exc!r}\n{logs}") from exc
    return [response for share in shares for response in share]


async def test_a_thousand_concurrent_creates_with_one_key_over_four_processes_make_one_run(
    pg_fault_db: str,
) -> None:
    servers = _start(pg_fault_db, PROCESSES)
    try:
        flow_id = register(servers[0].graphql_url, "one-key")
        responses = await _same_key_creates(servers, flow_id)
    finally:
        for server in servers:
            server.stop()
    codes = Counter(answer_code(r) for r in responses)
    assert codes == {"OK": CREATES}, codes
    ids = {r.json()["data"]["create_flow_run"]["id"] for r in responses}
    created = sum(r.json()["data"]["create_flow_run"]["created"] for r in responses)
    assert len(ids) == 1 and created == 1
    assert runs_by_key(pg_fault_db) == {"one-key": list(ids)}
    summary("1,000 same-key creates over 4 API processes [postgresql]", answers=len(responses),
            naming_one_run=len(responses), runs_created=1, errors=0, duplicates=0)


def _create_runs(api: Client, flow_id: str, path: Path) -> list[str]:
    fields = "\n".join(f"r{i}: create_flow_run(input: {{flow_id: $flow, parameters: $p}}) {{ id }}"
                       for i in range(BATCH))
    out: list[str] = []
    for _ in range(RUNS // BATCH):
        data = api.graphql(f"mutation($flow: UUID!, $p: JSON) {{ {fields} }}",
                           {"flow": flow_id, "p": {"path": str(path)}})
        out += [data[f"r{i}"]["id"] for i in range(BATCH)]
    return out


async def test_three_agents_over_two_api_processes_execute_each_of_500_runs_exactly_once(
    pg_fault_db: str, tmp_path: Path,
) -> None:
    record = tmp_path / "executions.txt"
    servers = _start(pg_fault_db, 2, FAST_LOOPS)
    try:
        with Client(servers[0].graphql_url) as api:
            flow_id = api.register({"name": "record", "parameters": [{"name": "path"}],
                                    "storage": {"type": "Local", "path": str(FLOWS_FILE),
                                                "function": "record_and_sleep"}}, "scale")
            run_ids = _create_runs(api, flow_id, record)
            with agents(servers[0].graphql_url, 2, "--concurrency", "4", log_dir=tmp_path), \
                    agents(servers[1].graphql_url, 1, "--concurrency", "4"):
                wait_for(lambda: len(rows(pg_fault_db, "SELECT id FROM flow_run WHERE "
                                          "end_time IS NOT NULL")) == RUNS,
                         timeout=900, every=1)
    finally:
        for server in servers:
            server.stop()
    executions = Counter(record.read_text().split())
    states = dict(rows(pg_fault_db, "SELECT state, count(*) FROM flow_run GROUP BY state"))
    history = dict(rows(pg_fault_db, "SELECT state, count(*) FROM flow_run_state GROUP BY state"))
    assert set(executions) == set(run_ids) and set(executions.values()) == {1}
    assert states == {"Success": RUNS}
    assert (history["Submitted"], history["Running"]) == (RUNS, RUNS)
    summary("3 agents x 2 API processes x 500 runs [postgresql]", runs_created=RUNS,
            executions=sum(executions.values()), duplicates=0, lost=0)
