"""domain/jsonvalues.py: objects and label lists given as JSON or as a string holding JSON."""

from __future__ import annotations

from typing import Any

import pytest

from server.domain.errors import InvalidInput
from server.domain.jsonvalues import json_object, json_type_name, string_list


@pytest.mark.parametrize(("value", "expected"), [
    ({"a": 2}, {"a": 2}),
    ('{"a": 2}', {"a": 2}),
    ('{"a":2}', {"a": 2}),
    ('  {"nested": {"b": [1, null]}} ', {"nested": {"b": [1, None]}}),
    ("{}", {}),
    (None, None),
    ("null", None),
])
def test_an_object_or_a_string_holding_one_is_accepted(value: Any, expected: Any) -> None:
    assert json_object(value, "parameters") == expected


@pytest.mark.parametrize(("value", "kind"), [
    ("[1, 2]", "an array"), ([1, 2], "an array"), ('"text"', "a string"), (3, "a number"),
    ("3", "a number"), ("true", "a boolean"), (True, "a boolean"),
])
def test_json_that_is_not_an_object_is_bad_input_naming_its_kind(value: Any, kind: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        json_object(value, "parameters")
    assert caught.value.code == "BAD_USER_INPUT"
    assert caught.value.message == f"parameters must be a JSON object, not {kind}"
    assert caught.value.details["field"] == "parameters"


@pytest.mark.parametrize("value", ['{"a": ', "{a: 2}", "", "{'a': 2}", '{"a": 2} x'])
def test_a_string_that_is_not_json_is_bad_input_naming_the_field(value: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        json_object(value, "context")
    assert caught.value.code == "BAD_USER_INPUT"
    assert caught.value.message.startswith("context is not valid JSON")
    assert caught.value.details["field"] == "context"


@pytest.mark.parametrize(("value", "expected"), [
    (["a", "b"], ["a", "b"]),
    (["b", "a", "b"], ["b", "a"]),
    ('["x"]', ["x"]),
    ([], []),
    (None, None),
])
def test_labels_are_a_list_of_distinct_strings_in_order(value: Any, expected: Any) -> None:
    assert string_list(value, "labels") == expected


@pytest.mark.parametrize("value", [[1], "a", "[1]", {"a": 1}, ["a", None], "[oops"])
def test_labels_that_are_not_a_list_of_strings_are_bad_input(value: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        string_list(value, "labels")
    assert caught.value.code == "BAD_USER_INPUT"
    assert caught.value.message == "labels must be a list of strings"


@pytest.mark.parametrize(("value", "name"), [
    (None, "null"), (False, "a boolean"), (1, "a number"), (1.5, "a number"),
    ("s", "a string"), ([], "an array"), ({}, "an object"),
])
def test_json_types_are_named_for_messages(value: Any, name: str) -> None:
    assert json_type_name(value) == name
