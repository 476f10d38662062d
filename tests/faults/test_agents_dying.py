"""Case 4: agents dying, and the network between agent and server cut.

    SIGKILL after claiming, before starting the child  the runs go back to Scheduled (zombie
                                                        killer) and another agent runs each once
    SIGKILL while the child runs                       the run ends Failed, its child is gone,
                                                        and the other agent never runs it
    the network cut for a while, then healed           every run ends Success, each executed
                                                        once: no run is taken by two agents"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from server.client import Client
from tests.agent.proxy import Proxy
from tests.e2e.motion import FAST_LOOPS, agents, wait_for

from .harness import CRASHING, Restartable, finished, rows, running, summary

pytestmark = pytest.mark.e2e
FLOWS_FILE = Path(__file__).resolve().parent / "flows.py"
AGENT = ["--poll-interval", "0.2", "--heartbeat-interval", "0.5"]


def _flow(api: Client, name: str) -> str:
    return api.register({"name": name, "parameters": [
                         {"name": "path"}, {"name": "seconds", "default": 0}],
                         "storage": {"type": "Local", "path": str(FLOWS_FILE),
                                     "function": "record_and_sleep"}}, "faults")


def _finished(api: Client, run_ids: list[str]) -> bool:
    return all(api.get_flow_run_info(run_id).is_finished for run_id in run_ids)


def _history(database_url: str, run_id: str) -> list[str]:
    found = rows(database_url, "SELECT flow_run_id, state FROM flow_run_state ORDER BY version")
    return [state for run, state in found if str(run).replace("-", "") == run_id.replace("-", "")]


def _running_on(database_url: str, agent: str) -> int:
    return int(rows(database_url, """SELECT count(*) FROM flow_run r JOIN agent a
        ON a.id = r.agent_id WHERE a.name = :agent AND r.state = 'Running'""", agent=agent)[0][0])


def _doomed_agent(api_url: str, log: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FLOWRUN_API_URL": api_url, "FLOWRUN_TEST_CRASH_AT": "agent_after_claim"}
    with log.open("wb") as out:
        return subprocess.Popen([*CRASHING, "agent", "start", "--name", "doomed", *AGENT],
                                env=env, stdout=out, stderr=subprocess.STDOUT)


async def test_an_agent_killed_after_claiming_leaves_runs_another_agent_runs_once(
    fault_db: str, tmp_path: Path,
) -> None:
    record = tmp_path / "executions.txt"
    with running(Restartable(fault_db, FAST_LOOPS)) as server, Client(server.graphql_url) as api:
        flow_id = _flow(api, "claimed-then-killed")
        run_ids = [api.create_flow_run(flow_id=flow_id, parameters={"path": str(record)})
                   for _ in range(3)]
        doomed = _doomed_agent(server.graphql_url, tmp_path / "doomed.log")
        assert doomed.wait(timeout=60) == -9
        assert "CRASH AT agent_after_claim" in (tmp_path / "doomed.log").read_text()
        submitted = [r for r in run_ids if api.get_flow_run_info(r).state == "Submitted"]
        assert submitted and not record.exists()
        with agents(server.graphql_url, 1, *AGENT, log_dir=tmp_path):
            wait_for(lambda: _finished(api, run_ids), timeout=90, every=0.3)
        states = {api.get_flow_run_info(r).state for r in run_ids}
        history = _history(fault_db, submitted[0])
    executions = Counter(record.read_text().split())
    assert states == {"Success"}
    assert sorted(executions) == sorted(run_ids) and set(executions.values()) == {1}
    assert history[:3] == ["Scheduled", "Submitted", "Scheduled"]  # rescheduled, then run
    summary(f"agent killed after claiming [{fault_db.split(':')[0]}]", runs_created=len(run_ids),
            left_submitted_by_the_crash=len(submitted), rescheduled=len(submitted),
            executions=sum(executions.values()), duplicates=0, lost=0)


async def test_an_agent_killed_mid_run_ends_it_failed_and_no_other_agent_runs_it_again(
    fault_db: str, tmp_path: Path,
) -> None:
    record = tmp_path / "executions.txt"
    with running(Restartable(fault_db, FAST_LOOPS)) as server, Client(server.graphql_url) as api:
        flow_id = _flow(api, "killed-mid-run")
        with agents(server.graphql_url, 1, *AGENT, "--name", "doomed") as (doomed,):
            run_id = api.create_flow_run(flow_id=flow_id,
                                         parameters={"path": str(record), "seconds": 60})
            wait_for(lambda: record.exists() and api.get_flow_run_info(run_id).state
                     == "Running", timeout=60)
            os.kill(doomed.pid, signal.SIGKILL)
            doomed.wait()
        with agents(server.graphql_url, 1, *AGENT, "--name", "survivor", log_dir=tmp_path):
            run = wait_for(lambda: finished(api, run_id),
                           timeout=60)
            time.sleep(1)  # the survivor polls five times more: it must not take the run
            final = api.get_flow_run_info(run_id)
    assert (run.state, final.state) == ("Failed", "Failed")
    assert run.state_message is not None and "No heartbeat" in run.state_message
    assert record.read_text().split() == [run_id]
    assert "survivor: claimed" not in (tmp_path / "agent-0.log").read_text()
    summary(f"agent killed mid-run [{fault_db.split(':')[0]}]", runs_created=1,
            ended="Failed", executions=1, duplicates=0, lost=0)


async def test_a_network_cut_between_agent_and_server_heals_without_a_second_execution(
    fault_db: str, tmp_path: Path,
) -> None:
    record, runs = tmp_path / "executions.txt", 6
    loops = {**FAST_LOOPS, "FLOWRUN_HEARTBEAT_TIMEOUT_SECONDS": "20"}
    with running(Restartable(fault_db, loops)) as server, Client(server.graphql_url) as api:
        proxy = Proxy(urlsplit(server.url).port or 0).start()
        flow_id = _flow(api, "network-cut")
        with agents(proxy.url, 1, *AGENT, "--name", "cut-off", log_dir=tmp_path), \
                agents(server.graphql_url, 1, *AGENT, "--name", "direct"):
            run_ids = [api.create_flow_run(flow_id=flow_id, parameters={
                "path": str(record), "seconds": 2}) for _ in range(runs)]
            wait_for(lambda: _running_on(fault_db, "cut-off"), timeout=60)
            proxy.cut()
            time.sleep(7)  # the cut, longer than the client's own retries: heartbeats fail
            proxy.start()
            wait_for(lambda: _finished(api, run_ids), timeout=120, every=0.3)
        states = Counter(api.get_flow_run_info(r).state for r in run_ids)
        agents_used = rows(fault_db, "SELECT count(DISTINCT agent_id) FROM flow_run")[0][0]
        proxy.cut()
    executions = Counter(record.read_text().split())
    assert states == {"Success": runs}
    assert sorted(executions) == sorted(run_ids) and set(executions.values()) == {1}
    assert "heartbeat failed" in (tmp_path / "agent-0.log").read_text()  # the cut did bite
    summary(f"network cut agent/server [{fault_db.split(':')[0]}]", runs_created=runs,
            agents=agents_used, executions=sum(executions.values()), duplicates=0, lost=0)
