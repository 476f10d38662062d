"""domain/parameters.py: merging defaults and checking required names and JSON Schemas."""

from __future__ import annotations

from typing import Any

import pytest

from server.domain import parameters
from server.domain.errors import InvalidInput
from server.domain.parameters import check, check_declared, check_schema, merge

DECLARED = [{"name": "a", "required": False, "default": "flow"},
            {"name": "b", "required": False, "default": "flow"},
            {"name": "r", "required": True}]


def test_the_callers_values_win_over_the_groups_which_win_over_the_flows() -> None:
    assert merge(DECLARED, {"b": "group", "extra": 1}, {"a": "caller"}) == {
        "a": "caller", "b": "group", "extra": 1}


def test_a_required_parameter_has_no_default_in_the_merge() -> None:
    assert "r" not in merge(DECLARED, None, None)


def test_missing_required_parameters_are_named_in_declaration_order() -> None:
    declared = [{"name": "y", "required": True}, {"name": "x", "required": True}]
    with pytest.raises(InvalidInput) as caught:
        check(declared, None, {})
    assert caught.value.code == "BAD_USER_INPUT"
    assert caught.value.message == "Required parameters were not supplied: y, x"
    assert caught.value.details["missing"] == ["y", "x"]


def test_a_required_parameter_given_as_null_counts_as_supplied() -> None:
    check([{"name": "x", "required": True}], None, {"x": None})


SCHEMA = {"type": "object", "properties": {"n": {"type": "integer"}, "s": {"type": "string"}},
          "required": ["n"], "additionalProperties": False}


def test_values_are_checked_against_the_schema_naming_each_problem() -> None:
    with pytest.raises(InvalidInput) as caught:
        check([], SCHEMA, {"n": "1", "s": 2, "zz": 0, "aa": 0})
    violations = caught.value.details["violations"]
    assert caught.value.code == "BAD_USER_INPUT"
    assert "unknown parameters: aa, zz" in violations
    assert any(v.startswith("n:") for v in violations)
    assert any(v.startswith("s:") for v in violations)


def test_a_missing_schema_requirement_is_named() -> None:
    with pytest.raises(InvalidInput) as caught:
        check([], SCHEMA, {"s": "x"})
    assert "'n' is required" in caught.value.message


def test_values_that_match_the_schema_pass() -> None:
    check([], SCHEMA, {"n": 1, "s": "x"})


@pytest.mark.parametrize("schema", ["x", [], {"type": 5}, {"properties": "no"}])
def test_an_invalid_schema_is_bad_input(schema: Any) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_schema(schema)
    assert caught.value.code == "BAD_USER_INPUT"


@pytest.mark.parametrize("declared", ["a", [{"required": True}], [{"name": 1}], [None]])
def test_a_malformed_declaration_is_bad_input(declared: Any) -> None:
    with pytest.raises(InvalidInput):
        check_declared(declared)


def test_no_declaration_is_an_empty_list() -> None:
    assert check_declared(None) == []
    assert check_declared(DECLARED) == DECLARED


REMOTE_REF = {
    "type": "object",
    "properties": {"a": {"$ref": "http://127.0.0.1:9/never-fetched.json"}},
}


def test_a_flow_schema_with_a_remote_reference_is_refused_at_registration() -> None:
    with pytest.raises(InvalidInput) as caught:
        parameters.check_schema(REMOTE_REF)
    assert caught.value.code == "BAD_USER_INPUT"
    assert "$ref" in caught.value.message


def test_checking_parameters_never_fetches_a_remote_reference() -> None:
    with pytest.raises(InvalidInput) as caught:
        parameters.schema_violations(REMOTE_REF, {"a": 1})
    assert "cannot be resolved" in caught.value.message


def test_local_references_still_resolve() -> None:
    schema = {
        "type": "object",
        "$defs": {"small": {"type": "integer", "maximum": 3}},
        "properties": {"a": {"$ref": "#/$defs/small"}},
    }
    parameters.check_schema(schema)
    assert parameters.schema_violations(schema, {"a": 2}) == []
    assert parameters.schema_violations(schema, {"a": 9}) != []
