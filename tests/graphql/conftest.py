"""Fixtures for the GraphQL door tests: a caller over HTTP to the app in this process (the
process boundary is tested by tests/e2e, tests/races and tests/test_readme.py against live
servers), a small data set built through the services, and a snapshot of every row for "the
database is unchanged"."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx
import pendulum
import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from server.database import models  # noqa: F401  (registers the tables)
from server.database.engine import Database
from server.domain import clock
from server.domain.states import state_from_document
from server.repository import flows as flow_repo
from server.services import flow_runs
from tests.factories import IDEMPOTENCY_WINDOW, make_flow, make_project
from tests.live import GraphQL

T0 = pendulum.datetime(2030, 1, 1, tz="UTC")
# Tables the server's own loops write to on their own schedule (not user data).
MACHINERY = frozenset({"loop_lease"})


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQL:
    return GraphQL(client, "/graphql")


@dataclass
class Dataset:
    """Two projects, three flow groups (one with two versions) and four runs:

    run         flow (project)    version  state      labels      parameters  start (UTC)
    alpha-one   etl v2 (alpha)    3        Success    [a, b]      {x: 1}      2030-01-01
    alpha-two   etl v2 (alpha)    1        Scheduled  [a]         {y: 2}      2030-01-02
    beta-three  load (alpha)      2        Running    [b]         {x: 3}      2030-01-03
    gamma       report (beta)     2        Failed     []          {}          2030-01-04
    """

    projects: dict[str, uuid.UUID] = field(default_factory=dict)
    flows: dict[str, uuid.UUID] = field(default_factory=dict)
    runs: dict[str, uuid.UUID] = field(default_factory=dict)
    groups: dict[str, uuid.UUID] = field(default_factory=dict)

    def run_id(self, name: str) -> str:
        return str(self.runs[name])


RUNS: list[tuple[str, str, list[str], dict[str, Any], int, list[tuple[str, str | None]]]] = [
    ("alpha-one", "etl", ["a", "b"], {"x": 1}, 1, [("Running", None), ("Success", "done")]),
    ("alpha-two", "etl", ["a"], {"y": 2}, 2, []),
    ("beta-three", "load", ["b"], {"x": 3}, 3, [("Running", None)]),
    ("gamma", "report", [], {}, 4, [("Failed", None)]),
]


async def build_dataset(db: Database) -> Dataset:
    data = Dataset()
    with clock.frozen(T0) as frozen:
        data.projects["alpha"] = await make_project(db, "alpha")
        data.projects["beta"] = await make_project(db, "beta")
        data.flows["etl-v1"] = await make_flow(db, data.projects["alpha"], name="etl")
        data.flows["etl"] = await make_flow(db, data.projects["alpha"], name="etl")
        data.flows["load"] = await make_flow(db, data.projects["alpha"], name="load")
        data.flows["report"] = await make_flow(db, data.projects["beta"], name="report")
        async with db.read() as conn:
            for name in ("etl", "load", "report"):
                row = await flow_repo.get(conn, data.flows[name])
                assert row is not None
                data.groups[name] = row.flow_group_id
        for name, flow_name, labels, parameters, day, states in RUNS:
            frozen.advance(minutes=1)
            async with db.transaction() as conn:
                created = await flow_runs.create_flow_run(conn, flow_runs.CreateFlowRun(
                    flow_id=data.flows[flow_name], flow_run_name=name, labels=labels,
                    parameters=parameters, scheduled_start_time=T0.add(days=day - 1),
                ), idempotency_window=IDEMPOTENCY_WINDOW)
                for kind, message in states:
                    frozen.advance(minutes=1)
                    await flow_runs.set_flow_run_state(conn, flow_runs.SetFlowRunState(
                        created.id, state_from_document({"type": kind, "message": message}),
                    ))
            data.runs[name] = created.id
    return data


@pytest.fixture
async def dataset(db: Database) -> Dataset:
    return await build_dataset(db)


async def snapshot(db: Database) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, for comparing the database before and after a request."""
    out: dict[str, list[dict[str, Any]]] = {}
    async with db.read() as conn:
        for table in SQLModel.metadata.sorted_tables:
            if table.name in MACHINERY:
                continue
            key = list(table.primary_key.columns)
            rows = (await conn.execute(sa.select(table).order_by(*key))).all()
            out[table.name] = [row._asdict() for row in rows]
    return out

