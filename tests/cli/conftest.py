from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from server.cli.main import app
from server.client import Client
from tests.live import LiveServer

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
Invoke = Callable[..., Result]


@pytest.fixture
def api(server: LiveServer) -> Iterator[Client]:
    with Client(server.graphql_url) as client:
        yield client


@pytest.fixture
def flowrun(server: LiveServer) -> Invoke:
    """Run `flowrun ARGS...` in this process against the live server."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), env={"FLOWRUN_API_URL": server.graphql_url},
                             input=input)

    return invoke


def one_line_error(result: Result) -> str:
    """The result failed with exactly one line on stderr and no traceback."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output + result.stderr
    return lines[0]
