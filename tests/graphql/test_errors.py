"""Bad input over HTTP to the app (in process), on SQLite and PostgreSQL: each mistake gets a clear
message and the right code, the HTTP status is never 500 (400 only for a request that does not
parse or validate), and the database is left exactly as it was."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from server.database.engine import Database
from server.services import flow_runs
from tests.factories import IDEMPOTENCY_WINDOW, make_flow
from tests.graphql.conftest import snapshot
from tests.live import GraphQL

UNKNOWN_ID = "6f1c1f0e-0000-4000-8000-000000000001"
CREATE = "mutation {{ create_flow_run(input: {{ {input} }}) {{ id }} }}"
SET_STATE = ("mutation($state: JSON!) { set_flow_run_state(input: "
             '{flow_run_id: "<run>", version: <version>, state: $state}) { id version } }')


@dataclass
class Targets:
    flow_id: str
    needs_id: str
    run_id: str


@pytest.fixture
async def targets(db: Database) -> Targets:
    flow_id = await make_flow(db, name="plain")
    needs = await make_flow(db, name="needs", parameters=[
        {"name": "x", "required": True}, {"name": "y", "required": True},
        {"name": "z", "required": False, "default": 0}])
    async with db.transaction() as conn:
        run = await flow_runs.create_flow_run(
            conn, flow_runs.CreateFlowRun(flow_id=flow_id, idempotency_key="k",
                                           parameters={"say": 1}),
            idempotency_window=IDEMPOTENCY_WINDOW)
    return Targets(str(flow_id), str(needs), str(run.id))


def fill(text: str, targets: Targets) -> str:
    return (text.replace("<flow>", targets.flow_id).replace("<needs>", targets.needs_id)
            .replace("<run>", targets.run_id))


def create(input_text: str) -> str:
    return CREATE.format(input=input_text)


def assert_clear(message: str) -> None:
    assert message.strip()
    for leak in ("Traceback", "object at 0x", "sqlalchemy", "psycopg", "sqlite3", "Error("):
        assert leak not in message, message


# (id, query, variables, HTTP status, code, a fragment the message must contain)
CASES: list[tuple[str, str, Any, int, str, str]] = [
    ("malformed uuid literal", create('flow_id: "not-a-uuid"'), None,
     200, "BAD_USER_INPUT", "not-a-uuid"),
    ("malformed uuid variable", "mutation($id: UUID!) { create_flow_run(input: {flow_id: $id}) "
     "{ id } }", {"id": "not-a-uuid"}, 200, "BAD_USER_INPUT", "not-a-uuid"),
    ("malformed uuid in by_pk", '{ flow_run_by_pk(id: "12345") { id } }', None,
     200, "BAD_USER_INPUT", "12345"),
    ("malformed uuid in a run id", SET_STATE.replace("<run>", "nope").replace("<version>", "1"),
     {"state": {"type": "Success"}}, 200, "BAD_USER_INPUT", "nope"),
    ("unknown flow", create(f'flow_id: "{UNKNOWN_ID}"'), None, 200, "NOT_FOUND", UNKNOWN_ID),
    ("unknown flow group", create(f'flow_group_id: "{UNKNOWN_ID}"'), None,
     200, "NOT_FOUND", UNKNOWN_ID),
    ("no target", create('parameters: "{}"'), None, 200, "BAD_USER_INPUT", "exactly one"),
    ("invalid json string for parameters", create(r'flow_id: "<flow>", parameters: "{\"a\": "'),
     None, 200, "BAD_USER_INPUT", "not valid JSON"),
    ("parameters that are a json list", create(r'flow_id: "<flow>", parameters: "[1, 2]"'),
     None, 200, "BAD_USER_INPUT", "JSON object"),
    ("invalid json string for context", create(r'flow_id: "<flow>", context: "nope"'),
     None, 200, "BAD_USER_INPUT", "context"),
    ("missing required parameters", create('flow_id: "<needs>", parameters: {z: 1}'), None,
     200, "BAD_USER_INPUT", "Required parameters were not supplied: x, y"),
    ("naive time", create('flow_id: "<flow>", scheduled_start_time: "2021-05-07T15:09:16"'),
     None, 200, "BAD_USER_INPUT", "no time zone"),
    ("unparsable time", create('flow_id: "<flow>", scheduled_start_time: "next tuesday"'),
     None, 200, "BAD_USER_INPUT", "next tuesday"),
    ("impossible date", create('flow_id: "<flow>", scheduled_start_time: "2021-02-30 10:00:00"'),
     None, 200, "BAD_USER_INPUT", "2021-02-30"),
    ("a number for a time", create('flow_id: "<flow>", scheduled_start_time: 12'), None,
     200, "BAD_USER_INPUT", "12"),
    ("naive time in a filter",
     '{ flow_run(where: {scheduled_start_time: {_gt: "2021-01-01T00:00:00"}}) { id } }', None,
     200, "BAD_USER_INPUT", "no time zone"),
    ("unknown state type", SET_STATE.replace("<version>", "1"), {"state": {"type": "Exploded"}},
     200, "BAD_USER_INPUT", "Success"),
    ("state without a type", SET_STATE.replace("<version>", "1"), {"state": {"message": "hi"}},
     200, "BAD_USER_INPUT", "type"),
    ("state that is not json", SET_STATE.replace("<version>", "1"), {"state": "{oops"},
     200, "BAD_USER_INPUT", "not valid JSON"),
    ("stale version", SET_STATE.replace("<version>", "7"), {"state": {"type": "Success"}},
     200, "VERSION_LOCKING_ERROR", "version 7"),
    ("state of an unknown run", SET_STATE.replace("<run>", UNKNOWN_ID).replace("<version>", "1"),
     {"state": {"type": "Success"}}, 200, "NOT_FOUND", UNKNOWN_ID),
    ("missing state variable", SET_STATE.replace("<version>", "1"), None,
     200, "BAD_USER_INPUT", "$state"),
    ("null state variable", SET_STATE.replace("<version>", "1"), {"state": None},
     200, "BAD_USER_INPUT", "$state"),
    ("a variable of the wrong type", "query($n: Int) { flow_run(limit: $n) { id } }",
     {"n": "ten"}, 200, "BAD_USER_INPUT", "ten"),
    ("negative limit", "{ flow_run(limit: -1) { id } }", None, 200, "BAD_USER_INPUT", "limit"),
    ("negative offset", "{ flow_run(offset: -1) { id } }", None, 200, "BAD_USER_INPUT",
     "offset"),
    ("unknown field", "{ flow_run { id no_such_field } }", None,
     400, "GRAPHQL_VALIDATION_FAILED", "no_such_field"),
    ("unknown input field", create('flow: "<flow>"'), None,
     400, "GRAPHQL_VALIDATION_FAILED", "flow"),
    ("unknown mutation", 'mutation { launch_rocket(input: {}) { id } }', None,
     400, "GRAPHQL_VALIDATION_FAILED", "launch_rocket"),
    ("wrong literal type", "{ flow_run(where: {version: {_eq: \"x\"}}) { id } }", None,
     400, "GRAPHQL_VALIDATION_FAILED", "Int"),
    ("syntax error", "mutation { create_flow_run(input: { flow_id: ", None,
     400, "GRAPHQL_PARSE_FAILED", "Syntax Error"),
]


@pytest.mark.parametrize(("query", "variables", "status", "code", "fragment"),
                         [case[1:] for case in CASES], ids=[case[0] for case in CASES])
async def test_bad_input_gets_a_clear_message_and_code_and_changes_nothing(
    gql: GraphQL, db: Database, targets: Targets,
    query: str, variables: Any, status: int, code: str, fragment: str,
) -> None:
    before = await snapshot(db)
    body = await gql(fill(query, targets), variables)
    assert gql.last_status == status, body
    errors = body["errors"]
    assert errors, body
    assert errors[0]["extensions"]["code"] == code, body
    assert fragment in errors[0]["message"], body
    for error in errors:
        assert_clear(error["message"])
    if "data" in body:
        assert body["data"] is None or all(v is None for v in body["data"].values()), body
    assert await snapshot(db) == before


# (id, raw request body, the error message fragment)
BODIES: list[tuple[str, bytes, str]] = [
    ("body that is not json", b"mutation { create_flow_run }", "not valid JSON"),
    ("empty body", b"", "not valid JSON"),
    ("body that is a json list", b'[{"query": "{ flow_run { id } }"}]', "JSON object"),
    ("body without a query", b'{"variables": {}}', "no GraphQL query"),
    ("variables a non-json string",
     b'{"query": "{ flow_run { id } }", "variables": "{not json"}', "variables"),
    ("variables a json string holding a list",
     b'{"query": "{ flow_run { id } }", "variables": "[1, 2]"}', "variables"),
    ("variables a number", b'{"query": "{ flow_run { id } }", "variables": 3}', "variables"),
]


@pytest.mark.parametrize("path", ["/graphql", "/"])
@pytest.mark.parametrize(("content", "fragment"), [b[1:] for b in BODIES],
                         ids=[b[0] for b in BODIES])
async def test_a_malformed_request_body_is_a_400_that_changes_nothing(
    client: httpx.AsyncClient, db: Database, targets: Targets,
    path: str, content: bytes, fragment: str,
) -> None:
    before = await snapshot(db)
    response = await client.post(path, content=content,
                                 headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    body = response.json()
    assert set(body) == {"errors"}
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_REQUEST"
    assert fragment in error["message"]
    assert_clear(error["message"])
    assert await snapshot(db) == before


async def test_variables_given_as_a_json_string_work_like_an_object(
    gql: GraphQL, targets: Targets
) -> None:
    query = "query($id: uuid!) { flow_run_by_pk(id: $id) { id } }"
    as_string = await gql.data(query, f'{{"id": "{targets.run_id}"}}')
    as_object = await gql.data(query, {"id": targets.run_id})
    assert as_string == as_object == {"flow_run_by_pk": {"id": targets.run_id}}
    assert await gql.data("{ flow_run { id } }", "") == {"flow_run": [{"id": targets.run_id}]}


async def test_a_string_with_a_nul_byte_is_never_an_internal_error(
    gql: GraphQL, db: Database, targets: Targets
) -> None:
    before = await snapshot(db)
    body = await gql('{ flow_run(where: {name: {_eq: "a\\u0000b"}}) { id } }')
    assert gql.last_status in (200, 400)
    if "errors" in body:
        assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT", body
    else:
        assert body["data"] == {"flow_run": []}
    assert await snapshot(db) == before


async def test_a_json_key_with_quotes_is_filtered_not_a_database_error(
    gql: GraphQL, db: Database, targets: Targets
) -> None:
    before = await snapshot(db)
    for key in ('say\\"hi', 'say\\" or 1=1'):  # the stored run has the key "say"
        body = await gql(f'{{ flow_run(where: {{parameters: {{_has_key: "{key}"}}}}) {{ id }} }}')
        assert "errors" not in body, body
        assert body["data"] == {"flow_run": []}
    assert await snapshot(db) == before


async def test_the_playground_and_health_answer(client: httpx.AsyncClient) -> None:
    playground = await client.get("/graphql")
    assert playground.status_code == 200
    assert "text/html" in playground.headers["content-type"]
    assert "graphiql" in playground.text.lower()
    health = await client.get("/health")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
