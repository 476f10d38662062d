"""Case 7: SIGTERM to the API process.

A request in flight (a state change waiting on a lock) finishes and is answered while new
connections are already refused; a request that outlasts FLOWRUN_GRACEFUL_SHUTDOWN_SECONDS is
cut and rolled back, so the process always exits; an agent's flow keeps running while the
server is away and its result is reported once the server is back, even when the server was
away longer than the heartbeat timeout."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest

from server.client import Client
from tests.e2e.motion import EXAMPLES, FAST_LOOPS, agents, alive, wait_for

from .harness import CREATE, Restartable, SqliteWriteLock, finished, rows, summary

pytestmark = pytest.mark.e2e
# uvicorn ends a graceful shutdown by raising the signal it caught again
EXITED = (0, -signal.SIGTERM)
SLOW_DB = {"FLOWRUN_DB_TIMEOUT_SECONDS": "60"}
SET_STATE = """mutation($id: UUID!) { set_flow_run_state(input: {flow_run_id: $id, version: 1,
  state: {type: "Submitted"}}) { version } }"""


@contextlib.contextmanager
def blocked_writes(database_url: str, run_id: str) -> Iterator[None]:
    """Writes to the run wait until the block ends: SQLite's write lock, or PostgreSQL's lock
    on the run's row, held by another process."""
    if database_url.startswith("sqlite"):
        with SqliteWriteLock(database_url):
            yield
        return
    with psycopg.connect(database_url) as conn:
        conn.execute("SELECT id FROM flow_run WHERE id = %s FOR UPDATE", (run_id,))
        yield
        conn.rollback()


def _refused(url: str) -> bool:
    try:
        httpx.get(f"{url}/health", timeout=2)
    except httpx.ConnectError:
        return True
    except httpx.HTTPError:
        pass
    return False


def _run(server: Restartable) -> str:
    from .harness import register

    flow_id = register(server.graphql_url, "shutdown")
    body = httpx.post(server.graphql_url, timeout=30, json={"query": CREATE, "variables": {
        "input": {"flow_id": flow_id, "idempotency_key": "shutdown"}}}).json()
    return str(body["data"]["create_flow_run"]["id"])


def _in_flight(server: Restartable, pool: ThreadPoolExecutor, run_id: str) -> Future[Any]:
    future = pool.submit(httpx.post, server.graphql_url, timeout=90,
                         json={"query": SET_STATE, "variables": {"id": run_id}})
    time.sleep(1)  # give it time to reach the lock (a precondition, checked next)
    assert not future.done(), future.result()
    return future


async def test_sigterm_lets_the_request_in_flight_finish_and_refuses_new_connections(
    fault_db: str,
) -> None:
    server = Restartable(fault_db, SLOW_DB).start()
    try:
        run_id = _run(server)
        assert server.server is not None
        with ThreadPoolExecutor(1) as pool, blocked_writes(fault_db, run_id):
            in_flight = _in_flight(server, pool, run_id)
            os.killpg(server.server.process.pid, signal.SIGTERM)
            wait_for(lambda: _refused(server.url), timeout=30)
            assert server.server.process.poll() is None  # still finishing the request
        response = in_flight.result(timeout=60)
        exit_code = server.wait_dead(timeout=60)
    finally:
        server.stop()
    assert response.status_code == 200, response.text
    assert response.json()["data"]["set_flow_run_state"]["version"] == 2
    assert exit_code in EXITED and "Application shutdown complete" in server.log()
    assert [tuple(r) for r in rows(fault_db, "SELECT state, version FROM flow_run")] == [
        ("Submitted", 2)]
    summary(f"SIGTERM with a request in flight [{fault_db.split(':')[0]}]",
            in_flight_answered=1, refused_after_sigterm="yes", stored_version=2, lost=0)


async def test_a_request_longer_than_the_graceful_timeout_is_cut_and_rolled_back(
    sqlite_fault_db: str,
) -> None:
    server = Restartable(sqlite_fault_db, {**SLOW_DB, "FLOWRUN_GRACEFUL_SHUTDOWN_SECONDS": "1"})
    server.start()
    try:
        run_id = _run(server)
        assert server.server is not None
        with ThreadPoolExecutor(1) as pool, blocked_writes(sqlite_fault_db, run_id):
            in_flight = _in_flight(server, pool, run_id)
            started = time.monotonic()
            os.killpg(server.server.process.pid, signal.SIGTERM)
            exit_code = server.wait_dead(timeout=30)  # not the 60 s the request would wait
            took = time.monotonic() - started
            with pytest.raises(httpx.HTTPError):
                in_flight.result(timeout=30).raise_for_status()
    finally:
        server.stop()
    assert exit_code in EXITED and took < 30
    assert "timeout graceful shutdown exceeded" in server.log()
    assert [tuple(r) for r in rows(sqlite_fault_db, "SELECT state, version FROM flow_run")] == [
        ("Scheduled", 1)]
    summary("SIGTERM past the graceful timeout [sqlite]", exited_in_s=f"{took:.1f}",
            cut_requests=1, rolled_back=1)


async def test_an_agents_flow_outlives_a_server_restart_and_is_reported_when_it_is_back(
    fault_db: str, tmp_path: Path,
) -> None:
    pid_file = tmp_path / "pid"
    server = Restartable(fault_db, FAST_LOOPS).start()  # heartbeat timeout: 3 s
    try:
        with Client(server.graphql_url) as api, agents(server.graphql_url, 1, "--poll-interval",
                                                       "0.2", "--heartbeat-interval", "0.5"):
            flow_id = api.register({"name": "sleepy", "parameters": [
                {"name": "seconds"}, {"name": "pid_file"}], "storage": {
                "type": "Local", "path": str(EXAMPLES / "sleepy.py"), "function": "sleepy"}},
                "faults")
            run_id = api.create_flow_run(flow_id=flow_id, parameters={
                "seconds": 2, "pid_file": str(pid_file)})
            wait_for(lambda: pid_file.exists() and pid_file.read_text(), timeout=60)
            child = int(pid_file.read_text())
            server.stop()  # SIGTERM
            assert alive(child)
            wait_for(lambda: not alive(child), timeout=60)  # it ended while the server was away
            time.sleep(3)  # the server stays away longer than the heartbeat timeout
            server.start()
            run = wait_for(lambda: finished(api, run_id),
                           timeout=90, every=0.3)
            logs = [log.message for log in api.get_logs(run_id)]
    finally:
        server.stop()
    assert run.state == "Success", run.state_message
    assert "Done sleeping" in logs
    summary(f"server SIGTERMed and restarted under an agent [{fault_db.split(':')[0]}]",
            runs_created=1, ended="Success", executions=1, lost=0)
