"""Fixtures for the REST door tests: an HTTP client for /api of the app in this process (the
process boundary is tested by test_fuzz.py, test_cli.py, test_agent_runs_rest_runs.py and
test_prefect3_client.py against live servers), a GraphQL caller, and a flow (made through
the services) to make deployments of."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from server.database.engine import Database
from server.repository import flows as flow_repo
from tests.conftest import in_process
from tests.factories import make_flow
from tests.live import GraphQL


@pytest.fixture
async def api(app: Starlette, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    """A client for the REST API of the in-process app, with the database just emptied."""
    async with in_process(app, "/api") as client:
        yield client


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQL:
    return GraphQL(client, "/graphql")


@dataclass(frozen=True)
class FlowRef:
    id: uuid.UUID
    group_id: uuid.UUID


async def flow_with_group(db: Database, **document: Any) -> FlowRef:
    """A registered flow and its flow group."""
    flow_id = await make_flow(db, **document)
    async with db.read() as conn:
        row = await flow_repo.get(conn, flow_id)
    assert row is not None
    return FlowRef(flow_id, row.flow_group_id)


@pytest.fixture
async def flow(db: Database) -> FlowRef:
    """A flow with one optional declared parameter (`x`, default 1) and Prefect 1 labels."""
    return await flow_with_group(
        db, parameters=[{"name": "x", "required": False, "default": 1}],
        run_config={"type": "UniversalRun", "labels": ["docker"]},
    )


async def create_deployment(api: httpx.AsyncClient, flow: FlowRef, **fields: Any) -> str:
    body = {"name": f"deploy-{uuid.uuid4().hex[:6]}", "flow_group_id": str(flow.group_id),
            **fields}
    response = await api.post("/deployments/", json=body)
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


@pytest.fixture
async def deployment_id(api: httpx.AsyncClient, flow: FlowRef) -> str:
    """A deployment with default parameters, tags, labels, a work queue and job variables."""
    return await create_deployment(
        api, flow, parameters={"y": "deployed"}, tags=["nightly"], labels={"team": "data"},
        work_queue_name="default", job_variables={"image": "python:3.11", "cpu": 1},
        version="7",
    )


def assert_validation_error(response: httpx.Response, *locations: list[Any]) -> None:
    """A 422 in seed 003's HTTPValidationError shape, naming each location given."""
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["code"] == "BAD_USER_INPUT"
    assert isinstance(body["detail"], list) and body["detail"]
    for item in body["detail"]:
        assert {"loc", "msg", "type"} <= set(item), item
        assert isinstance(item["msg"], str) and isinstance(item["type"], str)
    found = [item["loc"] for item in body["detail"]]
    for location in locations:
        assert location in found, (location, found)


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """A domain error: its status, and a JSON body with its code and a message."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["code"] == code, body
    assert isinstance(body["detail"], str) and body["detail"]
    return body
