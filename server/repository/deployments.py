"""Deployments, and flow runs read with what the REST door reports beside them (the version of
their flow and of their deployment)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

import pendulum
import sqlalchemy as sa

from ..database.models import deployment, flow, flow_run
from .common import TENANT_ID, Conn, Row, first, insert_unique, new_id
from .entities import ENTITIES
from .filters import compile_where

# The flow a deployment runs now: its group's unarchived flow, else the group's newest one.
_CURRENT_FLOW = (
    sa.select(flow.c.id)
    .where(flow.c.flow_group_id == deployment.c.flow_group_id)
    .order_by(flow.c.archived.asc(), flow.c.version.desc())
    .limit(1)
    .correlate(deployment)
    .scalar_subquery()
)
_DEPLOYMENT = sa.select(deployment, _CURRENT_FLOW.label("flow_id"))

_RUN_VIEW = sa.select(
    flow_run,
    flow.c.version.label("flow_version"),
    deployment.c.version.label("deployment_version"),
).select_from(
    flow_run.join(flow, flow.c.id == flow_run.c.flow_id).outerjoin(
        deployment, deployment.c.id == flow_run.c.deployment_id
    )
)

# The orders a REST caller may ask runs in (named as Prefect 3 names them); id breaks ties.
RUN_SORTS: dict[str, list[sa.ColumnElement[Any]]] = {
    "ID_DESC": [flow_run.c.id.desc()],
    "NAME_ASC": [flow_run.c.name.asc()],
    "NAME_DESC": [flow_run.c.name.desc()],
    "EXPECTED_START_TIME_ASC": [flow_run.c.scheduled_start_time.asc()],
    "EXPECTED_START_TIME_DESC": [flow_run.c.scheduled_start_time.desc()],
    "START_TIME_ASC": [flow_run.c.start_time.asc().nulls_last()],
    "START_TIME_DESC": [flow_run.c.start_time.desc().nulls_last()],
    "END_TIME_DESC": [flow_run.c.end_time.desc().nulls_last()],
}


async def insert(conn: Conn, *, values: dict[str, Any], now: pendulum.DateTime) -> uuid.UUID:
    deployment_id = new_id()
    stmt = deployment.insert().values(
        id=deployment_id, tenant_id=TENANT_ID, created=now, updated=now, **values
    )
    await insert_unique(conn, stmt, f"A deployment named {values['name']!r} of this flow group")
    return deployment_id


async def get(conn: Conn, deployment_id: uuid.UUID) -> Row | None:
    """The deployment with `flow_id`: the flow its runs would go to now."""
    return await first(conn, _DEPLOYMENT.where(deployment.c.id == deployment_id))


async def select(
    conn: Conn, *, names: Sequence[str] | None, name_like: str | None, limit: int, offset: int
) -> Sequence[Row]:
    stmt = _DEPLOYMENT.where(deployment.c.tenant_id == TENANT_ID)
    if names is not None:
        stmt = stmt.where(deployment.c.name.in_(names))
    if name_like:
        stmt = stmt.where(deployment.c.name.contains(name_like, autoescape=True))
    stmt = stmt.order_by(deployment.c.name, deployment.c.id).limit(limit).offset(offset)
    return (await conn.execute(stmt)).all()


async def delete(conn: Conn, deployment_id: uuid.UUID) -> bool:
    result = await conn.execute(deployment.delete().where(deployment.c.id == deployment_id))
    return result.rowcount > 0


async def run_view(conn: Conn, flow_run_id: uuid.UUID) -> Row | None:
    return await first(conn, _RUN_VIEW.where(flow_run.c.id == flow_run_id))


async def run_views(
    conn: Conn, *, where: dict[str, Any], sort: str, limit: int, offset: int
) -> Sequence[Row]:
    """Runs matching a Hasura-style `where` (repository/filters.py), in a RUN_SORTS order."""
    condition = compile_where(ENTITIES["flow_run"], where, conn.dialect.name)
    stmt = (
        _RUN_VIEW.where(condition)
        .order_by(*RUN_SORTS[sort], flow_run.c.id)
        .limit(limit)
        .offset(offset)
    )
    return (await conn.execute(stmt)).all()
