"""Live-update fan-out against live servers on PostgreSQL.

    .venv/bin/python bench/live.py [--subscribers 1,100,1000] [--changes 20] [--workers 2]

Starts `flowrun server start` with FLOWRUN_WORKERS API processes over a fresh
`flowrun_bench_agents` database, opens N WebSocket connections (graphql-transport-ws), each
subscribed to `flow_run_by_pk(id) { version updated }` of one run, then sets the run's state
--changes times, 0.3 s apart, over HTTP. Latency is the time from the change's `updated`
timestamp (taken in the writing transaction, just before it commits; same clock) to the
moment a subscriber has the update, for every subscriber and change: p50 and p99. The
subscribers are one asyncio process of this machine, so at 1,000 their own parsing is part of
the figure."""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import httpx
import orjson
import websockets

sys.path.insert(0, str(Path(__file__).resolve().parent))
from agents import FLOWRUN, _healthy, _stop, free_port, fresh_database, percentile

BY_PK = "subscription($id: uuid!) { flow_run_by_pk(id: $id) { version updated } }"
SET_STATE = """mutation($id: UUID!, $state: JSON!) {
  set_flow_run_state(input: {flow_run_id: $id, version: null, state: $state}) { id }
}"""


@contextmanager
def running_server(database_url: str, workers: int) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, "FLOWRUN_DATABASE_URL": database_url, "FLOWRUN_PORT": str(port),
           "FLOWRUN_WORKERS": str(workers), "FLOWRUN_LOG_LEVEL": "WARNING",
           "FLOWRUN_LOOPS_ENABLED": "false"}
    subprocess.run([FLOWRUN, "db", "upgrade"], env=env, check=True, capture_output=True)
    server = subprocess.Popen([FLOWRUN, "server", "start"], env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while not _healthy(base):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the flowrun server did not start")
            time.sleep(0.1)
        yield base
    finally:
        _stop(server)


class Watcher:
    def __init__(self, ws: websockets.ClientConnection) -> None:
        self.ws = ws
        self.version = 0
        self.latencies: list[float] = []

    @classmethod
    async def open(cls, url: str, run_id: str) -> Watcher:
        ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"],  # type: ignore[list-item]
                                      open_timeout=120, max_size=None)
        await ws.send('{"type":"connection_init","payload":{}}')
        await ws.recv()
        await ws.send(orjson.dumps({"id": "1", "type": "subscribe", "payload": {
            "query": BY_PK, "variables": {"id": run_id}}}).decode())
        watcher = cls(ws)
        await watcher.next()
        return watcher

    async def next(self) -> None:
        message = orjson.loads(await self.ws.recv())
        while message["type"] == "ping":  # the server's keep-alive
            await self.ws.send('{"type":"pong"}')
            message = orjson.loads(await self.ws.recv())
        row = message["payload"]["data"]["flow_run_by_pk"]
        if self.version:
            updated = datetime.fromisoformat(row["updated"]).timestamp()
            self.latencies.append((time.time() - updated) * 1000)
        self.version = row["version"]


async def fan_out(base: str, run_id: str, subscribers: int, changes: int) -> list[float]:
    url = base.replace("http://", "ws://") + "/graphql"
    watchers: list[Watcher] = []
    for start in range(0, subscribers, 50):
        watchers += await asyncio.gather(*(Watcher.open(url, run_id)
                                           for _ in range(min(50, subscribers - start))))
    async with httpx.AsyncClient(timeout=60) as client:
        for i in range(changes):
            state = "Running" if i % 2 == 0 else "Scheduled"
            response = await client.post(f"{base}/graphql", json={
                "query": SET_STATE, "variables": {"id": run_id, "state": {"type": state}}})
            assert "errors" not in response.json(), response.text
            await asyncio.wait_for(asyncio.gather(*(w.next() for w in watchers)), 120)
            await asyncio.sleep(0.3)
    await asyncio.gather(*(w.ws.close() for w in watchers))
    return [latency for w in watchers for latency in w.latencies]


def create_run(base: str) -> str:
    def call(query: str, variables: dict[str, object]) -> dict[str, object]:
        body = httpx.post(f"{base}/graphql", json={"query": query, "variables": variables},
                          timeout=60).json()
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    project = call('mutation { create_project(input: {name: "bench-live"}) { id } }', {})
    flow = call("mutation($i: create_flow_input!) { create_flow(input: $i) { id } }", {"i": {
        "project_id": project["create_project"]["id"],  # type: ignore[index]
        "serialized_flow": {"name": "bench-live"}}})
    run = call("mutation($i: create_flow_run_input!) { create_flow_run(input: $i) { id } }",
               {"i": {"flow_id": flow["create_flow"]["id"]}})  # type: ignore[index]
    return str(run["create_flow_run"]["id"])  # type: ignore[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", default="1,100,1000")
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with fresh_database("postgresql") as url, running_server(url, args.workers) as base:
        run_id = create_run(base)
        for count in (int(c) for c in args.subscribers.split(",")):
            latencies = asyncio.run(fan_out(base, run_id, count, args.changes))
            print(f"postgresql, {args.workers} API processes: fan-out to {count} live "
                  f"subscribers, {args.changes} changes: p50 {percentile(latencies, 0.5):.0f} ms,"
                  f" p99 {percentile(latencies, 0.99):.0f} ms", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
