"""The Subscription root type, in Hasura's dialect:

    every Query root field      a live query of the same name, arguments and type: its result
                                at once, then again whenever it changes (served by live.py)
    <table>_stream              for the append-only tables (log, flow_run_state,
                                task_run_state): batches of rows after a cursor, in commit
                                order, resumable: `cursor: {initial_value: {position: "..."},
                                ordering: ASC}`, `batch_size`, `where`

The live twins are made from the Query type's fields, so a new query field is a subscription
too, without further code."""

from __future__ import annotations

import copy
import enum
from collections.abc import AsyncGenerator
from typing import Any

import strawberry

from ..domain.errors import InvalidInput
from ..repository import streams
from ..repository.entities import Entity
from ..services import reads
from . import generated
from .inputs import plain

_NS = globals()
POLL_HELD_BACK = 0.02  # an older writer is still running: look again soon
SAFETY_SECONDS = 30.0  # re-read now and then even without a notification


@strawberry.enum(name="cursor_ordering", description="Hasura's stream ordering (ASC only)")
class CursorOrdering(enum.Enum):
    ASC = "ASC"
    DESC = "DESC"


_NS["cursor_ordering"] = CursorOrdering


def _input(name: str, fields: dict[str, str], defaults: dict[str, Any]) -> None:
    namespace: dict[str, Any] = {"__annotations__": fields, "__module__": __name__, **defaults}
    _NS[name] = strawberry.input(name=name)(type(name, (), namespace))


def _stream_types(entity: Entity) -> None:
    name = entity.name
    _NS[name] = getattr(generated, name)
    _NS[f"{name}_bool_exp"] = getattr(generated, f"{name}_bool_exp")
    _input(f"{name}_stream_cursor_value_input", {"position": "str | None"},
           {"position": strawberry.field(default=None, description=(
               "A row's `position` as the stream sent it; rows after it come next. Omit it "
               "to start from the first row."))})
    _input(f"{name}_stream_cursor_input",
           {"initial_value": f"{name}_stream_cursor_value_input",
            "ordering": "cursor_ordering | None"},
           {"ordering": CursorOrdering.ASC})


def _start(cursor: list[Any]) -> reads.StreamPosition:
    if len(cursor) != 1:
        raise InvalidInput("cursor takes exactly one {initial_value, ordering}",
                                   field="cursor")
    if cursor[0].ordering is CursorOrdering.DESC:
        raise InvalidInput("Streams run in commit order: ordering must be ASC",
                                   field="ordering")
    return reads.stream_position(cursor[0].initial_value.position)


def _stream_resolver(entity: Entity) -> Any:
    async def resolve(info: strawberry.Info, batch_size: int, cursor: list[Any],
                      where: Any = None) -> AsyncGenerator[Any, None]:
        after, limit = _start(cursor), reads.stream_batch_size(batch_size)
        context, condition = info.context, plain(where)
        signal = context.changes.signal([entity.table.name])
        try:
            while True:
                signal.clear()
                async with context.db.read() as conn:
                    rows, held_back = await reads.stream_after(conn, entity, after, limit,
                                                               condition)
                if rows:
                    after = (rows[-1].xid, rows[-1].seq)
                    context.fresh_loaders()
                    yield rows
                if len(rows) < limit:
                    await signal.wait(POLL_HELD_BACK if held_back else
                                      context.changes.safety_seconds or SAFETY_SECONDS)
        finally:
            signal.close()

    name = entity.name
    resolve.__annotations__ = {
        "info": "strawberry.Info", "batch_size": "int",
        "cursor": f"list[{name}_stream_cursor_input]", "where": f"{name}_bool_exp | None",
        "return": f"AsyncGenerator[list[{name}], None]",
    }
    resolve.__module__ = __name__
    return strawberry.subscription(
        resolver=resolve,
        description=f"{name} rows in commit order, in batches, from a cursor (resumable)",
    )


def _live_twins(query: type) -> dict[str, Any]:
    """A subscription field per Query field, with its arguments and type. live.py runs them
    as the query (multiplexed), so the resolver kept here is the query's own."""
    twins: dict[str, Any] = {}
    for field in query.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        twin = copy.copy(field)
        twin.is_subscription = True
        twin.description = f"Live: {field.description or field.name}, sent again on change"
        twins[field.python_name] = twin
    return twins


def build_subscription_type(query: type) -> type:
    namespace: dict[str, Any] = {"__module__": __name__, **_live_twins(query)}
    for field_name in streams.STREAMS:
        entity = streams.stream_entity(field_name)
        _stream_types(entity)
        namespace[field_name] = _stream_resolver(entity)
    return strawberry.type(name="Subscription")(type("Subscription", (), namespace))


