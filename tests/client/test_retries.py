"""Retries: connection errors and SERVICE_UNAVAILABLE are retried with backoff; other errors
raise a ClientError carrying the server's code. The server side is played by an httpx mock
transport (the network is the outside world here)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from server.client import Client
from server.client.errors import ClientError, ConnectionFailed
from server.client.transport import RetryPolicy
from tests.live import free_port

FAST = RetryPolicy(attempts=4, backoff=0.001, max_backoff=0.002)
CREATED = {"data": {"create_flow_run": {"id": "6f1c7d5e-0000-4000-8000-000000000001",
                                        "created": True}}}


def unavailable() -> dict[str, Any]:
    return {"data": None, "errors": [{"message": "The database is busy",
                                      "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}


class Script:
    """Answers requests in order from a list of callables (or payloads)."""

    def __init__(self, *answers: Any) -> None:
        self.answers = list(answers)
        self.bodies: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.bodies.append(json.loads(request.content))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        # as the server answers: HTTP 503 when every error is SERVICE_UNAVAILABLE
        codes = {e["extensions"]["code"] for e in answer.get("errors") or []}
        return httpx.Response(503 if codes == {"SERVICE_UNAVAILABLE"} else 200, json=answer)


def client_for(script: Script) -> Client:
    return Client("http://flowrun.test/graphql", retry=FAST,
                  http_transport=httpx.MockTransport(script))


def test_a_create_is_retried_after_service_unavailable_with_the_same_idempotency_key() -> None:
    script = Script(unavailable(), unavailable(), CREATED)
    run_id = client_for(script).create_flow_run(flow_id="6f1c7d5e-0000-4000-8000-0000000000aa")
    assert run_id == CREATED["data"]["create_flow_run"]["id"]
    keys = {body["variables"]["input"]["idempotency_key"] for body in script.bodies}
    assert len(script.bodies) == 3 and len(keys) == 1 and keys != {None}


def test_a_create_is_retried_after_a_read_timeout_because_it_carries_a_key() -> None:
    script = Script(httpx.ReadTimeout("slow"), CREATED)
    client_for(script).create_flow_run(flow_id="6f1c7d5e-0000-4000-8000-0000000000aa")
    assert len(script.bodies) == 2


def test_a_state_change_is_not_resent_after_a_read_timeout() -> None:
    script = Script(httpx.ReadTimeout("slow"), {"data": {}})
    with pytest.raises(ConnectionFailed) as caught:
        client_for(script).set_flow_run_state("6f1c7d5e-0000-4000-8000-0000000000aa", "Success")
    assert caught.value.code == "CONNECTION_FAILED"
    assert len(script.bodies) == 1


def test_a_request_that_never_left_is_retried_even_when_it_is_not_idempotent() -> None:
    script = Script(httpx.ConnectError("refused"), {"data": {"set_flow_run_state": {
        "id": "x", "version": 3}}})
    assert client_for(script).set_flow_run_state("6f1c7d5e-0000-4000-8000-0000000000aa",
                                                 "Success") == 3


def test_other_errors_raise_at_once_with_the_servers_code() -> None:
    script = Script({"data": None, "errors": [{"message": "No flow with id x",
                                               "extensions": {"code": "NOT_FOUND"}}]})
    with pytest.raises(ClientError) as caught:
        client_for(script).create_flow_run(flow_id="6f1c7d5e-0000-4000-8000-0000000000aa")
    assert caught.value.code == "NOT_FOUND"
    assert len(script.bodies) == 1


def test_an_unreachable_server_ends_in_connection_failed_after_the_retries() -> None:
    client = Client(f"http://127.0.0.1:{free_port()}/graphql", retry=FAST)
    with pytest.raises(ConnectionFailed) as caught:
        client.get_flow_run_info("6f1c7d5e-0000-4000-8000-0000000000aa")
    assert caught.value.code == "CONNECTION_FAILED"
