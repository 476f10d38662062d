"""`flowrun flow-run cancel|delete|mark` by filter with a confirmation, and `restart`."""

from __future__ import annotations

import json

from server.client import Client
from tests.cli.conftest import Invoke, one_line_error


def _runs(api: Client, flow: str, count: int) -> list[str]:
    flow_id = api.register({"name": flow, "parameters": []}, "cli")
    return [api.create_flow_run(flow_id=flow_id) for _ in range(count)]


async def test_cancel_by_state_and_flow_asks_first_and_cancels_only_those_runs(
    flowrun: Invoke, api: Client
) -> None:
    mine = _runs(api, "bulk-mine", 3)
    other = _runs(api, "bulk-other", 1)
    api.set_flow_run_state(mine[0], "Success")
    declined = flowrun("flow-run", "cancel", "--state", "Scheduled", "--flow", "bulk-mine",
                       input="n\n")
    assert declined.exit_code == 1 and "Cancel 2 flow run(s)?" in declined.stdout
    assert api.get_flow_run_info(mine[1]).state == "Scheduled"
    result = flowrun("flow-run", "cancel", "--state", "Scheduled", "--flow", "bulk-mine",
                     input="y\n")
    assert result.exit_code == 0, result.output
    assert "2 flow run(s) cancelled, 0 skipped." in result.stdout
    assert [api.get_flow_run_info(i).state for i in mine] == ["Success", "Cancelled",
                                                             "Cancelled"]
    assert api.get_flow_run_info(other[0]).state == "Scheduled"


async def test_cancel_with_where_and_yes_does_not_ask_and_reports_skipped_runs(
    flowrun: Invoke, api: Client
) -> None:
    runs = _runs(api, "bulk-where", 2)
    api.set_flow_run_state(runs[0], "Failed")
    where = json.dumps({"flow": {"name": {"_eq": "bulk-where"}}})
    result = flowrun("flow-run", "cancel", "--where", where, "--yes")
    assert result.exit_code == 0, result.output
    assert f"{runs[0]}  skipped: the run is Failed already" in result.stdout
    assert f"{runs[1]}  cancelled" in result.stdout


async def test_a_cancel_without_id_or_filter_and_a_bad_where_are_usage_errors(
    flowrun: Invoke,
) -> None:
    nothing = flowrun("flow-run", "cancel")
    assert nothing.exit_code == 2 and "Say which runs" in one_line_error(nothing)
    bad = flowrun("flow-run", "cancel", "--where", "{nope", "--yes")
    assert bad.exit_code == 2 and "--where is not valid JSON" in one_line_error(bad)
    unknown = flowrun("flow-run", "cancel", "--where", '{"colour": {"_eq": 1}}', "--yes")
    assert unknown.exit_code == 2 and "colour" in one_line_error(unknown)


async def test_delete_and_mark_by_filter_and_restart_a_failed_run(
    flowrun: Invoke, api: Client
) -> None:
    runs = _runs(api, "bulk-mark", 2)
    marked = flowrun("flow-run", "mark", "Failed", "-m", "by hand", "--flow", "bulk-mark", "-y")
    assert marked.exit_code == 0 and "2 flow run(s) marked as Failed" in marked.stdout
    assert api.get_flow_run_info(runs[0]).state_message == "by hand"
    restarted = flowrun("flow-run", "restart", runs[0])
    assert restarted.exit_code == 0 and "Scheduled (version 3)" in restarted.stdout
    again = flowrun("flow-run", "restart", runs[0])
    assert again.exit_code == 2 and "only a Failed" in one_line_error(again)
    deleted = flowrun("flow-run", "delete", "--state", "Failed", "--flow", "bulk-mark", "-y")
    assert deleted.exit_code == 0 and "1 flow run(s) deleted" in deleted.stdout
    assert [r.id for r in api.list_flow_runs(flow_name="bulk-mark")] == [runs[0]]
