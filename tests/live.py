"""Starting a real server process for end-to-end tests, and a small GraphQL client for them."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    database_url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


SERVER_COMMAND = [sys.executable, "-m", "server", "server", "start"]


@contextmanager
def start_server(
    database_url: str, extra_env: dict[str, str] | None = None, workers: int = 1
) -> Iterator[LiveServer]:
    server = launch(database_url, extra_env, workers)
    try:
        yield server
    finally:
        stop(server)


def launch(
    database_url: str, extra_env: dict[str, str] | None = None, workers: int = 1,
    port: int | None = None, command: list[str] | None = None,
) -> LiveServer:
    """Start a server process (on `port`, or a free one) and wait until it is healthy."""
    restart = port is not None
    port = port or free_port()
    log_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"flowrun-server-{port}.log"
    env = {
        **os.environ,
        "FLOWRUN_DATABASE_URL": database_url,
        "FLOWRUN_HOST": "127.0.0.1",
        "FLOWRUN_PORT": str(port),
        "FLOWRUN_WORKERS": str(workers),
        # The scheduler and zombie killer would write into whatever database a test shares
        # with this server; tests of the loops turn them on (with their own database).
        "FLOWRUN_LOOPS_ENABLED": "false",
        # A small pool (requests beyond it wait their turn): the suite's workers start
        # servers side by side over one PostgreSQL, whose connections are limited (100).
        "FLOWRUN_DB_POOL_SIZE": "4",
        **(extra_env or {}),
    }
    with log_path.open("ab" if restart else "wb") as log:  # a restart keeps the first log
        process = subprocess.Popen(
            command or SERVER_COMMAND,
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", database_url, process, log_path)
    try:
        _wait_healthy(server)
    except BaseException:
        stop(server)
        raise
    return server


def stop(server: LiveServer, timeout: float = 10) -> None:
    """SIGTERM the server's process group, SIGKILL after `timeout`; a dead one is fine."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.process.pid, signal.SIGTERM)
    try:
        server.process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.process.pid, signal.SIGKILL)
        server.process.wait()


def _wait_healthy(server: LiveServer, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"server exited early:\n{server.log()}")
        try:
            if httpx.get(f"{server.url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"server did not become healthy in {timeout}s:\n{server.log()}")


class GraphQL:
    """A bare GraphQL-over-HTTP caller for tests: returns the whole response body."""

    def __init__(self, client: httpx.AsyncClient, url: str) -> None:
        self.client = client
        self.url = url
        self.last_status = 0

    async def __call__(self, query: str, variables: Any = None, **extra: Any) -> dict[str, Any]:
        body: dict[str, Any] = {"query": query, **extra}
        if variables is not None:
            body["variables"] = variables
        response = await self.client.post(self.url, json=body)
        self.last_status = response.status_code
        assert response.status_code != 500, response.text
        return response.json()  # type: ignore[no-any-return]

    async def data(self, query: str, variables: Any = None) -> dict[str, Any]:
        """The `data` of a response that must have succeeded (no `errors` key at all)."""
        body = await self(query, variables)
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    async def error_code(self, query: str, variables: Any = None) -> str:
        body = await self(query, variables)
        assert "errors" in body, body
        return str(body["errors"][0]["extensions"]["code"])
