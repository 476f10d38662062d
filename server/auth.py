"""The access policy every door calls: who is asking (`authenticate`) and may they
(`authorize`, by the one table in domain/access.py).

The rule, the same on every door:
  * a key travels as `Authorization: Bearer <key>`: an HTTP header, or on a WebSocket in the
    `connection_init` payload, as `{"Authorization": "Bearer <key>"}` or
    `{"headers": {"Authorization": "Bearer <key>"}}`;
  * with auth required, no key or a wrong, expired or revoked key is Unauthenticated
    (UNAUTHENTICATED, HTTP 401) before anything runs;
  * with auth off, a request without a key acts as ANONYMOUS (every scope, recorded as
    nobody); a valid key still names who acted; a wrong one is still refused;
  * a key whose scope is below what the operations need is Forbidden (FORBIDDEN, HTTP 403),
    before anything runs, naming the operations and the scope needed.

A WebSocket door calls, in its connection_init handler:

    principal = await request.app.state.auth.authenticate(payload)    # Unauthenticated
    request.app.state.auth.authorize(principal, ["Subscription.<field>", ...])   # Forbidden
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .database.engine import Database
from .domain.access import ANONYMOUS, Principal, authorize
from .domain.errors import Unauthenticated
from .services import api_keys

HOW = "send Authorization: Bearer <key> (flowrun api-key create NAME --scope read)"


def bearer_token(source: Mapping[str, Any] | str | None) -> str | None:
    """The key in an Authorization value, in headers, or in a connection_init payload."""
    if source is None or isinstance(source, str):
        value = source
    else:
        value = _header(source)
        if value is None and isinstance(source.get("headers"), Mapping):
            value = _header(source["headers"])
    if not value:
        return None
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthenticated(f"The Authorization value is not 'Bearer <key>': {HOW}")
    return token.strip()


def _header(source: Mapping[str, Any]) -> str | None:
    for name in ("authorization", "Authorization"):
        value = source.get(name)
        if isinstance(value, str):
            return value
    return None


class Authenticator:
    def __init__(self, db: Database, *, required: bool) -> None:
        self.db = db
        self.required = required

    async def authenticate(self, source: Mapping[str, Any] | str | None) -> Principal:
        """Who is asking; Unauthenticated when they must say and did not, or said wrong."""
        try:
            token = bearer_token(source)
        except Unauthenticated:
            if not self.required:
                return ANONYMOUS
            raise
        if token is None:
            if self.required:
                raise Unauthenticated(f"This server requires an API key: {HOW}")
            return ANONYMOUS
        async with self.db.read() as conn:
            found = await api_keys.authenticate(conn, token)
        if found.needs_touch:
            async with self.db.transaction() as conn:
                await api_keys.record_use(conn, found.key_id)
        return found.principal

    @staticmethod
    def authorize(principal: Principal, operations: Iterable[str]) -> None:
        authorize(principal, list(operations))
