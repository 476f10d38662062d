"""Fixtures for the browser tests: a live server per database engine, a Chromium, and a page
that fails its test on any console error or failed request. A failing test leaves a
screenshot in tests/ui/failures/ (gitignored)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest

from server.client import Client
from tests.conftest import BACKENDS
from tests.e2e.motion import cli, fresh_database
from tests.live import LiveServer, start_server
from tests.ui.browser import (
    AXE,
    CHROMIUM,
    CHROMIUM_ARGS,
    Watch,
    axe_violations,
    pretty,
    screenshot_name,
    unavailable_reason,
    under_ci,
)

FLOWS = __file__.rsplit("/", 1)[0] + "/flows.py"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    page = getattr(item, "funcargs", {}).get("page")
    if report.failed and call.when == "call" and page is not None:
        try:
            page.screenshot(path=str(screenshot_name(item.nodeid)), full_page=True)
        except Exception as exc:  # the browser may be the thing that broke
            report.sections.append(("screenshot", f"no screenshot: {exc}"))
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    reason = unavailable_reason()
    if reason is not None:
        if under_ci():
            pytest.fail(f"browser tests are required under CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module", params=BACKENDS)
def ui_server(request: pytest.FixtureRequest) -> Iterator[LiveServer]:
    """A server over a database of this module's own, on each engine."""
    with fresh_database(request.param) as url, start_server(url) as server:
        yield server


@pytest.fixture
def api(ui_server: LiveServer) -> Iterator[Client]:
    with Client(ui_server.graphql_url) as client:
        yield client


class Browser:
    """A browser tab on the UI, with what went wrong in it."""

    def __init__(self, context: Any, base_url: str) -> None:
        self.context = context
        self.base_url = base_url
        self.watch = Watch()
        self.page = self.new_tab()

    def new_tab(self) -> Any:
        page = self.context.new_page()
        self.watch.attach(page)
        page.set_default_timeout(20_000)
        return page

    def open(self, path: str, page: Any = None) -> Any:
        page = page or self.page
        page.goto(self.base_url + path)
        page.wait_for_load_state("networkidle")
        return page

    def check(self, page: Any = None) -> None:
        """No console error or failed request so far, and no serious axe violation here."""
        page = page or self.page
        assert self.watch.console_errors == [], pretty(self.watch.console_errors)
        assert self.watch.failed_requests == [], pretty(self.watch.failed_requests)
        violations = axe_violations(page)
        assert violations == [], pretty(violations)


def _context(browser: Any, **options: Any) -> Any:
    options = {"viewport": {"width": 1280, "height": 900}, "timezone_id": "Europe/Paris",
               **options}
    context = browser.new_context(**options)
    context.add_init_script(path=str(AXE))  # not subject to the page's CSP
    return context


@pytest.fixture
def tab(browser: Any, ui_server: LiveServer) -> Iterator[Browser]:
    context = _context(browser)
    try:
        yield Browser(context, ui_server.url)
    finally:
        context.close()


@pytest.fixture
def page(tab: Browser) -> Any:
    """The tab's page (named `page` so a failing test leaves a screenshot of it)."""
    return tab.page


@pytest.fixture
def new_context(browser: Any) -> Any:
    return lambda **options: _context(browser, **options)


def register(server: LiveServer, name: str, project: str = "ui") -> str:
    """Register tests/ui/flows.py:greet under a name through the CLI; return the flow id."""
    result = cli(server.graphql_url, "register", f"{FLOWS}:greet", "--name", name,
                 "--project", project)
    assert result.returncode == 0, result.stderr
    match = re.search(r"\(([0-9a-f-]{36})\)", result.stdout)
    assert match, result.stdout
    return match.group(1)
