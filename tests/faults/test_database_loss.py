"""Case 2: PostgreSQL connections lost under load (every backend of the test's database
terminated with pg_terminate_backend, again and again, for seconds; the shared cluster is
never stopped).

Requests in flight get SERVICE_UNAVAILABLE with HTTP 503, never a 500 or a hang; the pool
recovers by itself as soon as the terminations stop; retries with their keys end with exactly
one run each. The real Prefect 1.4.1 Client rides through the same loss on its own HTTP
retries, which it makes only because the answer is a 503."""

from __future__ import annotations

import json
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.motion import wait_for
from tests.prefect1 import venv
from tests.prefect1.conftest import prefect1_python  # noqa: F401  (the fixture)
from tests.prefect1.harness import Prefect1

from .harness import (
    KeyedCreates,
    Restartable,
    register,
    running,
    runs_by_key,
    summary,
    terminate_backends,
)

pytestmark = pytest.mark.e2e
LOSS_SECONDS = 4.0
PREFECT1_RUNS = 30
SCRIPT = Path(__file__).resolve().parent / "scripts" / "prefect1_creates.py"


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
    stored = runs_by_key(pg_fault_db)
    assert not load.errors, load.errors[:5]  # only runs and SERVICE_UNAVAILABLE (HTTP 503)
    assert killed[0] > 0 and load.statuses.get("SERVICE_UNAVAILABLE", 0) > 0
    assert recovered_in < 10
    assert health.status_code == 200
    lost = [key for key, run_id in acked.items() if stored.get(key) != [run_id]]
    duplicates = [key for key, ids in stored.items() if len(ids) > 1]
    assert (lost, duplicates) == ([], [])
    assert all(stored[key] == [run_id] for key, run_id in retried.items())
    summary("database connections terminated [postgresql]", backends_terminated=killed[0],
            answers_ok=load.statuses.get("OK", 0),
            http_503=load.statuses.get("SERVICE_UNAVAILABLE", 0), http_500=0,
            recovered_in_s=f"{recovered_in:.2f}", runs_created=len(stored),
            duplicates=len(duplicates), lost=len(lost))


class Lines:
    """A subprocess's stdout, read line by line in a thread."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        assert process.stdout is not None
        self._thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream: object) -> None:
        with stream:  # type: ignore[attr-defined]
            for line in stream:  # type: ignore[attr-defined]
                self.lines.append(line.strip())

    def join(self) -> None:
        self._thread.join(timeout=30)

    def count(self, prefix: str) -> int:
        return sum(1 for line in self.lines if line.startswith(prefix))


async def test_the_real_prefect1_client_rides_through_lost_database_connections(
    pg_fault_db: str, prefect1_python: Path, tmp_path: Path,  # noqa: F811
) -> None:
    with running(Restartable(pg_fault_db)) as server:
        assert server.server is not None
        prefect1 = Prefect1(server.server, tmp_path)
        flow_id = register(server.graphql_url, "prefect1-connection-loss")
        process = subprocess.Popen(
            [str(venv.bin_path("python")), str(SCRIPT), flow_id, str(PREFECT1_RUNS), "p1"],
            env=prefect1.env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            cwd=tmp_path)
        output = Lines(process)
        try:
            wait_for(lambda: output.count("CREATED") >= 3 or process.poll() is not None, 60)
            with terminate_backends(pg_fault_db, every=0.02) as killed:
                until = time.monotonic() + LOSS_SECONDS  # a loss of some seconds, at least
                wait_for(lambda: (output.count("RETRY 503") >= 1 and time.monotonic() > until)
                         or process.poll() is not None, timeout=60)
            assert process.wait(timeout=240) == 0, "\n".join(output.lines)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            output.join()
        ids = json.loads(output.lines[-1])
    stored = runs_by_key(pg_fault_db)
    assert output.count("RETRY 503") >= 1, output.lines
    assert {key: [run_id] for key, run_id in ids.items()} == stored
    summary("Prefect 1 client through lost connections [postgresql]",
            backends_terminated=killed[0], prefect1_http_503_retries=output.count("RETRY 503"),
            runs_created=len(stored), acknowledged=len(ids), duplicates=0, lost=0)
