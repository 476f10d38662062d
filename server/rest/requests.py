"""Validated REST bodies as the services' commands (the services never see pydantic)."""

from __future__ import annotations

import uuid

from ..domain.access import Actor
from ..domain.states import StateType, typed_state
from ..domain.times import parse_time
from ..services.deployments import DeploymentRunRequest, DeploymentSpec, RunState
from ..services.flow_runs import RunFilter, SetFlowRunState
from .api_schemas import DeploymentCreate, FlowRunFilterRequest
from .api_schemas import SetFlowRunState as SetStateBody
from .schemas import DeploymentFlowRunCreate, StateCreate


def deployment_spec(body: DeploymentCreate) -> DeploymentSpec:
    return DeploymentSpec(**body.model_dump())


def run_state(state: StateCreate) -> RunState:
    return RunState(
        type=state.type, name=state.name, message=state.message,
        scheduled_time=state.state_details.scheduled_time,
    )


def state_change(flow_run_id: uuid.UUID, body: SetStateBody, actor: Actor = None
                 ) -> SetFlowRunState:
    """POST /flow_runs/{id}/set_state as a typed state change (a SCHEDULED state's
    scheduled_time is when it is due)."""
    state = body.state
    scheduled = state.state_details.scheduled_time
    start = (
        parse_time(scheduled, "state.state_details.scheduled_time")
        if state.type is StateType.SCHEDULED and scheduled is not None
        else None
    )
    new_state = typed_state(state.type, state.name, state.message, start)
    return SetFlowRunState(flow_run_id, new_state, body.version, actor)


def run_request(body: DeploymentFlowRunCreate, actor: Actor = None) -> DeploymentRunRequest:
    return DeploymentRunRequest(
        state=run_state(body.state) if body.state is not None else None,
        name=body.name,
        parameters=body.parameters,
        enforce_parameter_schema=body.enforce_parameter_schema,
        context=body.context,
        infrastructure_document_id=body.infrastructure_document_id,
        empirical_policy=body.empirical_policy.model_dump(mode="json"),
        tags=body.tags,
        idempotency_key=body.idempotency_key,
        labels=body.labels,
        parent_task_run_id=body.parent_task_run_id,
        work_queue_name=body.work_queue_name,
        job_variables=body.job_variables,
        actor=actor,
    )


def run_filter(body: FlowRunFilterRequest) -> RunFilter:
    runs = body.flow_runs
    if runs is None:
        return RunFilter(sort=body.sort.value, limit=body.limit, offset=body.offset)
    state = runs.state
    return RunFilter(
        ids=runs.id.any_ if runs.id else None,
        names=runs.name.any_ if runs.name else None,
        deployment_ids=runs.deployment_id.any_ if runs.deployment_id else None,
        deployment_is_null=runs.deployment_id.is_null_ if runs.deployment_id else None,
        state_types=state.type.any_ if state and state.type else None,
        state_names=state.name.any_ if state and state.name else None,
        tags_all=runs.tags.all_ if runs.tags else None,
        expected_start_after=runs.expected_start_time.after_ if runs.expected_start_time else None,
        expected_start_before=(
            runs.expected_start_time.before_ if runs.expected_start_time else None
        ),
        start_after=runs.start_time.after_ if runs.start_time else None,
        start_before=runs.start_time.before_ if runs.start_time else None,
        sort=body.sort.value,
        limit=body.limit,
        offset=body.offset,
    )
