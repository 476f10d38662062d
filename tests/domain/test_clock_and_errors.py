"""domain/clock.py (a clock tests can freeze and move) and domain/errors.py (one code table)."""

from __future__ import annotations

import re

import pendulum
import pytest

from server.domain import clock, errors
from server.domain.names import random_run_name


def test_the_clock_reads_now_in_utc() -> None:
    before = pendulum.now("UTC")
    now = clock.now()
    assert now.utcoffset() == pendulum.duration(0)
    assert before <= now <= pendulum.now("UTC")


def test_a_frozen_clock_stands_still_and_moves_only_when_advanced() -> None:
    at = pendulum.datetime(2030, 1, 1, 7, tz="America/New_York")
    with clock.frozen(at) as frozen:
        assert clock.now() == at
        assert clock.now().timezone_name == "UTC"
        assert clock.now() == clock.now()
        assert frozen.advance(hours=23, seconds=1) == at.add(hours=23, seconds=1)
        assert clock.now() == at.add(hours=23, seconds=1)
    assert abs((clock.now() - pendulum.now("UTC")).total_seconds()) < 5


def test_frozen_clocks_nest_and_restore_the_outer_one() -> None:
    outer = pendulum.datetime(2030, 1, 1, tz="UTC")
    with clock.frozen(outer):
        with clock.frozen(outer.add(days=1)):
            assert clock.now() == outer.add(days=1)
        assert clock.now() == outer


def test_the_clock_is_released_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), clock.frozen(pendulum.datetime(2000, 1, 1, tz="UTC")):
        raise RuntimeError
    assert clock.now().year > 2000


@pytest.mark.parametrize(("cls", "code", "status"), [
    (errors.NotFound, "NOT_FOUND", 404),
    (errors.InvalidInput, "BAD_USER_INPUT", 422),
    (errors.Conflict, "CONFLICT", 409),
    (errors.VersionMismatch, "VERSION_LOCKING_ERROR", 409),
    (errors.Unauthenticated, "UNAUTHENTICATED", 401),
    (errors.Forbidden, "FORBIDDEN", 403),
    (errors.ServiceUnavailable, "SERVICE_UNAVAILABLE", 503),
    (errors.FlowrunError, "INTERNAL_SERVER_ERROR", 500),
])
def test_each_domain_error_carries_its_code_and_status(
    cls: type[errors.FlowrunError], code: str, status: int
) -> None:
    error = cls("what went wrong", field="x")
    assert (error.code, error.http_status) == (code, status)
    assert (error.message, str(error), error.details) == ("what went wrong", "what went wrong",
                                                          {"field": "x"})
    assert isinstance(error, errors.FlowrunError)
    assert error.retryable is (cls is errors.ServiceUnavailable)


def test_random_run_names_are_readable_slugs() -> None:
    names = {random_run_name() for _ in range(50)}
    assert all(re.fullmatch(r"[a-z]+-[a-z]+", name) for name in names)
    assert len(names) > 10
