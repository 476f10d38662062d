"""The `flowrun` entry point: `flowrun server ...` and `flowrun db ...` load only their own
commands (not the HTTP client, the agent or the database layer), so `flowrun server start`
reaches the server sooner; every other command gets the whole CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests import live
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


SERVING_PROBE = """
import asyncio, gc
import server.serve
collector_off_while_loading = not gc.isenabled()
from server.app import create_app
from server.database import models
app = create_app()

async def start_and_stop():
    async with app.router.lifespan_context(app):
        print("ENABLED", gc.isenabled(), "FROZEN", gc.get_freeze_count() > 100_000)

asyncio.run(start_and_stop())
print("OFF_WHILE_LOADING", collector_off_while_loading)
tables = [m for m in vars(models).values()
          if isinstance(m, type) and issubclass(m, models.SQLModel) and hasattr(m, "__table__")]
print("VALIDATORS_BUILT", [t.__name__ for t in tables if t.__pydantic_complete__])
"""


def test_the_serving_process_loads_with_the_collector_off_and_builds_no_model_validators(
    tmp_path: Path,
) -> None:
    """server.serve turns the garbage collector off while the app loads, the lifespan freezes
    what is loaded and turns it back on; the tables' Pydantic validators, which serving never
    uses, are not built (defer_build)."""
    env = {**os.environ, "FLOWRUN_DATABASE_URL": f"sqlite:///{tmp_path / 'probe.db'}",
           "FLOWRUN_LOOPS_ENABLED": "false"}
    done = subprocess.run([sys.executable, "-c", SERVING_PROBE], capture_output=True,
                          text=True, timeout=120, cwd=ROOT, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "ENABLED True FROZEN True" in lines, done.stdout
    assert "OFF_WHILE_LOADING True" in lines, done.stdout
    assert "VALIDATORS_BUILT []" in lines, done.stdout


def _serving_command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def test_server_start_serves_in_its_own_process_unless_it_migrated(tmp_path: Path) -> None:
    """A start that migrated replaces itself with a fresh `python -m server.serve` (Alembic
    stays behind); a start on a database already at head serves from the CLI's process, whose
    interpreter and settings are loaded already."""
    url = f"sqlite:///{tmp_path / 'start.db'}"
    first = live.launch(url)  # a new file: migrated, then exec
    try:
        assert "-m server.serve" in _serving_command(first.process.pid)
    finally:
        live.stop(first)
    second = live.launch(url)  # at head: served in place
    try:
        command = _serving_command(second.process.pid)
        assert "server start" in command and "server.serve" not in command, command
        assert httpx.get(f"{second.url}/health", timeout=10).status_code == 200
    finally:
        live.stop(second)
    assert "Traceback" not in second.log()
