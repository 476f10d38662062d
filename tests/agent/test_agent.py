"""An agent process against a live server: it keeps its flow running while the server is
unreachable and reports the result when it answers again."""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from server.client import Client
from tests.agent.proxy import Proxy
from tests.e2e.motion import EXAMPLES, agents, alive, wait_for
from tests.live import LiveServer

pytestmark = pytest.mark.e2e


async def test_an_agent_that_loses_the_server_keeps_its_flow_running_and_reports_later(
    server: LiveServer, tmp_path: Path
) -> None:
    if server.database_url.startswith("postgresql"):
        pytest.skip("the network between agent and server does not depend on the database")
    proxy = Proxy(urlsplit(server.url).port or 0).start()
    pid_file = tmp_path / "pid"
    with Client(server.graphql_url) as api:
        flow_id = api.register({"name": "sleepy", "parameters": [
            {"name": "seconds"}, {"name": "pid_file"}],
            "storage": {"type": "Local", "path": str(EXAMPLES / "sleepy.py"),
                        "function": "sleepy"}}, "loss")
        run_id = api.create_flow_run(flow_id=flow_id,
                                     parameters={"seconds": 3, "pid_file": str(pid_file)})
        with agents(proxy.url, 1, log_dir=tmp_path):
            wait_for(lambda: pid_file.exists() and pid_file.read_text())
            proxy.cut()
            time.sleep(1)
            assert alive(int(pid_file.read_text()))  # the flow goes on without the server
            # The cut outlasts the client's own retries: the heartbeat gives up (and the
            # flow keeps running), and the final state, once the flow ends, waits in the
            # agent's backoff. The proxy comes back only once the agent has said both.
            wait_for(lambda: "heartbeat failed" in agent_log(tmp_path)
                     and "server unavailable" in agent_log(tmp_path), timeout=60, every=0.5)
            proxy.start()
            run = wait_for(
                lambda: r if (r := api.get_flow_run_info(run_id)).is_finished else None,
                timeout=60)
        assert run.state == "Success"
        assert [r.message for r in api.get_logs(run_id)][-1] == "Done sleeping"
    proxy.cut()


def agent_log(folder: Path) -> str:
    return "".join(p.read_text() for p in folder.glob("agent-*.log"))
