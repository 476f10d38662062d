"""The mutations over HTTP to the app (in process), on SQLite and PostgreSQL: each calls its service
and renders its payload (the rules themselves are tested in tests/services)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run, flow_run_state
from server.repository import flow_runs as run_repo
from server.repository import flows as flow_repo
from tests.live import GraphQL

DOCUMENT = {"name": "etl", "parameters": [{"name": "a", "required": False, "default": 1}],
            "run_config": {"type": "UniversalRun", "labels": ["dev"]}}


async def register(gql: GraphQL, document: Any = None, project: str = "p") -> tuple[str, str]:
    project_id = (await gql.data(
        "mutation($n: String!) { create_project(input: {name: $n}) { id project { name } } }",
        {"n": project}))["create_project"]
    assert project_id["project"] == {"name": project}
    data = await gql.data(
        "mutation($p: UUID!, $f: JSON!) { create_flow(input: {project_id: $p, "
        "serialized_flow: $f}) { id flow { name version archived } } }",
        {"p": project_id["id"], "f": DOCUMENT if document is None else document})
    assert data["create_flow"]["flow"]["archived"] is False
    return project_id["id"], data["create_flow"]["id"]


async def run(gql: GraphQL, flow_id: str, **extra: Any) -> dict[str, Any]:
    data = await gql.data(
        "mutation($i: create_flow_run_input!) { create_flow_run(input: $i) "
        "{ id created flow_run { name state version parameters labels } } }",
        {"i": {"flow_id": flow_id, **extra}})
    return data["create_flow_run"]  # type: ignore[no-any-return]


async def stored(db: Database, run_id: str) -> Any:
    async with db.read() as conn:
        row = await run_repo.get(conn, uuid.UUID(run_id))
    assert row is not None
    return row


async def test_a_flow_registered_over_graphql_can_be_run(
    gql: GraphQL
) -> None:
    _, flow_id = await register(gql)
    created = await run(gql, flow_id)
    assert created["created"] is True
    assert created["flow_run"]["state"] == "Scheduled"
    assert created["flow_run"]["version"] == 1
    assert created["flow_run"]["parameters"] == {"a": 1}
    assert created["flow_run"]["labels"] == ["dev"]


async def test_a_flow_document_may_be_sent_as_a_json_string(
    gql: GraphQL
) -> None:
    _, flow_id = await register(gql, '{"name": "as-string"}')
    data = await gql.data("query($id: uuid!) { flow_by_pk(id: $id) { name } }", {"id": flow_id})
    assert data["flow_by_pk"] == {"name": "as-string"}


async def test_a_repeated_idempotency_key_reports_that_nothing_was_created(
    gql: GraphQL
) -> None:
    _, flow_id = await register(gql)
    first = await run(gql, flow_id, idempotency_key="k")
    again = await run(gql, flow_id, idempotency_key="k")
    assert (first["created"], again["created"]) == (True, False)
    assert again["id"] == first["id"]


async def test_an_idempotency_key_reused_with_other_parameters_is_a_conflict(
    gql: GraphQL, db: Database
) -> None:
    _, flow_id = await register(gql)
    await run(gql, flow_id, idempotency_key="k", parameters={"a": 1})
    body = await gql(
        "mutation($i: create_flow_run_input!) { create_flow_run(input: $i) { id } }",
        {"i": {"flow_id": flow_id, "idempotency_key": "k", "parameters": {"a": 2}}})
    [error] = body["errors"]
    assert error["extensions"]["code"] == "CONFLICT"
    assert error["extensions"]["fields"] == ["parameters"]
    async with db.read() as conn:
        assert (await conn.execute(sa.select(sa.func.count()).select_from(flow_run))).scalar() == 1


async def test_a_new_version_archives_the_old_and_the_group_runs_the_new(
    gql: GraphQL, db: Database
) -> None:
    project_id, old = await register(gql)
    new = (await gql.data(
        "mutation($p: UUID!, $f: JSON!) { create_flow(input: {project_id: $p, "
        "serialized_flow: $f}) { id flow { version flow_group { id } } } }",
        {"p": project_id, "f": DOCUMENT}))["create_flow"]
    assert new["flow"]["version"] == 2
    archived = await gql.data("query($id: uuid!) { flow_by_pk(id: $id) { archived } }",
                              {"id": old})
    assert archived == {"flow_by_pk": {"archived": True}}
    group = new["flow"]["flow_group"]["id"]
    data = await gql.data(
        "mutation($g: UUID!) { create_flow_run(input: {flow_group_id: $g}) "
        "{ flow_run { flow_id } } }", {"g": group})
    assert data["create_flow_run"]["flow_run"]["flow_id"] == new["id"]


async def test_archive_and_unarchive_flip_the_flag(gql: GraphQL) -> None:
    _, flow_id = await register(gql)
    for mutation, expected in (("archive_flow", True), ("unarchive_flow", False)):
        data = await gql.data(
            f"mutation($f: UUID!) {{ {mutation}(input: {{flow_id: $f}}) {{ success }} }}",
            {"f": flow_id})
        assert data == {mutation: {"success": True}}
        read = await gql.data("query($id: uuid!) { flow_by_pk(id: $id) { archived } }",
                              {"id": flow_id})
        assert read["flow_by_pk"]["archived"] is expected


async def test_group_defaults_and_labels_set_over_graphql_shape_new_runs(
    gql: GraphQL, db: Database
) -> None:
    _, flow_id = await register(gql)
    async with db.read() as conn:
        group = (await flow_repo.get(conn, uuid.UUID(flow_id))).flow_group_id  # type: ignore[union-attr]
    await gql.data(
        'mutation($g: UUID!) { set_flow_group_default_parameters(input: {flow_group_id: $g, '
        'parameters: "{\\"a\\": 5}"}) { success } }', {"g": str(group)})
    await gql.data(
        'mutation($g: UUID!) { set_flow_group_labels(input: {flow_group_id: $g, '
        'labels: ["prod"]}) { success } }', {"g": str(group)})
    created = await run(gql, flow_id)
    assert created["flow_run"]["parameters"] == {"a": 5}
    assert created["flow_run"]["labels"] == ["prod"]


async def test_set_flow_run_states_moves_several_runs_at_once(
    gql: GraphQL, db: Database
) -> None:
    _, flow_id = await register(gql)
    one, two = (await run(gql, flow_id))["id"], (await run(gql, flow_id))["id"]
    data = await gql.data(
        "mutation($s: [set_flow_run_state_input!]!) { set_flow_run_states(input: {states: $s}) "
        "{ states { id version status } } }",
        {"s": [{"flow_run_id": one, "version": 1, "state": {"type": "Running"}},
               {"flow_run_id": two, "version": None, "state": {"type": "Failed"}}]})
    assert data["set_flow_run_states"]["states"] == [
        {"id": one, "version": 2, "status": "SUCCESS"},
        {"id": two, "version": 2, "status": "SUCCESS"}]
    assert (await stored(db, one)).state == "Running"
    assert (await stored(db, two)).state == "Failed"


async def test_set_flow_run_states_is_all_or_nothing(
    gql: GraphQL, db: Database
) -> None:
    _, flow_id = await register(gql)
    one, two = (await run(gql, flow_id))["id"], (await run(gql, flow_id))["id"]
    body = await gql(
        "mutation($s: [set_flow_run_state_input!]!) { set_flow_run_states(input: {states: $s}) "
        "{ states { id } } }",
        {"s": [{"flow_run_id": one, "version": 1, "state": {"type": "Running"}},
               {"flow_run_id": two, "version": 9, "state": {"type": "Running"}}]})
    assert body["errors"][0]["extensions"]["code"] == "VERSION_LOCKING_ERROR"
    assert (await stored(db, one)).version == 1
    assert (await stored(db, one)).state == "Scheduled"
    async with db.read() as conn:
        states = (await conn.execute(
            sa.select(sa.func.count()).select_from(flow_run_state))).scalar()
    assert states == 2


async def test_the_set_state_payload_names_the_new_version(
    gql: GraphQL
) -> None:
    _, flow_id = await register(gql)
    run_id = (await run(gql, flow_id))["id"]
    data = await gql.data(
        "mutation($id: UUID!, $s: JSON!) { set_flow_run_state(input: {flow_run_id: $id, "
        "version: 1, state: $s}) { id version status flow_run { state version } } }",
        {"id": run_id, "s": {"type": "Running"}})
    assert data["set_flow_run_state"] == {"id": run_id, "version": 2, "status": "SUCCESS",
                                          "flow_run": {"state": "Running", "version": 2}}


@pytest.mark.parametrize(("first", "expected"), [(None, "Cancelled"), ("Running", "Cancelling"),
                                                 ("Success", "Success")])
async def test_cancel_flow_run_answers_with_the_runs_state(
    gql: GraphQL, db: Database, first: str | None, expected: str
) -> None:
    _, flow_id = await register(gql)
    run_id = (await run(gql, flow_id))["id"]
    if first:
        await gql.data("mutation($id: UUID!, $s: JSON!) { set_flow_run_state(input: "
                       "{flow_run_id: $id, state: $s}) { id } }",
                       {"id": run_id, "s": {"type": first}})
    data = await gql.data(
        "mutation($id: UUID!) { cancel_flow_run(input: {flow_run_id: $id}) { state } }",
        {"id": run_id})
    assert data == {"cancel_flow_run": {"state": expected}}
    assert (await stored(db, run_id)).state == expected


async def test_a_run_can_be_renamed_relabelled_and_deleted(
    gql: GraphQL, db: Database
) -> None:
    _, flow_id = await register(gql)
    run_id = (await run(gql, flow_id))["id"]
    renamed = await gql.data(
        'mutation($id: UUID!) { set_flow_run_name(input: {flow_run_id: $id, name: "nightly"}) '
        "{ success } }", {"id": run_id})
    assert renamed == {"set_flow_run_name": {"success": True}}
    await gql.data(
        'mutation($id: UUID!) { set_flow_run_labels(input: {flow_run_id: $id, labels: ["x"]}) '
        "{ success } }", {"id": run_id})
    row = await stored(db, run_id)
    assert (row.name, row.labels) == ("nightly", ["x"])
    deleted = await gql.data(
        "mutation($id: UUID!) { delete_flow_run(input: {flow_run_id: $id}) { success } }",
        {"id": run_id})
    assert deleted == {"delete_flow_run": {"success": True}}
    gone = await gql.data("query($id: uuid!) { flow_run_by_pk(id: $id) { id } }", {"id": run_id})
    assert gone == {"flow_run_by_pk": None}
    again = await gql(
        "mutation($id: UUID!) { delete_flow_run(input: {flow_run_id: $id}) { success } }",
        {"id": run_id})
    assert again["errors"][0]["extensions"]["code"] == "NOT_FOUND"
