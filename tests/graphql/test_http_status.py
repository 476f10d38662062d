"""The HTTP status of a GraphQL response with errors: 503 exactly when repeating the request
is what its errors ask for, so HTTP-level retries (Prefect 1's client retries only a 5xx)
repeat it; everything else is HTTP 200 with the errors in the body."""

from __future__ import annotations

from typing import Any

from server.graphql.view import status_of

UNAVAILABLE = {"message": "busy", "extensions": {"code": "SERVICE_UNAVAILABLE",
                                                 "retryable": True}}
NOT_FOUND = {"message": "no such run", "extensions": {"code": "NOT_FOUND"}}


def test_a_query_whose_every_error_is_retryable_is_a_503_even_with_part_of_its_data() -> None:
    data: dict[str, Any] = {"flow_run_by_pk": {"id": "x", "flow": None}}
    assert status_of(data, [UNAVAILABLE], mutation=False) == 503
    assert status_of(None, [UNAVAILABLE, UNAVAILABLE], mutation=False) == 503


def test_a_mutation_is_a_503_only_when_none_of_its_fields_answered() -> None:
    assert status_of({"create_flow_run": None}, [UNAVAILABLE], mutation=True) == 503
    done = {"a": {"id": "x"}, "b": None}  # a was committed: repeating it would repeat it
    assert status_of(done, [UNAVAILABLE], mutation=True) == 200


def test_any_error_that_is_not_retryable_keeps_http_200() -> None:
    assert status_of(None, [UNAVAILABLE, NOT_FOUND], mutation=False) == 200
    assert status_of({"create_flow_run": None}, [NOT_FOUND], mutation=True) == 200
