"""The read service: every read of the generic (Hasura-style) read API passes here on its way
to the repository, so the rules a read is subject to (who may see which rows, masking of
fields, audit, limits on what one request may read) have one home for every door.

Today the rules are the repository's: a window (limit, offset) is not negative and a page
holds at most MAX_LIMIT rows (repository/queries.py). Rows hold only the columns the caller
selected (a GraphQL selection reads 5 of a run's 37 columns; see graphql/selection.py), as
read-only objects with one attribute per column. The typed REST reads of flow runs and
deployments are in services/flow_runs.py and services/deployments.py (one module per noun).
The streaming subscriptions read through here too (`stream_after`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..repository import queries, streams
from ..repository.common import Conn
from ..repository.entities import Entity

Where = dict[str, Any] | None
OrderBy = Sequence[dict[str, Any]] | None
ReadRow = Any  # a read-only row: one attribute per selected column


async def rows(
    conn: Conn, entity: Entity, *, where: Where = None, order_by: OrderBy = None,
    limit: int | None = None, offset: int | None = None, columns: Sequence[str] | None = None,
) -> Sequence[ReadRow]:
    return await queries.select_rows(conn, entity, where=where, order_by=order_by, limit=limit,
                                     offset=offset, columns=columns)


async def row_by_id(
    conn: Conn, entity: Entity, key: Any, columns: tuple[str, ...] | None = None
) -> ReadRow | None:
    return await queries.by_id(conn, entity, key, columns)


async def count(conn: Conn, entity: Entity, *, where: Where = None) -> int:
    return await queries.count_rows(conn, entity, where=where)


async def rows_by_keys(
    conn: Conn, entity: Entity, column: str, keys: Sequence[Any]
) -> Mapping[Any, ReadRow]:
    """Rows whose `column` is one of `keys` (many-to-one relations, batched)."""
    return await queries.by_keys(conn, entity, column, keys)


async def children(
    conn: Conn, entity: Entity, column: str, keys: Sequence[Any], *, where: Where = None,
    order_by: OrderBy = None, limit: int | None = None, offset: int | None = None,
) -> Mapping[Any, list[ReadRow]]:
    """Rows of a one-to-many relation for many parents at once (limit/offset per parent)."""
    return await queries.children(conn, entity, column, keys, where=where, order_by=order_by,
                                  limit=limit, offset=offset)


# Streams (log_stream, flow_run_state_stream, task_run_state_stream): rows in commit order
# after a cursor position (repository/streams.py has how positions are kept).
StreamPosition = streams.Position


def stream_position(value: str | None) -> StreamPosition:
    """A cursor's position as the stream sent it; None or "" is the start of the stream."""
    return streams.parse_position(value)


def stream_batch_size(batch_size: int) -> int:
    """The batch size, if within the stream's limit (else InvalidInput naming it)."""
    return streams.check_batch_size(batch_size)


async def stream_after(
    conn: Conn, entity: Entity, after: StreamPosition, limit: int, where: Where = None,
) -> tuple[Sequence[ReadRow], bool]:
    """Up to `limit` rows after `after`, and whether later rows are held back for now."""
    return await streams.read_after(conn, entity, after, limit, where)
