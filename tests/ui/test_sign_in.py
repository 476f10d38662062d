"""A server that requires API keys (FLOWRUN_AUTH_REQUIRED=true), on both engines, in a real
browser: the UI asks for a key on the server's 401, refuses a wrong one with the server's
words, sends a good one on every call, explains a 403 where the refused action was, and
forgets the key on sign-out."""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Route, expect

from tests.conftest import BACKENDS
from tests.e2e.motion import FLOWRUN, fresh_database
from tests.live import LiveServer, start_server
from tests.ui.conftest import Browser, register
from tests.ui.test_journeys import unique
from tests.ui.test_pages import axe_clean

pytestmark = pytest.mark.e2e


def make_key(database_url: str, scope: str) -> str:
    """`flowrun api-key create` on the database directly; the key is its last line."""
    done = subprocess.run(
        [FLOWRUN, "api-key", "create", unique(scope), "--scope", scope],
        env={**os.environ, "FLOWRUN_DATABASE_URL": database_url},
        capture_output=True, text=True, timeout=90, check=True)
    return done.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module", params=BACKENDS)
def keyed_server(request: pytest.FixtureRequest) -> Iterator[tuple[LiveServer, str, str]]:
    """A server that requires keys, with an admin and a read key made before it starts."""
    with fresh_database(request.param) as url:
        admin, read = make_key(url, "admin"), make_key(url, "read")
        with start_server(url, {"FLOWRUN_AUTH_REQUIRED": "true"}) as server:
            yield server, admin, read


def test_a_server_that_wants_a_key_gets_a_sign_in_screen_and_then_the_key_on_every_call(
    new_context: Any, keyed_server: tuple[LiveServer, str, str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, admin, read = keyed_server
    monkeypatch.setenv("FLOWRUN_API_KEY", admin)  # the CLI registers the flow as admin
    flow_id = register(server, unique("keyed"))
    context = new_context()
    try:
        tab = Browser(context, server.url)
        page = tab.page
        seen: list[str | None] = []

        def watch(route: Route) -> None:
            seen.append(route.request.headers.get("authorization"))
            route.continue_()

        page.route(re.compile(r".*/graphql$"), watch)
        page.goto(server.url + "/runs")
        expect(page.get_by_role("heading", name="Sign in to flowrun")).to_be_visible()
        assert axe_clean(tab)

        page.get_by_label("API key").fill("flowrun_not-a-key")
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_text("not valid")).to_be_visible()

        page.get_by_label("API key").fill(read)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Flow runs")).to_be_visible()
        page.wait_for_load_state("networkidle")
        mark = len(seen)
        page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
        expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
        page.wait_for_load_state("networkidle")
        assert len(seen) > mark and set(seen[mark:]) == {f"Bearer {read}"}
        assert page.evaluate("() => sessionStorage.getItem('flowrun.apiKey')") == read

        tab.open(f"/flows/{flow_id}/run")
        page.get_by_label(re.compile(r"^who")).fill("Ada")
        page.get_by_role("button", name="Run Flow").click()
        expect(page.get_by_role("alert").first).to_contain_text("write")  # the scope needed

        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("heading", name="Sign in to flowrun")).to_be_visible()
        assert page.evaluate("() => sessionStorage.getItem('flowrun.apiKey')") is None
    finally:
        context.close()
