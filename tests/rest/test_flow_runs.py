"""Following a run over REST: GET /api/flow_runs/{id}, POST .../set_state with the optimistic
lock, and POST /api/flow_runs/filter, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from server.database.engine import Database
from server.domain.records import FlowRunView
from server.rest import render
from server.rest.api_schemas import OrchestrationResult
from server.rest.schemas import FlowRunResponse
from server.services import flow_runs
from tests.rest.conftest import FlowRef, assert_error, assert_validation_error, create_deployment
from tests.rest.test_create_flow_run import create_run


async def set_state(
    api: httpx.AsyncClient, run_id: str, body: dict[str, Any], status: int = 201
) -> dict[str, Any]:
    response = await api.post(f"/flow_runs/{run_id}/set_state", json=body)
    assert response.status_code == status, response.text
    return response.json()  # type: ignore[no-any-return]


async def test_a_run_is_read_by_id(api: httpx.AsyncClient, deployment_id: str) -> None:
    run = await create_run(api, deployment_id)
    read = await api.get(f"/flow_runs/{run['id']}")
    assert read.status_code == 200
    assert read.json()["id"] == run["id"] and read.json()["state"] == run["state"]


async def test_reading_an_unknown_or_malformed_run_id_is_404_or_422(
    api: httpx.AsyncClient,
) -> None:
    assert_error(await api.get(f"/flow_runs/{uuid.uuid4()}"), 404, "NOT_FOUND")
    assert_validation_error(await api.get("/flow_runs/nope"), ["path", "id"])


async def test_set_state_moves_the_run_and_reports_its_new_version(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id)
    result = await set_state(api, run["id"], {"state": {"type": "RUNNING"}, "force": True})
    assert result["status"] == "ACCEPT" and result["version"] == 2
    assert result["state"]["type"] == "RUNNING" and result["state"]["name"] == "Running"
    running = (await api.get(f"/flow_runs/{run['id']}")).json()
    assert running["state_id"] == result["state"]["id"]
    assert running["run_count"] == 1 and running["start_time"] is not None
    assert running["estimated_run_time"] >= 0 and running["total_run_time"] == 0

    await set_state(api, run["id"], {"state": {"type": "COMPLETED", "message": "done"}})
    done = (await api.get(f"/flow_runs/{run['id']}")).json()
    assert (done["state_type"], done["state_name"]) == ("COMPLETED", "Completed")
    assert done["state"]["message"] == "done" and done["end_time"] is not None
    start, end = (datetime.fromisoformat(done[k].replace("Z", "+00:00"))
                  for k in ("start_time", "end_time"))
    assert done["total_run_time"] == pytest.approx((end - start).total_seconds())
    assert done["estimated_run_time"] == done["total_run_time"]
    assert done["next_scheduled_start_time"] is None and done["version"] == 3


async def test_a_stale_version_is_a_version_locking_error(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id)
    await set_state(api, run["id"], {"state": {"type": "PENDING"}, "version": 1})
    response = await api.post(f"/flow_runs/{run['id']}/set_state",
                              json={"state": {"type": "RUNNING"}, "version": 1})
    body = assert_error(response, 409, "VERSION_LOCKING_ERROR")
    assert body["details"]["current_version"] == 2
    still = (await api.get(f"/flow_runs/{run['id']}")).json()
    assert still["state_type"] == "PENDING" and still["version"] == 2


async def test_a_prefect_1_state_name_of_the_right_type_is_accepted(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id)
    result = await set_state(api, run["id"], {"state": {"type": "FAILED", "name": "TimedOut"}})
    assert (result["state"]["type"], result["state"]["name"]) == ("FAILED", "TimedOut")


async def test_set_state_errors_have_their_status_and_shape(
    api: httpx.AsyncClient, deployment_id: str
) -> None:
    run = await create_run(api, deployment_id)
    unknown = await api.post(f"/flow_runs/{uuid.uuid4()}/set_state",
                             json={"state": {"type": "RUNNING"}})
    assert_error(unknown, 404, "NOT_FOUND")
    malformed = await api.post(f"/flow_runs/{run['id']}/set_state",
                               json={"state": {"type": "running"}, "version": "1", "why": 1})
    assert_validation_error(malformed, ["body", "state", "type"], ["body", "version"],
                            ["body", "why"])
    wrong_name = await api.post(f"/flow_runs/{run['id']}/set_state",
                                json={"state": {"type": "RUNNING", "name": "Success"}})
    assert_validation_error(wrong_name, ["body", "state", "name"])


# --- filter -------------------------------------------------------------------------------------


async def ids(api: httpx.AsyncClient, body: dict[str, Any]) -> list[str]:
    response = await api.post("/flow_runs/filter", json=body)
    assert response.status_code == 200, response.text
    return [run["id"] for run in response.json()]


@pytest.fixture
async def three_runs(
    api: httpx.AsyncClient, flow: FlowRef, deployment_id: str
) -> dict[str, dict[str, Any]]:
    """`soon` (tags nightly, a; in 1 day), `later` (nightly; in 3 days), both of
    `deployment_id`; `other` (running, tag b) of another deployment."""
    now = datetime.now(UTC).replace(microsecond=0)
    other = await create_deployment(api, flow)

    def at(days: int) -> dict[str, Any]:
        when = (now + timedelta(days=days)).isoformat()
        return {"type": "SCHEDULED", "state_details": {"scheduled_time": when}}

    return {
        "soon": await create_run(api, deployment_id, {"tags": ["a"], "state": at(1)}),
        "later": await create_run(api, deployment_id, {"state": at(3)}),
        "other": await create_run(api, other, {"tags": ["b"], "state": {"type": "RUNNING"}}),
    }


async def test_runs_are_filtered_by_deployment(
    api: httpx.AsyncClient, deployment_id: str, three_runs: dict[str, dict[str, Any]]
) -> None:
    found = await ids(api, {"flow_runs": {"deployment_id": {"any_": [deployment_id]}}})
    assert found == [three_runs["later"]["id"], three_runs["soon"]["id"]]


async def test_runs_are_filtered_by_state_type_and_name(
    api: httpx.AsyncClient, three_runs: dict[str, dict[str, Any]]
) -> None:
    running = await ids(api, {"flow_runs": {"state": {"type": {"any_": ["RUNNING"]}}}})
    assert running == [three_runs["other"]["id"]]
    scheduled = await ids(api, {"flow_runs": {"state": {"name": {"any_": ["Scheduled"]}}}})
    assert set(scheduled) == {three_runs["soon"]["id"], three_runs["later"]["id"]}
    assert await ids(api, {"flow_runs": {"state": {"type": {"any_": []}}}}) == []


async def test_runs_are_filtered_by_having_every_tag(
    api: httpx.AsyncClient, three_runs: dict[str, dict[str, Any]]
) -> None:
    both = await ids(api, {"flow_runs": {"tags": {"all_": ["nightly", "a"]}}})
    assert both == [three_runs["soon"]["id"]]
    nightly = await ids(api, {"flow_runs": {"tags": {"all_": ["nightly"]}}})
    assert set(nightly) == {three_runs["soon"]["id"], three_runs["later"]["id"]}


async def test_runs_are_filtered_by_expected_start_time_range(
    api: httpx.AsyncClient, three_runs: dict[str, dict[str, Any]]
) -> None:
    now = datetime.now(UTC)
    window = {"after_": (now + timedelta(hours=12)).isoformat(),
              "before_": (now + timedelta(days=2)).isoformat()}
    found = await ids(api, {"flow_runs": {"expected_start_time": window}})
    assert found == [three_runs["soon"]["id"]]
    started = await ids(api, {"flow_runs": {"start_time": {
        "after_": (now - timedelta(hours=1)).isoformat()}}})
    assert started == [three_runs["other"]["id"]]


async def test_runs_are_sorted_and_paged(
    api: httpx.AsyncClient, three_runs: dict[str, dict[str, Any]]
) -> None:
    ascending = await ids(api, {"sort": "EXPECTED_START_TIME_ASC"})
    assert ascending == [three_runs[k]["id"] for k in ("other", "soon", "later")]
    page = await ids(api, {"sort": "EXPECTED_START_TIME_ASC", "limit": 1, "offset": 1})
    assert page == [three_runs["soon"]["id"]]


async def test_a_malformed_filter_is_422(api: httpx.AsyncClient) -> None:
    response = await api.post("/flow_runs/filter", json={
        "limit": 201, "offset": -1, "sort": "RANDOM",
        "flow_runs": {"tags": {"any_": ["a"]}, "expected_start_time": {"after_": "yesterday"}},
        "deployments": {"id": {"any_": []}},
    })
    assert_validation_error(
        response, ["body", "limit"], ["body", "offset"], ["body", "sort"],
        ["body", "flow_runs", "tags", "any_"],
        ["body", "flow_runs", "expected_start_time", "after_"], ["body", "deployments"],
    )


async def test_the_response_built_without_validation_is_what_validation_would_give(
    api: httpx.AsyncClient, deployment_id: str, db: Database,
) -> None:
    """render.flow_run builds FlowRunResponse's fields as a dict (no model, no validation of
    our own stored values, a third of a REST read's CPU): validating the same fields into the
    model and writing it must give back the same bytes, for runs in each kind of state, with
    and without a creator and a retry policy."""
    scheduled = await create_run(api, deployment_id)
    running = await create_run(api, deployment_id)
    await set_state(api, running["id"], {"state": {"type": "RUNNING"}, "force": True})
    done = await create_run(api, deployment_id)
    await set_state(api, done["id"], {"state": {"type": "RUNNING"}, "force": True})
    await set_state(api, done["id"], {"state": {"type": "FAILED", "message": "no"}})
    for run in (scheduled, running, done):
        async with db.read() as conn:
            view = await flow_runs.read_flow_run(conn, flow_run_id=uuid.UUID(run["id"]))
        for created_by in (None, {"id": str(uuid.uuid4()), "type": "API_KEY",
                                  "display_value": "ci"}):
            for policy in (None, {}, {"retries": 2, "retry_delay": 5}):
                _same_both_ways(dataclasses.replace(view, created_by=created_by,
                                                    empirical_policy=policy))


def _same_both_ways(view: FlowRunView) -> None:
    built = render.flow_run(view)
    assert list(built) == list(FlowRunResponse.model_fields)
    validated = FlowRunResponse.model_validate(built)
    assert render.json(built) == validated.model_dump_json().encode()
    result = render.orchestration_result(view)
    assert render.json(result) == OrchestrationResult.model_validate(
        result).model_dump_json().encode()
    assert result["state"] == built["state"]


async def test_a_path_or_method_no_route_takes_is_answered_in_the_rest_error_shape(
    api: httpx.AsyncClient,
) -> None:
    """The REST routes run as one router under the app's middleware (no nested app): a path
    no route takes is still a JSON 404, a method a route does not serve a JSON 405 naming the
    methods it does, both in the shape of every other REST error."""
    missing = await api.get("/flow_runs/x/y/z")
    assert_error(missing, 404, "NOT_FOUND")
    wrong = await api.delete(f"/flow_runs/{uuid.uuid4()}")
    assert_error(wrong, 405, "METHOD_NOT_ALLOWED")
    assert set(wrong.headers["allow"].split(", ")) == {"GET", "HEAD"}
    assert wrong.headers["content-type"] == "application/json"
