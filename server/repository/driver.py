"""Hot statements sent through the driver itself (psycopg, sqlite3), not SQLAlchemy's execution.

A read by primary key is one prepared SELECT, but SQLAlchemy's execution of it (the greenlet
hop, the compiled-cache lookup, the execution context and the result object) costs about
three times what psycopg's own execute-and-fetch does (bench/cpu.py measures the requests:
`flow_run_by_pk`, `rest_read_flow_run`). For the reads a frontend repeats most, the
statements of a create (the flow it runs, the INSERTs of the run and its first state) and
those of a state change (the conditional UPDATE and its history row), a statement built once
(an `sa.Select`, or an `sa.Insert` or `sa.Update` with bind parameters for its values) is
compiled once per dialect into its SQL text, bind processors and result processors, taken
from SQLAlchemy's own types, and run on the pooled connection's psycopg connection with
`prepare=True`, or its sqlite3 connection, inside whatever transaction SQLAlchemy began on
it. Rows are tuples with one attribute per selected (or returned) column and a `_mapping`,
as SQLAlchemy's rows are.

What stays SQLAlchemy's: the pool (the connection is checked out and handed back as for any
read), the types' conversions, and the errors: a driver error is raised as the
`sqlalchemy.exc.DBAPIError` SQLAlchemy would have raised (so database/errors.py translates
it), and a lost connection is invalidated first, as SQLAlchemy does, so the pool does not
hand it out again. On SQLite the statement runs on the pooled connection's sqlite3
connection the same way, inline as the engine runs it. A connection SQLAlchemy has already
invalidated, or one whose statements something listens for (`before_cursor_execute`: tracing,
tests that read back the SQL), takes SQLAlchemy's path. `before_execute` listeners (on SQLite
the commit's signal collects the tables a write touched there, events/sqlite.py) are called
with the statement as SQLAlchemy calls them; what one returns is not used."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from ..database.listening import statements_listened
from .common import Conn

Processor = Callable[[Any], Any]
_REQUIRED = object()  # a parameter the caller must give (a bindparam without a value)


@dataclass(frozen=True, slots=True)
class Compiled:
    sql: str
    # name, bind processor, whether it gives None for None, the value it was built with
    binds: tuple[tuple[str, Processor | None, bool, Any], ...]
    make_row: Callable[[tuple[Any, ...]], Any]
    returns_rows: bool


class DriverStatement:
    """A statement whose compiled form is kept per dialect (build one per statement, once):
    a SELECT, or an INSERT or UPDATE (with RETURNING for its rows). Give it a statement of
    its own, not one other statements are built on: compiling memoizes its columns on it,
    and a generative copy made after that (`.returning()`) carries them, stale."""

    __slots__ = ("_compiled", "statement")

    def __init__(self, statement: sa.Select[Any] | sa.Insert | sa.Update) -> None:
        self.statement = statement
        self._compiled: dict[str, Compiled] = {}

    def compiled(self, dialect: Dialect) -> Compiled:
        found = self._compiled.get(dialect.name)
        if found is None:
            found = self._compiled[dialect.name] = _compile(self.statement, dialect)
        return found


async def first(conn: Conn, statement: DriverStatement, params: dict[str, Any]) -> Any | None:
    """The statement's first row, or None."""
    rows = await _fetch(conn, statement, params, many=False)
    return rows[0] if rows else None


async def all_rows(conn: Conn, statement: DriverStatement, params: dict[str, Any]) -> list[Any]:
    """Every row the statement returns."""
    return await _fetch(conn, statement, params, many=True)


async def execute(conn: Conn, statement: DriverStatement, params: dict[str, Any]) -> None:
    """Run a statement that returns no rows (an INSERT without RETURNING)."""
    await _fetch(conn, statement, params, many=True)


async def _fetch(conn: Conn, statement: DriverStatement, params: dict[str, Any], *,
                 many: bool) -> list[Any]:
    sync = conn.sync_connection
    if sync is None or sync.invalidated or statements_listened(sync):
        result = await conn.execute(statement.statement, params)
        if not result.returns_rows:
            return []
        if many:
            return list(result.all())
        row = result.first()
        return [] if row is None else [row]
    for listener in sync.dispatch.before_execute:  # e.g. events/sqlite.py: what a write touched
        listener(sync, statement.statement, [], params, {})
    compiled = statement.compiled(conn.dialect)
    values = _values(compiled, params)
    driver: Any = sync.connection.driver_connection
    if conn.dialect.name == "sqlite":
        # sqlite3 answers at once (the engine already runs it inline, sqlite_inline.py)
        dbapi = conn.dialect.loaded_dbapi  # sqlite3, imported only where SQLite is served
        try:
            # every row, always: a write's statement left unfinished would hold its COMMIT
            records = driver.execute(compiled.sql, values).fetchall()
        except dbapi.Error as exc:
            raise sa.exc.DBAPIError.instance(compiled.sql, values, exc, dbapi.Error,
                                             dialect=conn.dialect) from exc
    else:
        bound = dict(zip((bind[0] for bind in compiled.binds), values, strict=True))
        try:
            cursor = await driver.execute(compiled.sql, bound, prepare=True)
            if not compiled.returns_rows:  # an INSERT without RETURNING
                records = []
            else:
                records = await (cursor.fetchall() if many else cursor.fetchmany(1))
        except Exception as exc:  # psycopg is imported only where PostgreSQL is served
            error = await _as_sqlalchemy_error(conn, driver, compiled.sql, bound, exc)
            if error is exc:  # not the driver's: as it was raised
                raise
            raise error from exc
    return [compiled.make_row(record) for record in records]


def _values(compiled: Compiled, params: dict[str, Any]) -> list[Any]:
    """The parameters' values for the driver, in the statement's order: the caller's, or the
    one the statement was built with (a LIMIT); through the type's bind processor as SQLAlchemy
    would send them. A None is sent as it is where the processor would give None for it: a
    create binds 50 values, many of them None, and these calls were a sixth of its CPU."""
    values = []
    for name, process, none_is_none, built in compiled.binds:
        value = params.get(name, built)
        if value is _REQUIRED:
            raise KeyError(f"no value for the statement's parameter {name!r}")
        values.append(value if process is None or (value is None and none_is_none)
                      else process(value))
    return values


async def _as_sqlalchemy_error(conn: Conn, driver: Any, sql: str, params: dict[str, Any],
                               exc: Exception) -> Exception:
    import psycopg

    if not isinstance(exc, psycopg.Error):
        return exc
    lost = bool(driver.closed or driver.broken)
    if lost:  # as SQLAlchemy does on a disconnect: the pool must not hand it out again
        await conn.invalidate(exc)
    return sa.exc.DBAPIError.instance(sql, params, exc, psycopg.Error,
                                      connection_invalidated=lost, dialect=conn.dialect)


def _compile(statement: sa.Select[Any] | sa.Insert | sa.Update, dialect: Dialect
             ) -> Compiled:
    compiled = statement.compile(dialect=dialect)
    # in the order a positional paramstyle (SQLite's "?") sends them
    names = compiled.positiontup if compiled.positional else list(compiled.binds)
    binds = tuple((name, *_processor(compiled.binds[name].type, dialect),
                   _REQUIRED if compiled.binds[name].required else compiled.binds[name].value)
                  for name in names or ())
    columns = list(statement.exported_columns)  # the selected, or the returned, columns
    processors = [column.type.dialect_impl(dialect).result_processor(dialect, None)
                  for column in columns]
    row_type = _row_type(tuple(str(column.key) for column in columns))
    if not any(processors):
        return Compiled(compiled.string, binds, row_type._make, bool(columns))

    def make_row(record: tuple[Any, ...]) -> Any:
        return row_type._make([value if process is None or value is None else process(value)
                               for process, value in zip(processors, record, strict=True)])
    return Compiled(compiled.string, binds, make_row, bool(columns))


def _processor(type_: Any, dialect: Dialect) -> tuple[Processor | None, bool]:
    """The type's bind processor, and whether it gives None for None (then _values skips the
    call; sa.JSON without none_as_null, say, writes 'null' instead)."""
    process = type_.dialect_impl(dialect).bind_processor(dialect)
    return process, process is None or process(None) is None


def _row_type(names: tuple[str, ...]) -> Any:
    base = namedtuple("DriverRow", names)  # type: ignore[misc]  # (names known at run time)
    return type("DriverRow", (base,), {"__slots__": (), "_mapping": property(_as_mapping)})


def _as_mapping(row: Any) -> dict[str, Any]:
    return dict(zip(row._fields, row, strict=True))
