"""Case 2: PostgreSQL connections lost under load (every backend of the test's database
terminated with pg_terminate_backend, again and again, for seconds; the shared cluster is
never stopped).

Requests in flight get SERVICE_UNAVAILABLE with HTTP 503, never a 500 or a hang; the pool
recovers by itself as soon as the terminations stop; retries with their keys end with exactly
one run each. The real Prefect 1.4.1 Client rides through the same loss on its own HTTP
retries, which it makes only because the answer is a 503."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.motion import wait_for
from tests.prefect1.conftest import prefect1_python  # noqa: F401  (the fixture)

from .harness import (
    KeyedCreates,
    Prefect1Creates,
    Restartable,
    one_run_per_key,
    register,
    running,
    runs_by_key,
    summary,
    terminate_backends,
)

pytestmark = pytest.mark.e2e
LOSS_SECONDS = 4.0
PREFECT1_RUNS = 30


def _seconds_to_recover(load: KeyedCreates) -> float:
    """Time from the end of the terminations to the first create that succeeds."""
    stopped, before = time.monotonic(), len(load.acked)
    wait_for(lambda: len(load.acked) > before, timeout=30, every=0.02)
    return time.monotonic() - stopped


async def test_terminated_database_connections_give_503s_then_recover_with_one_run_per_key(
    pg_fault_db: str,
) -> None:
    with running(Restartable(pg_fault_db)) as server:
        flow_id = register(server.graphql_url, "connection-loss")
        with KeyedCreates(server.graphql_url, flow_id, clients=8) as load:
            wait_for(lambda: len(load.acked) >= 50, timeout=60)
            with terminate_backends(pg_fault_db) as killed:
                time.sleep(LOSS_SECONDS)  # the fault's duration, not a wait for a result
            recovered_in = _seconds_to_recover(load)
        acked = dict(load.acked)
        retried = load.retry_unanswered()
        health = httpx.get(f"{server.url}/health", timeout=30)
    assert not load.errors, load.errors[:5]  # only runs and SERVICE_UNAVAILABLE (HTTP 503)
    assert killed[0] > 0 and load.statuses.get("SERVICE_UNAVAILABLE", 0) > 0
    assert recovered_in < 10
    assert health.status_code == 200
    stored = one_run_per_key(pg_fault_db, acked, retried)
    summary("database connections terminated [postgresql]", backends_terminated=killed[0],
            answers_ok=load.statuses.get("OK", 0),
            http_503=load.statuses.get("SERVICE_UNAVAILABLE", 0), http_500=0,
            recovered_in_s=f"{recovered_in:.2f}", runs_created=len(stored),
            duplicates=0, lost=0)


async def test_the_real_prefect1_client_rides_through_lost_database_connections(
    pg_fault_db: str, prefect1_python: Path, tmp_path: Path,  # noqa: F811
) -> None:
    with running(Restartable(pg_fault_db)) as server:
        flow_id = register(server.graphql_url, "prefect1-connection-loss")
        with Prefect1Creates(server, tmp_path, flow_id, PREFECT1_RUNS) as prefect1:
            wait_for(lambda: prefect1.count("CREATED") >= 3 or prefect1.exited(), timeout=60)
            with terminate_backends(pg_fault_db, every=0.02) as killed:
                until = time.monotonic() + LOSS_SECONDS  # a loss of some seconds, at least
                wait_for(lambda: (prefect1.count("RETRY 503") >= 1
                                  and time.monotonic() > until) or prefect1.exited(), 60)
        output, ids = prefect1, prefect1.result()
    stored = runs_by_key(pg_fault_db)
    assert output.count("RETRY 503") >= 1, output.lines
    assert {key: [run_id] for key, run_id in ids.items()} == stored
    summary("Prefect 1 client through lost connections [postgresql]",
            backends_terminated=killed[0], prefect1_http_503_retries=output.count("RETRY 503"),
            runs_created=len(stored), acknowledged=len(ids), duplicates=0, lost=0)
