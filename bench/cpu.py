"""Server CPU per request, in process: the hot operations driven straight through the ASGI
app (no sockets, no wrk), so what is counted is flowrun's own Python work per request and
nothing else on the machine. Throughput under wrk swings 2-3x on a shared 2-core machine;
CPU per request does not, so this is the figure to compare a change by.

    .venv/bin/python -m bench.cpu [--database postgresql|sqlite] [--requests 2000]
                                  [--rounds 3] [--ops create_flow_run,...] [--profile OP]

Each round runs every operation in turn (interleaved, so a slow spell of the machine hits
them all), and the median of the rounds is printed as µs of CPU per request. `--profile OP`
prints cProfile's top functions for one operation instead."""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import statistics
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import orjson
import psycopg

from server.app import create_app
from server.database.migrate import upgrade
from server.settings import Settings

Send = Callable[[dict[str, Any]], Awaitable[None]]
PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


class Driver:
    """Speaks just enough ASGI to the app: lifespan, and one HTTP request at a time."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._lifespan: asyncio.Task[None] | None = None
        self._to_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._from_app: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    async def start(self) -> None:
        async def receive() -> dict[str, Any]:
            return await self._to_app.get()

        async def send(message: dict[str, Any]) -> None:
            await self._from_app.put(message)

        self._lifespan = asyncio.create_task(self.app({"type": "lifespan", "asgi": {
            "version": "3.0"}, "state": {}}, receive, send))
        await self._to_app.put({"type": "lifespan.startup"})
        message = await self._from_app.get()
        assert message["type"] == "lifespan.startup.complete", message

    async def stop(self) -> None:
        await self._to_app.put({"type": "lifespan.shutdown"})
        await self._from_app.get()
        assert self._lifespan is not None
        await self._lifespan

    async def request(self, method: str, path: str, body: bytes = b"") -> tuple[int, bytes]:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1",
                 "method": method, "scheme": "http", "path": path, "raw_path": path.encode(),
                 "query_string": b"", "root_path": "", "client": ("127.0.0.1", 5000),
                 "server": ("127.0.0.1", 4200),
                 "headers": [(b"host", b"127.0.0.1"), (b"content-type", b"application/json"),
                             (b"content-length", str(len(body)).encode())]}
        sent = False
        status, chunks = 0, []

        async def receive() -> dict[str, Any]:
            nonlocal sent
            if sent:
                await asyncio.Event().wait()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        await self.app(scope, receive, send)
        return status, b"".join(chunks)


def graphql(query: str, variables: dict[str, Any]) -> bytes:
    return orjson.dumps({"query": query, "variables": variables})


CREATE = "mutation($input: create_flow_run_input!) { create_flow_run(input: $input) { id } }"
BY_PK = "query($id: uuid!) { flow_run_by_pk(id: $id) { id name state version parameters } }"
# the columns the REST read answers with (bench/lua/flow_run_by_pk_wide.lua)
BY_PK_WIDE = ("query($id: uuid!) { flow_run_by_pk(id: $id) { id created updated name flow_id "
              "state_id deployment_id parameters idempotency_key context labels state "
              "state_type state_message state_timestamp state_start_time run_count "
              "scheduled_start_time start_time end_time auto_scheduled created_by version tags "
              "empirical_policy job_variables work_queue_name infrastructure_document_id "
              "parent_task_run_id } }")
SET_STATE = ("mutation($input: set_flow_run_state_input!) "
             "{ set_flow_run_state(input: $input) { id } }")


class Operations:
    """The bench's wrk operations (bench/lua), as ASGI requests."""

    def __init__(self, driver: Driver) -> None:
        self.driver = driver
        self.flow_id = ""
        self.deployment_id = ""
        self.run_ids: list[str] = []

    async def data(self, query: str, variables: dict[str, Any]) -> Any:
        status, body = await self.driver.request("POST", "/graphql", graphql(query, variables))
        answer = orjson.loads(body)
        assert status == 200 and "errors" not in answer, answer
        return answer["data"]

    async def seed(self, runs: int = 200) -> None:
        project = await self.data('mutation($n: String!) { create_project(input: {name: $n}) '
                                  "{ id } }", {"n": f"cpu-{uuid.uuid4().hex[:8]}"})
        flow = await self.data("mutation($i: create_flow_input!) { create_flow(input: $i) "
                               "{ id } }", {"i": {"project_id": project["create_project"]["id"],
                                                  "serialized_flow": {
                                                      "name": "cpu", "parameters": [
                                                          {"name": "x", "default": 1}]}}})
        self.flow_id = flow["create_flow"]["id"]
        status, body = await self.driver.request("POST", "/api/deployments/", orjson.dumps(
            {"name": "cpu", "flow_id": self.flow_id}))
        assert status in (200, 201), body
        self.deployment_id = orjson.loads(body)["id"]
        for _ in range(runs):
            made = await self.data(CREATE, {"input": {"flow_id": self.flow_id}})
            self.run_ids.append(made["create_flow_run"]["id"])

    def table(self) -> dict[str, Callable[[int], Awaitable[tuple[int, bytes]]]]:
        request = self.driver.request
        creates = graphql(CREATE, {"input": {"flow_id": self.flow_id, "parameters": {"x": 2}}})
        rest_create = orjson.dumps({"parameters": {"x": 2}})
        return {
            "create_flow_run": lambda i: request("POST", "/graphql", creates),
            "flow_run_by_pk": lambda i: request("POST", "/graphql", graphql(
                BY_PK, {"id": self.run_ids[i % len(self.run_ids)]})),
            "flow_run_by_pk_wide": lambda i: request("POST", "/graphql", graphql(
                BY_PK_WIDE, {"id": self.run_ids[i % len(self.run_ids)]})),
            "set_flow_run_state": lambda i: request("POST", "/graphql", graphql(
                SET_STATE, {"input": {"flow_run_id": self.run_ids[i % len(self.run_ids)],
                                      "version": None, "state": {
                                          "type": "Running", "message": "bench"}}})),
            "rest_create_flow_run": lambda i: request(
                "POST", f"/api/deployments/{self.deployment_id}/create_flow_run", rest_create),
            "rest_read_flow_run": lambda i: request(
                "GET", f"/api/flow_runs/{self.run_ids[i % len(self.run_ids)]}"),
        }


async def cpu_per_request(call: Callable[[int], Awaitable[tuple[int, bytes]]],
                          requests: int) -> float:
    for i in range(50):  # warm the caches
        await call(i)
    started = time.process_time()
    for i in range(requests):
        status, body = await call(i)
        if status >= 300 or body.startswith(b'{"errors"') or b'"errors":[' in body:
            raise SystemExit(f"request failed: {status} {body[:300]!r}")
    return (time.process_time() - started) / requests * 1e6


def database_url(kind: str, directory: str) -> tuple[str, Callable[[], None]]:
    if kind == "sqlite":
        return f"sqlite:///{directory}/cpu.db", lambda: None
    name = f"flowrun_cpu_{os.getpid()}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(PG_ADMIN, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    return f"postgresql://postgres@127.0.0.1:5432/{name}", drop


async def main_async(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as directory:
        url, drop = database_url(args.database, directory)
        try:
            upgrade(url)
            driver = Driver(create_app(Settings(database_url=url, log_level="WARNING")))
            await driver.start()
            try:
                ops = Operations(driver)
                await ops.seed()
                table = ops.table()
                chosen = args.ops or list(table)
                if args.profile:
                    await run_profile(table[args.profile], args.requests)
                    return
                figures: dict[str, list[float]] = {op: [] for op in chosen}
                for _ in range(args.rounds):
                    for op in chosen:
                        figures[op].append(await cpu_per_request(table[op], args.requests))
                print(f"{'operation':<22} {'µs CPU/request (median)':>24}  rounds")
                for op, values in figures.items():
                    rounds = " ".join(f"{v:.0f}" for v in values)
                    print(f"{op:<22} {statistics.median(values):>24.0f}  {rounds}")
            finally:
                await driver.stop()
        finally:
            drop()


async def run_profile(call: Callable[[int], Awaitable[tuple[int, bytes]]],
                      requests: int) -> None:
    await cpu_per_request(call, 100)
    profile = cProfile.Profile(time.process_time)  # CPU, not waiting on the database
    profile.enable()
    await cpu_per_request(call, requests)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(35)
    stats.sort_stats("cumulative").print_stats(45)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=("postgresql", "sqlite"), default="postgresql")
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ops", type=lambda s: s.split(","), default=None)
    parser.add_argument("--profile", default=None)
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
