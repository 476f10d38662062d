"""Fixtures of the fault suite: a database of each test's own on each engine (no other
server's loops or runs share it), and the counts every scenario prints, repeated at the end
of the session (`pytest tests/faults` shows them without `-s`)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.conftest import BACKENDS
from tests.e2e.motion import fresh_database

from .harness import SUMMARY_LINES


@pytest.fixture(params=BACKENDS)
def fault_db(request: pytest.FixtureRequest) -> Iterator[str]:
    """A migrated database of this test's own, on SQLite and on PostgreSQL."""
    with fresh_database(request.param) as url:
        yield url


@pytest.fixture
def pg_fault_db() -> Iterator[str]:
    """A migrated PostgreSQL database of this test's own."""
    with fresh_database("postgresql") as url:
        yield url


@pytest.fixture
def sqlite_fault_db() -> Iterator[str]:
    with fresh_database("sqlite") as url:
        yield url


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if SUMMARY_LINES:
        terminalreporter.section("fault scenarios: counts seen")
        for line in SUMMARY_LINES:
            terminalreporter.write_line(line)
