"""domain/times.py: ISO 8601 with an offset, or 'YYYY-MM-DD HH:MM:SS' read as UTC; a naive
time is never guessed into a zone."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pendulum
import pytest

from server.domain.errors import InvalidInput
from server.domain.times import parse_time


@pytest.mark.parametrize(("text", "expected"), [
    ("2021-05-07T15:09:16.815228-05:00", pendulum.datetime(2021, 5, 7, 20, 9, 16, 815228)),
    ("2021-05-07T20:09:16+00:00", pendulum.datetime(2021, 5, 7, 20, 9, 16)),
    ("2021-05-07T20:09:16Z", pendulum.datetime(2021, 5, 7, 20, 9, 16)),
    ("2021-05-08T05:09:16+09:00", pendulum.datetime(2021, 5, 7, 20, 9, 16)),
    ("2021-05-07 20:09:16+00:00", pendulum.datetime(2021, 5, 7, 20, 9, 16)),
    ("2021-05-07 20:09:16", pendulum.datetime(2021, 5, 7, 20, 9, 16)),
    ("2021-05-07 20:09:16.5", pendulum.datetime(2021, 5, 7, 20, 9, 16, 500000)),
    ("2021-05-07 20:09", pendulum.datetime(2021, 5, 7, 20, 9)),
    ("  2021-05-07 20:09:16  ", pendulum.datetime(2021, 5, 7, 20, 9, 16)),
])
def test_a_time_with_an_offset_or_in_the_plain_form_parses_to_utc(
    text: str, expected: pendulum.DateTime
) -> None:
    parsed = parse_time(text, "t")
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", ["2021-05-07T15:09:16", "2021-05-07T15:09:16.815228",
                                  "2021-05-07T15:09"])
def test_a_naive_iso_time_is_bad_input_not_a_guess(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(text, "scheduled_start_time")
    assert caught.value.code == "BAD_USER_INPUT"
    assert "no time zone" in caught.value.message
    assert text in caught.value.message
    assert caught.value.details["field"] == "scheduled_start_time"


@pytest.mark.parametrize("text", ["", "soon", "2021-13-01 00:00:00", "2021-02-30 10:00:00",
                                  "2021-05-07 25:00:00", "07/05/2021 10:00", "1620400156"])
def test_an_unparsable_time_is_bad_input_naming_the_field(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(text, "scheduled_start_time")
    assert caught.value.code == "BAD_USER_INPUT"
    assert "scheduled_start_time" in caught.value.message


def test_an_aware_datetime_is_converted_to_utc() -> None:
    value = datetime(2021, 5, 7, 15, 9, 16, tzinfo=timezone(timedelta(hours=-5)))
    parsed = parse_time(value, "t")
    assert parsed == datetime(2021, 5, 7, 20, 9, 16, tzinfo=UTC)
    assert parsed.utcoffset() == timedelta(0)


def test_a_naive_datetime_is_bad_input() -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(datetime(2021, 5, 7, 15, 9, 16), "t")
    assert caught.value.code == "BAD_USER_INPUT"



@pytest.mark.parametrize("value", [None, 1620400156, 3.5, ["2021-05-07"], {"at": "now"}])
def test_a_time_that_is_not_a_string_is_bad_input(value: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_time(value, "scheduled_start_time")
    assert caught.value.code == "BAD_USER_INPUT"
