"""Building test data through the real services (never by writing rows directly)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from server.database.engine import Database
from server.domain.states import state_from_document
from server.services import flow_runs, flows, projects

# What a door passes from its settings (FLOWRUN_IDEMPOTENCY_WINDOW_SECONDS, 24 hours).
IDEMPOTENCY_WINDOW = timedelta(days=1)


async def make_project(db: Database, name: str | None = None) -> uuid.UUID:
    async with db.transaction() as conn:
        return await projects.create_project(conn, name=name or f"project-{uuid.uuid4().hex[:8]}")


async def make_flow(
    db: Database,
    project_id: uuid.UUID | None = None,
    name: str = "hello",
    parameters: list[dict[str, Any]] | None = None,
    **document: Any,
) -> uuid.UUID:
    project_id = project_id or await make_project(db)
    serialized = {"name": name, "parameters": parameters or [], **document}
    async with db.transaction() as conn:
        return await flows.create_flow(conn, serialized_flow=serialized, project_id=project_id)


async def make_run(db: Database, flow_id: uuid.UUID, **fields: Any) -> uuid.UUID:
    async with db.transaction() as conn:
        created = await flow_runs.create_flow_run(
            conn, flow_runs.CreateFlowRun(flow_id=flow_id, **fields),
            idempotency_window=IDEMPOTENCY_WINDOW,
        )
    return created.id


async def set_run_state(
    db: Database, run_id: uuid.UUID, document: dict[str, Any], version: int | None = None
) -> int:
    """Move a run to the state a GraphQL caller would send ({"type": "Running", ...})."""
    change = flow_runs.SetFlowRunState(run_id, state_from_document(document), version)
    async with db.transaction() as conn:
        return await flow_runs.set_flow_run_state(conn, change)
