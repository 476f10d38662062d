"""Breaking things on purpose: what the fault scenarios need beyond tests/live.py,
tests/e2e/motion.py and tests/agent/proxy.py.

    Restartable        one API server process that can be SIGKILLed, SIGTERMed and restarted on
                       its port (optionally under tests/faults/crashing.py's crash points)
    terminate_backends a thread that kills every PostgreSQL connection of one database, again
                       and again (pg_terminate_backend), without touching the shared cluster
    SqliteWriteLock    a second process holding SQLite's write lock (BEGIN IMMEDIATE)
    KeyedCreates       clients creating runs with distinct idempotency keys as fast as they can,
                       remembering what was acknowledged and what got no answer
    rows / summary     the database read back directly, and a summary line of the counts seen"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import sqlalchemy as sa

from server.client import Client
from server.client.models import FlowRunInfo
from server.database.engine import sync_url
from tests.live import LiveServer, free_port, launch, stop

SUMMARY_LINES: list[str] = []
# The PostgreSQL server is shared with other test sessions (100 connections in all): each API
# process here takes at most 4 + 4 of them.
FRUGAL = {"FLOWRUN_DB_POOL_SIZE": "4"}
CREATE = """mutation($input: create_flow_run_input!) {
  create_flow_run(input: $input) { id created } }"""
CRASHING = [sys.executable, "-m", "tests.faults.crashing"]
CRASHING_SERVER = [*CRASHING, "server", "start"]


def summary(scenario: str, **counts: Any) -> None:
    """One line of counts, printed in pytest's terminal summary (and here, for `-s`)."""
    line = f"FAULTS {scenario}: " + " ".join(f"{k}={v}" for k, v in counts.items())
    SUMMARY_LINES.append(line)
    print(line)


def rows(database_url: str, query: str, **params: Any) -> list[tuple[Any, ...]]:
    """Read the database directly (a fresh connection, no pool)."""
    engine = sa.create_engine(sync_url(database_url), poolclass=sa.NullPool)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(sa.text(query), params)]
    finally:
        engine.dispose()


@dataclass
class Restartable:
    """An API server on a fixed port, restartable after it was killed."""

    database_url: str
    env: dict[str, str] = field(default_factory=dict)
    crash_at: str | None = None
    port: int = field(default_factory=free_port)
    server: LiveServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def graphql_url(self) -> str:
        return f"{self.url}/graphql"

    def start(self, crash_at: str | None = None) -> Restartable:
        env = {**FRUGAL, **self.env, **({"FLOWRUN_TEST_CRASH_AT": crash_at} if crash_at else {})}
        self.server = launch(self.database_url, env, port=self.port,
                             command=CRASHING_SERVER if crash_at else None)
        return self

    def kill(self) -> None:
        """SIGKILL: no shutdown, no rollback, sockets reset."""
        assert self.server is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.server.process.pid, signal.SIGKILL)
        self.server.process.wait(timeout=30)

    def wait_dead(self, timeout: float) -> int:
        assert self.server is not None
        return self.server.process.wait(timeout=timeout)

    def stop(self) -> None:
        if self.server is not None:
            stop(self.server)

    def log(self) -> str:
        return self.server.log() if self.server else ""


@contextlib.contextmanager
def running(server: Restartable, crash_at: str | None = None) -> Iterator[Restartable]:
    server.start(crash_at)
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def repeating(action: Callable[[], object], every: float) -> Iterator[None]:
    """Call `action` every `every` seconds, in a thread, while the block runs."""
    done = threading.Event()

    def loop() -> None:
        while not done.wait(every):
            action()

    thread = threading.Thread(target=loop, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join(timeout=60)


@contextlib.contextmanager
def terminate_backends(database_url: str, every: float = 0.05) -> Iterator[list[int]]:
    """Terminate every connection to this one database (not the cluster's others) every
    `every` seconds while the block runs; yields a list holding the number terminated."""
    name = sa.make_url(database_url).database
    killed = [0]
    with psycopg.connect(database_url.replace(f"/{name}", "/postgres"),
                         autocommit=True) as admin:
        def kill() -> None:
            found = admin.execute(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) "
                "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
                (name,)).fetchone()
            killed[0] += int(found[0]) if found else 0

        with repeating(kill, every):
            yield killed


class SqliteWriteLock:
    """Another process that takes SQLite's write lock and holds it until released."""

    def __init__(self, database_url: str) -> None:
        self.path = sa.make_url(database_url).database
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> SqliteWriteLock:
        code = ("import sqlite3, sys\n"
                "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                "c.execute('BEGIN IMMEDIATE')\nprint('locked', flush=True)\n"
                "sys.stdin.readline()\nc.execute('ROLLBACK')\n")
        self.process = subprocess.Popen([sys.executable, "-c", code, str(self.path)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"
        return self

    def release(self) -> None:
        if self.process is None:
            return
        assert self.process.stdin is not None and self.process.stdout is not None
        if self.process.poll() is None:
            self.process.stdin.write("\n")
            self.process.stdin.flush()
        self.process.wait(timeout=30)
        self.process.stdin.close()
        self.process.stdout.close()

    def __exit__(self, *_: object) -> None:
        self.release()


@dataclass
class KeyedCreates:
    """`clients` threads creating runs of one flow, each with a key of its own, until stopped.
    A create answered with an id is acknowledged; one that got no answer (or a retryable
    error) is unanswered. Anything else is an error."""

    graphql_url: str
    flow_id: str
    clients: int = 8
    prefix: str = "k"
    acked: dict[str, str] = field(default_factory=dict)
    unanswered: set[str] = field(default_factory=set)
    statuses: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    def __enter__(self) -> KeyedCreates:
        for i in range(self.clients):
            thread = threading.Thread(target=self._work, args=(i,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=60)
            assert not thread.is_alive(), "a client hung"

    def _work(self, client: int) -> None:
        with httpx.Client(timeout=30) as http:
            n = 0
            while not self._stop.is_set():
                key = f"{self.prefix}-{client}-{n}"
                n += 1
                if not self.create(http, key):
                    time.sleep(0.2)  # the server is away: fewer keys left unanswered

    def create(self, http: httpx.Client, key: str) -> bool:
        """One create; True when it was acknowledged."""
        try:
            response = http.post(self.graphql_url, json={"query": CREATE, "variables": {
                "input": {"flow_id": self.flow_id, "idempotency_key": key}}})
        except httpx.TransportError:
            self.unanswered.add(key)
            return False
        code = answer_code(response)
        self.statuses[code] = self.statuses.get(code, 0) + 1
        if code == "OK":
            self.acked[key] = response.json()["data"]["create_flow_run"]["id"]
            return True
        if code == "SERVICE_UNAVAILABLE":
            self.unanswered.add(key)
        else:
            self.errors.append(f"{key}: HTTP {response.status_code} {response.text[:300]}")
        return False

    def retry_unanswered(self, attempts: int = 50) -> dict[str, str]:
        """Every unanswered key sent again (by `clients` threads) until it is answered:
        key -> run id."""
        def retry(key: str) -> tuple[str, str]:
            with httpx.Client(timeout=30) as http:
                for _ in range(attempts):
                    if self.create(http, key):
                        return key, self.acked[key]
                    time.sleep(0.2)
            raise AssertionError(f"{key} was never answered")

        with ThreadPoolExecutor(self.clients) as pool:
            return dict(pool.map(retry, sorted(self.unanswered)))


def answer_code(response: httpx.Response) -> str:
    """OK for a GraphQL success; else the one error code shared by all errors, which must
    agree with the HTTP status (503 exactly when every error is SERVICE_UNAVAILABLE)."""
    body = response.json()
    if "errors" not in body and response.status_code == 200:
        return "OK"
    codes = {e["extensions"]["code"] for e in body.get("errors", [])}
    if codes == {"SERVICE_UNAVAILABLE"}:
        assert response.status_code == 503, (response.status_code, body)
        return "SERVICE_UNAVAILABLE"
    return f"HTTP {response.status_code} {sorted(codes)}"


def register(graphql_url: str, name: str, **document: Any) -> str:
    from server.client import Client

    with Client(graphql_url) as client:
        return client.register({"name": name, "parameters": [], **document}, "faults")


def runs_by_key(database_url: str) -> dict[str, list[str]]:
    """Each idempotency key in the database and the runs it names."""
    out: dict[str, list[str]] = {}
    for key, run_id in rows(database_url,
                            "SELECT idempotency_key, id FROM flow_run "
                            "WHERE idempotency_key IS NOT NULL"):
        out.setdefault(str(key), []).append(as_id(run_id))
    return out


def one_run_per_key(database_url: str, *answered: dict[str, str]) -> dict[str, list[str]]:
    """Every key answered with a run id names that run and only it (0 lost), and no key
    names two runs (0 duplicates); returns what the database holds, key -> run ids."""
    stored = runs_by_key(database_url)
    answers = {key: run_id for each in answered for key, run_id in each.items()}
    lost = [key for key, run_id in answers.items() if stored.get(key) != [run_id]]
    duplicates = [key for key, ids in stored.items() if len(ids) > 1]
    assert (lost, duplicates) == ([], []), (lost[:5], duplicates[:5])
    return stored


def as_id(value: Any) -> str:
    """A run id as the API writes it, whatever the engine stored (SQLite keeps 32 hex)."""
    return str(uuid.UUID(str(value)))


def pid_alive(path: Path) -> bool:
    from tests.e2e.motion import alive

    return path.exists() and bool(path.read_text()) and alive(int(path.read_text()))


PREFECT1_SCRIPT = Path(__file__).resolve().parent / "scripts" / "prefect1_creates.py"


class Prefect1Creates:
    """The real Prefect 1 Client creating `count` runs with keys (scripts/prefect1_creates.py)
    in the Prefect 1 virtualenv, its output read line by line as it comes."""

    def __init__(self, server: Restartable, home: Path, flow_id: str, count: int) -> None:
        from tests.prefect1 import venv
        from tests.prefect1.harness import Prefect1

        assert server.server is not None
        self.lines: list[str] = []
        self.process = subprocess.Popen(
            [str(venv.bin_path("python")), str(PREFECT1_SCRIPT), flow_id, str(count), "p1"],
            env=Prefect1(server.server, home).env(), stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, cwd=home)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout as stream:
            for line in stream:
                self.lines.append(line.strip())

    def count(self, prefix: str) -> int:
        return sum(1 for line in self.lines if line.startswith(prefix))

    def exited(self) -> bool:
        return self.process.poll() is not None

    def __enter__(self) -> Prefect1Creates:
        return self

    def __exit__(self, *_: object) -> None:
        try:
            self.process.wait(timeout=240)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
            self._reader.join(timeout=30)

    def result(self) -> dict[str, str]:
        """key -> run id, as the script printed them; it must have succeeded."""
        assert self.process.returncode == 0, "\n".join(self.lines)
        return dict(json.loads(self.lines[-1]))


def finished(api: Client, run_id: str) -> FlowRunInfo | None:
    """The run's info once it is in a finished state, else None (for wait_for)."""
    info = api.get_flow_run_info(run_id)
    return info if info.is_finished else None
