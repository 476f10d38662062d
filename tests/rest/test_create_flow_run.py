"""POST /api/deployments/{id}/create_flow_run as seed 003 specifies, over HTTP to the app (in
process) on SQLite and PostgreSQL: defaults from the deployment, states, parameter schemas,
idempotency keys, and every error with its status and body."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run
from server.domain.states import DEFAULT_NAMES, StateType
from server.repository import flows as flow_repo
from server.services import flows as flow_service
from tests.live import GraphQL
from tests.rest.conftest import (
    FlowRef,
    assert_error,
    assert_validation_error,
    create_deployment,
    flow_with_group,
)

RUN_BY_PK = """query($id: uuid!) { flow_run_by_pk(id: $id) {
    id name flow_id parameters labels tags state state_type deployment_id work_queue_name
    job_variables idempotency_key version } }"""


async def create_run(
    api: httpx.AsyncClient, deployment_id: str, body: dict[str, Any] | None = None,
    status: int = 201,
) -> dict[str, Any]:
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", json=body or {})
    assert response.status_code == status, response.text
    return response.json()  # type: ignore[no-any-return]


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


async def test_an_empty_body_makes_a_scheduled_run_with_the_deployments_defaults(
    api: httpx.AsyncClient, deployment_id: str, flow: FlowRef
) -> None:
    run = await create_run(api, deployment_id)
    assert run["state_type"] == "SCHEDULED" and run["state_name"] == "Scheduled"
    assert run["name"]
    assert run["parameters"] == {"x": 1, "y": "deployed"}
    assert run["tags"] == ["nightly"]
    assert run["labels"] == {"team": "data"}
    assert run["work_queue_name"] == "default"
    assert run["job_variables"] == {"image": "python:3.11", "cpu": 1}
    assert run["deployment_id"] == deployment_id and run["deployment_version"] == "7"
    assert run["flow_id"] == str(flow.id) and run["flow_version"] == "1"
    assert run["run_count"] == 0 and run["start_time"] is None and run["end_time"] is None
    assert run["total_run_time"] == 0 and run["estimated_run_time"] == 0
    assert run["version"] == 1 and run["idempotency_key"] is None
    assert run["auto_scheduled"] is False and run["created_by"] is None
    assert run["empirical_policy"]["retries"] is None
    assert run["empirical_policy"]["max_retries"] == 0


async def test_the_response_state_is_the_stored_current_state(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id)
    state = run["state"]
    assert state["id"] == run["state_id"]
    assert state["type"] == "SCHEDULED" and state["name"] == "Scheduled"
    assert state["state_details"]["flow_run_id"] == run["id"]
    assert state["state_details"]["scheduled_time"] == run["expected_start_time"]
    assert run["next_scheduled_start_time"] == run["expected_start_time"]
    assert parse_time(state["timestamp"]) == parse_time(run["created"])
    assert run["estimated_start_time_delta"] >= 0


async def test_given_parameters_overlay_the_deployments_and_the_flows_defaults(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id, {"parameters": {"y": "mine", "z": [1, 2]}})
    assert run["parameters"] == {"x": 1, "y": "mine", "z": [1, 2]}


async def test_given_tags_are_added_to_the_deployments_tags(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id, {"tags": ["adhoc", "nightly"]})
    assert run["tags"] == ["nightly", "adhoc"]


async def test_labels_are_stored_as_prefect_1_labels_and_read_back_as_key_values(
    api: httpx.AsyncClient, gql: GraphQL, deployment_id: str
) -> None:
    labels = {"env": "prod", "gpu": True, "replicas": 2}
    run = await create_run(api, deployment_id, {"labels": labels})
    assert run["labels"] == {"team": "data", "env": "prod", "gpu": True, "replicas": "2"}
    stored = await gql.data(RUN_BY_PK, {"id": run["id"]})
    assert stored["flow_run_by_pk"]["labels"] == ["team=data", "env=prod", "gpu", "replicas=2"]


async def test_without_labels_a_run_keeps_its_flows_prefect_1_labels(
    api: httpx.AsyncClient, gql: GraphQL, flow: FlowRef
) -> None:
    bare = await create_deployment(api, flow)
    run = await create_run(api, bare, {"labels": None})
    assert run["labels"] == {"docker": True}
    stored = await gql.data(RUN_BY_PK, {"id": run["id"]})
    assert stored["flow_run_by_pk"]["labels"] == ["docker"]


@pytest.mark.parametrize("state_type", list(StateType))
async def test_a_given_state_of_any_type_is_honoured(
    api: httpx.AsyncClient, deployment_id: str, state_type: StateType
) -> None:
    run = await create_run(api, deployment_id, {"state": {"type": state_type.value,
                                                          "message": "from REST"}})
    assert run["state_type"] == state_type.value
    assert run["state_name"] == DEFAULT_NAMES[state_type]
    assert run["state"]["message"] == "from REST"
    assert run["run_count"] == (1 if state_type is StateType.RUNNING else 0)
    assert (run["start_time"] is not None) == (state_type is StateType.RUNNING)
    finished = state_type in {StateType.COMPLETED, StateType.FAILED, StateType.CANCELLED,
                              StateType.CRASHED}
    assert (run["end_time"] is not None) == finished
    assert (run["next_scheduled_start_time"] is not None) == (state_type is StateType.SCHEDULED)


async def test_a_state_name_of_the_given_type_is_kept(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id, {"state": {"type": "COMPLETED", "name": "Cached"}})
    assert (run["state_type"], run["state_name"]) == ("COMPLETED", "Cached")


async def test_a_state_name_of_another_type_is_refused(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run",
                              json={"state": {"type": "RUNNING", "name": "Success"}})
    assert_validation_error(response, ["body", "state", "name"])


async def test_a_scheduled_state_in_the_future_schedules_the_run_then(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    when = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0)
    run = await create_run(api, deployment_id, {"state": {
        "type": "SCHEDULED", "state_details": {"scheduled_time": when.isoformat()}}})
    assert parse_time(run["expected_start_time"]) == when
    assert parse_time(run["next_scheduled_start_time"]) == when
    assert parse_time(run["state"]["state_details"]["scheduled_time"]) == when
    assert run["estimated_start_time_delta"] == 0


async def test_a_given_name_is_the_runs_name(api: httpx.AsyncClient, deployment_id: str) -> None:
    run = await create_run(api, deployment_id, {"name": "my-flow-run"})
    assert run["name"] == "my-flow-run"


async def test_the_other_seed_fields_are_stored_and_returned(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    parent, infra = str(uuid.uuid4()), str(uuid.uuid4())
    body = {
        "context": {"trigger": "webhook"}, "parent_task_run_id": parent,
        "infrastructure_document_id": infra, "work_queue_name": "gpu",
        "empirical_policy": {"retries": 3, "retry_delay": 10, "retry_type": "reschedule"},
        "job_variables": {"cpu": 4, "memory": "2Gi"},
    }
    run = await create_run(api, deployment_id, body)
    assert run["context"] == {"trigger": "webhook"}
    assert run["parent_task_run_id"] == parent
    assert run["infrastructure_document_id"] == infra
    assert run["work_queue_name"] == "gpu"
    assert run["empirical_policy"]["retries"] == 3
    assert run["empirical_policy"]["retry_type"] == "reschedule"
    assert run["job_variables"] == {"image": "python:3.11", "cpu": 4, "memory": "2Gi"}
    again = (await api.get(f"/flow_runs/{run['id']}")).json()
    assert again == {**run, "estimated_start_time_delta": again["estimated_start_time_delta"]}


async def test_the_x_prefect_api_version_header_is_accepted(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", json={},
                              headers={"x-prefect-api-version": "0.8.4"})
    assert response.status_code == 201, response.text


# --- the deployment's parameter schema ---------------------------------------------------------

SCHEMA = {
    "type": "object",
    "properties": {"y": {"type": "string"}, "z": {"type": "integer"}},
    "required": ["z"],
}


async def test_an_enforced_schema_refuses_parameters_naming_every_violation(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    deployment = await create_deployment(api, flow, parameter_openapi_schema=SCHEMA)
    response = await api.post(f"/deployments/{deployment}/create_flow_run",
                              json={"parameters": {"y": 5, "z": "five"}})
    body = assert_error(response, 409, "CONFLICT")
    violations = body["details"]["violations"]
    assert len(violations) == 2
    assert any(v.startswith("y:") for v in violations)
    assert any(v.startswith("z:") for v in violations)


async def test_an_enforced_schema_accepts_matching_parameters(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    deployment = await create_deployment(api, flow, parameter_openapi_schema=SCHEMA)
    run = await create_run(api, deployment, {"parameters": {"z": 5}})
    assert run["parameters"] == {"x": 1, "z": 5}


async def test_the_runs_enforce_flag_overrides_the_deployments_both_ways(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    enforced = await create_deployment(api, flow, parameter_openapi_schema=SCHEMA)
    relaxed = await create_deployment(api, flow, parameter_openapi_schema=SCHEMA,
                                      enforce_parameter_schema=False)
    bad = {"parameters": {"z": "five"}}
    await create_run(api, enforced, {**bad, "enforce_parameter_schema": False})
    await create_run(api, relaxed, bad)
    response = await api.post(f"/deployments/{relaxed}/create_flow_run",
                              json={**bad, "enforce_parameter_schema": True})
    assert_error(response, 409, "CONFLICT")


# --- idempotency --------------------------------------------------------------------------------


async def test_a_repeated_idempotency_key_returns_the_existing_run_with_200(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    body = {"idempotency_key": "nightly-2030-01-01", "parameters": {"y": "a"}}
    first = await create_run(api, deployment_id, body, status=201)
    again = await create_run(api, deployment_id, body, status=200)
    assert again["id"] == first["id"] and again["idempotency_key"] == "nightly-2030-01-01"
    listed = (await api.post("/flow_runs/filter", json={})).json()
    assert [run["id"] for run in listed] == [first["id"]]


async def test_a_repeated_key_with_other_parameters_is_a_conflict(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    await create_run(api, deployment_id, {"idempotency_key": "k", "parameters": {"y": "a"}})
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run",
                              json={"idempotency_key": "k", "parameters": {"y": "b"}})
    body = assert_error(response, 409, "CONFLICT")
    assert body["details"]["fields"] == ["parameters"]


async def test_the_key_is_shared_with_the_graphql_door_through_one_service(
    api: httpx.AsyncClient, gql: GraphQL, deployment_id: str, flow: FlowRef
) -> None:
    run = await create_run(api, deployment_id, {"idempotency_key": "shared"})
    data = await gql.data(
        "mutation($i: create_flow_run_input!) { create_flow_run(input: $i) { id created } }",
        {"i": {"flow_group_id": str(flow.group_id), "idempotency_key": "shared",
               "parameters": {"y": "deployed"}, "labels": ["team=data"]}},
    )
    assert data["create_flow_run"] == {"id": run["id"], "created": False}


# --- the flow a run goes to ---------------------------------------------------------------------


async def register_next_version(db: Database, flow: FlowRef) -> uuid.UUID:
    """Register the flow's next version in its group (which archives the older ones)."""
    async with db.read() as conn:
        row = await flow_repo.get(conn, flow.id)
    assert row is not None
    async with db.transaction() as conn:
        return await flow_service.create_flow(
            conn, serialized_flow={"name": "hello"}, project_id=row.project_id,
            version_group_id=row.version_group_id,
        )


async def test_a_run_goes_to_the_groups_unarchived_flow_at_creation_time(
    api: httpx.AsyncClient, db: Database, deployment_id: str, flow: FlowRef
) -> None:
    newer = await register_next_version(db, flow)
    run = await create_run(api, deployment_id)
    assert run["flow_id"] == str(newer) and run["flow_version"] == "2"


async def test_a_group_with_two_unarchived_flows_is_a_conflict(
    api: httpx.AsyncClient, db: Database, deployment_id: str, flow: FlowRef
) -> None:
    await register_next_version(db, flow)
    async with db.transaction() as conn:
        await flow_service.set_archived(conn, flow_id=flow.id, archived=False)
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", json={})
    assert_error(response, 409, "CONFLICT")


async def test_a_group_whose_flows_are_all_archived_has_no_flow_to_run(
    api: httpx.AsyncClient, db: Database, deployment_id: str, flow: FlowRef
) -> None:
    async with db.transaction() as conn:
        await flow_service.set_archived(conn, flow_id=flow.id, archived=True)
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", json={})
    assert_error(response, 404, "NOT_FOUND")
    assert "no unarchived flow" in response.json()["detail"]


# --- read back through the other door ---------------------------------------------------------


async def test_a_run_made_through_rest_is_read_back_through_graphql(
    api: httpx.AsyncClient, gql: GraphQL, deployment_id: str, flow: FlowRef
) -> None:
    run = await create_run(api, deployment_id, {
        "name": "via-rest", "parameters": {"y": "z"}, "tags": ["t"], "idempotency_key": "ik",
        "state": {"type": "PENDING"},
    })
    stored = (await gql.data(RUN_BY_PK, {"id": run["id"]}))["flow_run_by_pk"]
    assert stored["name"] == "via-rest" and stored["flow_id"] == str(flow.id)
    assert stored["parameters"] == {"x": 1, "y": "z"}
    assert stored["state"] == "Pending" and stored["state_type"] == "PENDING"
    assert stored["deployment_id"] == deployment_id
    assert stored["tags"] == ["nightly", "t"] and stored["work_queue_name"] == "default"
    assert stored["idempotency_key"] == "ik" and stored["version"] == run["version"]


# --- errors -------------------------------------------------------------------------------------


async def test_an_unknown_deployment_is_404(api: httpx.AsyncClient) -> None:
    response = await api.post(f"/deployments/{uuid.uuid4()}/create_flow_run", json={})
    assert_error(response, 404, "NOT_FOUND")


async def test_a_deployment_id_that_is_no_uuid_is_422(api: httpx.AsyncClient) -> None:
    response = await api.post("/deployments/not-a-uuid/create_flow_run", json={})
    assert_validation_error(response, ["path", "id"])
    assert response.json()["detail"][0]["type"] == "uuid_parsing"
    assert response.json()["detail"][0]["input"] == "not-a-uuid"


@pytest.mark.parametrize("raw", [b"{not json", b"", b"[1, 2]", b"null", b'"text"'])
async def test_a_body_that_is_no_json_object_is_422(
    api: httpx.AsyncClient, deployment_id: str, raw: bytes
) -> None:
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", content=raw,
                              headers={"content-type": "application/json"})
    assert_validation_error(response, ["body"])


async def test_wrong_types_are_422_naming_every_field(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    body = {"parameters": [1], "tags": "t", "enforce_parameter_schema": "yes",
            "labels": {"k": [1]}, "parent_task_run_id": "x", "state": {"type": "DONE"}}
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", json=body)
    assert_validation_error(
        response, ["body", "parameters"], ["body", "tags"], ["body", "enforce_parameter_schema"],
        ["body", "parent_task_run_id"], ["body", "state", "type"],
    )
    assert any(item["loc"][:3] == ["body", "labels", "k"] for item in response.json()["detail"])


async def test_unknown_fields_are_422(api: httpx.AsyncClient, deployment_id: str) -> None:
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run",
                              json={"flow_id": str(uuid.uuid4()), "state": {"type": "PENDING",
                                                                             "colour": "red"}})
    assert_validation_error(response, ["body", "flow_id"], ["body", "state", "colour"])
    assert {item["type"] for item in response.json()["detail"]} == {"extra_forbidden"}


async def test_a_time_without_zone_is_422(api: httpx.AsyncClient, deployment_id: str) -> None:
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", json={
        "state": {"type": "SCHEDULED", "state_details": {"scheduled_time": "2030-01-01T00:00"}}})
    assert_validation_error(response, ["body", "state", "state_details", "scheduled_time"])


async def test_text_with_a_nul_character_is_422_on_every_database(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run",
                              json={"name": "a\x00b", "parameters": {"k\x00": 1}})
    assert_validation_error(response, ["body", "name"], ["body", "parameters", "k\x00"])


async def test_a_deleted_deployments_runs_stay_without_it(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id)
    assert (await api.delete(f"/deployments/{deployment_id}")).status_code == 204
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", json={})
    assert_error(response, 404, "NOT_FOUND")
    kept = (await api.get(f"/flow_runs/{run['id']}")).json()
    assert kept["id"] == run["id"] and kept["deployment_id"] is None


async def test_a_second_flow_groups_deployment_runs_its_own_flow(
    api: httpx.AsyncClient, db: Database
) -> None:
    other = await flow_with_group(db, name="other")
    deployment = await create_deployment(api, other)
    run = await create_run(api, deployment)
    assert run["flow_id"] == str(other.id) and run["parameters"] == {}


@pytest.mark.parametrize(("body", "loc", "kind"), [
    (b'{"parameters": {"x": "a\\u0000b"}}', ["body", "parameters", "x"], "string_nul"),
    (b'{"parameters": {"a\\u0000": 1}}', ["body", "parameters", "a\x00"], "string_nul"),
    (b'{"tags": ["ok", "\\u0000"]}', ["body", "tags", 1], "string_nul"),
    (b'{"parameters": {"n": 18446744073709551616}}', ["body", "parameters", "n"],
     "int_too_big"),
    (b'{"parameters": {"n": [-9223372036854775809]}}', ["body", "parameters", "n", 0],
     "int_too_big"),
])
async def test_a_value_no_database_stores_the_same_is_422_and_writes_nothing(
    api: httpx.AsyncClient, deployment_id: str, db: Database, body: bytes, loc: list[Any],
    kind: str,
) -> None:
    before = await _runs(db)
    response = await api.post(f"/deployments/{deployment_id}/create_flow_run", content=body,
                              headers={"content-type": "application/json"})
    assert_validation_error(response, loc)
    assert [item["type"] for item in response.json()["detail"]] == [kind]
    assert await _runs(db) == before


async def test_integers_of_64_bits_and_text_that_names_the_escape_are_stored(
    api: httpx.AsyncClient, deployment_id: str,
) -> None:
    """What only looks unstorable to the body's quick scan (a long integer that fits, an
    escaped backslash before `u0000`) is checked in full and kept."""
    parameters = {"big": 2**63 - 1, "small": -(2**63), "digits": 1234567890123456789,
                  "text": "\\u0000"}
    run = await create_run(api, deployment_id, {"parameters": parameters})
    assert {name: run["parameters"][name] for name in parameters} == parameters


async def _runs(db: Database) -> int:
    async with db.read() as conn:
        return int((await conn.execute(sa.select(sa.func.count()).select_from(flow_run)))
                   .scalar_one())
