"""The deployment service on SQLite and PostgreSQL (services/deployments.py), and the pure
rules it applies: labels in two dialects, typed states, the derived run times."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pendulum
import pytest

from server.database.engine import Database
from server.domain import clock, labels, run_timing
from server.domain.errors import Conflict, InvalidInput, NotFound
from server.domain.states import StateType, typed_state
from server.repository import flows as flow_repo
from server.services import deployments as service
from server.services import flow_runs
from tests.factories import IDEMPOTENCY_WINDOW, make_flow

T0 = pendulum.datetime(2030, 1, 1, tz="UTC")


async def group_of(db: Database, flow_id: uuid.UUID) -> uuid.UUID:
    async with db.read() as conn:
        row = await flow_repo.get(conn, flow_id)
    assert row is not None
    return row.flow_group_id  # type: ignore[no-any-return]


async def new_deployment(db: Database, **fields: object) -> uuid.UUID:
    flow_id = await make_flow(db, parameters=[{"name": "x", "required": False, "default": 1}])
    spec = service.DeploymentSpec(name="d", flow_id=flow_id, **fields)  # type: ignore[arg-type]
    async with db.transaction() as conn:
        row = await service.create_deployment(conn, spec)
    return row.id


async def run_from(
    db: Database, deployment_id: uuid.UUID, **fields: object
) -> service.CreatedRunView:
    request = service.DeploymentRunRequest(**fields)  # type: ignore[arg-type]
    async with db.transaction() as conn:
        return await service.create_flow_run_from_deployment(
            conn, deployment_id=deployment_id, request=request,
            idempotency_window=IDEMPOTENCY_WINDOW)


async def test_a_deployment_of_a_flow_belongs_to_its_group_and_names_it(db: Database) -> None:
    flow_id = await make_flow(db)
    async with db.transaction() as conn:
        row = await service.create_deployment(conn, service.DeploymentSpec(
            name="  nightly  ", flow_id=flow_id, tags=["a", "a"], labels={"k": 1}))
    assert row.name == "nightly" and row.flow_id == flow_id
    assert row.flow_group_id == await group_of(db, flow_id)
    assert row.tags == ["a"] and row.labels == {"k": 1} and row.enforce_parameter_schema


async def test_a_deployment_is_refused_without_a_name_or_with_bad_json(db: Database) -> None:
    flow_id = await make_flow(db)
    bad = [
        service.DeploymentSpec(name=" ", flow_id=flow_id),
        service.DeploymentSpec(name="d", flow_id=flow_id, parameters="[1]"),
        service.DeploymentSpec(name="d", flow_id=flow_id, labels={"k": {"nested": 1}}),
        service.DeploymentSpec(name="d", flow_id=flow_id, parameter_openapi_schema={"type": 1}),
    ]
    for spec in bad:
        with pytest.raises(InvalidInput):
            async with db.transaction() as conn:
                await service.create_deployment(conn, spec)


async def test_a_run_takes_the_deployments_defaults_under_its_own_values(db: Database) -> None:
    deployment_id = await new_deployment(
        db, parameters={"y": 2}, tags=["d"], labels={"team": "data"}, work_queue_name="q",
        job_variables={"a": 1, "b": 1})
    made = await run_from(db, deployment_id, parameters={"z": 3}, tags=["r", "d"],
                          labels={"env": "prod"}, job_variables={"b": 2})
    run = made.run
    assert made.created and run.deployment_id == deployment_id
    assert run.parameters == {"x": 1, "y": 2, "z": 3}
    assert run.tags == ["d", "r"] and run.labels == ["team=data", "env=prod"]
    assert run.work_queue_name == "q" and run.job_variables == {"a": 1, "b": 2}
    assert run.state == "Scheduled" and run.state_type == "SCHEDULED"


async def test_a_future_scheduled_time_schedules_the_run_and_a_past_one_means_now(
    db: Database,
) -> None:
    deployment_id = await new_deployment(db)
    with clock.frozen(T0):
        later = await run_from(db, deployment_id, state=service.RunState(
            StateType.SCHEDULED, scheduled_time=T0 + timedelta(hours=1)))
        past = await run_from(db, deployment_id, state=service.RunState(
            StateType.SCHEDULED, scheduled_time=T0 - timedelta(hours=1)))
    assert later.run.scheduled_start_time == T0 + timedelta(hours=1)
    assert later.run.state_start_time == T0 + timedelta(hours=1)
    assert past.run.scheduled_start_time == T0 and past.run.state_start_time is None


async def test_the_same_key_and_request_return_the_same_run(db: Database) -> None:
    deployment_id = await new_deployment(db, parameters={"y": 2})
    first = await run_from(db, deployment_id, idempotency_key="k", parameters={"z": 1})
    again = await run_from(db, deployment_id, idempotency_key="k", parameters={"z": 1})
    assert first.created and not again.created and again.run.id == first.run.id
    with pytest.raises(Conflict):
        await run_from(db, deployment_id, idempotency_key="k", parameters={"z": 2})


async def test_an_enforced_schema_is_a_conflict_and_a_relaxed_one_is_not(db: Database) -> None:
    schema = {"type": "object", "properties": {"z": {"type": "integer"}}}
    enforced = await new_deployment(db, parameter_openapi_schema=schema)
    with pytest.raises(Conflict) as caught:
        await run_from(db, enforced, parameters={"z": "no"})
    assert caught.value.details["violations"] == ["z: 'no' is not of type 'integer'"]
    made = await run_from(db, enforced, parameters={"z": "no"}, enforce_parameter_schema=False)
    assert made.run.parameters is not None and made.run.parameters["z"] == "no"


async def test_unknown_deployments_and_runs_are_not_found(db: Database) -> None:
    with pytest.raises(NotFound):
        await run_from(db, uuid.uuid4())
    async with db.transaction() as conn:
        with pytest.raises(NotFound):
            await service.delete_deployment(conn, deployment_id=uuid.uuid4())
        with pytest.raises(NotFound):
            await flow_runs.read_flow_run(conn, flow_run_id=uuid.uuid4())


async def test_runs_are_filtered_by_every_condition_of_the_run_filter(db: Database) -> None:
    deployment_id = await new_deployment(db, tags=["n"])
    running = await run_from(db, deployment_id, state=service.RunState(StateType.RUNNING))
    await run_from(db, deployment_id, tags=["x"])
    async with db.read() as conn:
        found = await flow_runs.filter_flow_runs(conn, run_filter=flow_runs.RunFilter(
            deployment_ids=[deployment_id], state_types=[StateType.RUNNING], tags_all=["n"]))
        tagged = await flow_runs.filter_flow_runs(conn, run_filter=flow_runs.RunFilter(
            tags_all=["n", "x"]))
        with pytest.raises(InvalidInput):
            await flow_runs.filter_flow_runs(conn, run_filter=flow_runs.RunFilter(sort="SIDEWAYS"))
    assert [run.id for run in found] == [running.run.id]
    assert len(tagged) == 1 and tagged[0].id != running.run.id


# --- the pure rules -----------------------------------------------------------------------------


def test_labels_map_between_dialects_keeping_strings_and_true() -> None:
    view: dict[str, bool | int | float | str] = {"gpu": True, "env": "prod", "n": 2,
                                                 "off": False}
    stored = labels.to_list(view)
    assert stored == ["gpu", "env=prod", "n=2", "off=false"]
    assert labels.to_dict(stored) == {"gpu": True, "env": "prod", "n": "2", "off": "false"}
    assert labels.to_dict(["a=b=c"]) == {"a": "b=c"}


def test_label_keys_and_values_are_checked() -> None:
    assert labels.parse('{"k": 1.5}') == {"k": 1.5}
    for bad in ({"": "v"}, {"a=b": "v"}, {"k": None}, {"k": [1]}, "[1]"):
        with pytest.raises(InvalidInput):
            labels.parse(bad)


def test_a_typed_state_takes_its_types_default_name_or_a_name_of_that_type() -> None:
    assert typed_state(StateType.CRASHED).name == "Crashed"
    assert typed_state(StateType.SCHEDULED, "Retrying").type is StateType.SCHEDULED
    with pytest.raises(InvalidInput) as caught:
        typed_state(StateType.RUNNING, "Retrying")
    assert caught.value.details["field"] == "state.name"


def test_run_times_are_computed_from_start_end_and_now() -> None:
    start = datetime(2030, 1, 1, tzinfo=UTC)
    end, now = start + timedelta(seconds=90), start + timedelta(seconds=300)
    assert run_timing.total_run_time(start, end) == 90
    assert run_timing.total_run_time(start, None) == 0
    assert run_timing.estimated_run_time(start, None, True, now) == 300
    assert run_timing.estimated_run_time(start, end, False, now) == 90
    assert run_timing.estimated_start_time_delta(start, start + timedelta(seconds=5), now) == 5
    assert run_timing.estimated_start_time_delta(start, None, now) == 300
    assert run_timing.estimated_start_time_delta(now, None, start) == 0
