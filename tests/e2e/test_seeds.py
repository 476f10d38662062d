# ruff: noqa: W291  (the seed examples keep their trailing spaces: they are copied verbatim)
"""Every GraphQL example of seeds 000 and 001, as written, against a live server.

The examples below are the seeds' text with nothing changed; only the placeholders
(<flow-id>, <flow id>, <flow run id>, <version>, <YYYY-MM-DD HH:MM:SS>) are filled in before
each request. `test_every_graphql_example_of_the_seeds_is_covered_here` checks the copies
against the seed pages themselves when they are present."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pendulum
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state, idempotency_key
from server.repository import flows as flow_repo
from server.services import flows as flow_service
from tests.factories import make_flow, make_project
from tests.live import GraphQL, LiveServer

pytestmark = pytest.mark.e2e

SEEDS = Path(__file__).with_name("seeds")  # seeds 000 and 001, the specification, verbatim

# --- seed 000 (creating flow runs) -------------------------------------------------------------
S000_CREATE = r"""mutation {
  create_flow_run(input: { flow_id: "<flow-id>" }) {
    id
  }
}
"""
S000_PARAMETERS = r"""mutation {
  create_flow_run(input: { 
  flow_id: "<flow-id>", 
  parameters: "{\"a\": 2}" 
  }) {
    id
  }
}
"""
S000_START_TIME = r"""mutation {
  create_flow_run(input: { 
  flow_id: "<flow-id>", 
  scheduled_start_time: "2021-05-07T15:09:16.815228-05:00" 
  }) {
    id
  }
}
"""
S000_IDEMPOTENCY = r"""mutation {
  create_flow_run(input: { flow_id: "<flow-id>", idempotency_key: "any-key" }) {
    id
  }
}
"""
# --- seed 001 (flow runs) ----------------------------------------------------------------------
S001_CREATE = r"""mutation {
  create_flow_run(input: { flow_id: "<flow id>" }) {
    id
  }
}
"""
S001_PARAMETERS = r"""mutation {
  create_flow_run(input: { 
  flow_id: "<flow id>", 
  parameters: "{\"a\":2}" 
  }) {
    id
  }
}
"""
S001_IDEMPOTENCY = r"""mutation {
  create_flow_run(input: { flow_id: "<flow id>", idempotency_key: "any-key" }) {
    id
  }
}
"""
S001_START_TIME = r"""mutation {
  create_flow_run(
    input: {
      flow_id: "<flow id>"
      scheduled_start_time: "<YYYY-MM-DD HH:MM:SS>"
    }
  ) {
    id
  }
}
"""
S001_VERSION = r"""query {
  flow_run_by_pk(id: "<flow run id>") {
    version
  }
}
"""
S001_SET_STATE = r"""mutation($state: JSON!) {
  set_flow_run_state(input: {flow_run_id: "<flow run id>", version: <version>, state: $state}) {
      id
  }
}
"""
# The seed's variables block, written as the JSON a GraphQL client sends.
SUCCESS_VARIABLES = {"state": {"type": "Success", "message": "It worked!"}}

ALL_EXAMPLES = [
    S000_CREATE, S000_PARAMETERS, S000_START_TIME, S000_IDEMPOTENCY,
    S001_CREATE, S001_PARAMETERS, S001_IDEMPOTENCY, S001_START_TIME, S001_VERSION,
    S001_SET_STATE,
]
CREATE_EXAMPLES = {"seed 000": S000_CREATE, "seed 001": S001_CREATE}
PARAMETER_EXAMPLES = {"seed 000": S000_PARAMETERS, "seed 001": S001_PARAMETERS}
IDEMPOTENCY_EXAMPLES = {"seed 000": S000_IDEMPOTENCY, "seed 001": S001_IDEMPOTENCY}


def fill(template: str, **values: Any) -> str:
    """Substitute the seeds' placeholders; every placeholder of the text must be given."""
    names = {
        "flow_id": ("<flow-id>", "<flow id>"),
        "flow_run_id": ("<flow run id>",),
        "version": ("<version>",),
        "start": ("<YYYY-MM-DD HH:MM:SS>",),
    }
    text = template
    for name, value in values.items():
        for placeholder in names[name]:
            text = text.replace(placeholder, str(value))
    assert not re.search(r"<[A-Za-z][^<>]*>", text), f"unfilled placeholder in {text}"
    return text


@pytest.fixture
async def gql(server: LiveServer) -> AsyncIterator[GraphQL]:
    async with httpx.AsyncClient(timeout=30) as client:
        yield GraphQL(client, server.graphql_url)


@pytest.fixture
async def flow_id(db: Database) -> uuid.UUID:
    """A registered flow with one optional parameter `a` (default 1)."""
    return await make_flow(db, name="seed-flow",
                           parameters=[{"name": "a", "required": False, "default": 1}])


async def run_row(db: Database, run_id: Any) -> Any:
    async with db.read() as conn:
        row = (await conn.execute(
            sa.select(flow_run).where(flow_run.c.id == uuid.UUID(str(run_id)))
        )).one_or_none()
    assert row is not None, f"no flow run {run_id} in the database"
    return row


async def history(db: Database, run_id: Any) -> list[Any]:
    async with db.read() as conn:
        return list((await conn.execute(
            sa.select(flow_run_state)
            .where(flow_run_state.c.flow_run_id == uuid.UUID(str(run_id)))
            .order_by(flow_run_state.c.version)
        )).all())


async def flow_of(db: Database, flow_id: uuid.UUID) -> Any:
    async with db.read() as conn:
        row = await flow_repo.get(conn, flow_id)
    assert row is not None
    return row


async def count(db: Database, table: sa.Table) -> int:
    async with db.read() as conn:
        return int((await conn.execute(sa.select(sa.func.count()).select_from(table))).scalar_one())


async def create(gql: GraphQL, query: str) -> str:
    data = await gql.data(query)
    run_id = data["create_flow_run"]["id"]
    assert uuid.UUID(run_id)
    return str(run_id)


# --- the examples are the seeds' own text ------------------------------------------------------


def test_every_graphql_example_of_the_seeds_is_covered_here() -> None:
    pages = sorted(SEEDS.glob("000_*.txt")) + sorted(SEEDS.glob("001_*.txt"))
    assert len(pages) == 2
    blocks = [
        block for page in pages
        for block in re.findall(r"```graphql\n(.*?)```", page.read_text(), re.S)
    ]
    assert len(blocks) == len(ALL_EXAMPLES) == 10
    assert sorted(blocks) == sorted(ALL_EXAMPLES)


# --- creating runs -----------------------------------------------------------------------------


@pytest.mark.parametrize("example", CREATE_EXAMPLES.values(), ids=CREATE_EXAMPLES.keys())
async def test_the_create_flow_run_example_schedules_a_run_of_the_flow_now(
    gql: GraphQL, db: Database, flow_id: uuid.UUID, example: str
) -> None:
    before = pendulum.now("UTC").subtract(seconds=5)
    body = await gql(fill(example, flow_id=flow_id))
    assert gql.last_status == 200
    assert "errors" not in body
    assert set(body) == {"data"}
    run_id = body["data"]["create_flow_run"]["id"]
    run = await run_row(db, run_id)
    assert run.flow_id == flow_id
    assert (run.state, run.version) == ("Scheduled", 1)
    assert before <= run.scheduled_start_time <= pendulum.now("UTC").add(seconds=5)
    assert run.parameters == {"a": 1}
    [scheduled] = await history(db, run_id)
    assert (scheduled.state, scheduled.version) == ("Scheduled", 1)
    assert await count(db, flow_run) == 1


@pytest.mark.parametrize("example", PARAMETER_EXAMPLES.values(), ids=PARAMETER_EXAMPLES.keys())
async def test_the_parameters_example_stores_the_parameters_given_as_a_json_string(
    gql: GraphQL, db: Database, flow_id: uuid.UUID, example: str
) -> None:
    run_id = await create(gql, fill(example, flow_id=flow_id))
    run = await run_row(db, run_id)
    assert run.parameters == {"a": 2}
    read = await gql.data("query($id: uuid!) { flow_run_by_pk(id: $id) { parameters } }",
                          {"id": run_id})
    assert read["flow_run_by_pk"]["parameters"] == {"a": 2}


async def test_the_start_time_example_schedules_the_run_at_that_instant_in_utc(
    gql: GraphQL, db: Database, flow_id: uuid.UUID
) -> None:
    run_id = await create(gql, fill(S000_START_TIME, flow_id=flow_id))
    expected = pendulum.parse("2021-05-07T20:09:16.815228+00:00")
    run = await run_row(db, run_id)
    assert run.scheduled_start_time == expected
    assert run.scheduled_start_time.utcoffset() == pendulum.duration(0)
    assert run.state == "Scheduled"
    [scheduled] = await history(db, run_id)
    assert scheduled.state == "Scheduled"
    assert scheduled.start_time == expected
    assert pendulum.parse(scheduled.serialized_state["start_time"]) == expected
    read = await gql.data(
        "query($id: uuid!) { flow_run_by_pk(id: $id) { scheduled_start_time state } }",
        {"id": run_id},
    )
    assert read["flow_run_by_pk"]["state"] == "Scheduled"
    assert read["flow_run_by_pk"]["scheduled_start_time"] == "2021-05-07T20:09:16.815228+00:00"


async def test_the_plain_start_time_example_is_read_as_utc(
    gql: GraphQL, db: Database, flow_id: uuid.UUID
) -> None:
    run_id = await create(gql, fill(S001_START_TIME, flow_id=flow_id, start="2031-01-02 03:04:05"))
    run = await run_row(db, run_id)
    assert run.scheduled_start_time == pendulum.datetime(2031, 1, 2, 3, 4, 5, tz="UTC")
    assert run.state == "Scheduled"
    [scheduled] = await history(db, run_id)
    assert scheduled.start_time == pendulum.datetime(2031, 1, 2, 3, 4, 5, tz="UTC")


@pytest.mark.parametrize(
    "example", IDEMPOTENCY_EXAMPLES.values(), ids=IDEMPOTENCY_EXAMPLES.keys()
)
async def test_the_idempotency_example_sent_twice_names_one_run(
    gql: GraphQL, db: Database, flow_id: uuid.UUID, example: str
) -> None:
    query = fill(example, flow_id=flow_id)
    first = await create(gql, query)
    second = await create(gql, query)
    assert first == second
    assert await count(db, flow_run) == 1
    assert await count(db, idempotency_key) == 1
    assert (await run_row(db, first)).idempotency_key == "any-key"


async def test_both_seeds_idempotency_examples_share_one_key_for_the_flow(
    gql: GraphQL, db: Database, flow_id: uuid.UUID
) -> None:
    first = await create(gql, fill(S000_IDEMPOTENCY, flow_id=flow_id))
    second = await create(gql, fill(S001_IDEMPOTENCY, flow_id=flow_id))
    assert first == second
    assert await count(db, flow_run) == 1


async def test_the_create_example_by_version_group_id_runs_the_unarchived_flow(
    gql: GraphQL, db: Database
) -> None:
    project_id = await make_project(db)
    old = await make_flow(db, project_id, name="versioned")
    new = await make_flow(db, project_id, name="versioned")
    group = (await flow_of(db, new)).version_group_id
    assert group
    query = S001_CREATE.replace('flow_id: "<flow id>"', f'version_group_id: "{group}"')
    assert query != S001_CREATE
    run = await run_row(db, await create(gql, query))
    assert run.flow_id == new != old


async def test_the_create_example_by_flow_group_id_runs_the_unarchived_flow(
    gql: GraphQL, db: Database
) -> None:
    project_id = await make_project(db)
    await make_flow(db, project_id, name="versioned")
    new = await make_flow(db, project_id, name="versioned")
    flow_group_id = (await flow_of(db, new)).flow_group_id
    query = S000_CREATE.replace('flow_id: "<flow-id>"', f'flow_group_id: "{flow_group_id}"')
    run = await run_row(db, await create(gql, query))
    assert run.flow_id == new


# --- reading the version and setting the state -------------------------------------------------


async def test_the_version_query_reads_the_runs_state_version(
    gql: GraphQL, db: Database, flow_id: uuid.UUID
) -> None:
    run_id = await create(gql, fill(S001_CREATE, flow_id=flow_id))
    data = await gql.data(fill(S001_VERSION, flow_run_id=run_id))
    assert data == {"flow_run_by_pk": {"version": 1}}


@pytest.mark.parametrize("as_string", [False, True], ids=["variables object", "variables string"])
async def test_the_set_state_example_moves_the_run_to_success_and_bumps_its_version(
    gql: GraphQL, db: Database, flow_id: uuid.UUID, as_string: bool
) -> None:
    run_id = await create(gql, fill(S001_CREATE, flow_id=flow_id))
    version = (await gql.data(fill(S001_VERSION, flow_run_id=run_id)))["flow_run_by_pk"]["version"]
    variables: Any = SUCCESS_VARIABLES
    if as_string:
        variables = '{"state": {"type": "Success", "message": "It worked!"}}'
    body = await gql(fill(S001_SET_STATE, flow_run_id=run_id, version=version), variables)
    assert gql.last_status == 200
    assert body == {"data": {"set_flow_run_state": {"id": run_id}}}
    run = await run_row(db, run_id)
    assert (run.state, run.state_message, run.version) == ("Success", "It worked!", version + 1)
    assert run.end_time is not None
    states = await history(db, run_id)
    assert [(s.version, s.state) for s in states] == [(1, "Scheduled"), (2, "Success")]
    assert states[-1].message == "It worked!"
    after = await gql.data(fill(S001_VERSION, flow_run_id=run_id))
    assert after == {"flow_run_by_pk": {"version": version + 1}}


async def test_the_set_state_example_with_a_stale_version_fails_and_changes_nothing(
    gql: GraphQL, db: Database, flow_id: uuid.UUID
) -> None:
    run_id = await create(gql, fill(S001_CREATE, flow_id=flow_id))
    query = fill(S001_SET_STATE, flow_run_id=run_id, version=1)
    await gql.data(query, SUCCESS_VARIABLES)
    before = await run_row(db, run_id)
    body = await gql(query, {"state": {"type": "Failed", "message": "too late"}})
    assert gql.last_status == 200
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"]["code"] == "VERSION_LOCKING_ERROR"
    assert error["path"] == ["set_flow_run_state"]
    assert "version 1" in error["message"]
    after = await run_row(db, run_id)
    assert after._asdict() == before._asdict()
    assert (after.state, after.version) == ("Success", 2)
    assert len(await history(db, run_id)) == 2


async def test_the_seed_walkthrough_works_when_posted_to_the_root_path(
    server: LiveServer, db: Database, flow_id: uuid.UUID
) -> None:
    async with httpx.AsyncClient(timeout=30) as client:
        root = GraphQL(client, server.url + "/")
        run_id = await create(root, fill(S000_CREATE, flow_id=flow_id))
        version = (await root.data(fill(S001_VERSION, flow_run_id=run_id)))["flow_run_by_pk"]
        await root.data(fill(S001_SET_STATE, flow_run_id=run_id, version=version["version"]),
                        SUCCESS_VARIABLES)
    run = await run_row(db, run_id)
    assert (run.state, run.version) == ("Success", 2)


async def test_a_run_created_in_a_group_keeps_its_flow_after_a_new_version(
    gql: GraphQL, db: Database
) -> None:
    project_id = await make_project(db)
    first = await make_flow(db, project_id, name="evolving")
    run_id = await create(gql, fill(S000_CREATE, flow_id=first))
    async with db.transaction() as conn:
        await flow_service.create_flow(
            conn, serialized_flow={"name": "evolving"}, project_id=project_id
        )
    assert (await run_row(db, run_id)).flow_id == first
    body = await gql(fill(S000_CREATE, flow_id=first))
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
