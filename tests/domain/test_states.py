"""domain/states.py: the one table of state names and types, and state documents."""

from __future__ import annotations

from typing import Any

import pendulum
import pytest

from server.domain.errors import FlowrunError, InvalidInput
from server.domain.states import (
    DEFAULT_NAMES,
    FINISHED_TYPES,
    SERIALIZER_VERSION,
    STATE_TYPES,
    StateType,
    parse_state,
    resolve_name,
    server_state,
)

# Every Prefect 1 state class a flow run can be in, with the type it maps to.
PREFECT_1 = {
    "Pending": StateType.PENDING,
    "Scheduled": StateType.SCHEDULED,
    "Submitted": StateType.PENDING,
    "Queued": StateType.PENDING,
    "ClientFailed": StateType.PENDING,
    "Resume": StateType.SCHEDULED,
    "Retrying": StateType.SCHEDULED,
    "Running": StateType.RUNNING,
    "Looped": StateType.RUNNING,
    "Paused": StateType.PAUSED,
    "Cancelling": StateType.CANCELLING,
    "Success": StateType.COMPLETED,
    "Finished": StateType.COMPLETED,
    "Cached": StateType.COMPLETED,
    "Mapped": StateType.COMPLETED,
    "Skipped": StateType.COMPLETED,
    "Failed": StateType.FAILED,
    "TriggerFailed": StateType.FAILED,
    "ValidationFailed": StateType.FAILED,
    "TimedOut": StateType.FAILED,
    "Cancelled": StateType.CANCELLED,
}


@pytest.mark.parametrize(("name", "state_type"), PREFECT_1.items(), ids=PREFECT_1.keys())
def test_every_prefect_1_state_name_resolves_to_its_type(
    name: str, state_type: StateType
) -> None:
    assert resolve_name(name) == (name, state_type)


@pytest.mark.parametrize("state_type", list(StateType), ids=[t.value for t in StateType])
def test_every_state_type_resolves_to_its_default_name(state_type: StateType) -> None:
    name, resolved = resolve_name(state_type.value)
    assert resolved is state_type
    assert name == DEFAULT_NAMES[state_type]
    assert STATE_TYPES[name] is state_type


def test_every_state_type_has_a_default_name() -> None:
    assert set(DEFAULT_NAMES) == set(StateType)


def test_the_table_holds_every_prefect_1_name() -> None:
    assert set(PREFECT_1) <= set(STATE_TYPES)


@pytest.mark.parametrize("value", ["Exploded", "success", "", None, 3, ["Success"], "completed"])
def test_an_unknown_state_is_bad_input_listing_the_valid_ones(value: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        resolve_name(value)
    assert caught.value.code == "BAD_USER_INPUT"
    for name in PREFECT_1:
        assert name in caught.value.message
    for state_type in StateType:
        assert state_type.value in caught.value.message


def test_a_state_document_is_kept_whole_with_its_type_named() -> None:
    document = {"type": "Success", "message": "It worked!", "_result": {"type": "S3Result"},
                "context": {"k": 1}, "cached_inputs": {}, "__version__": "1.4.1"}
    state = parse_state(document)
    assert (state.name, state.type, state.message) == ("Success", StateType.COMPLETED,
                                                       "It worked!")
    assert state.document == document
    assert state.is_finished and not state.is_running


def test_a_state_document_with_a_type_name_is_stored_under_the_default_name() -> None:
    state = parse_state({"type": "FAILED"})
    assert (state.name, state.type) == ("Failed", StateType.FAILED)
    assert state.document["type"] == "Failed"


def test_a_running_state_is_running_and_not_finished() -> None:
    state = parse_state({"type": "Running"})
    assert state.is_running and not state.is_finished
    assert state.message is None and state.start_time is None


@pytest.mark.parametrize("document", [
    {"type": "Scheduled", "start_time": "2030-01-01T07:00:00-05:00"},
    {"type": "Scheduled", "state": {"start_time": "2030-01-01 12:00:00"}},
])
def test_a_scheduled_states_start_time_is_parsed_to_utc(document: dict[str, Any]) -> None:
    state = parse_state(document)
    assert state.start_time == pendulum.datetime(2030, 1, 1, 12, tz="UTC")


@pytest.mark.parametrize("document", [
    {},
    {"message": "no type"},
    {"type": "Success", "message": 3},
    {"type": "Scheduled", "start_time": 5},
    {"type": "Scheduled", "start_time": "2030-01-01T12:00:00"},
    {"type": "Scheduled", "start_time": "later"},
])
def test_a_malformed_state_document_is_bad_input(document: dict[str, Any]) -> None:
    with pytest.raises(FlowrunError) as caught:
        parse_state(document)
    assert caught.value.code == "BAD_USER_INPUT"


def test_a_server_state_has_prefect_1s_serialized_shape() -> None:
    start = pendulum.datetime(2030, 1, 1, tz="UTC")
    state = server_state("Scheduled", "Flow run scheduled.", start)
    assert (state.name, state.type, state.start_time) == ("Scheduled", StateType.SCHEDULED,
                                                          start)
    assert state.document == {
        "type": "Scheduled", "message": "Flow run scheduled.",
        "_result": {"type": "NoResultType", "__version__": SERIALIZER_VERSION},
        "context": {}, "cached_inputs": {}, "__version__": SERIALIZER_VERSION,
        "start_time": start.isoformat(),
    }


def test_the_finished_types_are_the_terminal_ones() -> None:
    terminal = {StateType.COMPLETED, StateType.FAILED, StateType.CANCELLED, StateType.CRASHED}
    assert terminal == FINISHED_TYPES
