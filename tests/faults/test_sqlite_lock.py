"""Case 5: SQLite's write lock held by another process for longer than the busy timeout.

Every write through every door is answered SERVICE_UNAVAILABLE with HTTP 503 and a
Retry-After (never a 500, never a hang), reads go on (WAL), nothing half-written is left:
the refused keys name no run, their retries make one run each, and `PRAGMA integrity_check`
is ok afterwards."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
import sqlalchemy as sa

from .harness import (
    CREATE,
    KeyedCreates,
    Restartable,
    SqliteWriteLock,
    register,
    running,
    runs_by_key,
    summary,
)

pytestmark = pytest.mark.e2e
BUSY = {"FLOWRUN_DB_TIMEOUT_SECONDS": "1"}
CONCURRENT = 8


def _create(url: str, flow_id: str, key: str) -> httpx.Response:
    return httpx.post(url, json={"query": CREATE, "variables": {
        "input": {"flow_id": flow_id, "idempotency_key": key}}}, timeout=30)


def _assert_unavailable(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert response.headers["retry-after"] == "1"
    body = response.json()
    codes = [e["extensions"]["code"] for e in body.get("errors", [])] or [body.get("code")]
    assert set(codes) == {"SERVICE_UNAVAILABLE"}, body


async def test_a_write_lock_held_past_the_busy_timeout_gets_503_on_every_door_and_no_damage(
    sqlite_fault_db: str,
) -> None:
    with running(Restartable(sqlite_fault_db, BUSY)) as server:
        flow_id = register(server.graphql_url, "locked")
        deployment = httpx.post(f"{server.url}/api/deployments/",
                                json={"name": "d", "flow_id": flow_id}, timeout=30).json()
        run_id = _create(server.graphql_url, flow_id, "before").json()[
            "data"]["create_flow_run"]["id"]
        keys = [f"locked-{i}" for i in range(CONCURRENT)]
        with SqliteWriteLock(sqlite_fault_db):
            with ThreadPoolExecutor(CONCURRENT) as pool:
                creates = list(pool.map(
                    lambda key: _create(server.graphql_url, flow_id, key), keys))
            root = _create(f"{server.url}/", flow_id, "locked-root")
            state = httpx.post(server.graphql_url, timeout=30, json={"query": """
                mutation($id: UUID!) { set_flow_run_state(input: {flow_run_id: $id,
                  version: 1, state: {type: "Submitted"}}) { version } }""",
                "variables": {"id": run_id}})
            rest = httpx.post(f"{server.url}/api/deployments/{deployment['id']}/"
                              "create_flow_run", json={"idempotency_key": "locked-rest"},
                              timeout=30)
            read = httpx.post(server.graphql_url, timeout=30, json={
                "query": "{ flow_run_aggregate { aggregate { count } } }"})
            health = httpx.get(f"{server.url}/health", timeout=30)
            assert runs_by_key(sqlite_fault_db).keys() == {"before"}
        for response in [*creates, root, state, rest]:
            _assert_unavailable(response)
        assert read.status_code == 200 and "errors" not in read.json()  # readers go on (WAL)
        assert health.status_code == 200
        retry = KeyedCreates(server.graphql_url, flow_id)
        retry.unanswered.update([*keys, "locked-root"])
        retry.retry_unanswered()
    stored = runs_by_key(sqlite_fault_db)
    assert all(len(ids) == 1 for ids in stored.values())
    assert set(stored) == {"before", "locked-root", *keys}
    path = sa.make_url(sqlite_fault_db).database
    with sqlite3.connect(str(path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    summary("sqlite write lock", refused=len(creates) + 3, http_503=len(creates) + 3,
            http_500=0, runs_created=len(stored), duplicates=0, lost=0, integrity="ok")
