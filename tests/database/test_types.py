"""The column types on SQLite and PostgreSQL: UTC timestamps that refuse naive datetimes and
read back timezone-aware in UTC."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pendulum
import pytest
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import StatementError

from server.database.engine import Database
from server.database.models import loop_lease, tenant
from server.database.types import UTCDateTime

EST = timezone(timedelta(hours=-5))


async def insert_lease(db: Database, name: str, expires_at: Any) -> None:
    async with db.transaction() as conn:
        await conn.execute(loop_lease.insert().values(name=name, holder="h",
                                                      expires_at=expires_at))


async def leases(db: Database, *where: Any) -> list[Any]:
    async with db.read() as conn:
        return list((await conn.execute(
            sa.select(loop_lease).where(*where).order_by(loop_lease.c.expires_at)
        )).all())


@pytest.mark.parametrize("dialect", [sqlite.dialect(), postgresql.dialect()],  # type: ignore[no-untyped-call]
                         ids=["sqlite", "postgresql"])
def test_the_utc_type_refuses_a_naive_datetime(dialect: Any) -> None:
    with pytest.raises(ValueError, match="naive"):
        UTCDateTime().process_bind_param(datetime(2030, 1, 1, 12), dialect)


async def test_storing_a_naive_datetime_fails_and_stores_nothing(db: Database) -> None:
    with pytest.raises(StatementError) as caught:
        await insert_lease(db, "naive", datetime(2030, 1, 1, 12))
    assert isinstance(caught.value.orig, ValueError)
    assert await leases(db) == []


@pytest.mark.parametrize("value", [
    datetime(2030, 1, 1, 12, 0, 0, 123456, tzinfo=UTC),
    datetime(2030, 1, 1, 7, 0, 0, 123456, tzinfo=EST),
    pendulum.datetime(2030, 1, 1, 13, 0, 0, 123456, tz="Europe/Paris"),
], ids=["utc", "offset", "pendulum zone"])
async def test_an_aware_datetime_reads_back_as_the_same_instant_in_utc(
    db: Database, value: datetime
) -> None:
    await insert_lease(db, "aware", value)
    [row] = await leases(db)
    assert isinstance(row.expires_at, datetime)
    assert row.expires_at == value
    assert row.expires_at.utcoffset() == timedelta(0)
    assert (row.expires_at.hour, row.expires_at.microsecond) == (12, 123456)


async def test_times_in_different_zones_sort_and_compare_by_instant(db: Database) -> None:
    await insert_lease(db, "later", datetime(2030, 1, 1, 10, 0, tzinfo=EST))  # 15:00 UTC
    await insert_lease(db, "earlier", datetime(2030, 1, 1, 12, 0, tzinfo=UTC))
    await insert_lease(db, "latest", datetime(2030, 1, 2, 0, 30, tzinfo=timezone(
        timedelta(hours=9))))  # 2030-01-01 15:30 UTC
    assert [r.name for r in await leases(db)] == ["earlier", "later", "latest"]
    after_noon = await leases(db, loop_lease.c.expires_at > datetime(2030, 1, 1, 8, 0,
                                                                       tzinfo=EST))
    assert [r.name for r in after_noon] == ["later", "latest"]


async def test_timestamps_written_by_the_migration_are_aware_utc(db: Database) -> None:
    async with db.read() as conn:
        row = (await conn.execute(sa.select(tenant))).one()
    assert row.created.utcoffset() == timedelta(0)
    assert isinstance(row.created, datetime)


@pytest.mark.parametrize("value", [
    datetime(2026, 12, 4, 2, 22, 35, 54759, tzinfo=UTC),
    datetime(2026, 1, 1, tzinfo=UTC),  # no microseconds: still written with six digits
    datetime(999, 1, 2, 3, 4, 5, tzinfo=EST),  # a year below 1000, another zone
    pendulum.datetime(2026, 3, 29, 1, 30, tz="Europe/Paris"),
    None,
])
def test_sqlite_text_is_what_sqlalchemys_datetime_writes_and_reads(value: Any) -> None:
    """UTCDateTime formats and parses SQLite's text in one function each (driver statements
    bind many); what it writes and reads must be what TypeDecorator's chain of
    process_bind_param and SQLite's DATETIME type gives, or old and new rows would sort apart."""
    dialect = sqlite.dialect()
    column = UTCDateTime()
    ours = column.dialect_impl(dialect).bind_processor(dialect)
    theirs = sa.DateTime(timezone=True).dialect_impl(dialect).bind_processor(dialect)
    reads = column.dialect_impl(dialect).result_processor(dialect, None)
    parse = sa.DateTime().dialect_impl(dialect).result_processor(dialect, None)
    assert ours and theirs and reads and parse
    written = ours(value)
    assert written == theirs(None if value is None else column.process_bind_param(value, dialect))
    read = reads(written)
    assert read == column.process_result_value(parse(written), dialect)
    if value is not None:
        assert read == value and read.tzinfo is UTC and type(read) is datetime
