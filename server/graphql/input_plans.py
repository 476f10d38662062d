"""Input objects built from their GraphQL values with a plan made once per type.

Strawberry converts an input value field by field, resolving each field's type annotation
again on every request (`convert_argument`): for `create_flow_run_input` that was a sixth
of a create's CPU. Strawberry lets a type build its own value (its definition's
`from_input` hook, which `strawberry.pydantic` uses the same way); `build` is that hook for
flowrun's inputs. On a type's first value it resolves every field's type once and keeps, per
field, how to convert it:

    a scalar or an enum, or such a value or null       the value as graphql-core coerced it
    a list of those (or null)                          a copy of the list (graphql-core hands
                                                       the same default list to every request)
    anything else (a nested input, a list of them)     Strawberry's own conversion of it

which is what `convert_argument` does for each. A field the client left out is None, as
Strawberry's implicit default for an input field without one, or its declared default.
tests/graphql/test_input_plans.py checks, for every input type, that both give equal values."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING
from typing import Any

from strawberry.relay.types import GlobalID
from strawberry.scalars import is_scalar
from strawberry.types.arguments import InputContext
from strawberry.types.base import (
    StrawberryList,
    StrawberryMaybe,
    StrawberryOptional,
    StrawberryType,
)
from strawberry.types.enum import StrawberryEnumDefinition
from strawberry.types.lazy_type import LazyType
from strawberry.types.unset import UNSET

Convert = Callable[[Any, InputContext, str], Any]


def build(cls: type, value: Mapping[str, Any], context: InputContext) -> Any:
    """The `from_input` hook: `cls` built from its GraphQL input value."""
    plan = _PLANS.get(cls)
    if plan is None:
        plan = _PLANS[cls] = _plan(cls, context)
    fields, defaults = plan
    kwargs = dict(defaults)
    for graphql_name, python_name, convert in fields:
        if graphql_name in value:
            kwargs[python_name] = convert(value[graphql_name], context, graphql_name)
    return cls(**kwargs)


_PLANS: dict[type, tuple[list[tuple[str, str, Convert]], dict[str, None]]] = {}


def _plan(cls: type, context: InputContext) -> tuple[list[tuple[str, str, Convert]],
                                                     dict[str, None]]:
    definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
    fields = []
    for field in definition.fields:
        type_ = field.resolve_type(type_definition=definition)
        fields.append((context.config.name_converter.from_field(field), field.python_name,
                       _converter(type_, context)))
    defaults = {field.python_name: None for field in definition.fields
                if field.default_value is MISSING and field.default_factory is MISSING}
    return fields, defaults


def _converter(type_: StrawberryType | type, context: InputContext) -> Convert:
    inner = _optional_of(type_)  # a Maybe (its value wrapped in Some) stays Strawberry's
    if _is_leaf(inner, context):
        return _as_given
    if isinstance(inner, StrawberryList) and _is_leaf(_optional_of(inner.of_type), context):
        return _copied
    return lambda value, ctx, key: ctx.convert(value, type_, key)


def _as_given(value: Any, _context: InputContext, _key: str) -> Any:
    return value


def _copied(value: Any, _context: InputContext, _key: str) -> Any:
    return value if value is None or value is UNSET else list(value)


def _optional_of(type_: StrawberryType | type) -> StrawberryType | type:
    if isinstance(type_, StrawberryOptional) and not isinstance(type_, StrawberryMaybe):
        return type_.of_type
    return type_


def _is_leaf(type_: StrawberryType | type, context: InputContext) -> bool:
    if isinstance(type_, LazyType):
        type_ = type_.resolve_type()
    if type_ is GlobalID:  # Strawberry decodes it
        return False
    return is_scalar(type_, context.scalar_registry) or isinstance(
        type_, StrawberryEnumDefinition)
