"""What each hot operation sends to the database, on both engines, through both doors: the
statements and whether a transaction is begun around them. On PostgreSQL a create, a state
change and their REST twins write with one statement (data-modifying CTEs) and run without
BEGIN/COMMIT (Database.transaction(one_statement=True)); a create with an idempotency key
claims the key first and so runs in a transaction. On SQLite the same work is several
statements inside one IMMEDIATE transaction.

These counts are the round trips issue 14 asked to cut; a change that adds a statement to a
hot path, or runs a multi-statement write outside a transaction, fails here."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from sqlalchemy import event
from starlette.applications import Starlette

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state, task_run, task_run_state
from tests.conftest import in_process
from tests.factories import make_flow


@dataclass
class Sent:
    statements: list[str] = field(default_factory=list)
    transactions: int = 0  # BEGINs sent: by psycopg (not in autocommit), or SQLite's own

    @property
    def writes(self) -> list[str]:
        return [s for s in self.statements if not s.lstrip().upper().startswith(("SELECT",
                                                                                   "BEGIN"))]


@contextmanager
def watching(database: Database) -> Iterator[Sent]:
    """Record every statement the app's engines send, and each transaction begun: on SQLite a
    BEGIN statement; on PostgreSQL the first statement psycopg sends outside autocommit on a
    connection (psycopg sends BEGIN before it), counted once until that connection commits."""
    sent = Sent()
    # On PostgreSQL write_engine is a view of engine whose events engine's listeners see too.
    engines = ({database.engine.sync_engine, database.write_engine.sync_engine}
               if database.is_sqlite else {database.engine.sync_engine})
    open_on: set[int] = set()

    def on_statement(conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.statements.append(statement)
        if database.is_sqlite:
            sent.transactions += statement.lstrip().upper().startswith("BEGIN")
            return
        raw = conn.connection.dbapi_connection
        if not raw.autocommit and id(raw) not in open_on:
            open_on.add(id(raw))
            sent.transactions += 1

    def on_end(conn: Any) -> None:
        open_on.discard(id(conn.connection.dbapi_connection))

    for engine in engines:
        event.listen(engine, "before_cursor_execute", on_statement)
        event.listen(engine, "commit", on_end)
        event.listen(engine, "rollback", on_end)
    try:
        yield sent
    finally:
        for engine in engines:
            event.remove(engine, "before_cursor_execute", on_statement)
            event.remove(engine, "commit", on_end)
            event.remove(engine, "rollback", on_end)


CREATE = "mutation($i: create_flow_run_input!) { create_flow_run(input: $i) { id } }"
SET_STATE = ("mutation($i: set_flow_run_state_input!) { set_flow_run_state(input: $i) "
             "{ version } }")


async def call(http: httpx.AsyncClient, query: str, variables: dict[str, Any]) -> Any:
    body = (await http.post("/graphql", json={"query": query, "variables": variables})).json()
    assert "errors" not in body, body
    return body["data"]


@pytest.fixture
async def http(app: Starlette, db: Database) -> Any:
    async with in_process(app) as client:
        yield client


def app_db(app: Starlette) -> Database:
    database: Database = app.state.db
    return database


async def test_a_create_and_a_state_change_are_one_statement_on_postgresql(
    app: Starlette, http: httpx.AsyncClient, db: Database
) -> None:
    flow = await make_flow(db, tasks=[{"slug": "extract"}, {"slug": "load"}])
    plain = await make_flow(db)
    pg = not db.is_sqlite
    with watching(app_db(app)) as sent:
        made = await call(http, CREATE, {"i": {"flow_id": str(flow)}})
    run_id = uuid.UUID(made["create_flow_run"]["id"])
    # reads the flow (its target), then writes the run, its first state, its task runs and
    # their first states
    assert (len(sent.writes), sent.transactions) == ((1, 0) if pg else (4, 1)), sent
    with watching(app_db(app)) as sent:
        await call(http, CREATE, {"i": {"flow_id": str(plain)}})
    assert (len(sent.writes), sent.transactions) == ((1, 0) if pg else (2, 1)), sent
    with watching(app_db(app)) as sent:
        await call(http, SET_STATE, {"i": {"flow_run_id": str(run_id), "version": 1,
                                           "state": {"type": "Running"}}})
    assert (len(sent.writes), sent.transactions) == ((1, 0) if pg else (2, 1)), sent
    assert len(sent.statements) == (1 if pg else 3)  # SQLite: BEGIN IMMEDIATE, UPDATE, INSERT
    async with db.read() as conn:
        tasks = (await conn.execute(sa.select(task_run.c.id, task_run.c.state_id, task_run.c.state)
                                    .where(task_run.c.flow_run_id == run_id))).all()
        history = (await conn.execute(sa.select(task_run_state.c.id, task_run_state.c.task_run_id)
                                      .where(task_run_state.c.task_run_id.in_(
                                          [t.id for t in tasks])))).all()
        states = (await conn.execute(sa.select(flow_run_state.c.version, flow_run_state.c.state)
                                     .where(flow_run_state.c.flow_run_id == run_id)
                                     .order_by(flow_run_state.c.version))).all()
        run = (await conn.execute(sa.select(flow_run.c.version, flow_run.c.state)
                                  .where(flow_run.c.id == run_id))).one()
    assert len(tasks) == 2 and {t.state for t in tasks} == {"Pending"}
    assert {(h.id, h.task_run_id) for h in history} == {(t.state_id, t.id) for t in tasks}
    assert [tuple(s) for s in states] == [(1, "Scheduled"), (2, "Running")]
    assert tuple(run) == (2, "Running")


async def test_a_stale_version_writes_nothing_and_reads_the_current_one(
    app: Starlette, http: httpx.AsyncClient, db: Database
) -> None:
    flow = await make_flow(db)
    made = await call(http, CREATE, {"i": {"flow_id": str(flow)}})
    run_id = uuid.UUID(made["create_flow_run"]["id"])
    with watching(app_db(app)) as sent:
        body = (await http.post("/graphql", json={"query": SET_STATE, "variables": {"i": {
            "flow_run_id": str(run_id), "version": 7, "state": {"type": "Running"}}}})).json()
    assert body["errors"][0]["extensions"]["code"] == "VERSION_LOCKING_ERROR"
    async with db.read() as conn:
        count = (await conn.execute(sa.select(sa.func.count()).select_from(flow_run_state)
                                    .where(flow_run_state.c.flow_run_id == run_id))).scalar()
    assert count == 1
    # the conditional write matched nothing; a read then says which version is current
    assert sent.statements[-1].lstrip().upper().startswith("SELECT"), sent


async def test_an_idempotency_key_makes_a_create_a_transaction(
    app: Starlette, http: httpx.AsyncClient, db: Database
) -> None:
    flow = await make_flow(db)
    key = uuid.uuid4().hex
    with watching(app_db(app)) as sent:
        await call(http, CREATE, {"i": {"flow_id": str(flow), "idempotency_key": key}})
    assert sent.transactions == 1 and len(sent.writes) >= 2, sent


async def test_the_rest_door_writes_as_graphql_does(
    app: Starlette, db: Database
) -> None:
    flow = await make_flow(db)
    pg = not db.is_sqlite
    async with in_process(app, "/api") as api:
        deployment = (await api.post("/deployments/", json={"name": "rt",
                                                            "flow_id": str(flow)})).json()
        with watching(app_db(app)) as sent:
            made = await api.post(f"/deployments/{deployment['id']}/create_flow_run", json={})
        assert made.status_code == 201, made.text
        # reads the deployment with its flows, writes the run and its state, reads nothing back
        assert (len(sent.writes), sent.transactions) == ((1, 0) if pg else (2, 1)), sent
        assert len([s for s in sent.statements if s.lstrip().upper().startswith("SELECT")]) == 1
        assert made.json()["state"]["type"] == "SCHEDULED"
        assert made.json()["flow_id"] == str(flow)
        with watching(app_db(app)) as sent:
            moved = await api.post(f"/flow_runs/{made.json()['id']}/set_state",
                                   json={"state": {"type": "RUNNING"}})
        assert moved.status_code == 201, moved.text
        assert (len(sent.writes), sent.transactions) == ((1, 0) if pg else (2, 1)), sent


async def test_a_transaction_is_atomic_and_hands_its_connection_back_in_autocommit(
    db: Database
) -> None:
    """PostgreSQL's pool is kept in autocommit; a transaction sets READ COMMITTED for its
    turn only. Its writes still commit or vanish together, and the connection it used serves
    the next read without a BEGIN (one connection in the pool, so it is the same one)."""
    small = Database(str(db.url), pool_size=1, timeout=10)
    flow = await make_flow(db)
    try:
        with pytest.raises(RuntimeError), watching(small) as sent:
            async with small.transaction(write=True) as conn:
                await conn.execute(sa.text("UPDATE flow SET name = 'renamed' WHERE id = :id"),
                                   {"id": flow.hex if small.is_sqlite else flow})
                raise RuntimeError("after the write")
        assert sent.transactions == 1, sent
        with watching(small) as sent:
            async with small.read() as conn:
                name = (await conn.execute(sa.text("SELECT name FROM flow WHERE id = :id"),
                                           {"id": flow.hex if small.is_sqlite else flow}
                                           )).scalar_one()
        assert name == "hello"
        assert sent.transactions == (1 if small.is_sqlite else 0), sent
    finally:
        await small.dispose()
