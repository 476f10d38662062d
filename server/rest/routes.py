"""The REST handlers: parse the request, call one service in one transaction, render.

Each handler is listed once in OPERATIONS, which serves both the router and the OpenAPI
document, so an operation cannot exist undocumented (only the document itself and Prefect's
CSRF probe, in rest/__init__.py, are served beside them)."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter
from starlette.requests import Request
from starlette.responses import Response

from ..database.engine import Database
from ..domain.access import ANONYMOUS, Actor
from ..services import deployments as service
from ..services import flow_runs
from ..settings import Settings
from . import parsing, render
from .api_schemas import (
    DeploymentCreate,
    DeploymentFilterRequest,
    DeploymentResponse,
    FlowRunFilterRequest,
    OrchestrationResult,
    SetFlowRunState,
)
from .errors import JSONResponse
from .openapi import Many, Operation
from .requests import deployment_spec, run_filter, run_request, state_change
from .schemas import DeploymentFlowRunCreate, FlowRunResponse

_DEPLOYMENTS = TypeAdapter(list[DeploymentResponse])


def _db(request: Request) -> Database:
    return request.app.state.db  # type: ignore[no-any-return]


def _settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def _actor(request: Request) -> Actor:
    """Who asks (set by the access check in rest/__init__.py), as audit columns record it."""
    principal = getattr(request.state, "principal", ANONYMOUS)
    return principal.created_by()


def _json(body: Any, status_code: int = 200) -> Response:
    return Response(render.json(body), status_code, media_type="application/json")


def _array(adapter: TypeAdapter[Any], items: list[Any]) -> Response:
    return Response(adapter.dump_json(items), media_type="application/json")


async def create_deployment(request: Request) -> Response:
    spec = deployment_spec(await parsing.body(request, DeploymentCreate))
    async with _db(request).transaction() as conn:
        row = await service.create_deployment(conn, spec)
    return JSONResponse(render.deployment(row), status_code=201)


async def read_deployment(request: Request) -> Response:
    deployment_id = parsing.path_uuid(request)
    async with _db(request).read() as conn:
        row = await service.get_deployment(conn, deployment_id=deployment_id)
    return JSONResponse(render.deployment(row))


async def delete_deployment(request: Request) -> Response:
    deployment_id = parsing.path_uuid(request)
    async with _db(request).transaction() as conn:
        await service.delete_deployment(conn, deployment_id=deployment_id)
    return Response(status_code=204)


async def filter_deployments(request: Request) -> Response:
    query = await parsing.body(request, DeploymentFilterRequest)
    names = query.deployments.name if query.deployments else None
    async with _db(request).read() as conn:
        rows = await service.list_deployments(
            conn, names=names.any_ if names else None, name_like=names.like_ if names else None,
            limit=query.limit, offset=query.offset,
        )
    return _array(_DEPLOYMENTS, [render.deployment(row) for row in rows])


async def create_flow_run_from_deployment(request: Request) -> Response:
    deployment_id = parsing.path_uuid(request)
    payload = await parsing.body(request, DeploymentFlowRunCreate)
    run = run_request(payload, _actor(request))
    async with _db(request).transaction(one_statement=run.writes_once) as conn:
        result = await service.create_flow_run_from_deployment(
            conn, deployment_id=deployment_id, request=run,
            idempotency_window=_settings(request).idempotency_window,
        )
    return _json(render.flow_run(result.run), 201 if result.created else 200)


async def read_flow_run(request: Request) -> Response:
    flow_run_id = parsing.path_uuid(request)
    async with _db(request).read() as conn:
        run = await flow_runs.read_flow_run(conn, flow_run_id=flow_run_id)
    return _json(render.flow_run(run))


async def set_flow_run_state(request: Request) -> Response:
    flow_run_id = parsing.path_uuid(request)
    payload = await parsing.body(request, SetFlowRunState)
    request.app.state.limits.state(payload.state.model_dump(mode="json"))
    change = state_change(flow_run_id, payload, _actor(request))
    async with _db(request).transaction(one_statement=True) as conn:
        run = await flow_runs.set_flow_run_state_and_read(conn, change)
    return _json(render.orchestration_result(run), 201)


async def filter_flow_runs(request: Request) -> Response:
    query = await parsing.body(request, FlowRunFilterRequest)
    async with _db(request).read() as conn:
        runs = await flow_runs.filter_flow_runs(conn, run_filter=run_filter(query))
    return _json([render.flow_run(run) for run in runs])


_ID = {"id": "The deployment id"}
_RUN_ID = {"id": "The flow run id"}
_CREATE_RUN_TEXT = (
    "Create a flow run from a deployment.\n\nAny parameters not provided will be inferred "
    "from the deployment's parameters.\nIf tags are not provided, the deployment's tags will "
    "be used.\n\nIf no state is provided, the flow run will be created in a SCHEDULED state."
)

OPERATIONS: list[Operation] = [
    Operation(
        "POST", "/deployments/", create_deployment, "create_deployment_deployments__post",
        "Create Deployment", "Deployments", {201: (DeploymentResponse, "Created")},
        body=DeploymentCreate, errors=(404, 409, 422, 503),
    ),
    Operation(
        "POST", "/deployments/filter", filter_deployments,
        "read_deployments_deployments_filter_post", "Read Deployments", "Deployments",
        {200: (Many(DeploymentResponse), "Successful Response")},
        body=DeploymentFilterRequest,
    ),
    Operation(
        "GET", "/deployments/{id}", read_deployment, "read_deployment_deployments__id__get",
        "Read Deployment", "Deployments", {200: (DeploymentResponse, "Successful Response")},
        path_params=_ID, errors=(404, 422, 503),
    ),
    Operation(
        "DELETE", "/deployments/{id}", delete_deployment,
        "delete_deployment_deployments__id__delete", "Delete Deployment", "Deployments",
        {204: (None, "Deleted")}, path_params=_ID, errors=(404, 422, 503),
    ),
    Operation(
        "POST", "/deployments/{id}/create_flow_run", create_flow_run_from_deployment,
        "create_flow_run_from_deployment_deployments__id__create_flow_run_post",
        "Create Flow Run From Deployment", "Deployments",
        {200: (FlowRunResponse, "The existing run named by the idempotency key"),
         201: (FlowRunResponse, "Created")},
        body=DeploymentFlowRunCreate, path_params=_ID, errors=(404, 409, 422, 503),
        description=_CREATE_RUN_TEXT,
    ),
    Operation(
        "POST", "/flow_runs/filter", filter_flow_runs, "read_flow_runs_flow_runs_filter_post",
        "Read Flow Runs", "Flow Runs", {200: (Many(FlowRunResponse), "Successful Response")},
        body=FlowRunFilterRequest,
    ),
    Operation(
        "GET", "/flow_runs/{id}", read_flow_run, "read_flow_run_flow_runs__id__get",
        "Read Flow Run", "Flow Runs", {200: (FlowRunResponse, "Successful Response")},
        path_params=_RUN_ID, errors=(404, 422, 503),
    ),
    Operation(
        "POST", "/flow_runs/{id}/set_state", set_flow_run_state,
        "set_flow_run_state_flow_runs__id__set_state_post", "Set Flow Run State", "Flow Runs",
        {201: (OrchestrationResult, "The state was set")},
        body=SetFlowRunState, path_params=_RUN_ID, errors=(404, 409, 422, 503),
    ),
]
