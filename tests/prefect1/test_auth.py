"""The unmodified Prefect 1.4.1 client, CLI, local agent and flow runner against a flowrun
server that requires keys: each sends a flowrun key from PREFECT__CLOUD__API_KEY as
`Authorization: Bearer`. Registering takes an admin key; the agent and `prefect run` a write
key; without a key nothing gets in."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.live import ROOT, LiveServer, start_server

from .harness import Prefect1, local_agent, unique

pytestmark = pytest.mark.e2e


def make_key(database_url: str, scope: str) -> str:
    made = subprocess.run(
        [sys.executable, "-m", "server", "api-key", "create", unique(f"p1-{scope}"),
         "--scope", scope], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True,
        env={**os.environ, "FLOWRUN_DATABASE_URL": database_url},
    )
    return made.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def guarded_server(database_url: str) -> Iterator[LiveServer]:
    with start_server(database_url, {"FLOWRUN_AUTH_REQUIRED": "true",
                                     "FLOWRUN_DB_POOL_SIZE": "2"}) as server:
        yield server


@pytest.fixture(scope="module")
def admin(prefect1_python: Path, guarded_server: LiveServer, prefect1_home: Path,
          database_url: str) -> Prefect1:
    return Prefect1(guarded_server, prefect1_home, make_key(database_url, "admin"))


def test_prefect1_runs_a_flow_to_success_with_flowrun_keys_and_is_refused_without(
    admin: Prefect1, database_url: str,
) -> None:
    labels = [unique("p1-auth")]
    registered = admin.scenario("register", project=unique("p1-auth"), kind="arithmetic",
                                name=unique("p1-auth"), labels=labels)
    flow_id = str(registered["flow_ids"][0])
    writer = dataclasses.replace(admin, api_key=make_key(database_url, "write"))
    stranger = dataclasses.replace(admin, api_key=None)
    refused = stranger.cli("run", "--id", flow_id, "--quiet")
    assert refused.returncode != 0
    assert "401" in refused.stdout + refused.stderr
    with local_agent(writer, labels) as agent:
        done = writer.cli("run", "--id", flow_id, "--param", "a=2", "--watch")
        assert done.returncode == 0, done.stdout + done.stderr + agent.log()[-5000:]
    assert "Flow run succeeded!" in done.stdout
    runs = admin.graphql("query($id: uuid!) { flow_run(where: {flow_id: {_eq: $id}}) "
                         "{ state task_runs { state } } }", {"id": flow_id})["flow_run"]
    assert [run["state"] for run in runs] == ["Success"]
    assert {t["state"] for t in runs[0]["task_runs"]} == {"Success"}
