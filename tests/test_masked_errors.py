"""An error nobody anticipated gets the same masked 500 from every door: a message naming the
request id and no detail, the id in a header, and the traceback in the server log under it."""

from __future__ import annotations

import logging
import uuid
from typing import Any, NoReturn

import httpx
import pytest

from server.graphql import view
from server.services import deployments, projects

REQUEST_ID = "req-0123456789"
HEADERS = {"x-request-id": REQUEST_ID}


def _bug(*_: Any, **__: Any) -> NoReturn:
    raise RuntimeError("secret detail of a bug")


def _assert_logged(caplog: pytest.LogCaptureFixture) -> None:
    records = [r for r in caplog.records if REQUEST_ID in r.getMessage()]
    assert records and records[0].levelno == logging.ERROR
    assert records[0].exc_info is not None and "secret detail" in str(records[0].exc_info[1])


def _assert_masked(response: httpx.Response, message: str) -> None:
    assert response.headers["x-request-id"] == REQUEST_ID
    assert message == f"Internal server error (request id {REQUEST_ID})"
    assert "secret" not in response.text


def _assert_graphql_masked(response: httpx.Response, status: int) -> None:
    assert response.status_code == status
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR", "request_id": REQUEST_ID}
    _assert_masked(response, error["message"])


async def test_a_graphql_resolver_bug_is_a_masked_internal_error_with_the_request_id(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(projects, "create_project", _bug)
    response = await client.post("/graphql", headers=HEADERS, json={
        "query": 'mutation { create_project(input: {name: "p"}) { id } }'})
    _assert_graphql_masked(response, 200)
    _assert_logged(caplog)


async def test_a_rest_handler_bug_is_a_masked_500_with_the_request_id(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(deployments, "get_deployment", _bug)
    response = await client.get(f"/api/deployments/{uuid.uuid4()}", headers=HEADERS)
    assert response.status_code == 500
    body = response.json()
    assert body["code"] == "INTERNAL_SERVER_ERROR"
    assert body["details"] == {"request_id": REQUEST_ID}
    _assert_masked(response, body["detail"])
    _assert_logged(caplog)


async def test_a_bug_outside_any_handler_is_a_masked_500_with_the_request_id(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(view, "_read_body", _bug)
    response = await client.post("/graphql", headers=HEADERS, json={"query": "{ hello }"})
    _assert_graphql_masked(response, 500)
    _assert_logged(caplog)


async def test_a_request_without_an_id_gets_a_new_one_in_the_header_and_the_message(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(deployments, "get_deployment", _bug)
    response = await client.get(f"/api/deployments/{uuid.uuid4()}")
    request_id = response.headers["x-request-id"]
    assert len(request_id) == 32
    assert response.json()["details"] == {"request_id": request_id}
