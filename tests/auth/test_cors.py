"""Browsers on other origins: CORS is off unless FLOWRUN_CORS_ORIGINS names the origin."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from server.app import create_app
from server.settings import Settings

UI = "https://ui.example.com"
PREFLIGHT = {"Access-Control-Request-Method": "POST",
             "Access-Control-Request-Headers": "authorization, content-type"}


async def client_for(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
        yield client
    await app.state.db.dispose()


@pytest.fixture
async def allowed(sqlite_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async for client in client_for(Settings(database_url=sqlite_url, cors_origins=[UI])):
        yield client


@pytest.fixture
async def default(sqlite_url: str) -> AsyncIterator[httpx.AsyncClient]:
    async for client in client_for(Settings(database_url=sqlite_url)):
        yield client


async def test_an_allowed_origin_passes_preflight_and_reads_with_a_key_header(
    allowed: httpx.AsyncClient,
) -> None:
    preflight = await allowed.options("/graphql", headers={"Origin": UI, **PREFLIGHT})
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == UI
    assert "authorization" in preflight.headers["access-control-allow-headers"].lower()
    answer = await allowed.post("/graphql", json={"query": "{ hello }"}, headers={"Origin": UI})
    assert answer.headers["access-control-allow-origin"] == UI


async def test_another_origin_is_not_allowed(allowed: httpx.AsyncClient) -> None:
    other = {"Origin": "https://evil.example.com"}
    preflight = await allowed.options("/api/flow_runs/filter", headers={**other, **PREFLIGHT})
    assert preflight.status_code == 400
    assert "access-control-allow-origin" not in preflight.headers


async def test_by_default_no_origin_is_allowed(default: httpx.AsyncClient) -> None:
    answer = await default.post("/graphql", json={"query": "{ hello }"}, headers={"Origin": UI})
    assert answer.status_code == 200
    assert "access-control-allow-origin" not in answer.headers


def test_origins_are_read_comma_separated_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FLOWRUN_CORS_ORIGINS", f"{UI}, http://localhost:5173")
    assert Settings().cors_origins == [UI, "http://localhost:5173"]
