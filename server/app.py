"""The application factory: composes the doors (GraphQL, REST) over one Database.
Nothing is created at import time."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route

from .database.engine import Database
from .domain.errors import ServiceUnavailable
from .graphql.schema import build_schema
from .graphql.view import GraphQLEndpoint
from .loops import running_loops
from .middleware import internal_error
from .rest import build_rest_app
from .settings import Settings, get_settings

log = logging.getLogger("flowrun")


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    db = Database(
        settings.database_url,
        pool_size=settings.db_pool_size,
        timeout=settings.db_timeout_seconds,
    )
    graphql = GraphQLEndpoint(build_schema(), db, settings)

    async def health(_: Request) -> Response:
        try:
            async with db.read() as conn:
                await conn.execute(sa.text("SELECT 1"))
        except ServiceUnavailable:
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, 503)
        return JSONResponse({"status": "ok", "database": db.dialect})

    async def root(request: Request) -> Response:
        if request.method == "GET":
            return RedirectResponse("/graphql")
        return await graphql.handle(request)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        # Everything alive now (modules, the schema, compiled statements) lives as long as
        # the process: freezing it keeps full collections from rescanning it under load.
        gc.collect()
        gc.freeze()
        async with running_loops(db, settings):
            yield
        await db.dispose()

    app = Starlette(
        routes=[
            Route("/graphql", graphql.handle, methods=["GET", "POST"]),
            Route("/graphql/", graphql.handle, methods=["GET", "POST"]),
            Route("/", root, methods=["GET", "POST"]),
            Route("/health", health, methods=["GET"]),
            Mount("/api", app=build_rest_app(db, settings)),
        ],
        lifespan=lifespan,
        exception_handlers={Exception: internal_error},
    )
    app.state.db = db
    app.state.settings = settings
    return app
