"""A flow's task graph: tasks (unique by slug within their flow) and the edges between them."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from ..database.models import edge, task
from .common import TENANT_ID, Conn, Row, new_id, upsert


async def insert_tasks(
    conn: Conn, flow_id: uuid.UUID, tasks: Sequence[dict[str, Any]], now: datetime
) -> None:
    """Insert tasks; a slug the flow already has is left as it is (a repeated batch is a
    no-op, and concurrent registrations of one batch cannot both insert it)."""
    if not tasks:
        return
    rows = [{"id": new_id(), "tenant_id": TENANT_ID, "flow_id": flow_id, "created": now,
             "updated": now, "mapped": False, "is_root_task": False,
             "is_terminal_task": False, "is_reference_task": False, **values}
            for values in tasks]
    stmt = upsert(conn, task).on_conflict_do_nothing(index_elements=["flow_id", "slug"])
    await conn.execute(stmt, rows)


async def ids_by_slug(conn: Conn, flow_id: uuid.UUID, slugs: Iterable[str]) -> dict[str, Any]:
    wanted = list(set(slugs))
    if not wanted:
        return {}
    rows = await conn.execute(
        sa.select(task.c.slug, task.c.id).where(task.c.flow_id == flow_id,
                                                task.c.slug.in_(wanted))
    )
    return {row.slug: row.id for row in rows}


async def insert_edges(
    conn: Conn, flow_id: uuid.UUID, edges: Sequence[dict[str, Any]], now: datetime
) -> None:
    """Insert edges (upstream_task_id, downstream_task_id, key, mapped, flattened). An edge's
    id is derived from its identity, so the primary key settles repeats, including two
    batches registered at once: a repeated edge adds nothing."""
    rows = [
        {"id": _edge_id(flow_id, values), "tenant_id": TENANT_ID, "flow_id": flow_id,
         "created": now, "updated": now, **values}
        for values in edges
    ]
    if rows:
        await conn.execute(upsert(conn, edge).on_conflict_do_nothing(index_elements=["id"]),
                           rows)


def _edge_id(flow_id: uuid.UUID, values: dict[str, Any]) -> uuid.UUID:
    identity = f"{values['upstream_task_id']}:{values['downstream_task_id']}:{values['key']}"
    return uuid.uuid5(flow_id, identity)


async def refresh_flags(
    conn: Conn, flow_id: uuid.UUID, reference_slugs: list[str] | None, now: datetime
) -> None:
    """Recompute each task's root, terminal, mapped and reference flags from the edges."""
    inbound = sa.select(sa.literal(1)).where(edge.c.downstream_task_id == task.c.id)
    outbound = sa.select(sa.literal(1)).where(edge.c.upstream_task_id == task.c.id)
    mapped_in = inbound.where(edge.c.mapped.is_(True))
    terminal = ~sa.exists(outbound)
    reference = task.c.slug.in_(reference_slugs) if reference_slugs else terminal
    await conn.execute(
        task.update().where(task.c.flow_id == flow_id).values(
            is_root_task=~sa.exists(inbound),
            is_terminal_task=terminal,
            mapped=sa.exists(mapped_in),
            is_reference_task=reference,
            updated=now,
        )
    )


# Built once: every flow run creation asks it (flows without tasks get an empty answer).
_OF_FLOW = sa.select(task.c.id, task.c.cache_key).where(
    task.c.flow_id == sa.bindparam("flow_id", type_=sa.Uuid())
)


async def of_flow(conn: Conn, flow_id: uuid.UUID) -> Sequence[Row]:
    """(id, cache_key) of every task of a flow."""
    return (await conn.execute(_OF_FLOW, {"flow_id": flow_id})).all()


async def belongs_to_flow(conn: Conn, task_id: uuid.UUID, flow_id: uuid.UUID) -> Row | None:
    """The task (id, cache_key) when it is one of this flow's tasks."""
    stmt = sa.select(task.c.id, task.c.cache_key).where(
        task.c.id == task_id, task.c.flow_id == flow_id
    )
    return (await conn.execute(stmt)).first()
