"""The run page updates itself while the run is unfinished (polling here: this server has no
subscriptions), and never while the tab is hidden; showing the tab again reads at once."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from server.client import Client
from tests.live import LiveServer
from tests.ui.conftest import Browser, register
from tests.ui.test_journeys import scheduled_run, unique

pytestmark = pytest.mark.e2e

# Page Visibility as the test decides: the browser's own is always "visible" when headless.
VISIBILITY = """
Object.defineProperty(document, 'visibilityState', {
  configurable: true, get: () => (window.__hidden ? 'hidden' : 'visible') });
window.__setHidden = (hidden) => {
  window.__hidden = hidden; document.dispatchEvent(new Event('visibilitychange')); };
"""
POLL_SECONDS = 4


def test_a_hidden_tab_reads_nothing_and_catches_up_as_soon_as_it_is_shown(
    new_context: Any, ui_server: LiveServer, api: Client
) -> None:
    run_id = scheduled_run(api, register(ui_server, unique("hidden")))
    context = new_context()
    context.add_init_script(script=VISIBILITY)
    # The server has subscriptions; refusing the socket (as a proxy would) makes the page poll.
    context.route_web_socket(re.compile(r".*/graphql/?$"), lambda ws: ws.close())
    try:
        tab = Browser(context, ui_server.url)
        page = tab.page
        reads: list[str] = []
        page.on("request", lambda r: reads.append(r.url)
                if r.method == "POST" and '"operationName":"FlowRun"' in (r.post_data or "")
                else None)
        tab.open(f"/runs/{run_id}")
        heading = page.get_by_role("heading", level=1)
        expect(heading).to_contain_text("Scheduled")
        expect(page.get_by_text("Updating every few seconds")).to_be_visible()
        before = len(reads)
        page.wait_for_timeout((POLL_SECONDS * 2 + 1) * 1000)
        assert len(reads) > before, "a visible tab polls"

        page.evaluate("() => window.__setHidden(true)")
        hidden_at = len(reads)
        api.set_flow_run_state(run_id, "Running")
        page.wait_for_timeout((POLL_SECONDS * 3) * 1000)
        assert len(reads) == hidden_at, "a hidden tab must not poll"
        expect(heading).to_contain_text("Scheduled")

        page.evaluate("() => window.__setHidden(false)")
        expect(heading).to_contain_text("Running", timeout=POLL_SECONDS * 1000 - 500)
        tab.check()
    finally:
        context.close()
