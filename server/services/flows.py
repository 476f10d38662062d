"""Registering flows, archiving them, and flow group settings."""

from __future__ import annotations

import uuid
from typing import Any

from ..domain import clock, parameters
from ..domain.errors import InvalidInput, NotFound
from ..domain.jsonvalues import json_object, string_list
from ..domain.task_graph import decompress_flow
from ..repository import flows as repo
from ..repository import projects as project_repo
from ..repository.common import Conn
from . import tasks as task_service


async def create_flow(
    conn: Conn,
    *,
    serialized_flow: Any,
    project_id: uuid.UUID,
    version_group_id: str | None = None,
    set_schedule_active: bool | None = None,
    description: str | None = None,
    idempotency_key: str | None = None,
) -> uuid.UUID:
    """Register a flow document. A flow with the same name in the same project (or the given
    version group) joins that group as its next version; the older versions are archived.
    An idempotency key equal to the newest version's returns that version instead."""
    document = json_object(serialized_flow, "serialized_flow")
    if not document or not isinstance(document.get("name"), str) or not document["name"]:
        raise InvalidInput("serialized_flow needs a 'name'", field="serialized_flow")
    if await project_repo.get(conn, project_id) is None:
        raise NotFound(f"No project with id {project_id}", field="project_id")
    declared = parameters.check_declared(document.get("parameters"))
    schema = document.get("parameter_schema")
    if schema is not None:
        parameters.check_schema(schema)
    now = clock.now()
    group_name = version_group_id or await _group_name(conn, project_id, document["name"])
    flow_group_id = await repo.ensure_group(conn, group_name, now)
    repeated = await _repeated_registration(conn, flow_group_id, idempotency_key)
    if repeated is not None:
        return repeated
    schedule = document.get("schedule")
    run_config = document.get("run_config")
    flow_id, _ = await repo.insert_version(
        conn,
        flow_group_id=flow_group_id,
        now=now,
        values={
            "project_id": project_id,
            "name": document["name"],
            "version_group_id": group_name,
            "description": description or document.get("description"),
            "serialized_flow": document,
            "parameters": declared,
            "parameter_schema": schema,
            "labels": _flow_labels(document),
            "schedule": schedule,
            "is_schedule_active": bool(schedule) if set_schedule_active is None
            else set_schedule_active and bool(schedule),
            "storage": document.get("storage"),
            "run_config": run_config,
            "environment": document.get("environment"),
            "core_version": document.get("__version__"),
            "idempotency_key": idempotency_key,
        },
    )
    await task_service.register_graph(conn, flow_id=flow_id, document=document)
    return flow_id


async def create_flow_from_compressed_string(
    conn: Conn, *, serialized_flow: Any, **options: Any
) -> uuid.UUID:
    """Register a flow sent as Prefect 1's compressed string (base64 of gzip of its JSON)."""
    return await create_flow(conn, serialized_flow=decompress_flow(serialized_flow), **options)


async def set_schedule_active(conn: Conn, *, flow_id: uuid.UUID, active: bool) -> None:
    """Turn a flow's schedule on or off. A flow without a schedule stays inactive: there is
    nothing to run, and Prefect 1's `Client.register` turns every flow's schedule on."""
    flow = await repo.get(conn, flow_id)
    if flow is None:
        raise NotFound(f"No flow with id {flow_id}", field="flow_id")
    await repo.set_schedule_active(conn, flow_id, active and bool(flow.schedule), clock.now())


async def _repeated_registration(
    conn: Conn, flow_group_id: uuid.UUID, idempotency_key: str | None
) -> uuid.UUID | None:
    """The group's newest flow, when it is unarchived and was registered with this key."""
    if not idempotency_key:
        return None
    latest = await repo.latest_in_group(conn, flow_group_id)
    if latest is None or latest.archived or latest.idempotency_key != idempotency_key:
        return None
    return latest.id  # type: ignore[no-any-return]


async def _group_name(conn: Conn, project_id: uuid.UUID, name: str) -> str:
    """The version group of a flow name in a project: an existing flow's, else one derived
    from (project, name), so concurrent first registrations of a name meet in one group
    (settled by the group's unique name) instead of each making their own."""
    existing = await repo.group_of_named_flow(conn, project_id, name)
    return existing.version_group_id if existing else str(uuid.uuid5(project_id, name))


def _flow_labels(document: dict[str, Any]) -> list[str]:
    for holder in (document.get("run_config"), document.get("environment"), document):
        if isinstance(holder, dict) and isinstance(holder.get("labels"), list):
            return [str(label) for label in holder["labels"]]
    return []


async def set_archived(conn: Conn, *, flow_id: uuid.UUID, archived: bool) -> None:
    if not await repo.set_archived(conn, flow_id, archived, clock.now()):
        raise NotFound(f"No flow with id {flow_id}", field="flow_id")


async def delete_flow(conn: Conn, *, flow_id: uuid.UUID) -> None:
    if not await repo.delete(conn, flow_id):
        raise NotFound(f"No flow with id {flow_id}", field="flow_id")


async def set_group_default_parameters(
    conn: Conn, *, flow_group_id: uuid.UUID, parameters: Any
) -> None:
    values = json_object(parameters, "parameters") or {}
    await _update_group(conn, flow_group_id, {"default_parameters": values})


async def set_group_labels(conn: Conn, *, flow_group_id: uuid.UUID, labels: Any) -> None:
    """Set the labels runs of this group get; null clears them (runs take the flow's)."""
    await _update_group(conn, flow_group_id, {"labels": string_list(labels, "labels")})


async def _update_group(conn: Conn, flow_group_id: uuid.UUID, values: dict[str, Any]) -> None:
    if not await repo.update_group(conn, flow_group_id, values, clock.now()):
        raise NotFound(f"No flow group with id {flow_group_id}", field="flow_group_id")
