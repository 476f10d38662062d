"""Filters on JSON keys that are awkward for SQL JSON paths (quotes, dots, backslashes) mean
the same on SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

from server.database.engine import Database
from server.services import flow_runs
from tests.factories import IDEMPOTENCY_WINDOW
from tests.graphql.conftest import Dataset
from tests.live import GraphQL

RUN_NAMES = "query($w: flow_run_bool_exp) { flow_run(where: $w) { name } }"


async def names(gql: GraphQL, where: Any) -> set[str]:
    data = await gql.data(RUN_NAMES, {"w": where})
    return {row["name"] for row in data["flow_run"]}


QUOTED_KEYS = ['say "hi"', "a.b", "it's", "back\\slash", "a\" or 1=1"]


@pytest.mark.parametrize("key", QUOTED_KEYS)
async def test_json_keys_with_quotes_and_dots_are_matched_exactly(
    gql: GraphQL, db: Database, dataset: Dataset, key: str
) -> None:
    async with db.transaction() as conn:
        await flow_runs.create_flow_run(conn, flow_runs.CreateFlowRun(
            flow_id=dataset.flows["report"], flow_run_name="odd-keys",
            parameters={k: i for i, k in enumerate(QUOTED_KEYS)}),
            idempotency_window=IDEMPOTENCY_WINDOW)
    assert await names(gql, {"parameters": {"_has_key": key}}) == {"odd-keys"}
    value = QUOTED_KEYS.index(key)
    assert await names(gql, {"parameters": {"_contains": {key: value}}}) == {"odd-keys"}
    assert await names(gql, {"parameters": {"_contains": {key: value + 1}}}) == set()


async def test_boolean_columns_take_every_comparison_operator(
    gql: GraphQL, dataset: Dataset
) -> None:
    query = "query($w: flow_bool_exp) { flow(where: $w) { name } }"
    archived = await gql.data(query, {"w": {"archived": {"_gt": False}}})
    live = await gql.data(query, {"w": {"archived": {"_lte": False}}})
    total = await gql.data("{ flow { name } }")
    assert len(archived["flow"]) + len(live["flow"]) == len(total["flow"])


async def test_runs_order_by_a_relation_of_a_relation(gql: GraphQL, dataset: Dataset) -> None:
    query = """query($o: [flow_run_order_by!]) { flow_run(order_by: $o) {
        flow { project { name } } } }"""
    data = await gql.data(query, {"o": [{"flow": {"project": {"name": "desc"}}}]})
    projects = [row["flow"]["project"]["name"] for row in data["flow_run"]]
    assert projects == sorted(projects, reverse=True) and len(set(projects)) > 1
