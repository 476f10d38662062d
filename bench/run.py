"""Benchmark live flowrun servers with wrk, beside the floor, and check issue 14's targets.

Run from the repository root (this is what `make bench` does; BENCH_ARGS passes options):

    .venv/bin/python bench/run.py [--parts throughput,million,startup,agents]
                                  [--databases sqlite,postgresql] [--concurrency 1,8,32]
                                  [--duration 5] [--rounds 3] [--ops create_flow_run,...]
                                  [--workers sqlite=1,postgresql=2] [--million-concurrency 1,8]

(`.venv/bin/python -m bench.run` works too.) A quick run: `--parts throughput --databases
postgresql --ops create_flow_run,floor_create --concurrency 8 --duration 3`.

Parts, for each database:
  throughput  SQLite in a fresh temporary directory, PostgreSQL in a freshly created
              `flowrun_bench_<pid>` database: migrate, start `flowrun server start` on a free port,
              seed a project and a flow over GraphQL, then drive each operation with
              `wrk -t1 -c<concurrency>` for --duration seconds at each concurrency in turn,
              --rounds times, each cell the median round: requests/s, p50/p99, errors
              (non-2xx, or 200 carrying GraphQL "errors"), and on PostgreSQL the new database
              sessions each cell opened (pool churn). The floor_* operations hit
              the floor app (bench/floor.py: bare Starlette + psycopg, one statement per
              request) under the same uvicorn and worker count, on the same database.
  million     1,000,000 runs seeded once and cached (bench/million.py), four reads at c=1, 8
  startup     warm start to healthy and idle memory of one API process (bench/startup.py)
  agents      bench/agents.py: start latency and the drain of 200 trivial runs by 3 agents

It prints the wrk table, then one table of every target of issue 14 with its value and the
floor or peer figure beside it (bench/targets.py), and writes it all as JSON to bench/results/.

Operations live in the OPERATIONS table: a name, a Lua script under bench/lua/, a setup
function that seeds what the script needs and returns its {{placeholder}} values, and the
server it is sent to (flowrun or the floor).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import psycopg
from psycopg import sql

BENCH_DIR = Path(__file__).resolve().parent
REPO_DIR = BENCH_DIR.parent
LUA_DIR = BENCH_DIR / "lua"
RESULTS_DIR = BENCH_DIR / "results"

DATABASES = ("sqlite", "postgresql")
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
# Per run: other checkouts on this machine may bench at the same time (and drop theirs).
PG_BENCH_DATABASE = f"flowrun_bench_{os.getpid()}"
RESULT_MARKER = "BENCH_RESULT "

LuaValue = str | int | float | bool | Sequence[str]
LuaParams = Mapping[str, LuaValue]


class BenchError(Exception):
    """A failure that stops the benchmark; main() prints it and exits non-zero."""


@dataclass(frozen=True)
class Options:
    databases: list[str]
    concurrency: list[int]
    duration: int
    rounds: int
    ops: list[str]
    workers: dict[str, int]
    seed_runs: int
    parts: list[str]
    million_concurrency: list[int]
    starts: int
    agent_latency_runs: int
    startup_timeout: float
    log_level: str
    flowrun: Path
    wrk: str
    pg_admin_url: str


@dataclass(frozen=True)
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    log_path: Path

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@dataclass(frozen=True)
class Seed:
    """What every operation's setup may use: a client on the live server and a seeded flow."""

    client: httpx.Client
    project_id: str
    flow_id: str
    seed_runs: int


@dataclass(frozen=True)
class Operation:
    name: str
    script: str
    setup: Callable[[Seed], LuaParams]
    door: str = "flowrun"  # or "floor": the bare app of bench/floor.py (PostgreSQL only)


@dataclass(frozen=True)
class CellResult:
    database: str
    concurrency: int
    operation: str
    requests: int
    duration_s: float
    requests_per_s: float
    p50_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    errors: int
    non_200: int
    graphql_errors: int
    socket_errors: int
    sample_error: str
    new_sessions: int | None = None  # PostgreSQL sessions opened during the cell
    # CPU the server's processes (not the database's) spent per request during the run
    server_cpu_us: float | None = None
    rounds_per_s: tuple[float, ...] = ()  # each round's requests/s, of a median cell


@dataclass(frozen=True)
class DatabaseResult:
    database: str
    cells: list[CellResult]
    peak_rss_kb: int
    peak_rss_by_pid_kb: dict[int, int] = field(default_factory=dict)


# --- GraphQL seeding -------------------------------------------------------------------------

CREATE_PROJECT = "mutation($input: create_project_input!) { create_project(input: $input) { id } }"
CREATE_FLOW = "mutation($input: create_flow_input!) { create_flow(input: $input) { id } }"
CREATE_FLOW_RUN = (
    "mutation($input: create_flow_run_input!) { create_flow_run(input: $input) { id } }"
)


def graphql(client: httpx.Client, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """POST one GraphQL operation and return its `data`; raise with the exact body on error."""
    response = client.post("/graphql", json={"query": query, "variables": variables})
    body = response.text
    if response.status_code != 200:
        raise BenchError(f"GraphQL HTTP {response.status_code}: {body}")
    payload = response.json()
    if payload.get("errors") or not isinstance(payload.get("data"), dict):
        raise BenchError(f"GraphQL error for {query!r}: {body}")
    data: dict[str, Any] = payload["data"]
    return data


def create_id(client: httpx.Client, query: str, field_name: str, input_: dict[str, Any]) -> str:
    data = graphql(client, query, {"input": input_})
    return str(data[field_name]["id"])


def seed_flow(client: httpx.Client, seed_runs: int) -> Seed:
    project_id = create_id(client, CREATE_PROJECT, "create_project", {"name": "bench"})
    serialized_flow = {
        "name": "bench-flow",
        "parameters": [{"name": "x", "required": False, "default": 1}],
    }
    flow_id = create_id(
        client,
        CREATE_FLOW,
        "create_flow",
        {"project_id": project_id, "serialized_flow": serialized_flow},
    )
    return Seed(client=client, project_id=project_id, flow_id=flow_id, seed_runs=seed_runs)


def create_runs(seed: Seed) -> list[str]:
    input_ = {"flow_id": seed.flow_id, "parameters": {"x": 2}}
    return [
        create_id(seed.client, CREATE_FLOW_RUN, "create_flow_run", input_)
        for _ in range(seed.seed_runs)
    ]


# --- Operations ------------------------------------------------------------------------------


def setup_create_flow_run(seed: Seed) -> LuaParams:
    return {"flow_id": seed.flow_id}


def setup_seeded_runs(seed: Seed) -> LuaParams:
    return {"run_ids": create_runs(seed)}


def setup_rest_create_flow_run(seed: Seed) -> LuaParams:
    """A deployment of the seeded flow's group, for the REST door's create_flow_run."""
    response = seed.client.post(
        "/api/deployments/", json={"name": "bench", "flow_id": seed.flow_id}
    )
    if response.status_code != 201:
        raise BenchError(f"creating a deployment: HTTP {response.status_code}: {response.text}")
    return {"deployment_id": str(response.json()["id"])}


def setup_floor(path: str) -> Callable[[Seed], LuaParams]:
    def setup(seed: Seed) -> LuaParams:
        return {"path": path, "run_ids": create_runs(seed)}

    return setup


OPERATIONS: dict[str, Operation] = {
    op.name: op
    for op in (
        Operation("create_flow_run", "create_flow_run.lua", setup_create_flow_run),
        Operation("flow_run_by_pk", "flow_run_by_pk.lua", setup_seeded_runs),
        Operation("flow_run_by_pk_wide", "flow_run_by_pk_wide.lua", setup_seeded_runs),
        Operation("set_flow_run_state", "set_flow_run_state.lua", setup_seeded_runs),
        Operation(
            "rest_create_flow_run", "rest_create_flow_run.lua", setup_rest_create_flow_run
        ),
        Operation("rest_read_flow_run", "rest_read_flow_run.lua", setup_seeded_runs),
        Operation("floor_create", "floor_create.lua", setup_create_flow_run, "floor"),
        Operation("floor_read", "floor_by_id.lua", setup_floor("/floor/read"), "floor"),
        Operation("floor_set_state", "floor_by_id.lua", setup_floor("/floor/set_state"), "floor"),
    )
}


# --- Lua scripts -----------------------------------------------------------------------------


def lua_string(value: str) -> str:
    """A Lua string literal; bytes outside printable ASCII become decimal escapes."""
    out = []
    for byte in value.encode():
        char = chr(byte)
        if char in '"\\':
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def lua_literal(value: LuaValue) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return lua_string(value)
    return "{" + ", ".join(lua_string(item) for item in value) + "}"


def render_lua(template: str, params: LuaParams) -> str:
    def substitute(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in params:
            raise BenchError(f"Lua template needs parameter {name!r}")
        return lua_literal(params[name])

    return re.sub(r"\{\{(\w+)\}\}", substitute, template)


def write_script(op: Operation, params: LuaParams, workdir: Path) -> Path:
    common = (LUA_DIR / "common.lua").read_text()
    script = render_lua((LUA_DIR / op.script).read_text(), params)
    path = workdir / f"{op.name}.lua"
    path.write_text(common + "\n" + script)
    return path


# --- wrk -------------------------------------------------------------------------------------


def run_wrk(opts: Options, server: Server, script: Path, concurrency: int) -> dict[str, Any]:
    command = [
        opts.wrk,
        "-t1",
        f"-c{concurrency}",
        f"-d{opts.duration}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        f"{server.base_url}/graphql",
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=opts.duration + 60, check=False
    )
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr}{done.stdout}")
    for line in done.stdout.splitlines():
        if line.startswith(RESULT_MARKER):
            result: dict[str, Any] = json.loads(line.removeprefix(RESULT_MARKER))
            return result
    raise BenchError(f"wrk printed no {RESULT_MARKER.strip()} line:\n{done.stdout}{done.stderr}")


def cell_result(database: str, concurrency: int, op: str, raw: Mapping[str, Any]) -> CellResult:
    duration_s = raw["duration_us"] / 1e6
    errors = raw["non_200"] + raw["graphql_errors"] + raw["socket_errors"]
    return CellResult(
        database=database,
        concurrency=concurrency,
        operation=op,
        requests=int(raw["requests"]),
        duration_s=round(duration_s, 3),
        requests_per_s=round(raw["requests"] / duration_s, 1) if duration_s else 0.0,
        p50_ms=raw["p50_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        mean_ms=round(raw["mean_us"] / 1000, 3),
        max_ms=raw["max_us"] / 1000,
        errors=int(errors),
        non_200=int(raw["non_200"]),
        graphql_errors=int(raw["graphql_errors"]),
        socket_errors=int(raw["socket_errors"]),
        sample_error=raw["sample_error"],
    )


# --- Databases -------------------------------------------------------------------------------


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def connect_pg(url: str, *, autocommit: bool = False,
               wait: float = 120.0) -> psycopg.Connection[Any]:
    """psycopg.connect, waiting while the shared server has no free connection slot (other
    test sessions on this machine can fill max_connections for a while)."""
    deadline = time.monotonic() + wait
    while True:
        try:
            return psycopg.connect(url, autocommit=autocommit, connect_timeout=10)
        except psycopg.OperationalError as exc:
            if "too many clients" not in str(exc) or time.monotonic() > deadline:
                raise
            progress("PostgreSQL has no free connection slot; waiting")
            time.sleep(2.0)


def recreate_pg_database(admin_url: str, name: str, *, create: bool) -> None:
    with connect_pg(admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if create:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


@contextmanager
def fresh_database(kind: str, opts: Options, workdir: Path) -> Iterator[str]:
    """Yield the FLOWRUN_DATABASE_URL of an empty database; drop it afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{workdir / 'bench.db'}"
        return
    try:
        recreate_pg_database(opts.pg_admin_url, PG_BENCH_DATABASE, create=True)
    except psycopg.Error as exc:
        raise BenchError(f"cannot create PostgreSQL database {PG_BENCH_DATABASE}: {exc}") from exc
    try:
        yield with_database(opts.pg_admin_url, PG_BENCH_DATABASE)
    finally:
        try:
            recreate_pg_database(opts.pg_admin_url, PG_BENCH_DATABASE, create=False)
        except psycopg.Error as exc:
            print(f"warning: could not drop {PG_BENCH_DATABASE}: {exc}", file=sys.stderr)


# --- Server process --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def server_env(opts: Options, database_url: str, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "FLOWRUN_DATABASE_URL": database_url,
        "FLOWRUN_HOST": "127.0.0.1",
        "FLOWRUN_PORT": str(port),
        "FLOWRUN_WORKERS": str(opts.workers["sqlite" if database_url.startswith("sqlite")
                                            else "postgresql"]),
        "FLOWRUN_LOG_LEVEL": opts.log_level,
    }


def migrate(opts: Options, env: Mapping[str, str]) -> None:
    done = subprocess.run(
        [str(opts.flowrun), "db", "upgrade"],
        env=env,
        cwd=REPO_DIR,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if done.returncode != 0:
        raise BenchError(
            f"flowrun db upgrade failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )


def log_tail(path: Path, lines: int = 40) -> str:
    try:
        tail = path.read_text(errors="replace").splitlines()[-lines:]
    except OSError:
        tail = []
    return "\n".join(tail) if tail else "(the server wrote no output)"


def wait_healthy(server: Server, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.proc.poll() is not None:
            raise BenchError(
                f"server exited with {server.proc.returncode} before answering /health:\n"
                + log_tail(server.log_path)
            )
        try:
            if httpx.get(f"{server.base_url}/health", timeout=1.0).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise BenchError(
        f"server did not answer GET /health with 200 within {timeout:.0f} s:\n"
        + log_tail(server.log_path)
    )


def ensure_alive(server: Server) -> None:
    if server.proc.poll() is not None:
        raise BenchError(
            f"server exited with {server.proc.returncode} during the benchmark:\n"
            + log_tail(server.log_path)
        )


def stop_process_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group started with start_new_session; SIGKILL after 10 s."""
    for sig, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        with suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            continue
        break
    # The leader is gone; make sure no worker outlives it.
    with suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)


@contextmanager
def serving(command: Sequence[str], env: Mapping[str, str], port: int, log_path: Path,
            startup_timeout: float) -> Iterator[Server]:
    """Start a server process (its own process group) and yield it once /health answers."""
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            list(command),
            env=dict(env),
            cwd=REPO_DIR,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server(proc=proc, port=port, log_path=log_path)
    try:
        wait_healthy(server, startup_timeout)
        try:
            yield server
        except BenchError as exc:
            time.sleep(0.5)  # a 500 reaches the client before uvicorn logs its traceback
            raise BenchError(f"{exc}\nserver log (last lines):\n{log_tail(log_path)}") from exc
    finally:
        stop_process_group(proc)


@contextmanager
def running_server(opts: Options, database_url: str, workdir: Path,
                   extra_env: Mapping[str, str] | None = None) -> Iterator[Server]:
    port = free_port()
    env = {**server_env(opts, database_url, port), **(extra_env or {})}
    migrate(opts, env)
    with serving([str(opts.flowrun), "server", "start"], env, port, workdir / "server.log",
                 opts.startup_timeout) as server:
        yield server


@contextmanager
def running_floor(
    opts: Options, database_url: str, workdir: Path, wanted: bool
) -> Iterator[Server | None]:
    """The floor app (bench/floor.py) under the same uvicorn and worker count as flowrun."""
    if not wanted:
        yield None
        return
    port = free_port()
    env = {**os.environ, "FLOOR_DATABASE_URL": database_url,
           "FLOOR_POOL_SIZE": os.environ.get("FLOWRUN_DB_POOL_SIZE", "10"),
           "PYTHONPATH": str(REPO_DIR)}
    command = [sys.executable, "-m", "uvicorn", "bench.floor:app", "--host", "127.0.0.1",
               "--port", str(port), "--workers", str(opts.workers["postgresql"]),
               "--log-level", "warning", "--no-access-log"]
    with serving(command, env, port, workdir / "floor.log", opts.startup_timeout) as floor:
        yield floor


# --- Memory ----------------------------------------------------------------------------------


def parent_pids() -> dict[int, int]:
    """pid -> parent pid for every process visible in /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # Fields after the parenthesised command: state, ppid, ...
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    return parents


def process_tree(root: int) -> list[int]:
    parents = parent_pids()
    tree = [root]
    for pid in tree:
        tree.extend(child for child, parent in parents.items() if parent == pid)
    return tree


def peak_rss_kb(pid: int) -> int | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def tree_cpu_seconds(root: int) -> float:
    """User and system CPU of a process and its children now alive (a server's workers)."""
    ticks = 0
    for pid in process_tree(root):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            continue
        after_name = stat.rsplit(")", 1)[1].split()  # from field 3 (state) on
        ticks += int(after_name[11]) + int(after_name[12])  # utime, stime (fields 14, 15)
    return ticks / os.sysconf("SC_CLK_TCK")


def server_peak_rss(server: Server) -> dict[int, int]:
    by_pid = {pid: peak_rss_kb(pid) for pid in process_tree(server.proc.pid)}
    return {pid: kb for pid, kb in by_pid.items() if kb is not None}


# --- Benchmark -------------------------------------------------------------------------------


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def pg_sessions(opts: Options) -> Callable[[], int]:
    """A counter of the sessions ever opened to the bench database (pg_stat_database)."""

    def count() -> int:
        with connect_pg(opts.pg_admin_url, autocommit=True) as conn:
            row = conn.execute(
                "SELECT sessions FROM pg_stat_database WHERE datname = %s", (PG_BENCH_DATABASE,)
            ).fetchone()
        return int(row[0]) if row else 0

    return count


def measure_cell(
    opts: Options, kind: str, server: Server, name: str, script: Path, concurrency: int,
    sessions: Callable[[], int] | None = None,
) -> CellResult:
    """One wrk run; on PostgreSQL also the new database sessions it caused (pool churn)."""
    progress(f"[{kind}] {name} at concurrency {concurrency} for {opts.duration} s")
    before = sessions() if sessions else 0
    cpu_before = tree_cpu_seconds(server.proc.pid)
    raw = run_wrk(opts, server, script, concurrency)
    cpu = tree_cpu_seconds(server.proc.pid) - cpu_before
    ensure_alive(server)
    cell = cell_result(kind, concurrency, name, raw)
    if cell.requests:
        cell = replace(cell, server_cpu_us=round(cpu / cell.requests * 1e6, 1))
    if sessions:
        time.sleep(0.5)  # a backend reports its connection with its first statement's stats
        cell = replace(cell, new_sessions=sessions() - before)
    churn = f", {cell.new_sessions} new sessions" if cell.new_sessions is not None else ""
    progress(f"  {cell.requests_per_s:.1f} req/s, p99 {cell.p99_ms:.2f} ms, "
             f"{cell.errors} errors{churn}, server CPU {cell.server_cpu_us} µs/request")
    if cell.sample_error:
        progress(f"  first error: {cell.sample_error}")
    return cell


def run_cells(
    opts: Options, kind: str, servers: Mapping[str, Server], seed: Seed, workdir: Path,
    sessions: Callable[[], int] | None = None,
) -> list[CellResult]:
    """Each operation at each concurrency in turn, its concurrencies back to back, for
    --rounds rounds (c=1, 8, 32, then again): a c=32 figure is compared with the c=8 one of
    the same operation measured beside it, so the shared machine's slow and fast spells
    (minutes long) fall on both rather than on one, and each cell is the median of its
    rounds (one 10 s run swings by a third here)."""
    cells = []
    for name in opts.ops:
        op = OPERATIONS[name]
        if op.door not in servers:
            continue
        progress(f"[{kind}] setting up {name}")
        script = write_script(op, op.setup(seed), workdir)
        runs: dict[int, list[CellResult]] = {c: [] for c in opts.concurrency}
        for _ in range(opts.rounds):
            for concurrency in opts.concurrency:
                runs[concurrency].append(measure_cell(opts, kind, servers[op.door], name,
                                                      script, concurrency, sessions))
        cells += [median_cell(each) for each in runs.values()]
    return cells


def median_cell(runs: Sequence[CellResult]) -> CellResult:
    """One cell of several runs: the median run's rate and latencies (by requests/s), every
    request, error and new session counted."""
    ordered = sorted(runs, key=lambda cell: cell.requests_per_s)
    middle = ordered[(len(ordered) - 1) // 2]
    sessions = [cell.new_sessions for cell in runs if cell.new_sessions is not None]
    return replace(
        middle,
        requests=sum(cell.requests for cell in runs),
        duration_s=round(sum(cell.duration_s for cell in runs), 3),
        errors=sum(cell.errors for cell in runs),
        non_200=sum(cell.non_200 for cell in runs),
        graphql_errors=sum(cell.graphql_errors for cell in runs),
        socket_errors=sum(cell.socket_errors for cell in runs),
        sample_error=next((cell.sample_error for cell in runs if cell.sample_error), ""),
        new_sessions=sum(sessions) if sessions else None,
        rounds_per_s=tuple(cell.requests_per_s for cell in runs),
    )


def bench_database(kind: str, opts: Options) -> DatabaseResult:
    workdir = Path(tempfile.mkdtemp(prefix=f"flowrun-bench-{kind}-"))
    floor_ops = kind == "postgresql" and any(OPERATIONS[o].door == "floor" for o in opts.ops)
    try:
        with (
            fresh_database(kind, opts, workdir) as database_url,
            running_server(opts, database_url, workdir) as server,
            running_floor(opts, database_url, workdir, floor_ops) as floor,
            httpx.Client(base_url=server.base_url, timeout=30.0) as client,
        ):
            progress(f"[{kind}] server pid {server.proc.pid} on port {server.port}")
            seed = seed_flow(client, opts.seed_runs)
            servers = {"flowrun": server, **({"floor": floor} if floor else {})}
            sessions = pg_sessions(opts) if kind == "postgresql" else None
            cells = run_cells(opts, kind, servers, seed, workdir, sessions)
            rss = server_peak_rss(server)
        return DatabaseResult(kind, cells, sum(rss.values()), rss)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


# --- Output ----------------------------------------------------------------------------------

TABLE_COLUMNS = (
    ("database", 10, "{}"),
    ("concurrency", 11, "{}"),
    ("operation", 18, "{}"),
    ("requests/s", 10, "{:.1f}"),
    ("p50 ms", 8, "{:.2f}"),
    ("p99 ms", 8, "{:.2f}"),
    ("errors", 7, "{}"),
    ("new sessions", 12, "{}"),
    ("server CPU µs", 13, "{}"),
)


def format_table(results: Sequence[DatabaseResult]) -> str:
    header = "  ".join(f"{name:>{width}}" for name, width, _ in TABLE_COLUMNS)
    lines = [header, "-" * len(header)]
    for result in results:
        for cell in result.cells:
            values = (
                cell.database,
                cell.concurrency,
                cell.operation,
                cell.requests_per_s,
                cell.p50_ms,
                cell.p99_ms,
                cell.errors,
                "-" if cell.new_sessions is None else cell.new_sessions,
                "-" if cell.server_cpu_us is None else f"{cell.server_cpu_us:.0f}",
            )
            lines.append(
                "  ".join(
                    f"{fmt.format(value):>{width}}"
                    for (_, width, fmt), value in zip(TABLE_COLUMNS, values, strict=True)
                )
            )
    lines.append("")
    for result in results:
        detail = ", ".join(
            f"pid {pid} {kb / 1024:.1f} MiB" for pid, kb in result.peak_rss_by_pid_kb.items()
        )
        total = result.peak_rss_kb / 1024
        lines.append(f"peak RSS {result.database}: {total:.1f} MiB ({detail})")
    return "\n".join(lines)


def new_document(opts: Options, started: datetime) -> dict[str, Any]:
    return {
        "started_at": started.isoformat(),
        "options": {
            "parts": opts.parts,
            "databases": opts.databases,
            "concurrency": opts.concurrency,
            "million_concurrency": opts.million_concurrency,
            "duration_s": opts.duration,
            "rounds": opts.rounds,
            "ops": opts.ops,
            "workers": opts.workers,
            "seed_runs": opts.seed_runs,
            "wrk_threads": 1,
        },
        "host": {"cpus": os.cpu_count(), "platform": sys.platform,
                 "loadavg_at_start": os.getloadavg()},
        "results": [],
        "million": {},
        "startup": {},
        "agents": {},
        "failures": [],
    }


def write_results(document: dict[str, Any], started: datetime) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{started.strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(document, indent=2) + "\n")
    return path


# --- CLI -------------------------------------------------------------------------------------


def csv_list(allowed: Sequence[str]) -> Callable[[str], list[str]]:
    def parse(text: str) -> list[str]:
        items = [item.strip() for item in text.split(",") if item.strip()]
        unknown = [item for item in items if item not in allowed]
        if unknown or not items:
            raise argparse.ArgumentTypeError(
                f"expected a comma-separated subset of {', '.join(allowed)}; got {text!r}"
            )
        return items

    return parse


def csv_positive_ints(text: str) -> list[int]:
    try:
        values = [int(item) for item in text.split(",") if item.strip()]
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected comma-separated integers: {text!r}") from exc
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError(f"expected positive integers: {text!r}")
    return values


DEFAULT_WORKERS = "sqlite=1,postgresql=2"
# throughput: the wrk cells (and the floor app on PostgreSQL); million: the 1M-row reads;
# startup: warm start and idle memory; agents: bench/agents.py's latency and drain.
PARTS = ("throughput", "million", "startup", "agents")


def workers_spec(text: str) -> dict[str, int]:
    """'2' -> both databases 2; 'sqlite=1,postgresql=2' -> per database."""
    if text.strip().isdigit():
        return dict.fromkeys(DATABASES, max(1, int(text)))
    workers = dict.fromkeys(DATABASES, 1)
    for item in text.split(","):
        name, _, count = item.partition("=")
        if name.strip() not in DATABASES or not count.strip().isdigit() or int(count) < 1:
            raise argparse.ArgumentTypeError(f"expected N or sqlite=N,postgresql=N: {text!r}")
        workers[name.strip()] = int(count)
    return workers


def parse_args(argv: Sequence[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--databases", type=csv_list(DATABASES), default=list(DATABASES), help="sqlite,postgresql"
    )
    parser.add_argument(
        "--concurrency", type=csv_positive_ints, default=[1, 8, 32], help="wrk connections: 1,8,32"
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3,
                        help="throughput runs per cell, alternating concurrencies; the cell is "
                             "their median")
    parser.add_argument(
        "--ops",
        type=csv_list(list(OPERATIONS)),
        default=list(OPERATIONS),
        help=",".join(OPERATIONS),
    )
    parser.add_argument(
        "--workers", type=workers_spec, default=workers_spec(DEFAULT_WORKERS),
        help="API processes (FLOWRUN_WORKERS): N for both, or e.g. sqlite=1,postgresql=2 "
             f"(default {DEFAULT_WORKERS}: SQLite has one writer; PostgreSQL scales out with "
             "one process per core)",
    )
    parser.add_argument("--seed-runs", type=int, default=200, help="runs read/updated by ops")
    parser.add_argument(
        "--parts", type=csv_list(PARTS), default=list(PARTS),
        help="which parts to run: " + ", ".join(PARTS) + " (default all)",
    )
    parser.add_argument("--million-concurrency", type=csv_positive_ints, default=[1, 8],
                        help="wrk connections for the million-row reads: 1,8")
    parser.add_argument("--starts", type=int, default=3, help="warm starts to time")
    parser.add_argument("--agent-latency-runs", type=int, default=50,
                        help="runs for the agents' start latency (0 skips it)")
    parser.add_argument("--startup-timeout", type=float, default=30.0, help="seconds")
    parser.add_argument("--log-level", default="WARNING", help="FLOWRUN_LOG_LEVEL")
    parser.add_argument("--flowrun", type=Path, default=REPO_DIR / ".venv" / "bin" / "flowrun")
    parser.add_argument("--wrk", default=shutil.which("wrk") or "/usr/bin/wrk")
    parser.add_argument("--pg-admin-url", default=PG_ADMIN_URL)
    args = parser.parse_args(argv)
    if args.duration < 1 or args.seed_runs < 1 or args.rounds < 1:
        parser.error("--duration, --rounds and --seed-runs must be positive")
    return Options(**vars(args))


def run_parts(opts: Options, document: dict[str, Any]) -> None:
    """Fill `document` part by part; a part that fails is recorded and the others still run."""
    from bench import agents, million, startup

    def throughput(kind: str) -> None:
        document["results"].append(asdict(bench_database(kind, opts)))

    def million_part(kind: str) -> None:
        cells, seed = million.bench_million(kind, opts)
        document["million"][kind] = {"seed": seed, "cells": [asdict(c) for c in cells]}

    def startup_part(kind: str) -> None:
        document["startup"][kind] = asdict(startup.measure_startup(kind, opts))

    def agents_part(kind: str) -> None:
        progress(f"[{kind}] agents")
        figures = agents.measure(kind, latency_runs=opts.agent_latency_runs)
        progress(agents.describe(figures))
        document["agents"][kind] = asdict(figures)

    parts = {"throughput": throughput, "million": million_part, "startup": startup_part,
             "agents": agents_part}
    for kind in opts.databases:
        for name in opts.parts:
            try:
                parts[name](kind)
            except (BenchError, RuntimeError, OSError, psycopg.Error, httpx.HTTPError) as exc:
                document["failures"].append(f"{kind} {name}: {type(exc).__name__}: {exc}")
                progress(f"[{kind}] {name} failed: {exc}")


def main(argv: Sequence[str] | None = None) -> int:
    from bench.targets import format_targets, target_rows

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    opts = parse_args(argv)
    started = datetime.now(UTC)
    print(
        f"flowrun bench: parts={opts.parts} workers={opts.workers} duration={opts.duration}s "
        f"rounds={opts.rounds} concurrency={opts.concurrency} ops={opts.ops} "
        f"databases={opts.databases}"
    )
    document = new_document(opts, started)
    run_parts(opts, document)
    results = [DatabaseResult(r["database"], [CellResult(**c) for c in r["cells"]],
                              r["peak_rss_kb"], r["peak_rss_by_pid_kb"])
               for r in document["results"]]
    if results:
        print(format_table(results))
    rows = target_rows(document)
    document["targets"] = [asdict(row) for row in rows]
    print("\n" + format_targets(rows))
    print(f"\nresults written to {write_results(document, started).relative_to(REPO_DIR)}")
    for failure in document["failures"]:
        print(f"bench part failed: {failure}", file=sys.stderr)
    return 1 if document["failures"] else 0


if __name__ == "__main__":
    # Run as bench.run, so the part modules (bench.million, ...) share this module's objects.
    sys.path.insert(0, str(REPO_DIR))
    from bench.run import main as package_main

    sys.exit(package_main())
