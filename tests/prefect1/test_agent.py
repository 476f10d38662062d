"""The real Prefect 1 local agent and flow runner executing runs that flowrun schedules."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from .harness import Agent, Prefect1, unique

pytestmark = pytest.mark.e2e

RUN_QUERY = """
query($id: uuid!) {
  flow_run_by_pk(id: $id) {
    state heartbeat start_time end_time agent_id serialized_state
    states(order_by: {version: asc}) { state version serialized_state }
    task_runs(order_by: {task: {slug: asc}}) {
      id state state_message version map_index run_count heartbeat start_time end_time
      serialized_state task { slug }
      states(order_by: {version: asc}) { state version }
    }
    logs(order_by: {timestamp: asc}) { level message name task_run_id }
  }
}
"""

CREATE_RUN = """
mutation($input: create_flow_run_input!) { create_flow_run(input: $input) { id } }
"""


def _register(prefect1: Prefect1, kind: str, labels: list[str]) -> str:
    result = prefect1.scenario("register", project=unique("p1-agent"), kind=kind,
                               name=unique(f"p1-{kind}"), labels=labels)
    return str(result["flow_ids"][0])


def _run(prefect1: Prefect1, run_id: str) -> dict[str, Any]:
    return prefect1.graphql(RUN_QUERY, {"id": run_id})["flow_run_by_pk"]  # type: ignore[no-any-return]


def _logged(
    prefect1: Prefect1, run_id: str, message: str | Callable[[dict[str, Any]], bool]
) -> dict[str, Any]:
    """The run, once a log line (this message, or one this predicate accepts) has arrived:
    the flow runner sends logs in batches, the last ones as its process exits."""
    wanted = message if callable(message) else (lambda log: log["message"] == message)

    def check() -> dict[str, Any] | None:
        run = _run(prefect1, run_id)
        return run if any(wanted(log) for log in run["logs"]) else None

    found: dict[str, Any] = prefect1.wait_for(f"the log {message!r}", check, timeout=30)
    return found


def _run_id(output: str) -> str:
    return next(line.split("UUID:")[1].strip() for line in output.splitlines()
                if "UUID:" in line)


def test_the_agent_runs_a_scheduled_flow_to_success_and_flowrun_records_it(
    prefect1: Prefect1, agent: Agent
) -> None:
    flow_id = _register(prefect1, "arithmetic", agent.labels)
    done = prefect1.cli("run", "--id", flow_id, "--param", "a=2", "--watch")
    assert done.returncode == 0, done.stdout + done.stderr + agent.log()[-5000:]
    # States and log lines stream to the terminal while the run executes.
    for line in ("Entered state <Submitted>", "Entered state <Running>",
                 "Beginning Flow run for", "Entered state <Success>", "Flow run succeeded!"):
        assert line in done.stdout, done.stdout
    run = _logged(prefect1, _run_id(done.stdout), "the answer is 6")
    assert run["state"] == "Success"
    assert run["serialized_state"]["type"] == "Success"
    assert [s["state"] for s in run["states"]] == ["Scheduled", "Submitted", "Running",
                                                   "Success"]
    assert run["heartbeat"] and run["start_time"] and run["end_time"]
    # One task run per task, each Pending -> Running -> Success, with its own heartbeat.
    assert [t["task"]["slug"] for t in run["task_runs"]] == ["a", "add-1", "double-1",
                                                             "report-1"]
    for task_run in run["task_runs"]:
        assert task_run["state"] == "Success", task_run
        assert [s["state"] for s in task_run["states"]] == ["Pending", "Running", "Success"]
        assert task_run["version"] == 3 and task_run["map_index"] == -1
        assert task_run["run_count"] == 1
        assert task_run["heartbeat"] and task_run["start_time"] and task_run["end_time"]
        assert task_run["serialized_state"]["type"] == "Success"
    # The flow runner's logs, upper-case levels, tied to their task runs.
    report = next(t for t in run["task_runs"] if t["task"]["slug"] == "report-1")
    answer = next(log for log in run["logs"] if log["message"] == "the answer is 6")
    assert answer["level"] == "INFO"
    assert answer["task_run_id"] == report["id"]
    assert any("Submitted for execution" in log["message"] for log in run["logs"])


def test_the_agent_registered_itself_and_keeps_asking_for_work(
    prefect1: Prefect1, agent: Agent
) -> None:
    query = "{ agent { id name type labels last_queried } }"
    mine = [a for a in prefect1.graphql(query)["agent"] if a["labels"] == agent.labels]
    assert len(mine) == 1, mine
    assert (mine[0]["type"], mine[0]["name"]) == ("LocalAgent", "agent")
    assert mine[0]["last_queried"]
    # Prefect Server's update_agent_heartbeat (older agents send it) moves last_queried too.
    beat = prefect1.graphql(
        "mutation($id: UUID!) { update_agent_heartbeat(input: {agent_id: $id}) { success } }",
        {"id": mine[0]["id"]})
    assert beat == {"update_agent_heartbeat": {"success": True}}


def test_a_failing_task_makes_the_run_fail(prefect1: Prefect1, agent: Agent) -> None:
    flow_id = _register(prefect1, "failing", agent.labels)
    done = prefect1.cli("run", "--id", flow_id, "--watch")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Flow run failed!" in done.stdout
    run = _logged(prefect1, _run_id(done.stdout), lambda log: log["level"] == "ERROR")
    assert run["state"] == "Failed"
    assert [s["state"] for s in run["states"]][-1] == "Failed"
    by_slug = {t["task"]["slug"]: t for t in run["task_runs"]}
    assert by_slug["add-1"]["state"] == "Success"
    assert by_slug["explode-1"]["state"] == "Failed"
    assert "task failed on purpose with 2" in by_slug["explode-1"]["state_message"]
    assert any(log["level"] == "ERROR" and log["task_run_id"] == by_slug["explode-1"]["id"]
               for log in run["logs"])


def test_mapped_task_runs_and_a_retry_are_recorded(prefect1: Prefect1, agent: Agent) -> None:
    flow_id = _register(prefect1, "mapped", agent.labels)
    done = prefect1.cli("run", "--id", flow_id, "--watch")
    assert done.returncode == 0, done.stdout + done.stderr + agent.log()[-5000:]
    task_runs = _logged(prefect1, _run_id(done.stdout), "the total is 36")["task_runs"]
    adds = sorted((t["map_index"], t["state"]) for t in task_runs
                  if t["task"]["slug"] == "add-1")
    assert adds == [(-1, "Mapped"), (0, "Success"), (1, "Success"), (2, "Success")]
    flaky = next(t for t in task_runs if t["task"]["slug"] == "flaky-1")
    assert flaky["state"] == "Success" and flaky["run_count"] == 2
    assert [s["state"] for s in flaky["states"]] == [
        "Pending", "Running", "Failed", "Retrying", "Running", "Success"]


def test_a_run_cancelled_in_flowrun_stops_under_the_agent(
    prefect1: Prefect1, agent: Agent
) -> None:
    flow_id = _register(prefect1, "sleepy", agent.labels)
    run_id = prefect1.graphql(CREATE_RUN, {"input": {
        "flow_id": flow_id, "parameters": {"seconds": 120}, "flow_run_name": "to-cancel"}},
    )["create_flow_run"]["id"]

    def napping() -> bool:
        task_runs = _run(prefect1, run_id)["task_runs"]
        return any(t["task"]["slug"] == "nap-1" and t["state"] == "Running" for t in task_runs)

    prefect1.wait_for("the nap task to run", napping, timeout=60)
    started = time.monotonic()
    cancelled = prefect1.graphql(
        "mutation($id: UUID!) { cancel_flow_run(input: {flow_run_id: $id}) { state } }",
        {"id": run_id},
    )
    assert cancelled["cancel_flow_run"]["state"] == "Cancelling"
    prefect1.wait_for("the run to stop",
                      lambda: _run(prefect1, run_id)["state"] == "Cancelled", timeout=60)
    assert time.monotonic() - started < 60  # long before the two-minute nap would end
    run = _logged(prefect1, run_id, lambda log: "cancelled" in log["message"].lower())
    assert [s["state"] for s in run["states"]][-2:] == ["Cancelling", "Cancelled"]
    nap = next(t for t in run["task_runs"] if t["task"]["slug"] == "nap-1")
    assert nap["state"] != "Success"
    # The flow run's process (the agent logged its PID) has exited.
    pid = next(int(log["message"].rsplit("PID:", 1)[1]) for log in run["logs"]
               if "Submitted for execution: PID:" in log["message"])
    prefect1.wait_for("the flow run process to exit", lambda: _exited(pid), timeout=30)


def _exited(pid: int) -> bool:
    """Gone, or a zombie the agent has not reaped yet."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True
