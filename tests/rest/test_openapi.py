"""GET /api/openapi.json: a valid OpenAPI 3.1 document generated from the models, whose
seed-003 schemas have the seed's fields, types, required lists and closed objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from openapi_spec_validator import validate

SEED = Path(__file__).with_name("seed_003_openapi.yaml")
SEED_OPERATION = "/deployments/{id}/create_flow_run"
# Where flowrun's document differs from the seed, on purpose (README, REST section).
ADDED_FIELDS = {"FlowRunResponse": {"version"}, "HTTPValidationError": {"code"}}
NULL_ALLOWED = {("DeploymentFlowRunCreate", "name")}  # the Prefect 3 client sends null


def seed_document() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(SEED.read_text())
    return document


@pytest.fixture
async def document(api: httpx.AsyncClient) -> dict[str, Any]:
    response = await api.get("/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    return response.json()  # type: ignore[no-any-return]


async def test_the_document_is_valid_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"] == "3.1.0"
    validate(document)


async def test_every_operation_is_documented_with_its_error_responses(
    document: dict[str, Any],
) -> None:
    operations = {(path, method) for path, item in document["paths"].items() for method in item}
    assert operations == {
        ("/deployments/", "post"), ("/deployments/filter", "post"),
        ("/deployments/{id}", "get"), ("/deployments/{id}", "delete"),
        ("/deployments/{id}/create_flow_run", "post"), ("/flow_runs/filter", "post"),
        ("/flow_runs/{id}", "get"), ("/flow_runs/{id}/set_state", "post"),
    }
    create = document["paths"][SEED_OPERATION]["post"]
    assert set(create["responses"]) == {"200", "201", "401", "403", "404", "409", "413", "422",
                                     "503"}
    assert create["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/HTTPValidationError"}


async def test_the_seed_operation_keeps_its_id_parameters_and_body(
    document: dict[str, Any],
) -> None:
    seed = seed_document()["paths"][SEED_OPERATION]["post"]
    ours = document["paths"][SEED_OPERATION]["post"]
    assert ours["operationId"] == seed["operationId"]
    assert ours["requestBody"] == seed["requestBody"]
    assert {(p["name"], p["in"], p["required"]) for p in ours["parameters"]} == {
        (p["name"], p["in"], p["required"]) for p in seed["parameters"]}
    assert ours["responses"]["200"]["content"] == seed["responses"]["200"]["content"]


@pytest.mark.parametrize("name", [
    "DeploymentFlowRunCreate", "FlowRunResponse", "HTTPValidationError", "StateCreate",
    "FlowRunPolicy", "StateType", "CreatedBy", "State", "ValidationError", "StateDetails",
])
async def test_each_seed_schema_is_mirrored_field_for_field(
    document: dict[str, Any], name: str
) -> None:
    seed = seed_document()["components"]["schemas"][name]
    ours = document["components"]["schemas"][name]
    assert ours.get("additionalProperties") == seed.get("additionalProperties")
    assert set(ours.get("required", [])) == set(seed.get("required", []))
    assert ours.get("enum") == seed.get("enum")
    seed_fields, our_fields = seed.get("properties", {}), ours.get("properties", {})
    assert set(our_fields) == set(seed_fields) | ADDED_FIELDS.get(name, set())
    for field, schema in seed_fields.items():
        expected = shape(schema)
        if (name, field) in NULL_ALLOWED:
            expected = tuple(sorted({*expected, ("null", None)}, key=repr))
        assert shape(our_fields[field]) == expected, field


def shape(schema: dict[str, Any]) -> tuple[Any, ...]:
    """A schema's alternatives: each a $ref name, or a type with its format and contents."""
    alternatives = schema.get("anyOf", [schema])
    return tuple(sorted({_one(alternative) for alternative in alternatives}, key=repr))


def _one(schema: dict[str, Any]) -> tuple[Any, ...]:
    if "$ref" in schema:
        return ("ref", schema["$ref"].rsplit("/", 1)[-1])
    if "anyOf" in schema:
        return ("anyOf", shape(schema))
    kind = schema.get("type", "any")
    if kind == "array":
        return (kind, shape(schema.get("items", {})), schema.get("uniqueItems", False))
    if kind == "object":
        extra = schema.get("additionalProperties", True)
        return (kind, shape(extra) if isinstance(extra, dict) else extra)
    if "enum" in schema:
        return (kind, tuple(schema["enum"]))
    return (kind, schema.get("format"))
