"""SQLite: one process serves the database, so an in-process signal after each commit does
what NOTIFY does on PostgreSQL. The tables a write transaction touched are collected from the
statements it executed; `Database.transaction` hands them to `Changes` once it committed."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.sql.dml import UpdateBase

from ..database.engine import Database
from .hub import ALL, Changes

TOUCHED = "flowrun_touched"


def install(db: Database, changes: Changes) -> None:
    @event.listens_for(db.write_engine.sync_engine, "before_execute")
    def _collect(conn: sa.Connection, clause: Any, *_args: Any) -> None:
        touched: set[str] = conn.info.setdefault(TOUCHED, set())
        if isinstance(clause, UpdateBase):
            touched.add(getattr(clause.table, "name", ALL))
        elif isinstance(clause, sa.TextClause):  # SQL we cannot read the table from
            touched.add(ALL)

    def _committed(conn: Any) -> None:
        touched = conn.info.pop(TOUCHED, None)
        if touched:
            changes.publish(touched)

    def _rolled_back(conn: Any) -> None:
        conn.info.pop(TOUCHED, None)

    db.after_commit = _committed
    db.after_rollback = _rolled_back
