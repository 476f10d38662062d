"""The application factory: composes the doors (GraphQL, REST) over one Database.
Nothing is created at import time."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import sqlalchemy as sa
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .auth import Authenticator
from .body_limit import BodyLimit
from .database.engine import Database
from .domain.errors import ServiceUnavailable
from .graphql.schema import build_schema
from .graphql.view import GraphQLEndpoint
from .graphql.websocket import LiveUpdates
from .loops import running_loops
from .middleware import internal_error
from .settings import Settings, get_settings
from .ui import UI

log = logging.getLogger("flowrun")


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    db = Database(
        settings.database_url,
        pool_size=settings.db_pool_size,
        timeout=settings.db_timeout_seconds,
    )
    auth = Authenticator(db, required=bool(settings.auth_required))
    graphql = GraphQLEndpoint(build_schema(), db, settings, auth=auth)
    live = LiveUpdates(graphql.schema, db, settings, graphql.prepare, auth,
                       keep_alive_seconds=settings.ws_keepalive_seconds,
                       max_subscriptions=settings.subscriptions_per_connection)
    ui = UI()

    async def health(_: Request) -> Response:
        try:
            async with db.read() as conn:
                # a SELECT, not text: text SQL counts as a write of every table (collect.py)
                await conn.execute(sa.select(sa.literal(1)))
        except ServiceUnavailable:
            return JSONResponse({"status": "unavailable", "database": "unreachable"}, 503)
        return JSONResponse({"status": "ok", "database": db.dialect, "live": live.stats()})

    async def root(request: Request) -> Response:
        if request.method in ("GET", "HEAD"):
            return await ui.app_page(request)
        return await graphql.handle(request)

    async def graphql_or_playground(request: Request) -> Response:
        if request.method in ("GET", "HEAD"):
            return await ui.graphiql_page(request)
        return await graphql.handle(request)

    def build_rest() -> ASGIApp:
        from .rest import build_rest_app

        return build_rest_app(db, settings, auth=auth)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        # Everything alive now (modules, the schema, compiled statements) lives as long as
        # the process: freezing it keeps full collections from rescanning it under load.
        # No collection first: it would find ~1,000 garbage objects (no measurable memory)
        # in ~220,000 and cost 0.2 s of the start. server.serve turns the collector off
        # while the app loads; it is back on from here.
        gc.freeze()
        gc.enable()
        async with live.running(), running_loops(db, settings):
            yield
        await db.dispose()

    routes: list[BaseRoute] = [
        Route("/graphql", graphql_or_playground, methods=["GET", "POST"]),
        Route("/graphql/", graphql_or_playground, methods=["GET", "POST"]),
        Route("/", root, methods=["GET", "POST"]),
        Route("/health", health, methods=["GET"]),
        Mount("/api", app=BuiltOnFirstRequest(build_rest)),  # the REST door
        *live.routes(),  # GraphQL over WebSocket on /graphql and /
        ui.mount(),
        Route("/{path:path}", ui.app_page, methods=["GET"]),  # the UI's own paths, last
    ]
    app = Starlette(
        routes=routes,
        lifespan=lifespan,
        exception_handlers={Exception: internal_error, 404: _not_found},
        middleware=_middleware(settings),
    )
    app.state.db = db
    app.state.auth = auth  # the WebSocket door authenticates connection_init with it
    app.state.graphql = graphql
    app.state.settings = settings
    return app


class BuiltOnFirstRequest:
    """An ASGI app imported and built when its first request comes. The REST door (/api) is
    one: a process that serves only GraphQL, as most do, never loads its modules and Pydantic
    models (1.2 MiB of an idle process, bench/startup.py); the first REST request pays for
    the import, once per process."""

    __slots__ = ("_app", "_build")

    def __init__(self, build: Callable[[], ASGIApp]) -> None:
        self._build = build
        self._app: ASGIApp | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        app = self._app
        if app is None:
            app = self._app = self._build()
        await app(scope, receive, send)


async def _not_found(request: Request, _: Exception) -> Response:
    """A path no route takes (one with a newline in it escapes even the /api mount): JSON in
    the shape of the door it was aimed at, never Starlette's plain text."""
    message = f"No route for {request.url.path!r}"
    if request.url.path.startswith("/api"):
        return JSONResponse({"detail": message, "code": "NOT_FOUND", "details": {}}, 404)
    return JSONResponse({"errors": [{"message": message,
                                     "extensions": {"code": "NOT_FOUND"}}]}, 404)


def _middleware(settings: Settings) -> list[Middleware]:
    """The body limit for every request; CORS only for the origins the operator allowed."""
    middleware = [Middleware(BodyLimit, max_bytes=settings.max_body_bytes)]
    if settings.cors_origins:
        middleware.insert(0, Middleware(
            CORSMiddleware, allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["authorization", "content-type", "x-request-id",
                           "x-prefect-api-version"],
        ))
    return middleware
