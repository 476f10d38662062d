from __future__ import annotations

import uuid

from ..domain import clock
from ..domain.errors import InvalidInput, NotFound
from ..repository import projects as repo
from ..repository.common import Conn


async def create_project(conn: Conn, *, name: str, description: str | None = None) -> uuid.UUID:
    name = (name or "").strip()
    if not name:
        raise InvalidInput("A project needs a name", field="name")
    return await repo.insert(conn, name=name, description=description, now=clock.now())


async def delete_project(conn: Conn, *, project_id: uuid.UUID) -> None:
    if not await repo.delete(conn, project_id):
        raise NotFound(f"No project with id {project_id}")
