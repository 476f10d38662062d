"""Deployments (named, reusable ways to run a flow group) and the runs made from them.

A run from a deployment is made by services.flow_runs.create_flow_run, like every run: one
service resolves the flow group's unique unarchived flow (at creation time), merges
parameters, stores the first state and implements idempotency keys for every door. This
module adds the deployment's rules on top (seed 003):

- parameters not given are the deployment's; tags and labels are the deployment's plus the
  run's; job variables are the deployment's overlaid by the run's;
- `enforce_parameter_schema` (the run's, else the deployment's) checks the merged parameters
  against the deployment's schema; a violation is a Conflict (409, as Prefect answers);
- no state means SCHEDULED now; a SCHEDULED state whose scheduled_time is in the future
  schedules the run then (a time not in the future means now, so a client that stamps
  "now" on every retry repeats the same request for its idempotency key);
- the REST labels dictionary is stored as Prefect 1 labels (domain/labels.py)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pendulum

from ..domain import clock, labels, parameters
from ..domain.access import Actor
from ..domain.errors import Conflict, InvalidInput, NotFound
from ..domain.jsonvalues import json_object, string_list
from ..domain.records import DeploymentRecord, FlowRunView
from ..domain.states import NewState, StateType, typed_state
from ..domain.times import parse_time
from ..repository import deployments as repo
from ..repository import flows as flow_repo
from ..repository.common import Conn
from . import flow_runs


@dataclass(frozen=True)
class DeploymentSpec:
    """A new deployment: of a flow group, or of the group of `flow_id`."""

    name: str
    flow_group_id: uuid.UUID | None = None
    flow_id: uuid.UUID | None = None
    description: str | None = None
    version: str | None = None
    parameters: Any = None
    parameter_openapi_schema: Any = None
    enforce_parameter_schema: bool = True
    tags: Any = None
    labels: Any = None
    work_queue_name: str | None = None
    job_variables: Any = None


@dataclass(frozen=True)
class RunState:
    """A state as a typed door gives it: a StateType and optionally a name of that type."""

    type: StateType
    name: str | None = None
    message: str | None = None
    scheduled_time: datetime | None = None


@dataclass(frozen=True)
class DeploymentRunRequest:
    """What a caller may ask of a run made from a deployment (seed 003's fields)."""

    state: RunState | None = None
    name: str | None = None
    parameters: dict[str, Any] | None = None
    enforce_parameter_schema: bool | None = None
    context: dict[str, Any] | None = None
    infrastructure_document_id: uuid.UUID | None = None
    empirical_policy: dict[str, Any] | None = None
    tags: list[str] | None = None
    idempotency_key: str | None = None
    labels: dict[str, Any] | None = None
    parent_task_run_id: uuid.UUID | None = None
    work_queue_name: str | None = None
    job_variables: dict[str, Any] | None = None
    actor: Actor = None  # who asks (audit): recorded on the run and its first state

    @property
    def writes_once(self) -> bool:
        """As CreateFlowRun.writes_once: one write statement on PostgreSQL without a key."""
        return not self.idempotency_key


@dataclass(frozen=True, slots=True)
class CreatedRunView:
    run: FlowRunView
    created: bool  # False when an idempotency key named an existing run


async def create_deployment(conn: Conn, spec: DeploymentSpec) -> DeploymentRecord:
    name = (spec.name or "").strip()
    if not name:
        raise InvalidInput("A deployment needs a name", field="name")
    flow_group_id = await _flow_group_of(conn, spec)
    defaults = json_object(spec.parameters, "parameters") or {}
    schema = json_object(spec.parameter_openapi_schema, "parameter_openapi_schema")
    if schema is not None:
        _check_schema(schema)
        if spec.enforce_parameter_schema:
            # Defaults need not name every required parameter: a run may give the rest.
            _check_parameters({**schema, "required": []}, defaults)
    deployment_id = await repo.insert(conn, now=clock.now(), new=repo.NewDeployment(
        flow_group_id=flow_group_id,
        name=name,
        description=spec.description,
        version=spec.version,
        parameters=defaults,
        parameter_openapi_schema=schema,
        enforce_parameter_schema=spec.enforce_parameter_schema,
        tags=string_list(spec.tags, "tags") or [],
        labels=labels.parse(spec.labels),
        work_queue_name=spec.work_queue_name,
        job_variables=json_object(spec.job_variables, "job_variables") or {},
    ))
    return await get_deployment(conn, deployment_id=deployment_id)


def _check_schema(schema: dict[str, Any]) -> None:
    try:
        parameters.check_schema(schema)
    except InvalidInput as exc:
        message = exc.message.replace("parameter_schema", "parameter_openapi_schema", 1)
        raise InvalidInput(message, field="parameter_openapi_schema") from None
    parameters.check_local_refs(schema)


async def _flow_group_of(conn: Conn, spec: DeploymentSpec) -> uuid.UUID:
    if (spec.flow_group_id is None) == (spec.flow_id is None):
        raise InvalidInput("Give exactly one of flow_group_id or flow_id", field="flow_group_id")
    if spec.flow_id is not None:
        flow = await flow_repo.get(conn, spec.flow_id)
        if flow is None:
            raise NotFound(f"No flow with id {spec.flow_id}", field="flow_id")
        return flow.flow_group_id  # type: ignore[no-any-return]
    assert spec.flow_group_id is not None
    if await flow_repo.get_group(conn, spec.flow_group_id) is None:
        raise NotFound(f"No flow group with id {spec.flow_group_id}", field="flow_group_id")
    return spec.flow_group_id


async def get_deployment(conn: Conn, *, deployment_id: uuid.UUID) -> DeploymentRecord:
    row = await repo.get(conn, deployment_id)
    if row is None:
        raise _no_deployment(deployment_id)
    return row


def _no_deployment(deployment_id: uuid.UUID) -> NotFound:
    return NotFound(f"No deployment with id {deployment_id}", field="deployment_id")


async def list_deployments(
    conn: Conn,
    *,
    names: Sequence[str] | None = None,
    name_like: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[DeploymentRecord]:
    return await repo.select(conn, names=names, name_like=name_like, limit=limit, offset=offset)


async def delete_deployment(conn: Conn, *, deployment_id: uuid.UUID) -> None:
    """Delete a deployment; its runs stay, no longer linked to it."""
    if not await repo.delete(conn, deployment_id):
        raise NotFound(f"No deployment with id {deployment_id}", field="deployment_id")


async def create_flow_run_from_deployment(
    conn: Conn, *, deployment_id: uuid.UUID, request: DeploymentRunRequest,
    idempotency_window: timedelta,
) -> CreatedRunView:
    found = await repo.get_with_targets(conn, deployment_id)  # one read: it and its flows
    if found is None:
        raise _no_deployment(deployment_id)
    deployment, group_flows = found
    merged = {**(deployment.parameters or {}), **(request.parameters or {})}
    enforce = request.enforce_parameter_schema
    if deployment.parameter_openapi_schema and (
        deployment.enforce_parameter_schema if enforce is None else enforce
    ):
        _check_parameters(deployment.parameter_openapi_schema, merged)
    created = await flow_runs.create_flow_run(
        conn, _run_command(deployment, request, merged), idempotency_window=idempotency_window,
        group_flows=group_flows,
    )
    if created.run is None or created.flow_version is None:  # an earlier run, by its key
        return CreatedRunView(await flow_runs.read_flow_run(conn, flow_run_id=created.id),
                              created.created)
    view = FlowRunView.of(created.run, created.flow_version, deployment.version)
    return CreatedRunView(view, created.created)


def _check_parameters(schema: dict[str, Any], values: dict[str, Any]) -> None:
    from referencing.exceptions import Unresolvable  # with jsonschema, not at start-up

    try:
        problems = parameters.schema_violations(schema, values)
    except Unresolvable as exc:  # a $ref that check_local_refs could not see through
        raise InvalidInput(
            f"The deployment's parameter schema cannot be applied: {exc}",
            field="parameter_openapi_schema",
        ) from None
    if problems:
        raise Conflict(
            "Parameters do not match the deployment's parameter schema: " + "; ".join(problems),
            violations=problems,
        )


def _first_state(state: RunState | None) -> tuple[NewState | None, datetime | None]:
    """The run's first state and its scheduled start (None: now)."""
    if state is None:
        return None, None
    scheduled = _future(state.scheduled_time) if state.type is StateType.SCHEDULED else None
    return typed_state(state.type, state.name, state.message, scheduled), scheduled


def _future(moment: datetime | None) -> pendulum.DateTime | None:
    if moment is None:
        return None
    when = parse_time(moment, "state.state_details.scheduled_time")
    return when if when > clock.now() else None


def _run_command(
    deployment: DeploymentRecord, request: DeploymentRunRequest, parameters: dict[str, Any]
) -> flow_runs.CreateFlowRun:
    state, scheduled_start_time = _first_state(request.state)
    run_labels = {**(deployment.labels or {}), **labels.parse(request.labels)}
    tags = [*(deployment.tags or []), *(request.tags or [])]
    return flow_runs.CreateFlowRun(
        flow_group_id=deployment.flow_group_id,
        parameters=parameters,
        context=request.context,
        scheduled_start_time=scheduled_start_time,
        flow_run_name=request.name,
        labels=labels.to_list(run_labels) if run_labels else None,
        idempotency_key=request.idempotency_key,
        state=state,
        deployment=flow_runs.DeploymentRunFields(
            deployment_id=deployment.id,
            tags=string_list(tags, "tags") or [],
            work_queue_name=request.work_queue_name or deployment.work_queue_name,
            job_variables={**(deployment.job_variables or {}), **(request.job_variables or {})},
            empirical_policy=request.empirical_policy,
            infrastructure_document_id=request.infrastructure_document_id,
            parent_task_run_id=request.parent_task_run_id,
        ),
        actor=request.actor,
    )
