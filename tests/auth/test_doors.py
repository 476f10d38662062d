"""Every operation of the one access table, through HTTP against a live server that requires
keys, on both engines: no key is 401, a key of the scope below is 403 naming the scope needed
(and the database is unchanged), a key of the right scope passes the check. The list of
operations is the table itself, which tests/auth/test_access_table.py holds equal to the
schema's root fields and the REST routes. (Subscriptions are checked on their WebSocket.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from server.database.engine import Database
from server.domain.access import ACCESS, Scope
from server.graphql.schema import build_schema
from tests.auth.conftest import Keys, bearer, snapshot
from tests.auth.documents import graphql_request, rest_request
from tests.live import LiveServer

SCHEMA = build_schema()._schema
OPERATIONS = sorted(op for op, scope in ACCESS.items()
                    if scope is not Scope.OPEN and not op.startswith("Subscription."))
REFUSED = {"UNAUTHENTICATED", "FORBIDDEN"}


@pytest.fixture
async def http(auth_server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=auth_server.url, timeout=30) as client:
        yield client


async def call(http: httpx.AsyncClient, operation: str, key: str | None) -> httpx.Response:
    if " " in operation:
        method, path, body = rest_request(operation)
        return await http.request(method, path, json=body, headers=bearer(key))
    return await http.post("/graphql", json=graphql_request(SCHEMA, operation),
                           headers=bearer(key))


def codes(response: httpx.Response) -> set[str]:
    body: Any = response.json() if response.content else {}
    if isinstance(body, dict) and "errors" in body:
        return {e["extensions"]["code"] for e in body["errors"]}
    return {body["code"]} if isinstance(body, dict) and "code" in body else set()


@pytest.mark.parametrize("operation", OPERATIONS)
async def test_each_operation_refuses_no_key_and_the_scope_below_and_admits_its_scope(
    operation: str, http: httpx.AsyncClient, keys: Keys, session_db: Database
) -> None:
    needed = ACCESS[operation]
    before = await snapshot(session_db)
    for key in (None, "flowrun_not-a-key", keys.expired, keys.revoked):
        refused = await call(http, operation, key)
        assert (refused.status_code, codes(refused)) == (401, {"UNAUTHENTICATED"}), key
        assert refused.headers["www-authenticate"] == "Bearer"
    if needed > Scope.READ:
        below = await call(http, operation, keys.of(Scope(needed - 1)))
        assert (below.status_code, codes(below)) == (403, {"FORBIDDEN"}), below.text
        assert needed.label in below.text
    assert await snapshot(session_db) == before
    admitted = await call(http, operation, keys.of(needed))
    assert admitted.status_code not in (401, 403) and admitted.status_code < 500, admitted.text
    assert not codes(admitted) & REFUSED, admitted.text
