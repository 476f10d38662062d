"""Tenants: flowrun keeps every row in one tenant, created by the first migration."""

from __future__ import annotations

import sqlalchemy as sa

from ..database.models import tenant
from .common import TENANT_ID, Conn, Row, first


async def default(conn: Conn) -> Row | None:
    return await first(conn, sa.select(tenant).where(tenant.c.id == TENANT_ID))
