"""The Python client against a live server: seed 000's calls, as written, and the rest."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pendulum
import pytest

from server.client import Client, ClientError
from tests.live import LiveServer


def hello(name: str = "world", times: int = 1) -> None:
    """A flow for these tests (never run here)."""


@pytest.fixture
def client(server: LiveServer) -> Iterator[Client]:
    with Client(server.graphql_url) as api:
        yield api


@pytest.fixture
def flow_id(client: Client) -> str:
    return client.register(hello, "tests")


async def test_seed_000_calls_create_runs_with_parameters_and_a_later_start(
    client: Client, flow_id: str
) -> None:
    run_id = client.create_flow_run(flow_id=flow_id)
    later = client.create_flow_run(flow_id=flow_id, parameters={"times": 2},
                                   scheduled_start_time=pendulum.now().add(minutes=10))
    info = client.get_flow_run_info(later)
    assert info.parameters == {"name": "world", "times": 2}
    assert info.scheduled_start_time is not None
    assert info.scheduled_start_time > pendulum.now().add(minutes=9)
    assert client.get_flow_run_info(run_id).state == "Scheduled"


async def test_a_plain_aware_datetime_works_as_a_start_time(client: Client, flow_id: str) -> None:
    start = dt.datetime(2030, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    info = client.get_flow_run_info(client.create_flow_run(flow_id=flow_id,
                                                           scheduled_start_time=start))
    assert info.scheduled_start_time == pendulum.datetime(2030, 1, 2, 8, 4, 5, tz="UTC")


async def test_an_idempotency_key_names_one_run_and_creates_without_a_key_are_distinct(
    client: Client, flow_id: str
) -> None:
    first = client.create_flow_run(flow_id=flow_id, idempotency_key="do-not-create-two-runs")
    again = client.create_flow_run_with_status(flow_id=flow_id,
                                               idempotency_key="do-not-create-two-runs")
    assert (again.id, again.created) == (first, False)
    assert client.create_flow_run(flow_id=flow_id) != client.create_flow_run(flow_id=flow_id)


async def test_runs_are_created_by_flow_group_and_version_group_too(
    client: Client, flow_id: str
) -> None:
    flow = client.get_flow(flow_id)
    assert flow is not None
    by_group = client.create_flow_run(flow_group_id=flow.flow_group_id)
    assert client.get_flow_run_info(by_group).flow_id == flow_id


async def test_registering_again_makes_the_next_version_and_parameters_are_checked(
    client: Client, flow_id: str
) -> None:
    second = client.register(hello, "tests")
    flow = client.get_flow(second)
    assert flow is not None and flow.version == 2
    with pytest.raises(ClientError) as caught:
        client.create_flow_run(flow_id=second, parameters={"times": "many"})
    assert caught.value.code == "BAD_USER_INPUT"


async def test_a_stale_version_is_refused_and_the_current_one_moves_the_state(
    client: Client, flow_id: str
) -> None:
    run_id = client.create_flow_run(flow_id=flow_id)
    with pytest.raises(ClientError) as caught:
        client.set_flow_run_state(run_id, "Running", version=7)
    assert caught.value.code == "VERSION_LOCKING_ERROR"
    assert client.set_flow_run_state(run_id, "Running", version=1) == 2
    assert client.set_flow_run_state(run_id, {"type": "Success", "message": "It worked!"}) == 3
    info = client.get_flow_run_info(run_id)
    assert (info.state, info.state_message, info.is_successful) == ("Success", "It worked!", True)


async def test_logs_come_back_in_time_order_with_upper_case_levels(
    client: Client, flow_id: str
) -> None:
    run_id = client.create_flow_run(flow_id=flow_id)
    client.write_run_logs([
        {"flow_run_id": run_id, "message": "second", "level": "warning",
         "timestamp": "2024-01-01T00:00:02+00:00"},
        {"flow_run_id": run_id, "message": "first", "level": "info", "name": "me",
         "timestamp": "2024-01-01T00:00:01+00:00", "info": {"k": 1}},
    ])
    logs = client.get_logs(run_id)
    assert [(r.message, r.level) for r in logs] == [("first", "INFO"), ("second", "WARNING")]
    assert logs[0].name == "me" and logs[0].info == {"k": 1}
    assert [r.message for r in client.get_logs(run_id, level="warning")] == ["second"]
    data = client.graphql("""query($id: uuid!) { flow_run_by_pk(id: $id) {
        logs(order_by: [{timestamp: desc}], limit: 1) { message level } } }""", {"id": run_id})
    assert data["flow_run_by_pk"]["logs"] == [{"message": "second", "level": "WARNING"}]


async def test_cancelling_a_run_that_has_not_started_cancels_it_at_once(
    client: Client, flow_id: str
) -> None:
    run_id = client.create_flow_run(flow_id=flow_id)
    assert client.cancel_flow_run(run_id) == "Cancelled"
    assert client.get_flow_run_info(run_id).is_finished


async def test_an_unknown_run_is_a_client_error_with_the_not_found_code(client: Client) -> None:
    with pytest.raises(ClientError) as caught:
        client.get_flow_run_info("6f1c7d5e-0000-4000-8000-000000000000")
    assert caught.value.code == "NOT_FOUND"
    with pytest.raises(ClientError) as caught:
        client.write_run_logs([{"flow_run_id": "6f1c7d5e-0000-4000-8000-000000000000",
                                "message": "lost"}])
    assert caught.value.code == "NOT_FOUND"


async def test_an_agent_registers_sees_its_queue_and_claims_a_run_with_its_flow(
    client: Client, flow_id: str
) -> None:
    run_id = client.create_flow_run(flow_id=flow_id, labels=["gpu"])
    agent_id = client.register_agent("tester", ["gpu"])
    assert client.get_runs_in_queue(agent_id=agent_id) == [run_id]
    assert client.get_runs_in_queue(labels=[]) == []
    claimed = client.claim_flow_runs(agent_id, limit=5)
    assert [(c.id, c.version, c.flow_name) for c in claimed] == [(run_id, 2, "hello")]
    assert claimed[0].storage is not None and claimed[0].storage["function"] == "hello"
    assert client.claim_flow_runs(agent_id, limit=5) == []
    client.update_flow_run_heartbeat(run_id)
    assert client.get_flow_run_info(run_id).state == "Submitted"
