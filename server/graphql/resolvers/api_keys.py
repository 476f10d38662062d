"""API keys over GraphQL, for an admin key: create (the key is in the answer once, never
again), list (never the key nor its hash), revoke. `flowrun api-key` does the same on the
database directly."""

import uuid

import strawberry

from ...domain.access import Scope
from ...services import api_keys as service
from ..scalars import DateTime
from . import done, in_transaction, snake_input, snake_type, success_payload


@snake_input
class create_api_key_input:
    name: str
    scope: str = strawberry.field(description="read, write or admin")
    expires_in_seconds: float | None = strawberry.field(
        default=None, description="The key's lifetime; none: it never expires")


@snake_input
class revoke_api_key_input:
    name: str


@snake_type
class api_key_info:
    id: uuid.UUID
    name: str
    scope: str
    created: DateTime
    expires: DateTime | None
    last_used: DateTime | None
    revoked: DateTime | None


@snake_type
class create_api_key_payload:
    key: str = strawberry.field(description="The key itself: shown in this answer only")
    api_key: api_key_info


def _info(record: service.ApiKeyRecord) -> api_key_info:
    return api_key_info(
        id=record.id, name=record.name, scope=record.scope.label,
        created=DateTime(record.created), expires=_time(record.expires),
        last_used=_time(record.last_used), revoked=_time(record.revoked),
    )


def _time(value: object | None) -> DateTime | None:
    return DateTime(value) if value is not None else None


@strawberry.type
class ApiKeyQueries:
    @strawberry.field(description="Every API key (admin): never the key or its hash")
    async def api_keys(self, info: strawberry.Info) -> list[api_key_info]:
        async with info.context.db.read() as conn:
            return [_info(record) for record in await service.list_keys(conn)]


@strawberry.type
class ApiKeyMutations:
    @strawberry.mutation(description="Create an API key (admin); the answer holds it once")
    async def create_api_key(
        self, info: strawberry.Info, input: create_api_key_input
    ) -> create_api_key_payload:
        scope = Scope.parse(input.scope)
        created = await in_transaction(info, lambda conn: service.create_key(
            conn, name=input.name, scope=scope, expires_in_seconds=input.expires_in_seconds))
        return create_api_key_payload(key=created.key, api_key=_info(created.record))

    @strawberry.mutation(description="Revoke an API key (admin): every door refuses it now")
    async def revoke_api_key(
        self, info: strawberry.Info, input: revoke_api_key_input
    ) -> success_payload:
        return done(await in_transaction(
            info, lambda conn: service.revoke_key(conn, name=input.name)))
