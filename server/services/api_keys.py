"""API keys: create (the key is returned once and only its SHA-256 is stored), list, revoke,
and authenticate a presented key.

A key is `flowrun_` followed by 32 random bytes (urlsafe base64): with that much entropy a
plain SHA-256 is as good as a slow hash, and lets a key be found by its hash. The hash found is
compared again in constant time before the key is trusted."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pendulum

from ..domain import clock
from ..domain.access import Principal, Scope
from ..domain.errors import InvalidInput, NotFound, Unauthenticated
from ..repository import api_keys as repo
from ..repository.common import Conn, Row

KEY_PREFIX = "flowrun_"
LAST_USED_RESOLUTION_SECONDS = 60  # last_used is written at most once a minute per key
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class ApiKeyRecord:
    id: uuid.UUID
    name: str
    scope: Scope
    created: pendulum.DateTime
    expires: pendulum.DateTime | None
    last_used: pendulum.DateTime | None
    revoked: pendulum.DateTime | None


@dataclass(frozen=True)
class CreatedKey:
    record: ApiKeyRecord
    key: str  # shown once, never stored


@dataclass(frozen=True)
class Authenticated:
    principal: Principal
    needs_touch: bool  # last_used is older than its resolution: record this use
    key_id: uuid.UUID


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


async def create_key(
    conn: Conn, *, name: str, scope: Scope, expires_in_seconds: float | None = None
) -> CreatedKey:
    name = (name or "").strip()
    if not name or len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"An API key needs a name of 1 to {MAX_NAME_LENGTH} characters",
                           field="name")
    if scope is Scope.OPEN:
        raise InvalidInput("A key's scope is read, write or admin", field="scope")
    if expires_in_seconds is not None and expires_in_seconds <= 0:
        raise InvalidInput("A key's lifetime must be more than zero", field="expires_in")
    now = clock.now()
    expires = now.add(seconds=expires_in_seconds) if expires_in_seconds is not None else None
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    key_id = await repo.insert(conn, name=name, scope=scope.label, key_hash=hash_key(key),
                               now=now, expires=expires)
    record = ApiKeyRecord(key_id, name, scope, now, expires, None, None)
    return CreatedKey(record, key)


async def list_keys(conn: Conn) -> list[ApiKeyRecord]:
    return [_record(row) for row in await repo.list_all(conn)]


async def revoke_key(conn: Conn, *, name: str) -> None:
    if not await repo.revoke(conn, name, clock.now()):
        if await repo.get_by_name(conn, name) is None:
            raise NotFound(f"No API key named {name!r}")
        raise NotFound(f"The API key {name!r} is revoked already")


async def authenticate(conn: Conn, key: str) -> Authenticated:
    """The principal a presented key stands for; Unauthenticated for a wrong, expired or
    revoked key."""
    key_hash = hash_key(key)
    row = await repo.get_by_hash(conn, key_hash) if key.startswith(KEY_PREFIX) else None
    if row is None or not hmac.compare_digest(row.key_hash, key_hash):
        raise Unauthenticated("The API key is not valid")
    now = clock.now()
    if row.revoked is not None:
        raise Unauthenticated(f"The API key {row.name!r} was revoked")
    if row.expires is not None and row.expires <= now:
        raise Unauthenticated(f"The API key {row.name!r} expired at {row.expires}")
    stale = now.subtract(seconds=LAST_USED_RESOLUTION_SECONDS)
    principal = Principal(row.name, Scope.parse(row.scope), str(row.id))
    return Authenticated(principal, row.last_used is None or row.last_used < stale, row.id)


async def record_use(conn: Conn, key_id: uuid.UUID) -> None:
    now = clock.now()
    await repo.touch(conn, key_id, now, now.subtract(seconds=LAST_USED_RESOLUTION_SECONDS))


def _record(row: Row) -> ApiKeyRecord:
    return ApiKeyRecord(row.id, row.name, Scope.parse(row.scope), _time(row.created),
                        _time(row.expires), _time(row.last_used), _time(row.revoked))


def _time(value: datetime | None) -> Any:
    return pendulum.instance(value) if value is not None else None
