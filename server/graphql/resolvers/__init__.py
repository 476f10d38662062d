"""Mutation resolvers: parse the input, call one service in one write transaction, render.

The resolver modules have no `from __future__ import annotations`: their annotations are
objects when defined, which Strawberry takes as they are; strings it would parse and evaluate
one by one, at every start (a fifth of what importing these modules costs)."""

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, dataclass_transform

import strawberry
from sqlalchemy.ext.asyncio import AsyncConnection

from ...domain.access import Actor
from .. import input_plans

T = TypeVar("T")
C = TypeVar("C", bound=type)


@dataclass_transform()
def snake_input(cls: C) -> C:
    """@strawberry.input keeping the class name as written (Prefect's snake_case names),
    built from its GraphQL value by a plan made once (graphql/input_plans.py)."""
    made = strawberry.input(name=cls.__name__)(cls)
    made.__strawberry_definition__.from_input = input_plans.build  # type: ignore[attr-defined]
    return made


@dataclass_transform()
def snake_type(cls: C) -> C:
    """@strawberry.type keeping the class name as written."""
    return strawberry.type(name=cls.__name__)(cls)


def actor(info: strawberry.Info) -> Actor:
    """Who is asking, as the audit columns record it."""
    return info.context.principal.created_by()  # type: ignore[no-any-return]


async def in_transaction(
    info: strawberry.Info, action: Callable[[AsyncConnection], Awaitable[T]], *,
    one_statement: bool = False,
) -> T:
    """Run `action` in a write transaction that commits when it returns (`one_statement`: see
    Database.transaction; only for a service that promises it)."""
    async with info.context.db.transaction(write=True, one_statement=one_statement) as conn:
        return await action(conn)


@snake_type
class success_payload:
    success: bool
    error: str | None = None


def done(_: Any = None) -> success_payload:
    return success_payload(success=True)
