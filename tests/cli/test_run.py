"""`flowrun run` with every option of seed 002, and its bad inputs."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from server.client import Client
from tests.cli.conftest import EXAMPLES, Invoke, one_line_error

HELLO = str(EXAMPLES / "hello.py")


def _register(flowrun: Invoke, target: str = f"{HELLO}:hello", *args: str) -> None:
    result = flowrun("register", target, *args)
    assert result.exit_code == 0, result.output + result.stderr


async def test_register_reads_the_signature_and_registering_again_makes_version_two(
    flowrun: Invoke, api: Client
) -> None:
    first = flowrun("register", f"{HELLO}:hello", "--project", "demo", "--label", "x")
    second = flowrun("register", HELLO, "--project", "demo")
    assert first.exit_code == second.exit_code == 0
    assert "version 1 in project demo" in first.stdout
    assert "version 2 in project demo" in second.stdout
    flow = api.find_flows("hello", "demo")[0]
    assert flow.version == 2
    data = api.graphql("query($id: uuid!) { flow_by_pk(id: $id) { parameters parameter_schema }"
                       " }", {"id": flow.id})["flow_by_pk"]
    assert data["parameters"] == [{"name": "name", "required": False, "default": "world"}]
    assert data["parameter_schema"]["properties"]["name"] == {"type": "string",
                                                              "default": "world"}


async def test_register_with_a_schedule_stores_it_active(flowrun: Invoke, api: Client) -> None:
    result = flowrun("register", f"{HELLO}:hello", "--schedule", "*/5 * * * *")
    assert result.exit_code == 0 and "cron */5 * * * * (active)" in result.stdout
    flow = api.find_flows("hello")[0]
    assert flow.is_schedule_active
    assert flow.schedule == {"type": "Schedule",
                             "clocks": [{"type": "CronClock", "cron": "*/5 * * * *"}]}


async def test_a_run_by_name_takes_params_labels_context_name_and_log_level(
    flowrun: Invoke, api: Client, tmp_path: Path
) -> None:
    _register(flowrun)
    params = tmp_path / "params.json"
    params.write_text(json.dumps({"name": "from-file"}))
    result = flowrun("run", "-n", "hello", "--param-file", str(params), "--param", "name=Marvin",
                     "--label", "example", "--label", "hello", "--run-name", "my run",
                     "--context", 'nested={"a": {"b": 1}}', "--context", "plain=text",
                     "--log-level", "debug", "--quiet")
    assert result.exit_code == 0, result.output
    info = api.get_flow_run_info(result.stdout.strip())
    assert info.parameters == {"name": "Marvin"}
    assert info.labels == ["example", "hello"]
    assert info.name == "my run"
    assert info.context == {"nested": {"a": {"b": 1}}, "plain": "text"}
    assert info.run_config is not None and info.run_config["log_level"] == "DEBUG"


async def test_quiet_prints_only_the_run_id(flowrun: Invoke) -> None:
    _register(flowrun)
    result = flowrun("run", "-n", "hello", "-q")
    assert result.exit_code == 0
    assert str(uuid.UUID(result.stdout.strip())) + "\n" == result.stdout


async def test_an_idempotency_key_shows_the_existing_run_instead_of_a_new_one(
    flowrun: Invoke,
) -> None:
    _register(flowrun)
    first = flowrun("run", "-n", "hello", "--idempotency-key", "k", "-q")
    second = flowrun("run", "-n", "hello", "--idempotency-key", "k")
    assert first.exit_code == second.exit_code == 0
    assert "already exists" in second.stdout and first.stdout.strip() in second.stdout
    executed = flowrun("run", "-n", "hello", "--idempotency-key", "e", "--execute")
    assert executed.exit_code == 0, executed.output
    duplicate = flowrun("run", "-n", "hello", "--idempotency-key", "e", "--execute")
    assert duplicate.exit_code == 2
    assert "already exists" in one_line_error(duplicate)


async def test_a_run_by_flow_id_or_flow_group_id_uses_the_latest_flow(
    flowrun: Invoke, api: Client
) -> None:
    _register(flowrun)
    _register(flowrun)
    flow = api.find_flows("hello")[0]
    for target in (flow.id, flow.flow_group_id):
        result = flowrun("run", "-i", target, "-q")
        assert result.exit_code == 0, result.output
        assert api.get_flow_run_info(result.stdout.strip()).flow_id == flow.id


async def test_execute_runs_the_flow_in_this_process_without_an_agent(
    flowrun: Invoke, api: Client
) -> None:
    _register(flowrun)
    result = flowrun("run", "-n", "hello", "--param", "name=Marvin", "--execute")
    assert result.exit_code == 0, result.output + result.stderr
    assert "Hello, Marvin!" in result.stdout
    run = api.list_flow_runs(limit=1)[0]
    assert run.state == "Success"
    assert any(label.startswith("agentless-run-") for label in run.labels)


async def test_execute_of_a_failing_flow_exits_one_and_the_run_ends_failed(
    flowrun: Invoke, api: Client
) -> None:
    _register(flowrun, str(EXAMPLES / "failing.py"))
    result = flowrun("run", "-n", "failing", "--execute")
    assert result.exit_code == 1
    run = api.list_flow_runs(limit=1)[0]
    assert run.state == "Failed"
    assert run.state_message == "Flow run failed: RuntimeError: something went wrong"


async def test_a_local_run_from_a_path_or_module_needs_no_server(flowrun: Invoke) -> None:
    result = flowrun("run", "-p", HELLO, "--param", "name=Local")
    assert result.exit_code == 0, result.output
    assert "Hello, Local!" in result.stdout and "Success" in result.stdout
    failing = flowrun("run", "-p", str(EXAMPLES / "failing.py"))
    assert failing.exit_code == 1
    module = flowrun("run", "-m", "examples.hello", "-n", "hello", "--param", "name=Module")
    assert module.exit_code == 0 and "Hello, Module!" in module.stdout


async def test_bad_input_ends_with_one_line_and_exit_code_two(
    flowrun: Invoke, tmp_path: Path
) -> None:
    _register(flowrun)
    flowrun("register", f"{HELLO}:hello", "--project", "other")
    not_object = tmp_path / "list.json"
    not_object.write_text("[1, 2]")
    cases = {
        ("run", "-n", "hello", "--param", "name"): "is not key=value",
        ("run", "-n", "hello", "--context", "=1"): "is not key=value",
        ("run", "-n", "hello", "--project", "default", "--param-file", str(not_object)):
            "must hold a JSON object",
        ("run", "-n", "nobody"): "No flow named 'nobody'",
        ("run", "-n", "hello"): "Several flows are named 'hello'",
        ("run", "-i", "not-a-uuid"): "is not a UUID",
        ("run", "-i", str(uuid.uuid4())): "No flow or flow group",
        ("run", "-n", "hello", "--project", "default", "-s"): "--schedule",
        ("run",): "Say which flow to run",
        ("run", "-n", "hello", "--project", "default", "--param", "bogus=1"): "unknown param",
        ("run", "-p", str(tmp_path / "missing.py")): "No file",
        ("run", "-p", HELLO, "--param", "bogus=1"): "do not fit hello",
        ("register", f"{HELLO}:nothing"): "No function 'nothing'",
    }
    for args, expected in cases.items():
        result = flowrun(*args)
        assert result.exit_code == 2, (args, result.output, result.stderr)
        assert expected in one_line_error(result), args


async def test_the_deprecated_run_flow_form_merges_parameter_sources_and_says_deprecated(
    flowrun: Invoke, api: Client, tmp_path: Path
) -> None:
    _register(flowrun, f"{HELLO}:hello", "--project", "My Project")
    file = tmp_path / "p.json"
    file.write_text(json.dumps({"a": 1, "b": 2}))
    flow = api.find_flows("hello")[0]
    api.register({"name": "merge", "parameters": [{"name": "a"}, {"name": "b"}]}, "My Project")
    result = flowrun("run", "flow", "-n", "merge", "-p", "My Project", "-pf", str(file),
                     "-ps", '{"a": 3}', "-rn", "old style", "--no-url")
    assert result.exit_code == 0, result.output + result.stderr
    assert "DEPRECATED" in result.stderr
    info = api.get_flow_run_info(result.stdout.strip())
    assert info.parameters == {"a": 3, "b": 2} and info.name == "old style"
    by_id = flowrun("run", "flow", "--id", flow.id)
    assert by_id.exit_code == 0 and by_id.stdout.startswith("Flow Run: ")
    missing = flowrun("run", "flow", "-n", "merge")
    assert missing.exit_code == 2
    assert "both --name and --project" in missing.stderr


async def test_an_unreachable_server_is_one_line_and_exit_code_one(flowrun: Invoke) -> None:
    from typer.testing import CliRunner

    from server.cli.main import app

    result = CliRunner().invoke(app, ["--api-url", "http://127.0.0.1:9/graphql", "flow-run",
                                      "ls"])
    assert result.exit_code == 1
    assert "Cannot reach the flowrun API" in one_line_error(result)


async def test_schedule_on_a_local_function_without_a_schedule_runs_it_once(
    flowrun: Invoke,
) -> None:
    result = flowrun("run", "-p", HELLO, "--schedule")
    assert result.exit_code == 0
    assert "has no schedule; running it once" in result.stdout
    assert "Hello, world!" in result.stdout
