"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

import importlib
from datetime import UTC, datetime
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored in UTC that refuses naive datetimes and reads back aware, in UTC.

    PostgreSQL stores TIMESTAMPTZ (sessions run in UTC); SQLite stores a fixed-width text that
    sorts in time order. Values come back as plain `datetime` objects in UTC: converting
    every row's timestamps to pendulum cost a sixth of a read's CPU, and the doors format
    them as ISO 8601 anyway."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        utc = plain_utc(_aware(value))
        if dialect.name == "sqlite":
            return utc.replace(tzinfo=None)
        return utc

    def bind_processor(self, dialect: Dialect) -> Any:
        """On SQLite one function where TypeDecorator chains two: process_bind_param, then
        SQLite's DATETIME text format ("%Y-%m-%d %H:%M:%S.%f", which isoformat with a space
        and microseconds writes the same), a tenth of a create's bind work. Elsewhere as
        TypeDecorator does."""
        storage_format = getattr(self.impl_instance.dialect_impl(dialect), "_storage_format", None)
        if dialect.name != "sqlite" or storage_format != _SQLITE_FORMAT:
            return super().bind_processor(dialect)  # (a format SQLAlchemy changed: its way)

        def process(value: datetime | None) -> str | None:
            if value is None:
                return None
            return plain_utc(_aware(value)).replace(tzinfo=None).isoformat(" ", "microseconds")
        return process

    def result_processor(self, dialect: Dialect, coltype: Any) -> Any:
        """On SQLite process_result_value alone (it reads the text itself), without SQLite's
        DATETIME parser before it."""
        if dialect.name != "sqlite":
            return super().result_processor(dialect, coltype)

        def process(value: Any) -> datetime | None:
            return self.process_result_value(value, dialect)
        return process

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        if value.tzinfo is UTC:
            return value  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"refusing to store a naive datetime: {value!r}")
    return value


_SQLITE_FORMAT = ("%(year)04d-%(month)02d-%(day)02d %(hour)02d:%(minute)02d:%(second)02d"
                  ".%(microsecond)06d")


def plain_utc(value: datetime) -> datetime:
    """A stdlib datetime in UTC. Drivers do arithmetic on bound values (psycopg subtracts an
    epoch); on a pendulum DateTime that arithmetic builds an Interval and costs ~100x more."""
    if type(value) is datetime and value.tzinfo is UTC:
        return value  # already one (a repository converts its `now` once)
    offset = value.utcoffset()
    plain = datetime(
        value.year, value.month, value.day, value.hour, value.minute, value.second,
        value.microsecond, tzinfo=UTC,
    )
    return plain - offset if offset else plain


def dialect_module(name: str) -> ModuleType:
    """SQLAlchemy's dialect package for `name` ("postgresql" or "sqlite"), imported when first
    asked for: a SQLite server never loads PostgreSQL's (about 2 MiB of memory and 70 ms of
    start-up, bench/startup.py)."""
    return importlib.import_module(f"sqlalchemy.dialects.{name}")


def jsonb() -> sa.types.TypeEngine[Any]:
    """PostgreSQL's JSONB, for casts in statements built for PostgreSQL only."""
    jsonb_type: sa.types.TypeEngine[Any] = dialect_module("postgresql").JSONB()
    return jsonb_type


class JSONColumn(sa.TypeDecorator[Any]):
    """JSON everywhere; JSONB on PostgreSQL for containment (@>) and key tests (?), which GIN
    indexes serve on flow_run.labels and flow_run.parameters (migration 0007). Python None is
    stored as SQL NULL (not JSON 'null'), so `_is_null` means what it says.

    A decorator rather than `JSON().with_variant(JSONB(), ...)`, which needs PostgreSQL's
    dialect imported to build the column types."""

    impl = sa.JSON
    cache_ok = True
    hashable = False  # as sa.JSON: values are dicts and lists

    def __init__(self) -> None:
        super().__init__(none_as_null=True)

    def load_dialect_impl(self, dialect: Dialect) -> sa.types.TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(dialect_module("postgresql").JSONB(none_as_null=True))
        return dialect.type_descriptor(sa.JSON(none_as_null=True))


JSONType = JSONColumn()
