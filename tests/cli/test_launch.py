"""The `flowrun` entry point: `flowrun server ...` and `flowrun db ...` load only their own
commands (not the HTTP client, the agent or the database layer), so `flowrun server start`
reaches the server sooner; every other command gets the whole CLI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.e2e.motion import ROOT

PROBE = """
import sys
sys.argv = ["flowrun", *sys.argv[1:]]
from server.cli.launch import main
try:
    main()
except SystemExit:
    pass
loaded = [m for m in ("httpx", "server.client", "server.agent.agent", "sqlalchemy")
          if m in sys.modules]
print("LOADED", ",".join(loaded))
"""


def launch(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True,
                          text=True, timeout=60, cwd=ROOT)


@pytest.mark.parametrize("args", [("server", "start", "--help"), ("db", "upgrade", "--help"),
                                  ("server",)])
def test_server_and_db_commands_load_only_their_own_modules(args: tuple[str, ...]) -> None:
    done = launch(*args)
    assert "Usage: flowrun " + " ".join(a for a in args if a != "--help") in done.stdout, done
    assert done.stdout.strip().splitlines()[-1] == "LOADED", done.stdout


def test_every_other_command_gets_the_whole_cli() -> None:
    done = launch("--help")
    for command in ("server", "db", "run", "flow-run", "agent", "api-key", "register"):
        assert command in done.stdout, done.stdout
    assert "httpx" in done.stdout.strip().splitlines()[-1]
