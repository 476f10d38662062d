"""A list of runs with their flows, projects, groups and states costs a bounded number of SQL
statements, not one per row (counted on an in-process app over the test database)."""

from __future__ import annotations

from typing import Any

import httpx
import sqlalchemy as sa

from server.app import create_app
from server.database.engine import Database
from server.services import flow_runs
from server.settings import Settings
from tests.factories import IDEMPOTENCY_WINDOW
from tests.graphql.conftest import build_dataset

LIST_WITH_RELATIONS = """{
  flow_run(order_by: {name: asc}) {
    name
    flow { name project { name } flow_group { name } }
    states(order_by: {version: desc}, limit: 2) { state }
    all_states: states { version }
  }
}"""


async def _selects_for(database_url: str, query: str) -> tuple[int, dict[str, Any]]:
    app = create_app(Settings(database_url=database_url))
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    engine = app.state.db.engine.sync_engine
    sa.event.listen(engine, "before_cursor_execute", count)
    try:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
            response = await client.post("/graphql", json={"query": query})
    finally:
        sa.event.remove(engine, "before_cursor_execute", count)
        await app.state.db.dispose()
    assert response.status_code == 200, response.text
    body = response.json()
    assert "errors" not in body, body
    return len(statements), body["data"]


async def test_a_list_of_runs_with_relations_costs_a_bounded_number_of_queries(
    db: Database, database_url: str
) -> None:
    data = await build_dataset(db)
    few, body = await _selects_for(database_url, LIST_WITH_RELATIONS)
    assert len(body["flow_run"]) == 4
    assert body["flow_run"][0]["flow"]["project"] == {"name": "alpha"}
    assert [s["state"] for s in body["flow_run"][0]["states"]] == ["Success", "Running"]
    async with db.transaction() as conn:
        for i in range(20):
            await flow_runs.create_flow_run(conn, flow_runs.CreateFlowRun(
                flow_id=data.flows["report"], flow_run_name=f"more-{i:02}"),
                idempotency_window=IDEMPOTENCY_WINDOW)
    many, body = await _selects_for(database_url, LIST_WITH_RELATIONS)
    assert len(body["flow_run"]) == 24
    # one for the runs, one per relation level (flow, project, flow_group, states twice)
    assert few <= 6, few
    assert many == few
