"""Database size after N days of simulated runs, with and without retention.

    .venv/bin/python bench/retention.py [--days 90] [--runs-per-day 20] [--logs-per-run 20]
                                        [--log-days 30] [--run-days 30]

For each of "without retention" and "with retention" it migrates a fresh SQLite file, then
for each simulated day (the clock frozen at that day) creates the day's runs through the
services, moves each to Running and Success, writes its logs stamped that day, and, with
retention, prunes as the retention loop would at the end of the day. It prints the rows left
and the database size: the file size, and the pages in use (a deleted row's page is reused by
later writes but the file does not shrink without VACUUM). Results go to bench/results/."""

from __future__ import annotations

import argparse
import asyncio
import json
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pendulum

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from server.database import migrate
from server.database.engine import Database
from server.domain import clock
from server.domain.states import server_state
from server.services import flow_runs, flows, logs, projects, retention

START = pendulum.datetime(2030, 1, 1, tz="UTC")


@dataclass
class Outcome:
    retention: str
    days: int
    runs_left: int
    logs_left: int
    file_mb: float
    used_mb: float
    seconds: float


async def _day(db: Database, flow_id: object, day: pendulum.DateTime, runs: int,
               per_run: int) -> None:
    with clock.frozen(day):
        async with db.transaction() as conn:
            for _ in range(runs):
                run = await flow_runs.create_flow_run(
                    conn, flow_runs.CreateFlowRun(flow_id=flow_id),  # type: ignore[arg-type]
                    idempotency_window=timedelta(days=1))
                for state in ("Running", "Success"):
                    await flow_runs.set_flow_run_state(conn, flow_runs.SetFlowRunState(
                        run.id, server_state(state, None)))
                await logs.write_run_logs(conn, logs=[
                    {"flow_run_id": str(run.id), "message": f"line {i} " + "x" * 80,
                     "timestamp": day.isoformat()} for i in range(per_run)])


async def simulate(path: Path, args: argparse.Namespace, policy: retention.Policy | None
                   ) -> tuple[int, int]:
    db = Database(f"sqlite:///{path}")
    try:
        async with db.transaction() as conn:
            project_id = await projects.create_project(conn, name="bench")
            flow_id = await flows.create_flow(conn, serialized_flow={
                "name": "daily", "parameters": []}, project_id=project_id)
        for d in range(args.days):
            day = START.add(days=d)
            await _day(db, flow_id, day, args.runs_per_day, args.logs_per_run)
            if policy is not None:
                with clock.frozen(day.add(hours=23)):
                    await retention.prune(db, policy)
    finally:
        await db.dispose()
    with sqlite3.connect(path) as conn:
        runs = conn.execute("SELECT count(*) FROM flow_run").fetchone()[0]
        lines = conn.execute("SELECT count(*) FROM log").fetchone()[0]
    return int(runs), int(lines)


def _sizes(path: Path) -> tuple[float, float]:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        free = conn.execute("PRAGMA freelist_count").fetchone()[0]
    return path.stat().st_size / 2**20, (pages - free) * page / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--days", type=int, default=90)
    parser.add_argument("--runs-per-day", type=int, default=20)
    parser.add_argument("--logs-per-run", type=int, default=20)
    parser.add_argument("--log-days", type=float, default=30)
    parser.add_argument("--run-days", type=float, default=30)
    args = parser.parse_args()
    outcomes = []
    for label, policy in (("none", None),
                          (f"logs {args.log_days:g}d, runs {args.run_days:g}d",
                           retention.Policy(args.log_days, args.run_days))):
        with tempfile.TemporaryDirectory(prefix="flowrun-retention-") as directory:
            path = Path(directory) / "bench.db"
            migrate.upgrade(f"sqlite:///{path}")
            began = time.monotonic()
            runs, lines = asyncio.run(simulate(path, args, policy))
            file_mb, used_mb = _sizes(path)
            outcomes.append(Outcome(label, args.days, runs, lines, round(file_mb, 2),
                                    round(used_mb, 2), round(time.monotonic() - began, 1)))
    print(f"{'retention':<22} {'days':>5} {'runs':>7} {'logs':>8} {'file MB':>8} "
          f"{'used MB':>8} {'seconds':>8}")
    for o in outcomes:
        print(f"{o.retention:<22} {o.days:>5} {o.runs_left:>7} {o.logs_left:>8} "
              f"{o.file_mb:>8} {o.used_mb:>8} {o.seconds:>8}")
    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (results / f"retention-{stamp}.json").write_text(
        json.dumps([asdict(o) for o in outcomes], indent=2))


if __name__ == "__main__":
    main()
