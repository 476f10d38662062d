"""The mutation inputs are built by graphql/input_plans.py, not by Strawberry's field-by-field
conversion: for every input type that is, both give equal values, with every field given,
with nulls, and with nothing given (the rest of the suite sends them over HTTP)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from graphql import GraphQLInputObjectType
from strawberry.types.arguments import InputContext, convert_argument
from strawberry.types.base import (
    StrawberryList,
    StrawberryObjectDefinition,
    StrawberryOptional,
    StrawberryType,
)

from server.graphql import input_plans
from server.graphql.schema import build_schema

SCHEMA = build_schema()
_values = itertools.count()


def planned() -> list[StrawberryObjectDefinition]:
    found = []
    for name, graphql_type in SCHEMA._schema.type_map.items():
        if isinstance(graphql_type, GraphQLInputObjectType):
            definition = SCHEMA.get_type_by_name(name)
            if (isinstance(definition, StrawberryObjectDefinition)
                    and definition.from_input is input_plans.build):
                found.append(definition)
    return found


def test_every_mutation_input_is_planned() -> None:
    names = {definition.name for definition in planned()}
    assert {"create_flow_run_input", "set_flow_run_state_input",
            "set_flow_run_states_input"} <= names
    assert len(names) > 30


@contextmanager
def strawberrys_own() -> Iterator[None]:
    """Every planned type converted by Strawberry, as before the plans."""
    definitions = planned()
    for definition in definitions:
        definition.from_input = None
    try:
        yield
    finally:
        for definition in definitions:
            definition.from_input = input_plans.build


def value_of(definition: StrawberryObjectDefinition, nulls: bool, depth: int = 0) -> dict[str, Any]:
    """A GraphQL input value giving every field (nulls: null wherever null is allowed)."""
    out = {}
    for field in definition.fields:
        type_ = field.resolve_type(type_definition=definition)
        out[SCHEMA.config.name_converter.from_field(field)] = _field_value(type_, nulls, depth)
    return out


def _field_value(type_: StrawberryType | type, nulls: bool, depth: int) -> Any:
    if isinstance(type_, StrawberryOptional):
        return None if nulls else _field_value(type_.of_type, nulls, depth)
    if isinstance(type_, StrawberryList):
        return [_field_value(type_.of_type, nulls, depth), _field_value(type_.of_type, nulls,
                                                                         depth)]
    definition = getattr(type_, "__strawberry_definition__", None)
    if isinstance(definition, StrawberryObjectDefinition) and definition.is_input:
        return value_of(definition, nulls, depth + 1) if depth < 3 else {}
    return {"leaf": next(_values)}  # a scalar's value is passed on as it is, whatever it is


@pytest.mark.parametrize("definition", planned(), ids=lambda d: d.name)
@pytest.mark.parametrize("shape", ["every field", "nulls", "nothing"])
def test_a_planned_input_is_what_strawberry_would_build(
    definition: StrawberryObjectDefinition, shape: str,
) -> None:
    value = {} if shape == "nothing" else value_of(definition, nulls=shape == "nulls")
    context = InputContext(info=None, config=SCHEMA.config,
                           scalar_registry=SCHEMA.schema_converter.scalar_registry, path=())
    ours = input_plans.build(definition.origin, value, context)
    with strawberrys_own():
        theirs = convert_argument(value, definition.origin, context.scalar_registry,
                                  SCHEMA.config)
    assert type(ours) is type(theirs)
    assert ours == theirs
    for field in definition.fields:  # lists are copies, never the value's own
        given = value.get(SCHEMA.config.name_converter.from_field(field))
        if isinstance(given, list):
            assert getattr(ours, field.python_name) is not given
