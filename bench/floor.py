"""The floor: the least a server can do for flowrun's hot operations, served the same way.

A bare Starlette app over psycopg 3 (its own small connection pool, psycopg's automatic
prepared statements), on the same `flow_run` table, served by the same uvicorn with the same
number of workers. Each request is one statement in autocommit:

  POST /floor/create     {"flow_id": ...}  INSERT INTO flow_run ... RETURNING id
  POST /floor/read       {"id": ...}       SELECT id, name, state, version, parameters ...
  POST /floor/set_state  {"id": ...}       UPDATE flow_run SET state ... RETURNING id

It answers {"data": ...} like the GraphQL door, so the same Lua error counting applies.

    FLOOR_DATABASE_URL=postgresql://... uvicorn bench.floor:app --workers 2
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any

import orjson
import psycopg
from psycopg.types.json import Jsonb
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

TENANT = uuid.UUID("00000000-0000-4000-8000-000000000000")
POOL_SIZE = int(os.environ.get("FLOOR_POOL_SIZE", "10"))

INSERT = """INSERT INTO flow_run (id, tenant_id, flow_id, name, parameters, scheduled_start_time,
    state, state_type, state_timestamp, version, auto_scheduled, run_count, created, updated)
VALUES (%s, %s, %s, %s, %s, %s, 'Scheduled', 'Scheduled', %s, 1, false, 0, %s, %s)
RETURNING id"""
SELECT = "SELECT id, name, state, version, parameters FROM flow_run WHERE id = %s"
UPDATE = """UPDATE flow_run SET state = 'Running', state_type = 'Running', state_timestamp = %s,
    version = version + 1, updated = %s WHERE id = %s RETURNING id"""

_pool: asyncio.Queue[psycopg.AsyncConnection[Any]] = asyncio.Queue()


@asynccontextmanager
async def lifespan(_app: Starlette) -> AsyncIterator[None]:
    url = os.environ["FLOOR_DATABASE_URL"]
    for _ in range(POOL_SIZE):
        _pool.put_nowait(await psycopg.AsyncConnection.connect(url, autocommit=True))
    yield
    while not _pool.empty():
        await _pool.get_nowait().close()


async def one(statement: str, params: tuple[Any, ...]) -> Any:
    conn = await _pool.get()
    try:
        cursor = await conn.execute(statement, params)
        return await cursor.fetchone()
    finally:
        _pool.put_nowait(conn)


def answer(data: Any) -> Response:
    return Response(orjson.dumps({"data": data}), media_type="application/json")


async def create(request: Request) -> Response:
    body = orjson.loads(await request.body())
    now = datetime.now(UTC)
    run_id = uuid.uuid4()
    row = await one(INSERT, (run_id, TENANT, uuid.UUID(body["flow_id"]), f"floor-{run_id.hex[:8]}",
                             Jsonb({"x": 2}), now, now, now, now))
    return answer({"id": str(row[0])})


async def read(request: Request) -> Response:
    body = orjson.loads(await request.body())
    row = await one(SELECT, (uuid.UUID(body["id"]),))
    return answer({"id": str(row[0]), "name": row[1], "state": row[2], "version": row[3],
                   "parameters": row[4]})


async def set_state(request: Request) -> Response:
    body = orjson.loads(await request.body())
    now = datetime.now(UTC)
    row = await one(UPDATE, (now, now, uuid.UUID(body["id"])))
    return answer({"id": str(row[0])})


app = Starlette(
    routes=[
        Route("/floor/create", create, methods=["POST"]),
        Route("/floor/read", read, methods=["POST"]),
        Route("/floor/set_state", set_state, methods=["POST"]),
        Route("/health", lambda _r: Response("ok"), methods=["GET"]),
    ],
    lifespan=lifespan,
)
