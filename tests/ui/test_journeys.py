"""The issue's journeys, as a person does them in a real browser, on SQLite and PostgreSQL:
from a flow registered with the CLI to a run an agent finishes, Mark As (and a stale one),
a filtered list that survives a reload, and bulk cancel."""

from __future__ import annotations

import json
import re
import uuid
from typing import Any

import pytest
from playwright.sync_api import expect

from server.client import Client
from tests.e2e.motion import agents, wait_for
from tests.live import LiveServer
from tests.ui.conftest import Browser, register

pytestmark = pytest.mark.e2e


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:6]}"


def test_a_person_runs_a_flow_from_its_page_and_sees_it_succeed_with_its_log_line(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    name = unique("greet")
    register(ui_server, name)
    tab.open("/")
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()
    tab.check()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Flows").click()
    page.get_by_label("Search by name").fill(name)
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", name=re.compile(name))).to_be_visible()
    tab.check()
    sections = page.get_by_role("navigation", name="Flow sections")
    sections.get_by_role("link", name="Run", exact=True).click()
    page.get_by_label(re.compile(r"^who")).fill("Marvin")
    tab.check()
    page.get_by_role("button", name="Run Flow").click()

    expect(page).to_have_url(re.compile(r"/runs/[0-9a-f-]{36}$"))
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Scheduled")
    tab.check()
    run_id = page.url.rsplit("/", 1)[1]
    assert api.get_flow_run_info(run_id).parameters["who"] == "Marvin"

    with agents(ui_server.graphql_url):
        expect(heading).to_contain_text("Success", timeout=90_000)
        expect(page.get_by_role("log")).to_contain_text("Hello, Marvin!", timeout=30_000)
    expect(page.locator("ol.timeline")).to_contain_text("Running")
    tab.check()


def operations(page: Any) -> list[str]:
    """The operationName of every GraphQL POST the page sends from now on."""
    names: list[str] = []

    def sent(request: Any) -> None:
        if request.method == "POST" and request.url.endswith("/graphql") and request.post_data:
            names.append(json.loads(request.post_data).get("operationName") or "")

    page.on("request", sent)
    return names


def scheduled_run(api: Client, flow_id: str, **options: Any) -> str:
    return api.create_flow_run(flow_id=flow_id, parameters={"who": "x"}, **options)


def test_mark_as_failed_with_a_reason_is_kept_in_the_state_history(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    run_id = scheduled_run(api, register(ui_server, unique("mark")))
    tab.open(f"/runs/{run_id}")
    # By keyboard alone: focus the button, open the menu, choose, type the reason, submit.
    page.get_by_role("button", name="Mark As").focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("New state").select_option("Failed")
    dialog.get_by_label(re.compile("Reason")).fill("bad input data")
    tab.check()
    dialog.get_by_label(re.compile("Reason")).press("Enter")

    expect(dialog).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Failed")
    expect(page.locator("ol.timeline li").last).to_contain_text("bad input data")
    history = api.get_state_history(run_id)
    assert history[-1][1:] == ("Failed", "bad input data")
    tab.check()


def test_a_stale_mark_as_explains_the_conflict_shows_the_current_state_and_changes_nothing(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    run_id = scheduled_run(api, register(ui_server, unique("stale")))
    tab.open(f"/runs/{run_id}")
    page.get_by_role("button", name="Mark As").click()
    dialog = page.get_by_role("dialog")

    other = tab.open(f"/runs/{run_id}", tab.new_tab())  # the run moves in another tab
    other.get_by_role("button", name="Mark As").click()
    other.get_by_role("dialog").get_by_label("New state").select_option("Cancelled")
    other.get_by_role("dialog").get_by_role("button", name="Mark as Cancelled").click()
    expect(other.get_by_role("heading", level=1)).to_contain_text("Cancelled")
    version = api.get_flow_run_info(run_id).version

    dialog.get_by_label("New state").select_option("Success")
    dialog.get_by_role("button", name="Mark as Success").click()
    expect(dialog.get_by_role("alert")).to_contain_text("Someone else changed this run")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Cancelled")
    info = api.get_flow_run_info(run_id)
    assert (info.state, info.version) == ("Cancelled", version)
    tab.check()


def test_a_filtered_runs_list_survives_a_reload(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    flow_id = register(ui_server, unique("filtered"))
    failed = [scheduled_run(api, flow_id, run_name=unique("failed")) for _ in range(2)]
    for run_id in failed:
        api.set_flow_run_state(run_id, "Failed", message="broken")
    scheduled_run(api, flow_id, run_name=unique("waiting"))
    tab.open("/runs")
    filters = page.get_by_role("search", name="Filter runs")
    filters.get_by_label("Failed").check()
    filters.get_by_label("Flow", exact=True).select_option(flow_id)
    expect(page).to_have_url(re.compile(r"state=FAILED"))
    rows = page.locator("table.runs tbody tr")
    expect(rows).to_have_count(2)

    page.reload()
    expect(filters.get_by_label("Failed")).to_be_checked()
    expect(filters.get_by_label("Flow", exact=True)).to_have_value(flow_id)
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Failed")
    tab.check()


def listed_runs(
    tab: Browser, server: LiveServer, api: Client, prefix: str, count: int
) -> tuple[list[str], Any]:
    """`count` scheduled runs of a new flow, listed by name; their ids and the table's rows."""
    flow_id = register(server, unique(prefix))
    runs = [scheduled_run(api, flow_id, run_name=f"{prefix}-{i}-{uuid.uuid4().hex[:4]}")
            for i in range(count)]
    page = tab.open(f"/runs?flow={flow_id}&sort=name&dir=asc")
    rows = page.locator("table.runs tbody tr")
    expect(rows).to_have_count(count)
    return runs, rows


def cancel_selected(page: Any) -> None:
    page.get_by_role("toolbar", name="Selected runs").get_by_role("button", name="Cancel").click()
    page.get_by_role("dialog").get_by_role("button", name="Cancel runs").click()


def test_bulk_cancel_cancels_the_three_selected_runs_and_no_other(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    runs, rows = listed_runs(tab, ui_server, api, "bulk", 4)
    for i in range(3):
        rows.nth(i).get_by_role("checkbox").check()
    sent = operations(page)
    cancel_selected(page)

    expect(page.get_by_text("3 of 3 runs cancelled")).to_be_visible()
    assert sent.count("CancelFlowRuns") == 1 and "CancelFlowRun" not in sent  # one atomic call
    def settled() -> dict[Any, Any] | None:
        s = api.get_flow_run_states(runs)
        return s if [s[r][0] for r in runs] == ["Cancelled"] * 3 + ["Scheduled"] else None

    states = wait_for(settled)
    assert [states[r][0] for r in runs] == ["Cancelled", "Cancelled", "Cancelled", "Scheduled"]
    expect(rows.nth(0)).to_contain_text("Cancelled")
    tab.check()


def test_bulk_cancel_skips_a_finished_run_and_says_why(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    runs, _ = listed_runs(tab, ui_server, api, "skip", 3)
    api.set_flow_run_state(runs[0], "Success")
    finished = api.get_flow_run_info(runs[0])
    page.get_by_role("checkbox", name="Select all runs on this page").check()
    cancel_selected(page)

    expect(page.get_by_text("2 of 3 runs cancelled")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text(f"{finished.name} (Success)")
    states = api.get_flow_run_states(runs)
    assert [states[r][0] for r in runs] == ["Success", "Cancelled", "Cancelled"]
    assert api.get_flow_run_info(runs[0]).version == finished.version
    tab.check()


TASK_RUNS = """query($id: uuid!) { flow_run_by_pk(id: $id) {
  task_runs(order_by: {task: {slug: asc}}) { id version state task { slug } } } }"""
SET_TASK_RUN = """mutation($input: set_task_run_states_input!) {
  set_task_run_states(input: $input) { states { id } } }"""


def task_runs(api: Client, run_id: str) -> list[dict[str, Any]]:
    return list(api.graphql(TASK_RUNS, {"id": run_id})["flow_run_by_pk"]["task_runs"])


def test_restart_puts_failed_task_runs_back_to_pending_and_the_run_to_scheduled(
    tab: Browser, page: Any, api: Client
) -> None:
    flow_id = api.register({"name": unique("restart"), "tasks": [
        {"slug": "fetch", "name": "fetch"}, {"slug": "save", "name": "save"}]}, "ui")
    run_id = api.create_flow_run(flow_id=flow_id)
    api.set_flow_run_state(run_id, "Running")
    fetch, save = task_runs(api, run_id)
    api.graphql(SET_TASK_RUN, {"input": {"states": [
        {"task_run_id": fetch["id"], "state": {"type": "Success"}},
        {"task_run_id": save["id"], "state": {"type": "Failed", "message": "disk full"}}]}})
    api.set_flow_run_state(run_id, "Failed", message="save failed")
    tab.open(f"/runs/{run_id}")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Failed")

    sent = operations(page)
    page.get_by_role("button", name="Restart").click()
    page.get_by_role("dialog").get_by_role("button", name="Restart").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Scheduled")
    assert "RestartFlowRun" in sent and "SetTaskRunStates" not in sent
    assert [t["state"] for t in task_runs(api, run_id)] == ["Success", "Pending"]
    assert api.get_flow_run_info(run_id).state == "Scheduled"
    expect(page.get_by_role("row", name=re.compile("save"))).to_contain_text("Pending")
    tab.check()


def test_delete_asks_first_then_removes_the_run_and_returns_to_the_list(
    tab: Browser, page: Any, ui_server: LiveServer, api: Client
) -> None:
    run_id = scheduled_run(api, register(ui_server, unique("delete")))
    tab.open(f"/runs/{run_id}")
    page.get_by_role("button", name="Delete").click()
    page.get_by_role("dialog").get_by_role("button", name="Keep it").click()
    assert api.graphql(EXISTS, {"id": run_id})["flow_run_by_pk"] is not None

    page.get_by_role("button", name="Delete").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete run").click()
    expect(page).to_have_url(re.compile(r"/runs$"))
    assert api.graphql(EXISTS, {"id": run_id})["flow_run_by_pk"] is None
    tab.check()


EXISTS = "query($id: uuid!) { flow_run_by_pk(id: $id) { id } }"
