"""Every page: readable at 390 px and 1280 px, in dark mode, with no console error and no
serious axe violation; GraphiQL with no failed request; errors named next to their field;
the sign-in screen a server that requires API keys leads to."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from playwright.sync_api import Route, expect

from server.client import Client
from tests.live import LiveServer
from tests.ui.conftest import Browser, register
from tests.ui.test_journeys import unique

pytestmark = pytest.mark.e2e


def pages_of_a_run(server: LiveServer, api: Client) -> list[str]:
    flow_id = register(server, unique("pages"))
    run_id = api.create_flow_run(flow_id=flow_id, parameters={"who": "Ada", "tags": ["a"]},
                                 labels=["ui"])
    api.set_flow_run_state(run_id, "Running")
    api.write_run_logs([{"flow_run_id": run_id, "level": "INFO", "message": "working",
                         "name": "greet", "timestamp": "2030-01-01T00:00:00+00:00"}])
    api.set_flow_run_state(run_id, "Failed", message="it broke")
    return ["/", "/?window=7d", "/flows", f"/flows/{flow_id}", f"/flows/{flow_id}/runs",
            f"/flows/{flow_id}/run", "/runs", f"/runs?state=FAILED&flow={flow_id}",
            f"/runs/{run_id}"]


@pytest.mark.parametrize(("width", "scheme"), [(390, "dark"), (1280, "dark"), (390, "light")])
def test_every_page_fits_the_window_and_passes_axe(
    new_context: Any, ui_server: LiveServer, api: Client, width: int, scheme: str
) -> None:
    context = new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
    try:
        tab = Browser(context, ui_server.url)
        for path in pages_of_a_run(ui_server, api):
            page = tab.open(path)
            expect(page.get_by_role("heading", level=1)).to_be_visible()
            overflow = page.evaluate(
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 1, f"{path} is {overflow}px wider than a {width}px window"
            tab.check()
    finally:
        context.close()


def test_graphiql_renders_with_its_explorer_and_no_failed_or_outside_request(
    tab: Browser, page: Any, ui_server: LiveServer
) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    tab.open("/graphql")
    expect(page.locator(".graphiql-container")).to_be_visible()
    page.get_by_role("button", name="Show GraphiQL Explorer").click()
    expect(page.get_by_text("flow_run_aggregate").first).to_be_visible()
    assert tab.watch.console_errors == [] and tab.watch.failed_requests == [], (
        tab.watch.console_errors, tab.watch.failed_requests)
    outside = [url for url in requested
               if not url.startswith((ui_server.url, "data:", "blob:"))]
    assert outside == []


def test_a_parameter_the_server_refuses_is_named_next_to_its_field(
    tab: Browser, page: Any, ui_server: LiveServer
) -> None:
    flow_id = register(ui_server, unique("refused"))
    tab.open(f"/flows/{flow_id}/run")
    page.get_by_role("button", name="Run Flow").click()
    who = page.locator(".field", has=page.get_by_label(re.compile(r"^who")))
    expect(who.locator(".field-error")).to_contain_text("required")

    page.get_by_label(re.compile(r"^who")).fill("Ada")
    page.get_by_label(re.compile(r"^times")).fill("1.5")
    page.get_by_role("button", name="Run Flow").click()
    times = page.locator(".field", has=page.get_by_label(re.compile(r"^times")))
    expect(times.locator(".field-error")).to_contain_text("not of type 'integer'")
    expect(who.locator(".field-error")).to_have_count(0)
    assert "/runs/" not in page.url
    assert not page.get_by_text('{"').is_visible()  # never a raw JSON blob
    tab.check()


def test_a_server_that_wants_a_key_gets_a_sign_in_screen_and_then_the_key_on_every_call(
    tab: Browser, page: Any, ui_server: LiveServer
) -> None:
    """The API-keys contract (401 UNAUTHENTICATED, 403 FORBIDDEN naming the scope), played
    by intercepting the browser's calls in front of the real server."""
    seen: list[str | None] = []

    def guard(route: Route) -> None:
        key = route.request.headers.get("authorization")
        seen.append(key)
        if route.request.method == "POST" and key != "Bearer good-key":
            route.fulfill(status=401, content_type="application/json", body=json.dumps(
                {"errors": [{"message": "A valid API key is required",
                             "extensions": {"code": "UNAUTHENTICATED"}}]}))
        elif route.request.method == "POST" and "mutation" in (route.request.post_data or ""):
            route.fulfill(status=403, content_type="application/json", body=json.dumps(
                {"errors": [{"message": "This key lacks the scope runs:write",
                             "extensions": {"code": "FORBIDDEN"}}]}))
        else:  # the real server refuses a key it does not know: pass the call on without it
            headers = {k: v for k, v in route.request.headers.items() if k != "authorization"}
            route.continue_(headers=headers)

    page.route(re.compile(r".*/graphql$"), guard)
    page.goto(ui_server.url + "/runs")
    expect(page.get_by_role("heading", name="Sign in to flowrun")).to_be_visible()
    expect(page.get_by_text("A valid API key is required")).to_be_visible()
    assert axe_clean(tab)
    page.get_by_label("API key").fill("good-key")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Flow runs")).to_be_visible()
    page.wait_for_load_state("networkidle")
    mark = len(seen)
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert len(seen) > mark and set(seen[mark:]) == {"Bearer good-key"}
    assert page.evaluate("() => sessionStorage.getItem('flowrun.apiKey')") == "good-key"

    flow_id = register(ui_server, unique("forbidden"))
    tab.open(f"/flows/{flow_id}/run")
    page.get_by_label(re.compile(r"^who")).fill("Ada")
    page.get_by_role("button", name="Run Flow").click()
    expect(page.get_by_role("alert").first).to_contain_text("runs:write")
    expect(page.get_by_role("alert").first).to_contain_text("not allowed")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="Sign in to flowrun")).to_be_visible()
    assert page.evaluate("() => sessionStorage.getItem('flowrun.apiKey')") is None


def axe_clean(tab: Browser) -> bool:
    from tests.ui.browser import axe_violations

    violations = axe_violations(tab.page)
    assert violations == [], violations
    return True
