"""The REST models beyond seed 003: deployments, state changes, filters and errors. Named and
shaped as Prefect 3 names them where Prefect 3 has them, so its client reads them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from ..domain.states import StateType
from .schemas import REQUEST, CreatedBy, LabelValue, State, StateCreate, UTCDateTime

_STRICT = REQUEST
MAX_OFFSET = 1_000_000_000  # within every database's integer range


class DeploymentCreate(BaseModel):
    """A deployment: a named, reusable way to run a flow group (give flow_group_id, or
    flow_id for that flow's group). Runs go to the group's unique unarchived flow at the
    time each run is created."""

    model_config = _STRICT

    name: str = Field(min_length=1, description="The name of the deployment.")
    flow_group_id: uuid.UUID | None = Field(None, description="The flow group to run.")
    flow_id: uuid.UUID | None = Field(None, description="A flow whose group to run.")
    description: str | None = None
    version: str | None = None
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="Default parameters of the deployment's runs."
    )
    parameter_openapi_schema: dict[str, Any] | None = Field(
        None, description="A JSON Schema the runs' parameters are checked against."
    )
    enforce_parameter_schema: bool = Field(
        True, description="Whether runs' parameters must match parameter_openapi_schema."
    )
    tags: list[str] = Field(default_factory=list)
    labels: dict[str, LabelValue] = Field(default_factory=dict)
    work_queue_name: str | None = None
    job_variables: dict[str, Any] = Field(default_factory=dict)


class DeploymentResponse(BaseModel):
    id: uuid.UUID
    created: datetime | None
    updated: datetime | None
    name: str
    flow_group_id: uuid.UUID
    flow_id: uuid.UUID | None = Field(
        None, description="The flow runs go to now: the group's unarchived flow, else its "
                          "newest one."
    )
    description: str | None = None
    version: str | None = None
    paused: bool = False
    schedules: list[dict[str, Any]] = Field(default_factory=list)
    parameters: dict[str, Any] = Field(default_factory=dict)
    parameter_openapi_schema: dict[str, Any] | None = None
    enforce_parameter_schema: bool = True
    tags: list[str] = Field(default_factory=list)
    labels: dict[str, LabelValue] = Field(default_factory=dict)
    work_queue_name: str | None = None
    job_variables: dict[str, Any] = Field(default_factory=dict)
    created_by: CreatedBy | None = None


class SetFlowRunState(BaseModel):
    model_config = _STRICT

    state: StateCreate = Field(description="The state to move the run to.")
    force: bool = Field(
        False, description="Accepted for Prefect 3 clients; flowrun applies no orchestration "
                           "rules, so every state is accepted."
    )
    version: int | None = Field(
        None, description="flowrun: the run's current version; with it the state is set only "
                          "if the run is still at that version (409 otherwise).",
    )


class OrchestrationResult(BaseModel):
    status: Literal["ACCEPT"] = "ACCEPT"
    state: State | None = None
    details: dict[str, Any] = Field(default_factory=lambda: {"type": "accept_details"})
    version: int = Field(description="flowrun: the run's version after the change.")


class UUIDAny(BaseModel):
    model_config = _STRICT
    any_: list[uuid.UUID] | None = None


class DeploymentIdFilter(UUIDAny):
    is_null_: bool | None = None


class NameAny(BaseModel):
    model_config = _STRICT
    any_: list[str] | None = None


class DeploymentNameFilter(NameAny):
    like_: str | None = Field(None, description="A substring of the name.")


class StateTypeAny(BaseModel):
    model_config = _STRICT
    any_: list[StateType] | None = None


class StateFilter(BaseModel):
    model_config = _STRICT
    type: StateTypeAny | None = None
    name: NameAny | None = None


class TagsAll(BaseModel):
    model_config = _STRICT
    all_: list[str] | None = Field(None, description="Runs having every one of these tags.")


class TimeRange(BaseModel):
    model_config = _STRICT
    before_: UTCDateTime | None = Field(None, description="At or before this time.")
    after_: UTCDateTime | None = Field(None, description="At or after this time.")


class FlowRunFilter(BaseModel):
    model_config = _STRICT

    id: UUIDAny | None = None
    name: NameAny | None = None
    deployment_id: DeploymentIdFilter | None = None
    state: StateFilter | None = None
    tags: TagsAll | None = None
    expected_start_time: TimeRange | None = None
    start_time: TimeRange | None = None


class FlowRunSort(StrEnum):
    ID_DESC = "ID_DESC"
    NAME_ASC = "NAME_ASC"
    NAME_DESC = "NAME_DESC"
    EXPECTED_START_TIME_ASC = "EXPECTED_START_TIME_ASC"
    EXPECTED_START_TIME_DESC = "EXPECTED_START_TIME_DESC"
    START_TIME_ASC = "START_TIME_ASC"
    START_TIME_DESC = "START_TIME_DESC"
    END_TIME_DESC = "END_TIME_DESC"


class FlowRunFilterRequest(BaseModel):
    """Prefect 3's body for POST /flow_runs/filter; the filters on other objects that
    Prefect's client sends are accepted only when null."""

    model_config = _STRICT

    flow_runs: FlowRunFilter | None = None
    sort: FlowRunSort = FlowRunSort.EXPECTED_START_TIME_DESC
    limit: int = Field(200, ge=1, le=200)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)
    flows: None = None
    deployments: None = None
    task_runs: None = None
    work_pools: None = None
    work_pool_queues: None = None


class DeploymentFilter(BaseModel):
    model_config = _STRICT
    name: DeploymentNameFilter | None = None


class DeploymentFilterRequest(BaseModel):
    model_config = _STRICT

    deployments: DeploymentFilter | None = None
    limit: int = Field(200, ge=1, le=200)
    offset: int = Field(0, ge=0, le=MAX_OFFSET)


class ErrorResponse(BaseModel):
    detail: str = Field(description="What was wrong, and what would be right.")
    code: str = Field(description="The domain error code: NOT_FOUND, CONFLICT, "
                                  "VERSION_LOCKING_ERROR, SERVICE_UNAVAILABLE...")
    details: dict[str, Any] = Field(default_factory=dict, description="Structured details "
                                                                     "of the error, if any.")
