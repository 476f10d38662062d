"""Column types that behave the same on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pendulum
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Dialect


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored in UTC that refuses naive datetimes and reads back as pendulum UTC.

    PostgreSQL stores TIMESTAMPTZ; SQLite stores a fixed-width text that sorts in time order."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"refusing to store a naive datetime: {value!r}")
        utc = pendulum.instance(value).in_timezone("UTC")
        if dialect.name == "sqlite":
            return datetime(
                utc.year, utc.month, utc.day, utc.hour, utc.minute, utc.second, utc.microsecond
            )
        return utc

    def process_result_value(self, value: Any, dialect: Dialect) -> pendulum.DateTime | None:
        if value is None:
            return None
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if value.tzinfo is None:
            return pendulum.instance(value, tz="UTC")
        return pendulum.instance(value).in_timezone("UTC")


# JSON everywhere; JSONB on PostgreSQL so labels can use containment (@>) and GIN indexes.
JSONType = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
