"""Records as the REST models: every field of FlowRunResponse comes from what flowrun stored
(or, for the derived times, from domain/run_timing.py).

A run's response is built as a dict of the model's fields and written by pydantic-core's
serializer, with no model in between: the values are flowrun's own, of the models' types
already, and building the models (even with `model_construct`, which fills every default)
was a third of a REST read's CPU. The JSON stored in the row (the creator, the retry policy)
is still validated into its model. tests/rest/test_flow_runs.py checks that the bytes are
exactly what validating the same fields into FlowRunResponse and writing it would give."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic_core import to_json

from ..domain import clock, labels, run_timing
from ..domain.records import DeploymentRecord, FlowRunView
from ..domain.states import StateType
from .api_schemas import DeploymentResponse
from .schemas import CreatedBy, FlowRunPolicy, StateDetails

_DETAILS = StateDetails().model_dump(mode="json")
_POLICY = FlowRunPolicy().model_dump(mode="json")


def flow_run(run: FlowRunView) -> dict[str, Any]:
    """The run as FlowRunResponse's fields, every one of them in the model's order, as Python
    values of the model's types (`json` turns them into the bytes pydantic would write)."""
    state_type = StateType(run.state_type)
    is_scheduled = state_type is StateType.SCHEDULED
    now = clock.now()
    return {
        "id": run.id,
        "created": run.created,
        "updated": run.updated,
        "name": run.name,
        "flow_id": run.flow_id,
        "state_id": run.state_id,
        "deployment_id": run.deployment_id,
        "deployment_version": run.deployment_version,
        "work_queue_id": None,
        "work_queue_name": run.work_queue_name,
        "flow_version": str(run.flow_version),
        "parameters": run.parameters or {},
        "idempotency_key": run.idempotency_key,
        "context": run.context or {},
        "empirical_policy": _policy(run.empirical_policy),
        "tags": run.tags or [],
        "labels": labels.to_dict(run.labels),
        "parent_task_run_id": run.parent_task_run_id,
        "state_type": state_type,
        "state_name": run.state,
        "run_count": run.run_count,
        "expected_start_time": run.scheduled_start_time,
        "next_scheduled_start_time": _scheduled_time(run) if is_scheduled else None,
        "start_time": run.start_time,
        "end_time": run.end_time,
        "total_run_time": run_timing.total_run_time(run.start_time, run.end_time),
        "estimated_run_time": run_timing.estimated_run_time(
            run.start_time, run.end_time, state_type is StateType.RUNNING, now
        ),
        "estimated_start_time_delta": run_timing.estimated_start_time_delta(
            run.scheduled_start_time, run.start_time, now
        ),
        "auto_scheduled": run.auto_scheduled,
        "infrastructure_document_id": run.infrastructure_document_id,
        "infrastructure_pid": None,
        "created_by": None if run.created_by is None else _created_by(run.created_by),
        "work_pool_id": None,
        "work_pool_name": None,
        "state": _state(run, state_type),
        "job_variables": run.job_variables,
        "version": run.version,
    }


def json(body: Any) -> bytes:
    """A rendered body as the bytes of its JSON, written as pydantic writes its models
    (datetimes in ISO 8601 with Z, UUIDs and enums as strings)."""
    return to_json(body)


def _state(run: FlowRunView, state_type: StateType) -> dict[str, Any] | None:
    if run.state_id is None:
        return None
    details = {**_DETAILS, "flow_run_id": run.id,
               "scheduled_time": _scheduled_time(run) if state_type is StateType.SCHEDULED
               else None}
    return {"id": run.state_id, "type": state_type, "name": run.state,
            "timestamp": run.state_timestamp, "message": run.state_message, "data": None,
            "state_details": details}


def _policy(stored: dict[str, Any] | None) -> dict[str, Any]:
    """The stored retry policy, validated into its model (it is JSON a row holds, possibly
    from an older flowrun), as its fields."""
    if not stored:
        return _POLICY
    return FlowRunPolicy.model_validate(stored, strict=False).model_dump(mode="json")


def _created_by(stored: dict[str, Any]) -> dict[str, Any]:
    return CreatedBy.model_validate(stored).model_dump(mode="json")


def _scheduled_time(run: FlowRunView) -> datetime:
    """When a scheduled run is due: its state's start time, else its scheduled start."""
    return run.state_start_time or run.scheduled_start_time


def orchestration_result(run: FlowRunView) -> dict[str, Any]:
    """OrchestrationResult's fields: the state the run is in now, and its version."""
    return {"status": "ACCEPT", "state": _state(run, StateType(run.state_type)),
            "details": {"type": "accept_details"}, "version": run.version}


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
