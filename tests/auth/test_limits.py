"""Each limit: a request just under it passes, one just over gets the documented error
naming the setting and its value (and never a 5xx). In-process (httpx over ASGI) on both
engines, with small limits so the requests stay small."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from server.app import create_app
from server.database.engine import Database
from server.settings import Settings
from tests.factories import make_flow, make_run

LIMITS: dict[str, Any] = {
    "max_body_bytes": 3000, "max_state_bytes": 300, "max_log_message_bytes": 100,
    "max_log_batch": 3, "max_state_batch": 2, "max_page_size": 5,
    "graphql_max_depth": 6, "graphql_max_fields": 20, "graphql_max_aliases": 3,
}


@pytest.fixture
async def http(database_url: str, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(database_url=database_url, **LIMITS))
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
            yield client
    finally:
        await app.state.db.dispose()


@pytest.fixture
async def run_id(db: Database) -> uuid.UUID:
    return await make_run(db, await make_flow(db))


async def gql(http: httpx.AsyncClient, query: str, variables: Any = None) -> httpx.Response:
    return await http.post("/graphql", json={"query": query, "variables": variables})


def assert_over(response: httpx.Response, status: int, code: str, setting: str) -> None:
    assert response.status_code == status, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == code
    assert error["extensions"]["limit"] == setting
    assert setting in error["message"]


def assert_passes(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert "errors" not in response.json(), response.text


def nested(depth: int) -> str:
    """A query whose selections nest `depth` deep: flow_run { flow { flow_runs { ... id."""
    inner = "id"
    for level in reversed(range(depth - 2)):  # outermost first: flow, flow_runs, flow ...
        inner = f"{'flow' if level % 2 == 0 else 'flow_runs'} {{ {inner} }}"
    return f"{{ flow_run {{ {inner} }} }}" if depth > 1 else "{ hello }"


async def test_a_document_at_the_depth_limit_runs_and_one_deeper_is_refused(
    http: httpx.AsyncClient,
) -> None:
    assert_passes(await gql(http, nested(6)))
    assert_over(await gql(http, nested(7)), 400, "GRAPHQL_VALIDATION_FAILED",
                "FLOWRUN_GRAPHQL_MAX_DEPTH")


async def test_a_document_nested_past_any_parser_is_refused_not_a_500(
    http: httpx.AsyncClient,
) -> None:
    response = await gql(http, "{" + "a{" * 700 + "a" + "}" * 701)
    assert response.status_code == 400, response.text
    assert response.json()["errors"][0]["extensions"]["code"] == "GRAPHQL_PARSE_FAILED"


async def test_fields_are_counted_with_fragments_expanded(http: httpx.AsyncClient) -> None:
    assert_passes(await gql(http, "{ flow_run { " + "id " * 19 + "} }"))
    assert_over(await gql(http, "{ flow_run { " + "id " * 20 + "} }"), 400,
                "GRAPHQL_VALIDATION_FAILED", "FLOWRUN_GRAPHQL_MAX_FIELDS")
    spread = "query { flow_run { ...f ...f } } fragment f on flow_run { " + "id " * 10 + "}"
    assert_over(await gql(http, spread), 400, "GRAPHQL_VALIDATION_FAILED",
                "FLOWRUN_GRAPHQL_MAX_FIELDS")


async def test_aliases_up_to_the_limit_run_and_one_more_is_refused(
    http: httpx.AsyncClient,
) -> None:
    assert_passes(await gql(http, "{ a: hello b: hello c: hello }"))
    assert_over(await gql(http, "{ a: hello b: hello c: hello d: hello }"), 400,
                "GRAPHQL_VALIDATION_FAILED", "FLOWRUN_GRAPHQL_MAX_ALIASES")


async def test_a_page_size_at_the_limit_reads_and_one_more_is_bad_input(
    http: httpx.AsyncClient, run_id: uuid.UUID,
) -> None:
    assert_passes(await gql(http, "{ flow_run(limit: 5) { id states(limit: 5) { id } } }"))
    assert_over(await gql(http, "{ flow_run(limit: 6) { id } }"), 200, "BAD_USER_INPUT",
                "FLOWRUN_MAX_PAGE_SIZE")
    assert_over(await gql(http, "{ flow_run { states(limit: 6) { id } } }"), 200,
                "BAD_USER_INPUT", "FLOWRUN_MAX_PAGE_SIZE")


WRITE_LOGS = "mutation($logs: [write_run_log_input!]!) { write_run_logs(input: {logs: $logs}) " \
             "{ success } }"


async def test_log_batches_and_messages_at_their_limits_are_stored_and_over_are_refused(
    http: httpx.AsyncClient, run_id: uuid.UUID, db: Database,
) -> None:
    def logs(count: int, size: int = 1) -> dict[str, Any]:
        return {"logs": [{"flow_run_id": str(run_id), "message": "é" * (size // 2) + "x" *
                          (size % 2)} for _ in range(count)]}

    assert_passes(await gql(http, WRITE_LOGS, logs(3, 100)))
    assert_over(await gql(http, WRITE_LOGS, logs(4)), 200, "BAD_USER_INPUT",
                "FLOWRUN_MAX_LOG_BATCH")
    assert_over(await gql(http, WRITE_LOGS, logs(1, 101)), 200, "BAD_USER_INPUT",
                "FLOWRUN_MAX_LOG_MESSAGE_BYTES")
    count = await gql(http, "{ log_aggregate { aggregate { count } } }")
    assert count.json()["data"]["log_aggregate"]["aggregate"]["count"] == 3


SET_STATES = "mutation($states: [set_flow_run_state_input!]!) { set_flow_run_states(input: " \
             "{states: $states}) { states { version } } }"


def state_of(size: int) -> dict[str, Any]:
    """A state document whose JSON is exactly `size` bytes."""
    base = {"type": "Scheduled", "message": ""}
    padding = size - len('{"type":"Scheduled","message":""}')
    return {**base, "message": "m" * padding}


async def test_state_batches_and_documents_at_their_limits_pass_and_over_are_refused(
    http: httpx.AsyncClient, run_id: uuid.UUID,
) -> None:
    def states(count: int, size: int = 40) -> dict[str, Any]:
        return {"states": [{"flow_run_id": str(run_id), "state": state_of(size)}] * count}

    assert_passes(await gql(http, SET_STATES, states(2, 300)))
    assert_over(await gql(http, SET_STATES, states(3)), 200, "BAD_USER_INPUT",
                "FLOWRUN_MAX_STATE_BATCH")
    assert_over(await gql(http, SET_STATES, states(1, 301)), 200, "BAD_USER_INPUT",
                "FLOWRUN_MAX_STATE_BYTES")
    version = await gql(http, "{ flow_run { version } }")
    assert version.json()["data"]["flow_run"] == [{"version": 3}]


async def test_a_body_at_the_limit_is_read_and_one_byte_more_is_413_on_both_doors(
    http: httpx.AsyncClient,
) -> None:
    def body(size: int) -> bytes:
        text = '{"query": "{ hello }", "pad": "'
        return (text + "x" * (size - len(text) - 2) + '"}').encode()

    assert len(body(3000)) == 3000
    at = await http.post("/graphql", content=body(3000),
                         headers={"content-type": "application/json"})
    assert_passes(at)
    for path in ("/graphql", "/", "/api/flow_runs/filter"):
        over = await http.post(path, content=body(3001),
                               headers={"content-type": "application/json"})
        assert over.status_code == 413, over.text
        details = over.json()["details"] if path.startswith("/api") else \
            over.json()["errors"][0]["extensions"]
        assert details == {"limit": "FLOWRUN_MAX_BODY_BYTES", "value": 3000} | (
            {} if path.startswith("/api") else {"code": "BAD_USER_INPUT"})


async def test_a_chunked_body_growing_past_the_limit_is_413_too(
    http: httpx.AsyncClient,
) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ hello }", "pad": "'
        for _ in range(10):
            yield b"x" * 500
        yield b'"}'

    response = await http.post("/graphql", content=chunks(),
                               headers={"content-type": "application/json"})
    assert response.status_code == 413, response.text
    assert "FLOWRUN_MAX_BODY_BYTES" in response.text
