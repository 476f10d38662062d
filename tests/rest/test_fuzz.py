"""A property-based fuzz of the REST door, driven by its own OpenAPI document (schemathesis):
for every operation, valid and invalid requests never get a 500, and every response has a
documented status, content type and body shape. Invalid requests are refused (4xx).

Requests on a deployment or a run aim at real ones half of the time, so the rules behind the
404 are exercised too. Bounded: FUZZ_EXAMPLES per operation and database."""

from __future__ import annotations

import uuid
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from server.database.engine import Database
from server.domain.access import Scope
from server.rest import api_version
from server.rest.openapi import build_document
from server.rest.routes import OPERATIONS
from server.services import api_keys
from tests.auth.conftest import snapshot
from tests.live import LiveServer

FUZZ_EXAMPLES = 100
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, negative_data_rejection]
# The document GET /api/openapi.json serves (test_openapi.py checks they are the same).
schema = schemathesis.openapi.from_dict(build_document(OPERATIONS, api_version()))


@dataclass(frozen=True)
class Targets:
    deployment_id: str
    flow_run_id: str


@pytest.fixture
def targets(live_server: LiveServer) -> Targets:
    """A deployment and a run of it, made over HTTP (the fuzz deletes deployments at will)."""
    with httpx.Client(base_url=live_server.url, timeout=30) as client:
        project = _graphql(client, "mutation($i: create_project_input!) { create_project("
                                   "input: $i) { id } }", {"name": f"fuzz-{uuid.uuid4().hex}"})
        flow = _graphql(client, "mutation($i: create_flow_input!) { create_flow(input: $i) "
                                "{ id } }", {"project_id": project["create_project"]["id"],
                                             "serialized_flow": {"name": "fuzzed"}})
        deployment = client.post("/api/deployments/", json={
            "name": f"fuzz-{uuid.uuid4().hex}", "flow_id": flow["create_flow"]["id"]})
        assert deployment.status_code == 201, deployment.text
        deployment_id = deployment.json()["id"]
        run = client.post(f"/api/deployments/{deployment_id}/create_flow_run", json={})
        assert run.status_code == 201, run.text
    return Targets(deployment_id, run.json()["id"])


def _graphql(
    client: httpx.Client, query: str, variables: dict[str, object]
) -> dict[str, dict[str, Any]]:
    body = client.post("/graphql", json={"query": query, "variables": {"i": variables}}).json()
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


def aim(case: schemathesis.Case[Any], targets: Targets) -> None:
    """Point a well-formed id at the real deployment or run, every other example."""
    current = case.path_parameters.get("id") if case.path_parameters else None
    if current is None or _not_uuid(current) or zlib.crc32(repr(case.body).encode()) % 2:
        return
    if case.operation.path.startswith("/deployments/") and case.method.upper() != "DELETE":
        case.path_parameters["id"] = targets.deployment_id
    elif case.operation.path.startswith("/flow_runs/"):
        case.path_parameters["id"] = targets.flow_run_id


def _not_uuid(value: object) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return True
    return False


@schema.parametrize()
@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_the_rest_door_answers_every_request_within_its_documented_schema(
    case: schemathesis.Case[Any], live_server: LiveServer, targets: Targets
) -> None:
    aim(case, targets)
    case.call_and_validate(base_url=f"{live_server.url}/api", checks=CHECKS)


KEYED_EXAMPLES = 10  # per operation and database, with keys on: once admitted, once refused


@pytest.fixture(scope="module")
async def admin_key(session_db: Database) -> str:
    async with session_db.transaction() as conn:
        created = await api_keys.create_key(conn, name=f"fuzz-{uuid.uuid4().hex[:8]}",
                                            scope=Scope.ADMIN)
    return created.key


@schema.parametrize()
@settings(max_examples=KEYED_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_with_keys_on_an_admin_key_gets_answers_within_the_documented_schema(
    case: schemathesis.Case[Any], auth_server: LiveServer, targets: Targets, admin_key: str
) -> None:
    aim(case, targets)
    case.call_and_validate(base_url=f"{auth_server.url}/api", checks=CHECKS,
                           headers={"Authorization": f"Bearer {admin_key}"})


@pytest.fixture
async def unchanged(session_db: Database, targets: Targets) -> AsyncIterator[None]:
    before = await snapshot(session_db)
    yield
    assert await snapshot(session_db) == before


@schema.parametrize()
@settings(max_examples=KEYED_EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_with_keys_on_a_request_without_one_is_refused_and_changes_nothing(
    case: schemathesis.Case[Any], auth_server: LiveServer, targets: Targets, unchanged: None
) -> None:
    aim(case, targets)
    response = case.call_and_validate(base_url=f"{auth_server.url}/api", checks=CHECKS)
    if response.status_code in (404, 405):  # no route takes the path or method: nothing ran
        assert str(response.json()["detail"]).startswith(("No route", "Not Found",
                                                          "Method Not Allowed")), response.text
    else:
        assert response.status_code in (401, 413), response.text
