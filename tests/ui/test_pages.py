"""Every page: readable at 390 px and 1280 px, in dark mode, with no console error and no
serious axe violation; GraphiQL with no failed request; errors named next to their field;
the sign-in screen a server that requires API keys leads to."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

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


def axe_clean(tab: Browser) -> bool:
    from tests.ui.browser import axe_violations

    violations = axe_violations(tab.page)
    assert violations == [], violations
    return True
