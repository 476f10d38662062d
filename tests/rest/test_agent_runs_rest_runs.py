"""A run made through the REST door is executed by an agent like any other run: same table,
same services, same claim."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import httpx
from typer.testing import CliRunner

from server.agent.agent import Agent, AgentOptions
from server.cli.main import app
from server.client import Client
from tests.live import LiveServer

HELLO = Path(__file__).resolve().parents[2] / "examples" / "hello.py"
FINISHED = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


async def wait_until_finished(
    api: httpx.AsyncClient, run_id: str, timeout: float = 60
) -> dict[str, Any]:
    for _ in range(int(timeout * 10)):
        run = (await api.get(f"/flow_runs/{run_id}")).json()
        if run["state_type"] in FINISHED:
            return run  # type: ignore[no-any-return]
        await asyncio.sleep(0.1)
    raise AssertionError(f"run {run_id} did not finish in {timeout}s: {run['state_name']}")


async def test_an_agent_executes_a_run_created_through_rest(
    server: LiveServer, api: httpx.AsyncClient
) -> None:
    registered = CliRunner().invoke(app, ["register", f"{HELLO}:hello"],
                                    env={"FLOWRUN_API_URL": server.graphql_url})
    assert registered.exit_code == 0, registered.output + registered.stderr
    with Client(server.graphql_url) as client:
        flow = client.find_flows("hello")[0]
        created = await api.post("/deployments/", json={"name": "hello-rest",
                                                        "flow_id": str(flow.id)})
        assert created.status_code == 201, created.text
        run = (await api.post(f"/deployments/{created.json()['id']}/create_flow_run",
                              json={"parameters": {"name": "REST"}})).json()
        stop = threading.Event()
        agent = Agent(client, AgentOptions(name="rest-test", poll_interval=0.2))
        thread = threading.Thread(target=agent.run, args=(stop,), daemon=True)
        thread.start()
        try:
            done = await wait_until_finished(api, run["id"])
        finally:
            stop.set()
            thread.join(timeout=30)
    assert (done["state_type"], done["state_name"]) == ("COMPLETED", "Success")
    assert done["run_count"] == 1 and done["start_time"] and done["end_time"]
    assert done["parameters"] == {"name": "REST"} and done["version"] > run["version"]
