"""Helpers for the runs-in-motion end-to-end tests: agent and CLI processes, and waiting."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from server.database import migrate
from tests.databases import fresh_postgresql

ROOT = Path(__file__).resolve().parents[2]
FLOWRUN = str(Path(sys.executable).parent / "flowrun")
EXAMPLES = ROOT / "examples"
T = TypeVar("T")

# Loops fast enough for tests: a run without heartbeats for 3 s is a zombie.
FAST_LOOPS = {
    "FLOWRUN_LOOPS_ENABLED": "true",
    "FLOWRUN_HEARTBEAT_TIMEOUT_SECONDS": "3",
    "FLOWRUN_ZOMBIE_KILLER_INTERVAL_SECONDS": "0.5",
    "FLOWRUN_SCHEDULER_INTERVAL_SECONDS": "0.5",
}


def cli(api_url: str, *args: str, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    """Run `flowrun ARGS...` as its own process."""
    env = {**os.environ, "FLOWRUN_API_URL": api_url, "COLUMNS": "200"}
    return subprocess.run([FLOWRUN, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT)


@contextmanager
def agents(api_url: str, count: int = 1, *extra: str,
           log_dir: Path | None = None) -> Iterator[list[subprocess.Popen[bytes]]]:
    """`flowrun agent start` processes, stopped (SIGTERM) at the end."""
    env = {**os.environ, "FLOWRUN_API_URL": api_url}
    processes = []
    for i in range(count):
        log_path = (log_dir / f"agent-{i}.log") if log_dir else Path(os.devnull)
        with log_path.open("wb") as log:
            processes.append(subprocess.Popen(
                [FLOWRUN, "agent", "start", "--name", f"agent-{i}", "--poll-interval", "0.2",
                 "--heartbeat-interval", "0.5", *extra],
                env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT))
    try:
        yield processes
    finally:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for(check: Callable[[], T | None], timeout: float = 30, every: float = 0.1) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting after {timeout}s")
        time.sleep(every)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "State:\tZ" in status.read_text())


@contextmanager
def fresh_database(backend: str) -> Iterator[str]:
    """A migrated database of its own (SQLite file or PostgreSQL database), so that no other
    server's loops or runs share it; dropped at the end."""
    if backend == "sqlite":
        with tempfile.TemporaryDirectory(prefix="flowrun-motion-") as directory:
            url = f"sqlite:///{directory}/motion.db"
            migrate.upgrade(url)
            yield url
        return
    with fresh_postgresql("flowrun_motion") as url:
        migrate.upgrade(url)
        yield url
