"""Flows and flow groups."""

from __future__ import annotations

import uuid
from typing import Any

import pendulum
import sqlalchemy as sa

from ..database.models import flow, flow_group, task
from ..domain.records import RunTarget
from . import driver
from .common import TENANT_ID, Conn, Row, first, insert_unique, new_id, upsert
from .driver import DriverStatement

# What a run needs to know about its flow: the flow, plus its group's defaults and labels.
RUN_TARGET_COLUMNS: tuple[sa.ColumnElement[Any], ...] = (
    flow.c.id,
    flow.c.name,
    flow.c.archived,
    flow.c.version,
    flow.c.flow_group_id,
    flow.c.parameters,
    flow.c.parameter_schema,
    flow.c.labels,
    flow.c.run_config,
    flow_group.c.default_parameters.label("group_default_parameters"),
    flow_group.c.labels.label("group_labels"),
    # In the same statement: whether new runs need task runs (Prefect 1 flows have tasks).
    sa.exists().where(task.c.flow_id == flow.c.id).label("has_tasks"),
)
FLOW_WITH_GROUP = flow.join(flow_group, flow_group.c.id == flow.c.flow_group_id)
_RUN_TARGET = sa.select(*RUN_TARGET_COLUMNS).select_from(FLOW_WITH_GROUP)


_RUN_TARGET_BY_ID = DriverStatement(
    _RUN_TARGET.where(flow.c.id == sa.bindparam("flow_id", type_=sa.Uuid())))


async def run_target_by_flow_id(conn: Conn, flow_id: uuid.UUID) -> RunTarget | None:
    row = await driver.first(conn, _RUN_TARGET_BY_ID, {"flow_id": flow_id})
    return None if row is None else RunTarget(**row._mapping)


async def unarchived_run_targets(
    conn: Conn, *, flow_group_id: uuid.UUID | None = None, version_group_id: str | None = None
) -> list[RunTarget]:
    """The unarchived flows of a group (at most two are fetched: one is the answer)."""
    if flow_group_id is not None:
        rows = await driver.all_rows(conn, _UNARCHIVED_BY_GROUP,
                                     {"flow_group_id": flow_group_id})
    else:
        rows = await driver.all_rows(conn, _UNARCHIVED_BY_VERSION_GROUP,
                                     {"version_group_id": version_group_id})
    return [RunTarget(**row._mapping) for row in rows]


_UNARCHIVED = _RUN_TARGET.where(flow.c.archived.is_(False)).limit(2)
_UNARCHIVED_BY_GROUP = DriverStatement(_UNARCHIVED.where(
    flow.c.flow_group_id == sa.bindparam("flow_group_id", type_=sa.Uuid())))
_UNARCHIVED_BY_VERSION_GROUP = DriverStatement(_UNARCHIVED.where(
    flow_group.c.tenant_id == TENANT_ID,
    flow_group.c.name == sa.bindparam("version_group_id", type_=sa.String())))


async def group_exists(
    conn: Conn, *, flow_group_id: uuid.UUID | None = None, version_group_id: str | None = None
) -> bool:
    stmt = sa.select(flow_group.c.id)
    if flow_group_id is not None:
        stmt = stmt.where(flow_group.c.id == flow_group_id)
    else:
        stmt = stmt.where(
            flow_group.c.tenant_id == TENANT_ID, flow_group.c.name == version_group_id
        )
    return await first(conn, stmt) is not None


async def get(conn: Conn, flow_id: uuid.UUID) -> Row | None:
    return await first(conn, sa.select(flow).where(flow.c.id == flow_id))


async def get_group(conn: Conn, flow_group_id: uuid.UUID) -> Row | None:
    return await first(conn, sa.select(flow_group).where(flow_group.c.id == flow_group_id))


async def group_of_named_flow(conn: Conn, project_id: uuid.UUID, name: str) -> Row | None:
    """The flow group of the newest flow with this name in this project."""
    stmt = (
        sa.select(flow.c.flow_group_id, flow.c.version_group_id)
        .where(flow.c.project_id == project_id, flow.c.name == name)
        .order_by(flow.c.version.desc())
        .limit(1)
    )
    return await first(conn, stmt)


async def latest_in_group(conn: Conn, flow_group_id: uuid.UUID) -> Row | None:
    """The newest version of a flow group: (id, version, archived, idempotency_key)."""
    stmt = (
        sa.select(flow.c.id, flow.c.version, flow.c.archived, flow.c.idempotency_key)
        .where(flow.c.flow_group_id == flow_group_id)
        .order_by(flow.c.version.desc())
        .limit(1)
    )
    return await first(conn, stmt)


async def ensure_group(conn: Conn, name: str, now: pendulum.DateTime) -> uuid.UUID:
    """The id of the flow group called `name`, created if missing (race-free upsert)."""
    stmt = (
        upsert(conn, flow_group)
        .values(id=new_id(), tenant_id=TENANT_ID, name=name, created=now, updated=now)
        .on_conflict_do_nothing(index_elements=["tenant_id", "name"])
    )
    await conn.execute(stmt)
    row = await first(
        conn,
        sa.select(flow_group.c.id).where(
            flow_group.c.tenant_id == TENANT_ID, flow_group.c.name == name
        ),
    )
    assert row is not None
    return row.id  # type: ignore[no-any-return]


async def insert_version(
    conn: Conn, *, flow_group_id: uuid.UUID, values: dict[str, Any], now: pendulum.DateTime
) -> tuple[uuid.UUID, int]:
    """Insert the next version of a flow in its group and archive every other version.

    The version number comes from the database in the INSERT itself; the unique
    (flow_group_id, version) constraint turns a concurrent registration into a Conflict."""
    flow_id = new_id()
    next_version = (
        sa.select(sa.func.coalesce(sa.func.max(flow.c.version), 0) + 1)
        .where(flow.c.flow_group_id == flow_group_id)
        .scalar_subquery()
    )
    stmt = flow.insert().values(
        id=flow_id, tenant_id=TENANT_ID, flow_group_id=flow_group_id, version=next_version,
        archived=False, created=now, updated=now, **values,
    )
    await insert_unique(conn, stmt, "A flow version registered at the same moment")
    await conn.execute(
        flow.update()
        .where(flow.c.flow_group_id == flow_group_id, flow.c.id != flow_id,
               flow.c.archived.is_(False))
        .values(archived=True, updated=now)
    )
    version = (await conn.execute(sa.select(flow.c.version).where(flow.c.id == flow_id))).scalar()
    return flow_id, int(version or 0)


async def set_archived(
    conn: Conn, flow_id: uuid.UUID, archived: bool, now: pendulum.DateTime
) -> bool:
    result = await conn.execute(
        flow.update().where(flow.c.id == flow_id).values(archived=archived, updated=now)
    )
    return result.rowcount > 0


async def set_schedule_active(
    conn: Conn, flow_id: uuid.UUID, active: bool, now: pendulum.DateTime
) -> bool:
    result = await conn.execute(
        flow.update().where(flow.c.id == flow_id).values(is_schedule_active=active, updated=now)
    )
    return result.rowcount > 0


async def update_group(
    conn: Conn, flow_group_id: uuid.UUID, values: dict[str, Any], now: pendulum.DateTime
) -> bool:
    result = await conn.execute(
        flow_group.update().where(flow_group.c.id == flow_group_id).values(updated=now, **values)
    )
    return result.rowcount > 0


async def delete(conn: Conn, flow_id: uuid.UUID) -> bool:
    result = await conn.execute(flow.delete().where(flow.c.id == flow_id))
    return result.rowcount > 0
