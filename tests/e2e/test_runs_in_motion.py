"""Runs in motion, end to end with real processes: a live server with its loops, agents,
and the `flowrun` command, from a registered function to a watched, finished run."""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from server.client import Client
from server.database.engine import Database
from tests.conftest import BACKENDS
from tests.databases import empty
from tests.e2e.motion import EXAMPLES, FAST_LOOPS, agents, alive, cli, fresh_database, wait_for
from tests.live import LiveServer, start_server

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module", params=BACKENDS)
async def motion_database(request: pytest.FixtureRequest) -> AsyncIterator[Database]:
    """A database of this module's own: no other server's loops share it."""
    with fresh_database(request.param) as url:
        database = Database(url)
        yield database
        await database.dispose()


@pytest.fixture(scope="module")
def motion_server(motion_database: Database) -> Iterator[LiveServer]:
    url = motion_database.url.render_as_string(hide_password=False)
    with start_server(url.replace("+aiosqlite", "").replace("+psycopg", ""),
                      extra_env=FAST_LOOPS) as server:
        yield server


@pytest.fixture
async def url(motion_server: LiveServer, motion_database: Database) -> str:
    """The server's GraphQL URL, over an emptied database."""
    await empty(motion_database)
    return motion_server.graphql_url


@pytest.fixture
def api(url: str) -> Iterator[Client]:
    with Client(url) as client:
        yield client


def register(url: str, example: str) -> None:
    result = cli(url, "register", str(EXAMPLES / example))
    assert result.returncode == 0, result.stderr


async def test_a_registered_function_runs_on_an_agent_and_watch_shows_its_log_line(
    url: str, api: Client
) -> None:
    register(url, "hello.py")
    with agents(url, 2):
        result = cli(url, "run", "-n", "hello", "--param", "name=Marvin", "--watch")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Hello, Marvin!" in result.stdout
    run = api.list_flow_runs(limit=1)[0]
    assert (run.state, run.parameters) == ("Success", {"name": "Marvin"})
    # Every state the run entered is shown, in order, even those shorter than a poll.
    states = [word for line in result.stdout.splitlines() for word in line.split()[:1]
              if word in ("Scheduled", "Submitted", "Running", "Success")]
    assert states == ["Scheduled", "Submitted", "Running", "Success"]


async def test_a_failing_flow_ends_failed_and_watch_exits_non_zero(url: str, api: Client) -> None:
    register(url, "failing.py")
    with agents(url, 2):
        result = cli(url, "run", "-n", "failing", "--watch")
    assert result.returncode == 1
    run = api.list_flow_runs(limit=1)[0]
    assert run.state == "Failed"
    assert run.state_message == "Flow run failed: RuntimeError: something went wrong"
    assert any("Traceback" in r.message for r in api.get_logs(run.id))


async def test_quiet_prints_only_the_run_id_for_pipes(url: str) -> None:
    register(url, "hello.py")
    result = cli(url, "run", "-n", "hello", "--quiet")
    assert result.returncode == 0
    assert result.stdout == f"{uuid.UUID(result.stdout.strip())}\n"


async def test_execute_runs_a_flow_to_success_without_any_agent(url: str, api: Client) -> None:
    register(url, "hello.py")
    result = cli(url, "run", "-n", "hello", "--param", "name=Arthur", "--execute")
    assert result.returncode == 0, result.stderr
    assert "Hello, Arthur!" in result.stdout
    assert api.list_flow_runs(limit=1)[0].state == "Success"


async def test_cancelling_a_running_run_stops_its_child_process(
    url: str, api: Client, tmp_path: Path
) -> None:
    register(url, "sleepy.py")
    pid_file = tmp_path / "pid"
    with agents(url, 1):
        run_id = api.create_flow_run(flow_id=api.find_flows("sleepy")[0].id,
                                     parameters={"seconds": 60, "pid_file": str(pid_file)})
        wait_for(lambda: pid_file.exists() and pid_file.read_text())
        pid = int(pid_file.read_text())
        assert api.get_flow_run_info(run_id).state == "Running"
        result = cli(url, "flow-run", "cancel", run_id)
        assert result.returncode == 0 and "Cancelling" in result.stdout
        wait_for(lambda: api.get_flow_run_info(run_id).state == "Cancelled", timeout=20)
        assert not alive(pid)


async def test_an_agent_killed_mid_run_leaves_a_run_the_zombie_killer_fails(
    url: str, api: Client, tmp_path: Path
) -> None:
    register(url, "sleepy.py")
    pid_file = tmp_path / "pid"
    with agents(url, 1) as (agent,):
        run_id = api.create_flow_run(flow_id=api.find_flows("sleepy")[0].id,
                                     parameters={"seconds": 60, "pid_file": str(pid_file)})
        wait_for(lambda: pid_file.exists() and pid_file.read_text())
        os.kill(agent.pid, signal.SIGKILL)
        agent.wait()
        child = int(pid_file.read_text())
        wait_for(lambda: not alive(child), timeout=10)  # the flow does not outlive its agent
        run = wait_for(
            lambda: r if (r := api.get_flow_run_info(run_id)).is_finished else None,
            timeout=20)
    assert run.state == "Failed"
    assert run.state_message is not None and "No heartbeat" in run.state_message
