"""Reads by primary key and a create's statements go through the driver itself
(repository/driver.py): the same rows, the same types and the same errors as SQLAlchemy's
execution, and a connection lost under such a read is thrown away, not handed out again."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import nullcontext
from datetime import datetime, timedelta, timezone
from typing import Any

import pendulum
import psycopg
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state
from server.domain.errors import InvalidInput, NotFound, ServiceUnavailable
from server.domain.records import FlowRunRecord
from server.domain.states import StateType, server_state, typed_state
from server.repository import flow_runs, queries
from server.repository.entities import ENTITIES
from server.repository.flow_runs import NewFlowRun
from tests.database.test_round_trips import watching
from tests.factories import make_flow, make_run, set_run_state


def _same(driver_row: Any, sqlalchemy_row: Any) -> None:
    assert driver_row._mapping == dict(sqlalchemy_row._mapping)
    for name, value in dict(sqlalchemy_row._mapping).items():
        assert type(getattr(driver_row, name)) is type(value), name


async def test_a_read_by_id_answers_as_sqlalchemy_does_column_for_column(db: Database) -> None:
    flow_id = await make_flow(db, parameters=[{"name": "x", "default": 1}])
    run_id = await make_run(db, flow_id, parameters={"x": [1, {"y": None}]},
                            labels=["a", "b"], context={"k": "v"})
    await set_run_state(db, run_id, {"type": "Running", "message": "go"})
    entity = ENTITIES["flow_run"]
    statement = queries._by_id_statement("flow_run", None)
    async with db.read() as conn:
        row = await queries.by_id(conn, entity, run_id)
        reference = (await conn.execute(statement.statement, {"key": run_id})).first()
        assert row is not None and reference is not None
        _same(row, reference)
        assert row.labels == ["a", "b"] and row.parameters == {"x": [1, {"y": None}]}
        assert row.start_time.utcoffset().total_seconds() == 0  # aware, in UTC
        # a subset of columns, and a key that names no row
        assert await queries.by_id(conn, entity, run_id, ("id", "state")) == (run_id, "Running")
        assert await queries.by_id(conn, entity, uuid.uuid4()) is None
        view = await flow_runs.view(conn, run_id)
        assert view is not None and view.flow_version == 1 and view.deployment_version is None
    assert type(row).__name__ == "DriverRow" and not isinstance(row, sa.Row)


async def test_a_value_the_database_refuses_is_invalid_input(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("SQLite stores a uuid as text and checks none")
    with pytest.raises(InvalidInput, match="invalid input syntax for type uuid"):
        async with db.read() as conn:
            await queries.by_id(conn, ENTITIES["flow_run"], "not-a-uuid")


async def test_a_connection_lost_under_a_read_gives_a_503_and_is_not_handed_out_again(
    db: Database,
) -> None:
    if db.is_sqlite:
        pytest.skip("a connection to a SQLite file is not lost")
    run_id = await make_run(db, await make_flow(db))
    one = Database(str(db.url), pool_size=1, timeout=10)  # every read gets the same connection
    entity = ENTITIES["flow_run"]
    try:
        async with one.read() as conn:
            backend = (await conn.execute(sa.text("SELECT pg_backend_pid()"))).scalar()
        with psycopg.connect(db.url.set(drivername="postgresql").render_as_string(
                hide_password=False), autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        with pytest.raises(ServiceUnavailable):
            async with one.read() as conn:
                await queries.by_id(conn, entity, run_id)
        async with one.read() as conn:  # a new connection, not the dead one
            row = await queries.by_id(conn, entity, run_id, ("id",))
            assert row == (run_id,)
            assert (await conn.execute(sa.text("SELECT pg_backend_pid()"))).scalar() != backend
    finally:
        await one.dispose()


async def test_a_read_while_another_connection_holds_sqlites_lock_still_answers(
    db: Database,
) -> None:
    if not db.is_sqlite:
        pytest.skip("SQLite's write lock")
    run_id = await make_run(db, await make_flow(db))
    holder = sqlite3.connect(db.url.database or "", isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # a writer elsewhere: WAL readers are not blocked
        changed = holder.execute("UPDATE flow_run SET name = 'held' WHERE id = ?",
                                 (run_id.hex,)).rowcount
        assert changed == 1
        async with db.read() as conn:
            row = await queries.by_id(conn, ENTITIES["flow_run"], run_id, ("id", "name"))
        assert row is not None and row.name != "held"  # the last commit's value
    finally:
        holder.execute("ROLLBACK")
        holder.close()


async def test_a_read_someone_traces_goes_through_sqlalchemy_so_the_tracer_sees_it(
    db: Database,
) -> None:
    run_id = await make_run(db, await make_flow(db))
    with watching(db) as sent:
        async with db.read() as conn:
            row = await queries.by_id(conn, ENTITIES["flow_run"], run_id, ("id",))
    assert row == (run_id,) and isinstance(row, sa.Row)
    assert [s for s in sent.statements if "FROM flow_run" in s]


async def _insert(db: Database, flow_id: uuid.UUID, now: pendulum.DateTime | None = None,
                  **fields: Any) -> Any:
    now = now or pendulum.now("UTC")
    run = NewFlowRun(flow_id=flow_id, name="driven", parameters={"x": [1, {"y": None}]},
                     context={"k": "v"}, labels=["a"], run_config={"type": "t"},
                     scheduled_start_time=now, idempotency_key=None, **fields)
    async with db.transaction(one_statement=True) as conn:
        return await flow_runs.insert(conn, flow_run_id=uuid.uuid4(), run=run, now=now,
                                      state=server_state("Scheduled", "go", now))


async def test_a_create_written_by_the_driver_is_the_row_sqlalchemy_writes(
    db: Database,
) -> None:
    """The run's INSERT (with its first state's, one statement on PostgreSQL) through the
    driver returns and stores what SQLAlchemy's execution of the same statements does."""
    flow_id = await make_flow(db)
    now = pendulum.now("UTC")
    driven = await _insert(db, flow_id, now)
    with watching(db) as sent:
        reference = await _insert(db, flow_id, now)
    # the reference took SQLAlchemy's path
    assert [s for s in sent.statements if "INSERT INTO flow_run" in s]
    skip = {"id", "state_id"}
    for name in FlowRunRecord.__dataclass_fields__:
        ours, theirs = getattr(driven, name), getattr(reference, name)
        assert type(ours) is type(theirs), name
        if name not in skip:
            assert ours == theirs, name
    async with db.read() as conn:
        stored = await flow_runs.get(conn, driven.id)
        history = (await conn.execute(sa.select(flow_run_state).where(
            flow_run_state.c.flow_run_id == driven.id))).all()
    assert stored == driven
    assert [(h.id, h.version, h.state, h.message) for h in history] == [
        (driven.state_id, 1, "Scheduled", "go")]


async def test_the_run_a_create_returns_is_the_run_a_read_gives_back(db: Database) -> None:
    """The run a create returns is built from the row it sent, not RETURNING'd
    (repository/flow_runs.py `_as_read`): it must be what a read of the row gives, value for
    value and type for type (JSONB's key order aside), for inputs that a round trip changes:
    a start time in another zone, a pendulum instant, JSON with floats, big integers,
    unicode, nulls, and values that JSON writes as strings or lists (a UUID, a datetime, a
    tuple in `created_by`)."""
    flow_id = await make_flow(db)
    now = pendulum.now("UTC")
    start = pendulum.datetime(2031, 3, 4, 5, 6, 7, 890123, tz="Asia/Kolkata")
    tricky = {"f": 0.1, "neg": -0.0, "big": 2**62, "huge": 1e300, "u": "zoë ✓ ok",
              "nested": [{"a": None}, [], {}], "t": True}
    marker = uuid.uuid4()
    moment = datetime(2031, 3, 4, 5, 6, 7, tzinfo=timezone(timedelta(hours=2)))
    state = typed_state(StateType.RUNNING, message="started", start_time=start)
    run = NewFlowRun(flow_id=flow_id, name="written", parameters=tricky,
                     context={"when": "now", "n": [1, 2.5]}, labels=["b", "a", "é"],
                     run_config=None, scheduled_start_time=start, idempotency_key="k-1",
                     created_by={"api_key_id": marker, "at": moment, "pair": (1, 2)})
    async with db.transaction() as conn:
        written = await flow_runs.insert(conn, flow_run_id=uuid.uuid4(), run=run, now=now,
                                         state=state)
    assert written is not None
    async with db.read() as conn:
        stored = await flow_runs.get(conn, written.id)
    assert stored is not None
    for name in FlowRunRecord.__dataclass_fields__:
        ours, read = getattr(written, name), getattr(stored, name)
        assert ours == read, name
        assert type(ours) is type(read), name
        if isinstance(read, datetime):
            assert ours.tzinfo is read.tzinfo, name
    assert written.scheduled_start_time == start and written.start_time is not None
    assert written.created_by == {"api_key_id": str(marker), "at": "2031-03-04T05:06:07+02:00",
                                  "pair": [1, 2]}


async def test_a_driver_write_the_database_refuses_raises_as_sqlalchemys_would(
    db: Database,
) -> None:
    """A run of a flow that does not exist: the foreign key refuses it, the same domain
    error on both paths, and nothing of it is stored."""
    errors = []
    for path in ("driver", "sqlalchemy"):
        with (watching(db) if path == "sqlalchemy" else nullcontext(),
              pytest.raises(NotFound) as refused):
            await _insert(db, uuid.uuid4())
        errors.append(type(refused.value.__cause__))
    assert errors[0] is errors[1] and issubclass(errors[0], sa.exc.IntegrityError)
    async with db.read() as conn:
        assert (await conn.execute(sa.select(sa.func.count()).select_from(flow_run))).scalar() == 0
        assert (await conn.execute(
            sa.select(sa.func.count()).select_from(flow_run_state))).scalar() == 0


async def test_a_create_that_asks_for_no_row_back_stores_the_same_run_and_history(
    db: Database,
) -> None:
    """`returning=False` (GraphQL's create answers with the id it chose) sends no row back,
    on PostgreSQL a CTE selecting only the id: what it stores is what a create returning the
    row stores, its first state's history row included."""
    flow_id = await make_flow(db)
    now = pendulum.now("UTC")
    returned = await _insert(db, flow_id, now)
    run_id = uuid.uuid4()
    run = NewFlowRun(flow_id=flow_id, name="driven", parameters={"x": [1, {"y": None}]},
                     context={"k": "v"}, labels=["a"], run_config={"type": "t"},
                     scheduled_start_time=now, idempotency_key=None)
    with watching(db) as sent:
        async with db.transaction(one_statement=True) as conn:
            assert await flow_runs.insert(conn, flow_run_id=run_id, run=run, now=now,
                                          state=server_state("Scheduled", "go", now),
                                          returning=False) is None
    (insert,) = [s for s in sent.statements if "INSERT INTO flow_run (" in s]
    if db.is_sqlite:
        assert "RETURNING" not in insert
    else:  # one statement: the run's INSERT and its history's, selecting only the id
        assert insert.split()[-4:] == ["SELECT", "written.id", "FROM", "written"]
    async with db.read() as conn:
        stored = await flow_runs.get(conn, run_id)
        history = (await conn.execute(sa.select(flow_run_state).where(
            flow_run_state.c.flow_run_id == run_id))).all()
    assert stored is not None
    for name in FlowRunRecord.__dataclass_fields__:
        if name not in ("id", "state_id"):
            assert getattr(stored, name) == getattr(returned, name), name
    assert [(h.id, h.version, h.state, h.message) for h in history] == [
        (stored.state_id, 1, "Scheduled", "go")]
