"""Generic reads for the Hasura-style API: list, count, and rows of a relation for many
parents at once (for dataloaders, so a list of runs costs one query per relation)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import sqlalchemy as sa

from ..domain.errors import InvalidInput
from . import driver
from .common import Conn, Row
from .driver import DriverStatement
from .entities import ENTITIES, Entity
from .filters import compile_order_by, compile_where

MAX_LIMIT = 10_000



async def select_rows(
    conn: Conn,
    entity: Entity,
    *,
    where: dict[str, Any] | None = None,
    order_by: Sequence[dict[str, Any]] | None = None,
    limit: int | None = None,
    offset: int | None = None,
    columns: Sequence[str] | None = None,
) -> Sequence[Row]:
    _check_window(limit, offset)
    table = entity.table
    selected = [table.c[c] for c in columns] if columns else [table]
    stmt = sa.select(*selected).where(compile_where(entity, where, conn.dialect.name))
    stmt = stmt.order_by(*compile_order_by(entity, order_by), table.c[entity.key])
    stmt = stmt.limit(min(limit, MAX_LIMIT) if limit is not None else MAX_LIMIT)
    if offset:
        stmt = stmt.offset(offset)
    return (await conn.execute(stmt)).all()


async def by_id(
    conn: Conn, entity: Entity, key: Any, columns: tuple[str, ...] | None = None
) -> Row | None:
    """One row by primary key (only `columns`, when given), through a statement built once
    per entity and column set."""
    row: Row | None = await driver.first(conn, _by_id_statement(entity.name, columns),
                                               {"key": key})
    return row


@lru_cache(maxsize=1024)
def _by_id_statement(name: str, columns: tuple[str, ...] | None) -> DriverStatement:
    table = ENTITIES[name].table
    selected = [table.c[c] for c in columns] if columns else [table]
    return DriverStatement(
        sa.select(*selected).where(table.c[ENTITIES[name].key] == sa.bindparam("key")))


async def count_rows(conn: Conn, entity: Entity, *, where: dict[str, Any] | None = None) -> int:
    stmt = sa.select(sa.func.count()).select_from(entity.table).where(
        compile_where(entity, where, conn.dialect.name)
    )
    return int((await conn.execute(stmt)).scalar() or 0)


async def by_keys(conn: Conn, entity: Entity, column: str, keys: Sequence[Any]) -> dict[Any, Row]:
    """Rows whose `column` is one of `keys`, by that column's value (many-to-one relations)."""
    stmt = sa.select(entity.table).where(entity.table.c[column].in_(keys))
    rows = (await conn.execute(stmt)).all()
    return {getattr(row, column): row for row in rows}


async def children(
    conn: Conn,
    entity: Entity,
    column: str,
    keys: Sequence[Any],
    *,
    where: dict[str, Any] | None = None,
    order_by: Sequence[dict[str, Any]] | None = None,
    limit: int | None = None,
    offset: int | None = None,
) -> dict[Any, list[Row]]:
    """Rows of a one-to-many relation for many parents at once; limit/offset apply per parent
    through a window function, so one query serves the whole batch."""
    _check_window(limit, offset)
    table = entity.table
    ordering = [*compile_order_by(entity, order_by), table.c[entity.key]]
    condition = sa.and_(
        table.c[column].in_(keys), compile_where(entity, where, conn.dialect.name)
    )
    if limit is None and not offset:
        stmt = sa.select(table).where(condition).order_by(*ordering)
        rows = (await conn.execute(stmt)).all()
    else:
        rank = sa.func.row_number().over(partition_by=table.c[column], order_by=ordering)
        inner = sa.select(table, rank.label("_rank")).where(condition).subquery()
        low = offset or 0
        bounds = [inner.c._rank > low]
        if limit is not None:
            bounds.append(inner.c._rank <= low + limit)
        stmt = sa.select(*(inner.c[c.name] for c in table.columns)).where(*bounds).order_by(
            inner.c._rank
        )
        rows = (await conn.execute(stmt)).all()
    grouped: dict[Any, list[Row]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, column)].append(row)
    return grouped


def _check_window(limit: int | None, offset: int | None) -> None:
    if limit is not None and limit < 0:
        raise InvalidInput(f"limit must be 0 or more, not {limit}", field="limit")
    if offset is not None and offset < 0:
        raise InvalidInput(f"offset must be 0 or more, not {offset}", field="offset")


def entity(name: str) -> Entity:
    return ENTITIES[name]
