"""Tenants. flowrun serves one tenant; Prefect Server setups run `prefect server create-tenant`
once, so creating a tenant answers with that one tenant instead of failing."""

from __future__ import annotations

import uuid

from ..domain.errors import InvalidInput, NotFound
from ..repository import tenants as repo
from ..repository.common import Conn


async def create_tenant(conn: Conn, *, name: str, slug: str | None = None) -> uuid.UUID:
    """The id of the one tenant (every project, flow and run lives in it)."""
    if not (name or "").strip():
        raise InvalidInput("A tenant needs a name", field="name")
    found = await repo.default(conn)
    if found is None:
        raise NotFound("The default tenant is missing; run `flowrun db upgrade`")
    return found.id  # type: ignore[no-any-return]
