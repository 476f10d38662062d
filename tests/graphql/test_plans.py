"""Compiled reads (server/graphql/plans.py) answer exactly as execution does.

Every document of the corpus is sent twice to the in-process app over HTTP: once as it runs
(compiled where it can be) and once with compiled plans switched off, so graphql-core executes
it in full. Status and body must be identical. The corpus covers what a plan compiles (by-pk
and list reads of columns, aliases, __typename, variables and literals, filters, ordering,
windows, a missing row, every column of every table), what it must hand back to execution
(variables that do not coerce, an unknown operationName), the errors of the read itself (a
negative window, a page over the limit), and documents it must not compile at all."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from graphql import parse
from starlette.applications import Starlette

from server.graphql.plans import ReadPlanner
from server.graphql.view import GraphQLEndpoint
from server.repository.entities import ENTITIES
from tests.graphql.conftest import Dataset

RUN_FIELDS = ("id name state version parameters labels flow_id scheduled_start_time "
              "start_time end_time created updated auto_scheduled run_count idempotency_key")

# (document, variables): each must be compiled into a plan.
COMPILED: list[tuple[str, dict[str, Any] | None]] = [
    ("query($id: uuid!) { flow_run_by_pk(id: $id) { id name state version parameters } }",
     {"id": "alpha-one"}),
    (f"query($id: uuid!) {{ flow_run_by_pk(id: $id) {{ {RUN_FIELDS} }} }}", {"id": "gamma"}),
    ("query($id: uuid!) { run: flow_run_by_pk(id: $id) { key: id n: name __typename id } }",
     {"id": "beta-three"}),
    ("query One($id: uuid!) { flow_run_by_pk(id: $id) { name } }", {"id": "alpha-two"}),
    ("{ flow_run_by_pk(id: \"00000000-0000-4000-8000-00000000abcd\") { id name } }", None),
    ("query($id: uuid!) { flow_run_by_pk(id: $id) { id } }",
     {"id": "00000000-0000-4000-8000-00000000abcd"}),
    ("{ flow_run(order_by: {name: asc}) { id name state labels parameters } }", None),
    ("query($w: flow_run_bool_exp, $o: [flow_run_order_by!], $l: Int, $f: Int) "
     "{ flow_run(where: $w, order_by: $o, limit: $l, offset: $f) { name version } }",
     {"w": {"state": {"_in": ["Success", "Running", "Scheduled"]}},
      "o": [{"version": "desc_nulls_last"}, {"name": "asc"}], "l": 2, "f": 1}),
    ("{ flow_run(where: {labels: {_contains: [\"a\"]}}, order_by: {name: desc}) { name } }",
     None),
    ("{ flow_run(where: {_or: [{name: {_like: \"alpha%\"}}, {state: {_eq: \"Failed\"}}], "
     "_not: {parameters: {_has_key: \"y\"}}}, order_by: [{scheduled_start_time: asc}]) "
     "{ name scheduled_start_time } }", None),
    ("query($o: flow_run_order_by!) { flow_run(order_by: $o, limit: 3) { name } }",
     {"o": {"scheduled_start_time": "desc"}}),
    ("{ flow_run(where: {flow: {name: {_eq: \"etl\"}}}, order_by: {name: asc}) { name } }",
     None),
    ("{ flow(order_by: {version: asc}) { name version flow_group_id archived } }", None),
    ("{ flow_run(where: {name: {_eq: \"nothing\"}}) { id } }", None),
    # errors of the read itself, reported as execution reports them
    ("{ flow_run(limit: -1) { id } }", None),
    ("{ flow_run(limit: 100000000) { id } }", None),
    ("{ flow_run(offset: -5) { id } }", None),
    # handed back to execution, which reports them
    ("query($id: uuid!) { flow_run_by_pk(id: $id) { id } }", {"id": "not-a-uuid"}),
    ("query($id: uuid!) { flow_run_by_pk(id: $id) { id } }", {}),
    ("query($l: Int) { flow_run(limit: $l) { id } }", {"l": "three"}),
    ("query($w: flow_run_bool_exp) { flow_run(where: $w) { id } }",
     {"w": {"nope": {"_eq": 1}}}),
]

# Documents a plan must leave to execution.
NOT_COMPILED = [
    "{ flow_run_by_pk(id: \"00000000-0000-4000-8000-00000000abcd\") { id flow { name } } }",
    "{ flow_run(order_by: {name: asc}) { name states { state } } }",
    "{ a: flow_run(limit: 1) { id } b: flow_run(limit: 1) { id } }",
    "fragment F on flow_run { name } { flow_run { ...F } }",
    "{ flow_run { ... on flow_run { name } } }",
    "query($s: Boolean!) { flow_run { name @include(if: $s) } }",
    "{ flow_run_aggregate { aggregate { count } } }",
    "{ __typename }",
    "{ __schema { queryType { name } } }",
    "mutation { delete_flow_run(input: {flow_run_id: \"00000000-0000-4000-8000-00000000abcd\"})"
    " { success } }",
]


def _endpoint(app: Starlette) -> GraphQLEndpoint:
    endpoint = app.state.graphql
    assert isinstance(endpoint, GraphQLEndpoint)
    return endpoint


@pytest.fixture
def executed_in_full(app: Starlette) -> Iterator[GraphQLEndpoint]:
    """The endpoint, whose `compile_reads` the tests switch off to execute in full."""
    endpoint = _endpoint(app)
    try:
        yield endpoint
    finally:
        endpoint.compile_reads = True


def _variables(variables: dict[str, Any] | None, dataset: Dataset) -> dict[str, Any] | None:
    if variables is None:
        return None
    return {k: dataset.run_id(v) if isinstance(v, str) and v in dataset.runs else v
            for k, v in variables.items()}


async def _both_ways(client: httpx.AsyncClient, endpoint: GraphQLEndpoint,
                     body: dict[str, Any]) -> tuple[tuple[int, str], tuple[int, str]]:
    endpoint.compile_reads = True
    planned = await client.post("/graphql", json=body)
    endpoint.compile_reads = False
    executed = await client.post("/graphql", json=body)
    endpoint.compile_reads = True
    # compared as the bytes sent: the order of keys is part of a GraphQL answer
    return ((planned.status_code, planned.content.decode()),
            (executed.status_code, executed.content.decode()))


@pytest.mark.parametrize(("query", "variables"), COMPILED)
async def test_a_compiled_read_answers_as_execution_does(
    client: httpx.AsyncClient, dataset: Dataset, executed_in_full: GraphQLEndpoint,
    query: str, variables: dict[str, Any] | None,
) -> None:
    assert executed_in_full._planner.plan(parse(query)) is not None, "not compiled"
    body: dict[str, Any] = {"query": query}
    if variables is not None:
        body["variables"] = _variables(variables, dataset)
    planned, executed = await _both_ways(client, executed_in_full, body)
    assert planned == executed
    assert planned[0] in (200, 400)


async def test_every_column_of_every_table_reads_the_same_both_ways(
    client: httpx.AsyncClient, dataset: Dataset, executed_in_full: GraphQLEndpoint,
) -> None:
    planner = executed_in_full._planner
    compared = 0
    for name, entity in ENTITIES.items():
        if name not in planner.roots:
            continue
        columns = " ".join(planner.columns[name])
        query = f"{{ {name}(limit: 50) {{ __typename {columns} }} }}"
        assert planner.plan(parse(query)) is not None, query
        planned, executed = await _both_ways(client, executed_in_full, {"query": query})
        assert planned == executed, name
        answer = json.loads(planned[1])
        assert planned[0] == 200 and "errors" not in answer, planned
        compared += len(answer["data"][name])
        assert set(planner.columns[name]) == set(entity.columns)  # every column compiles
    assert compared > 0  # the dataset's rows were read, not only empty tables



@pytest.mark.parametrize("query", NOT_COMPILED)
async def test_other_documents_are_executed_in_full(
    app: Starlette, query: str,
) -> None:
    assert _endpoint(app)._planner.plan(parse(query)) is None


async def test_an_operation_name_is_honoured(
    client: httpx.AsyncClient, dataset: Dataset, executed_in_full: GraphQLEndpoint,
) -> None:
    query = "query One($id: uuid!) { flow_run_by_pk(id: $id) { name } }"
    variables = {"id": dataset.run_id("gamma")}
    for name in ("One", "Other"):
        planned, executed = await _both_ways(
            client, executed_in_full,
            {"query": query, "variables": variables, "operationName": name})
        assert planned == executed
    answer = json.loads(planned[1])
    assert "errors" in answer and answer["data"] is None  # "Other" names no operation


def test_the_planner_knows_the_generated_reads(app: Starlette) -> None:
    planner: ReadPlanner = _endpoint(app)._planner
    assert planner.roots["flow_run_by_pk"][0] == "by_pk"
    assert planner.roots["flow_run"][0] == "list"
    assert "flow_run_aggregate" not in planner.roots
    assert {"id", "name", "state", "parameters"} <= set(planner.columns["flow_run"])
