"""Schedules (pure): when a flow's next runs start."""

from __future__ import annotations

import pendulum
import pytest

from server.domain.errors import InvalidInput
from server.domain.schedules import describe, next_events, schedule_from_text

T0 = pendulum.datetime(2024, 3, 1, 12, 0, 7, tz="UTC")
FAR = T0.add(years=1)


def test_an_interval_typed_as_text_gives_times_aligned_to_its_anchor() -> None:
    schedule = schedule_from_text("10m")
    times = [e.start_time for e in next_events(schedule, after=T0, until=FAR, limit=3)]
    assert times == [T0.replace(minute=10, second=0), T0.replace(minute=20, second=0),
                     T0.replace(minute=30, second=0)]


def test_a_cron_expression_typed_as_text_gives_its_next_times() -> None:
    schedule = schedule_from_text("*/15 * * * *")
    times = [e.start_time for e in next_events(schedule, after=T0, until=FAR, limit=2)]
    assert times == [T0.replace(minute=15, second=0), T0.replace(minute=30, second=0)]


def test_a_cron_clock_keeps_wall_clock_time_in_its_zone_across_daylight_saving() -> None:
    schedule = {"type": "Schedule", "clocks": [{
        "type": "CronClock", "cron": "0 9 * * *",
        "start_date": {"dt": "2024-03-01T00:00:00", "tz": "Europe/Paris"}}]}
    after = pendulum.datetime(2024, 3, 29, 12, tz="UTC")
    times = [e.start_time for e in next_events(schedule, after=after, until=FAR, limit=3)]
    assert [t.hour for t in times] == [8, 7, 7]  # 9:00 Paris: UTC+1, then UTC+2 from Mar 31


def test_events_stop_at_the_horizon_the_limit_and_the_end_date() -> None:
    schedule = {"type": "Schedule", "clocks": [{
        "type": "IntervalClock", "interval": 60_000_000, "end_date": T0.add(minutes=3).isoformat(),
        "parameter_defaults": {"x": 1}, "labels": ["gpu"]}]}
    events = next_events(schedule, after=T0, until=T0.add(minutes=10), limit=10)
    assert len(events) == 3
    assert events[0].parameter_defaults == {"x": 1} and events[0].labels == ["gpu"]
    assert len(next_events(schedule, after=T0, until=T0.add(minutes=10), limit=2)) == 2
    assert next_events(schedule, after=T0, until=T0.add(seconds=30), limit=10) == []


def test_two_clocks_at_the_same_time_give_one_event() -> None:
    clock = {"type": "IntervalClock", "interval": 3_600_000_000}
    events = next_events({"clocks": [clock, dict(clock)]}, after=T0, until=FAR, limit=5)
    assert len({e.start_time for e in events}) == 5


@pytest.mark.parametrize("text", ["every day", "* * *", "0s", ""])
def test_text_that_is_neither_cron_nor_interval_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        schedule_from_text(text)


@pytest.mark.parametrize("schedule", [
    None, {"clocks": "x"}, {"clocks": [{"type": "CronClock", "cron": "nope"}]},
    {"clocks": [{"type": "IntervalClock", "interval": 0}]}, {"clocks": [{"type": "Other"}]},
])
def test_a_malformed_stored_schedule_is_an_invalid_input(schedule: object) -> None:
    with pytest.raises(InvalidInput):
        next_events(schedule, after=T0, until=FAR, limit=1)


def test_a_schedule_describes_itself_briefly() -> None:
    assert describe(schedule_from_text("90m")) == "every 90m"
    assert describe(schedule_from_text("2h")) == "every 2h"
    assert describe(schedule_from_text("0 9 * * 1")) == "cron 0 9 * * 1"
