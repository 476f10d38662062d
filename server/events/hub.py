"""The in-process fan-out of change notifications.

A `Signal` is one subscriber's doorbell: a set of tables it depends on and an asyncio.Event
rung when any of them changed (or when everything must be re-read: `ALL`). Ringing is
idempotent, so a burst of changes leaves one pending wake-up: the subscriber re-reads once."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

ALL = "*"  # every table: after a lost notification connection, or a write of unknown tables


class Signal:
    def __init__(self, changes: Changes, tables: frozenset[str] | None) -> None:
        self._changes = changes
        self.tables = tables  # None: every table
        self.event = asyncio.Event()

    def matches(self, tables: frozenset[str]) -> bool:
        return self.tables is None or ALL in tables or not self.tables.isdisjoint(tables)

    async def wait(self, timeout: float | None = None) -> bool:
        """Wait until rung (True) or `timeout` passed (False); the bell is cleared."""
        try:
            await asyncio.wait_for(self.event.wait(), timeout)
        except TimeoutError:
            return False
        self.event.clear()
        return True

    def clear(self) -> None:
        self.event.clear()

    def close(self) -> None:
        self._changes.discard(self)


class Changes:
    def __init__(self, safety_seconds: float | None = None) -> None:
        self._signals: set[Signal] = set()
        self.published = 0
        # Subscribers re-read at least this often even without a notification (None: never).
        self.safety_seconds = safety_seconds

    def signal(self, tables: Iterable[str] | None = None) -> Signal:
        signal = Signal(self, frozenset(tables) if tables is not None else None)
        self._signals.add(signal)
        return signal

    def discard(self, signal: Signal) -> None:
        self._signals.discard(signal)

    def publish(self, tables: Iterable[str]) -> None:
        changed = frozenset(tables)
        if not changed:
            return
        self.published += 1
        for signal in self._signals:
            if signal.matches(changed):
                signal.event.set()

    @property
    def listeners(self) -> int:
        return len(self._signals)
