"""`create_app(Settings(...))` controls the services: the idempotency window given to the app
is the one both doors apply (no service reads the environment or a global)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pendulum
import pytest

from server.app import create_app
from server.database.engine import Database
from server.domain import clock
from server.settings import Settings
from tests.conftest import IN_PROCESS_URL
from tests.factories import make_flow
from tests.rest.conftest import flow_with_group

T0 = pendulum.datetime(2030, 6, 1, tz="UTC")
CREATE = "mutation($i: create_flow_run_input!) { create_flow_run(input: $i) { id created } }"


@pytest.fixture
async def minute_app(database_url: str, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process app whose idempotency window is one minute, on a frozen clock."""
    app = create_app(Settings(database_url=database_url, loops_enabled=False, db_pool_size=2,
                              idempotency_window_seconds=60))
    transport = httpx.ASGITransport(app=app)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=transport, base_url=IN_PROCESS_URL, timeout=30
    ) as client:
        yield client


async def _graphql_run(client: httpx.AsyncClient, flow_id: str) -> str:
    variables = {"i": {"flow_id": flow_id, "idempotency_key": "k"}}
    body = (await client.post("/graphql", json={"query": CREATE, "variables": variables})).json()
    assert "errors" not in body, body
    return str(body["data"]["create_flow_run"]["id"])


async def test_the_graphql_door_applies_the_apps_idempotency_window(
    minute_app: httpx.AsyncClient, db: Database
) -> None:
    flow_id = str(await make_flow(db))
    with clock.frozen(T0) as frozen:
        first = await _graphql_run(minute_app, flow_id)
        frozen.advance(seconds=59)
        assert await _graphql_run(minute_app, flow_id) == first
        frozen.advance(seconds=61)
        assert await _graphql_run(minute_app, flow_id) != first


async def test_the_rest_door_applies_the_apps_idempotency_window(
    minute_app: httpx.AsyncClient, db: Database
) -> None:
    flow = await flow_with_group(db)
    created = await minute_app.post("/api/deployments/", json={
        "name": "d", "flow_group_id": str(flow.group_id)})
    url = f"/api/deployments/{created.json()['id']}/create_flow_run"
    with clock.frozen(T0) as frozen:
        first = await minute_app.post(url, json={"idempotency_key": "k"})
        assert first.status_code == 201, first.text
        frozen.advance(seconds=59)
        again = await minute_app.post(url, json={"idempotency_key": "k"})
        assert (again.status_code, again.json()["id"]) == (200, first.json()["id"])
        frozen.advance(seconds=61)
        later = await minute_app.post(url, json={"idempotency_key": "k"})
        assert later.status_code == 201 and later.json()["id"] != first.json()["id"]
