"""The models of seed 003 (Prefect 3's "create flow run from deployment"), field for field.

They validate the requests and render the responses, and the OpenAPI document is generated
from them (rest/openapi.py), so the three cannot drift apart. Descriptions are the seed's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
)

from ..domain import clock
from ..domain.names import random_run_name
from ..domain.states import StateType

LabelValue = bool | int | float | str
# Request bodies: unknown fields are refused and JSON types are not coerced ("1" is no int).
REQUEST = ConfigDict(extra="forbid", strict=True)
_SLUG = "The name of the flow run. Defaults to a random slug if not specified."
_LABELS = "A dictionary of key-value labels. Values can be strings, numbers, or booleans."
_LABEL_EXAMPLE = {"key": "value1", "key2": 42}


def _in_utc(value: datetime) -> datetime:
    try:
        return value.astimezone(UTC)
    except OverflowError:
        raise ValueError("the time is out of range once converted to UTC") from None


# A time with its zone (a naive time is refused, never guessed), converted to UTC.
UTCDateTime = Annotated[AwareDatetime, AfterValidator(_in_utc)]


def _unique(values: list[str]) -> list[str]:
    if len(set(values)) != len(values):
        raise ValueError("the items must be unique")
    return values


UniqueStrings = Annotated[
    list[str],
    AfterValidator(_unique),
    WithJsonSchema({"items": {"type": "string"}, "type": "array", "uniqueItems": True}),
]


class StateDetails(BaseModel):
    model_config = ConfigDict(strict=True)

    flow_run_id: uuid.UUID | None = None
    task_run_id: uuid.UUID | None = None
    child_flow_run_id: uuid.UUID | None = None
    scheduled_time: UTCDateTime | None = None
    cache_key: str | None = None
    cache_expiration: UTCDateTime | None = None
    deferred: bool | None = False
    untrackable_result: bool = False
    pause_timeout: UTCDateTime | None = None
    pause_reschedule: bool = False
    pause_key: str | None = None
    run_input_keyset: dict[str, str] | None = None
    refresh_cache: bool | None = None
    retriable: bool | None = None
    transition_id: uuid.UUID | None = None
    task_parameters_id: uuid.UUID | None = None
    traceparent: str | None = None
    deployment_concurrency_lease_id: uuid.UUID | None = None


class StateCreate(BaseModel):
    """Data used by the Prefect REST API to create a new state."""

    model_config = REQUEST

    type: StateType = Field(description="The type of the state to create")
    name: str | None = Field(None, description="The name of the state to create")
    message: str | None = Field(None, description="The message of the state to create")
    data: Any | None = Field(None, description="The data of the state to create")
    state_details: StateDetails = Field(
        default_factory=StateDetails, description="The details of the state to create"
    )


class FlowRunPolicy(BaseModel):
    """Defines of how a flow run should retry."""

    model_config = ConfigDict(strict=True)

    max_retries: int = Field(
        0, deprecated=True,
        description="The maximum number of retries. Field is not used. Please use `retries` "
                    "instead.",
    )
    retry_delay_seconds: float = Field(
        0, deprecated=True,
        description="The delay between retries. Field is not used. Please use `retry_delay` "
                    "instead.",
    )
    retries: int | None = Field(None, description="The number of retries.")
    retry_delay: int | None = Field(None, description="The delay time between retries, in "
                                                      "seconds.")
    pause_keys: UniqueStrings | None = Field(None, description="Tracks pauses this run has "
                                                               "observed.")
    resuming: bool | None = Field(False, description="Indicates if this run is resuming from "
                                                     "a pause.")
    retry_type: Literal["in_process", "reschedule"] | None = Field(
        None, description="The type of retry this run is undergoing."
    )


class CreatedBy(BaseModel):
    id: uuid.UUID | None = Field(None, description="The id of the creator of the object.")
    type: str | None = Field(None, description="The type of the creator of the object.")
    display_value: str | None = Field(None, description="The display value for the creator.")


class State(BaseModel):
    """Represents the state of a run."""

    id: uuid.UUID
    type: StateType
    name: str | None = None
    timestamp: datetime = Field(default_factory=clock.now)
    message: str | None = Field(None, examples=["Run started"])
    data: Any | None = Field(
        None, description="Data associated with the state, e.g. a result. Content must be "
                          "storable as JSON.",
    )
    state_details: StateDetails = Field(default_factory=StateDetails)


class DeploymentFlowRunCreate(BaseModel):
    """Data used by the Prefect REST API to create a flow run from a deployment."""

    model_config = REQUEST

    state: StateCreate | None = Field(None, description="The state of the flow run to create")
    # Seed 003 types it as a string; null is accepted too (the Prefect 3 client sends it when
    # no name is given) and documented as such, meaning "not given".
    name: str | None = Field(None, description=_SLUG, examples=["my-flow-run"])
    parameters: dict[str, Any] = Field(default_factory=dict)
    enforce_parameter_schema: bool | None = Field(
        None, description="Whether or not to enforce the parameter schema on this run."
    )
    context: dict[str, Any] = Field(default_factory=dict)
    infrastructure_document_id: uuid.UUID | None = None
    empirical_policy: FlowRunPolicy = Field(
        default_factory=FlowRunPolicy, description="The empirical policy for the flow run."
    )
    tags: list[str] = Field(
        default_factory=list, description="A list of tags for the flow run.",
        examples=[["tag-1", "tag-2"]],
    )
    idempotency_key: str | None = Field(
        None,
        description="An optional idempotency key. If a flow run with the same idempotency key "
                    "has already been created, the existing flow run will be returned.",
    )
    labels: dict[str, LabelValue] | None = Field(
        None, description=_LABELS, examples=[_LABEL_EXAMPLE]
    )
    parent_task_run_id: uuid.UUID | None = None
    work_queue_name: str | None = None
    job_variables: dict[str, Any] | None = None


class FlowRunResponse(BaseModel):
    id: uuid.UUID
    created: datetime | None
    updated: datetime | None
    name: str = Field(default_factory=random_run_name, description=_SLUG,
                      examples=["my-flow-run"])
    flow_id: uuid.UUID = Field(description="The id of the flow being run.")
    state_id: uuid.UUID | None = Field(None, description="The id of the flow run's current "
                                                         "state.")
    deployment_id: uuid.UUID | None = Field(
        None, description="The id of the deployment associated with this flow run, if "
                          "available.",
    )
    deployment_version: str | None = Field(
        None, description="The version of the deployment associated with this flow run.",
        examples=["1.0"],
    )
    work_queue_id: uuid.UUID | None = Field(None, description="The id of the run's work pool "
                                                              "queue.")
    work_queue_name: str | None = Field(None, description="The work queue that handled this "
                                                          "flow run.")
    flow_version: str | None = Field(
        None, description="The version of the flow executed in this flow run.", examples=["1.0"]
    )
    parameters: dict[str, Any] = Field(default_factory=dict, description="Parameters for the "
                                                                         "flow run.")
    idempotency_key: str | None = Field(
        None, description="An optional idempotency key for the flow run. Used to ensure the "
                          "same flow run is not created multiple times.",
    )
    context: dict[str, Any] = Field(
        default_factory=dict, description="Additional context for the flow run.",
        examples=[{"my_var": "my_val"}],
    )
    empirical_policy: FlowRunPolicy = Field(default_factory=FlowRunPolicy)
    tags: list[str] = Field(
        default_factory=list, description="A list of tags on the flow run",
        examples=[["tag-1", "tag-2"]],
    )
    labels: dict[str, LabelValue] = Field(
        default_factory=dict, description=_LABELS, examples=[_LABEL_EXAMPLE]
    )
    parent_task_run_id: uuid.UUID | None = Field(
        None, description="If the flow run is a subflow, the id of the 'dummy' task in the "
                          "parent flow used to track subflow state.",
    )
    state_type: StateType | None = Field(None, description="The type of the current flow run "
                                                           "state.")
    state_name: str | None = Field(None, description="The name of the current flow run state.")
    run_count: int = Field(0, description="The number of times the flow run was executed.")
    expected_start_time: datetime | None = Field(None, description="The flow run's expected "
                                                                   "start time.")
    next_scheduled_start_time: datetime | None = Field(
        None, description="The next time the flow run is scheduled to start."
    )
    start_time: datetime | None = Field(None, description="The actual start time.")
    end_time: datetime | None = Field(None, description="The actual end time.")
    total_run_time: float = Field(
        0, description="Total run time. If the flow run was executed multiple times, the time "
                       "of each run will be summed.",
    )
    estimated_run_time: float = Field(0, description="A real-time estimate of the total run "
                                                     "time.")
    estimated_start_time_delta: float = Field(
        0, description="The difference between actual and expected start time."
    )
    auto_scheduled: bool = Field(False, description="Whether or not the flow run was "
                                                    "automatically scheduled.")
    infrastructure_document_id: uuid.UUID | None = Field(
        None, description="The block document defining infrastructure to use this flow run."
    )
    infrastructure_pid: str | None = Field(
        None, description="The id of the flow run as returned by an infrastructure block."
    )
    created_by: CreatedBy | None = Field(
        None, description="Optional information about the creator of this flow run."
    )
    work_pool_id: uuid.UUID | None = Field(None, description="The id of the flow run's work "
                                                             "pool.")
    work_pool_name: str | None = Field(
        None, description="The name of the flow run's work pool.", examples=["my-work-pool"]
    )
    state: State | None = Field(None, description="The current state of the flow run.")
    job_variables: dict[str, Any] | None = Field(
        None, description="Variables used as overrides in the base job template"
    )
    # flowrun's addition: the version `set_state` checks (optimistic locking).
    version: int = Field(
        1,
        description="flowrun: the run's version; send it to set_state to change the state "
                    "only if nobody changed it since"
    )


class ValidationError(BaseModel):
    loc: list[str | int] = Field(title="Location")
    msg: str = Field(title="Message")
    type: str = Field(title="Error Type")
    input: Any = Field(None, title="Input")
    ctx: dict[str, Any] = Field(default_factory=dict, title="Context")


class HTTPValidationError(BaseModel):
    detail: list[ValidationError] = Field(default_factory=list)
    code: str = Field("BAD_USER_INPUT", description="flowrun: the domain error code")
