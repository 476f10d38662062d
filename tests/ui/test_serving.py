"""How the process serves the UI: index.html for the app's paths, hashed assets cached for
good, pages never cached, a same-origin Content-Security-Policy, and the API untouched."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from server.database import migrate
from server.ui.serve import DIST
from tests.live import start_server

ASSET = re.compile(r'(?:src|href)="(/assets/[^"]+)"')


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    url = f"sqlite:///{tmp_path_factory.mktemp('serving') / 'ui.db'}"
    migrate.upgrade(url)
    with start_server(url) as server, httpx.Client(base_url=server.url) as http:
        yield http


@pytest.mark.parametrize("path", ["/", "/flows", "/flows/abc/run", "/runs?state=FAILED",
                                  "/runs/0b3c1e2a-0000-4000-8000-000000000000"])
def test_the_app_s_paths_answer_index_html_uncached_under_a_same_origin_policy(
    client: httpx.Client, path: str
) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert '<div id="root">' in response.text
    assert response.headers["cache-control"] == "no-cache"
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    host = str(client.base_url.netloc.decode())
    assert f"connect-src 'self' ws://{host} wss://{host}" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_pages_carry_no_inline_script_and_every_asset_they_name_is_served_immutable(
    client: httpx.Client,
) -> None:
    for page in ("/", "/graphql"):
        html = client.get(page).text
        assert re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html) is None, html
        assets = ASSET.findall(html)
        assert assets, html
        for asset in assets:
            response = client.get(asset)
            assert response.status_code == 200, asset
            assert response.headers["cache-control"] == "public, max-age=31536000, immutable"


def test_graphiql_is_served_from_flowrun_s_own_files_and_no_cdn(client: httpx.Client) -> None:
    response = client.get("/graphql")
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "graphiql" in response.text.lower()
    assert "https://" not in response.text and "unpkg" not in response.text
    assert "content-security-policy" in response.headers


def test_post_to_the_root_and_to_graphql_stay_graphql(client: httpx.Client) -> None:
    for path in ("/", "/graphql"):
        query = "{ flow_run_aggregate { aggregate { count } } }"
        response = client.post(path, json={"query": query})
        assert response.json() == {"data": {"flow_run_aggregate": {"aggregate": {"count": 0}}}}


def test_the_api_health_and_unknown_assets_are_not_swallowed_by_the_app(
    client: httpx.Client,
) -> None:
    assert client.get("/health").json()["status"] == "ok"
    assert client.get("/api/openapi.json").json()["openapi"].startswith("3.1")
    assert client.get("/api/flow_runs/not-a-uuid").status_code == 422
    assert client.get("/assets/no-such-file.js").status_code == 404
    assert client.get("/favicon.svg").headers["content-type"].startswith("image/svg")


def test_the_built_files_ship_as_package_data() -> None:
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert '"server.ui" = ["dist/*", "dist/assets/*"]' in pyproject
    assert (DIST / "index.html").exists() and (DIST / "graphiql.html").exists()
