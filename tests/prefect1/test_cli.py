"""The real `prefect run` command line against flowrun: looking flows up and creating runs with
every option (no agent here: these runs stay Scheduled; test_agent.py executes runs)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from .harness import SCRIPTS, Prefect1, unique

pytestmark = pytest.mark.e2e

RUN_QUERY = """
query($id: uuid!) {
  flow_run_by_pk(id: $id) {
    name flow_id parameters context labels run_config state idempotency_key
  }
}
"""


@pytest.fixture(scope="module")
def flow(prefect1: Prefect1) -> dict[str, Any]:
    project, name, label = unique("p1-cli"), unique("p1-cli-flow"), unique("p1-nobody")
    result = prefect1.scenario("register", project=project, kind="arithmetic", name=name,
                               labels=[label])
    return {"project": project, "name": name, "label": label, "id": result["flow_ids"][0]}


def _run_id(output: str) -> str:
    return next(line.split("UUID:")[1].strip() for line in output.splitlines()
                if "UUID:" in line)


def _run(prefect1: Prefect1, run_id: str) -> dict[str, Any]:
    return prefect1.graphql(RUN_QUERY, {"id": run_id})["flow_run_by_pk"]  # type: ignore[no-any-return]


def test_prefect_run_by_name_and_project_quietly_prints_only_the_run_id(
    prefect1: Prefect1, flow: dict[str, Any]
) -> None:
    done = prefect1.cli("run", "--name", flow["name"], "--project", flow["project"], "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    run_id = done.stdout.strip()
    run = _run(prefect1, run_id)
    assert run["flow_id"] == flow["id"]
    assert run["state"] == "Scheduled"
    assert run["labels"] == [flow["label"]]  # no --label: the flow's labels
    assert run["parameters"] == {"a": 1}  # the flow's default


def test_prefect_run_with_an_idempotency_key_twice_names_one_run(
    prefect1: Prefect1, flow: dict[str, Any]
) -> None:
    key = unique("cli-key")
    first, second = (
        prefect1.cli("run", "--id", flow["id"], "--idempotency-key", key, "--quiet")
        for _ in range(2)
    )
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert first.stdout.strip() == second.stdout.strip()
    assert _run(prefect1, first.stdout.strip())["idempotency_key"] == key


def test_prefect_run_passes_params_context_labels_name_and_log_level(
    prefect1: Prefect1, flow: dict[str, Any]
) -> None:
    param_file = prefect1.home / f"{unique('params')}.json"
    param_file.write_text(json.dumps({"a": 7}))
    label = unique("cli-label")
    done = prefect1.cli(
        "run", "--name", flow["name"], "--project", flow["project"],
        "--param-file", str(param_file), "--context", "team=data",
        "--context", 'nested={"x": 1}', "--label", label, "--label", "second",
        "--run-name", "cli-named-run", "--log-level", "DEBUG",
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "cli-named-run" in done.stdout
    run = _run(prefect1, _run_id(done.stdout))
    assert run["name"] == "cli-named-run"
    assert run["parameters"] == {"a": 7}
    assert run["context"] == {"team": "data", "nested": {"x": 1}}
    assert sorted(run["labels"]) == sorted([label, "second"])
    assert run["run_config"]["type"] == "LocalRun"
    assert run["run_config"]["env"] == {"PREFECT__LOGGING__LEVEL": "DEBUG"}


def test_a_param_given_on_the_command_line_wins_over_the_param_file(
    prefect1: Prefect1, flow: dict[str, Any]
) -> None:
    param_file = prefect1.home / f"{unique('params')}.json"
    param_file.write_text(json.dumps({"a": 7}))
    done = prefect1.cli("run", "--id", flow["id"], "--param-file", str(param_file),
                        "--param", "a=2", "--quiet")
    assert done.returncode == 0, done.stdout + done.stderr
    assert _run(prefect1, done.stdout.strip())["parameters"] == {"a": 2}


def test_prefect_run_execute_runs_the_flow_here_without_an_agent(
    prefect1: Prefect1, flow: dict[str, Any]
) -> None:
    done = prefect1.cli("run", "--id", flow["id"], "--param", "a=4", "--execute")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "the answer is 10" in done.stdout
    run = _run(prefect1, _run_id(done.stdout))
    assert run["state"] == "Success"
    assert any(label.startswith("agentless-run-") for label in run["labels"])


def test_prefect_run_by_an_unknown_name_fails_with_a_message(
    prefect1: Prefect1, flow: dict[str, Any]
) -> None:
    done = prefect1.cli("run", "--name", unique("missing"), "--project", flow["project"])
    assert done.returncode == 1
    assert "No results found while querying for flows" in done.stdout + done.stderr


def test_prefect_register_skips_an_unchanged_flow_and_versions_a_changed_one(
    prefect1: Prefect1,
) -> None:
    project, name = unique("p1-register"), unique("p1-registered")
    created = prefect1.cli("create", "project", project)
    assert created.returncode == 0, created.stdout + created.stderr

    def register(labels: str) -> str:
        done = prefect1.cli("register", "--project", project,
                            "--path", str(SCRIPTS / "cli_flows.py"),
                            env={"FLOWRUN_P1_FLOW_NAME": name, "FLOWRUN_P1_LABELS": labels})
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    assert "Version: 1" in register("first")
    assert "Skipped (metadata unchanged)" in register("first")
    assert "Version: 2" in register("second")
    flows = prefect1.graphql(
        "query($n: String) { flow(where: {name: {_eq: $n}}, order_by: {version: asc}) "
        "{ version archived labels tasks_aggregate: tasks { slug } } }", {"n": name})["flow"]
    assert [(f["version"], f["archived"], f["labels"]) for f in flows] == [
        (1, True, ["first"]), (2, False, ["second"])]
    assert sorted(t["slug"] for t in flows[1]["tasks_aggregate"]) == [
        "a", "add-1", "double-1", "report-1"]
