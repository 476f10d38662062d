"""Driving the real Prefect 1 package against a live flowrun server, in subprocesses of the
Prefect 1 virtualenv, with a private HOME so no user configuration leaks in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import httpx

from tests.live import LiveServer, free_port

from . import venv

SCRIPTS = Path(__file__).resolve().parent / "scripts"
# Environment variables of this process that must not reach Prefect 1.
_DROP_PREFIXES = ("PREFECT_", "PYTHON", "VIRTUAL_ENV", "FLOWRUN_")


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@dataclass
class Prefect1:
    """One flowrun server as a Prefect 1 user sees it: the client, the CLI and the agent."""

    server: LiveServer
    home: Path
    api_key: str | None = None  # sent as PREFECT__CLOUD__API_KEY (a flowrun key)

    def env(self, **extra: str) -> dict[str, str]:
        url = urlparse(self.server.url)
        env = {k: v for k, v in os.environ.items() if not k.startswith(_DROP_PREFIXES)}
        env.update({
            "HOME": str(self.home),
            "PREFECT__HOME_DIR": str(self.home / ".prefect"),
            "PREFECT__BACKEND": "server",
            "PREFECT__SERVER__ENDPOINT": self.server.url,
            "PREFECT__SERVER__HOST": f"{url.scheme}://{url.hostname}",
            "PREFECT__SERVER__PORT": str(url.port),
            "PREFECT__SERVER__TELEMETRY__ENABLED": "false",
            # Fast loops: heartbeats, cancellation checks and log uploads every second.
            "PREFECT__CLOUD__HEARTBEAT_INTERVAL": "1",
            "PREFECT__CLOUD__CHECK_CANCELLATION_INTERVAL": "1",
            "PREFECT__CLOUD__LOGGING_HEARTBEAT": "0.5",
            "PYTHONPATH": str(SCRIPTS),
            "PYTHONUNBUFFERED": "1",
            **({"PREFECT__CLOUD__API_KEY": self.api_key} if self.api_key else {}),
            **extra,
        })
        return env

    def scenario(self, scenario: str, timeout: float = 120, **arguments: Any) -> Any:
        """Run one function of scripts/scenarios.py; returns the JSON it prints last."""
        command = [str(venv.bin_path("python")), str(SCRIPTS / "scenarios.py"), scenario,
                   json.dumps(arguments)]
        result = subprocess.run(command, env=self.env(), capture_output=True, text=True,
                                timeout=timeout, cwd=self.home, check=False)
        assert result.returncode == 0, f"{scenario} failed:\n{result.stdout}\n{result.stderr}"
        return json.loads(result.stdout.strip().splitlines()[-1])

    def cli(
        self, *args: str, timeout: float = 120, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run the real `prefect` command line."""
        return subprocess.run([str(venv.bin_path("prefect")), *args],
                              env=self.env(**(env or {})), capture_output=True, text=True,
                              timeout=timeout, cwd=self.home, check=False)

    def graphql(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """Read flowrun back through its own GraphQL API (the response must succeed)."""
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        response = httpx.post(self.server.graphql_url, headers=headers,
                              json={"query": query, "variables": variables}, timeout=30)
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    def wait_for(self, what: str, check: Callable[[], Any], timeout: float = 60) -> Any:
        """Poll `check` until it returns something truthy."""
        deadline = time.monotonic() + timeout
        while True:
            value = check()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout}s waiting for {what}")
            time.sleep(0.25)


@dataclass
class Agent:
    """A running `prefect agent local start`, poked every second so it polls at once."""

    process: subprocess.Popen[bytes]
    log_path: Path
    address: str
    labels: list[str]
    _stop: threading.Event = field(default_factory=threading.Event)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def poke_forever(self) -> None:
        while not self._stop.wait(1.0):
            with suppress(httpx.HTTPError):
                httpx.get(f"{self.address}/api/poke", timeout=1)


@contextmanager
def local_agent(prefect1: Prefect1, labels: list[str]) -> Iterator[Agent]:
    """The real Prefect 1 local agent, over the flows in scripts/ (via --import-path)."""
    address = f"http://127.0.0.1:{free_port()}"
    log_path = prefect1.home / f"agent-{uuid.uuid4().hex[:6]}.log"
    command = [str(venv.bin_path("prefect")), "agent", "local", "start", "--no-hostname-label",
               "--agent-address", address, "--import-path", str(SCRIPTS), "--show-flow-logs",
               "--log-level", "debug"]
    for label in labels:
        command += ["--label", label]
    with log_path.open("wb") as out:
        process = subprocess.Popen(command, env=prefect1.env(), stdout=out,
                                   stderr=subprocess.STDOUT, cwd=prefect1.home,
                                   start_new_session=True)
    agent = Agent(process, log_path, address, labels)
    poker = threading.Thread(target=agent.poke_forever, daemon=True)
    poker.start()
    try:
        prefect1.wait_for(
            "the agent to register",
            lambda: process.poll() is not None or "Waiting for flow runs" in agent.log(),
            timeout=60,
        )
        assert process.poll() is None, f"the agent exited:\n{agent.log()}"
        yield agent
    finally:
        agent._stop.set()
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        poker.join(timeout=2)
