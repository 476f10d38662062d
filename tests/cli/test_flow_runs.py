"""`flowrun flow-run ls | get | logs | cancel | set-state` and `flowrun project create`."""

from __future__ import annotations

from server.client import Client
from tests.cli.conftest import EXAMPLES, Invoke, one_line_error


def _run(api: Client) -> str:
    flow_id = api.register({"name": "listed", "parameters": []}, "cli")
    return api.create_flow_run(flow_id=flow_id, run_name="listed-run")


async def test_ls_shows_runs_with_their_whole_ids_and_states(flowrun: Invoke, api: Client) -> None:
    run_id = _run(api)
    result = flowrun("flow-run", "ls", "--flow", "listed")
    assert result.exit_code == 0
    assert run_id in result.stdout and "Scheduled" in result.stdout
    assert run_id not in flowrun("flow-run", "ls", "--state", "Running").stdout


async def test_get_shows_one_run(flowrun: Invoke, api: Client) -> None:
    run_id = _run(api)
    result = flowrun("flow-run", "get", run_id)
    assert result.exit_code == 0
    assert "listed-run" in result.stdout and "cli" in result.stdout


async def test_logs_prints_a_runs_logs_in_order(flowrun: Invoke, api: Client) -> None:
    run_id = _run(api)
    api.write_run_logs([{"flow_run_id": run_id, "message": "two",
                         "timestamp": "2024-01-01T00:00:02Z"},
                        {"flow_run_id": run_id, "message": "one", "level": "warning",
                         "timestamp": "2024-01-01T00:00:01Z"}])
    result = flowrun("flow-run", "logs", run_id)
    assert result.exit_code == 0
    assert result.stdout.index("one") < result.stdout.index("two")
    assert "WARNING" in result.stdout


async def test_cancel_and_set_state_move_the_run(flowrun: Invoke, api: Client) -> None:
    run_id = _run(api)
    running = flowrun("flow-run", "set-state", run_id, "Running", "-m", "by hand")
    assert running.exit_code == 0 and "version 2" in running.stdout
    assert api.get_flow_run_info(run_id).state_message == "by hand"
    cancel = flowrun("flow-run", "cancel", run_id)
    assert cancel.exit_code == 0 and "Cancelling" in cancel.stdout
    stale = flowrun("flow-run", "set-state", run_id, "Success", "--version", "1")
    assert stale.exit_code == 2
    assert "version 1 was given" in one_line_error(stale)


async def test_an_unknown_or_malformed_run_id_is_one_line_and_exit_code_two(
    flowrun: Invoke,
) -> None:
    for args in (("flow-run", "get", "nope"), ("flow-run", "logs", "nope"),
                 ("flow-run", "get", "6f1c7d5e-0000-4000-8000-000000000000"),
                 ("flow-run", "set-state", "6f1c7d5e-0000-4000-8000-000000000000", "Bogus")):
        result = flowrun(*args)
        assert result.exit_code == 2, args
        one_line_error(result)


async def test_project_create_makes_a_project_and_refuses_a_duplicate(
    flowrun: Invoke, api: Client
) -> None:
    created = flowrun("project", "create", "Hello, World!", "-d", "seed 001's project")
    assert created.exit_code == 0
    assert api.get_project_id("Hello, World!") is not None
    duplicate = flowrun("project", "create", "Hello, World!")
    assert duplicate.exit_code == 2
    assert "already exists" in one_line_error(duplicate)
    assert "Hello, World!" in flowrun("project", "ls").stdout


async def test_register_of_a_file_with_several_functions_asks_which(
    flowrun: Invoke, tmp_path: object
) -> None:
    from pathlib import Path

    file = Path(str(tmp_path)) / "two.py"
    file.write_text("def a():\n    pass\n\ndef b():\n    pass\n")
    result = flowrun("register", str(file))
    assert result.exit_code == 2
    assert "several functions (a, b)" in one_line_error(result)
    assert flowrun("register", f"{file}:b").exit_code == 0
    assert flowrun("register", str(EXAMPLES / "sleepy.py"), "--schedule", "nope").exit_code == 2
