"""Resolvers for the generated read API: lists, by-pk, counts and relations, each through the
read service (services/reads.py)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, Literal

import orjson
import strawberry

from ..repository.entities import ENTITIES, Entity, Relation
from ..services import reads
from .inputs import plain
from .selection import selected_columns

Resolver = Callable[..., Any]
ReadKind = Literal["list", "by_pk"]
# The generated list and by-pk resolvers, each with its entity: documents that only read
# columns through one of them can be answered by a compiled plan (plans.py).
READ_KIND: dict[Callable[..., Any], tuple[ReadKind, Entity]] = {}


def list_resolver(entity: Entity) -> Resolver:
    async def resolve(
        info: strawberry.Info, where: Any = None, order_by: Any = None,
        limit: int | None = None, offset: int | None = None,
    ) -> Any:
        info.context.limits.page(limit)
        async with info.context.db.read() as conn:
            return await reads.rows(
                conn, entity, where=plain(where), order_by=plain(order_by),
                limit=limit, offset=offset, columns=selected_columns(info, entity),
            )

    READ_KIND[resolve] = ("list", entity)
    return resolve


def by_pk_resolver(entity: Entity) -> Resolver:
    async def resolve(info: strawberry.Info, id: uuid.UUID) -> Any:
        async with info.context.db.read() as conn:
            return await reads.row_by_id(conn, entity, id, selected_columns(info, entity))

    READ_KIND[resolve] = ("by_pk", entity)
    return resolve


def count_resolver(entity: Entity) -> Resolver:
    async def resolve(info: strawberry.Info, where: Any = None) -> Any:
        async with info.context.db.read() as conn:
            count = await reads.count(conn, entity, where=plain(where))
        return SimpleNamespace(aggregate=SimpleNamespace(count=count))

    return resolve


def one_relation_resolver(rel: Relation) -> Resolver:
    target = ENTITIES[rel.target]

    async def resolve(root: Any, info: strawberry.Info) -> Any:
        value = getattr(root, rel.local)
        if value is None:
            return None

        async def load(keys: list[Any]) -> list[Any]:
            async with info.context.db.read() as conn:
                found = await reads.rows_by_keys(conn, target, rel.remote, keys)
            return [found.get(k) for k in keys]

        return await info.context.loader(("one", rel.target, rel.remote), load).load(value)

    return resolve


def many_relation_resolver(rel: Relation) -> Resolver:
    target = ENTITIES[rel.target]

    async def resolve(
        root: Any, info: strawberry.Info, where: Any = None, order_by: Any = None,
        limit: int | None = None, offset: int | None = None,
    ) -> Any:
        info.context.limits.page(limit)
        args = {"where": plain(where), "order_by": plain(order_by),
                "limit": limit, "offset": offset}

        async def load(keys: list[Any]) -> list[Any]:
            async with info.context.db.read() as conn:
                found = await reads.children(conn, target, rel.remote, keys, **args)
            return [found.get(k, []) for k in keys]

        key = ("many", rel.target, rel.remote, orjson.dumps(args, default=str))
        return await info.context.loader(key, load).load(getattr(root, rel.local))

    return resolve


async def load_by_id(info: strawberry.Info, entity_name: str, key: Any) -> Any:
    """Load one row by id through the request's batching loader (for mutation payloads)."""
    target = ENTITIES[entity_name]

    async def load(keys: list[Any]) -> list[Any]:
        async with info.context.db.read() as conn:
            found = await reads.rows_by_keys(conn, target, "id", keys)
        return [found.get(k) for k in keys]

    return await info.context.loader(("one", entity_name, "id"), load).load(key)
