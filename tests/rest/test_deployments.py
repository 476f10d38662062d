"""Deployments over REST (create, read, list, delete) and GraphQL (create_deployment,
deployment_by_pk, deployment(where)), on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid

import httpx
import pytest

from server.database.engine import Database
from tests.live import GraphQL
from tests.rest.conftest import (
    FlowRef,
    assert_error,
    assert_validation_error,
    create_deployment,
    flow_with_group,
)

SCHEMA = {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]}


async def test_a_deployment_is_created_and_read_back_with_every_field(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    body = {
        "name": "nightly", "flow_group_id": str(flow.group_id), "description": "every night",
        "version": "1.0", "parameters": {"n": 1}, "parameter_openapi_schema": SCHEMA,
        "tags": ["a", "b"], "labels": {"team": "data", "tier": 1},
        "work_queue_name": "q", "job_variables": {"image": "x"},
    }
    created = await api.post("/deployments/", json=body)
    assert created.status_code == 201, created.text
    deployment = created.json()
    read = await api.get(f"/deployments/{deployment['id']}")
    assert read.status_code == 200 and read.json() == deployment
    for key, value in body.items():
        assert deployment[key] == value, key
    assert deployment["flow_id"] == str(flow.id)
    assert deployment["enforce_parameter_schema"] is True and deployment["paused"] is False


async def test_a_deployment_of_a_flow_runs_that_flows_group(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    response = await api.post("/deployments/", json={"name": "d", "flow_id": str(flow.id)})
    assert response.status_code == 201, response.text
    assert response.json()["flow_group_id"] == str(flow.group_id)


async def test_a_deployment_needs_exactly_one_of_flow_group_id_and_flow_id(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    neither = await api.post("/deployments/", json={"name": "d"})
    assert_validation_error(neither, ["body", "flow_group_id"])
    both = await api.post("/deployments/", json={
        "name": "d", "flow_id": str(flow.id), "flow_group_id": str(flow.group_id)})
    assert_validation_error(both, ["body", "flow_group_id"])


async def test_an_unknown_flow_group_or_flow_is_404(api: httpx.AsyncClient) -> None:
    group = await api.post("/deployments/", json={"name": "d", "flow_group_id": str(uuid.uuid4())})
    assert_error(group, 404, "NOT_FOUND")
    flow = await api.post("/deployments/", json={"name": "d", "flow_id": str(uuid.uuid4())})
    assert_error(flow, 404, "NOT_FOUND")


async def test_a_second_deployment_with_the_same_name_in_a_group_is_a_conflict(
    api: httpx.AsyncClient, db: Database, flow: FlowRef
) -> None:
    await create_deployment(api, flow, name="same")
    again = await api.post("/deployments/", json={"name": "same",
                                                  "flow_group_id": str(flow.group_id)})
    assert_error(again, 409, "CONFLICT")
    other = await flow_with_group(db, name="other")
    await create_deployment(api, other, name="same")


@pytest.mark.parametrize("schema", [
    {"type": "no-such-type"},
    {"properties": {"a": {"type": "string", "pattern": "("}}},
    {"properties": {"a": {"$ref": "#/$defs/missing"}}},
    {"$ref": "http://example.com/schema.json"},
])
async def test_a_parameter_schema_that_cannot_be_applied_is_422(
    api: httpx.AsyncClient, flow: FlowRef, schema: dict[str, object]
) -> None:
    response = await api.post("/deployments/", json={
        "name": "d", "flow_group_id": str(flow.group_id), "parameter_openapi_schema": schema})
    assert_validation_error(response, ["body", "parameter_openapi_schema"])


async def test_a_schema_with_local_references_is_enforced_through_them(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    schema = {"$defs": {"count": {"type": "integer"}},
              "properties": {"n": {"$ref": "#/$defs/count"}}}
    deployment = await create_deployment(api, flow, parameter_openapi_schema=schema)
    response = await api.post(f"/deployments/{deployment}/create_flow_run",
                              json={"parameters": {"n": "one"}})
    assert_error(response, 409, "CONFLICT")


async def test_defaults_that_break_an_enforced_schema_are_a_conflict(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    bad = {"name": "d", "flow_group_id": str(flow.group_id), "parameters": {"n": "one"},
           "parameter_openapi_schema": SCHEMA}
    assert_error(await api.post("/deployments/", json=bad), 409, "CONFLICT")
    # A default may leave a required parameter to the runs.
    await create_deployment(api, flow, parameters={}, parameter_openapi_schema=SCHEMA)
    await create_deployment(api, flow, parameters={"n": "one"}, parameter_openapi_schema=SCHEMA,
                            enforce_parameter_schema=False)


async def test_label_keys_with_an_equals_sign_are_refused(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    response = await api.post("/deployments/", json={
        "name": "d", "flow_group_id": str(flow.group_id), "labels": {"a=b": "c"}})
    assert_validation_error(response, ["body", "labels"])


async def test_malformed_deployment_bodies_are_422(api: httpx.AsyncClient) -> None:
    response = await api.post("/deployments/", json={"name": "", "tags": [1], "owner": "me"})
    assert_validation_error(response, ["body", "name"], ["body", "tags", 0], ["body", "owner"])


async def test_reading_an_unknown_or_malformed_deployment_id_is_404_or_422(
    api: httpx.AsyncClient,
) -> None:
    assert_error(await api.get(f"/deployments/{uuid.uuid4()}"), 404, "NOT_FOUND")
    assert_validation_error(await api.get("/deployments/42"), ["path", "id"])


async def test_a_deleted_deployment_is_gone(api: httpx.AsyncClient, flow: FlowRef) -> None:
    deployment_id = await create_deployment(api, flow)
    deleted = await api.delete(f"/deployments/{deployment_id}")
    assert deleted.status_code == 204 and deleted.content == b""
    assert_error(await api.get(f"/deployments/{deployment_id}"), 404, "NOT_FOUND")
    assert_error(await api.delete(f"/deployments/{deployment_id}"), 404, "NOT_FOUND")


async def test_deployments_are_listed_by_name_with_paging(
    api: httpx.AsyncClient, flow: FlowRef
) -> None:
    for name in ("beta", "alpha", "alphabet"):
        await create_deployment(api, flow, name=name)
    everything = (await api.post("/deployments/filter", json={})).json()
    assert [d["name"] for d in everything] == ["alpha", "alphabet", "beta"]
    like = await api.post("/deployments/filter",
                          json={"deployments": {"name": {"like_": "alpha"}}, "limit": 1,
                                "offset": 1})
    assert [d["name"] for d in like.json()] == ["alphabet"]
    named = await api.post("/deployments/filter",
                           json={"deployments": {"name": {"any_": ["beta"]}}})
    assert [d["name"] for d in named.json()] == ["beta"]
    assert_validation_error(await api.post("/deployments/filter", json={"limit": 0}),
                            ["body", "limit"])


async def test_graphql_creates_deployments_that_rest_reads_and_the_other_way_round(
    api: httpx.AsyncClient, gql: GraphQL, flow: FlowRef
) -> None:
    data = await gql.data(
        """mutation($i: create_deployment_input!) {
             create_deployment(input: $i) { id deployment { name tags labels } } }""",
        {"i": {"name": "from-graphql", "flow_id": str(flow.id), "tags": ["g"],
               "labels": {"k": "v"}, "parameters": {"n": 2}}},
    )
    created = data["create_deployment"]
    assert created["deployment"] == {"name": "from-graphql", "tags": ["g"], "labels": {"k": "v"}}
    read = (await api.get(f"/deployments/{created['id']}")).json()
    assert read["parameters"] == {"n": 2} and read["flow_group_id"] == str(flow.group_id)

    rest_id = await create_deployment(api, flow, name="from-rest", work_queue_name="q")
    found = await gql.data(
        """query($id: uuid!) { deployment_by_pk(id: $id) { name work_queue_name flow_group_id }
             deployment(where: {name: {_eq: "from-rest"}}) { id } }""", {"id": rest_id})
    assert found["deployment_by_pk"] == {"name": "from-rest", "work_queue_name": "q",
                                         "flow_group_id": str(flow.group_id)}
    assert found["deployment"] == [{"id": rest_id}]


async def test_graphql_deployment_errors_carry_the_same_codes(
    gql: GraphQL, flow: FlowRef
) -> None:
    unknown = {"i": {"name": "x", "flow_group_id": str(uuid.uuid4())}}
    mutation = "mutation($i: create_deployment_input!) { create_deployment(input: $i) { id } }"
    assert await gql.error_code(mutation, unknown) == "NOT_FOUND"
    bad_labels = {"i": {"name": "x", "flow_id": str(flow.id), "labels": {"k": [1]}}}
    assert await gql.error_code(mutation, bad_labels) == "BAD_USER_INPUT"
    deleted = await gql.error_code(
        "mutation($i: deployment_id_input!) { delete_deployment(input: $i) { success } }",
        {"i": {"deployment_id": str(uuid.uuid4())}})
    assert deleted == "NOT_FOUND"
