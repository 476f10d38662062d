"""Deployments (the REST door's named, reusable ways to run a flow group)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

import pendulum
import sqlalchemy as sa

from ..database.models import deployment, flow
from ..domain.records import DeploymentRecord, RunTarget
from . import driver, flows
from .common import TENANT_ID, Conn, insert_unique, new_id
from .driver import DriverStatement

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
# Built once: a statement built per call costs its cache key on every call (a fifth of a REST
# create's CPU went to building this one and the run target's).
_DEPLOYMENT_BY_ID = _DEPLOYMENT.where(
    deployment.c.id == sa.bindparam("deployment_id", type_=sa.Uuid()))


@dataclass(frozen=True, slots=True)
class NewDeployment:
    flow_group_id: uuid.UUID
    name: str
    description: str | None
    version: str | None
    parameters: dict[str, Any]
    parameter_openapi_schema: dict[str, Any] | None
    enforce_parameter_schema: bool
    tags: list[str]
    labels: dict[str, Any]
    work_queue_name: str | None
    job_variables: dict[str, Any]


async def insert(conn: Conn, *, new: NewDeployment, now: pendulum.DateTime) -> uuid.UUID:
    deployment_id = new_id()
    values = {f.name: getattr(new, f.name) for f in fields(NewDeployment)}
    stmt = deployment.insert().values(
        id=deployment_id, tenant_id=TENANT_ID, created=now, updated=now, **values
    )
    await insert_unique(conn, stmt, f"A deployment named {new.name!r} of this flow group")
    return deployment_id


# The deployment and its group's unarchived flows, for a run made from it (at most two
# rows: one flow is the answer, two is a conflict, a row without one means none).
_TARGET_PREFIX = "target_"
_WITH_TARGETS = DriverStatement(
    sa.select(deployment, _CURRENT_FLOW.label("flow_id"),
              *[c.label(f"{_TARGET_PREFIX}{c.key}") for c in flows.RUN_TARGET_COLUMNS])
    .select_from(deployment.outerjoin(flows.FLOW_WITH_GROUP, sa.and_(
        flow.c.flow_group_id == deployment.c.flow_group_id, flow.c.archived.is_(False))))
    .where(deployment.c.id == sa.bindparam("deployment_id", type_=sa.Uuid()))
    .limit(2)
)
_DEPLOYMENT_FIELDS = tuple(f.name for f in fields(DeploymentRecord))
_TARGET_FIELDS = tuple(f.name for f in fields(RunTarget))


async def get_with_targets(
    conn: Conn, deployment_id: uuid.UUID
) -> tuple[DeploymentRecord, list[RunTarget]] | None:
    """The deployment and its group's unarchived flows (at most two), in one statement."""
    rows = await driver.all_rows(conn, _WITH_TARGETS, {"deployment_id": deployment_id})
    if not rows:
        return None
    mappings = [row._mapping for row in rows]  # (a driver row builds its mapping per call)
    record = DeploymentRecord(**{name: mappings[0][name] for name in _DEPLOYMENT_FIELDS})
    targets = [RunTarget(**{name: found[_TARGET_PREFIX + name] for name in _TARGET_FIELDS})
               for found in mappings if found[_TARGET_PREFIX + "id"] is not None]
    return record, targets


async def get(conn: Conn, deployment_id: uuid.UUID) -> DeploymentRecord | None:
    """The deployment with `flow_id`: the flow its runs would go to now."""
    row = (await conn.execute(_DEPLOYMENT_BY_ID, {"deployment_id": deployment_id})).first()
    return None if row is None else DeploymentRecord(**row._mapping)


async def select(
    conn: Conn, *, names: Sequence[str] | None, name_like: str | None, limit: int, offset: int
) -> list[DeploymentRecord]:
    stmt = _DEPLOYMENT.where(deployment.c.tenant_id == TENANT_ID)
    if names is not None:
        stmt = stmt.where(deployment.c.name.in_(names))
    if name_like:
        stmt = stmt.where(deployment.c.name.contains(name_like, autoescape=True))
    stmt = stmt.order_by(deployment.c.name, deployment.c.id).limit(limit).offset(offset)
    return [DeploymentRecord(**row._mapping) for row in await conn.execute(stmt)]


async def delete(conn: Conn, deployment_id: uuid.UUID) -> bool:
    result = await conn.execute(deployment.delete().where(deployment.c.id == deployment_id))
    return result.rowcount > 0
