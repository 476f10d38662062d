"""Agent latency and throughput against a live flowrun server.

    .venv/bin/python bench/agents.py --database sqlite|postgresql [--latency-runs 50]
                                     [--drain-runs 200] [--agents 3] [--concurrency 4]

For each database (SQLite in a temporary directory, PostgreSQL in a fresh `flowrun_bench_agents`
database) it migrates, starts `flowrun server start` on a free port, registers a flow that does
nothing, and measures with real `flowrun agent start` processes (their default poll interval
unless --poll-interval is given):

  latency   one agent; runs a little apart so none waits for another: the time from each
            run's scheduled start to its Running state (the server's timestamps), p50/p99, for
            runs scheduled ahead (agents claim them a poll interval early and start them on
            time) and for runs due the moment they are created (agents are told of those at once
            over a subscription; before that: about half a poll interval)
  drain     N runs due at once, drained by --agents agents of --concurrency each: runs per
            second from the first run's creation to the last run's end

`measure(kind, ...)` returns the figures for other harnesses (bench/run.py)."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import httpx
import pendulum
import psycopg
from psycopg import sql

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from server.client import Client  # noqa: E402
from server.client.models import parse_time  # noqa: E402

FLOWRUN = str(Path(sys.executable).parent / "flowrun")
PG_ADMIN_URL = os.environ.get("FLOWRUN_BENCH_PG_ADMIN_URL",
                              "postgresql://postgres@127.0.0.1:5432/postgres")
PG_DATABASE = f"flowrun_bench_agents_{os.getpid()}"  # per run: other checkouts bench too
NOOP = "def noop() -> None:\n    pass\n"
FINISHED = ["Success", "Failed", "Cancelled"]


@dataclass(frozen=True)
class AgentFigures:
    database: str
    latency_runs: int
    latency_p50_ms: float  # runs scheduled ahead
    latency_p99_ms: float
    latency_now_p50_ms: float  # runs due at once
    latency_now_p99_ms: float
    poll_interval_s: float
    drain_runs: int
    drain_agents: int
    drain_concurrency: int
    drain_seconds: float
    drain_runs_per_s: float


# --- processes ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def fresh_database(kind: str) -> Iterator[str]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="flowrun-bench-agents-") as directory:
            yield f"sqlite:///{directory}/bench.db"
        return
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(PG_DATABASE)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(PG_DATABASE)))
    yield PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{PG_DATABASE}"


@contextmanager
def running_server(database_url: str) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "FLOWRUN_DATABASE_URL": database_url, "FLOWRUN_PORT": str(port),
           "FLOWRUN_LOG_LEVEL": "WARNING"}
    subprocess.run([FLOWRUN, "db", "upgrade"], env=env, check=True, capture_output=True)
    server = subprocess.Popen([FLOWRUN, "server", "start"], env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while not _healthy(base):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the flowrun server did not start")
            time.sleep(0.1)
        yield f"{base}/graphql"
    finally:
        _stop(server)


def _healthy(base: str) -> bool:
    try:
        return httpx.get(f"{base}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def running_agents(api_url: str, count: int, concurrency: int,
                   poll_interval: float | None) -> Iterator[None]:
    env = {**os.environ, "FLOWRUN_API_URL": api_url}
    poll = ["--poll-interval", str(poll_interval)] if poll_interval else []
    agents = [subprocess.Popen(
        [FLOWRUN, "agent", "start", "--name", f"bench-{i}", "--concurrency", str(concurrency),
         "--log-level", "WARNING", *poll],
        env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    ) for i in range(count)]
    try:
        time.sleep(1.0)  # let them register and start polling
        yield
    finally:
        for agent in agents:
            _stop(agent)


# --- measurements ------------------------------------------------------------------------------

def register_noop(api: Client, workdir: Path) -> str:
    path = workdir / "noop.py"
    path.write_text(NOOP)
    return api.register({"name": "noop", "parameters": [], "storage": {
        "type": "Local", "path": str(path), "function": "noop"}}, "bench")


def create_runs(api: Client, flow_id: str, starts: Sequence[pendulum.DateTime | None]) -> list[str]:
    """Create runs in requests of 100 aliased mutations."""
    ids: list[str] = []
    for offset in range(0, len(starts), 100):
        chunk = starts[offset:offset + 100]
        fields = "\n".join(
            f'r{i}: create_flow_run(input: {{flow_id: $flow, scheduled_start_time: $t{i}}}) '
            '{ id }' for i in range(len(chunk)))
        params = ", ".join(f"$t{i}: DateTime" for i in range(len(chunk)))
        variables: dict[str, Any] = {"flow": flow_id}
        variables.update({f"t{i}": t.isoformat() if t else None for i, t in enumerate(chunk)})
        data = api.graphql(f"mutation($flow: UUID!, {params}) {{ {fields} }}", variables)
        ids.extend(data[f"r{i}"]["id"] for i in range(len(chunk)))
    return ids


def wait_finished(api: Client, flow_id: str, count: int, timeout: float) -> None:
    query = """query($flow: uuid!, $states: [String!]) { flow_run_aggregate(where: {
        flow_id: {_eq: $flow}, state: {_in: $states}}) { aggregate { count } } }"""
    deadline = time.monotonic() + timeout
    while True:
        data = api.graphql(query, {"flow": flow_id, "states": FINISHED}, idempotent=True)
        if data["flow_run_aggregate"]["aggregate"]["count"] >= count:
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"runs did not finish within {timeout}s")
        time.sleep(0.2)


def run_rows(api: Client, ids: list[str]) -> list[dict[str, Any]]:
    query = """query($ids: [uuid!]) { flow_run(where: {id: {_in: $ids}}) {
        id created scheduled_start_time end_time state
        states(where: {state: {_eq: "Running"}}) { timestamp } } }"""
    rows: list[dict[str, Any]] = api.graphql(query, {"ids": ids}, idempotent=True)["flow_run"]
    return rows


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure_latency(api: Client, flow_id: str, runs: int,
                    poll_interval: float | None) -> dict[str, tuple[float, float]]:
    """p50 and p99 (ms) from scheduled start to Running with one agent of the default
    concurrency (4), for runs 0.3 s apart (so none waits for a free slot):
      ahead  runs scheduled in advance (the scheduler's runs, `--scheduled-start-time`)
      now    runs created to start at once (`flowrun run`), one every 0.3 s"""
    first = pendulum.now("UTC").add(seconds=2)
    ahead = create_runs(api, flow_id, [first.add(microseconds=300_000 * i) for i in range(runs)])
    with running_agents(api.api_url, 1, 4, poll_interval):
        wait_finished(api, flow_id, runs, timeout=60 + runs)
        now = []
        for _ in range(runs):
            now += create_runs(api, flow_id, [None])
            time.sleep(0.3)
        wait_finished(api, flow_id, 2 * runs, timeout=60 + runs)
    return {"ahead": _delays(api, ahead), "now": _delays(api, now)}


def _delays(api: Client, ids: list[str]) -> tuple[float, float]:
    delays = []
    for row in run_rows(api, ids):
        running = _time(row["states"][0]["timestamp"])
        delays.append((running - _time(row["scheduled_start_time"])).total_seconds() * 1000)
    return statistics.median(delays), percentile(delays, 0.99)


def measure_drain(api: Client, flow_id: str, runs: int, agents: int, concurrency: int,
                  poll_interval: float | None) -> float:
    """Seconds from the first run's creation to the last run's end."""
    with running_agents(api.api_url, agents, concurrency, poll_interval):
        ids = create_runs(api, flow_id, [None] * runs)
        wait_finished(api, flow_id, runs, timeout=120 + runs)
    rows = run_rows(api, ids)
    start = min(_time(r["created"]) for r in rows)
    end = max(_time(r["end_time"]) for r in rows)
    return float((end - start).total_seconds())


def _time(value: str) -> pendulum.DateTime:
    parsed = parse_time(value)
    assert parsed is not None
    return parsed


def measure(kind: str, *, latency_runs: int = 50, drain_runs: int = 200, agents: int = 3,
            concurrency: int = 4, poll_interval: float | None = None) -> AgentFigures:
    with fresh_database(kind) as url, running_server(url) as api_url, \
            tempfile.TemporaryDirectory() as workdir, Client(api_url) as api:
        latency_flow = register_noop(api, Path(workdir))
        latency = measure_latency(api, latency_flow, latency_runs, poll_interval)
        drain_flow = api.register({"name": "noop-drain", "parameters": [], "storage": {
            "type": "Local", "path": str(Path(workdir) / "noop.py"), "function": "noop"}},
            "bench")
        seconds = measure_drain(api, drain_flow, drain_runs, agents, concurrency,
                                poll_interval)
    return AgentFigures(
        database=kind, latency_runs=latency_runs,
        latency_p50_ms=round(latency["ahead"][0], 1), latency_p99_ms=round(latency["ahead"][1], 1),
        latency_now_p50_ms=round(latency["now"][0], 1),
        latency_now_p99_ms=round(latency["now"][1], 1), poll_interval_s=poll_interval or 1.0,
        drain_runs=drain_runs, drain_agents=agents, drain_concurrency=concurrency,
        drain_seconds=round(seconds, 2), drain_runs_per_s=round(drain_runs / seconds, 1),
    )


def describe(figures: AgentFigures) -> str:
    f = figures
    pad = " " * (len(f.database) + 2)
    return (f"{f.database}: start time -> Running, 1 agent polling every {f.poll_interval_s:g}s, "
            f"{f.latency_runs} runs each:\n"
            f"{pad}scheduled ahead  p50 {f.latency_p50_ms:.0f} ms, p99 {f.latency_p99_ms:.0f} ms\n"
            f"{pad}due at creation  p50 {f.latency_now_p50_ms:.0f} ms, "
            f"p99 {f.latency_now_p99_ms:.0f} ms\n"
            f"{pad}drain: {f.drain_runs} runs by {f.drain_agents} agents x "
            f"{f.drain_concurrency} in {f.drain_seconds:.1f} s = {f.drain_runs_per_s:.1f} runs/s")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="sqlite,postgresql",
                        help="sqlite, postgresql, or both comma-separated")
    parser.add_argument("--latency-runs", type=int, default=50)
    parser.add_argument("--drain-runs", type=int, default=200)
    parser.add_argument("--agents", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--poll-interval", type=float, default=None,
                        help="agent poll interval (default: the agent's own, 1 s)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    kinds = [k.strip() for k in args.database.split(",") if k.strip()]
    if not kinds or set(kinds) - {"sqlite", "postgresql"}:
        parser.error("--database takes sqlite, postgresql, or both")
    for kind in kinds:
        figures = measure(kind, latency_runs=args.latency_runs, drain_runs=args.drain_runs,
                          agents=args.agents, concurrency=args.concurrency,
                          poll_interval=args.poll_interval)
        if args.json:
            import json

            print(json.dumps(asdict(figures)))
        else:
            print(describe(figures), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
