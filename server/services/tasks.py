"""Registering a flow's task graph: Prefect 1 sends the tasks and edges of a flow either inside
its document (create_flow) or afterwards in batches (register_tasks, register_edges)."""

from __future__ import annotations

import uuid
from typing import Any

from ..domain import clock
from ..domain.errors import InvalidInput, NotFound
from ..domain.task_graph import document_list, edge_spec, reference_slugs, task_values
from ..repository import flows as flow_repo
from ..repository import tasks as repo
from ..repository.common import Conn


async def register_tasks(conn: Conn, *, flow_id: uuid.UUID, serialized_tasks: Any) -> int:
    """Add serialized tasks to a flow; a slug the flow already has is kept. Returns how many
    tasks were sent."""
    flow = await _flow(conn, flow_id)
    items = document_list(serialized_tasks, "serialized_tasks")
    values = [task_values(item, f"serialized_tasks[{i}]") for i, item in enumerate(items)]
    now = clock.now()
    await repo.insert_tasks(conn, flow_id, values, now)
    await repo.refresh_flags(conn, flow_id, reference_slugs(flow.serialized_flow or {}), now)
    return len(values)


async def register_edges(conn: Conn, *, flow_id: uuid.UUID, serialized_edges: Any) -> int:
    """Add serialized edges between the flow's tasks, named by slug. Returns how many edges
    were sent."""
    flow = await _flow(conn, flow_id)
    items = document_list(serialized_edges, "serialized_edges")
    specs = [edge_spec(item, f"serialized_edges[{i}]") for i, item in enumerate(items)]
    slugs = {s.upstream_slug for s in specs} | {s.downstream_slug for s in specs}
    ids = await repo.ids_by_slug(conn, flow_id, slugs)
    unknown = sorted(slugs - ids.keys())
    if unknown:
        raise InvalidInput(
            f"Edges name tasks flow {flow_id} does not have: {', '.join(unknown)}; "
            "register the tasks first",
            slugs=unknown,
        )
    rows = [{"upstream_task_id": ids[s.upstream_slug],
             "downstream_task_id": ids[s.downstream_slug], "key": s.key,
             "mapped": s.mapped, "flattened": s.flattened} for s in specs]
    now = clock.now()
    await repo.insert_edges(conn, flow_id, rows, now)
    await repo.refresh_flags(conn, flow_id, reference_slugs(flow.serialized_flow or {}), now)
    return len(rows)


async def register_graph(conn: Conn, *, flow_id: uuid.UUID, document: dict[str, Any]) -> None:
    """Register the tasks and edges a flow document carries (if any)."""
    if document.get("tasks"):
        await register_tasks(conn, flow_id=flow_id, serialized_tasks=document["tasks"])
    if document.get("edges"):
        await register_edges(conn, flow_id=flow_id, serialized_edges=document["edges"])


async def _flow(conn: Conn, flow_id: uuid.UUID) -> Any:
    flow = await flow_repo.get(conn, flow_id)
    if flow is None:
        raise NotFound(f"No flow with id {flow_id}", field="flow_id")
    return flow
