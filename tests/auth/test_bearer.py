"""Where a key is read from: an Authorization header, or a WebSocket connection_init payload
in either of the two shapes clients send."""

from __future__ import annotations

import pytest
from starlette.datastructures import Headers

from server.auth import bearer_token
from server.domain.errors import Unauthenticated


@pytest.mark.parametrize("source", [
    Headers({"authorization": "Bearer flowrun_abc"}),
    {"Authorization": "Bearer flowrun_abc"},
    {"authorization": "bearer  flowrun_abc "},
    {"headers": {"Authorization": "Bearer flowrun_abc"}},
    "Bearer flowrun_abc",
])
def test_the_key_is_found_in_headers_and_in_both_connection_init_shapes(source: object) -> None:
    assert bearer_token(source) == "flowrun_abc"  # type: ignore[arg-type]


@pytest.mark.parametrize("source", [None, {}, Headers({}), {"headers": {}}, {"Authorization": 3}])
def test_no_key_is_none(source: object) -> None:
    assert bearer_token(source) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("value", ["Basic eDp5", "Bearer", "Bearer   ", "flowrun_abc"])
def test_an_authorization_that_is_not_bearer_is_unauthenticated(value: str) -> None:
    with pytest.raises(Unauthenticated) as refused:
        bearer_token({"Authorization": value})
    assert refused.value.code == "UNAUTHENTICATED"
