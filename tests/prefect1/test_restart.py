"""Restarting a failed run with the real Prefect 1.4.1 agent and flow runner: flowrun's
restart_flow_run sends the run back to Scheduled and its failed task runs to Pending; the
flow runner then runs only those again (the task that succeeded keeps its result) and the
run ends Success."""

from __future__ import annotations

from pathlib import Path

import pytest

from .harness import Agent, Prefect1, unique
from .test_agent import CREATE_RUN, _run

pytestmark = pytest.mark.e2e
RESTART = """mutation($id: UUID!, $version: Int!) {
  restart_flow_run(input: {flow_run_id: $id, version: $version}) { version task_run_ids } }"""


def _finished(prefect1: Prefect1, run_id: str) -> dict[str, object]:
    def check() -> dict[str, object] | None:
        run = _run(prefect1, run_id)
        return run if run["state"] in ("Success", "Failed") else None

    found: dict[str, object] = prefect1.wait_for("the run to finish", check, timeout=90)
    return found


def test_a_restarted_run_runs_only_its_failed_task_again_and_succeeds(
    prefect1: Prefect1, agent: Agent, tmp_path: Path
) -> None:
    flow_id = prefect1.scenario("register", project=unique("p1-restart"), kind="restartable",
                                name=unique("p1-restartable"), labels=agent.labels)["flow_ids"][0]
    marker = tmp_path / "marker.txt"
    run_id = prefect1.graphql(CREATE_RUN, {"input": {
        "flow_id": flow_id, "parameters": {"marker": str(marker)}}})["create_flow_run"]["id"]
    failed = _finished(prefect1, run_id)
    assert failed["state"] == "Failed", agent.log()[-5000:]
    assert marker.read_text().split() == ["first", "second"]
    Path(f"{marker}.ok").touch()
    version = failed["states"][-1]["version"]  # type: ignore[index]
    restarted = prefect1.graphql(RESTART, {"id": run_id, "version": version})
    assert len(restarted["restart_flow_run"]["task_run_ids"]) == 1
    done = _finished(prefect1, run_id)
    assert done["state"] == "Success", agent.log()[-5000:]
    assert marker.read_text().split() == ["first", "second", "second"]  # count_run kept
    states = [s["state"] for s in done["states"]]  # type: ignore[attr-defined]
    assert states[-4:] == ["Scheduled", "Submitted", "Running", "Success"]
