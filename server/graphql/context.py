"""The per-request context: the database, the app's settings, who is asking, the limits, and
the request's dataloaders."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from strawberry.dataloader import DataLoader

from ..database.engine import Database
from ..domain.access import ANONYMOUS, Principal
from ..domain.limits import DEFAULT_LIMITS, Limits
from ..settings import Settings


class Context:
    def __init__(self, db: Database, settings: Settings, request_id: str,
                 principal: Principal = ANONYMOUS, limits: Limits = DEFAULT_LIMITS) -> None:
        self.db = db
        self.settings = settings
        self.request_id = request_id
        self.principal = principal  # who is asking: audit columns record its key's name
        self.limits = limits
        self._loaders: dict[Hashable, DataLoader[Any, Any]] = {}

    def loader(
        self, key: Hashable, load: Callable[[list[Any]], Awaitable[list[Any]]]
    ) -> DataLoader[Any, Any]:
        """One batching loader per (relation, arguments) for the life of the request."""
        loader = self._loaders.get(key)
        if loader is None:
            loader = self._loaders[key] = DataLoader(load_fn=load)
        return loader
