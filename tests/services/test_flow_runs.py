"""services/flow_runs.py on SQLite and PostgreSQL: targets, parameters, labels, names,
idempotency (on a frozen clock), states, cancelling, renaming, relabelling and deleting."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pendulum
import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state, idempotency_key
from server.domain import clock
from server.domain.errors import FlowrunError
from server.domain.states import state_from_document
from server.repository import flow_runs as run_repo
from server.repository import flows as flow_repo
from server.services import flow_runs as service
from server.services import flows as flow_service
from server.services.flow_runs import CreatedRun, CreateFlowRun
from tests.factories import IDEMPOTENCY_WINDOW, make_flow, make_project

T0 = pendulum.datetime(2030, 3, 1, 12, 0, 0, tz="UTC")
FIELDS = ("parameters", "context", "scheduled_start_time", "flow_run_name", "labels")


# --- helpers -----------------------------------------------------------------------------------


async def create(db: Database, **fields: Any) -> CreatedRun:
    return await create_within(db, IDEMPOTENCY_WINDOW, **fields)


async def create_within(db: Database, window: timedelta, **fields: Any) -> CreatedRun:
    async with db.transaction() as conn:
        return await service.create_flow_run(
            conn, CreateFlowRun(**fields), idempotency_window=window)


async def create_error(db: Database, **fields: Any) -> FlowrunError:
    with pytest.raises(FlowrunError) as caught:
        await create(db, **fields)
    return caught.value


async def run_of(db: Database, run_id: uuid.UUID) -> Any:
    async with db.read() as conn:
        run = await run_repo.get(conn, run_id)
    assert run is not None, f"no run {run_id}"
    return run


async def flow_of(db: Database, flow_id: uuid.UUID) -> Any:
    async with db.read() as conn:
        row = await flow_repo.get(conn, flow_id)
    assert row is not None
    return row


async def count(db: Database, table: sa.Table) -> int:
    async with db.read() as conn:
        return int((await conn.execute(sa.select(sa.func.count()).select_from(table))).scalar_one())


async def history(db: Database, run_id: uuid.UUID) -> list[Any]:
    async with db.read() as conn:
        return list((await conn.execute(
            sa.select(flow_run_state).where(flow_run_state.c.flow_run_id == run_id)
            .order_by(flow_run_state.c.version)
        )).all())


async def key_row(db: Database, key: str) -> Any:
    async with db.read() as conn:
        return (await conn.execute(
            sa.select(idempotency_key).where(idempotency_key.c.key == key)
        )).one()


async def set_state(db: Database, run_id: uuid.UUID, state: Any, version: int | None) -> int:
    async with db.transaction() as conn:
        return await service.set_flow_run_state(
            conn, service.SetFlowRunState(run_id, state_from_document(state), version)
        )


async def state_error(db: Database, run_id: uuid.UUID, state: Any, version: int | None) -> Any:
    with pytest.raises(FlowrunError) as caught:
        await set_state(db, run_id, state, version)
    return caught.value


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def two_versions(db: Database, name: str = "versioned") -> tuple[uuid.UUID, uuid.UUID]:
    project_id = await make_project(db)
    old = await make_flow(db, project_id, name=name)
    new = await make_flow(db, project_id, name=name)
    return old, new


@pytest.fixture
def frozen() -> Iterator[clock.FrozenClock]:
    with clock.frozen(T0) as frozen_clock:
        yield frozen_clock


# --- targets -----------------------------------------------------------------------------------


async def test_a_run_by_flow_id_runs_that_flow_in_state_scheduled(db: Database) -> None:
    flow_id = await make_flow(db)
    created = await create(db, flow_id=flow_id)
    assert created.created is True
    run = await run_of(db, created.id)
    assert run.flow_id == flow_id
    assert (run.state, run.state_type, run.version, run.run_count) == ("Scheduled", "SCHEDULED",
                                                                       1, 0)
    assert run.start_time is None and run.end_time is None


async def test_a_run_by_flow_group_id_runs_the_groups_unarchived_flow(db: Database) -> None:
    old, new = await two_versions(db)
    group = (await flow_of(db, new)).flow_group_id
    assert (await flow_of(db, old)).archived is True
    run = await run_of(db, (await create(db, flow_group_id=group)).id)
    assert run.flow_id == new


async def test_a_run_by_version_group_id_runs_the_groups_unarchived_flow(db: Database) -> None:
    _, new = await two_versions(db)
    version_group = (await flow_of(db, new)).version_group_id
    run = await run_of(db, (await create(db, version_group_id=version_group)).id)
    assert run.flow_id == new


async def test_a_flow_group_whose_flows_are_all_archived_is_not_found(db: Database) -> None:
    _, new = await two_versions(db)
    group = await flow_of(db, new)
    await call(db, flow_service.set_archived, flow_id=new, archived=True)
    for target in ({"flow_group_id": group.flow_group_id},
                   {"version_group_id": group.version_group_id}):
        error = await create_error(db, **target)
        assert error.code == "NOT_FOUND"
        assert "no unarchived flow" in error.message
    assert await count(db, flow_run) == 0


async def test_an_unknown_flow_group_or_version_group_or_flow_is_not_found(db: Database) -> None:
    for target in ({"flow_group_id": uuid.uuid4()}, {"version_group_id": "no-such-group"},
                   {"flow_id": uuid.uuid4()}):
        error = await create_error(db, **target)
        assert error.code == "NOT_FOUND", target
    assert await count(db, flow_run) == 0


async def test_an_archived_flow_id_is_bad_input_not_a_guess(db: Database) -> None:
    old, _ = await two_versions(db)
    error = await create_error(db, flow_id=old)
    assert error.code == "BAD_USER_INPUT"
    assert "archived" in error.message
    assert error.details.get("field") == "flow_id"
    assert await count(db, flow_run) == 0


async def test_a_group_with_several_unarchived_flows_is_a_conflict(db: Database) -> None:
    old, new = await two_versions(db)
    await call(db, flow_service.set_archived, flow_id=old, archived=False)
    group = await flow_of(db, new)
    for target in ({"flow_group_id": group.flow_group_id},
                   {"version_group_id": group.version_group_id}):
        error = await create_error(db, **target)
        assert error.code == "CONFLICT"
        assert "several unarchived flows" in error.message
    assert await count(db, flow_run) == 0
    # Each flow can still be run by its own id.
    assert (await create(db, flow_id=old)).created


@pytest.mark.parametrize("targets", [(), ("flow_id", "flow_group_id"),
                                     ("flow_id", "version_group_id"),
                                     ("flow_group_id", "version_group_id")])
async def test_a_request_must_name_exactly_one_target(
    db: Database, targets: tuple[str, ...]
) -> None:
    flow_id = await make_flow(db)
    row = await flow_of(db, flow_id)
    values = {"flow_id": flow_id, "flow_group_id": row.flow_group_id,
              "version_group_id": row.version_group_id}
    error = await create_error(db, **{t: values[t] for t in targets})
    assert error.code == "BAD_USER_INPUT"
    assert "exactly one" in error.message
    assert await count(db, flow_run) == 0


# --- parameters --------------------------------------------------------------------------------


async def test_parameters_are_flow_defaults_under_group_defaults_under_the_callers(
    db: Database,
) -> None:
    declared = [{"name": n, "required": False, "default": "flow"} for n in ("a", "b", "c")]
    flow_id = await make_flow(db, parameters=declared)
    group = (await flow_of(db, flow_id)).flow_group_id
    await call(db, flow_service.set_group_default_parameters, flow_group_id=group,
               parameters={"b": "group", "c": "group"})
    run = await run_of(db, (await create(db, flow_id=flow_id, parameters={"c": "caller"})).id)
    assert run.parameters == {"a": "flow", "b": "group", "c": "caller"}
    plain = await run_of(db, (await create(db, flow_group_id=group)).id)
    assert plain.parameters == {"a": "flow", "b": "group", "c": "group"}


async def test_parameters_given_as_a_json_string_are_parsed(db: Database) -> None:
    flow_id = await make_flow(db)
    run = await run_of(db, (await create(db, flow_id=flow_id, parameters='{"a": 2}')).id)
    assert run.parameters == {"a": 2}


@pytest.mark.parametrize("value", ['{"a": ', "[1, 2]", '"text"', 3])
async def test_parameters_that_are_not_a_json_object_are_bad_input(
    db: Database, value: Any
) -> None:
    flow_id = await make_flow(db)
    error = await create_error(db, flow_id=flow_id, parameters=value)
    assert error.code == "BAD_USER_INPUT"
    assert error.details.get("field") == "parameters"
    assert await count(db, flow_run) == 0


async def test_missing_required_parameters_are_all_named(db: Database) -> None:
    declared = [{"name": "x", "required": True}, {"name": "y", "required": True},
                {"name": "z", "required": False, "default": 0}]
    flow_id = await make_flow(db, parameters=declared)
    error = await create_error(db, flow_id=flow_id, parameters={"z": 1})
    assert error.code == "BAD_USER_INPUT"
    assert error.message == "Required parameters were not supplied: x, y"
    assert error.details["missing"] == ["x", "y"]
    assert await count(db, flow_run) == 0


async def test_a_required_parameter_may_come_from_the_group_defaults(db: Database) -> None:
    flow_id = await make_flow(db, parameters=[{"name": "x", "required": True}])
    group = (await flow_of(db, flow_id)).flow_group_id
    await call(db, flow_service.set_group_default_parameters, flow_group_id=group,
               parameters={"x": 5})
    run = await run_of(db, (await create(db, flow_id=flow_id)).id)
    assert run.parameters == {"x": 5}


SCHEMA = {
    "type": "object",
    "properties": {"a": {"type": "integer"}, "b": {"type": "string"}},
    "additionalProperties": False,
}


async def test_parameters_outside_the_flows_schema_are_bad_input_naming_each(
    db: Database,
) -> None:
    flow_id = await make_flow(db, parameter_schema=SCHEMA)
    error = await create_error(
        db, flow_id=flow_id, parameters={"a": "one", "b": 2, "zeta": 1, "omega": 2}
    )
    assert error.code == "BAD_USER_INPUT"
    violations = error.details["violations"]
    assert "unknown parameters: omega, zeta" in violations
    assert any(v.startswith("a:") and "integer" in v for v in violations), violations
    assert any(v.startswith("b:") and "string" in v for v in violations), violations
    for name in ("omega", "zeta", "a:", "b:"):
        assert name in error.message
    assert await count(db, flow_run) == 0


async def test_parameters_that_match_the_flows_schema_are_stored(db: Database) -> None:
    flow_id = await make_flow(db, parameter_schema=SCHEMA)
    run = await run_of(db, (await create(db, flow_id=flow_id, parameters={"a": 1})).id)
    assert run.parameters == {"a": 1}


async def test_without_a_schema_extra_parameter_names_are_stored(db: Database) -> None:
    flow_id = await make_flow(db, parameters=[{"name": "a", "required": False, "default": 1}])
    run = await run_of(db, (await create(db, flow_id=flow_id, parameters={"extra": [1]})).id)
    assert run.parameters == {"a": 1, "extra": [1]}


# --- labels, names, start times ----------------------------------------------------------------


async def test_labels_default_to_the_flows_run_config_labels(db: Database) -> None:
    flow_id = await make_flow(db, run_config={"type": "UniversalRun", "labels": ["dev", "gpu"]})
    run = await run_of(db, (await create(db, flow_id=flow_id)).id)
    assert run.labels == ["dev", "gpu"]
    assert run.run_config == {"type": "UniversalRun", "labels": ["dev", "gpu"]}


async def test_labels_default_to_the_groups_labels_when_it_has_some(db: Database) -> None:
    flow_id = await make_flow(db, run_config={"type": "UniversalRun", "labels": ["dev"]})
    group = (await flow_of(db, flow_id)).flow_group_id
    await call(db, flow_service.set_group_labels, flow_group_id=group, labels=["prod"])
    run = await run_of(db, (await create(db, flow_id=flow_id)).id)
    assert run.labels == ["prod"]
    await call(db, flow_service.set_group_labels, flow_group_id=group, labels=None)
    cleared = await run_of(db, (await create(db, flow_id=flow_id)).id)
    assert cleared.labels == ["dev"]


async def test_the_callers_labels_win_over_every_default(db: Database) -> None:
    flow_id = await make_flow(db, run_config={"type": "UniversalRun", "labels": ["dev"]})
    group = (await flow_of(db, flow_id)).flow_group_id
    await call(db, flow_service.set_group_labels, flow_group_id=group, labels=["prod"])
    run = await run_of(db, (await create(db, flow_id=flow_id, labels=["mine", "mine"])).id)
    assert run.labels == ["mine"]


async def test_a_run_without_a_name_gets_a_readable_random_one(db: Database) -> None:
    flow_id = await make_flow(db)
    names = {(await run_of(db, (await create(db, flow_id=flow_id)).id)).name for _ in range(6)}
    assert all(re.fullmatch(r"[a-z]+-[a-z]+", name) for name in names), names
    assert len(names) > 1


async def test_a_given_run_name_is_kept_without_surrounding_spaces(db: Database) -> None:
    flow_id = await make_flow(db)
    run = await run_of(db, (await create(db, flow_id=flow_id, flow_run_name="  nightly ")).id)
    assert run.name == "nightly"


async def test_the_start_time_defaults_to_now_and_is_recorded_in_the_history(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    created = await create(db, flow_id=flow_id)
    run = await run_of(db, created.id)
    assert run.scheduled_start_time == T0
    [scheduled] = await history(db, created.id)
    assert (scheduled.state, scheduled.start_time, scheduled.timestamp) == ("Scheduled", T0, T0)


@pytest.mark.parametrize("value", ["2021-05-07T15:09:16", "soon", "2021-02-30 10:00:00"])
async def test_a_naive_or_unparsable_start_time_is_bad_input(db: Database, value: str) -> None:
    flow_id = await make_flow(db)
    error = await create_error(db, flow_id=flow_id, scheduled_start_time=value)
    assert error.code == "BAD_USER_INPUT"
    assert error.details.get("field") == "scheduled_start_time"
    assert value in error.message
    assert await count(db, flow_run) == 0


# --- idempotency -------------------------------------------------------------------------------


async def test_a_repeated_idempotency_key_returns_the_same_run_and_creates_nothing(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k")
    frozen.advance(hours=1)
    again = await create(db, flow_id=flow_id, idempotency_key="k")
    assert (first.created, again.created) == (True, False)
    assert again.id == first.id
    assert await count(db, flow_run) == 1
    assert await count(db, flow_run_state) == 1


async def test_each_repeat_refreshes_the_window_for_another_day(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k")
    assert (await key_row(db, "k")).expires_at == T0.add(hours=24)
    frozen.advance(hours=23)
    assert (await create(db, flow_id=flow_id, idempotency_key="k")).id == first.id
    assert (await key_row(db, "k")).expires_at == T0.add(hours=47)
    frozen.advance(hours=23)  # 46 hours after the first call, 23 after the refresh
    again = await create(db, flow_id=flow_id, idempotency_key="k")
    assert (again.id, again.created) == (first.id, False)
    assert await count(db, flow_run) == 1


async def test_a_key_names_its_run_until_the_last_second_of_the_window(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k")
    frozen.advance(hours=23, minutes=59, seconds=59)
    assert (await create(db, flow_id=flow_id, idempotency_key="k")).id == first.id


async def test_after_the_window_the_same_key_creates_a_new_run(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k")
    frozen.advance(hours=24, seconds=1)
    later = await create(db, flow_id=flow_id, idempotency_key="k")
    assert later.created is True
    assert later.id != first.id
    assert await count(db, flow_run) == 2
    frozen.advance(hours=1)
    assert (await create(db, flow_id=flow_id, idempotency_key="k")).id == later.id


async def test_an_expired_key_may_be_reused_with_a_different_payload(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    await create(db, flow_id=flow_id, idempotency_key="k", parameters={"a": 1})
    frozen.advance(hours=25)
    later = await create(db, flow_id=flow_id, idempotency_key="k", parameters={"a": 2})
    assert later.created
    assert (await run_of(db, later.id)).parameters == {"a": 2}


async def test_the_window_length_is_the_window_the_door_passes(
    db: Database, frozen: clock.FrozenClock
) -> None:
    minute = timedelta(seconds=60)
    flow_id = await make_flow(db)
    first = await create_within(db, minute, flow_id=flow_id, idempotency_key="k")
    assert (await key_row(db, "k")).expires_at == T0.add(seconds=60)
    frozen.advance(seconds=59)
    assert (await create_within(db, minute, flow_id=flow_id, idempotency_key="k")).id == first.id
    frozen.advance(seconds=61)
    assert (await create_within(db, minute, flow_id=flow_id, idempotency_key="k")).id != first.id


BASE = {"parameters": {"a": 1}, "context": {"c": 1},
        "scheduled_start_time": "2030-03-02T00:00:00+00:00", "flow_run_name": "nightly",
        "labels": ["x"]}
CHANGED = {"parameters": {"a": 2}, "context": {"c": 2},
           "scheduled_start_time": "2030-03-02T00:00:01+00:00", "flow_run_name": "daily",
           "labels": ["y"]}


@pytest.mark.parametrize("field", FIELDS)
async def test_a_repeat_with_a_different_payload_is_a_conflict_naming_the_field(
    db: Database, frozen: clock.FrozenClock, field: str
) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k", **BASE)
    error = await create_error(db, flow_id=flow_id, idempotency_key="k",
                               **{**BASE, field: CHANGED[field]})
    assert error.code == "CONFLICT"
    assert error.details["fields"] == [field]
    assert field in error.message
    assert await count(db, flow_run) == 1
    assert (await create(db, flow_id=flow_id, idempotency_key="k", **BASE)).id == first.id


async def test_a_conflict_names_every_differing_field(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    await create(db, flow_id=flow_id, idempotency_key="k", **BASE)
    error = await create_error(db, flow_id=flow_id, idempotency_key="k", **CHANGED)
    assert error.code == "CONFLICT"
    assert error.details["fields"] == list(FIELDS)


async def test_a_repeat_that_omits_a_given_field_is_a_conflict(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    await create(db, flow_id=flow_id, idempotency_key="k", parameters={"a": 1})
    error = await create_error(db, flow_id=flow_id, idempotency_key="k")
    assert error.code == "CONFLICT"
    assert error.details["fields"] == ["parameters"]


async def test_the_same_start_time_in_another_zone_is_the_same_payload(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k",
                         scheduled_start_time="2030-03-02T00:00:00+00:00")
    again = await create(db, flow_id=flow_id, idempotency_key="k",
                         scheduled_start_time="2030-03-01T19:00:00-05:00")
    assert again.id == first.id


async def test_a_conflicting_repeat_does_not_refresh_the_window(
    db: Database, frozen: clock.FrozenClock
) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k", parameters={"a": 1})
    frozen.advance(hours=23)
    error = await create_error(db, flow_id=flow_id, idempotency_key="k", parameters={"a": 2})
    assert error.code == "CONFLICT"
    assert (await key_row(db, "k")).expires_at == T0.add(hours=24)
    frozen.advance(hours=1, seconds=1)  # past the first window; a refresh would have kept it
    later = await create(db, flow_id=flow_id, idempotency_key="k", parameters={"a": 1})
    assert later.created is True
    assert later.id != first.id


async def test_a_key_is_scoped_to_its_flow_group(db: Database, frozen: clock.FrozenClock) -> None:
    one = await make_flow(db, name="one")
    two = await make_flow(db, name="two")
    first = await create(db, flow_id=one, idempotency_key="k")
    other = await create(db, flow_id=two, idempotency_key="k")
    assert other.created is True
    assert other.id != first.id
    assert await count(db, flow_run) == 2
    assert await count(db, idempotency_key) == 2


async def test_a_key_answers_for_its_flow_group_across_flow_versions(
    db: Database, frozen: clock.FrozenClock
) -> None:
    project_id = await make_project(db)
    old = await make_flow(db, project_id, name="versioned")
    first = await create(db, flow_id=old, idempotency_key="k")
    new = await make_flow(db, project_id, name="versioned")
    group = (await flow_of(db, new)).flow_group_id
    again = await create(db, flow_group_id=group, idempotency_key="k")
    assert (again.id, again.created) == (first.id, False)


async def test_a_deleted_runs_key_creates_a_new_run(db: Database) -> None:
    flow_id = await make_flow(db)
    first = await create(db, flow_id=flow_id, idempotency_key="k")
    await call(db, service.delete_flow_run, flow_run_id=first.id)
    assert await count(db, idempotency_key) == 0
    again = await create(db, flow_id=flow_id, idempotency_key="k")
    assert again.created is True
    assert again.id != first.id
    assert (await run_of(db, again.id)).idempotency_key == "k"


# --- states ------------------------------------------------------------------------------------


async def test_running_sets_the_start_time_and_counts_a_run(
    db: Database, frozen: clock.FrozenClock
) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    frozen.advance(minutes=5)
    assert await set_state(db, run_id, {"type": "Running"}, 1) == 2
    run = await run_of(db, run_id)
    assert (run.state, run.state_type, run.run_count) == ("Running", "RUNNING", 1)
    assert run.start_time == T0.add(minutes=5)
    assert run.end_time is None


async def test_success_sets_the_end_time_and_keeps_the_message(
    db: Database, frozen: clock.FrozenClock
) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    frozen.advance(minutes=1)
    await set_state(db, run_id, {"type": "Running"}, 1)
    frozen.advance(minutes=1)
    await set_state(db, run_id, {"type": "Success", "message": "It worked!"}, 2)
    run = await run_of(db, run_id)
    assert (run.state, run.state_type, run.state_message) == ("Success", "COMPLETED",
                                                              "It worked!")
    assert (run.start_time, run.end_time) == (T0.add(minutes=1), T0.add(minutes=2))
    assert run.state_timestamp == T0.add(minutes=2)


async def test_a_second_running_state_keeps_the_first_start_and_counts_two_runs(
    db: Database, frozen: clock.FrozenClock
) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    for version, kind in enumerate(["Running", "Retrying", "Running"], start=1):
        frozen.advance(minutes=1)
        await set_state(db, run_id, {"type": kind}, version)
    run = await run_of(db, run_id)
    assert (run.run_count, run.start_time, run.version) == (2, T0.add(minutes=1), 4)


async def test_every_state_change_appends_to_the_history(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    document = {"type": "Failed", "message": "boom", "_result": {"type": "NoResultType"},
                "context": {"task": "x"}}
    await set_state(db, run_id, {"type": "Running"}, 1)
    await set_state(db, run_id, document, 2)
    rows = await history(db, run_id)
    assert [(r.version, r.state, r.type) for r in rows] == [
        (1, "Scheduled", "SCHEDULED"), (2, "Running", "RUNNING"), (3, "Failed", "FAILED")]
    assert rows[-1].serialized_state == document
    assert rows[-1].message == "boom"
    assert (await run_of(db, run_id)).state_id == rows[-1].id


async def test_a_state_type_may_be_a_state_type_name(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    await set_state(db, run_id, {"type": "COMPLETED"}, 1)
    run = await run_of(db, run_id)
    assert (run.state, run.state_type) == ("Completed", "COMPLETED")


async def test_a_state_given_as_a_json_string_is_parsed(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    await set_state(db, run_id, '{"type": "Success", "message": "ok"}', 1)
    assert (await run_of(db, run_id)).state == "Success"


async def test_a_null_version_sets_the_state_without_the_check(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    await set_state(db, run_id, {"type": "Submitted"}, 1)
    assert await set_state(db, run_id, {"type": "Running"}, None) == 3
    assert await set_state(db, run_id, {"type": "Success"}, None) == 4
    assert len(await history(db, run_id)) == 4


async def test_a_stale_version_is_a_version_locking_error_that_changes_nothing(
    db: Database,
) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    await set_state(db, run_id, {"type": "Running"}, 1)
    before = await run_of(db, run_id)
    error = await state_error(db, run_id, {"type": "Success"}, 1)
    assert error.code == "VERSION_LOCKING_ERROR"
    assert error.details["current_version"] == 2
    assert await run_of(db, run_id) == before
    assert len(await history(db, run_id)) == 2


async def test_an_unknown_state_type_is_bad_input_listing_the_valid_ones(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    error = await state_error(db, run_id, {"type": "Exploded"}, 1)
    assert error.code == "BAD_USER_INPUT"
    assert "Exploded" in error.message
    for name in ("Scheduled", "Running", "Success", "Failed", "Cancelled", "TimedOut"):
        assert name in error.message
    assert (await run_of(db, run_id)).version == 1


@pytest.mark.parametrize("state", [{}, {"message": "no type"}, None, "[1]", "{bad",
                                   {"type": "Success", "message": 3}])
async def test_a_state_document_without_a_valid_shape_is_bad_input(
    db: Database, state: Any
) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    error = await state_error(db, run_id, state, 1)
    assert error.code == "BAD_USER_INPUT"
    assert len(await history(db, run_id)) == 1


async def test_setting_the_state_of_an_unknown_run_is_not_found(db: Database) -> None:
    for version in (1, None):
        error = await state_error(db, uuid.uuid4(), {"type": "Success"}, version)
        assert error.code == "NOT_FOUND"
    assert await count(db, flow_run_state) == 0


# --- cancel, rename, relabel, delete -----------------------------------------------------------


async def test_cancelling_a_scheduled_run_cancels_it(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    assert await call(db, service.cancel_flow_run, flow_run_id=run_id) == "Cancelled"
    run = await run_of(db, run_id)
    assert (run.state, run.state_type, run.version) == ("Cancelled", "CANCELLED", 2)
    assert run.end_time is not None
    assert [r.state for r in await history(db, run_id)] == ["Scheduled", "Cancelled"]


async def test_cancelling_a_running_run_asks_it_to_stop(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    await set_state(db, run_id, {"type": "Running"}, 1)
    assert await call(db, service.cancel_flow_run, flow_run_id=run_id) == "Cancelling"
    run = await run_of(db, run_id)
    assert (run.state, run.state_type, run.version) == ("Cancelling", "CANCELLING", 3)
    assert run.end_time is None


@pytest.mark.parametrize("final", ["Success", "Failed", "Cancelled"])
async def test_cancelling_a_finished_run_leaves_it_as_it_is(db: Database, final: str) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    await set_state(db, run_id, {"type": final}, 1)
    before = await run_of(db, run_id)
    assert await call(db, service.cancel_flow_run, flow_run_id=run_id) == final
    assert await run_of(db, run_id) == before
    assert len(await history(db, run_id)) == 2


async def test_cancelling_an_unknown_run_is_not_found(db: Database) -> None:
    with pytest.raises(FlowrunError) as caught:
        await call(db, service.cancel_flow_run, flow_run_id=uuid.uuid4())
    assert caught.value.code == "NOT_FOUND"


async def test_a_run_can_be_renamed(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    await call(db, service.set_flow_run_name, flow_run_id=run_id, name=" renamed ")
    assert (await run_of(db, run_id)).name == "renamed"


async def test_renaming_to_an_empty_name_is_bad_input(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db), flow_run_name="kept")).id
    with pytest.raises(FlowrunError) as caught:
        await call(db, service.set_flow_run_name, flow_run_id=run_id, name="  ")
    assert caught.value.code == "BAD_USER_INPUT"
    assert (await run_of(db, run_id)).name == "kept"


async def test_a_runs_labels_can_be_replaced(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db), labels=["a"])).id
    await call(db, service.set_flow_run_labels, flow_run_id=run_id, labels=["b", "c", "b"])
    assert (await run_of(db, run_id)).labels == ["b", "c"]
    await call(db, service.set_flow_run_labels, flow_run_id=run_id, labels=[])
    assert (await run_of(db, run_id)).labels == []


async def test_labels_that_are_not_a_list_of_strings_are_bad_input(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db), labels=["a"])).id
    with pytest.raises(FlowrunError) as caught:
        await call(db, service.set_flow_run_labels, flow_run_id=run_id, labels=[1, 2])
    assert caught.value.code == "BAD_USER_INPUT"
    assert (await run_of(db, run_id)).labels == ["a"]


async def test_a_deleted_run_and_its_history_are_gone(db: Database) -> None:
    flow_id = await make_flow(db)
    run_id = (await create(db, flow_id=flow_id)).id
    kept = (await create(db, flow_id=flow_id)).id
    await set_state(db, run_id, {"type": "Running"}, 1)
    await call(db, service.delete_flow_run, flow_run_id=run_id)
    async with db.read() as conn:
        assert await run_repo.get(conn, run_id) is None
    assert await history(db, run_id) == []
    assert await count(db, flow_run) == 1
    assert (await run_of(db, kept)).id == kept


@pytest.mark.parametrize("action", ["set_flow_run_name", "set_flow_run_labels",
                                    "delete_flow_run"])
async def test_editing_an_unknown_run_is_not_found(db: Database, action: str) -> None:
    extras: dict[str, dict[str, Any]] = {
        "set_flow_run_name": {"name": "x"}, "set_flow_run_labels": {"labels": ["x"]},
        "delete_flow_run": {},
    }
    extra = extras[action]
    with pytest.raises(FlowrunError) as caught:
        await call(db, getattr(service, action), flow_run_id=uuid.uuid4(), **extra)
    assert caught.value.code == "NOT_FOUND"


async def test_get_flow_run_reads_a_run_or_says_not_found(db: Database) -> None:
    run_id = (await create(db, flow_id=await make_flow(db))).id
    assert (await call(db, service.get_flow_run, flow_run_id=run_id)).id == run_id
    with pytest.raises(FlowrunError) as caught:
        await call(db, service.get_flow_run, flow_run_id=uuid.uuid4())
    assert caught.value.code == "NOT_FOUND"
