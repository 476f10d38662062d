"""The only place that reads the wall clock. Tests freeze or move it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pendulum

_frozen: pendulum.DateTime | None = None


def now() -> pendulum.DateTime:
    """The current time in UTC (the frozen time while a test holds the clock)."""
    if _frozen is not None:
        return _frozen
    return pendulum.now("UTC")


@contextmanager
def frozen(at: pendulum.DateTime) -> Iterator[FrozenClock]:
    """Freeze `now()` at `at` for the duration of the block; `.advance()` moves it."""
    global _frozen
    previous = _frozen
    clock = FrozenClock()
    _frozen = at.in_timezone("UTC")
    try:
        yield clock
    finally:
        _frozen = previous


class FrozenClock:
    def advance(self, **delta: float) -> pendulum.DateTime:
        global _frozen
        assert _frozen is not None, "the clock is not frozen"
        _frozen = _frozen.add(**delta)  # type: ignore[arg-type]
        return _frozen
