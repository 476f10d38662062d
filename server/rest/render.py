"""Records as the REST models: every field of FlowRunResponse comes from what flowrun stored
(or, for the derived times, from domain/run_timing.py).

A run's response is built with `model_construct`: the values are flowrun's own, of the models'
types already, and validating them again was a fifth of a REST read's CPU. The JSON stored in
the row (the creator, the retry policy) is still validated into its model.
tests/rest/test_flow_runs.py checks that validating a built response changes nothing."""

from __future__ import annotations

from datetime import datetime

from ..domain import clock, labels, run_timing
from ..domain.records import DeploymentRecord, FlowRunView
from ..domain.states import StateType
from .api_schemas import DeploymentResponse, OrchestrationResult
from .schemas import CreatedBy, FlowRunPolicy, FlowRunResponse, State, StateDetails


def flow_run(run: FlowRunView) -> FlowRunResponse:
    state_type = StateType(run.state_type)
    is_scheduled = state_type is StateType.SCHEDULED
    now = clock.now()
    return FlowRunResponse.model_construct(
        id=run.id,
        created=run.created,
        updated=run.updated,
        name=run.name,
        flow_id=run.flow_id,
        state_id=run.state_id,
        deployment_id=run.deployment_id,
        deployment_version=run.deployment_version,
        work_queue_name=run.work_queue_name,
        flow_version=str(run.flow_version),
        parameters=run.parameters or {},
        idempotency_key=run.idempotency_key,
        context=run.context or {},
        empirical_policy=FlowRunPolicy.model_validate(run.empirical_policy or {}, strict=False),
        tags=run.tags or [],
        labels=labels.to_dict(run.labels),
        parent_task_run_id=run.parent_task_run_id,
        state_type=state_type,
        state_name=run.state,
        run_count=run.run_count,
        expected_start_time=run.scheduled_start_time,
        next_scheduled_start_time=_scheduled_time(run) if is_scheduled else None,
        start_time=run.start_time,
        end_time=run.end_time,
        total_run_time=run_timing.total_run_time(run.start_time, run.end_time),
        estimated_run_time=run_timing.estimated_run_time(
            run.start_time, run.end_time, state_type is StateType.RUNNING, now
        ),
        estimated_start_time_delta=run_timing.estimated_start_time_delta(
            run.scheduled_start_time, run.start_time, now
        ),
        auto_scheduled=run.auto_scheduled,
        infrastructure_document_id=run.infrastructure_document_id,
        created_by=None if run.created_by is None else CreatedBy.model_validate(run.created_by),
        state=_state(run, state_type),
        job_variables=run.job_variables,
        version=run.version,
    )


def _state(run: FlowRunView, state_type: StateType) -> State | None:
    if run.state_id is None:
        return None
    details = StateDetails.model_construct(
        flow_run_id=run.id,
        scheduled_time=_scheduled_time(run) if state_type is StateType.SCHEDULED else None,
    )
    return State.model_construct(
        id=run.state_id, type=state_type, name=run.state, timestamp=run.state_timestamp,
        message=run.state_message, state_details=details,
    )


def _scheduled_time(run: FlowRunView) -> datetime:
    """When a scheduled run is due: its state's start time, else its scheduled start."""
    return run.state_start_time or run.scheduled_start_time


def orchestration_result(run: FlowRunView) -> OrchestrationResult:
    return OrchestrationResult(state=flow_run(run).state, version=run.version)


def deployment(row: DeploymentRecord) -> DeploymentResponse:
    return DeploymentResponse(
        id=row.id,
        created=row.created,
        updated=row.updated,
        name=row.name,
        flow_group_id=row.flow_group_id,
        flow_id=row.flow_id,
        description=row.description,
        version=row.version,
        parameters=row.parameters or {},
        parameter_openapi_schema=row.parameter_openapi_schema,
        enforce_parameter_schema=row.enforce_parameter_schema,
        tags=row.tags or [],
        labels=row.labels or {},
        work_queue_name=row.work_queue_name,
        job_variables=row.job_variables or {},
    )
