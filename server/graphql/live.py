"""Live queries, multiplexed as in Hasura: one re-execution per distinct (document, variables,
operation) in this process, shared by all its subscribers.

A live query runs its subscription's document as the same query, at once and then whenever a
table it reads changed (a `Signal` from server/events), at most once per `window` seconds: a
burst of writes gives one re-execution. The bell is cleared before each execution, so a change
that commits while one runs rings again and is never lost. A result equal to the last one is
not sent. Each subscriber holds only the newest result it has not sent yet (a one-slot
mailbox): a subscriber that reads slowly, or not at all, skips intermediate results and never
makes the server buffer more than one result for it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Hashable
from typing import Any

import orjson
from graphql import DocumentNode

from ..database.engine import Database
from ..events import Changes
from ..settings import Settings
from .context import Context

log = logging.getLogger("flowrun.graphql")
Result = dict[str, Any]  # {"data": ..., "errors": [formatted, ...]}
Execute = Callable[[DocumentNode, dict[str, Any] | None, str | None, Context], Awaitable[Result]]


class LiveContext(Context):
    """A subscription's context: the database, the change notifications, the principal."""

    def __init__(self, db: Database, settings: Settings, request_id: str, changes: Changes,
                 principal: Any = None) -> None:
        super().__init__(db, settings, request_id)
        self.changes = changes
        self.principal = principal

    def fresh_loaders(self) -> None:
        """Forget batched rows before the next event, so it reads the database anew."""
        self._loaders.clear()


class Mailbox:
    """The newest result a subscriber has not taken yet (one slot, overwritten)."""

    def __init__(self) -> None:
        self.value: Result | None = None
        self._ready = asyncio.Event()

    def put(self, value: Result) -> None:
        self.value = value
        self._ready.set()

    async def take(self) -> Result:
        await self._ready.wait()
        self._ready.clear()
        assert self.value is not None
        return self.value


class LiveQuery:
    def __init__(self, owner: LiveQueries, key: Hashable, document: DocumentNode,
                 variables: dict[str, Any] | None, operation_name: str | None,
                 tables: frozenset[str] | None, principal: Any = None) -> None:
        self.owner, self.key, self.principal = owner, key, principal
        self.document, self.variables, self.operation_name = document, variables, operation_name
        self.signal = owner.changes.signal(tables)
        self.subscribers: set[Mailbox] = set()
        self.latest: Result | None = None
        self.executions = 0
        self.request_id = f"live-{uuid.uuid4().hex[:12]}"
        self.task = asyncio.create_task(self._run(), name=f"live-query {self.request_id}")

    def join(self) -> Mailbox:
        box = Mailbox()
        if self.latest is not None:
            box.put(self.latest)
        self.subscribers.add(box)
        return box

    def leave(self, box: Mailbox) -> None:
        self.subscribers.discard(box)
        if not self.subscribers:
            self.owner.forget(self)

    async def _run(self) -> None:
        last = -self.owner.window
        while True:
            pause = self.owner.window - (time.monotonic() - last)
            if pause > 0:
                await asyncio.sleep(pause)
            self.signal.clear()
            last = time.monotonic()
            result = await self._execute()
            if result != self.latest:
                self.latest = result
                for box in self.subscribers:
                    box.put(result)
            await self.signal.wait(self.owner.changes.safety_seconds)

    async def _execute(self) -> Result:
        self.executions += 1
        owner = self.owner
        context = LiveContext(owner.db, owner.settings, self.request_id, owner.changes,
                              self.principal)
        try:
            return await self.owner.execute(self.document, self.variables,
                                            self.operation_name, context)
        except Exception:  # never leave the subscribers waiting on a dead task
            log.exception("live query %s failed", self.request_id)
            return {"data": None, "errors": [{
                "message": f"Internal server error (request id {self.request_id})",
                "extensions": {"code": "INTERNAL_SERVER_ERROR",
                               "request_id": self.request_id}}]}

    async def stop(self) -> None:
        self.signal.close()
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


class LiveQueries:
    def __init__(self, db: Database, settings: Settings, changes: Changes, execute: Execute, *,
                 window: float = 0.1) -> None:
        self.db, self.settings, self.changes, self.execute = db, settings, changes, execute
        self.window = window
        self.queries: dict[Hashable, LiveQuery] = {}
        self._stopping: set[asyncio.Task[None]] = set()

    async def results(self, query: str, document: DocumentNode,
                      variables: dict[str, Any] | None, operation_name: str | None,
                      tables: frozenset[str] | None, audience: Hashable = None,
                      ) -> AsyncIterator[Result]:
        """The results of one subscriber, the first at once, until it stops iterating.
        Subscribers share an execution only when `audience` (who may see what: the
        connection's principal) is the same too."""
        key = (query, orjson.dumps(variables, option=orjson.OPT_SORT_KEYS, default=str),
               operation_name, audience)
        live = self.queries.get(key)
        if live is None:
            live = self.queries[key] = LiveQuery(self, key, document, variables,
                                                 operation_name, tables, audience)
        box = live.join()
        try:
            while True:
                yield await box.take()
        finally:
            live.leave(box)

    def forget(self, live: LiveQuery) -> None:
        if self.queries.get(live.key) is live:
            del self.queries[live.key]
        task = asyncio.ensure_future(live.stop())
        self._stopping.add(task)
        task.add_done_callback(self._stopping.discard)

    @property
    def subscribers(self) -> int:
        return sum(len(q.subscribers) for q in self.queries.values())

    async def close(self) -> None:
        for live in list(self.queries.values()):
            await live.stop()
        self.queries.clear()

