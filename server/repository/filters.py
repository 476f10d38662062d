"""Compile Hasura-style `where` and `order_by` (plain dicts) into SQLAlchemy, for SQLite and
PostgreSQL alike.

where:    {"_and": [...], "_or": [...], "_not": {...}, column: {op: value}, relation: {...}}
ops:      _eq _neq _gt _gte _lt _lte _in _nin _is_null, strings: _like _nlike _ilike _nilike,
          json: _contains _has_key _is_null
order_by: [{column: "asc" | "desc" | "asc_nulls_first" | ...,  relation: {...}}]

An empty object means "no condition", as in Hasura. Relations filter through EXISTS."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import orjson
import sqlalchemy as sa

from ..database.types import jsonb
from ..domain.errors import InvalidInput
from ..domain.times import parse_time
from .entities import (
    BOOLEAN,
    ENTITIES,
    FLOAT,
    INT,
    JSON,
    STRING,
    TIMESTAMP,
    UUID,
    ColumnKind,
    Entity,
)

Clause = sa.ColumnElement[bool]
_COMPARISONS = {"_eq": "__eq__", "_neq": "__ne__", "_gt": "__gt__", "_gte": "__ge__",
                "_lt": "__lt__", "_lte": "__le__"}


def compile_where(entity: Entity, where: dict[str, Any] | None, dialect: str) -> Clause:
    return _Compiler(dialect).where(entity, where or {})


def compile_order_by(
    entity: Entity, order_by: Sequence[dict[str, Any]] | None
) -> list[sa.ColumnElement[Any]]:
    clauses: list[sa.ColumnElement[Any]] = []
    for item in order_by or []:
        clauses.extend(_order_item(entity, entity.table, item))
    return clauses


class _Compiler:
    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

    def where(self, entity: Entity, where: dict[str, Any], table: Any = None) -> Clause:
        table = entity.table if table is None else table
        clauses: list[Clause] = []
        for key, value in where.items():
            if value is None:
                continue
            if key == "_and":
                clauses.append(sa.and_(sa.true(), *(self.where(entity, w, table) for w in value)))
            elif key == "_or":
                clauses.append(sa.or_(sa.false(), *(self.where(entity, w, table) for w in value))
                               if value else sa.true())
            elif key == "_not":
                clauses.append(sa.not_(self.where(entity, value, table)))
            elif key in entity.relations:
                clauses.append(self.relation(entity, key, value, table))
            elif key in entity.columns:
                clauses.extend(self.column(table.c[key], entity.columns[key], key, value))
            else:
                raise InvalidInput(f"{entity.name} has no field {key!r} to filter on")
        return sa.and_(sa.true(), *clauses)

    def relation(self, entity: Entity, name: str, where: dict[str, Any], table: Any) -> Clause:
        rel = entity.relations[name]
        target = ENTITIES[rel.target]
        alias = target.table.alias()
        condition = alias.c[rel.remote] == table.c[rel.local]
        inner = self.where(target, where, alias)
        return sa.exists(sa.select(sa.literal(1)).select_from(alias).where(condition, inner))

    def column(
        self, column: Any, kind: ColumnKind, name: str, ops: dict[str, Any]
    ) -> list[Clause]:
        out: list[Clause] = []
        for op, value in ops.items():
            if op == "_is_null":
                if value is not None:
                    out.append(column.is_(None) if value else column.is_not(None))
            elif value is None:
                continue
            elif kind == JSON:
                out.append(self.json_op(column, name, op, value))
            elif op in _COMPARISONS:
                out.append(getattr(column, _COMPARISONS[op])(_value(kind, name, value)))
            elif op in ("_in", "_nin"):
                values = [_value(kind, name, v) for v in value]
                out.append(column.in_(values) if op == "_in" else column.not_in(values))
            elif op in ("_like", "_nlike", "_ilike", "_nilike") and kind == STRING:
                out.append(_like(column, op, value))
            else:
                raise InvalidInput(f"{name} does not support {op}")
        return out

    def json_op(self, column: Any, name: str, op: str, value: Any) -> Clause:
        if op == "_contains":
            return json_contains(column, value, self.dialect)
        if op == "_has_key":
            if self.dialect == "postgresql":
                has_key: Clause = column.op("?", is_comparison=True)(sa.literal(str(value)))
                return has_key
            each = sa.func.json_each(column).table_valued("key")
            return sa.exists(
                sa.select(sa.literal(1)).select_from(each).where(each.c.key == str(value))
            )
        raise InvalidInput(f"{name} is JSON and supports _contains, _has_key and _is_null")


def json_contains(column: Any, value: Any, dialect: str) -> Clause:
    """The JSON column contains `value` (PostgreSQL's @>, its equivalent on SQLite)."""
    if dialect == "postgresql":
        # is_comparison: the result is a boolean (so _not can negate it), not JSON.
        contains: Clause = column.op("@>", is_comparison=True)(
            sa.cast(sa.literal(value, sa.JSON()), jsonb())
        )
        return contains
    return _sqlite_contains(column, value)


def _sqlite_contains(column: Any, value: Any) -> Clause:
    """Containment for what labels and parameters need: every element of a list, or every
    key of an object (compared as JSON), is present."""
    if isinstance(value, list):
        each = sa.func.json_each(column).table_valued("value")
        return sa.and_(sa.true(), *(
            sa.exists(sa.select(sa.literal(1)).select_from(each).where(each.c.value == v))
            for v in value
        ))
    if isinstance(value, dict):
        # Keys are matched through json_each, never spliced into a JSON path.
        return sa.and_(sa.true(), *(_sqlite_has_pair(column, k, v) for k, v in value.items()))
    raise InvalidInput("_contains takes a JSON object or array")


def _sqlite_has_pair(column: Any, key: str, value: Any) -> Clause:
    each = sa.func.json_each(column).table_valued("key", "value", "type")
    if isinstance(value, dict | list):
        matches = sa.func.json(each.c.value) == sa.func.json(orjson.dumps(value).decode())
    elif value is None:
        matches = each.c.type == "null"
    elif isinstance(value, bool):
        matches = each.c.type == ("true" if value else "false")
    else:
        matches = sa.and_(each.c.value == value, each.c.type.not_in(["object", "array"]))
    return sa.exists(
        sa.select(sa.literal(1)).select_from(each).where(each.c.key == str(key), matches)
    )


def _like(column: Any, op: str, value: Any) -> Clause:
    if op in ("_ilike", "_nilike"):
        clause = sa.func.lower(column).like(str(value).lower())
    else:
        clause = column.like(str(value))
    return sa.not_(clause) if op.startswith("_n") else clause


def _value(kind: ColumnKind, name: str, value: Any) -> Any:
    try:
        if kind == UUID:
            return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
        if kind == TIMESTAMP:
            return parse_time(value, name)
        if kind == INT:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError
            return value
        if kind == FLOAT:
            return float(value)
        if kind == BOOLEAN:
            if not isinstance(value, bool):
                raise ValueError
            # A bound literal: SQLAlchemy refuses `column > True` with a Python constant.
            return sa.literal(value, sa.Boolean())
    except (ValueError, TypeError):
        raise InvalidInput(f"{name}: {value!r} is not a valid {kind}") from None
    return value


_DIRECTIONS = {
    "asc": lambda c: c.asc(),
    "desc": lambda c: c.desc(),
    "asc_nulls_first": lambda c: c.asc().nulls_first(),
    "asc_nulls_last": lambda c: c.asc().nulls_last(),
    "desc_nulls_first": lambda c: c.desc().nulls_first(),
    "desc_nulls_last": lambda c: c.desc().nulls_last(),
}


def _order_item(entity: Entity, table: Any, item: dict[str, Any]) -> list[sa.ColumnElement[Any]]:
    return [_DIRECTIONS[direction](expression)
            for expression, direction in _order_terms(entity, table, item)]


def _order_terms(entity: Entity, table: Any, item: dict[str, Any]) -> list[tuple[Any, str]]:
    """(expression, direction) pairs; a many-to-one relation's terms, to any depth, become
    correlated scalar subqueries."""
    terms: list[tuple[Any, str]] = []
    for key, direction in item.items():
        if direction is None:
            continue
        if key in entity.relations and not entity.relations[key].many:
            rel = entity.relations[key]
            target = ENTITIES[rel.target]
            alias = target.table.alias()
            for expression, sub_direction in _order_terms(target, alias, direction):
                scalar = (sa.select(expression).select_from(alias)
                          .where(alias.c[rel.remote] == table.c[rel.local]).scalar_subquery())
                terms.append((scalar, sub_direction))
        elif key in entity.columns:
            terms.append((table.c[key], direction_name(direction)))
        else:
            raise InvalidInput(f"{entity.name} cannot be ordered by {key!r}")
    return terms


def direction_name(direction: Any) -> str:
    return str(getattr(direction, "value", direction))
