"""The web UI: what it weighs, and how long the runs list takes to draw over 100,000 runs.

    .venv/bin/python bench/ui.py [--runs 100000] [--database sqlite|postgresql] [--repeat 3]

bundle  the gzip size (level 9) of every file the app's index.html loads (scripts, styles
        and their preloaded chunks), and the same for the GraphiQL page
list    a fresh database is seeded with N flow runs by one bulk INSERT per 5,000 rows (states
        spread over every type, start times over 30 days), a `flowrun server start` serves
        it, and Debian's Chromium opens /runs: the time from navigation start until the first
        page of 25 rows and the total count are drawn (median of --repeat loads, each a new
        tab with an empty cache), and the longest GraphQL request the page made."""

from __future__ import annotations

import argparse
import gzip
import re
import statistics
import sys
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.client import Client  # noqa: E402
from server.database import migrate  # noqa: E402
from server.database.models import FlowRun, Tenant  # noqa: E402
from server.ui.serve import DIST  # noqa: E402
from tests.databases import fresh_postgresql  # noqa: E402
from tests.live import start_server  # noqa: E402
from tests.ui.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ASSET = re.compile(r'(?:src|href)="/(assets/[^"]+\.(?:js|css))"')
IMPORT = re.compile(r'(?:from|import)\s*"\./([^"]+\.js)"')
STATES = [("Success", "COMPLETED"), ("Failed", "FAILED"), ("Scheduled", "SCHEDULED"),
          ("Running", "RUNNING"), ("Cancelled", "CANCELLED"), ("Pending", "PENDING")]


def page_weight(page: str) -> tuple[int, int]:
    """(bytes, gzip bytes) of everything the page loads before it can draw."""
    seen: set[str] = set()
    todo = ASSET.findall((DIST / page).read_text())
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name.endswith(".js"):
            todo += [f"assets/{n}" for n in IMPORT.findall((DIST / name).read_text())]
    raw = [(DIST / name).read_bytes() for name in seen]
    return sum(map(len, raw)), sum(len(gzip.compress(b, 9)) for b in raw)


@contextmanager
def database(kind: str) -> Iterator[str]:
    if kind == "postgresql":
        with fresh_postgresql("flowrun_bench_ui") as url:
            migrate.upgrade(url)
            yield url
        return
    with tempfile.TemporaryDirectory(prefix="flowrun-bench-ui-") as directory:
        url = f"sqlite:///{directory}/ui.db"
        migrate.upgrade(url)
        yield url


def seed(url: str, flow_id: str, count: int) -> float:
    """Insert `count` runs of one flow in bulk; returns the seconds it took."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    start = datetime.now(UTC)
    began = start.timestamp()
    with engine.begin() as conn:
        tenant = conn.execute(sa.select(Tenant.__table__.c.id)).scalar_one()  # type: ignore[attr-defined]
        table = FlowRun.__table__  # type: ignore[attr-defined]
        for offset in range(0, count, 5000):
            conn.execute(sa.insert(table), [
                _row(i, tenant, uuid.UUID(flow_id), start)
                for i in range(offset, min(count, offset + 5000))])
    engine.dispose()
    return datetime.now(UTC).timestamp() - began


def _row(i: int, tenant: uuid.UUID, flow_id: uuid.UUID, now: datetime) -> dict[str, object]:
    state, state_type = STATES[i % len(STATES)]
    when = now - timedelta(seconds=i * 26)  # 100,000 runs over about 30 days
    finished = state_type in ("COMPLETED", "FAILED", "CANCELLED")
    return {
        "id": uuid.uuid4(), "tenant_id": tenant, "flow_id": flow_id, "name": f"bench-{i}",
        "parameters": {"who": "bench"}, "context": {}, "labels": [], "version": 3,
        "scheduled_start_time": when, "start_time": when, "state": state,
        "state_type": state_type, "state_timestamp": when, "created": when, "updated": when,
        "end_time": when + timedelta(seconds=5) if finished else None,
    }


def time_list(base_url: str, repeat: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import TimeoutError, sync_playwright

    drawn, slowest_request = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto(f"{base_url}/runs")
            try:
                page.wait_for_function(
                    "() => document.querySelectorAll('table.runs tbody tr').length === 25"
                    " && /[0-9]+ runs/.test(document.body.innerText)", timeout=120_000)
            except TimeoutError as exc:
                shown = page.locator("main").inner_text()[:300]
                raise SystemExit(f"the runs list was not drawn in 120 s; the page shows: {shown}") \
                    from exc
            drawn.append(page.evaluate("() => performance.now()"))
            slowest_request.append(page.evaluate(
                "() => Math.max(...performance.getEntriesByType('resource')"
                ".filter(e => e.name.endsWith('/graphql')).map(e => e.duration))"))
            context.close()
        browser.close()
    return drawn, slowest_request


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--database", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for page in ("index.html", "graphiql.html"):
        raw, packed = page_weight(page)
        print(f"bundle  {page:14} {raw / 1024:8.1f} KiB, {packed / 1024:7.1f} KiB gzip")
    if not CHROMIUM.exists():
        print(f"list    skipped: {CHROMIUM} is not installed")
        return
    with database(args.database) as url, start_server(url) as server:
        with Client(server.graphql_url) as api:
            flow_id = api.register({"name": "bench"}, "bench")
        seconds = seed(url, flow_id, args.runs)
        print(f"seed    {args.runs} runs on {args.database} in {seconds:.1f} s")
        drawn, requests = time_list(server.url, args.repeat)
    print(f"list    /runs drawn over {args.runs} runs ({args.database}): "
          f"median {statistics.median(drawn):.0f} ms from navigation "
          f"(all: {', '.join(f'{d:.0f}' for d in drawn)}); slowest GraphQL request "
          f"median {statistics.median(requests):.0f} ms")


if __name__ == "__main__":
    main()
