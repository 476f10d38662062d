"""Which tables a connection's statements wrote, collected as they run (`before_execute`), so
that the process can say so once they committed: events/sqlite.py after its commit,
events/postgres.py when the connection is handed back (and to the other API processes).

A statement writes the table of its INSERT, UPDATE or DELETE, every table a data-modifying
CTE it adds (`add_cte`) or selects from writes (PostgreSQL's one-statement create and state
change are SELECTs and INSERTs over such CTEs), and for a DELETE every table whose rows the
database then deletes or updates by a foreign key's ON DELETE. Text SQL says nothing it can
read: it counts as every table (`ALL`). A SELECT is looked into only when it adds CTEs, so a
read costs one attribute test; a data-modifying CTE must be added with `add_cte` (or reached
from one that is) to be seen in a SELECT."""

from __future__ import annotations

import weakref
from functools import cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql import visitors
from sqlalchemy.sql.dml import Delete, Insert, UpdateBase

from .hub import ALL

TOUCHED = "flowrun_touched"  # the set of table names, in the connection's `info`

# Walking a statement's tree costs 10-150 µs; the statements that need it are built once
# (repository/driver.py) or cached, so the answer is kept per statement object.
_WRITES: weakref.WeakKeyDictionary[Any, frozenset[str]] = weakref.WeakKeyDictionary()


def collect(conn: sa.Connection, clause: Any, *_args: Any) -> None:
    """A `before_execute` listener: add what `clause` writes to the connection's TOUCHED."""
    if isinstance(clause, UpdateBase):
        touched: set[str] = conn.info.setdefault(TOUCHED, set())
        if clause._independent_ctes or (isinstance(clause, Insert) and clause.select is not None):
            touched.update(_walked(clause))  # itself among what it reaches
        else:
            touched.update(_written_by(clause))
    elif isinstance(clause, sa.Select):
        if clause._independent_ctes:
            written = _walked(clause)
            if written:
                conn.info.setdefault(TOUCHED, set()).update(written)
    elif isinstance(clause, sa.TextClause):  # SQL we cannot read the table from
        conn.info.setdefault(TOUCHED, set()).add(ALL)


def _written_by(write: UpdateBase) -> frozenset[str]:
    """The tables one INSERT, UPDATE or DELETE (not the CTEs in it) changes."""
    table = getattr(write, "table", None)
    if not isinstance(table, sa.Table):
        return frozenset((ALL,))  # a write whose table we cannot name
    if isinstance(write, Delete):
        return cascades_to(table) | {table.name}
    return frozenset((table.name,))


def _walked(clause: Any) -> frozenset[str]:
    """What every write in `clause`'s tree changes (kept per statement object)."""
    found = _WRITES.get(clause)
    if found is None:
        found = _WRITES[clause] = frozenset().union(
            *(_written_by(element) for element in visitors.iterate(clause)
              if isinstance(element, UpdateBase)))
    return found


@cache
def cascades_to(table: sa.Table) -> frozenset[str]:
    """The tables a DELETE from `table` can change through ON DELETE CASCADE or SET NULL,
    transitively (a flow's runs, their states, task runs and logs)."""
    found: set[str] = set()
    frontier = [table]
    while frontier:
        parent = frontier.pop()
        for child in table.metadata.tables.values():
            if child.name in found:
                continue
            if any(fk.column.table is parent and (fk.ondelete or "").upper()
                   in ("CASCADE", "SET NULL") for fk in child.foreign_keys):
                found.add(child.name)
                frontier.append(child)
    found.discard(table.name)
    return frozenset(found)
