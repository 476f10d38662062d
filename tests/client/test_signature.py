"""A function's signature becomes the flow's parameters and their JSON schema."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

import pytest
from jsonschema import Draft202012Validator

from server.client.flows import flow, flow_document
from server.client.signature import SignatureError, parameters_of


class Colour(Enum):
    RED = "red"
    BLUE = "blue"


def sample(
    name: str,
    times: int = 1,
    ratio: float = 0.5,
    loud: bool = False,
    tags: list[str] | None = None,
    mode: Literal["fast", "slow"] = "fast",
    colour: Colour = Colour.RED,
    when: dt.datetime | None = None,
    extra: dict[str, int] | None = None,
    anything: Any = None,
    pair: tuple[int, ...] = (1, 2),
    noted: Annotated[int, "a note"] = 3,
) -> None:
    """A sample flow."""


def test_parameters_say_which_are_required_and_carry_json_defaults() -> None:
    declared, _ = parameters_of(sample)
    by_name = {p["name"]: p for p in declared}
    assert by_name["name"] == {"name": "name", "required": True, "default": None}
    assert by_name["times"] == {"name": "times", "required": False, "default": 1}
    assert by_name["colour"]["default"] == "red"
    assert by_name["pair"]["default"] == [1, 2]


def test_annotations_become_a_json_schema_that_accepts_good_values_and_rejects_bad_ones() -> None:
    _, schema = parameters_of(sample)
    validator = Draft202012Validator(schema)
    good = {"name": "x", "times": 2, "ratio": 1, "loud": True, "tags": ["a"], "mode": "slow",
            "colour": "blue", "when": "2024-01-01T00:00:00Z", "extra": {"a": 1},
            "anything": [1, {}], "pair": [3], "noted": 4}
    assert list(validator.iter_errors(good)) == []
    for bad in ({"times": 2}, {"name": "x", "times": "2"}, {"name": "x", "loud": 1},
                {"name": "x", "mode": "medium"}, {"name": "x", "tags": [1]},
                {"name": "x", "extra": {"a": "b"}}, {"name": "x", "unknown": 1}):
        assert list(validator.iter_errors(bad)), bad


def test_a_function_taking_keyword_arguments_accepts_unknown_parameters() -> None:
    def open_ended(a: int, **kwargs: Any) -> None: ...

    _, schema = parameters_of(open_ended)
    assert schema["additionalProperties"] is True
    assert schema["required"] == ["a"]


def test_string_annotations_from_future_imports_are_resolved() -> None:
    namespace: dict[str, Any] = {}
    exec("from __future__ import annotations\ndef f(a: int, b: list[str] | None = None): ...",
         namespace)
    _, schema = parameters_of(namespace["f"])
    assert schema["properties"]["a"] == {"type": "integer"}
    assert schema["properties"]["b"]["anyOf"][1] == {"type": "null"}


def test_a_default_that_is_not_json_is_refused_with_the_parameter_named() -> None:
    def bad(when: object = object()) -> None: ...

    with pytest.raises(SignatureError, match="'when'"):
        parameters_of(bad)


def test_the_flow_decorator_names_the_flow_and_gives_its_labels() -> None:
    @flow(name="greeter", labels=["gpu"])
    def greet(who: str = "you") -> None: ...

    document = flow_document(greet)
    assert document["name"] == "greeter"
    assert document["run_config"]["labels"] == ["gpu"]
    assert document["storage"]["type"] == "Module"
    assert greet("me") is None  # the function is returned unchanged
