"""GraphQL over WebSocket on /graphql and /: Strawberry's handlers for graphql-transport-ws
and the legacy graphql-ws, over our Operations (subscriptions_runtime.py).

Keep-alive: graphql-ws sends `ka` and graphql-transport-ws sends `ping` every
`keep_alive_seconds` (uvicorn's WebSocket pings run underneath), so idle connections stay open
through proxies. A connection has at most `max_subscriptions` operations at once; one more is
answered with an error on that operation. When a connection closes, its operations are
cancelled and their generators closed (a live query without subscribers stops)."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

import orjson
from graphql import GraphQLSchema
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import ConnectionInitMessage
from strawberry.types.unset import UNSET, UnsetType

from ..auth import Authenticator
from ..database.engine import Database
from ..domain.access import Principal
from ..domain.errors import FlowrunError
from ..events import Changes
from ..events import sqlite as sqlite_events
from ..settings import Settings
from .subscriptions_runtime import Operations, Prepare

if TYPE_CHECKING:
    from ..events.postgres import PostgresListener, Publisher

# connection_init's payload -> the principal the connection acts as (server/auth.py); raises
# a FlowrunError (Unauthenticated) to refuse the connection with its code.
Authenticate = Callable[[dict[str, Any]], Awaitable[Principal]]


class PingingTransportWSHandler(BaseGraphQLTransportWSHandler[Any, Any]):
    """graphql-transport-ws, plus a server `ping` every keep-alive interval once acknowledged."""

    keep_alive_seconds = 15.0
    _pinger: asyncio.Task[None] | None = None

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        if self.connection_acknowledged and self._pinger is None:
            self._pinger = asyncio.create_task(self._ping())

    async def _ping(self) -> None:
        with contextlib.suppress(Exception):
            while True:
                await asyncio.sleep(self.keep_alive_seconds)
                await self.send_message({"type": "ping"})

    async def shutdown(self) -> None:
        if self._pinger is not None:
            self._pinger.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._pinger
        await super().shutdown()


class WebSocketView(GraphQL[Any, Any]):
    def __init__(self, operations: Operations, *, authenticate: Authenticate,
                 keep_alive_seconds: float = 15.0, max_subscriptions: int = 100) -> None:
        super().__init__(cast(Any, operations), graphql_ide=None, keep_alive=True,
                         keep_alive_interval=keep_alive_seconds,
                         connection_init_wait_timeout=timedelta(seconds=30),
                         max_subscriptions_per_connection=max_subscriptions)
        self.operations = operations
        self.authenticate = authenticate
        self.graphql_transport_ws_handler_class = type(
            "TransportWSHandler", (PingingTransportWSHandler,),
            {"keep_alive_seconds": keep_alive_seconds})

    def encode_json(self, data: object) -> str:
        return orjson.dumps(data).decode()  # text frames; orjson is several times faster

    async def get_context(self, request: Request | WebSocket,
                          response: Response | WebSocket) -> dict[str, Any]:
        return {"connection_params": None, "principal": None}

    async def on_ws_connect(self, context: dict[str, Any]) -> UnsetType | dict[str, object]:
        """Check the key in connection_init's payload exactly as HTTP checks its header."""
        params = context.get("connection_params")
        try:
            context["principal"] = await self.authenticate(
                params if isinstance(params, dict) else {})
        except FlowrunError as exc:
            raise ConnectionRejectionError(
                {"message": exc.message, "extensions": {"code": exc.code}}) from exc
        unset: UnsetType = UNSET
        return unset


class LiveUpdates:
    """The WebSocket door and what feeds it, for the app to mount and run."""

    def __init__(self, schema: GraphQLSchema, db: Database, settings: Settings,
                 prepare: Prepare, auth: Authenticator, *, keep_alive_seconds: float,
                 max_subscriptions: int) -> None:
        self.db = db
        # SQLite: another process's writes are seen through PRAGMA data_version (a tenth of a
        # second at most), and subscriptions also re-read every few seconds should that
        # fail; PostgreSQL's notifications reach every process.
        self.changes = Changes(safety_seconds=2.0 if db.is_sqlite else None)
        self.publisher: Publisher | None = None
        if db.is_sqlite:
            sqlite_events.install(db, self.changes)
        else:  # psycopg is imported by a PostgreSQL server only
            from ..events import postgres as postgres_events

            self.publisher = postgres_events.Publisher(db.url)
            postgres_events.install(db, self.changes, self.publisher)
        self.operations = Operations(schema, db, settings, self.changes, prepare, auth)
        self.view = WebSocketView(self.operations, authenticate=auth.authenticate,
                                  keep_alive_seconds=keep_alive_seconds,
                                  max_subscriptions=max_subscriptions)
        self.listener: PostgresListener | None = None

    def routes(self, paths: tuple[str, ...] = ("/graphql", "/graphql/", "/")) -> list[Any]:
        return [WebSocketRoute(path, self.view) for path in paths]

    @contextlib.asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        try:
            if self.db.is_sqlite:  # other processes' writes: PRAGMA data_version
                async with sqlite_events.watching(self.db, self.changes):
                    yield
            else:
                from ..events.postgres import listening

                async with listening(self.db.url, self.changes,
                                     self.publisher) as self.listener:
                    yield
        finally:
            await self.operations.live.close()

    def stats(self) -> dict[str, Any]:
        live = self.operations.live
        return {"live_queries": len(live.queries), "live_subscribers": live.subscribers,
                "signals": self.changes.listeners,
                "notifications": self.changes.published,  # change notices this process had
                "listening": self.listener.connected.is_set() if self.listener else None,
                "listener_connections": self.listener.connections if self.listener else None,
                # NOTIFYs this process sent for its own writes (PostgreSQL)
                "notifies_sent": self.publisher.sent if self.publisher else None}
