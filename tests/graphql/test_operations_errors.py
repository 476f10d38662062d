"""Bad input to the issue-13 mutations gets a defined code at the GraphQL door, and the
database is left as it was: limits, task tag limits, schedules and the late-run setting."""

from __future__ import annotations

import uuid

import pytest

from server.database.engine import Database
from tests.graphql.conftest import Dataset, snapshot
from tests.live import GraphQL

SCHEDULE = """mutation($group: UUID!, $tz: String, $cron: String!) {
  set_flow_group_schedule(input: {flow_group_id: $group, timezone: $tz,
                                  cron_clocks: [{cron: $cron}]}) { success } }"""
CASES = [
    ("mutation { set_flow_concurrency_limit(input: {name: \"db\", limit: -1}) { id } }",
     {}, "BAD_USER_INPUT"),
    ("mutation { set_flow_concurrency_limit(input: {name: \" \", limit: 1}) { id } }",
     {}, "BAD_USER_INPUT"),
    ("mutation { delete_flow_concurrency_limit(input: {name: \"nope\"}) { success } }",
     {}, "NOT_FOUND"),
    ("mutation { update_task_tag_limit(input: {tag: \"db\", limit: -2}) { id } }",
     {}, "BAD_USER_INPUT"),
    ("mutation($id: UUID!) { delete_task_tag_limit(input: {limit_id: $id}) { success } }",
     {"id": str(uuid.uuid4())}, "NOT_FOUND"),
    (SCHEDULE, {"tz": "Nowhere/Atlantis", "cron": "0 * * * *"}, "BAD_USER_INPUT"),
    (SCHEDULE, {"tz": None, "cron": "every day"}, "BAD_USER_INPUT"),
    ("mutation($group: UUID!) { set_flow_group_schedule(input: {flow_group_id: $group}) "
     "{ success } }", {}, "BAD_USER_INPUT"),
    ("mutation($group: UUID!) { set_flow_group_skip_late_runs(input: {flow_group_id: $group, "
     "after_seconds: -5}) { success } }", {}, "BAD_USER_INPUT"),
    ("mutation($id: UUID!) { set_flow_group_schedule_active(input: {flow_group_id: $id, "
     "active: true}) { success } }", {"id": str(uuid.uuid4())}, "NOT_FOUND"),
]


@pytest.mark.parametrize("document, variables, code", CASES)
async def test_bad_input_gets_its_code_and_changes_nothing(
    gql: GraphQL, dataset: Dataset, db: Database, document: str, variables: dict[str, object],
    code: str,
) -> None:
    if "$group" in document:
        variables = {**variables, "group": str(dataset.groups["etl"])}
    before = await snapshot(db)
    assert await gql.error_code(document, variables) == code
    assert await snapshot(db) == before
