"""API keys end to end, on both engines: made by `flowrun api-key` on the database, used
over HTTP against a live server, revoked; managed over GraphQL by an admin key; never stored
or logged in clear; and the server's refusal to listen beyond loopback without a decision."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy.engine import make_url

from server.graphql.schema import build_schema
from tests.auth.conftest import Keys, bearer
from tests.live import ROOT, LiveServer, free_port, start_server

HELLO = {"query": "{ hello }"}


def flowrun(database_url: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args], cwd=ROOT, capture_output=True, text=True,
        timeout=60, env={**os.environ, "FLOWRUN_DATABASE_URL": database_url, **env},
    )


@pytest.fixture
async def http(auth_server: LiveServer) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=auth_server.url, timeout=30) as client:
        yield client


async def test_a_key_made_by_the_cli_works_is_listed_without_itself_and_stops_when_revoked(
    database_url: str, http: httpx.AsyncClient, keys: Keys,
) -> None:
    name = f"cli-{uuid.uuid4().hex[:6]}"
    made = flowrun(database_url, "api-key", "create", name, "--scope", "read",
                   "--expires-in", "1d")
    assert made.returncode == 0, made.stderr
    key = made.stdout.strip().splitlines()[-1]
    assert key.startswith("flowrun_") and len(key) > 40
    assert (await http.post("/graphql", json=HELLO, headers=bearer(key))).status_code == 200
    listed = flowrun(database_url, "api-key", "ls")
    assert name in listed.stdout and "read" in listed.stdout and key not in listed.stdout
    assert flowrun(database_url, "api-key", "revoke", name).returncode == 0
    refused = await http.post("/graphql", json=HELLO, headers=bearer(key))
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert "revoked" in refused.json()["errors"][0]["message"]
    again = flowrun(database_url, "api-key", "revoke", name)
    assert again.returncode == 2 and "revoked already" in again.stderr
    bad = flowrun(database_url, "api-key", "create", "x", "--scope", "root")
    assert bad.returncode == 2 and "read, write or admin" in bad.stderr


CREATE = """mutation($i: create_api_key_input!) { create_api_key(input: $i) {
  key api_key { name scope expires } } }"""
KEYS = "{ api_keys { name scope last_used revoked } }"


async def test_an_admin_key_makes_lists_and_revokes_keys_over_graphql(
    http: httpx.AsyncClient, keys: Keys,
) -> None:
    name = f"gql-{uuid.uuid4().hex[:6]}"
    variables = {"i": {"name": name, "scope": "write", "expires_in_seconds": 3600}}
    made = (await http.post("/graphql", json={"query": CREATE, "variables": variables},
                            headers=bearer(keys.admin))).json()["data"]["create_api_key"]
    assert made["api_key"]["scope"] == "write" and made["api_key"]["expires"]
    used = await http.post("/graphql", json=HELLO, headers=bearer(made["key"]))
    assert used.status_code == 200
    listed = (await http.post("/graphql", json={"query": KEYS},
                              headers=bearer(keys.admin))).json()["data"]["api_keys"]
    mine = next(k for k in listed if k["name"] == name)
    assert mine["last_used"] is not None and mine["revoked"] is None
    revoke = "mutation($n: String!) { revoke_api_key(input: {name: $n}) { success } }"
    await http.post("/graphql", json={"query": revoke, "variables": {"n": name}},
                    headers=bearer(keys.admin))
    assert (await http.post("/graphql", json=HELLO, headers=bearer(made["key"]))
            ).status_code == 401


def test_no_graphql_type_can_return_a_key_hash() -> None:
    schema = build_schema()._schema
    fields = {f for t in schema.type_map.values() for f in getattr(t, "fields", {}) or {}}
    assert "key_hash" not in fields
    assert set(schema.type_map["api_key_info"].fields) == {  # type: ignore[attr-defined]
        "id", "name", "scope", "created", "expires", "last_used", "revoked"}


def database_text(database_url: str) -> bytes:
    """Everything the database holds, as bytes: the SQLite files, or a pg_dump."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        path = Path(str(url.database))
        return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
    dump = subprocess.run(["pg_dump", "--data-only", url.render_as_string(False)],
                          capture_output=True, timeout=60, check=True)
    return dump.stdout


async def test_a_key_is_never_stored_or_logged_in_clear(
    database_url: str, http: httpx.AsyncClient, keys: Keys, auth_server: LiveServer,
) -> None:
    for key in (keys.read, keys.write):
        await http.post("/graphql", json=HELLO, headers=bearer(key))
        await http.post("/graphql", json={"query": "mutation { delete_flow(input: {flow_id: "
                        f'"{uuid.uuid4()}"}}) {{ success }} }}'}, headers=bearer(key))
        await http.get(f"/api/flow_runs/{uuid.uuid4()}", headers=bearer(key))
    stored = database_text(database_url)
    log = auth_server.log()
    for key in (keys.read, keys.write, keys.admin):
        assert hashlib.sha256(key.encode()).hexdigest().encode() in stored  # the search works
        secret = key.removeprefix("flowrun_")
        assert secret.encode() not in stored
        assert secret not in log


async def test_with_auth_off_no_key_may_do_everything_but_a_wrong_key_is_refused(
    live_server: LiveServer, keys: Keys,
) -> None:
    async with httpx.AsyncClient(base_url=live_server.url, timeout=30) as http:
        assert (await http.post("/graphql", json=HELLO)).status_code == 200
        assert (await http.post("/graphql", json=HELLO, headers=bearer(keys.read))
                ).status_code == 200
        wrong = await http.post("/graphql", json=HELLO, headers=bearer("flowrun_wrong"))
        assert wrong.status_code == 401
        open_doors = [await http.get("/health"), await http.get("/graphql"),
                      await http.get("/api/openapi.json")]
        assert [r.status_code for r in open_doors] == [200, 200, 200]


def test_the_server_refuses_a_non_loopback_address_until_auth_is_decided(
    database_url: str,
) -> None:
    refused = flowrun(database_url, "server", "start", "--no-upgrade", "--host", "0.0.0.0",
                      "--port", str(free_port()))
    assert refused.returncode == 2
    lines = refused.stderr.strip().splitlines()
    assert len(lines) == 1 and "FLOWRUN_AUTH_REQUIRED" in lines[0], refused.stderr
    with start_server(database_url, {"FLOWRUN_HOST": "0.0.0.0",
                                     "FLOWRUN_AUTH_REQUIRED": "false"}) as server:
        assert httpx.get(f"{server.url}/health", timeout=10).status_code == 200


async def test_the_open_pages_stay_open_with_auth_required(http: httpx.AsyncClient) -> None:
    pages = [await http.get("/health"), await http.get("/graphql"),
             await http.get("/api/openapi.json"), await http.get("/api/csrf-token")]
    assert [r.status_code for r in pages] == [200, 200, 200, 422]
    assert (await http.post("/", json=HELLO)).status_code == 401
    assert (await http.post("/graphql", json=HELLO, headers={"Authorization": "Basic eDp5"})
            ).status_code == 401

