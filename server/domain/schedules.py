"""Schedules: when a flow's next runs start.

A schedule is stored in Prefect 1's serialized shape, so Prefect 1 flows keep theirs:

    {"type": "Schedule", "clocks": [
        {"type": "CronClock", "cron": "0 * * * *", "start_date": {"dt": "...", "tz": "UTC"}},
        {"type": "IntervalClock", "interval": 600000000},          # microseconds, as Prefect 1
    ]}

Each clock may carry `start_date`, `end_date`, `parameter_defaults` and `labels`. A cron clock
is read in the time zone of its start date (UTC without one), so "0 9 * * *" in Europe/Paris
stays at 9:00 across daylight saving time. As cron does: a time skipped when clocks go
forward runs at the first moment after the gap ("30 2 * * *" in Europe/Berlin runs at 03:00 on
the last Sunday of March), and a time repeated when they go back runs once, the first time
(unless the hour field is a wildcard: "0 * * * *" keeps running every real hour).
An interval clock without a start date counts from
2019-01-01T00:00:00Z, as Prefect 1 does, so its times do not depend on when it was read.

`schedule_from_text` builds a one-clock schedule from what a person types: a cron expression
("*/5 * * * *") or an interval ("30s", "10m", "1h", "2d", or seconds as a number)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pendulum

from .errors import InvalidInput


def _croniter() -> Any:
    # croniter (and dateutil under it) loads with the first cron schedule, not at start-up.
    from croniter import croniter  # type: ignore[import-untyped]

    return croniter


INTERVAL_ANCHOR = pendulum.datetime(2019, 1, 1, tz="UTC")
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_INTERVAL_TEXT = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw]?)$")
_MICROSECONDS = 1_000_000


@dataclass(frozen=True)
class Event:
    """One run a schedule asks for."""

    start_time: pendulum.DateTime
    parameter_defaults: dict[str, Any] = field(default_factory=dict)
    labels: list[str] | None = None


@dataclass(frozen=True)
class Clock:
    cron: str | None
    interval_seconds: float | None
    start: pendulum.DateTime | None
    end: pendulum.DateTime | None
    parameter_defaults: dict[str, Any]
    labels: list[str] | None

    def events_after(self, after: pendulum.DateTime, until: pendulum.DateTime,
                     limit: int) -> list[Event]:
        times = self._cron_times(after, until, limit) if self.cron else \
            self._interval_times(after, until, limit)
        return [Event(t, dict(self.parameter_defaults), self.labels) for t in times]

    def _cron_times(self, after: pendulum.DateTime, until: pendulum.DateTime,
                    limit: int) -> list[pendulum.DateTime]:
        zone = (self.start.timezone if self.start is not None else None) or pendulum.UTC
        begin = max(after, self.start.subtract(microseconds=1)) if self.start else after
        it = _croniter()(self.cron, begin.in_timezone(zone))
        fixed_hour = _fixed_hour(self.cron or "")
        out: list[pendulum.DateTime] = []
        while len(out) < limit:
            moment = pendulum.instance(it.get_next(datetime)).in_timezone("UTC")
            if moment > until or (self.end is not None and moment > self.end):
                break
            if fixed_hour and moment.in_timezone(zone).fold:
                continue  # the repeat of a wall time when clocks go back: cron runs it once
            out.append(moment)
        return out

    def _interval_times(self, after: pendulum.DateTime, until: pendulum.DateTime,
                        limit: int) -> list[pendulum.DateTime]:
        assert self.interval_seconds is not None
        step = self.interval_seconds
        anchor = self.start or INTERVAL_ANCHOR
        elapsed = (after - anchor).total_seconds()
        index = 0 if elapsed < 0 else int(elapsed // step) + 1
        out: list[pendulum.DateTime] = []
        while len(out) < limit:
            moment = anchor.add(microseconds=round(index * step * _MICROSECONDS))
            index += 1
            if moment <= after:
                continue
            if moment > until or (self.end is not None and moment > self.end):
                break
            out.append(moment.in_timezone("UTC"))
        return out


def _fixed_hour(cron: str) -> bool:
    """Whether the expression runs at fixed hours (not "every hour"): "@hourly" and an hour
    field of "*" or "*/n" do not; "@daily" and "2" do."""
    fields = cron.split()
    if not fields:
        return False
    if len(fields) == 1:
        return fields[0] != "@hourly"
    return not fields[1].startswith("*")


def next_events(
    schedule: Any, *, after: pendulum.DateTime, until: pendulum.DateTime, limit: int
) -> list[Event]:
    """The schedule's runs strictly after `after` and no later than `until`, earliest first,
    at most `limit`. When two clocks name the same time, the first clock wins."""
    events: dict[pendulum.DateTime, Event] = {}
    for clock in parse_schedule(schedule):
        for event in clock.events_after(after, until, limit):
            events.setdefault(event.start_time, event)
    return [events[t] for t in sorted(events)][:limit]


def parse_schedule(schedule: Any) -> list[Clock]:
    """Validate a stored schedule document and return its clocks."""
    if not isinstance(schedule, dict) or not isinstance(schedule.get("clocks"), list):
        raise InvalidInput('A schedule must be an object with a list of "clocks"')
    return [_clock(item, f"schedule.clocks[{i}]") for i, item in enumerate(schedule["clocks"])]


def _clock(item: Any, where: str) -> Clock:
    if not isinstance(item, dict):
        raise InvalidInput(f"{where} must be an object")
    kind = item.get("type")
    start = _date(item.get("start_date"), f"{where}.start_date")
    end = _date(item.get("end_date"), f"{where}.end_date")
    defaults = item.get("parameter_defaults") or {}
    labels = item.get("labels")
    if not isinstance(defaults, dict):
        raise InvalidInput(f"{where}.parameter_defaults must be an object")
    if labels is not None and not (
        isinstance(labels, list) and all(isinstance(x, str) for x in labels)
    ):
        raise InvalidInput(f"{where}.labels must be a list of strings")
    if kind == "CronClock":
        cron = item.get("cron")
        if not isinstance(cron, str) or not _croniter().is_valid(cron):
            raise InvalidInput(f"{where}.cron {cron!r} is not a cron expression")
        return Clock(cron, None, start, end, defaults, labels)
    if kind == "IntervalClock":
        interval = item.get("interval")
        if isinstance(interval, bool) or not isinstance(interval, int | float) or interval <= 0:
            raise InvalidInput(f"{where}.interval must be a positive number of microseconds")
        return Clock(None, interval / _MICROSECONDS, start, end, defaults, labels)
    raise InvalidInput(f"{where}.type {kind!r} is not CronClock or IntervalClock")


def _date(value: Any, where: str) -> pendulum.DateTime | None:
    """Prefect 1 writes {"dt": "2021-01-01T00:00:00", "tz": "Europe/Paris"}; an ISO string
    with an offset works too."""
    if value is None:
        return None
    try:
        if isinstance(value, dict):
            parsed = pendulum.parse(str(value["dt"]), tz=value.get("tz") or "UTC")
        else:
            parsed = pendulum.parse(str(value), tz="UTC")
    except (KeyError, ValueError, pendulum.parsing.exceptions.ParserError):
        parsed = None
    if not isinstance(parsed, pendulum.DateTime):
        raise InvalidInput(f"{where} is not a date and time")
    return parsed


def interval_seconds(text: str) -> float | None:
    """Seconds in an interval such as "30s", "10m", "1h", "2d", "1w" or "90"; None if the
    text is not one."""
    match = _INTERVAL_TEXT.match(text.strip())
    return float(match.group(1)) * _UNITS[match.group(2) or "s"] if match else None


def schedule_from_text(text: str) -> dict[str, Any]:
    """A cron expression or an interval ("30s", "10m", "1h", "2d", "1w", or seconds)."""
    text = text.strip()
    seconds = interval_seconds(text)
    if seconds is not None:
        if seconds <= 0:
            raise InvalidInput(f"The schedule interval {text!r} must be more than zero")
        clock: dict[str, Any] = {"type": "IntervalClock",
                                 "interval": round(seconds * _MICROSECONDS)}
    elif _croniter().is_valid(text):
        clock = {"type": "CronClock", "cron": text}
    else:
        raise InvalidInput(
            f"{text!r} is neither a cron expression ('*/5 * * * *') nor an interval "
            "('30s', '10m', '1h', '2d')"
        )
    return {"type": "Schedule", "clocks": [clock]}


def describe(schedule: Any) -> str:
    """A short human description: "every 10m", "cron 0 9 * * *"."""
    try:
        clocks = parse_schedule(schedule)
    except InvalidInput:
        return "invalid schedule"
    parts = []
    for clock in clocks:
        if clock.cron:
            parts.append(f"cron {clock.cron}")
        else:
            parts.append(f"every {_seconds_text(clock.interval_seconds or 0)}")
    return ", ".join(parts) or "no clocks"


def _seconds_text(seconds: float) -> str:
    for unit, size in (("w", 604800), ("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"
