"""Bulk actions and restart over the GraphQL door, on both engines: each is atomic, returns
the ids it changed, skips runs whose state forbids it, and answers bad input with a code and
an untouched database."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa

from server.database.engine import Database
from server.database.models import flow_run
from tests.graphql.conftest import Dataset, snapshot
from tests.live import GraphQL

CANCEL = """mutation($where: flow_run_bool_exp!) {
  cancel_flow_runs(input: {where: $where}) { ids count skipped { id state reason } } }"""
DELETE = """mutation($where: flow_run_bool_exp!) {
  delete_flow_runs(input: {where: $where}) { ids count } }"""
MARK = """mutation($where: flow_run_bool_exp!, $state: JSON!) {
  set_flow_run_states_by_filter(input: {where: $where, state: $state}) { ids count } }"""
RESTART = """mutation($id: UUID!, $version: Int!) {
  restart_flow_run(input: {flow_run_id: $id, version: $version}) {
    id version task_run_ids flow_run { state version } } }"""


async def states(db: Database) -> dict[uuid.UUID, str]:
    async with db.read() as conn:
        rows = (await conn.execute(sa.select(flow_run.c.id, flow_run.c.state))).all()
    return {row.id: row.state for row in rows}


def ids(data: Dataset, *names: str) -> set[str]:
    return {data.run_id(name) for name in names}


async def test_cancelling_by_flow_name_cancels_what_can_be_and_skips_finished_runs(
    gql: GraphQL, dataset: Dataset, db: Database
) -> None:
    where = {"flow": {"name": {"_in": ["etl", "load"]}}}
    result = (await gql.data(CANCEL, {"where": where}))["cancel_flow_runs"]
    assert set(result["ids"]) == ids(dataset, "alpha-two", "beta-three")
    assert result["count"] == 2
    assert result["skipped"] == [{"id": dataset.run_id("alpha-one"), "state": "Success",
                                  "reason": "the run is Success already"}]
    now = await states(db)
    assert now[dataset.runs["alpha-two"]] == "Cancelled"
    assert now[dataset.runs["beta-three"]] == "Cancelling"  # its agent stops it
    assert now[dataset.runs["alpha-one"]] == "Success"
    assert now[dataset.runs["gamma"]] == "Failed"


async def test_an_empty_filter_is_refused_and_nothing_changes(
    gql: GraphQL, dataset: Dataset, db: Database
) -> None:
    before = await snapshot(db)
    for document, variables in ((CANCEL, {}), (DELETE, {}),
                                (MARK, {"state": {"type": "Failed"}})):
        assert await gql.error_code(document, {"where": {}, **variables}) == "BAD_USER_INPUT"
    assert await snapshot(db) == before


async def test_a_filter_on_an_unknown_field_is_bad_input(gql: GraphQL, dataset: Dataset) -> None:
    body = await gql(CANCEL, {"where": {"colour": {"_eq": "red"}}})
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED" or \
        body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_deleting_by_state_deletes_exactly_the_matched_runs(
    gql: GraphQL, dataset: Dataset, db: Database
) -> None:
    where = {"state": {"_in": ["Success", "Failed"]}}
    result = (await gql.data(DELETE, {"where": where}))["delete_flow_runs"]
    assert set(result["ids"]) == ids(dataset, "alpha-one", "gamma")
    assert set(await states(db)) == {dataset.runs["alpha-two"], dataset.runs["beta-three"]}


async def test_marking_runs_by_filter_sets_every_matched_state(
    gql: GraphQL, dataset: Dataset, db: Database
) -> None:
    where = {"labels": {"_contains": ["a"]}}
    result = await gql.data(MARK, {"where": where,
                                   "state": {"type": "Failed", "message": "by hand"}})
    assert set(result["set_flow_run_states_by_filter"]["ids"]) == ids(
        dataset, "alpha-one", "alpha-two")
    now = await states(db)
    assert now[dataset.runs["alpha-one"]] == now[dataset.runs["alpha-two"]] == "Failed"
    assert now[dataset.runs["beta-three"]] == "Running"


async def test_marking_with_a_bad_state_changes_no_run(
    gql: GraphQL, dataset: Dataset, db: Database
) -> None:
    before = await snapshot(db)
    code = await gql.error_code(MARK, {"where": {"id": {"_is_null": False}},
                                       "state": {"type": "Bogus"}})
    assert code == "BAD_USER_INPUT"
    assert await snapshot(db) == before


async def run_version(gql: GraphQL, run_id: str) -> Any:
    query = "query($id: uuid!) { flow_run_by_pk(id: $id) { version state } }"
    return (await gql.data(query, {"id": run_id}))["flow_run_by_pk"]


async def test_restarting_a_failed_run_schedules_it_again(gql: GraphQL, dataset: Dataset) -> None:
    run_id = dataset.run_id("gamma")
    current = await run_version(gql, run_id)
    result = (await gql.data(RESTART, {"id": run_id, "version": current["version"]}))
    restarted = result["restart_flow_run"]
    assert restarted["flow_run"] == {"state": "Scheduled", "version": current["version"] + 1}
    assert restarted["version"] == current["version"] + 1
    assert restarted["task_run_ids"] == []


async def test_restarting_with_a_stale_version_is_a_version_locking_error(
    gql: GraphQL, dataset: Dataset, db: Database
) -> None:
    run_id = dataset.run_id("gamma")
    current = await run_version(gql, run_id)
    before = await snapshot(db)
    code = await gql.error_code(RESTART, {"id": run_id, "version": current["version"] - 1})
    assert code == "VERSION_LOCKING_ERROR"
    assert await snapshot(db) == before


async def test_restarting_a_run_that_did_not_fail_is_a_conflict(
    gql: GraphQL, dataset: Dataset
) -> None:
    for name in ("alpha-one", "alpha-two", "beta-three"):
        current = await run_version(gql, dataset.run_id(name))
        code = await gql.error_code(RESTART, {"id": dataset.run_id(name),
                                              "version": current["version"]})
        assert code == "CONFLICT", name
    assert await gql.error_code(RESTART, {"id": str(uuid.uuid4()), "version": 1}) == "NOT_FOUND"
