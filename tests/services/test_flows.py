"""services/flows.py on SQLite and PostgreSQL: registering flows and versions, archiving, and
flow group settings."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow, flow_group
from server.domain.errors import FlowrunError
from server.repository import flows as repo
from server.services import flows as service
from tests.factories import make_project


async def register(db: Database, project_id: uuid.UUID, **document: Any) -> uuid.UUID:
    flow_id: uuid.UUID = await call(
        db, service.create_flow, serialized_flow={"name": "etl", **document}, project_id=project_id
    )
    return flow_id


async def call(db: Database, fn: Any, **kwargs: Any) -> Any:
    async with db.transaction() as conn:
        return await fn(conn, **kwargs)


async def error_of(db: Database, fn: Any, **kwargs: Any) -> FlowrunError:
    with pytest.raises(FlowrunError) as caught:
        await call(db, fn, **kwargs)
    return caught.value


async def flow_row(db: Database, flow_id: uuid.UUID) -> Any:
    async with db.read() as conn:
        row = await repo.get(conn, flow_id)
    assert row is not None
    return row


async def group_row(db: Database, flow_group_id: uuid.UUID) -> Any:
    async with db.read() as conn:
        row = await repo.get_group(conn, flow_group_id)
    assert row is not None
    return row


async def count(db: Database, table: sa.Table) -> int:
    async with db.read() as conn:
        return int((await conn.execute(sa.select(sa.func.count()).select_from(table))).scalar_one())


async def test_a_registered_flow_keeps_its_document_and_declared_parameters(
    db: Database,
) -> None:
    project_id = await make_project(db)
    document = {
        "name": "etl", "__version__": "1.4.1",
        "parameters": [{"name": "a", "required": True, "default": None}],
        "storage": {"type": "Local"}, "run_config": {"type": "UniversalRun", "labels": ["x"]},
        "schedule": None,
    }
    flow_id = await call(db, service.create_flow, serialized_flow=document,
                         project_id=project_id, description="loads things")
    row = await flow_row(db, flow_id)
    assert (row.name, row.version, row.archived, row.project_id) == ("etl", 1, False,
                                                                     project_id)
    assert row.serialized_flow == document
    assert row.parameters == document["parameters"]
    assert row.storage == {"type": "Local"}
    assert row.run_config == document["run_config"]
    assert row.labels == ["x"]
    assert row.core_version == "1.4.1"
    assert row.description == "loads things"
    assert row.is_schedule_active is False
    group = await group_row(db, row.flow_group_id)
    assert group.name == row.version_group_id


async def test_a_flow_document_may_be_a_json_string(db: Database) -> None:
    project_id = await make_project(db)
    flow_id = await call(db, service.create_flow, serialized_flow='{"name": "etl"}',
                         project_id=project_id)
    assert (await flow_row(db, flow_id)).name == "etl"


async def test_a_new_version_joins_the_group_and_archives_the_older_ones(db: Database) -> None:
    project_id = await make_project(db)
    ids = [await register(db, project_id) for _ in range(3)]
    rows = [await flow_row(db, i) for i in ids]
    assert [r.version for r in rows] == [1, 2, 3]
    assert [r.archived for r in rows] == [True, True, False]
    assert len({r.flow_group_id for r in rows}) == 1
    assert len({r.version_group_id for r in rows}) == 1
    assert await count(db, flow_group) == 1


async def test_the_same_name_in_another_project_is_another_group(db: Database) -> None:
    one = await register(db, await make_project(db))
    two = await register(db, await make_project(db))
    rows = [await flow_row(db, one), await flow_row(db, two)]
    assert rows[0].flow_group_id != rows[1].flow_group_id
    assert [r.archived for r in rows] == [False, False]
    assert [r.version for r in rows] == [1, 1]


async def test_another_name_in_the_same_project_is_another_group(db: Database) -> None:
    project_id = await make_project(db)
    one = await register(db, project_id)
    two = await register(db, project_id, name="report")
    assert (await flow_row(db, one)).flow_group_id != (await flow_row(db, two)).flow_group_id
    assert (await flow_row(db, one)).archived is False


async def test_an_explicit_version_group_id_joins_that_group(db: Database) -> None:
    project_id = await make_project(db)
    first = await call(db, service.create_flow, serialized_flow={"name": "a"},
                       project_id=project_id, version_group_id="stable")
    second = await call(db, service.create_flow, serialized_flow={"name": "b"},
                        project_id=project_id, version_group_id="stable")
    rows = [await flow_row(db, first), await flow_row(db, second)]
    assert [r.version_group_id for r in rows] == ["stable", "stable"]
    assert [(r.version, r.archived) for r in rows] == [(1, True), (2, False)]


async def test_a_flow_can_be_archived_and_unarchived(db: Database) -> None:
    flow_id = await register(db, await make_project(db))
    await call(db, service.set_archived, flow_id=flow_id, archived=True)
    assert (await flow_row(db, flow_id)).archived is True
    await call(db, service.set_archived, flow_id=flow_id, archived=False)
    assert (await flow_row(db, flow_id)).archived is False


async def test_unarchiving_an_old_version_leaves_two_unarchived_flows(db: Database) -> None:
    project_id = await make_project(db)
    old = await register(db, project_id)
    new = await register(db, project_id)
    await call(db, service.set_archived, flow_id=old, archived=False)
    group = (await flow_row(db, new)).flow_group_id
    async with db.read() as conn:
        unarchived = await repo.unarchived_run_targets(conn, flow_group_id=group)
    assert {r.id for r in unarchived} == {old, new}


async def test_archiving_an_unknown_flow_is_not_found(db: Database) -> None:
    for archived in (True, False):
        error = await error_of(db, service.set_archived, flow_id=uuid.uuid4(), archived=archived)
        assert error.code == "NOT_FOUND"


@pytest.mark.parametrize("document", [{}, {"name": ""}, {"name": 3}, None, "[1]", "{not json"])
async def test_a_flow_document_without_a_name_is_bad_input(db: Database, document: Any) -> None:
    project_id = await make_project(db)
    error = await error_of(db, service.create_flow, serialized_flow=document,
                           project_id=project_id)
    assert error.code == "BAD_USER_INPUT"
    assert await count(db, flow) == 0


async def test_registering_into_an_unknown_project_is_not_found(db: Database) -> None:
    error = await error_of(db, service.create_flow, serialized_flow={"name": "etl"},
                           project_id=uuid.uuid4())
    assert error.code == "NOT_FOUND"
    assert await count(db, flow) == 0
    assert await count(db, flow_group) == 0


@pytest.mark.parametrize("declared", ["a", [{"required": True}], [1], {"name": "a"}])
async def test_a_malformed_parameter_list_is_bad_input(db: Database, declared: Any) -> None:
    error = await error_of(db, service.create_flow,
                           serialized_flow={"name": "etl", "parameters": declared},
                           project_id=await make_project(db))
    assert error.code == "BAD_USER_INPUT"
    assert "parameters" in error.message
    assert await count(db, flow) == 0


@pytest.mark.parametrize("schema", ["text", {"type": "no-such-type"}])
async def test_an_invalid_parameter_schema_is_bad_input(db: Database, schema: Any) -> None:
    error = await error_of(db, service.create_flow,
                           serialized_flow={"name": "etl", "parameter_schema": schema},
                           project_id=await make_project(db))
    assert error.code == "BAD_USER_INPUT"
    assert "parameter_schema" in error.message
    assert await count(db, flow) == 0


async def test_a_valid_parameter_schema_is_kept(db: Database) -> None:
    schema = {"type": "object", "properties": {"a": {"type": "integer"}}}
    flow_id = await register(db, await make_project(db), parameter_schema=schema)
    assert (await flow_row(db, flow_id)).parameter_schema == schema


@pytest.mark.parametrize(("document", "labels"), [
    ({"run_config": {"type": "UniversalRun", "labels": ["rc"]}}, ["rc"]),
    ({"environment": {"labels": ["env"]}}, ["env"]),
    ({"labels": ["top"]}, ["top"]),
    ({}, []),
])
async def test_a_flows_labels_come_from_its_run_config_first(
    db: Database, document: dict[str, Any], labels: list[str]
) -> None:
    flow_id = await register(db, await make_project(db), **document)
    assert (await flow_row(db, flow_id)).labels == labels


async def test_a_schedule_is_active_only_when_there_is_one(db: Database) -> None:
    project_id = await make_project(db)
    scheduled = await register(db, project_id, schedule={"type": "Schedule", "clocks": []})
    plain = await register(db, project_id, name="plain")
    assert (await flow_row(db, scheduled)).is_schedule_active is True
    assert (await flow_row(db, plain)).is_schedule_active is False
    off = await call(db, service.create_flow,
                     serialized_flow={"name": "off", "schedule": {"type": "Schedule"}},
                     project_id=project_id, set_schedule_active=False)
    assert (await flow_row(db, off)).is_schedule_active is False


async def test_group_default_parameters_can_be_set_and_replaced(db: Database) -> None:
    group = (await flow_row(db, await register(db, await make_project(db)))).flow_group_id
    await call(db, service.set_group_default_parameters, flow_group_id=group,
               parameters={"a": 1, "b": 2})
    assert (await group_row(db, group)).default_parameters == {"a": 1, "b": 2}
    await call(db, service.set_group_default_parameters, flow_group_id=group,
               parameters='{"c": 3}')
    assert (await group_row(db, group)).default_parameters == {"c": 3}


async def test_group_default_parameters_must_be_a_json_object(db: Database) -> None:
    group = (await flow_row(db, await register(db, await make_project(db)))).flow_group_id
    error = await error_of(db, service.set_group_default_parameters, flow_group_id=group,
                           parameters="[1]")
    assert error.code == "BAD_USER_INPUT"
    assert (await group_row(db, group)).default_parameters is None


async def test_group_labels_can_be_set_and_cleared(db: Database) -> None:
    group = (await flow_row(db, await register(db, await make_project(db)))).flow_group_id
    assert (await group_row(db, group)).labels is None
    await call(db, service.set_group_labels, flow_group_id=group, labels=["a", "b"])
    assert (await group_row(db, group)).labels == ["a", "b"]
    await call(db, service.set_group_labels, flow_group_id=group, labels=None)
    assert (await group_row(db, group)).labels is None


@pytest.mark.parametrize(("fn", "value"), [
    (service.set_group_default_parameters, {"parameters": {}}),
    (service.set_group_labels, {"labels": ["a"]}),
])
async def test_settings_of_an_unknown_group_are_not_found(
    db: Database, fn: Any, value: dict[str, Any]
) -> None:
    error = await error_of(db, fn, flow_group_id=uuid.uuid4(), **value)
    assert error.code == "NOT_FOUND"


async def test_a_deleted_flow_is_gone_and_a_second_delete_is_not_found(db: Database) -> None:
    flow_id = await register(db, await make_project(db))
    await call(db, service.delete_flow, flow_id=flow_id)
    assert await count(db, flow) == 0
    error = await error_of(db, service.delete_flow, flow_id=flow_id)
    assert error.code == "NOT_FOUND"
