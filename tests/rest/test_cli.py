"""`flowrun deployment create|ls` against a live server, over HTTP: output, exit codes and
one-line errors (never a traceback)."""

from __future__ import annotations

import uuid

import pytest
from typer.testing import CliRunner

from server.cli.main import app
from tests.live import LiveServer, free_port
from tests.rest.conftest import FlowRef


def flowrun(url: str, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), env={"FLOWRUN_API_URL": url})
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_error(code: int, out: str, err: str, expected_code: int, text: str) -> None:
    assert code == expected_code, (out, err)
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert text in err and "Traceback" not in err + out


async def test_a_deployment_created_on_the_command_line_is_listed(
    server: LiveServer, flow: FlowRef
) -> None:
    code, out, err = flowrun(
        f"{server.url}/graphql", "deployment", "create", "nightly-etl",
        "--flow-group-id", str(flow.group_id), "--parameters", '{"n": 1}', "--tag", "etl",
        "--label", "team=data", "--work-queue", "q",
    )
    assert code == 0, err
    assert "nightly-etl" in out
    code, out, err = flowrun(server.url, "deployment", "ls")
    assert code == 0, err
    assert "nightly-etl" in out and "etl" in out and str(flow.group_id)[:8] in out


async def test_listing_filters_by_name(server: LiveServer, flow: FlowRef) -> None:
    for name in ("alpha", "beta"):
        assert flowrun(server.url, "deployment", "create", name, "--flow-id", str(flow.id))[0] == 0
    code, out, _ = flowrun(server.url, "deployment", "ls", "--name", "alp")
    assert code == 0 and "alpha" in out and "beta" not in out


@pytest.mark.parametrize(("args", "text"), [
    (["--flow-group-id", "nope"], "is not a UUID"),
    (["--parameters", "{bad"], "--parameters is not valid JSON"),
    (["--parameters", "[1]"], "must be a JSON object"),
    (["--label", "=v"], "needs a key"),
    ([], "Give exactly one of flow_group_id or flow_id"),
])
async def test_bad_input_is_one_line_and_exit_code_2(
    server: LiveServer, args: list[str], text: str
) -> None:
    code, out, err = flowrun(server.url, "deployment", "create", "d", *args)
    assert_one_line_error(code, out, err, 2, text)


async def test_a_refusal_by_the_server_is_one_line_and_exit_code_2(server: LiveServer) -> None:
    code, out, err = flowrun(server.url, "deployment", "create", "d",
                             "--flow-group-id", str(uuid.uuid4()))
    assert_one_line_error(code, out, err, 2, "No flow group with id")


def test_an_unreachable_server_is_one_line_and_exit_code_1() -> None:
    code, out, err = flowrun(f"http://127.0.0.1:{free_port()}", "deployment", "ls")
    assert_one_line_error(code, out, err, 1, "cannot reach the flowrun API")
