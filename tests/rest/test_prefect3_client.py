"""The real Prefect 3 client (prefect==3.9.1, in its own cached virtualenv) against flowrun's
/api: PrefectClient.read_deployment and create_flow_run_from_deployment(..., parameters,
idempotency_key) work, and return what flowrun stored. Skipped, with the reason, only when
prefect cannot be installed, and never under CI (CI=true), where that fails."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from server.database.engine import Database
from server.domain.access import Scope
from server.services import api_keys
from tests.live import LiveServer, start_server
from tests.rest.conftest import FlowRef, create_deployment
from tests.rest.prefect3 import InstallFailed, prefect3_python

SCRIPT = """
import asyncio, json, sys
from prefect.client.orchestration import get_client

async def main(deployment_id):
    async with get_client() as client:
        deployment = await client.read_deployment(deployment_id)
        first = await client.create_flow_run_from_deployment(
            deployment_id, parameters={"n": 2}, idempotency_key="prefect-3-key", tags=["p3"])
        again = await client.create_flow_run_from_deployment(
            deployment_id, parameters={"n": 2}, idempotency_key="prefect-3-key", tags=["p3"])
        print(json.dumps({
            "deployment": deployment.model_dump(mode="json"),
            "first": first.model_dump(mode="json"),
            "again": again.model_dump(mode="json"),
        }))

asyncio.run(main(sys.argv[1]))
"""


@pytest.fixture(scope="session")
def prefect3() -> Path:
    try:
        return prefect3_python()
    except InstallFailed as exc:
        if os.environ.get("CI"):
            pytest.fail(f"the Prefect 3 client is required under CI: {exc}")
        pytest.skip(f"prefect==3.9.1 could not be installed: {exc}")


def call_client(python: Path, server: LiveServer, deployment_id: str,
                api_key: str | None = None) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "PREFECT_API_URL": f"{server.url}/api", "PREFECT_HOME": home,
               "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
               "DO_NOT_TRACK": "1", **({"PREFECT_API_KEY": api_key} if api_key else {})}
        return subprocess.run([str(python), "-c", SCRIPT, deployment_id], env=env,
                              capture_output=True, text=True, timeout=300)


def run_client(python: Path, server: LiveServer, deployment_id: str,
               api_key: str | None = None) -> dict[str, Any]:
    done = call_client(python, server, deployment_id, api_key)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


async def test_the_prefect_3_client_reads_a_deployment_and_runs_it_idempotently(
    prefect3: Path, server: LiveServer, api: httpx.AsyncClient, flow: FlowRef
) -> None:
    deployment_id = await create_deployment(
        api, flow, name="from-prefect", parameters={"m": 1}, tags=["nightly"],
        labels={"team": "data"}, work_queue_name="default", version="3")
    seen = run_client(prefect3, server, deployment_id)

    deployment = seen["deployment"]
    assert deployment["id"] == deployment_id and deployment["name"] == "from-prefect"
    assert deployment["flow_id"] == str(flow.id) and deployment["parameters"] == {"m": 1}
    assert deployment["tags"] == ["nightly"] and deployment["work_queue_name"] == "default"

    first, again = seen["first"], seen["again"]
    assert again["id"] == first["id"]
    stored = (await api.get(f"/flow_runs/{first['id']}")).json()
    for key in ("id", "name", "flow_id", "deployment_id", "parameters", "tags",
                "idempotency_key", "work_queue_name", "state_type", "state_name", "run_count"):
        assert first[key] == stored[key], key
    assert first["parameters"] == {"x": 1, "m": 1, "n": 2}
    assert first["tags"] == ["nightly", "p3"] and first["state"]["type"] == "SCHEDULED"
    assert first["state"]["id"] == stored["state_id"]
    listed = (await api.post("/flow_runs/filter", json={})).json()
    assert [run["id"] for run in listed] == [first["id"]]


@pytest.fixture
def guarded_server(database_url: str) -> Iterator[LiveServer]:
    with start_server(database_url, {"FLOWRUN_AUTH_REQUIRED": "true",
                                     "FLOWRUN_DB_POOL_SIZE": "2"}) as server:
        yield server


async def test_the_prefect_3_client_sends_its_api_key_to_a_server_that_requires_one(
    prefect3: Path, guarded_server: LiveServer, api: httpx.AsyncClient, flow: FlowRef,
    db: Database,
) -> None:
    deployment_id = await create_deployment(api, flow, name="guarded")
    async with db.transaction() as conn:
        key = (await api_keys.create_key(conn, name="prefect3", scope=Scope.WRITE)).key
    refused = call_client(prefect3, guarded_server, deployment_id)
    assert refused.returncode != 0 and "401" in refused.stderr
    seen = run_client(prefect3, guarded_server, deployment_id, api_key=key)
    assert seen["deployment"]["id"] == deployment_id
    assert seen["again"]["id"] == seen["first"]["id"]
    stored = (await api.get(f"/flow_runs/{seen['first']['id']}")).json()
    assert stored["deployment_id"] == deployment_id
