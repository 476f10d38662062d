"""A million flow runs: seed them once into cached databases, then read them over GraphQL.

    .venv/bin/python bench/run.py --parts million      (what `make bench` runs among others)

The seed is built by the database itself (PostgreSQL: one INSERT ... SELECT over
generate_series; SQLite: one INSERT ... SELECT over a recursive CTE), after `flowrun db
upgrade` and after the flows were created over GraphQL, so it takes a minute or two, and it is
kept: SQLite in ~/.cache/flowrun/bench/ (FLOWRUN_BENCH_CACHE_DIR), PostgreSQL in the database
`flowrun_bench_1m`. A rerun reuses both when their SEED_VERSION and row count match.

The shape (SEED_VERSION 2): 1,000,000 runs over 100 flows (10,000 each), one run a second
over ~11.6 days; states: 5% Running (50,000, the default list's state), 5% Failed, 5%
Scheduled (all due long ago, so flagged late already, as the late-runs loop of a live server
would have: version 1 left that to the served loop's first tick, whose UPDATE of 50,000 rows
spread over every page cleared PostgreSQL's visibility map and sent the per-flow count's
index-only scan to the heap, 10,000 fetches a count), the rest Success; labels:
`team-<n % 100>` (1% of the runs each) and `prod` or `dev`; parameters {"x": n % 10}. Only
flow_run rows are seeded (no state history): the four reads measured here do not touch
flow_run_state.

Reads (each a wrk cell at every concurrency asked for):
  million_by_pk       flow_run_by_pk(id) over 1,000 random seeded ids
  million_run_list    flow_run(where: {state: {_eq: "Running"}}, order_by: {created: desc},
                      limit: 20), the list the UI shows first
  million_labels      flow_run(where: {labels: {_contains: ["team-<k>"]}}, order_by:
                      {created: desc}, limit: 20) over 100 labels (10,000 runs each)
  million_flow_count  flow_run_aggregate(where: {flow_id: {_eq: ...}}) { aggregate { count } }
                      over the 100 flows
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg import sql

SEED_VERSION = 2
RUNS = 1_000_000
FLOWS = 100
DEFAULT_TENANT = "00000000-0000-4000-8000-000000000000"
PG_DATABASE = "flowrun_bench_1m"
CACHE_DIR = Path(os.environ.get("FLOWRUN_BENCH_CACHE_DIR",
                                Path.home() / ".cache" / "flowrun" / "bench"))

CREATE_PROJECT = "mutation($input: create_project_input!) { create_project(input: $input) { id } }"
CREATE_FLOW = "mutation($input: create_flow_input!) { create_flow(input: $input) { id } }"


@dataclass(frozen=True)
class MillionSeed:
    database_url: str
    flow_ids: list[str]
    run_ids: list[str]  # a random sample, for by_pk
    seed_seconds: float  # 0 when the cached seed was reused


# --- SQL that builds the rows --------------------------------------------------------------

# $n is the run's number, 1..RUNS; every expression below is written once per engine.
PG_SEED = """
INSERT INTO flow_run (id, tenant_id, flow_id, name, parameters, labels,
    scheduled_start_time, state, state_type, state_message, state_timestamp, version,
    auto_scheduled, run_count, created, updated, late)
SELECT gen_random_uuid(), %(tenant)s::uuid, (%(flows)s::uuid[])[1 + n %% %(flow_count)s],
    'run-' || n, jsonb_build_object('x', n %% 10),
    jsonb_build_array('team-' || (n %% 100), CASE WHEN n %% 2 = 0 THEN 'prod' ELSE 'dev' END),
    t, s, s, 'seeded', t, 1, false, 0, t, t, s = 'Scheduled'
FROM (SELECT n, %(start)s::timestamptz + n * interval '1 second' AS t,
             CASE n %% 20 WHEN 0 THEN 'Running' WHEN 1 THEN 'Failed'
                          WHEN 2 THEN 'Scheduled' ELSE 'Success' END AS s
      FROM generate_series(1, %(runs)s) AS n) AS g
"""

SQLITE_SEED = """
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < :runs),
flows(i, id) AS (SELECT key, value FROM json_each(:flows)),
rows AS (SELECT n, strftime('%Y-%m-%d %H:%M:%S', :start, '+' || n || ' seconds')
                   || '.000000' AS t,
                CASE n % 20 WHEN 0 THEN 'Running' WHEN 1 THEN 'Failed'
                            WHEN 2 THEN 'Scheduled' ELSE 'Success' END AS s FROM g)
INSERT INTO flow_run (id, tenant_id, flow_id, name, parameters, labels,
    scheduled_start_time, state, state_type, state_message, state_timestamp, version,
    auto_scheduled, run_count, created, updated, late)
SELECT printf('%016x', n) || lower(hex(randomblob(8))), :tenant,
    (SELECT id FROM flows WHERE i = n % :flow_count), 'run-' || n,
    json_object('x', n % 10),
    json_array('team-' || (n % 100), CASE WHEN n % 2 = 0 THEN 'prod' ELSE 'dev' END),
    t, s, s, 'seeded', t, 1, 0, 0, t, t, s = 'Scheduled'
FROM rows
"""

START = "2026-01-01 00:00:00"


def create_flows(base_url: str) -> list[str]:
    with httpx.Client(base_url=base_url, timeout=60) as client:
        project = _graphql(client, CREATE_PROJECT, {"name": "million"})["create_project"]["id"]
        return [
            _graphql(client, CREATE_FLOW, {"project_id": project, "serialized_flow": {
                "name": f"million-{i}", "parameters": []}})["create_flow"]["id"]
            for i in range(FLOWS)
        ]


def _graphql(client: httpx.Client, query: str, input_: dict[str, Any]) -> dict[str, Any]:
    body = client.post("/graphql", json={"query": query, "variables": {"input": input_}})
    payload = body.json()
    if body.status_code != 200 or payload.get("errors"):
        raise RuntimeError(f"seeding the million: {body.status_code} {body.text}")
    data: dict[str, Any] = payload["data"]
    return data


def seed_postgresql(url: str, flow_ids: list[str]) -> None:
    with _connect(url) as conn:
        conn.execute("SET maintenance_work_mem = '256MB'")
        conn.execute(PG_SEED, {"tenant": DEFAULT_TENANT, "flows": flow_ids,
                               "flow_count": len(flow_ids), "start": START + "+00",
                               "runs": RUNS})
        conn.commit()
        conn.autocommit = True
        conn.execute("VACUUM ANALYZE flow_run")


def seed_sqlite(path: Path, flow_ids: list[str]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(SQLITE_SEED, {"runs": RUNS, "flows": json.dumps(
            [f.replace("-", "") for f in flow_ids]), "start": START, "tenant":
            DEFAULT_TENANT.replace("-", ""), "flow_count": len(flow_ids)})
        conn.execute("COMMIT")
        conn.execute("ANALYZE")
    finally:
        conn.close()


# --- the cache -------------------------------------------------------------------------------


def sqlite_path() -> Path:
    return CACHE_DIR / f"million-v{SEED_VERSION}.db"


def manifest_path(kind: str) -> Path:
    return CACHE_DIR / f"million-v{SEED_VERSION}-{kind}.json"


def cached_flow_ids(kind: str, count_runs: Callable[[], int | None]) -> list[str] | None:
    """The flows of a complete cached seed, or None when it must be (re)built."""
    try:
        manifest = json.loads(manifest_path(kind).read_text())
    except (OSError, ValueError):
        return None
    if manifest.get("runs") != RUNS or count_runs() != RUNS:
        return None
    flow_ids: list[str] = manifest["flow_ids"]
    return flow_ids


def save_manifest(kind: str, flow_ids: list[str], seconds: float) -> None:
    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    manifest_path(kind).write_text(json.dumps(
        {"runs": RUNS, "flow_ids": flow_ids, "seed_seconds": round(seconds, 1)}))


def count_runs(kind: str, url: str) -> int | None:
    try:
        if kind == "sqlite":
            path = sqlite_path()
            if not path.exists():
                return None
            conn = sqlite3.connect(path)
            try:
                return int(conn.execute("SELECT count(*) FROM flow_run").fetchone()[0])
            finally:
                conn.close()
        with _connect(url) as pg:
            row = pg.execute("SELECT count(*) FROM flow_run").fetchone()
            return int(row[0]) if row else None
    except (sqlite3.Error, psycopg.Error):
        return None


def sample_run_ids(kind: str, url: str, count: int = 1000) -> list[str]:
    query = f"SELECT id FROM flow_run ORDER BY random() LIMIT {count}"
    if kind == "sqlite":
        conn = sqlite3.connect(sqlite_path())
        try:
            return [str(_dashed(r[0])) for r in conn.execute(query)]
        finally:
            conn.close()
    with _connect(url) as pg:
        return [str(r[0]) for r in pg.execute(query)]


def _dashed(hex32: str) -> str:
    h = hex32.replace("-", "")
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def recreate_pg(admin_url: str, name: str) -> None:
    with _connect(admin_url, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
            sql.Identifier(name)))
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _connect(url: str, *, autocommit: bool = False) -> psycopg.Connection[Any]:
    from bench import run

    return run.connect_pg(url, autocommit=autocommit)


def timed(action: Callable[[], None]) -> float:
    started = time.monotonic()
    action()
    return time.monotonic() - started


# --- the reads -------------------------------------------------------------------------------

BY_PK = "query($id: uuid!) { flow_run_by_pk(id: $id) { id name state version parameters } }"
RUN_LIST = ('query { flow_run(where: {state: {_eq: "Running"}}, order_by: {created: desc}, '
            'limit: 20) { id name state created } }')
LABELS = ("query($labels: jsonb) { flow_run(where: {labels: {_contains: $labels}}, "
          "order_by: {created: desc}, limit: 20) { id name labels } }")
FLOW_COUNT = ("query($flow: uuid!) { flow_run_aggregate(where: {flow_id: {_eq: $flow}}) "
              "{ aggregate { count } } }")


def reads(seed: MillionSeed) -> dict[str, tuple[str, list[str]]]:
    """Operation name -> (query, the JSON texts of the variables it rotates through)."""
    return {
        "million_by_pk": (BY_PK, [json.dumps({"id": i}) for i in seed.run_ids]),
        "million_run_list": (RUN_LIST, ["{}"]),
        "million_labels": (LABELS, [json.dumps({"labels": [f"team-{k}"]}) for k in range(100)]),
        "million_flow_count": (FLOW_COUNT, [json.dumps({"flow": f}) for f in seed.flow_ids]),
    }


def bench_million(kind: str, opts: Any) -> tuple[list[Any], dict[str, Any]]:
    """Seed (or reuse) the million runs on `kind`, serve them, and measure each read at each
    of opts.million_concurrency. Returns the cells and the seed's figures."""
    from bench import run

    url = (f"sqlite:///{sqlite_path()}" if kind == "sqlite"
           else run.with_database(opts.pg_admin_url, PG_DATABASE))
    flow_ids = cached_flow_ids(kind, lambda: count_runs(kind, url))
    workdir = Path(run.tempfile.mkdtemp(prefix=f"flowrun-million-{kind}-"))
    seed_seconds = 0.0
    try:
        if flow_ids is None:
            run.progress(f"[{kind}] seeding {RUNS:,} runs (cached for reruns in {CACHE_DIR})")
            prepare_empty(kind, opts, url)
        # The seeded Running runs (50,000) have no agent and no heartbeat: the zombie killer
        # would start failing them 120 s after the start, 500 a tick, in the middle of the
        # reads measured (a 0.9 s stall a tick on SQLite, where statements run inline). As
        # if their agents were alive, then:
        alive = {"FLOWRUN_HEARTBEAT_TIMEOUT_SECONDS": "86400"}
        with run.running_server(opts, url, workdir, alive) as server:
            if flow_ids is None:
                flow_ids = create_flows(server.base_url)
                seed_seconds = timed(lambda: seed_rows(kind, url, flow_ids or []))
                save_manifest(kind, flow_ids, seed_seconds)
                run.progress(f"[{kind}] seeded in {seed_seconds:.0f} s")
            seed = MillionSeed(url, flow_ids, sample_run_ids(kind, url), seed_seconds)
            cells = []
            for concurrency in opts.million_concurrency:
                for name, (query, variables) in reads(seed).items():
                    op = run.Operation(name, "rotate_graphql.lua", lambda _s: {})
                    script = run.write_script(op, {"query": query, "variables": variables},
                                              workdir)
                    cells.append(run.measure_cell(opts, kind, server, name, script,
                                                  concurrency))
    finally:
        run.shutil.rmtree(workdir, ignore_errors=True)
    return cells, {"runs": RUNS, "flows": FLOWS, "seed_seconds": round(seed_seconds, 1),
                   "reused_cache": seed_seconds == 0.0}


def prepare_empty(kind: str, opts: Any, url: str) -> None:
    if kind == "sqlite":
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{sqlite_path()}{suffix}").unlink(missing_ok=True)
    else:
        recreate_pg(opts.pg_admin_url, PG_DATABASE)


def seed_rows(kind: str, url: str, flow_ids: list[str]) -> None:
    if kind == "sqlite":
        seed_sqlite(sqlite_path(), flow_ids)
    else:
        seed_postgresql(url, flow_ids)
