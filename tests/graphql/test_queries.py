"""The Hasura-style read API over HTTP to the app (in process), on SQLite and PostgreSQL: every
operator of every column kind, boolean combinations, relation filters, ordering, paging,
nested relation arguments, counts and relations. Every test here only reads, so the module
builds its data set once per engine (test_query_count.py and test_filter_edge_cases.py build
their own)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import pendulum
import pytest
from starlette.applications import Starlette

from server.database.engine import Database
from tests.conftest import in_process
from tests.databases import empty
from tests.graphql.conftest import T0, Dataset, build_dataset
from tests.live import GraphQL


@pytest.fixture(scope="module")
async def dataset(session_db: Database) -> Dataset:
    """One data set for the whole module (per engine): every test here only reads."""
    await empty(session_db)
    return await build_dataset(session_db)


@pytest.fixture
async def gql(app: Starlette) -> AsyncIterator[GraphQL]:
    async with in_process(app) as client:
        yield GraphQL(client, "/graphql")


ALL = {"alpha-one", "alpha-two", "beta-three", "gamma"}


def _ids(case: Any) -> str:
    """Readable test ids: the where clause (or the operators) of a case, compactly."""
    if isinstance(case, dict):
        return json.dumps(case, separators=(",", ":")).replace('"', "")
    return "->" + (",".join(sorted(case)) or "nothing") if isinstance(case, set) else str(case)


RUN_NAMES = "query($w: flow_run_bool_exp) { flow_run(where: $w) { name } }"


async def names(gql: GraphQL, where: Any) -> set[str]:
    data = await gql.data(RUN_NAMES, {"w": where})
    found = [row["name"] for row in data["flow_run"]]
    assert len(found) == len(set(found)), found
    return set(found)


async def ordered(gql: GraphQL, arguments: str) -> list[str]:
    data = await gql.data(f"{{ flow_run({arguments}) {{ name }} }}")
    return [row["name"] for row in data["flow_run"]]


# --- where, by column kind ---------------------------------------------------------------------


@pytest.mark.parametrize(("ops", "expected"), [
    ({"_eq": "gamma"}, {"gamma"}),
    ({"_neq": "gamma"}, {"alpha-one", "alpha-two", "beta-three"}),
    ({"_gt": "beta"}, {"beta-three", "gamma"}),
    ({"_gte": "beta-three"}, {"beta-three", "gamma"}),
    ({"_lt": "beta"}, {"alpha-one", "alpha-two"}),
    ({"_lte": "alpha-two"}, {"alpha-one", "alpha-two"}),
    ({"_in": ["gamma", "alpha-one", "nobody"]}, {"gamma", "alpha-one"}),
    ({"_nin": ["gamma", "alpha-one"]}, {"alpha-two", "beta-three"}),
    ({"_like": "%-t%"}, {"alpha-two", "beta-three"}),
    ({"_like": "ALPHA%"}, set()),
    ({"_nlike": "alpha%"}, {"beta-three", "gamma"}),
    ({"_ilike": "ALPHA%"}, {"alpha-one", "alpha-two"}),
    ({"_nilike": "%GAMMA"}, {"alpha-one", "alpha-two", "beta-three"}),
    ({"_is_null": False}, ALL),
    ({"_is_null": True}, set()),
    ({"_gt": "alpha", "_lt": "beta"}, {"alpha-one", "alpha-two"}),
], ids=_ids)
async def test_string_columns_support_every_comparison(
    gql: GraphQL, dataset: Dataset, ops: dict[str, Any], expected: set[str]
) -> None:
    assert await names(gql, {"name": ops}) == expected


@pytest.mark.parametrize(("ops", "expected"), [
    ({"_is_null": True}, {"beta-three", "gamma"}),
    ({"_is_null": False}, {"alpha-one", "alpha-two"}),
], ids=_ids)
async def test_is_null_finds_runs_without_a_state_message(
    gql: GraphQL, dataset: Dataset, ops: dict[str, Any], expected: set[str]
) -> None:
    assert await names(gql, {"state_message": ops}) == expected


@pytest.mark.parametrize(("ops", "expected"), [
    ({"_eq": 2}, {"beta-three", "gamma"}),
    ({"_neq": 2}, {"alpha-one", "alpha-two"}),
    ({"_gt": 1}, {"alpha-one", "beta-three", "gamma"}),
    ({"_gte": 3}, {"alpha-one"}),
    ({"_lt": 2}, {"alpha-two"}),
    ({"_lte": 2}, {"alpha-two", "beta-three", "gamma"}),
    ({"_in": [1, 3]}, {"alpha-one", "alpha-two"}),
    ({"_nin": [1, 3]}, {"beta-three", "gamma"}),
    ({"_is_null": False}, ALL),
], ids=_ids)
async def test_int_columns_support_every_comparison(
    gql: GraphQL, dataset: Dataset, ops: dict[str, Any], expected: set[str]
) -> None:
    assert await names(gql, {"version": ops}) == expected


async def test_uuid_columns_support_every_comparison(gql: GraphQL, dataset: Dataset) -> None:
    one, gamma = dataset.run_id("alpha-one"), dataset.run_id("gamma")
    assert await names(gql, {"id": {"_eq": one}}) == {"alpha-one"}
    assert await names(gql, {"id": {"_neq": one}}) == ALL - {"alpha-one"}
    assert await names(gql, {"id": {"_in": [one, gamma]}}) == {"alpha-one", "gamma"}
    assert await names(gql, {"id": {"_nin": [one, gamma]}}) == {"alpha-two", "beta-three"}
    assert await names(gql, {"flow_id": {"_eq": str(dataset.flows["etl"])}}) == {
        "alpha-one", "alpha-two"}
    assert await names(gql, {"deployment_id": {"_is_null": True}}) == ALL
    assert await names(gql, {"deployment_id": {"_is_null": False}}) == set()


async def test_uuid_range_comparisons_follow_the_uuids_order(
    gql: GraphQL, dataset: Dataset
) -> None:
    middle = sorted(dataset.runs.values())[1]

    def where(keep: Any) -> set[str]:
        return {name for name, run_id in dataset.runs.items() if keep(run_id)}

    assert await names(gql, {"id": {"_gt": str(middle)}}) == where(lambda i: i > middle)
    assert await names(gql, {"id": {"_gte": str(middle)}}) == where(lambda i: i >= middle)
    assert await names(gql, {"id": {"_lt": str(middle)}}) == where(lambda i: i < middle)
    assert await names(gql, {"id": {"_lte": str(middle)}}) == where(lambda i: i <= middle)


async def test_boolean_columns_support_eq_and_neq(gql: GraphQL, dataset: Dataset) -> None:
    assert await names(gql, {"auto_scheduled": {"_eq": False}}) == ALL
    assert await names(gql, {"auto_scheduled": {"_neq": False}}) == set()
    data = await gql.data('{ flow(where: {archived: {_eq: true}}) { name version } }')
    assert data["flow"] == [{"name": "etl", "version": 1}]
    data = await gql.data(
        '{ flow(where: {archived: {_in: [false]}}, order_by: {name: asc}) { name } }')
    assert [f["name"] for f in data["flow"]] == ["etl", "load", "report"]


@pytest.mark.parametrize(("ops", "expected"), [
    ({"_eq": "2030-01-02T00:00:00+00:00"}, {"alpha-two"}),
    ({"_neq": "2030-01-02T00:00:00+00:00"}, {"alpha-one", "beta-three", "gamma"}),
    ({"_gt": "2030-01-02T00:00:00+00:00"}, {"beta-three", "gamma"}),
    ({"_gte": "2030-01-02T00:00:00Z"}, {"alpha-two", "beta-three", "gamma"}),
    ({"_lt": "2030-01-01T19:00:00-05:00"}, {"alpha-one"}),
    ({"_lte": "2030-01-01T19:00:00-05:00"}, {"alpha-one", "alpha-two"}),
    ({"_lte": "2030-01-02 00:00:00"}, {"alpha-one", "alpha-two"}),
    ({"_in": ["2030-01-01T00:00:00+00:00", "2030-01-04T01:00:00+01:00"]}, {"alpha-one", "gamma"}),
    ({"_nin": ["2030-01-01T00:00:00+00:00"]}, {"alpha-two", "beta-three", "gamma"}),
], ids=_ids)
async def test_timestamp_columns_support_every_comparison_in_any_zone(
    gql: GraphQL, dataset: Dataset, ops: dict[str, Any], expected: set[str]
) -> None:
    assert await names(gql, {"scheduled_start_time": ops}) == expected


async def test_timestamp_is_null_finds_unfinished_runs(gql: GraphQL, dataset: Dataset) -> None:
    assert await names(gql, {"end_time": {"_is_null": True}}) == {"alpha-two", "beta-three"}
    assert await names(gql, {"end_time": {"_is_null": False}}) == {"alpha-one", "gamma"}
    assert await names(gql, {"start_time": {"_is_null": False}}) == {"alpha-one", "beta-three"}


@pytest.mark.parametrize(("where", "expected"), [
    ({"labels": {"_contains": ["a"]}}, {"alpha-one", "alpha-two"}),
    ({"labels": {"_contains": ["a", "b"]}}, {"alpha-one"}),
    ({"labels": {"_contains": ["b"]}}, {"alpha-one", "beta-three"}),
    ({"labels": {"_contains": ["zzz"]}}, set()),
    ({"parameters": {"_has_key": "x"}}, {"alpha-one", "beta-three"}),
    ({"parameters": {"_has_key": "nope"}}, set()),
    ({"parameters": {"_contains": {"x": 1}}}, {"alpha-one"}),
    ({"parameters": {"_contains": {"x": 3}}}, {"beta-three"}),
    ({"labels": {"_is_null": False}}, ALL),
    ({"parameters": {"_is_null": True}}, set()),
], ids=_ids)
async def test_json_columns_support_containment_keys_and_nulls(
    gql: GraphQL, dataset: Dataset, where: dict[str, Any], expected: set[str]
) -> None:
    assert await names(gql, where) == expected


async def test_labels_containment_works_as_a_literal_in_the_query(
    gql: GraphQL, dataset: Dataset
) -> None:
    data = await gql.data('{ flow_run(where: {labels: {_contains: ["a"]}}, '
                          'order_by: {name: asc}) { name labels } }')
    assert data["flow_run"] == [{"name": "alpha-one", "labels": ["a", "b"]},
                                {"name": "alpha-two", "labels": ["a"]}]


async def test_a_json_column_that_reads_null_matches_is_null(
    gql: GraphQL, dataset: Dataset
) -> None:
    data = await gql.data("{ flow_run { name run_config } }")
    assert {row["run_config"] for row in data["flow_run"]} == {None}
    assert await names(gql, {"run_config": {"_is_null": True}}) == ALL
    assert await names(gql, {"run_config": {"_is_null": False}}) == set()


# --- boolean combinations ----------------------------------------------------------------------


@pytest.mark.parametrize(("where", "expected"), [
    ({"_and": [{"labels": {"_contains": ["a"]}}, {"version": {"_eq": 1}}]}, {"alpha-two"}),
    ({"_or": [{"name": {"_eq": "gamma"}}, {"version": {"_eq": 3}}]}, {"alpha-one", "gamma"}),
    ({"_not": {"labels": {"_contains": ["a"]}}}, {"beta-three", "gamma"}),
    ({"_not": {"_or": [{"name": {"_eq": "gamma"}}, {"version": {"_eq": 3}}]}},
     {"alpha-two", "beta-three"}),
    ({"_or": [{"_and": [{"version": {"_eq": 2}}, {"name": {"_like": "b%"}}]},
              {"name": {"_eq": "alpha-two"}}]}, {"beta-three", "alpha-two"}),
    ({"name": {"_like": "alpha%"}, "version": {"_gt": 1}}, {"alpha-one"}),
    ({"_and": [{}, {"name": {"_eq": "gamma"}}]}, {"gamma"}),
    ({"_and": [{}]}, ALL),
    ({"_and": []}, ALL),
    ({}, ALL),
    ({"_or": [{}, {"name": {"_eq": "gamma"}}]}, ALL),
], ids=_ids)
async def test_and_or_not_combine_conditions_and_an_empty_object_is_no_condition(
    gql: GraphQL, dataset: Dataset, where: dict[str, Any], expected: set[str]
) -> None:
    assert await names(gql, where) == expected


async def test_a_null_where_is_no_condition(gql: GraphQL, dataset: Dataset) -> None:
    assert await names(gql, None) == ALL


# --- relation filters --------------------------------------------------------------------------


@pytest.mark.parametrize(("where", "expected"), [
    ({"flow": {"name": {"_eq": "etl"}}}, {"alpha-one", "alpha-two"}),
    ({"flow": {"project": {"name": {"_eq": "beta"}}}}, {"gamma"}),
    ({"flow": {"project": {"name": {"_eq": "alpha"}}}}, {"alpha-one", "alpha-two", "beta-three"}),
    ({"flow": {"name": {"_eq": "etl"}}, "state": {"_eq": "Success"}}, {"alpha-one"}),
    ({"_not": {"flow": {"name": {"_eq": "etl"}}}}, {"beta-three", "gamma"}),
    ({"states": {"state": {"_eq": "Running"}}}, {"alpha-one", "beta-three"}),
    ({"flow": {"flow_group": {"flows": {"archived": {"_eq": True}}}}}, {"alpha-one", "alpha-two"}),
], ids=_ids)
async def test_runs_filter_through_their_relations(
    gql: GraphQL, dataset: Dataset, where: dict[str, Any], expected: set[str]
) -> None:
    assert await names(gql, where) == expected


async def test_flows_and_projects_filter_through_their_runs(
    gql: GraphQL, dataset: Dataset
) -> None:
    data = await gql.data('{ flow(where: {flow_runs: {state: {_eq: "Running"}}}) { name } }')
    assert data["flow"] == [{"name": "load"}]
    data = await gql.data(
        '{ project(where: {flows: {flow_runs: {name: {_eq: "gamma"}}}}) { name } }')
    assert data["project"] == [{"name": "beta"}]
    data = await gql.data(
        '{ flow_run_state(where: {flow_run: {name: {_eq: "alpha-one"}}}, '
        'order_by: {version: asc}) { state } }')
    assert [s["state"] for s in data["flow_run_state"]] == ["Scheduled", "Running", "Success"]


# --- ordering and paging -----------------------------------------------------------------------


async def test_order_by_a_single_object(gql: GraphQL, dataset: Dataset) -> None:
    assert await ordered(gql, "order_by: {scheduled_start_time: desc}") == [
        "gamma", "beta-three", "alpha-two", "alpha-one"]
    assert await ordered(gql, "order_by: {name: asc}") == sorted(ALL)


async def test_order_by_a_list_applies_each_key_in_turn(gql: GraphQL, dataset: Dataset) -> None:
    assert await ordered(gql, "order_by: [{version: desc}, {name: asc}]") == [
        "alpha-one", "beta-three", "gamma", "alpha-two"]
    assert await ordered(gql, "order_by: [{version: desc}, {name: desc}]") == [
        "alpha-one", "gamma", "beta-three", "alpha-two"]


async def test_order_by_a_related_column(gql: GraphQL, dataset: Dataset) -> None:
    assert await ordered(gql, "order_by: [{flow: {name: desc}}, {name: asc}]") == [
        "gamma", "beta-three", "alpha-one", "alpha-two"]
    data = await gql.data(
        "{ flow(where: {archived: {_eq: false}}, "
        "order_by: [{project: {name: desc}}, {name: asc}]) { name } }")
    assert [f["name"] for f in data["flow"]] == ["report", "etl", "load"]


async def test_order_by_puts_nulls_where_asked(gql: GraphQL, dataset: Dataset) -> None:
    assert await ordered(gql, "order_by: [{end_time: asc_nulls_first}, {name: asc}]") == [
        "alpha-two", "beta-three", "alpha-one", "gamma"]
    assert await ordered(gql, "order_by: [{end_time: desc_nulls_last}, {name: asc}]") == [
        "gamma", "alpha-one", "alpha-two", "beta-three"]


async def test_limit_and_offset_page_through_the_ordered_rows(
    gql: GraphQL, dataset: Dataset
) -> None:
    assert await ordered(gql, "order_by: {name: asc}, limit: 2") == ["alpha-one", "alpha-two"]
    assert await ordered(gql, "order_by: {name: asc}, limit: 2, offset: 1") == [
        "alpha-two", "beta-three"]
    assert await ordered(gql, "order_by: {name: asc}, offset: 3") == ["gamma"]
    assert await ordered(gql, "order_by: {name: asc}, limit: 0") == []
    assert await ordered(gql, "order_by: {name: asc}, offset: 10") == []


# --- nested relations with arguments -----------------------------------------------------------


async def test_a_runs_states_take_order_by_and_limit(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data(
        '{ flow_run(where: {name: {_eq: "alpha-one"}}) '
        "{ states(order_by: {version: desc}, limit: 1) { state version message } } }")
    assert data["flow_run"] == [{"states": [{"state": "Success", "version": 3,
                                             "message": "done"}]}]


async def test_nested_limits_apply_to_each_parent_in_a_list(
    gql: GraphQL, dataset: Dataset
) -> None:
    data = await gql.data(
        "{ flow_run(order_by: {name: asc}) "
        "{ name states(order_by: {version: desc}, limit: 1) { state } } }")
    latest = {row["name"]: [s["state"] for s in row["states"]] for row in data["flow_run"]}
    assert latest == {"alpha-one": ["Success"], "alpha-two": ["Scheduled"],
                      "beta-three": ["Running"], "gamma": ["Failed"]}


async def test_nested_relations_take_where_and_offset(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data(
        '{ flow_run(where: {name: {_eq: "alpha-one"}}) { '
        'running: states(where: {state: {_eq: "Running"}}) { version } '
        "later: states(order_by: {version: asc}, offset: 1) { version } "
        "all: states { version } } }")
    [run] = data["flow_run"]
    assert run["running"] == [{"version": 2}]
    assert run["later"] == [{"version": 2}, {"version": 3}]
    assert sorted(s["version"] for s in run["all"]) == [1, 2, 3]


async def test_a_flows_runs_take_where_order_and_limit(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data(
        '{ flow(where: {name: {_eq: "etl"}, archived: {_eq: false}}) { '
        "flow_runs(order_by: {name: desc}) { name } "
        'first: flow_runs(order_by: {name: asc}, limit: 1) { name } '
        'succeeded: flow_runs(where: {state: {_eq: "Success"}}) { name } } }')
    assert data["flow"] == [{
        "flow_runs": [{"name": "alpha-two"}, {"name": "alpha-one"}],
        "first": [{"name": "alpha-one"}],
        "succeeded": [{"name": "alpha-one"}],
    }]


# --- counts, by-pk, relations ------------------------------------------------------------------


async def test_aggregate_counts_the_rows_matching_where(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data(
        "{ all: flow_run_aggregate { aggregate { count } } "
        'etl: flow_run_aggregate(where: {flow: {name: {_eq: "etl"}}}) { aggregate { count } } '
        "none: flow_run_aggregate(where: {version: {_gt: 99}}) { aggregate { count } } "
        "flows: flow_aggregate { aggregate { count } } "
        "states: flow_run_state_aggregate { aggregate { count } } "
        "projects: project_aggregate { aggregate { count } } }")
    counts = {key: value["aggregate"]["count"] for key, value in data.items()}
    assert counts == {"all": 4, "etl": 2, "none": 0, "flows": 4, "states": 8, "projects": 2}


async def test_by_pk_reads_one_row_or_null(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data(
        "query($id: uuid!) { flow_run_by_pk(id: $id) { id name version state labels "
        "parameters scheduled_start_time } }", {"id": dataset.run_id("alpha-one")})
    assert data["flow_run_by_pk"] == {
        "id": dataset.run_id("alpha-one"), "name": "alpha-one", "version": 3,
        "state": "Success", "labels": ["a", "b"], "parameters": {"x": 1},
        "scheduled_start_time": "2030-01-01T00:00:00+00:00",
    }
    missing = await gql.data(
        '{ flow_run_by_pk(id: "00000000-0000-4000-8000-00000000abcd") { id } }')
    assert missing == {"flow_run_by_pk": None}


async def test_timestamps_read_back_in_utc_with_an_offset(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data(
        "query($id: uuid!) { flow_run_by_pk(id: $id) { created start_time end_time "
        "state_timestamp } }", {"id": dataset.run_id("alpha-one")})
    run = data["flow_run_by_pk"]
    assert pendulum.parse(run["created"]) == T0.add(minutes=1)
    assert pendulum.parse(run["start_time"]) == T0.add(minutes=2)
    assert pendulum.parse(run["end_time"]) == T0.add(minutes=3)
    assert all(value.endswith("+00:00") for value in run.values()), run


async def test_a_run_reads_its_flow_and_the_flows_project_and_group(
    gql: GraphQL, dataset: Dataset
) -> None:
    data = await gql.data(
        "query($id: uuid!) { flow_run_by_pk(id: $id) { flow { id name version archived "
        "project { name } flow_group { id name } } } }", {"id": dataset.run_id("gamma")})
    flow = data["flow_run_by_pk"]["flow"]
    assert flow["id"] == str(dataset.flows["report"])
    assert (flow["name"], flow["version"], flow["archived"]) == ("report", 1, False)
    assert flow["project"] == {"name": "beta"}
    assert flow["flow_group"]["id"] == str(dataset.groups["report"])


async def test_a_run_reads_its_states_in_version_order(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data(
        "query($id: uuid!) { flow_run_by_pk(id: $id) { states(order_by: {version: asc}) "
        "{ version state type message flow_run { name } } } }",
        {"id": dataset.run_id("alpha-one")})
    states = data["flow_run_by_pk"]["states"]
    assert [(s["version"], s["state"], s["type"]) for s in states] == [
        (1, "Scheduled", "SCHEDULED"), (2, "Running", "RUNNING"), (3, "Success", "COMPLETED")]
    assert {s["flow_run"]["name"] for s in states} == {"alpha-one"}


async def test_projects_groups_and_flows_read_their_children(
    gql: GraphQL, dataset: Dataset
) -> None:
    data = await gql.data(
        '{ project(order_by: {name: asc}) { name flows(order_by: [{name: asc}, {version: asc}]) '
        "{ name version flow_runs(order_by: {name: asc}) { name } } } }")
    assert data["project"] == [
        {"name": "alpha", "flows": [
            {"name": "etl", "version": 1, "flow_runs": []},
            {"name": "etl", "version": 2, "flow_runs": [{"name": "alpha-one"},
                                                        {"name": "alpha-two"}]},
            {"name": "load", "version": 1, "flow_runs": [{"name": "beta-three"}]},
        ]},
        {"name": "beta", "flows": [
            {"name": "report", "version": 1, "flow_runs": [{"name": "gamma"}]},
        ]},
    ]
    group = await gql.data(
        "query($id: uuid!) { flow_group_by_pk(id: $id) { flows(order_by: {version: asc}) "
        "{ version archived } } }", {"id": str(dataset.groups["etl"])})
    assert group["flow_group_by_pk"]["flows"] == [{"version": 1, "archived": True},
                                                  {"version": 2, "archived": False}]


async def test_the_default_tenant_is_readable(gql: GraphQL, dataset: Dataset) -> None:
    data = await gql.data("{ tenant { id } tenant_aggregate { aggregate { count } } }")
    assert data["tenant_aggregate"]["aggregate"]["count"] == 1
    assert data["tenant"] == [{"id": "00000000-0000-4000-8000-000000000000"}]
