"""Case 2, with a real restart: a private PostgreSQL (tests/faults/private_pg.py; the shared
cluster is never touched) is stopped under load, stays down for seconds and starts again.

While it is down every request is answered SERVICE_UNAVAILABLE with HTTP 503 at once (never a
500, never a hang); creates succeed again within seconds of its return without restarting the
API; retries with their keys end with exactly one run each; and the real Prefect 1.4.1 Client,
creating runs throughout, rides through on its HTTP retries and gets one run per key."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator
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
    repeating,
    running,
    summary,
)
from .private_pg import PrivatePostgres, private_postgres

pytestmark = pytest.mark.e2e
DOWN_SECONDS = 3.0
PREFECT1_RUNS = 40


@contextlib.contextmanager
def health_statuses(server: Restartable) -> Iterator[list[int]]:
    """GET /health every 50 ms while the block runs; yields the statuses seen."""
    seen: list[int] = []
    with httpx.Client(timeout=30) as http, \
            repeating(lambda: seen.append(http.get(f"{server.url}/health").status_code), 0.05):
        yield seen


@pytest.fixture
def private_pg() -> Iterator[PrivatePostgres]:
    with private_postgres() as instance:
        yield instance


async def test_a_postgresql_restart_under_load_gives_503s_then_one_run_per_key(
    private_pg: PrivatePostgres, prefect1_python: Path, tmp_path: Path,  # noqa: F811
) -> None:
    url = private_pg.url
    with running(Restartable(url)) as server:
        flow_id = register(server.graphql_url, "database-restart")
        with KeyedCreates(server.graphql_url, flow_id, clients=6) as load, \
                Prefect1Creates(server, tmp_path, flow_id, PREFECT1_RUNS) as prefect1:
            wait_for(lambda: len(load.acked) >= 50 and prefect1.count("CREATED") >= 3, 60)
            with health_statuses(server) as health:
                down = private_pg.restart(DOWN_SECONDS)
            back, before = time.monotonic(), len(load.acked)
            wait_for(lambda: len(load.acked) > before, timeout=30, every=0.02)
            recovered_in = time.monotonic() - back
            wait_for(prefect1.exited, timeout=240, every=0.2)
        acked = dict(load.acked)
        retried = load.retry_unanswered()
    ids = prefect1.result()
    assert not load.errors, load.errors[:5]  # only runs and SERVICE_UNAVAILABLE (HTTP 503)
    assert load.statuses.get("SERVICE_UNAVAILABLE", 0) > 0
    assert recovered_in < 15
    stored = one_run_per_key(url, acked, retried, ids)
    assert prefect1.count("RETRY 503") >= 1, prefect1.lines
    assert 503 in health and set(health) <= {200, 503}  # /health says so while it is down
    summary("PostgreSQL restarted under load [private postgresql]", down_s=f"{down:.1f}",
            answers_ok=load.statuses.get("OK", 0),
            http_503=load.statuses.get("SERVICE_UNAVAILABLE", 0), http_500=0,
            recovered_in_s=f"{recovered_in:.2f}",
            prefect1_http_503_retries=prefect1.count("RETRY 503"),
            health_503=health.count(503), prefect1_runs=len(ids), runs_created=len(stored),
            duplicates=0, lost=0)
