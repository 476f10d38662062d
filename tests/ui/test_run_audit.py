"""The run page tells why a run waits, that it is late, and who made it and each of its states;
the dashboard counts the late runs. The server's loops and API keys set these fields; the test
writes them straight into the database so the page is checked on exactly known values."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from server.client import Client
from server.database.engine import sync_url
from server.database.models import FlowRun, FlowRunState
from tests.live import LiveServer
from tests.ui.conftest import Browser, register

pytestmark = pytest.mark.e2e

REASON = "Waiting for a concurrency slot: label 'gpu' is at its limit of 1"
KEY = {"id": str(uuid.uuid4()), "type": "API_KEY", "display_value": "ops-key"}


def audit(database_url: str, run_id: str) -> None:
    """Make the run late and waiting, created by the key, its first state set by the key."""
    engine = sa.create_engine(sync_url(database_url), poolclass=sa.NullPool)
    runs, states = FlowRun.__table__, FlowRunState.__table__  # type: ignore[attr-defined]
    try:
        with engine.begin() as conn:
            conn.execute(sa.update(runs).where(runs.c.id == uuid.UUID(run_id))
                         .values(late=True, wait_reason=REASON, created_by=KEY))
            conn.execute(sa.update(states).where(states.c.flow_run_id == uuid.UUID(run_id),
                                                 states.c.version == 1).values(created_by=KEY))
    finally:
        engine.dispose()


def new_run(server: LiveServer, api: Client) -> str:
    flow_id = register(server, f"audit-{uuid.uuid4().hex[:6]}")
    return api.create_flow_run(flow_id=flow_id, parameters={"who": "x"})


def test_the_run_page_shows_why_it_waits_that_it_is_late_and_who_made_each_state(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    run_id = new_run(ui_server, api)
    api.set_flow_run_state(run_id, "Scheduled", message="moved by hand")
    audit(ui_server.database_url, run_id)

    tab.open(f"/runs/{run_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Late")
    expect(page.get_by_role("status")).to_have_text(f"Waiting: {REASON}")
    history = page.locator("ol.timeline li")
    expect(history).to_have_count(2)
    expect(history.nth(0)).to_contain_text("by ops-key")
    expect(history.nth(1)).to_contain_text("by anonymous")
    expect(history.nth(1)).to_contain_text("moved by hand")
    expect(page.locator("dl.details")).to_contain_text("Created byops-key")
    tab.check()

    tab.open("/")
    expect(page.locator(".tile.late .count")).to_have_text("1")
    tab.check()


def test_a_run_that_is_neither_late_nor_waiting_shows_neither(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    run_id = new_run(ui_server, api)
    tab.open(f"/runs/{run_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Scheduled")
    expect(page.get_by_role("heading", level=1)).not_to_contain_text("Late")
    expect(page.locator(".wait-reason")).to_have_count(0)
    expect(page.locator("dl.details")).to_contain_text("Created byanonymous")
