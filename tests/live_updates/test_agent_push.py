"""Agents are told of new runs over a subscription: a run due now starts long before the next
poll. With the push channel refused (a proxy without WebSocket) the agent still works, by
polling."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from server.client import Client
from tests.e2e.motion import EXAMPLES, agents, cli, wait_for
from tests.live import LiveServer
from tests.live_updates.proxy import HttpOnlyProxy

pytestmark = pytest.mark.e2e


def _register_and_run(url: str) -> str:
    assert cli(url, "register", str(EXAMPLES / "hello.py")).returncode == 0
    result = cli(url, "run", "-n", "hello", "--quiet")
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def _pushed(log_dir: Path) -> bool:
    return "over a subscription" in (log_dir / "agent-0.log").read_text()


async def test_an_agent_polling_once_a_minute_starts_a_run_due_now_at_once(
    server: LiveServer, tmp_path: Path
) -> None:
    url = server.graphql_url
    with Client(url) as api, agents(url, 1, "--poll-interval", "60", log_dir=tmp_path):
        wait_for(lambda: _pushed(tmp_path) or None, timeout=60)
        time.sleep(0.5)  # its first poll (at start) is behind it: the next is a minute away
        run_id = _register_and_run(url)
        started = time.monotonic()
        wait_for(lambda: api.get_flow_run_info(run_id).is_finished or None, timeout=45)
        assert time.monotonic() - started < 45
        assert api.get_flow_run_info(run_id).state == "Success"


async def test_an_agent_whose_push_channel_is_refused_still_runs_flows_by_polling(
    server: LiveServer, tmp_path: Path
) -> None:
    proxy = HttpOnlyProxy(int(server.url.rsplit(":", 1)[1])).start()
    refused = HttpOnlyProxy.refused
    try:
        with Client(server.graphql_url) as api, agents(proxy.url, 1, log_dir=tmp_path):
            run_id = _register_and_run(server.graphql_url)
            wait_for(lambda: api.get_flow_run_info(run_id).is_finished or None, timeout=60)
            assert api.get_flow_run_info(run_id).state == "Success"
    finally:
        proxy.cut()
    assert HttpOnlyProxy.refused > refused
    assert not _pushed(tmp_path)
