"""`flowrun schedule set | pause | resume | ls` against a live server."""

from __future__ import annotations

from server.client import Client
from tests.cli.conftest import Invoke, one_line_error


def _future_runs(api: Client, flow: str) -> list[str]:
    return sorted(str(r.scheduled_start_time) for r in api.list_flow_runs(
        flow_name=flow, state="Scheduled", limit=100))


async def test_set_pause_resume_and_ls_change_a_flows_schedule(
    flowrun: Invoke, api: Client
) -> None:
    api.register({"name": "nightly", "parameters": []}, "cli")
    result = flowrun("schedule", "set", "nightly", "--cron", "30 */2 * * *",
                     "--tz", "Europe/Berlin")
    assert result.exit_code == 0, result.output
    assert "schedule set (10 runs created, 0 not-yet-started runs deleted)" in result.stdout
    assert all(t.endswith(":30:00+00:00") for t in _future_runs(api, "nightly"))
    listed = flowrun("schedule", "ls")
    assert "nightly" in listed.stdout and "cron 30 */2 * * *" in listed.stdout
    assert "Europe/Berlin" in listed.stdout and "yes" in listed.stdout
    paused = flowrun("schedule", "pause", "nightly")
    assert paused.exit_code == 0 and "10 not-yet-started runs deleted" in paused.stdout
    assert _future_runs(api, "nightly") == [] and "paused" in flowrun("schedule", "ls").stdout
    resumed = flowrun("schedule", "resume", "nightly")
    assert resumed.exit_code == 0 and "10 runs created" in resumed.stdout
    changed = flowrun("schedule", "set", "nightly", "--interval", "12h", "--cron", "0 9 * * *")
    assert changed.exit_code == 0 and "not-yet-started runs deleted" in changed.stdout


async def test_bad_schedules_and_unknown_flows_are_one_line_errors(
    flowrun: Invoke, api: Client
) -> None:
    api.register({"name": "hourly", "parameters": []}, "cli")
    cases = [
        (("schedule", "set", "hourly"), "at least one --cron or --interval"),
        (("schedule", "set", "hourly", "--cron", "nope"), "not a cron expression"),
        (("schedule", "set", "hourly", "--interval", "soon"), "neither a cron expression"),
        (("schedule", "set", "hourly", "--cron", "0 * * * *", "--tz", "Mars/Base"),
         "not a time zone name"),
        (("schedule", "pause", "no-such-flow"), "No flow named 'no-such-flow'"),
    ]
    for args, message in cases:
        result = flowrun(*args)
        assert result.exit_code == 2, (args, result.output)
        assert message in one_line_error(result), args
