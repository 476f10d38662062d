"""Fixtures for live updates: an HTTP caller, and runs and logs made through the live server
(on SQLite the server only hears of writes that go through it)."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from server.database.engine import Database
from tests.factories import make_flow, make_run
from tests.live import GraphQL, LiveServer

SET_STATE = """mutation($id: UUID!, $version: Int, $state: JSON!) {
  set_flow_run_state(input: {flow_run_id: $id, version: $version, state: $state}) { id }
}"""
WRITE_LOGS = """mutation($logs: [write_run_log_input!]!) {
  write_run_logs(input: {logs: $logs}) { success }
}"""
LOG_STREAM = """subscription($run: uuid!, $after: String, $size: Int!) {
  log_stream(batch_size: $size, cursor: {initial_value: {position: $after}, ordering: ASC},
             where: {flow_run_id: {_eq: $run}}) { message position }
}"""


@pytest.fixture
async def gql(server: LiveServer) -> AsyncIterator[GraphQL]:
    async with http_caller(server) as caller:
        yield caller


@pytest.fixture
async def pg(postgresql_url: str) -> AsyncIterator[Database]:
    """A Database of this test process on PostgreSQL (a session no API process owns: its
    writes are told by the triggers)."""
    database = Database(postgresql_url)
    yield database
    await database.dispose()


@pytest.fixture
async def run_id(db: Database) -> str:
    return str(await make_run(db, await make_flow(db)))


@contextlib.asynccontextmanager
async def http_caller(server: LiveServer) -> AsyncIterator[GraphQL]:
    """A GraphQL-over-HTTP caller for a server a test started itself."""
    async with httpx.AsyncClient(timeout=60) as client:
        yield GraphQL(client, server.graphql_url)


async def set_state(gql: GraphQL, run: str, state: str, version: int | None = None) -> None:
    await gql.data(SET_STATE, {"id": run, "version": version, "state": {"type": state}})


async def write_logs(gql: GraphQL, run: str, messages: list[str]) -> None:
    logs: list[dict[str, Any]] = [{"flow_run_id": run, "message": m} for m in messages]
    await gql.data(WRITE_LOGS, {"logs": logs})


def new_name() -> str:
    return f"n-{uuid.uuid4().hex[:8]}"


async def live_stat(url: str, name: str) -> int:
    """One of the server's live-update counters (`GET /health`'s `live`)."""
    async with httpx.AsyncClient(timeout=60) as client:
        return int((await client.get(f"{url}/health")).json()["live"][name])
